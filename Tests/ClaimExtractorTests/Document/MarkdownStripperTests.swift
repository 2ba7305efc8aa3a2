import ClaimExtractor
import ClaimLedger
import Testing

/// A line of Markdown and the plain text it must become (nil: the line is dropped).
struct StripCase: Sendable, CustomTestStringConvertible {
  let markdown: String
  let plain: String?
  var testDescription: String { "\"\(markdown)\"" }
}

@Suite struct MarkdownStripperTests {
  static let cases: [StripCase] = [
    .init(markdown: "- first point", plain: "first point"),
    .init(markdown: "* second point", plain: "second point"),
    .init(markdown: "+ third point", plain: "third point"),
    .init(markdown: "  • a bullet from a web page", plain: "a bullet from a web page"),
    .init(markdown: "1. numbered", plain: "numbered"),
    .init(markdown: "10) numbered too", plain: "numbered too"),
    .init(
      markdown: "2026. A year is not a list number", plain: "2026. A year is not a list number"),
    .init(markdown: "- [x] done task", plain: "done task"),
    .init(markdown: "> quoted text", plain: "quoted text"),
    .init(markdown: ">> deeper quote", plain: "deeper quote"),
    .init(markdown: "**bold** and __strong__", plain: "bold and strong"),
    .init(markdown: "an *italic* word and _another_", plain: "an italic word and another"),
    .init(markdown: "***both*** at once", plain: "both at once"),
    .init(markdown: "**核心观点：** 明年会增长", plain: "核心观点： 明年会增长"),
    .init(markdown: "snake_case_name stays", plain: "snake_case_name stays"),
    .init(markdown: "5 * 3 = 15 and a * star", plain: "5 * 3 = 15 and a * star"),
    .init(markdown: "an *unclosed mark", plain: "an *unclosed mark"),
    .init(markdown: "call `make build` now", plain: "call make build now"),
    .init(markdown: "code ``with ` tick`` here", plain: "code with ` tick here"),
    .init(markdown: "code `**not bold**` kept", plain: "code **not bold** kept"),
    .init(markdown: "see [the report](https://r.example/a) today", plain: "see the report today"),
    .init(markdown: "a [**bold** link](u) here", plain: "a bold link here"),
    .init(markdown: "url with [parens](https://w.example/a_(b)) ok", plain: "url with parens ok"),
    .init(markdown: "footnote [1] stays", plain: "footnote [1] stays"),
    .init(markdown: "before ![a chart](chart.png) after", plain: "before after"),
    .init(markdown: "![]()", plain: nil),
    .init(markdown: "visit <https://site.example/x>", plain: "visit https://site.example/x"),
    .init(markdown: "line<br>break and <a href=\"x\">link</a></p>", plain: "line break and link"),
    .init(markdown: "<!-- a comment --> text", plain: "text"),
    .init(markdown: "a < b and c > d", plain: "a < b and c > d"),
    .init(
      markdown: "R&amp;D &lt;tag&gt; &quot;q&quot; it&#39;s a&nbsp;b",
      plain: "R&D <tag> \"q\" it's a b"),
    .init(markdown: "&#x4E2D;&#25991; and AT&T", plain: "中文 and AT&T"),
    .init(markdown: "escaped \\*stars\\* stay", plain: "escaped *stars* stay"),
    .init(markdown: "---", plain: nil),
    .init(markdown: "* * *", plain: nil),
    .init(markdown: "___", plain: nil),
    .init(markdown: "| Company | 2026 |", plain: "Company 2026"),
    .init(markdown: "|---|:---:|", plain: nil),
    .init(markdown: "| **A** | [b](u) | c |", plain: "A b c"),
    .init(markdown: "　　全角空格缩进的段落", plain: "全角空格缩进的段落"),
    .init(markdown: "   ", plain: nil),
    // Control characters become spaces; a tab stays.
    .init(
      markdown: "Kite\u{1B}[31m will\u{7F}ship\u{85}now\u{0C}\tok",
      plain: "Kite [31m will ship now \tok"),
  ]

  @Test(arguments: cases)
  func stripsOneConstruct(_ c: StripCase) throws {
    let lines = try bodyTexts("Lead.\n\(c.markdown)\nEnd.")
    #expect(lines == ["Lead."] + (c.plain.map { [$0] } ?? []) + ["End."])
  }

  /// Marks are found eight bytes at a time: each must be seen wherever it falls in a word of
  /// eight, after ASCII or Chinese text.
  @Test(arguments: 0..<17)
  func findsMarksAtEveryAlignment(_ shift: Int) throws {
    let lead = String(repeating: "a", count: shift) + "z"
    let chinese = String(repeating: "中", count: shift)
    let lines = try bodyTexts(
      "Lead.\n\(lead) **bold** \\*not\\* `code` [link](u)\n\(chinese)**粗体**&amp;_斜体_")
    #expect(lines == ["Lead.", "\(lead) bold *not* code link", "\(chinese)粗体&斜体"])
  }

  @Test(arguments: [
    ("# One", "One", 1), ("## Two ##", "Two", 2), ("###### Six", "Six", 6),
    ("### *Emphasis* in it", "Emphasis in it", 3),
  ])
  func headingsLoseTheirMarks(_ markdown: String, _ heading: String, _ level: Int) throws {
    let sections = try readDocument("Lead.\n\(markdown)").sections
    #expect(sections.last?.heading == heading)
    #expect(sections.last?.lines == [TextLine(text: heading, line: 2, isHeading: true)])
  }

  @Test func hashWithoutASpaceIsText() throws {
    #expect(try bodyTexts("Lead.\n#hashtag here") == ["Lead.", "#hashtag here"])
  }

  @Test func fencedCodeIsDroppedWhole() throws {
    let text = "Before.\n```swift\nlet x = 1\n# not a heading\n```\nAfter.\n~~~~\ncode\n~~~~\nEnd."
    let document = try readDocument(text)
    #expect(document.sections.count == 1)
    #expect(
      document.sections[0].lines == [
        TextLine(text: "Before.", line: 1), TextLine(text: "After.", line: 6),
        TextLine(text: "End.", line: 10),
      ])
  }

  /// Scripts, styles and comments hold code and remarks, on one line or across several; the
  /// words around them stay, and a `<` that opens no such element is text.
  @Test func scriptsStylesAndCommentsAreDropped() throws {
    let text = """
      Before <script>var s = "Zorvex will ship in 2027";</script> after.
      <style>.x{content:"Kite will list in 2027"}</style>
      <SCRIPT type="text/javascript"
        defer>
      var t = "Apple will launch a car in 2027";
      </Script >Tail.
      <!-- Google will buy Kite
      in 2027 --> Kept.
      a <scripted> b < c <styles
      End.
      """
    let lines = try bodyTexts(text)
    #expect(lines == ["Before after.", "Tail.", "Kept.", "a b < c <styles", "End."])
  }

  /// An element named in the text, or opened mid-line and never closed there, is words: the
  /// lines after it stay.
  @Test func anElementNamedInTheTextHidesNothing() throws {
    let text = """
      Developers can add a `<style>` block or a `<!--` remark.
      Zorvex will ship in 2027.
      A stray <script tag and a <!-- here.
      Kite will list in 2028.
      """
    let lines = try bodyTexts(text)
    #expect(lines.contains("Zorvex will ship in 2027."), "\(lines)")
    #expect(lines.contains("Kite will list in 2028."), "\(lines)")
    #expect(lines.count == 4, "\(lines)")
  }

  @Test func inlineTripleBackticksAreNotAFence() throws {
    #expect(try bodyTexts("Run ```make``` first.\nNext.") == ["Run make first.", "Next."])
  }

  @Test func lineNumbersSkipDroppedAndBlankLines() throws {
    let text = "# 标题\n\n> **来源：** [早报](https://e.example)\n\n正文一。\n\n---\n\n正文二。"
    let lines = try readDocument(text).sections.flatMap(\.lines)
    #expect(lines.map(\.line) == [1, 5, 9])
    #expect(lines.map(\.text) == ["标题", "正文一。", "正文二。"])
  }
}
