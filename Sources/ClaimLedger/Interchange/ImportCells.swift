/// The columns `claims import` reads, in the order `claims export` writes them.
enum ImportColumn: Int, CaseIterable, Sendable {
  case id, text, quote, source, via, url, said, deadline, deadlineText, confidence, hedge, lang
  case tags, conditional, status, outcome, resolvedOn, evidence, reason, note, document
  case recordedAt

  /// The column a lower-cased header name or JSON key names.
  init?(name: String) {
    guard let position = ClaimExport.csvColumns.firstIndex(of: name) else { return nil }
    self.init(rawValue: position)
  }

  /// The names' bytes, packed as `EntryField` packs keys: the first eight bytes, the next
  /// eight and the length, so a key is matched by comparing three words.
  private static let packedNames: [(head: UInt64, tail: UInt64, count: Int)] =
    ClaimExport.csvColumns.map { name in
      let bytes = Array(name.utf8)
      return (pack(bytes, from: 0), pack(bytes, from: 8), bytes.count)
    }

  private static func pack(_ bytes: [UInt8], from start: Int) -> UInt64 {
    var word: UInt64 = 0
    for index in stride(from: min(bytes.count, start + 8) - 1, through: start, by: -1) {
      word = word << 8 | UInt64(bytes[index])
    }
    return word
  }

  /// The column a JSON key's bytes name, trying `guess` first: an exported line gives its keys
  /// in column order, so the column after the last one is nearly always right.
  init?(key: UnsafeBufferPointer<UInt8>, guess: Int) {
    let count = key.count
    guard count >= 2, count <= 16, let base = key.baseAddress else { return nil }
    // Copied into zeroed words, which on a little-endian machine packs them as `pack` does,
    // first byte lowest, without a step per byte.
    var head: UInt64 = 0
    var tail: UInt64 = 0
    withUnsafeMutableBytes(of: &head) { word in
      word.copyMemory(from: UnsafeRawBufferPointer(start: base, count: min(count, 8)))
    }
    if count > 8 {
      withUnsafeMutableBytes(of: &tail) { word in
        word.copyMemory(from: UnsafeRawBufferPointer(start: base + 8, count: count - 8))
      }
    }
    let names = ImportColumn.packedNames
    if guess < names.count, names[guess] == (head, tail, count) {
      self.init(rawValue: guess)
      return
    }
    guard let position = names.firstIndex(where: { $0 == (head, tail, count) }) else {
      return nil
    }
    self.init(rawValue: position)
  }
}

/// One row's cells by column: where each one's bytes are, in the file or, for text that had to
/// be decoded (doubled quotes, JSON escapes), in `scratch`.
///
/// The row is read without a `String` per cell; `ImportLineWriter` checks the bytes and copies
/// them into journal lines.
struct ImportCells {
  /// What a cell holds; JSON values other than strings keep their kind.
  enum Kind: UInt8 {
    /// The file has no such column or key.
    case absent
    case text
    /// A JSON number, by its digits.
    case number
    case isTrue, isFalse
    /// A JSON null, list or object where text was expected: read as an empty cell.
    case empty
  }

  /// A cell's place: `start` counts from the file's first byte, or from `scratch`'s.
  struct Cell {
    var kind = Kind.absent
    var isInScratch = false
    var start = 0
    var count = 0
  }

  var cells = [Cell](repeating: Cell(), count: ImportColumn.allCases.count)
  /// Tags given as a JSON list, each a text cell, when `hasTagList`; else the tags are a cell
  /// of text joined by `;`.
  var tagList: [Cell] = []
  var hasTagList = false
  var scratch: [UInt8] = []
  /// The JSON keys other than the columns seen in this row, by their place in the line, so a
  /// key given twice is declined.
  var otherKeys: [Range<Int>] = []

  /// Empties every cell for the next row, keeping the storage.
  mutating func reset() {
    for index in cells.indices { cells[index] = Cell() }
    tagList.removeAll(keepingCapacity: true)
    hasTagList = false
    scratch.removeAll(keepingCapacity: true)
    otherKeys.removeAll(keepingCapacity: true)
  }

  subscript(column: ImportColumn) -> Cell {
    get { cells[column.rawValue] }
    set { cells[column.rawValue] = newValue }
  }

  /// Copies `bytes` into `scratch` and returns the cell that reads them.
  mutating func stored(_ bytes: UnsafeBufferPointer<UInt8>) -> Cell {
    let start = scratch.count
    scratch.append(contentsOf: bytes)
    return Cell(kind: .text, isInScratch: true, start: start, count: bytes.count)
  }
}
