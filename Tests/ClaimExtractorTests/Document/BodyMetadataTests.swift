import ClaimExtractor
import ClaimLedger
import Testing

@Suite struct BodyMetadataTests {
  @Test(arguments: [
    ("作者 李华", "李华"),
    ("作者：李华", "李华"),
    ("作者: Li Hua", "Li Hua"),
    ("观察特约作者 陈默", "陈默"),
    ("文/周舟", "周舟"),
    ("文 | 周舟", "周舟"),
    ("记者 赵一", "赵一"),
    ("本報記者 錢二", "錢二"),
    // The place a report was filed from follows the name.
    ("記者王大明／台北報導", "王大明"), ("记者 李明/北京报道", "李明"),
    ("By Jane Doe", "Jane Doe"),
    ("By Jane Doe, Example Wire", "Jane Doe"),
  ])
  func bylineGivesTheAuthorAndLeavesTheBody(_ byline: String, _ author: String) throws {
    let document = try readDocument("\(byline)\n明年销量会增长。")
    #expect(document.metadata.author == author)
    #expect(document.sections[0].lines.map(\.text) == ["明年销量会增长。"])
  }

  /// A byline that also dates the article gives both, and neither stays in the body; fields set
  /// apart by bars name the author first only when another field is the date.
  @Test(arguments: [
    ("航天观察网记者 苏晓岚　2026年04月16日 09:42", "苏晓岚", day(2026, 4, 16)),
    ("香港財經時報記者 何嘉敏　2026年08月14日 星期五", "何嘉敏", day(2026, 8, 14)),
    (
      "Marcus Bell | Coast Sports Daily | Monday, October 19, 2026", "Marcus Bell",
      day(2026, 10, 19)
    ),
    ("By Colm Everard, economics correspondent | July 20, 2026", "Colm Everard", day(2026, 7, 20)),
    ("记者 苏晓岚2026年04月16日", "苏晓岚", day(2026, 4, 16)),
    ("本报记者 何嘉敏 北京报道 2026年08月14日", "何嘉敏", day(2026, 8, 14)),
    (
      "2026-09-13, by Catarina Saraiva and Dana Morgan (Coast Business News)",
      "Catarina Saraiva and Dana Morgan", day(2026, 9, 13)
    ),
    ("By Ann Lee, September 13, 2026", "Ann Lee", day(2026, 9, 13)),
  ])
  func aBylineWithADateGivesBoth(_ byline: String, _ author: String, _ published: Day?) throws {
    let document = try readDocument("\(byline)\nSales will rise next year.")
    #expect(document.metadata.author == author)
    #expect(document.metadata.published == published)
    #expect(document.sections[0].lines.map(\.text) == ["Sales will rise next year."])
  }

  @Test func barsWithoutADateAreNoByline() throws {
    let document = try readDocument("Markets | Energy | Opinion\nSales will rise next year.")
    #expect(document.metadata.author == nil)
  }

  @Test(arguments: [
    "作者认为，明年销量会增长，这一点很清楚。",
    "By the end of next year, sales will double.",
    "By Christmas, Kestrel Bank expects prices to rise, and it will cut rates on March 1, 2027.",
    "Market Outlook | Week of March 9, 2026",
    "By March 1, 2027, Kestrel Bank expects prices to rise.",
    "By March 1, 2027 Kestrel Bank Will Cut Rates",
    "2026-09-13 by the river (a picnic)",
  ])
  func sentencesAreNotBylines(_ line: String) throws {
    let document = try readDocument(line)
    #expect(document.metadata.author == nil)
    #expect(document.sections[0].lines.count == 1)
  }

  @Test func bylineAfterTheFifthLineIsText() throws {
    let document = try readDocument("一\n二\n三\n四\n五\n作者 李华")
    #expect(document.metadata.author == nil)
    #expect(document.sections[0].lines.last?.text == "作者 李华")
  }

  @Test(arguments: [
    ("2026/02/01", day(2026, 2, 1)),
    ("2026-02-01", day(2026, 2, 1)),
    ("2026年01月20日", day(2026, 1, 20)),
    ("2026年1月20日", day(2026, 1, 20)),
    ("2026.02.01", day(2026, 2, 1)),
    ("2026-01-26 至 2026-02-01", day(2026, 2, 1)),
    ("2026-01-26 to 2026-02-01", day(2026, 2, 1)),
    ("April 22, 2019", day(2019, 4, 22)),
    ("22 April 2019", day(2019, 4, 22)),
    ("Published Sept. 9, 2025", day(2025, 9, 9)),
    ("Date published: Wednesday 8th August 2018 5:28", day(2018, 8, 8)),
    ("发布时间：2026年3月5日", day(2026, 3, 5)),
  ])
  func datelineGivesTheDayAndLeavesTheBody(_ dateline: String, _ expected: Day?) throws {
    let document = try readDocument("Markets\n\(dateline)\nPrices will rise.")
    #expect(document.metadata.published == expected)
    #expect(document.sections[0].lines.map(\.text) == ["Markets", "Prices will rise."])
  }

  @Test func dateInAHeadingDatesTheArticleAndTheHeadingStays() throws {
    let document = try readDocument("# 科技速递 - 2026年01月20日\n\n## 第一条\n内容。")
    #expect(document.metadata.published == day(2026, 1, 20))
    #expect(document.metadata.title == "科技速递 - 2026年01月20日")
    #expect(
      document.sections[0].lines == [
        TextLine(text: "科技速递 - 2026年01月20日", line: 1, isHeading: true)
      ])
  }

  @Test func shortLineWithADateDatesTheArticleAndStays() throws {
    let document = try readDocument("Weekly notes for 2026-03-02\nRates will fall.")
    #expect(document.metadata.published == day(2026, 3, 2))
    #expect(document.sections[0].lines.count == 2)
  }

  @Test func dateInALongSentenceIsNotADateline() throws {
    let text = "The company said on 2027-06-30 it expects to open its first factory in the region."
    #expect(try readDocument(text).metadata.published == nil)
  }

  /// A page copied whole may run its dateline into the first paragraph: the date opens the
  /// line, whitespace ends it, and it leaves the text, where it would read as a deadline.
  static let paragraph =
    "某研究院最新报告揭示，今年房价虽小幅上涨，但二手房价大跌，两者走势明显背驰，明年新房销售面积预计将继续下跌约百分之六，市场整体处于漫长去库存阶段，购买力将高度集中于好城市。"

  @Test(arguments: [
    ("date 2026-01-02 ", day(2026, 1, 2)),
    ("2026-01-02 ", day(2026, 1, 2)),
    ("2026-01-02 10:30 ", day(2026, 1, 2)),
    ("发布时间：2026年01月02日 10:30:05　", day(2026, 1, 2)),
    ("Published January 2, 2026 ", day(2026, 1, 2)),
    // A time joined to the date makes it a timestamp, in any form.
    ("2026年01月02日09:31 ", day(2026, 1, 2)),
  ])
  func aDateOpeningALongParagraphDatesTheArticleAndLeavesIt(_ opening: String, _ expected: Day?)
    throws
  {
    let document = try readDocument(opening + Self.paragraph)
    #expect(document.metadata.published == expected)
    #expect(document.sections[0].lines.map(\.text) == [Self.paragraph])
  }

  @Test(arguments: [
    // A sentence that starts with the day of an event: punctuation, not a space, follows it.
    "2026年1月2日，",
    "2026-01-02: ",
    // A date further in is the text's.
    "报告称 2026-01-02 ",
    // Without a label, a date in words may be the lede's subject.
    "2027年1月1日 ",
    "September 15, 2008 ",
    // A time after a space may be an event's.
    "2026年1月12日 10:00 ",
  ])
  func aDateThatIsPartOfTheTextStays(_ opening: String) throws {
    let document = try readDocument(opening + Self.paragraph)
    #expect(document.metadata.published == nil)
    #expect(document.sections[0].lines.map(\.text) == [opening + Self.paragraph])
  }

  @Test func anEarlierDatelineWinsOverADateOpeningAParagraph() throws {
    let document = try readDocument("2025-12-30\n2026-01-02 " + Self.paragraph)
    #expect(document.metadata.published == day(2025, 12, 30))
  }

  /// Only the first line of text: a date opening a list item or a later paragraph is its own.
  @Test func aDateOpeningALaterLineIsText() throws {
    let document = try readDocument("Key dates\n\n- 2027-01-15 " + Self.paragraph)
    #expect(document.metadata.published == nil)
    let afterHeading = try readDocument("# What to watch in 2027\n\n2027-03-01 " + Self.paragraph)
    #expect(afterHeading.metadata.published == nil)
  }

  /// A copied page's title line comes before its dateline and is no text yet.
  @Test func aDateAfterTheRepeatedTitleStillOpensTheFirstParagraph() throws {
    let document = try readDocument(
      "TITLE: 钢材价格走势报告\n\n钢材价格走势报告\n2026年01月12日09:31 " + Self.paragraph, path: "a.txt")
    #expect(document.metadata.published == day(2026, 1, 12))
  }

  /// A range beside other words is a period the text speaks of, not the day it came out.
  @Test func aRangeWithOtherWordsIsNoDateline() throws {
    let period = try readDocument("预警周期：2026年1月1日——2026年12月31日\n明年钢价将上涨。")
    #expect(period.metadata.published == nil)
    let report = try readDocument("2026-01-26 至 2026-02-01\n明年钢价将上涨。")
    #expect(report.metadata.published == day(2026, 2, 1))
    let weekly = try readDocument("市场周报（2026.01.26-2026.02.01）\n明年钢价将上涨。")
    #expect(weekly.metadata.published == day(2026, 2, 1))
  }

  @Test func aRepeatedTitleWithADateDatesTheArticle() throws {
    let document = try readDocument(
      "Title: Weekly Outlook, January 26, 2026\n\nWeekly Outlook, January 26, 2026\nRates will fall.",
      path: "a.txt")
    #expect(document.metadata.published == day(2026, 1, 26))
  }

  /// A date in the article's address is surer than one run into the first paragraph.
  @Test func theAddressDateWinsOverADateOpeningAParagraph() throws {
    let document = try readDocument(
      "URL: https://news.example.com/2026/11/20/a.html\n\n2024-01-15 " + Self.paragraph,
      path: "a.txt")
    #expect(document.metadata.published == day(2026, 11, 20))
    #expect(document.sections[0].lines.map(\.text) == [Self.paragraph])
  }

  /// An update's day dates the article only when nothing says when it was published, which
  /// may come on a later line.
  @Test(arguments: [
    ("Updated: 2027-01-05\nPublished: 2026-12-20\n", day(2026, 12, 20)),
    ("Published: 2026-12-20\nLast updated: 2027-01-05\n", day(2026, 12, 20)),
    ("更新于 2027-01-05\n发布于 2026-12-20\n", day(2026, 12, 20)),
    ("Last updated: 2027-01-05\n", day(2027, 1, 5)),
    // Both days on one line: the one after the word of publishing.
    ("Posted 2026-03-01, updated 2026-05-01\n", day(2026, 3, 1)),
    ("更新时间：2026-05-01 发布时间：2026-03-01\n", day(2026, 3, 1)),
  ])
  func anUpdateYieldsToThePublicationDay(_ lines: String, _ expected: Day?) throws {
    let document = try readDocument(lines + "Text.")
    #expect(document.metadata.published == expected)
    #expect(document.sections[0].lines.map(\.text) == ["Text."])
  }

  @Test func frontMatterDateWinsOverADateline() throws {
    let document = try readDocument("---\ndate: 2026-01-02\n---\n2026-05-05\nText.")
    #expect(document.metadata.published == day(2026, 1, 2))
    #expect(try bodyTexts("---\ndate: 2026-01-02\n---\n2026-05-05\nText.") == ["Text."])
  }

  @Test(arguments: [
    ("https://news.example.com/2019/04/22/story.html", day(2019, 4, 22)),
    ("https://news.example.com/2019-04-22/story", day(2019, 4, 22)),
    ("https://news.example.com/story-2019", nil),
  ])
  func dateInTheURLPathIsTheLastResort(_ url: String, _ expected: Day?) throws {
    #expect(try readDocument("URL: \(url)\n\nText.").metadata.published == expected)
  }

  @Test func datelineBeatsTheURLDate() throws {
    let document = try readDocument("URL: https://n.example/2019/04/22/a\n\nApril 23, 2019\nText.")
    #expect(document.metadata.published == day(2019, 4, 23))
  }

  @Test func titleIsTheFirstLevelOneHeading() throws {
    let document = try readDocument("Intro text.\n## Part\n# Main title\nMore.")
    #expect(document.metadata.title == "Main title")
  }

  @Test func headingBeforeAnyTextIsTheTitleWhateverItsLevel() throws {
    #expect(try readDocument("### Small title\nText.").metadata.title == "Small title")
  }
}
