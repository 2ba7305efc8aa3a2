import ClaimExtractor
import ClaimLedger
import Testing

@Suite struct HeaderLinesTests {
  @Test func setMetadataAndLeaveTheBody() throws {
    let document = try readDocument(
      """
      URL: https://news.example.com/2019/04/22/cars-drive-themselves.html
      TITLE: Cars will drive themselves, says a founder
      Author: Jane Roe

      Cars will drive themselves next year, the founder said.
      """, path: "a.txt")
    #expect(
      document.metadata.url == "https://news.example.com/2019/04/22/cars-drive-themselves.html")
    #expect(document.metadata.title == "Cars will drive themselves, says a founder")
    #expect(document.metadata.author == "Jane Roe")
    #expect(
      document.sections[0].lines == [
        TextLine(text: "Cars will drive themselves next year, the founder said.", line: 5)
      ])
  }

  /// A page copied whole repeats its title as its first line: that line is a heading; the same
  /// words after the text has begun are text.
  @Test func theTitleRepeatedAsTheFirstLineIsAHeading() throws {
    let document = try readDocument(
      """
      TITLE: Ten Predictions for 2027

      Ten Predictions for 2027

      Sales will rise.
      Ten Predictions for 2027
      """, path: "a.txt")
    #expect(
      document.sections[0].lines == [
        TextLine(text: "Ten Predictions for 2027", line: 3, isHeading: true),
        TextLine(text: "Sales will rise.", line: 5),
        TextLine(text: "Ten Predictions for 2027", line: 6),
      ])
  }

  @Test func aRepeatedTitleThatMakesAForecastStaysText() throws {
    let document = try readDocument(
      """
      TITLE: Goldman Sachs expects the Fed to cut rates twice in 2027

      Goldman Sachs expects the Fed to cut rates twice in 2027
      """, path: "a.txt")
    #expect(document.sections[0].lines.map(\.isHeading) == [false])
  }

  @Test func chineseKeysWithFullWidthColons() throws {
    let metadata = try readDocument(
      """
      标题：明年芯片产能会翻倍
      作者：王小明
      来源：[科技日报](https://daily.example.cn/a/1)
      正文。
      """
    ).metadata
    #expect(metadata.title == "明年芯片产能会翻倍")
    #expect(metadata.author == "王小明")
    #expect(metadata.source == "科技日报")
    #expect(metadata.url == "https://daily.example.cn/a/1")
  }

  @Test func traditionalKeys() throws {
    let metadata = try readDocument("標題：明年展望\n來源：港聞週報\n鏈接：https://hk.example/x\n內文").metadata
    #expect(metadata.title == "明年展望")
    #expect(metadata.source == "港聞週報")
    #expect(metadata.url == "https://hk.example/x")
  }

  @Test(arguments: [
    ("Date: 2026-02-01", day(2026, 2, 1)),
    ("date: 2026/02/01", day(2026, 2, 1)),
    ("日期：2026年2月1日", day(2026, 2, 1)),
    ("时间：2026.02.01", day(2026, 2, 1)),
    ("時間：2026年02月01日 10:00", day(2026, 2, 1)),
    ("Published: April 22, 2019", day(2019, 4, 22)),
    ("Published: 22 April 2019", day(2019, 4, 22)),
    ("Date: Apr. 3, 2020", day(2020, 4, 3)),
    ("Date: someday", nil),
  ])
  func headerDatesInEveryForm(_ header: String, _ expected: Day?) throws {
    #expect(try readDocument("\(header)\n\nText.").metadata.published == expected)
  }

  @Test func onlyTheTopBlockIsHeader() throws {
    let document = try readDocument("Intro line.\nTitle: not a header here")
    #expect(document.metadata.title == nil)
    #expect(document.sections[0].lines.count == 2)
  }
}
