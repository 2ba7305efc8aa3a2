import Foundation

/// CSV as RFC 4180 writes it, shared by every CSV `claims` writes or reads.
///
/// Text cells that a spreadsheet would run as a formula (first character `=`, `+`, `-`, `@`,
/// tab or carriage return) get a leading `'`. So that the rule round-trips, a cell that already
/// starts with `'`s followed by one of those characters gets one more `'`, and `decodeText`
/// strips exactly one `'` from any cell of that shape: `=1` ↔ `'=1`, `'=1` ↔ `''=1`, and
/// `'hello` is left alone both ways.
public enum CSVField {
  private static func isTrigger(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "=", "+", "-", "@", "\t", "\r": true
    default: false
    }
  }

  /// True when the cell, past any leading `'`s, starts with a formula character.
  private static func looksLikeFormula(_ value: String) -> Bool {
    let first = value.unicodeScalars.first { $0 != "'" }
    guard let first else { return false }
    return isTrigger(first)
  }

  /// A text cell made safe for spreadsheets, then quoted when needed.
  public static func text(_ value: String) -> String {
    quoted(looksLikeFormula(value) ? "'" + value : value)
  }

  /// A cell whose text is never neutralised (numbers, dates, ids), quoted when needed.
  public static func quoted(_ cell: String) -> String {
    let needsQuotes = cell.unicodeScalars.contains {
      $0 == "\"" || $0 == "," || $0 == "\r" || $0 == "\n"
    }
    guard needsQuotes else { return cell }
    // Quotes are doubled by code point: a quote followed by a combining mark is one
    // `Character`, and comparing characters would leave it single.
    var quoted = "\""
    for scalar in cell.unicodeScalars {
      quoted.unicodeScalars.append(scalar)
      if scalar == "\"" { quoted.unicodeScalars.append("\"") }
    }
    return quoted + "\""
  }

  /// Undoes `text(_:)`: drops the one `'` it adds in front of formula-looking text.
  public static func decodeText(_ cell: String) -> String {
    guard cell.hasPrefix("'"), looksLikeFormula(cell) else { return cell }
    return String(cell.dropFirst())
  }

  /// One row: cells joined by commas and ended by CRLF, as RFC 4180 asks.
  public static func row(_ cells: [String]) -> String {
    cells.joined(separator: ",") + "\r\n"
  }
}

/// CSV rows written straight into bytes, cell for cell the same as `CSVField` writes them,
/// without a `String` per cell: exports write millions of cells.
public struct CSVRowWriter: Sendable {
  public private(set) var bytes: [UInt8] = []
  private var isAtRowStart = true

  public init() {}

  /// A writer with room for `capacity` bytes, so that long output is not copied as it grows.
  public init(capacity: Int) {
    bytes.reserveCapacity(capacity)
  }

  /// A text cell, neutralised when it looks like a formula and quoted when needed.
  public mutating func text(_ value: String) {
    var value = value
    value.withUTF8 { cell(UnsafeRawBufferPointer($0), neutralising: true) }
  }

  public mutating func text(_ value: String?) {
    if let value { text(value) } else { cell(UnsafeRawBufferPointer(start: nil, count: 0)) }
  }

  /// A text kept as journal bytes, written without decoding it.
  mutating func text(stored value: StoredText?) {
    guard let value else { return cell(UnsafeRawBufferPointer(start: nil, count: 0)) }
    if value.withPlainBytes({ cell($0, neutralising: true) }) == nil { text(value.string) }
  }

  /// A cell that is never neutralised (numbers, dates, ids, words of our own).
  public mutating func plain(_ value: String) {
    var value = value
    value.withUTF8 { cell(UnsafeRawBufferPointer($0), neutralising: false) }
  }

  /// A day as `YYYY-MM-DD`, or an empty cell.
  mutating func day(_ value: Day?) {
    guard let value else { return startCell() }
    appendCell(maximum: Spelling.maximumCount) { value.writeSpelling(to: $0) }
  }

  /// A number as the JSON writes it.
  mutating func number(_ value: Double) {
    appendCell(maximum: Spelling.maximumNumberCount) { Spelling.writeNumber(value, to: $0) }
  }

  mutating func timestamp(_ value: Timestamp) {
    appendCell(maximum: Spelling.maximumCount) { value.writeSpelling(to: $0) }
  }

  mutating func id(_ value: ClaimID) {
    appendCell(maximum: ClaimID.digitCount) { value.writeSpelling(to: $0) }
  }

  public mutating func endRow() {
    bytes.append(13)
    bytes.append(10)
    isAtRowStart = true
  }

  private mutating func startCell() {
    if !isAtRowStart { bytes.append(UInt8(ascii: ",")) }
    isAtRowStart = false
  }

  /// Starts a cell and appends the at most `maximum` bytes `write` puts at the pointer it is
  /// given and counts (`appendWritten`).
  @inline(__always)
  private mutating func appendCell(
    maximum: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int
  ) {
    let afterComma = !isAtRowStart
    isAtRowStart = false
    bytes.appendWritten(maximum: maximum, afterComma: afterComma, write)
  }

  private mutating func cell(_ utf8: UnsafeRawBufferPointer, neutralising: Bool = false) {
    let needsQuotes = Self.needsQuotes(utf8)
    // Past any leading `'`s, a formula character gets one more `'` in front.
    var isFormula = false
    if neutralising, let first = utf8.first(where: { $0 != UInt8(ascii: "'") }) {
      isFormula = Self.isFormulaStart(first)
    }
    // A cell without a quote inside, as nearly all are, goes out with its comma in one append.
    let quote = Int32(UInt8(ascii: "\""))
    let hasQuoteInside =
      needsQuotes && utf8.baseAddress.map { memchr($0, quote, utf8.count) != nil } == true
    if !hasQuoteInside {
      appendCell(maximum: utf8.count + 3) { start in
        var count = 0
        if needsQuotes {
          start[count] = UInt8(ascii: "\"")
          count += 1
        }
        if isFormula {
          start[count] = UInt8(ascii: "'")
          count += 1
        }
        if let base = utf8.baseAddress {
          UnsafeMutableRawPointer(start + count).copyMemory(from: base, byteCount: utf8.count)
        }
        count += utf8.count
        if needsQuotes {
          start[count] = UInt8(ascii: "\"")
          count += 1
        }
        return count
      }
      return
    }
    startCell()
    bytes.append(UInt8(ascii: "\""))
    if isFormula { bytes.append(UInt8(ascii: "'")) }
    // Typed, so each copy is one `memcpy` rather than a loop over a generic sequence.
    let text = utf8.assumingMemoryBound(to: UInt8.self)
    // Runs up to and including each quote, then the quote once more.
    var runStart = 0
    while let quote = text[runStart...].firstIndex(of: UInt8(ascii: "\"")) {
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...quote]))
      bytes.append(UInt8(ascii: "\""))
      runStart = quote + 1
    }
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
    bytes.append(UInt8(ascii: "\""))
  }

  private static func isFormulaStart(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: true
    default: false
    }
  }

  /// Whether the cell holds a quote, a comma or a line break, which only a quoted cell can
  /// hold; eight bytes at a time, since most cells are long texts that hold none.
  static func needsQuotes(_ utf8: UnsafeRawBufferPointer) -> Bool {
    WordScan.contains(utf8, by: WordScan.cellEnds)
  }
}

/// A row of a CSV file and the 1-based line it starts on.
public struct CSVRow: Sendable, Equatable {
  public var line: Int
  public var cells: [String]
  /// The column (1-based, in characters) each cell starts at, for messages about a cell.
  public var columns: [Int]
}

/// A strict RFC 4180 reader: a UTF-8 BOM is skipped, CRLF or LF end rows, quoted cells may
/// hold commas, quotes (doubled) and line breaks; an unclosed quote or a quote inside an
/// unquoted cell is an error at its line and column rather than a guess.
public enum CSVReader {
  /// Why the bytes are not CSV, and where.
  public struct Failure: Error, Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var reason: String

    public init(line: Int, column: Int, reason: String) {
      self.line = line
      self.column = column
      self.reason = reason
    }
  }

  /// The rows of a file laid out as `layout` says (by default: commas, from after a BOM).
  public static func rows(_ bytes: [UInt8], layout: CSVLayout? = nil) throws(Failure) -> [CSVRow] {
    try rows(
      bytes, pieces: bytes.count < 1 << 20 ? 1 : 4 * ProcessInfoCores.count, layout: layout)
  }

  /// The rows, read in up to `pieces` pieces on all cores. The bytes are cut at row ends that
  /// one quick pass finds by following the quotes; each piece is then read as a whole file
  /// would be, from its line on, and the first failure in file order wins. Only a quote out
  /// of place can mislead the pass, and that quote is itself the first failure, found in a
  /// piece that was cut right.
  static func rows(_ bytes: [UInt8], pieces: Int, layout: CSVLayout? = nil) throws(Failure)
    -> [CSVRow]
  {
    let layout =
      layout ?? CSVLayout(start: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
    let cuts =
      pieces > 1
      ? rowEnds(in: bytes, from: layout.start, line: layout.line, pieces: pieces) : []
    let starts = [(offset: layout.start, line: layout.line)] + cuts
    let separator = layout.separator
    let results = ParallelMap.map(count: starts.count) { piece in
      let end = piece + 1 < starts.count ? starts[piece + 1].offset : bytes.count
      return Result { () throws(Failure) in
        try CSVReader.rows(
          bytes, in: starts[piece].offset..<end, firstLine: starts[piece].line,
          separator: separator)
      }
    }
    var all: [CSVRow] = []
    for result in results { all += try result.get() }
    return all
  }

  /// About every `count / pieces` bytes, the offset just after a row's end and the line the
  /// next row starts on, counted as `rows(_:in:firstLine:)` counts them from `line`.
  static func rowEnds(in bytes: [UInt8], from start: Int, line firstLine: Int = 1, pieces: Int)
    -> [(offset: Int, line: Int)]
  {
    let step = max(1, (bytes.count - start) / pieces)
    var cuts: [(offset: Int, line: Int)] = []
    var next = start + step
    var scanner = CSVRowEndScanner()
    scanner.scan(bytes, from: start, at: 0, isLast: true) { end, lineBreaks in
      if end >= next, end < bytes.count {
        cuts.append((end, firstLine + lineBreaks))
        next = end + step
      }
      return true
    }
    return cuts
  }

  /// Just after the end of the row that starts at `start` (or the end of the bytes), and the
  /// line breaks passed to get there, following the quotes as `rowEnds` does.
  static func firstRowEnd(in bytes: [UInt8], from start: Int) -> (offset: Int, lines: Int) {
    var scanner = CSVRowEndScanner()
    var found: (offset: Int, lines: Int)?
    scanner.scan(bytes, from: start, at: 0, isLast: true) { end, lineBreaks in
      found = (end, lineBreaks)
      return false
    }
    return found ?? (bytes.count, scanner.lineBreaks)
  }

  /// The rows of `bytes[range]`, whose first row starts on `firstLine`, cells separated by
  /// `separator`.
  static func rows(
    _ bytes: [UInt8], in range: Range<Int>, firstLine: Int, separator: UInt8 = CSVLayout.comma
  ) throws(Failure) -> [CSVRow] {
    // Commas, nearly always: the scan for them is the one written out for speed.
    let isComma = separator == CSVLayout.comma
    let separatorWord = UInt64(separator)
    @inline(__always) func otherCellEnds(_ word: UInt64) -> UInt64 {
      WordScan.matches(word, 0x22) | WordScan.matches(word, separatorWord)
        | WordScan.matches(word, 13) | WordScan.matches(word, 10)
    }
    @inline(__always) func isEnd(_ bytes: [UInt8], _ index: Int) -> Bool {
      let byte = bytes[index]
      return byte == separator || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
    var rows: [CSVRow] = []
    let start = range.lowerBound
    var index = start
    var line = firstLine
    var lineStart = start
    var cells: [String] = []
    var columns: [Int] = []
    var rowLine = firstLine
    let count = range.upperBound

    // Columns are asked for in increasing order within a line, so the count carries on from
    // the last answer instead of rescanning the line.
    var countedTo = start
    var countedColumn = 1
    func column(of position: Int) -> Int {
      if countedTo < lineStart || countedTo > position {
        countedTo = lineStart
        countedColumn = 1
      }
      // Characters, not bytes: count the bytes that start a UTF-8 sequence.
      while countedTo < position {
        if bytes[countedTo] & 0xC0 != 0x80 { countedColumn += 1 }
        countedTo += 1
      }
      return countedColumn
    }

    while index <= count {
      if cells.isEmpty { rowLine = line }
      let cellColumn = column(of: index)
      let cell: String
      if index < count, bytes[index] == UInt8(ascii: "\"") {
        let openLine = line
        let openColumn = cellColumn
        index += 1
        let contentStart = index
        // Runs between doubled quotes are copied whole rather than byte by byte.
        var value: [UInt8] = []
        var runStart = index
        var closed = false
        while index < count {
          index = min(
            count, WordScan.firstFlagged(in: bytes, from: index, by: WordScan.quotesAndNewlines))
          guard index < count else { break }
          let byte = bytes[index]
          if byte == UInt8(ascii: "\"") {
            value.append(contentsOf: bytes[runStart..<index])
            if index + 1 < count, bytes[index + 1] == UInt8(ascii: "\"") {
              value.append(byte)
              index += 2
              runStart = index
              continue
            }
            index += 1
            closed = true
            break
          }
          if byte == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
          }
          index += 1
        }
        guard closed else {
          throw Failure(line: openLine, column: openColumn, reason: "unclosed quote")
        }
        if index < count, !isEnd(bytes, index) {
          throw Failure(
            line: line, column: column(of: index),
            reason: "text after the closing quote of a quoted cell")
        }
        // Doubled quotes are ASCII, so the cell's bytes are valid exactly when the file's are.
        if let bad = firstInvalidUTF8(in: bytes, contentStart..<(index - 1)) {
          let before = bytes[contentStart..<bad]
          let newlines = before.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
          let lineStart = (before.lastIndex(of: 10) ?? contentStart - 1) + 1
          let column = characters(in: bytes, lineStart..<bad) + 1
          throw Failure(
            line: openLine + newlines, column: newlines == 0 ? openColumn + column : column,
            reason: Self.notUTF8)
        }
        cell = String(decoding: value, as: UTF8.self)
      } else {
        let cellStart = index
        index = min(
          count,
          isComma
            ? WordScan.firstFlagged(in: bytes, from: index, by: WordScan.cellEnds)
            : WordScan.firstFlagged(in: bytes, from: index, by: otherCellEnds))
        while index < count, !isEnd(bytes, index) {
          if bytes[index] == UInt8(ascii: "\"") {
            throw Failure(
              line: line, column: column(of: index),
              reason: "stray quote in an unquoted cell (quote the whole cell and double it)")
          }
          index += 1
        }
        if let bad = firstInvalidUTF8(in: bytes, cellStart..<index) {
          throw Failure(line: line, column: column(of: bad), reason: Self.notUTF8)
        }
        cell = String(decoding: bytes[cellStart..<index], as: UTF8.self)
      }
      cells.append(cell)
      columns.append(cellColumn)
      if index < count, bytes[index] == separator {
        index += 1
        continue
      }
      if passRowEnd(in: bytes[..<count], at: &index) {
        line += 1
        lineStart = index
      }
      if !(cells.count == 1 && cells[0].isEmpty) {
        rows.append(CSVRow(line: rowLine, cells: cells, columns: columns))
      }
      cells = []
      columns = []
      if index == count { break }
    }
    return rows
  }

  /// Text that is not UTF-8 is refused, not read with replacement characters that would
  /// change the claims without a word.
  static let notUTF8 = "not UTF-8 (save the file as UTF-8; GB18030 and UTF-16 are not read)"

  /// Where the first byte of `range` that breaks UTF-8 is, if any.
  private static func firstInvalidUTF8(in bytes: [UInt8], _ range: Range<Int>) -> Int? {
    bytes.withUnsafeBufferPointer { buffer in
      let cell = UnsafeBufferPointer(rebasing: buffer[range])
      return JSONScanner.isValidUTF8(cell)
        ? nil : range.lowerBound + JSONScanner.invalidUTF8Offset(cell)
    }
  }

  /// The characters in `range`: the bytes that start a UTF-8 sequence.
  private static func characters(in bytes: [UInt8], _ range: Range<Int>) -> Int {
    bytes[range].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }

  /// Steps past the end of a row at `index`: CRLF, LF or CR, true, as a line ends there; or
  /// the end of the bytes, false, with `index` one past it.
  @inline(__always)
  static func passRowEnd<Bytes: RandomAccessCollection<UInt8>>(
    in bytes: Bytes, at index: inout Int
  ) -> Bool where Bytes.Index == Int {
    guard index < bytes.endIndex else {
      index += 1
      return false
    }
    let isCRLF =
      bytes[index] == UInt8(ascii: "\r") && index + 1 < bytes.endIndex
      && bytes[index + 1] == UInt8(ascii: "\n")
    index += isCRLF ? 2 : 1
    return true
  }

}

/// Finds where CSV rows end, following the quotes, over bytes given a block at a time: a row
/// ends at CRLF, LF or a lone CR outside quotes; inside quotes only LF starts a line.
struct CSVRowEndScanner {
  private var isQuoted = false
  /// A CR ended the last block: a LF starting the next one belongs to it.
  private var isAfterReturn = false
  /// The line breaks passed so far, those inside quotes included.
  private(set) var lineBreaks = 0

  /// Scans `block`, which starts at offset `blockStart` of the whole, from `start`, calling
  /// `rowEnded` with the offset just after each row end and the line breaks passed by then;
  /// stops when it returns false. `isLast` says no block follows, so a CR at the end ends a row.
  mutating func scan(
    _ block: [UInt8], from start: Int = 0, at blockStart: Int, isLast: Bool,
    _ rowEnded: (_ end: Int, _ lineBreaks: Int) -> Bool
  ) {
    var index = start
    if isAfterReturn {
      isAfterReturn = false
      if block.first == UInt8(ascii: "\n") { index = 1 }
      lineBreaks += 1
      guard rowEnded(blockStart + index, lineBreaks) else { return }
    }
    while index < block.count {
      index = WordScan.firstFlagged(in: block, from: index, by: Self.quotesAndLineEnds)
      guard index < block.count else { return }
      let byte = block[index]
      index += 1
      if byte == UInt8(ascii: "\"") {
        isQuoted.toggle()
      } else if byte == UInt8(ascii: "\n") {
        lineBreaks += 1
        if !isQuoted, !rowEnded(blockStart + index, lineBreaks) { return }
      } else if byte == UInt8(ascii: "\r"), !isQuoted {
        if index == block.count, !isLast {
          isAfterReturn = true
          return
        }
        if index < block.count, block[index] == UInt8(ascii: "\n") { index += 1 }
        lineBreaks += 1
        guard rowEnded(blockStart + index, lineBreaks) else { return }
      }
    }
  }

  /// Quotes and line ends: all that finding rows needs to see (commas do not matter to it,
  /// and are most of what `WordScan.cellEnds` stops at).
  @inline(__always)
  private static func quotesAndLineEnds(_ word: UInt64) -> UInt64 {
    WordScan.matches(word, 0x22) | WordScan.matches(word, 13) | WordScan.matches(word, 10)
  }
}
