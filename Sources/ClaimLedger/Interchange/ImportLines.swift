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
  /// Each good claim's id, where its lines end in `bytes`, and the line of the file it was
  /// read from (within the piece for JSON Lines, until the pieces are joined).
  var ids: [ClaimID] = []
  var ends: [Int] = []
  var lines: [Int] = []
  var problems: [ImportError] = []
  /// A claim whose entries would not read back as written, by its place in `ids`; it stops
  /// the import only if it is to be written.
  var unwritable: [(claim: Int, error: LedgerError)] = []
  /// Why the piece's bytes are not CSV at all; the first such piece stops the import.
  var failure: ImportError?
  /// The lines the piece spans (JSON Lines), to number the next piece's.
  var lineCount = 0
  /// Keys of its JSON lines that no claim field reads (`history` aside).
  var ignoredKeys: Set<String> = []
  /// The claims that took the general path, encoded and read back, rather than going from the
  /// file's bytes straight to lines.
  var claimsReadBack = 0
  /// Rows whose every cell is empty, skipped.
  var emptyRows = 0
  /// A row held what only the whole reader, seeing every row, can read: a bare percentage in
  /// the confidence column (`60`), which the others are held to, or a date that could be
  /// either way round (`1/2/2026`), which the others' dates may settle.
  var needsWholeFile = false
  /// The note on text that looks like UTF-8 read as Windows-1252 (`Mojibake`), for the first
  /// such place in the piece.
  var mojibakeNote: String?
  /// How many claims took their confidence from a hedge word of their text, and the first
  /// (by its place in `ids`), for the note that says so.
  var textConfidences = 0
  var firstTextConfidence: (claim: Int, word: String, confidence: Confidence)?
  /// How many CSV rows gave a tag holding a comma, and the first, for the note that tags are
  /// separated by `;` (`ai, ml` is one tag).
  var commaTags = 0
  var firstCommaTag: (claim: Int, tag: String)?

  /// Appends the claim's entries to `bytes` as the journal writes them, each read back first,
  /// as `LedgerStore` reads back what it encodes. `fromCell`: its tags came from one CSV cell.
  mutating func append(
    _ claim: ImportedClaim, at now: Timestamp, to bytes: inout [UInt8], fromCell: Bool = false
  ) {
    claimsReadBack += 1
    if fromCell, let tag = claim.claim.tags.first(where: { $0.contains(",") }) {
      commaTags += 1
      if firstCommaTag == nil { firstCommaTag = (ids.count, tag) }
    }
    if let word = claim.confidenceWord {
      textConfidences += 1
      if firstTextConfidence == nil {
        firstTextConfidence = (ids.count, word, claim.claim.confidence)
      }
    }
    var json = JSONBuffer()
    var interning = LineInterning()
    for entry in claim.entries(at: now) {
      switch entry.checkedLine(json: &json, interning: &interning) {
      case .failure(let error): unwritable.append((ids.count, error))
      case .success(let line):
        bytes.append(contentsOf: line)
        bytes.append(UInt8(ascii: "\n"))
      }
    }
    noteClaim(claim.id, endingAt: bytes.count, line: claim.line)
  }

  /// The journal lines of the claim at `index`.
  func claimBytes(_ index: Int) -> ArraySlice<UInt8> {
    bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
  }

  mutating func noteClaim(_ id: ClaimID, endingAt end: Int, line: Int) {
    ids.append(id)
    ends.append(end)
    lines.append(line)
  }
}

extension ClaimImport {
  /// Bytes per piece of work: large enough that a piece's rows outweigh handing it to a core,
  /// small enough that all cores finish together.
  static let pieceSize = 4 << 20

  /// Reads every row into journal lines stamped `now` (and a millisecond or two after, as
  /// `ImportedClaim.entries(at:)` does); the bad rows become `problems`.
  ///
  /// CSV and JSON Lines are read in pieces on all cores, each piece into a buffer its core
  /// reuses and each row straight from its bytes to its lines; rows in any other form than an
  /// export's, and Fatebook files, go through `read`, so both give the same lines and the same
  /// messages.
  ///
  /// Dates are checked against `today` (by default the day of `now`), as `add` checks them.
  public static func lines(
    _ file: ImportFile, path: String, format: ImportFormat, recordedAt now: Timestamp,
    today: Day? = nil
  ) throws(ImportError) -> ImportLines {
    try lines(
      file, path: path, format: format, recordedAt: now, today: today ?? now.day,
      pieceSize: pieceSize)
  }

  /// `lines` of bytes already in memory.
  public static func lines(
    _ bytes: [UInt8], path: String, format: ImportFormat, recordedAt now: Timestamp,
    today: Day? = nil
  ) throws(ImportError) -> ImportLines {
    try lines(ImportFile(bytes: bytes), path: path, format: format, recordedAt: now, today: today)
  }

  /// `lines`, cut into pieces of about `pieceSize` bytes (small ones in tests).
  static func lines(
    _ file: ImportFile, path: String, format: ImportFormat, recordedAt now: Timestamp,
    today: Day, pieceSize: Int
  ) throws(ImportError) -> ImportLines {
    let start = file.prefix(1 << 16)
    if let refusal = jsonArrayRefusal(start, path: path) ?? journalRefusal(start, path: path) {
      throw refusal
    }
    var read: ImportLines
    switch format {
    case .fatebook:
      read = lines(
        from: try self.read(file.all(), path: path, format: format, today: today), at: now)
    case .jsonl:
      read = try jsonLines(file, path: path, at: now, today: today, pieceSize: pieceSize)
    case .csv:
      read = try csvLines(file, path: path, at: now, today: today, pieceSize: pieceSize)
    }
    if format != .fatebook {
      read.problems += differingRepeats(in: read.pieces, path: path)
      read.problems = ImportError.inLineOrder(read.problems)
    }
    if let note = textConfidenceNote(read.pieces, path: path, isJSON: format == .jsonl) {
      read.notes.append(note)
    }
    if let note = commaTagsNote(read.pieces, path: path) { read.notes.append(note) }
    return read
  }

  /// The note on claims whose rows gave no confidence, which took one from a hedge word of
  /// their text (as `add` does without --confidence): said, since a column of confidences
  /// under a title no field reads would otherwise be replaced without a word.
  static func textConfidenceNote(_ pieces: [ImportPiece], path: String, isJSON: Bool) -> String? {
    let count = pieces.reduce(0) { $0 + $1.textConfidences }
    guard count > 0,
      let piece = pieces.first(where: { $0.firstTextConfidence != nil }),
      let first = piece.firstTextConfidence
    else { return nil }
    return "\(path): \(count) claim\(count == 1 ? "" : "s") had no confidence and took one from "
      + "a hedge word of the text (line \(piece.lines[first.claim]): '\(first.word)', "
      + "\(first.confidence.percent)); a confidence \(isJSON ? "field" : "column") sets them"
  }

  /// The note on CSV tags holding a comma: tags are separated by `;`, so a cell such as
  /// `ai, ml`, as a person types a list, is one tag; said, with the cell as it would be
  /// written, since the import takes it without complaint.
  static func commaTagsNote(_ pieces: [ImportPiece], path: String) -> String? {
    let count = pieces.reduce(0) { $0 + $1.commaTags }
    guard count > 0, let piece = pieces.first(where: { $0.firstCommaTag != nil }),
      let first = piece.firstCommaTag
    else { return nil }
    let separated = first.tag.split(separator: ",").map { String($0).trimmingSpaces() }
      .joined(separator: ";")
    let more = count - 1
    return "\(path):\(piece.lines[first.claim]): read the tag '\(first.tag)' as one tag, comma "
      + "and all" + (more > 0 ? " (and \(more) more row\(more == 1 ? "" : "s") so)" : "")
      + "; tags are separated by ';', as in '\(separated)'"
  }

  /// A claim whose id an earlier row of the file has, with other values: a bad row, since
  /// one of the two would be dropped unseen. A repeat with the same values (the same row
  /// twice) is only counted and skipped. (Fatebook's export repeats a question on a row per
  /// forecast; its files keep the first row, as documented.)
  static func differingRepeats(in pieces: [ImportPiece], path: String) -> [ImportError] {
    // The ids seen so far in the ledger's own table of id bits (a million inserts into a
    // dictionary cost more than the rest of the check), each to its place in `places`.
    var seen = ClaimIndex(capacity: pieces.reduce(0) { $0 + $1.ids.count })
    var places: [(piece: Int32, claim: Int32)] = []
    var problems: [ImportError] = []
    for (pieceIndex, piece) in pieces.enumerated() {
      for (claim, id) in piece.ids.enumerated() {
        guard let earlierPlace = seen.insert(id, at: places.count) else {
          places.append((Int32(pieceIndex), Int32(claim)))
          continue
        }
        let earlier = (
          piece: Int(places[earlierPlace].piece), claim: Int(places[earlierPlace].claim)
        )
        let kept = pieces[earlier.piece]
        guard kept.claimBytes(earlier.claim) != piece.claimBytes(claim) else { continue }
        problems.append(
          .badValue(
            at: SourceLocation(path: path, line: piece.lines[claim], column: 1),
            reason: "id \(id) is on line \(kept.lines[earlier.claim]) already, with other values; "
              + "keep one of the two rows"))
      }
    }
    return problems
  }

  /// The lines of claims `read` gave.
  static func lines(from reading: ImportReading, at now: Timestamp) -> ImportLines {
    var piece = ImportPiece()
    var bytes: [UInt8] = []
    for claim in reading.claims {
      piece.append(claim, at: now, to: &bytes, fromCell: reading.format == .csv)
    }
    piece.bytes = bytes
    return ImportLines(
      format: reading.format, notes: reading.notes, problems: reading.problems, pieces: [piece])
  }

  /// The problem of a piece the file no longer holds whole.
  private static func changed(_ path: String, line: Int) -> ImportError {
    .malformed(
      at: SourceLocation(path: path, line: line),
      reason: "the file changed while it was read; import it again")
  }

  // MARK: CSV

  private static func csvLines(
    _ file: ImportFile, path: String, at now: Timestamp, today: Day, pieceSize: Int
  ) throws(ImportError) -> ImportLines {
    let layout = CSVLayout(detecting: file.prefix(1 << 16))
    // Files of another separator come from spreadsheets, not exports: the general reader
    // takes them, and this path keeps its one separator.
    guard layout.separator == CSVLayout.comma else {
      return lines(from: try read(file.all(), path: path, format: .csv, today: today), at: now)
    }
    guard let header = try header(of: file, from: layout.start, line: layout.line, path: path)
    else {
      throw ClaimImport.noHeader(path)
    }
    let names = ClaimImport.columnNames(header.names)
    let headerColumns = headerColumns(names, written: header.names, path: path)
    // Which problem comes first then depends on every row: the whole reader decides.
    guard headerColumns.missing.isEmpty else {
      return lines(from: try read(file.all(), path: path, format: .csv, today: today), at: now)
    }
    var lines = ImportLines(format: .csv)
    if let note = headerColumns.note { lines.notes.append(note) }
    let positions = headerColumns.positions
    let columns = names.enumerated().map { position, name in
      positions[name] == position ? ImportColumn(name: name) : nil
    }
    let starts =
      [(offset: header.end, line: header.nextLine)]
      + csvCuts(file, from: header.end, line: header.nextLine, pieceSize: pieceSize)
    let isDetectingLanguage = positions["lang"] == nil
    let workspaces = ImportWorkspaces()
    let results = inParallel(count: starts.count) { number in
      let end = number + 1 < starts.count ? starts[number + 1].offset : file.count
      let firstLine = starts[number].line
      var workspace = workspaces.take()
      var piece = ImportPiece()
      if file.read(starts[number].offset..<end, into: &workspace.input) {
        piece = csvPiece(
          &workspace, firstLine: firstLine, names: names, positions: positions, columns: columns,
          isDetectingLanguage: isDetectingLanguage, path: path, at: now, today: today)
      } else {
        piece.failure = changed(path, line: firstLine)
      }
      workspaces.give(workspace)
      return piece
    }
    if let failure = results.lazy.compactMap(\.failure).first { throw failure }
    if results.contains(where: \.needsWholeFile) {
      return self.lines(from: try read(file.all(), path: path, format: .csv, today: today), at: now)
    }
    lines.pieces = results
    lines.problems = results.flatMap(\.problems)
    if let note = emptyRowsNote(results.reduce(0) { $0 + $1.emptyRows }, path: path) {
      lines.notes.append(note)
    }
    if let note = results.lazy.compactMap(\.mojibakeNote).first { lines.notes.append(note) }
    return lines
  }

  /// The lines of one piece of rows, `workspace.input`, whose first row starts on `firstLine`.
  private static func csvPiece(
    _ workspace: inout ImportWorkspace, firstLine: Int, names: [String],
    positions: [String: Int], columns: [ImportColumn?], isDetectingLanguage: Bool,
    path: String, at now: Timestamp, today: Day
  ) -> ImportPiece {
    let bytes = workspace.input
    var piece = ImportPiece()
    var writer = ImportLineWriter(recordedAt: now, today: today)
    // An export's rows make about a third more bytes of journal, a spreadsheet's short rows
    // more; twice the input is room for either, and the piece keeps the buffer.
    writer.bytes.reserveCapacity(2 * bytes.count + 4_096)
    var cells = ImportCells()
    swap(&cells, &workspace.cells)
    func fallBack(_ row: CSVRow) {
      func cell(_ key: String) -> String? {
        positions[key].flatMap { $0 < row.cells.count ? CSVField.decodeText(row.cells[$0]) : nil }
      }
      if cell("confidence").map(PercentColumn.showsPercentages) == true
        || ["said", "deadline", "resolved_on"].contains(where: {
          cell($0).map(isAmbiguousDate) == true
        })
      {
        piece.needsWholeFile = true
      }
      switch claim(fromRow: row, names: names, index: positions, path: path, today: today) {
      case .success(let claim): piece.append(claim, at: now, to: &writer.bytes, fromCell: true)
      case .failure(let problem): piece.problems.append(problem)
      case nil: piece.emptyRows += 1
      }
    }
    let mojibakeNote = bytes.withUnsafeBufferPointer { file in
      Mojibake.firstSuspect(in: file).map {
        Mojibake.note(path: path, bytes: file, offset: $0, firstLine: firstLine)
      }
    }
    let isRead = bytes.withUnsafeBufferPointer { file in
      guard JSONScanner.isValidUTF8(file) else { return false }
      let reader = CSVCellReader(file: file, columns: columns)
      var didEveryFallbackRead = true
      let isWellFormed = reader.forEachRow(in: 0..<file.count, firstLine: firstLine, cells: &cells)
      { row, cells in
        if row.cellCount == names.count,
          let id = writer.append(cells, file: file, isDetectingLanguage: isDetectingLanguage)
        {
          piece.noteClaim(id, endingAt: writer.bytes.count, line: row.line)
          return
        }
        // The whole reader on the row alone gives its cells and their columns.
        do {
          try CSVReader.rows(bytes, in: row.bytes, firstLine: row.line).forEach(fallBack)
        } catch {
          didEveryFallbackRead = false
        }
      }
      return isWellFormed && didEveryFallbackRead
    }
    if !isRead {
      piece = ImportPiece()
      writer.bytes.removeAll(keepingCapacity: true)
      do throws(CSVReader.Failure) {
        try CSVReader.rows(bytes, in: 0..<bytes.count, firstLine: firstLine).forEach(fallBack)
      } catch {
        piece.failure = .malformed(
          at: SourceLocation(path: path, line: error.line, column: error.column),
          reason: error.reason)
      }
    }
    piece.bytes = writer.bytes
    piece.mojibakeNote = mojibakeNote
    swap(&cells, &workspace.cells)
    return piece
  }

  /// The header row's names, trimmed and lower-cased, and where the rows after it start; nil
  /// when the file has no row. Blank lines before it are passed over, as `CSVReader` does.
  private static func header(
    of file: ImportFile, from start: Int, line firstLine: Int, path: String
  )
    throws(ImportError) -> (names: [String], end: Int, nextLine: Int)?
  {
    var offset = start
    var line = firstLine
    var size = 1 << 16
    var block: [UInt8] = []
    while offset < file.count {
      guard file.read(offset..<min(file.count, offset + size), into: &block) else {
        throw changed(path, line: line)
      }
      let end = CSVReader.firstRowEnd(in: block, from: 0)
      // A row that may go on past the block (or a CR whose LF may follow) needs a larger one.
      if end.offset + 1 >= block.count, offset + block.count < file.count {
        size *= 4
        continue
      }
      let rows: [CSVRow]
      do {
        rows = try CSVReader.rows(block, in: 0..<end.offset, firstLine: line)
      } catch {
        throw .malformed(
          at: SourceLocation(path: path, line: error.line, column: error.column),
          reason: error.reason)
      }
      if let row = rows.first {
        return (
          row.cells.map { $0.trimmingSpaces() }, offset + end.offset,
          line + end.lines
        )
      }
      offset += end.offset
      line += end.lines
    }
    return nil
  }

  /// About every `pieceSize` bytes from `start`, the offset just after a row's end and the line
  /// the next row starts on, found as `CSVReader.rowEnds` finds them (following the quotes),
  /// reading the file a block at a time.
  static func csvCuts(
    _ file: ImportFile, from start: Int, line firstLine: Int, pieceSize: Int,
    blockSize: Int = 8 << 20
  ) -> [(offset: Int, line: Int)] {
    let size = file.count - start
    guard size >= 2 * pieceSize else { return [] }
    let step = min(pieceSize, size / (2 * ProcessInfoCores.count))
    var cuts: [(offset: Int, line: Int)] = []
    var next = start + step
    var scanner = CSVRowEndScanner()
    var block: [UInt8] = []
    var blockStart = start
    while blockStart < file.count {
      guard file.read(blockStart..<min(file.count, blockStart + blockSize), into: &block) else {
        break
      }
      let isLast = blockStart + block.count >= file.count
      scanner.scan(block, at: blockStart, isLast: isLast) { end, lineBreaks in
        if end >= next, end < file.count {
          cuts.append((end, firstLine + lineBreaks))
          next = end + step
        }
        return true
      }
      blockStart += block.count
    }
    return cuts
  }

  // MARK: JSON Lines

  private static func jsonLines(
    _ file: ImportFile, path: String, at now: Timestamp, today: Day, pieceSize: Int
  ) throws(ImportError) -> ImportLines {
    let start = file.prefix(3) == [0xEF, 0xBB, 0xBF] ? 3 : 0
    var cuts = [start]
    var window: [UInt8] = []
    var searched = start + pieceSize
    while searched < file.count,
      file.read(searched..<min(file.count, searched + (1 << 16)), into: &window)
    {
      guard let newline = window.firstIndex(of: 10) else {
        searched += window.count
        continue
      }
      let cut = searched + newline + 1
      if cut < file.count { cuts.append(cut) }
      searched = cut + pieceSize
    }
    let starts = cuts
    let workspaces = ImportWorkspaces()
    let results = inParallel(count: starts.count) { number in
      let isLast = number + 1 == starts.count
      let end = isLast ? file.count : starts[number + 1]
      var workspace = workspaces.take()
      var piece = ImportPiece()
      if file.read(starts[number]..<end, into: &workspace.input) {
        piece = jsonPiece(&workspace, isLast: isLast, path: path, at: now, today: today)
      } else {
        piece.failure = changed(path, line: 1)
      }
      workspaces.give(workspace)
      return piece
    }
    var lines = ImportLines(format: .jsonl)
    let ignored = results.reduce(into: Set<String>()) { $0.formUnion($1.ignoredKeys) }
    if let note = ignoredKeysNote(ignored, path: path) { lines.notes.append(note) }
    var linesBefore = 0
    var pieces = results
    for index in pieces.indices {
      lines.problems += pieces[index].problems.map { $0.movedDown(by: linesBefore) }
      if let failure = pieces[index].failure { throw failure.movedDown(by: linesBefore) }
      pieces[index].lines = pieces[index].lines.map { $0 + linesBefore }
      linesBefore += pieces[index].lineCount
    }
    lines.pieces = pieces
    return lines
  }

  /// The lines of one piece of JSON Lines, `workspace.input`, numbered from 1; the caller
  /// moves the problems down to their lines in the file.
  private static func jsonPiece(
    _ workspace: inout ImportWorkspace, isLast: Bool, path: String, at now: Timestamp,
    today: Day
  ) -> ImportPiece {
    let bytes = workspace.input
    var piece = ImportPiece()
    var writer = ImportLineWriter(recordedAt: now, today: today)
    // An exported line makes about half its bytes of journal; the piece keeps the buffer.
    writer.bytes.reserveCapacity(bytes.count + 4_096)
    var cells = ImportCells()
    swap(&cells, &workspace.cells)
    bytes.withUnsafeBufferPointer { file in
      let end = file.count
      var lineStart = 0
      var lineNumber = 0
      // The last piece's text after its last newline is a line too, if only a blank one.
      while lineStart < end || (isLast && lineStart == end) {
        let lineEnd = firstNewline(in: file, from: lineStart, to: end)
        lineNumber += 1
        let line = lineStart..<lineEnd
        var range = line
        lineStart = lineEnd + 1
        if range.upperBound > range.lowerBound, file[range.upperBound - 1] == 13 {
          range = range.lowerBound..<(range.upperBound - 1)
        }
        if file[range].allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
        // A journal entry is left to the general reader, which refuses it by its line.
        if JSONCellReader.read(file, line: range, into: &cells),
          !cells.otherKeys.contains(where: {
            file[(range.lowerBound + $0.lowerBound)..<(range.lowerBound + $0.upperBound)]
              .elementsEqual("entry".utf8)
          }),
          let id = writer.append(
            cells, file: file, isDetectingLanguage: cells[.lang].kind == .absent, isJSON: true)
        {
          piece.noteClaim(id, endingAt: writer.bytes.count, line: lineNumber)
          for key in cells.otherKeys {
            let name = UnsafeBufferPointer(
              rebasing: file[
                (range.lowerBound + key.lowerBound)..<(range.lowerBound + key.upperBound)])
            // Every export line has a history: it is told apart without making a string.
            if name.elementsEqual("history".utf8) { continue }
            let key = String(decoding: name, as: UTF8.self)
            if !ClaimImport.derivedKeys.contains(key) { piece.ignoredKeys.insert(key) }
          }
          continue
        }
        // The whole line, as the general reader gets it: it takes off its own line end.
        let read = readJSONLine(
          bytes[line], number: lineNumber, path: path, today: today, ignoring: &piece.ignoredKeys)
        switch read {
        case .success(let claim): piece.append(claim, at: now, to: &writer.bytes)
        case .failure(let problem): piece.problems.append(problem)
        case nil: break
        }
      }
      piece.lineCount = lineNumber
    }
    piece.bytes = writer.bytes
    swap(&cells, &workspace.cells)
    return piece
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
    case .notFound, .unreadable, .missingColumns, .badRows, .noGoodRows:
      return self
    }
  }
}
