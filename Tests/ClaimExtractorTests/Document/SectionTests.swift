import ClaimExtractor
import ClaimLedger
import Testing

@Suite struct SectionTests {
  static let digest = """
    # 每日科技简报 - 2026年03月01日

    ## 云帆发布新芯片，称明年量产

    > **分类：** 硬件
    > **来源：** [硅谷观察](https://wx.example.com/s/one)

    **要点：** 公司预计明年量产。

    ---

    ## 星河科技：三年内盈利

    > **來源：** [港股日報](https://hk.example.com/s/two) 、 [另一家](https://x.example/3)

    - 管理层表示三年内实现盈利
    """

  @Test func eachHeadingOpensASectionWithItsSource() throws {
    let sections = try readDocument(Self.digest).sections
    #expect(
      sections.map(\.heading) == [
        "每日科技简报 - 2026年03月01日", "云帆发布新芯片，称明年量产", "星河科技：三年内盈利",
      ])
    #expect(sections.map(\.source) == [nil, "硅谷观察", "港股日報"])
    #expect(
      sections.map(\.url) == [nil, "https://wx.example.com/s/one", "https://hk.example.com/s/two"])
  }

  @Test func labelLinesAreNotBodyText() throws {
    let sections = try readDocument(Self.digest).sections
    #expect(
      sections[1].lines == [
        TextLine(text: "云帆发布新芯片，称明年量产", line: 3, isHeading: true),
        TextLine(text: "要点： 公司预计明年量产。", line: 8),
      ])
    #expect(sections[2].lines.map(\.text) == ["星河科技：三年内盈利", "管理层表示三年内实现盈利"])
  }

  @Test(arguments: [
    ("> 来源：财经早报", "财经早报", nil) as (String, String?, String?),
    (
      "**Source:** [Example Wire](https://wire.example.com/a)", "Example Wire",
      "https://wire.example.com/a"
    ),
    ("来源：财经早报", "财经早报", nil),
    ("Via: https://blog.example.org/p/9", nil, "https://blog.example.org/p/9"),
    ("來源：港聞", "港聞", nil),
    // A second label on the line (the analyst) is no part of the outlet's name.
    ("来源：华信证券　分析师：周明远", "华信证券", nil),
    ("Source: Kestrel Research Analyst: Ann Wu", "Kestrel Research", nil),
    ("Source: Example Wire | Tokyo", "Example Wire", nil),
    ("Source: Reuters, 10:30 GMT", "Reuters, 10:30 GMT", nil),
    ("Source: Kestrel note \"Outlook 2027: Rates\"", "Kestrel note \"Outlook 2027: Rates\"", nil),
  ])
  func sourceLineForms(_ line: String, _ source: String?, _ url: String?) throws {
    let section = try #require(readDocument("## Item\n\(line)\nBody.").sections.first)
    #expect(section.source == source)
    #expect(section.url == url)
    #expect(section.lines.map(\.text) == ["Item", "Body."])
  }

  @Test func categoryLinesAreDropped() throws {
    #expect(try bodyTexts("Category: Chips\n> **分類：** 晶片\nBody.") == ["Body."])
  }

  @Test func textBeforeTheFirstHeadingIsAnUntitledSection() throws {
    let sections = try readDocument("Lead paragraph.\n# Heading\nMore.").sections
    #expect(sections.map(\.heading) == [nil, "Heading"])
  }

  @Test func noTextBeforeTheFirstHeadingMeansNoUntitledSection() throws {
    #expect(try readDocument("\n\n# Heading\nMore.").sections.map(\.heading) == ["Heading"])
  }
}

@Suite struct TextLineTests {
  @Test func keepsItsTextAsBytesAndComparesAsText() {
    var line = TextLine(text: "特斯拉将在2027年推出机器人。", line: 3)
    #expect(line.utf8 == Array("特斯拉将在2027年推出机器人。".utf8))
    #expect(line.text == "特斯拉将在2027年推出机器人。")
    line.text = "Caf\u{E9}"
    #expect(line == TextLine(text: "Cafe\u{301}", line: 3))
    #expect(line != TextLine(text: "Cafe", line: 3))
    #expect(line != TextLine(text: "Caf\u{E9}", line: 4))
  }
}
