import ClaimReports

/// `TextTable`'s layout, byte for byte, written out in chunks: the listing of a large ledger
/// is never one string in memory, and plain ASCII or Han cells are measured without the
/// per-character Unicode lookups `DisplayWidth` needs for the rare hard cases.
struct StreamingTable {
  var columns: [TextTable.Column]
  private var rows: [[String]] = []
  /// Makes row `i` when it is measured and again when it is written, when given.
  private let makeRow: ((Int) -> [String])?
  private let madeRowCount: Int

  init(columns: [TextTable.Column]) {
    self.columns = columns
    makeRow = nil
    madeRowCount = 0
  }

  /// A table of `count` rows made by `row`, twice each, so they are never all in memory: the
  /// cells of a million claims, their texts decoded, would take as much again as the ledger.
  init(columns: [TextTable.Column], count: Int, row: @escaping (Int) -> [String]) {
    self.columns = columns
    makeRow = row
    madeRowCount = count
  }

  mutating func append(_ row: [String]) {
    rows.append(row)
  }

  private var rowCount: Int { makeRow == nil ? rows.count : madeRowCount }

  private func row(_ index: Int) -> [String] {
    makeRow?(index) ?? rows[index]
  }

  /// The rendered table as text, as `TextTable.render(width:style:)` gives it.
  func render(width: Int?, style: ((_ row: Int, _ column: Int, _ text: String) -> String)? = nil)
    -> String
  {
    var writer = OutputWriter(.plain())
    // Collecting into memory cannot fail.
    try? write(width: width, style: style, to: &writer)
    return writer.text
  }

  /// Writes the table through `writer` in chunks of about a megabyte.
  func write(
    width: Int?, style: ((_ row: Int, _ column: Int, _ text: String) -> String)?,
    to writer: inout OutputWriter
  ) throws(OutputError) {
    var widths = columns.map { TableCell.width(of: $0.title) }
    // Each cell's width, measured once: -1 marks a cell with a line break, which only
    // `DisplayWidth` flattens and measures exactly.
    var cellWidths = [Int32](repeating: -1, count: rowCount * columns.count)
    for rowIndex in 0..<rowCount {
      for (index, cell) in row(rowIndex).enumerated() where index < widths.count {
        let width = TableCell.width(of: cell)
        widths[index] = max(widths[index], width)
        if !TableCell.needsFlattening(cell) {
          cellWidths[rowIndex * columns.count + index] = Int32(clamping: width)
        }
      }
    }
    widths = TextTable.fitted(widths, columns: columns, width: width)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(1 << 20 + 4096)
    func writeLine(_ row: [String], rowIndex: Int) {
      if rowIndex > 0 { bytes.append(10) }
      for (index, column) in columns.enumerated() {
        if index > 0 { bytes.append(contentsOf: [32, 32]) }
        let cell = index < row.count ? row[index] : ""
        let known =
          rowIndex > 0 && index < row.count
          ? Int(cellWidths[(rowIndex - 1) * columns.count + index]) : -1
        let text: String
        let padding: Int
        if known >= 0, known <= widths[index] {
          // Fits and has no line break: `truncated` would return it unchanged.
          text = cell
          padding = widths[index] - known
        } else {
          text = TableCell.truncated(cell, to: widths[index])
          padding = widths[index] - TableCell.width(of: text)
        }
        let isLast = index == columns.count - 1
        if rowIndex > 0, let style {
          let spaces = String(repeating: " ", count: padding)
          let cell = column.alignment == .right ? spaces + text : text + (isLast ? "" : spaces)
          bytes.append(contentsOf: style(rowIndex - 1, index, cell).utf8)
          continue
        }
        if column.alignment == .right {
          bytes.append(contentsOf: repeatElement(32, count: padding))
          bytes.append(contentsOf: text.utf8)
        } else {
          bytes.append(contentsOf: text.utf8)
          if !isLast { bytes.append(contentsOf: repeatElement(32, count: padding)) }
        }
      }
    }
    writeLine(columns.map(\.title), rowIndex: 0)
    for index in 0..<rowCount {
      writeLine(row(index), rowIndex: index + 1)
      if bytes.count >= 1 << 20 {
        try writer.write(bytes)
        bytes.removeAll(keepingCapacity: true)
      }
    }
    bytes.append(10)
    try writer.write(bytes)
  }
}

/// `DisplayWidth` with fast paths that give the same answers.
enum TableCell {
  /// `DisplayWidth.of(text)`: ASCII counts one column and the CJK ideograph blocks two, with no
  /// property lookup; everything else, and text with a control character (one column, a
  /// `\r\n` one in all), asks `DisplayWidth`.
  static func width(of text: String) -> Int {
    var width = 0
    var isASCII = true
    for byte in text.utf8 {
      if byte >= 0x80 {
        isASCII = false
        break
      }
      if byte >= 0x20 {
        width += 1
      } else {
        return DisplayWidth.of(text)
      }
    }
    if isASCII { return width }
    width = 0
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        if value >= 0x20 {
          width += 1
        } else {
          return DisplayWidth.of(text)
        }
      } else if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) {
        width += 2
      } else if value == 0xFE0F {
        // Whether the emoji selector widens the symbol before it is `DisplayWidth`'s call.
        return DisplayWidth.of(text)
      } else {
        width += DisplayWidth.of(scalar)
      }
    }
    return width
  }

  /// `DisplayWidth.truncated(text, to: width)`: a cell with no line break or tab that fits is
  /// returned as is; anything else goes to `DisplayWidth`.
  static func truncated(_ text: String, to width: Int) -> String {
    if !needsFlattening(text), self.width(of: text) <= width { return text }
    return DisplayWidth.truncated(text, to: width)
  }

  /// Whether any character is a control character (U+0000 to U+001F, U+007F to U+009F), a
  /// newline to `Character.isNewline` (also U+2028 and U+2029) or a direction override
  /// (U+202A to U+202E, U+2066 to U+2069), found by their UTF-8 bytes: what
  /// `DisplayWidth.flattened` turns into spaces, U+FFFD or `[U+202E]`.
  static func needsFlattening(_ text: String) -> Bool {
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    for byte in text.utf8 {
      if byte < 0x20 || byte == 0x7F { return true }
      if previous == 0xC2, (0x80...0x9F).contains(byte) { return true }
      if beforePrevious == 0xE2, previous == 0x80, (0xA8...0xAE).contains(byte) { return true }
      if beforePrevious == 0xE2, previous == 0x81, (0xA6...0xA9).contains(byte) { return true }
      beforePrevious = previous
      previous = byte
    }
    return false
  }
}
