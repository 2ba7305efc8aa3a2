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
    // Emoji drawn as pictures take two columns, as terminals draw them.
    .init(text: "🚀 SpaceX", width: 9),
    .init(text: "☕", width: 2),
    .init(text: "🫠", width: 2),
    .init(text: "🀄", width: 2),
    .init(text: "☀", width: 1),
    .init(text: "☀\u{FE0F}", width: 2),
    .init(text: "1\u{FE0F}", width: 1),
    // Emoji shown as text by default are narrow (East Asian Width N), until U+FE0F.
    .init(text: "🕊", width: 1),
    .init(text: "🖥", width: 1),
    .init(text: "🕊\u{FE0F}", width: 2),
    .init(text: "🌍🤖", width: 4),
    // A flag is two regional indicators, which terminals give a column each.
    .init(text: "🇺🇸 Team", width: 7),
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

  /// A long source gives up width, down to 12 columns, before the forecast is cut below 40;
  /// with room enough it keeps its whole name.
  @Test func aYieldingColumnGivesWidthToTheFlexibleOne() {
    var table = TextTable(columns: [
      .init("ID"), .init("SOURCE", yieldsToFlexible: true), .init("TEXT", isFlexible: true),
    ])
    let source = "某某研究院首席经济学家"  // 22 columns
    let text = "Apple will ship a foldable iPhone in the third quarter of 2026 at the latest"
    table.append(["a1", source, text])
    let lines = table.render(width: 80).split(separator: "\n").map(String.init)
    // At 80, TEXT has 80 − 2 − 2 − 22 − 2 = 52 columns, more than 40: nothing yields.
    #expect(lines[1].hasPrefix("a1  \(source)  Apple will ship"))
    let narrow = table.render(width: 50).split(separator: "\n").map(String.init)
    // At 50: TEXT would get 50 − 6 − 22 = 22 < 40, so SOURCE shrinks to its floor of 12,
    // leaving TEXT 50 − 6 − 12 = 32; five wide characters and … fill 11 of the 12.
    #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 50 })
    #expect(narrow[1].hasPrefix("a1  某某研究院…   Apple will ship"), "\(narrow[1])")
    #expect(DisplayWidth.of(narrow[1]) == 50)
    let wide = table.render(width: nil).split(separator: "\n").map(String.init)
    #expect(wide[1] == "a1  \(source)  \(text)")
    // A short source, narrower than the floor, keeps its width when TEXT is short of room.
    var short = TextTable(columns: table.columns)
    short.append(["a1", "Kuo", text])
    let cut = short.render(width: 40).split(separator: "\n").map(String.init)
    #expect(cut[1].hasPrefix("a1  Kuo     Apple"), "\(cut[1])")
    #expect(DisplayWidth.of(cut[1]) == 40)
  }

  @Test func styleIsAppliedAfterPadding() {
    var table = TextTable(columns: [.init("A"), .init("B")])
    table.append(["x", "y"])
    let rendered = table.render(width: nil) { _, column, cell in column == 0 ? "[\(cell)]" : cell }
    #expect(rendered == "A  B\n[x]  y\n")
  }
}
