/// Reads one line of JSON Lines into `ImportCells` as `FlatJSONObject` reads it, with the same
/// scanner and the same checks, but keeping where each string's bytes are instead of making a
/// `String` of it.
///
/// It declines (returns false) at anything out of place, and at keys with escapes or
/// non-ASCII bytes; the caller then reads the line with `FlatJSONObject`, which says what is
/// wrong or reads the unusual key.
enum JSONCellReader {
  static func read(
    _ file: UnsafeBufferPointer<UInt8>, line range: Range<Int>, into cells: inout ImportCells
  ) -> Bool {
    cells.reset()
    var scanner = JSONScanner(UnsafeBufferPointer(rebasing: file[range]))
    do throws(JSONScanner.Failure) {
      return try read(&scanner, offset: range.lowerBound, into: &cells)
    } catch {
      return false
    }
  }

  private static func read(
    _ scanner: inout JSONScanner, offset: Int, into cells: inout ImportCells
  ) throws(JSONScanner.Failure) -> Bool {
    var seen: UInt32 = 0
    var guess = 0
    try scanner.expect(UInt8(ascii: "{"), "'{'")
    if try scanner.consume(UInt8(ascii: "}")) {
      try scanner.expectEnd()
      return true
    }
    while true {
      try scanner.skipSpace()
      let key = try scanner.readKey()
      // The key's place in the line: it ends just before the closing quote passed.
      let keyPlace = (scanner.position - 1 - key.count)..<(scanner.position - 1)
      try scanner.expect(UInt8(ascii: ":"), "':'")
      if let column = ImportColumn(key: key, guess: guess) {
        let bit: UInt32 = 1 << UInt32(column.rawValue)
        guard seen & bit == 0 else { return false }
        seen |= bit
        guess = column.rawValue + 1
        guard try readValue(&scanner, offset: offset, of: column, into: &cells) else {
          return false
        }
      } else {
        let line = scanner.bytes
        let isRepeated = cells.otherKeys.contains { other in
          other.count == key.count && line[other].elementsEqual(key)
        }
        guard !isRepeated else { return false }
        cells.otherKeys.append(keyPlace)
        guard try readValue(&scanner, offset: offset, of: nil, into: &cells) else { return false }
      }
      if try scanner.consume(UInt8(ascii: "}")) { break }
      try scanner.expect(UInt8(ascii: ","), "','")
    }
    try scanner.expectEnd()
    return true
  }

  /// Reads one member's value into its column's cell (`column` nil: checked and dropped), as
  /// `FlatJSONObject.readValue` reads it; false to decline the line.
  private static func readValue(
    _ scanner: inout JSONScanner, offset: Int, of column: ImportColumn?,
    into cells: inout ImportCells
  ) throws(JSONScanner.Failure) -> Bool {
    var cell = ImportCells.Cell(kind: .empty)
    switch try scanner.peek() {
    case UInt8(ascii: "\""):
      guard let text = try readText(&scanner, offset: offset, into: &cells) else { return false }
      cell = text
    case UInt8(ascii: "[") where column == nil:
      // A list nobody reads, such as an export's `history`: checked in one pass. Its items
      // nest one level below it, as `FlatJSONObject` skips them.
      try scanner.passValue(depthLimit: FlatJSONObject.maximumDepth)
    case UInt8(ascii: "[") where column != .tags:
      // A list where a claim field other than the tags is: the general reader says which.
      return false
    case UInt8(ascii: "{") where column != nil:
      // An object where a claim field is.
      return false
    case UInt8(ascii: "["):
      try scanner.expect(UInt8(ascii: "["), "a list")
      cells.hasTagList = true
      if try !scanner.consume(UInt8(ascii: "]")) {
        repeat {
          if try scanner.peek() == UInt8(ascii: "\"") {
            guard let text = try readText(&scanner, offset: offset, into: &cells) else {
              return false
            }
            cells.tagList.append(text)
          } else {
            // A tag that is not a string: the general reader refuses the line.
            return false
          }
        } while try scanner.consume(UInt8(ascii: ","))
        try scanner.expect(UInt8(ascii: "]"), "',' or ']'")
      }
    case UInt8(ascii: "{"):
      try scanner.passValue(depthLimit: FlatJSONObject.maximumDepth)
    default:
      if try scanner.consumeLiteral("null") {
      } else if try scanner.consumeLiteral("true") {
        cell.kind = .isTrue
      } else if try scanner.consumeLiteral("false") {
        cell.kind = .isFalse
      } else {
        try scanner.skipSpace()
        let start = scanner.position
        _ = try scanner.readNumber()
        cell = ImportCells.Cell(
          kind: .number, start: offset + start, count: scanner.position - start)
      }
    }
    if let column { cells[column] = cell }
    return true
  }

  /// A string's text: its bytes in the file when it has no escape, else its decoded bytes in
  /// `scratch`; nil when its bytes are not UTF-8.
  private static func readText(
    _ scanner: inout JSONScanner, offset: Int, into cells: inout ImportCells
  ) throws(JSONScanner.Failure) -> ImportCells.Cell? {
    if let text = scanner.readCheckedPlainString() {
      return ImportCells.Cell(kind: .text, start: offset + text.start, count: text.raw.count)
    }
    var plain = scanner
    guard let text = try plain.readPlainString() else {
      var decoded = try scanner.readString()
      return decoded.withUTF8 { cells.stored($0) }
    }
    scanner = plain
    guard text.isASCII || JSONScanner.isValidUTF8(text.raw) else { return nil }
    return ImportCells.Cell(kind: .text, start: offset + text.start, count: text.raw.count)
  }
}
