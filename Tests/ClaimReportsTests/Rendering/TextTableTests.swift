import ClaimReports
import Testing

/// A string and the terminal columns it takes.
struct WidthCase: Sendable, CustomTestStringConvertible {
  let text: String
  let width: Int
  var testDescription: String { "\"\(text)\"" }
}

@Suite struct DisplayWidthTests {
  static let cases: [WidthCase] = [
    .init(text: "abc", width: 3),
    .init(text: "特斯拉", width: 6),
    .init(text: "特斯拉收购xAI", width: 13),
    .init(text: "７０％", width: 6),
    .init(text: "e\u{301}", width: 1),
    .init(text: "", width: 0),
  ]

  @Test(arguments: cases)
  func countsWideCharactersTwice(_ c: WidthCase) {
    #expect(DisplayWidth.of(c.text) == c.width)
  }

  @Test func cutsOnCharacterBoundaryWithEllipsis() {
    #expect(DisplayWidth.truncated("特斯拉收购xAI", to: 6) == "特斯…")
    #expect(DisplayWidth.truncated("abcdef", to: 4) == "abc…")
    #expect(DisplayWidth.truncated("abc", to: 4) == "abc")
    #expect(DisplayWidth.truncated("two\nlines", to: 20) == "two lines")
  }
}

@Suite struct TextTableTests {
  @Test func columnsStayAlignedWithChineseText() {
    var table = TextTable(columns: [.init("SOURCE"), .init("N", alignment: .right), .init("TEXT")])
    table.append(["36氪", "12", "特斯拉收购xAI"])
    table.append(["The Information", "3", "OpenAI acquires Pinterest"])
    let expected = """
      SOURCE            N  TEXT
      36氪             12  特斯拉收购xAI
      The Information   3  OpenAI acquires Pinterest

      """
    #expect(table.render(width: nil) == expected)
  }

  @Test func flexibleColumnIsCutToTheWidth() {
    var table = TextTable(columns: [.init("ID"), .init("TEXT", isFlexible: true)])
    table.append(["a1", "OpenAI acquires Pinterest by the end of 2026"])
    let lines = table.render(width: 20).split(separator: "\n")
    #expect(lines.map { DisplayWidth.of(String($0)) }.allSatisfy { $0 <= 20 })
    #expect(lines[1] == "a1  OpenAI acquires…")
  }

  @Test func styleIsAppliedAfterPadding() {
    var table = TextTable(columns: [.init("A"), .init("B")])
    table.append(["x", "y"])
    let rendered = table.render(width: nil) { _, column, cell in column == 0 ? "[\(cell)]" : cell }
    #expect(rendered == "A  B\n[x]  y\n")
  }
}
