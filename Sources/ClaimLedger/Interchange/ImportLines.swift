import Dispatch
import Foundation

/// What reading an import file gave, as journal lines ready to append: the good claims' entries
/// in file order with each claim's id, the bad rows, and notes for the person.
public struct ImportLines: Sendable {
  public var format: ImportFormat
  public var notes: [String] = []
  public var problems: [ImportError] = []
  var pieces: [ImportPiece] = []

  /// The good claims read, each counted once however often its id recurs.
  public var claimCount: Int { pieces.reduce(0) { $0 + $1.ids.count } }
}

/// The lines of one stretch of an import file's rows.
struct ImportPiece: Sendable {
  /// Every good claim's entries, one journal line each, in file order.
  var bytes: [UInt8] = []
  /// Each good claim's id, and where its lines end in `bytes`.
  var ids: [ClaimID] = []
  var ends: [Int] = []
  var problems: [ImportError] = []
  /// A claim whose entries would not read back as written, by its place in `ids`; it stops
  /// the import only if it is to be written.
  var unwritable: [(claim: Int, error: LedgerError)] = []
  /// Why the piece's bytes are not CSV at all; the first such piece stops the import.
  var failure: ImportError?
  /// The lines the piece spans (JSON Lines), to number the next piece's.
  var lineCount = 0

  /// Appends the claim's entries to `bytes` as the journal writes them, each read back first,
  /// as `LedgerStore` reads back what it encodes.
  mutating func append(_ claim: ImportedClaim, at now: Timestamp, to bytes: inout [UInt8]) {
    var json = JSONBuffer()
    for entry in claim.entries(at: now) {
      json.removeAll()
      entry.writeJSON(into: &json)
      let line = json.bytes
      let reread = line.withUnsafeBufferPointer { buffer in
        Result { () throws(JSONScanner.Failure) -> Entry in try EntryDecoder.decode(buffer) }
      }
      var location = SourceLocation(path: "new entry", line: 1)
      switch reread {
      case .failure(let failure):
        location.column = failure.offset + 1
        unwritable.append((ids.count, .malformedEntry(at: location, reason: failure.reason)))
      case .success(let decoded) where decoded != entry:
        let reason = "the entry would not read back as written"
        unwritable.append((ids.count, .malformedEntry(at: location, reason: reason)))
      case .success:
        bytes.append(contentsOf: line)
        bytes.append(UInt8(ascii: "\n"))
      }
    }
    noteClaim(claim.id, endingAt: bytes.count)
  }

  mutating func noteClaim(_ id: ClaimID, endingAt end: Int) {
    ids.append(id)
    ends.append(end)
  }
}

extension ClaimImport {
  /// Bytes per piece of work: large enough that a piece's rows outweigh handing it to a core,
  /// small enough that both cores finish together.
  static let pieceSize = 4 << 20

  /// Reads every row into journal lines stamped `now` (and a millisecond or two after, as
  /// `ImportedClaim.entries(at:)` does); the bad rows become `problems`.
  ///
  /// CSV and JSON Lines are read in pieces on all cores, each row straight from its bytes to
  /// its lines; rows in any other form than an export's, and Fatebook files, go through
  /// `read`, so both give the same lines and the same messages.
  public static func lines(
    _ bytes: [UInt8], path: String, format: ImportFormat, recordedAt now: Timestamp
  ) throws(ImportError) -> ImportLines {
    try lines(bytes, path: path, format: format, recordedAt: now, pieceSize: pieceSize)
  }

  /// `lines`, cut into pieces of about `pieceSize` bytes (small ones in tests).
  static func lines(
    _ bytes: [UInt8], path: String, format: ImportFormat, recordedAt now: Timestamp,
    pieceSize: Int
  ) throws(ImportError) -> ImportLines {
    switch format {
    case .fatebook: return lines(from: try read(bytes, path: path, format: format), at: now)
    case .jsonl: return jsonLines(bytes, path: path, at: now, pieceSize: pieceSize)
    case .csv: return try csvLines(bytes, path: path, at: now, pieceSize: pieceSize)
    }
  }

  /// The lines of claims `read` gave.
  static func lines(from reading: ImportReading, at now: Timestamp) -> ImportLines {
    var piece = ImportPiece()
    var bytes: [UInt8] = []
    for claim in reading.claims { piece.append(claim, at: now, to: &bytes) }
    piece.bytes = bytes
    return ImportLines(
      format: reading.format, notes: reading.notes, problems: reading.problems, pieces: [piece])
  }

  // MARK: CSV

  private static func csvLines(
    _ bytes: [UInt8], path: String, at now: Timestamp, pieceSize: Int
  ) throws(ImportError) -> ImportLines {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    guard let header = try header(of: bytes, from: start, path: path) else {
      return ImportLines(format: .csv)
    }
    let names = header.names
    let missing = ["text", "source", "said"].filter { !names.contains($0) }
    // Which problem comes first then depends on every row: the whole reader decides.
    guard missing.isEmpty else {
      return lines(from: try read(bytes, path: path, format: .csv), at: now)
    }
    var lines = ImportLines(format: .csv)
    let unknown = names.filter { !csvColumns.contains($0) && !$0.isEmpty }
    if !unknown.isEmpty {
      lines.notes.append(
        "\(path): ignored the unknown column\(unknown.count == 1 ? "" : "s") "
          + unknown.joined(separator: ", "))
    }
    var index: [String: Int] = [:]
    var firstColumns: [ImportColumn?] = []
    for (position, name) in names.enumerated() {
      let isFirst = index[name] == nil
      if isFirst { index[name] = position }
      firstColumns.append(isFirst ? ImportColumn(name: name) : nil)
    }
    let positions = index
    let columns = firstColumns
    let size = bytes.count - header.end
    let pieces = size < 2 * pieceSize ? 1 : max(2 * ProcessInfoCores.count, size / pieceSize)
    let starts =
      [(offset: header.end, line: header.nextLine)]
      + CSVReader.rowEnds(in: bytes, from: header.end, line: header.nextLine, pieces: pieces)
    let isDetectingLanguage = positions["lang"] == nil
    let results = inParallel(count: starts.count) { number in
      let end = number + 1 < starts.count ? starts[number + 1].offset : bytes.count
      let range = starts[number].offset..<end
      let firstLine = starts[number].line
      var piece = ImportPiece()
      var writer = ImportLineWriter(recordedAt: now)
      func fallBack(_ row: CSVRow) {
        switch claim(fromRow: row, names: names, index: positions, path: path) {
        case .success(let claim): piece.append(claim, at: now, to: &writer.bytes)
        case .failure(let problem): piece.problems.append(problem)
        }
      }
      let isRead = bytes.withUnsafeBufferPointer { file in
        guard JSONScanner.isValidUTF8(UnsafeBufferPointer(rebasing: file[range])) else {
          return false
        }
        let reader = CSVCellReader(file: file, columns: columns)
        var cells = ImportCells()
        var isSure = true
        let isWellFormed = reader.forEachRow(in: range, firstLine: firstLine, cells: &cells) {
          row, cells in
          if row.cellCount == names.count,
            let id = writer.append(cells, file: file, isDetectingLanguage: isDetectingLanguage)
          {
            piece.noteClaim(id, endingAt: writer.bytes.count)
            return
          }
          // The whole reader on the row alone gives its cells and their columns.
          do {
            try CSVReader.rows(bytes, in: row.bytes, firstLine: row.line).forEach(fallBack)
          } catch {
            isSure = false
          }
        }
        return isWellFormed && isSure
      }
      if !isRead {
        piece = ImportPiece()
        writer.bytes.removeAll()
        do throws(CSVReader.Failure) {
          try CSVReader.rows(bytes, in: range, firstLine: firstLine).forEach(fallBack)
        } catch {
          piece.failure = .malformed(
            at: SourceLocation(path: path, line: error.line, column: error.column),
            reason: error.reason)
        }
      }
      piece.bytes = writer.bytes
      return piece
    }
    if let failure = results.lazy.compactMap(\.failure).first { throw failure }
    lines.pieces = results
    lines.problems = results.flatMap(\.problems)
    return lines
  }

  /// The header row's names, trimmed and lower-cased, and where the rows after it start; nil
  /// when the file has no row. Blank lines before it are passed over, as `CSVReader` does.
  private static func header(of bytes: [UInt8], from start: Int, path: String)
    throws(ImportError) -> (names: [String], end: Int, nextLine: Int)?
  {
    var offset = start
    var line = 1
    while offset < bytes.count {
      let end = CSVReader.firstRowEnd(in: bytes, from: offset)
      let rows: [CSVRow]
      do {
        rows = try CSVReader.rows(bytes, in: offset..<end.offset, firstLine: line)
      } catch {
        throw .malformed(
          at: SourceLocation(path: path, line: error.line, column: error.column),
          reason: error.reason)
      }
      if let row = rows.first {
        return (row.cells.map { $0.trimmingSpaces().lowercased() }, end.offset, line + end.lines)
      }
      offset = end.offset
      line += end.lines
    }
    return nil
  }

  // MARK: JSON Lines

  private static func jsonLines(
    _ bytes: [UInt8], path: String, at now: Timestamp, pieceSize: Int
  ) -> ImportLines {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var cuts = [start]
    while let last = cuts.last, last + pieceSize < bytes.count,
      let newline = bytes[(last + pieceSize)...].firstIndex(of: 10), newline + 1 < bytes.count
    {
      cuts.append(newline + 1)
    }
    let starts = cuts
    let results = inParallel(count: starts.count) { number in
      let isLast = number + 1 == starts.count
      let end = isLast ? bytes.count : starts[number + 1]
      var piece = ImportPiece()
      var writer = ImportLineWriter(recordedAt: now)
      bytes.withUnsafeBufferPointer { file in
        var cells = ImportCells()
        var lineStart = starts[number]
        var lineNumber = 0
        while lineStart < end || (isLast && lineStart == end) {
          let lineEnd = firstNewline(in: file, from: lineStart, to: end)
          lineNumber += 1
          var range = lineStart..<lineEnd
          lineStart = lineEnd + 1
          if range.upperBound > range.lowerBound, file[range.upperBound - 1] == 13 {
            range = range.lowerBound..<(range.upperBound - 1)
          }
          if file[range].allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
          if JSONCellReader.read(file, line: range, into: &cells),
            let id = writer.append(
              cells, file: file, isDetectingLanguage: cells[.lang].kind == .absent)
          {
            piece.noteClaim(id, endingAt: writer.bytes.count)
            continue
          }
          switch readJSONLine(bytes[range], number: lineNumber, path: path) {
          case .success(let claim): piece.append(claim, at: now, to: &writer.bytes)
          case .failure(let problem): piece.problems.append(problem)
          case nil: break
          }
        }
        piece.lineCount = lineNumber
      }
      piece.bytes = writer.bytes
      return piece
    }
    var lines = ImportLines(format: .jsonl)
    var linesBefore = 0
    for piece in results {
      lines.problems += piece.problems.map { $0.movedDown(by: linesBefore) }
      linesBefore += piece.lineCount
    }
    lines.pieces = results
    return lines
  }

  /// Where the first newline from `start` is, found with `memchr`; `end` when there is none.
  private static func firstNewline(
    in file: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
  )
    -> Int
  {
    guard start < end, let base = file.baseAddress,
      let found = memchr(base + start, 10, end - start)
    else { return end }
    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
  }

  /// `body` for each of 0..<count on all cores, taking the next number as each finishes; the
  /// results in order.
  private static func inParallel<Value: Sendable>(
    count: Int, _ body: @Sendable (Int) -> Value
  ) -> [Value] {
    let slots = WorkerSlots<Value>(count: count)
    if count == 1 {
      slots.store(body(0), at: 0)
    } else {
      DispatchQueue.concurrentPerform(iterations: count) { slots.store(body($0), at: $0) }
    }
    return slots.values.compactMap { $0 }
  }
}

extension ImportError {
  /// The error with its line numbers `lines` further down, for a piece read on its own.
  func movedDown(by lines: Int) -> ImportError {
    guard lines != 0 else { return self }
    switch self {
    case .malformed(var location, let reason):
      location.line += lines
      return .malformed(at: location, reason: reason)
    case .badValue(var location, let reason):
      location.line += lines
      return .badValue(at: location, reason: reason)
    case .notFound, .missingColumns, .badRows:
      return self
    }
  }
}
