import ClaimReports
import Testing

@testable import claims

/// The streamed table must be `TextTable`'s output byte for byte, hard cells included.
@Suite struct StreamingTableTests {
  static let cells: [String] = [
    "plain", "苹果2024年1月底前营收同比增长86%", "e\u{301}té", "two\nlines", "crlf\r\nend",
    "para\u{2029}sep", "next\u{85}line", "ｆｕｌｌ", "🚀 launch", "tab\there", "", "한국어 텍스트",
    "\u{7F}del", String(repeating: "很长的文本", count: 12),
  ]

  @Test(arguments: [nil, 40, 80, 200] as [Int?])
  func matchesTextTable(width: Int?) {
    let columns: [TextTable.Column] = [
      .init("ID"), .init("N", alignment: .right), .init("TEXT", isFlexible: true),
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
  }

  @Test(arguments: cells)
  func measuresAsDisplayWidthDoes(_ cell: String) {
    #expect(TableCell.width(of: cell) == DisplayWidth.of(cell))
    #expect(TableCell.hasLineBreak(cell) == cell.contains(where: \.isNewline))
    for width in [0, 1, 5, 10, 30] {
      #expect(TableCell.truncated(cell, to: width) == DisplayWidth.truncated(cell, to: width))
    }
  }
}
