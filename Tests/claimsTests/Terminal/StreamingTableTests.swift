import ClaimReports
import Testing

@testable import claims

/// The streamed table must be `TextTable`'s output byte for byte, hard cells included.
@Suite struct StreamingTableTests {
  static let cells: [String] = [
    "plain", "苹果2024年1月底前营收同比增长86%", "e\u{301}té", "two\nlines", "crlf\r\nend",
    "para\u{2029}sep", "next\u{85}line", "ｆｕｌｌ", "🚀 launch", "tab\there", "", "한국어 텍스트",
    "\u{7F}del", String(repeating: "很长的文本", count: 12), "esc\u{1B}[2Jclear",
    "bell\u{07}\u{0}nul", "csi\u{9B}31m", "form\u{0C}feed", "☕ Barista", "☀\u{FE0F} sun",
    "🫠 melt",
  ]

  @Test(arguments: [nil, 40, 80, 200] as [Int?])
  func matchesTextTable(width: Int?) {
    let columns: [TextTable.Column] = [
      .init("ID", yieldsToFlexible: true), .init("N", alignment: .right),
      .init("TEXT", isFlexible: true),
    ]
    var expected = TextTable(columns: columns)
    var streamed = StreamingTable(columns: columns)
    for (index, cell) in Self.cells.enumerated() {
      let row = [Self.cells[(index + 3) % Self.cells.count], "\(index)", cell]
      expected.append(row)
      streamed.append(row)
    }
    let style: (Int, Int, String) -> String = { row, column, cell in
      column == 1 && row % 2 == 0 ? "<\(cell)>" : cell
    }
    #expect(streamed.render(width: width) == expected.render(width: width))
    #expect(
      streamed.render(width: width, style: style) == expected.render(width: width, style: style))
    // Rows made as they are measured and written, as `list` and `due` make them.
    let made = StreamingTable(columns: columns, count: Self.cells.count) { index in
      [Self.cells[(index + 3) % Self.cells.count], "\(index)", Self.cells[index]]
    }
    #expect(made.render(width: width, style: style) == expected.render(width: width, style: style))
  }

  @Test(arguments: cells)
  func measuresAsDisplayWidthDoes(_ cell: String) {
    #expect(TableCell.width(of: cell) == DisplayWidth.of(cell))
    #expect(
      TableCell.needsFlattening(cell)
        == cell.contains { character in
          character.isNewline
            || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
        })
    // No control character reaches the terminal but the spaces that stand for breaks.
    for width in [nil, 5, 30] as [Int?] {
      let shown = width.map { TableCell.truncated(cell, to: $0) } ?? DisplayWidth.flattened(cell)
      #expect(!shown.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }
    for width in [0, 1, 5, 10, 30] {
      #expect(TableCell.truncated(cell, to: width) == DisplayWidth.truncated(cell, to: width))
    }
  }

  /// With no width to fit (a pipe), no cell is cut, and every line is as wide as the header:
  /// a tab or a line break is one space and is measured as one.
  @Test func aPipedTableCutsNothingAndStaysAligned() {
    var table = StreamingTable(columns: [
      TextTable.Column("ID"), TextTable.Column("TEXT", isFlexible: true), TextTable.Column("So"),
    ])
    let texts = ["line1\nline2 and more words", "tab\there", "crlf\r\nend", "plain", "预测\t结果"]
    for (index, text) in texts.enumerated() { table.append(["\(index)", text, "So\turce"]) }
    let lines = table.render(width: nil).split(separator: "\n").map(String.init)
    #expect(!lines.contains { $0.contains("…") || $0.contains("\t") })
    // The last column starts at the same place on every line.
    let starts = lines.map { line in
      DisplayWidth.of(String(line[..<(line.range(of: "So")?.lowerBound ?? line.endIndex)]))
    }
    #expect(Set(starts).count == 1, "\(lines)")
    #expect(lines.contains { $0.contains("line1 line2 and more words") })
  }
}
