import Dispatch
import Foundation

/// The formats `claims import` reads.
public enum ImportFormat: String, Sendable, CaseIterable {
  case csv, jsonl, fatebook
}

/// One claim read from a file, with the state it had there.
public struct ImportedClaim: Sendable, Equatable {
  public var id: ClaimID
  public var claim: Claim
  /// `open`, `proposed`, `resolved` or `rejected`.
  public var status: Status
  public var resolution: Resolution?
  public var rejection: String?
  /// The row's `note`, which an export writes as `list --json` does: the resolution's note, or
  /// the claim's own (from an `amend` or a `reopen`) when the resolution has none. A row cannot
  /// tell the two apart, so a resolved claim's note goes with its resolution, where
  /// `resolve --note` puts one.
  public var note: String?
  /// The line the claim starts on, for messages.
  public var line: Int
  /// When the file says the claim was recorded (an export's `recorded_at`); its entries are
  /// stamped from then, so a round trip keeps the order `list` shows. Nil: at the import.
  public var recordedAt: Timestamp? = nil
  /// The hedge word of the text the confidence was taken from, when the row gave none.
  public var confidenceWord: String? = nil

  /// The journal entries that recreate the claim: a `claim` entry, then a `reject` or
  /// `resolve` entry when it was settled, then an `amend` that carries a note when the note
  /// has nowhere else to go. Each is stamped a millisecond after the one before, so they fold
  /// in order, from `recordedAt` or else `now`.
  public func entries(at now: Timestamp) -> [Entry] {
    let now = recordedAt ?? now
    func stamp(_ step: Int64) -> Timestamp {
      Timestamp(millisecondsSinceEpoch: now.millisecondsSinceEpoch + step)
    }
    let isProposed = status == .proposed || status == .rejected
    var entries = [
      Entry(id: id, at: now, body: .claim(claim, status: isProposed ? .proposed : .open))
    ]
    if status == .rejected {
      entries.append(Entry(id: id, at: stamp(1), body: .reject(reason: rejection)))
    }
    if let resolution, status == .resolved {
      entries.append(Entry(id: id, at: stamp(1), body: .resolve(resolution)))
    } else if let note {
      entries.append(Entry(id: id, at: stamp(2), body: .amend(ClaimChanges(), note: note)))
    }
    return entries
  }
}

/// What reading a file gave: the good claims, the bad rows, and notes for the person.
public struct ImportReading: Sendable {
  public var format: ImportFormat
  public var claims: [ImportedClaim] = []
  public var problems: [ImportError] = []
  public var notes: [String] = []
  /// Rows whose every cell is empty, as a spreadsheet writes after cleared cells: skipped.
  public var emptyRows = 0

  /// Sorts row results, kept in file order, into claims and problems. Each result is moved
  /// out, not copied: a copy of a million claims retains and releases every text once more.
  mutating func collect(_ results: consuming [Result<ImportedClaim, ImportError>?]) {
    var pending = results
    pending.reverse()
    claims.reserveCapacity(claims.count + pending.count)
    while let result = pending.popLast() {
      switch result {
      case .success(let claim): claims.append(claim)
      case .failure(let problem): problems.append(problem)
      case nil: emptyRows += 1
      }
    }
  }
}

/// Reads the files `claims export` writes, Fatebook's CSV and spreadsheets a person made.
public enum ClaimImport {
  /// The format named by the file's extension, or by its first bytes and header.
  public static func guessFormat(path: String, bytes: [UInt8]) -> ImportFormat {
    let lowered = path.lowercased()
    if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") { return .jsonl }
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    let first = body.first(where: { $0 != 32 && $0 != 10 && $0 != 13 && $0 != 9 })
    // Nothing at all (an export that matched no claim, piped in) is no claims, not a CSV
    // without its header; a file named .csv stays a CSV.
    if first == UInt8(ascii: "{") || first == nil && !lowered.hasSuffix(".csv") { return .jsonl }
    let layout = CSVLayout(detecting: bytes.prefix(1 << 16))
    let header = String(decoding: bytes[layout.start...].prefix { $0 != 10 }, as: UTF8.self)
    return header.lowercased().contains("question title") ? .fatebook : .csv
  }

  /// The refusal of a file that is one JSON array (as `list --json` writes), which no reader
  /// takes: nil for any other file. `bytes` is the file's start.
  static func jsonArrayRefusal(_ bytes: [UInt8], path: String) -> ImportError? {
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var line = 1
    var lineStart = index
    func skipSpace() {
      while index < bytes.count, [32, 9, 10, 13].contains(bytes[index]) {
        if bytes[index] == 10 {
          line += 1
          lineStart = index + 1
        }
        index += 1
      }
    }
    skipSpace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
    let location = SourceLocation(path: path, line: line, column: index - lineStart + 1)
    index += 1
    skipSpace()
    guard
      index == bytes.count || bytes[index] == UInt8(ascii: "{")
        || bytes[index] == UInt8(ascii: "]")
    else { return nil }
    return .malformed(
      at: location,
      reason: "a JSON array, as 'list --json' writes; import reads JSON Lines, one claim "
        + "object a line: 'claims export --format jsonl' writes them (or jq -c '.[]' turns an "
        + "array into lines)")
  }

  /// The refusal of a ledger's own journal, whose lines are entries (an `entry` key, in any
  /// order or spacing) rather than claims: read as claims, its resolutions and amends would be
  /// bad rows, and `--skip-bad` would bring its claims back open and unamended. The first line
  /// that is not blank decides for the whole file; an entry further down is a bad row of its
  /// own (`readJSONLine`). Nil for any other file.
  static func journalRefusal(_ bytes: [UInt8], path: String) -> ImportError? {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    for (index, line) in lineRanges(of: bytes, from: start).enumerated() {
      var range = line
      if range.upperBound > range.lowerBound, bytes[range.upperBound - 1] == 13 {
        range = range.lowerBound..<(range.upperBound - 1)
      }
      if bytes[range].allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
      let object = bytes[range].withUnsafeBufferPointer { try? FlatJSONObject.read($0) }
      guard object?.value("entry") != nil else { return nil }
      return journalEntry(path: path, line: index + 1)
    }
    return nil
  }

  /// The error for a journal entry where a claim was expected, at `line`.
  static func journalEntry(path: String, line: Int) -> ImportError {
    .malformed(
      at: SourceLocation(path: path, line: line, column: 1),
      reason: "a ledger's journal, whose lines are entries rather than claims; "
        + "'claims export --format jsonl' writes its claims as they stand, for import")
  }

  /// The note for rows whose every cell was empty, which were skipped; nil for none.
  static func emptyRowsNote(_ count: Int, path: String) -> String? {
    guard count > 0 else { return nil }
    return "\(path): skipped \(count) empty row\(count == 1 ? "" : "s") (every cell empty, as a "
      + "spreadsheet saves rows whose cells were cleared)"
  }

  /// Whether a cell is a date whose month and day could be either way round (`1/2/2026`).
  static func isAmbiguousDate(_ cell: String) -> Bool {
    if case .ambiguous = SpreadsheetDate.read(cell.trimmingSpaces()) { return true }
    return false
  }

  /// Whether every cell of a row is empty or spaces.
  static func isEmptyRow(_ row: CSVRow) -> Bool {
    row.cells.allSatisfy { $0.isEmpty || $0.trimmingSpaces().isEmpty }
  }

  /// Reads every row; the bad ones become `problems` and the rest `claims`. Dates after
  /// `today` are refused, as `add` and `resolve` refuse them.
  public static func read(
    _ bytes: [UInt8], path: String, format: ImportFormat, today: Day
  ) throws(ImportError) -> ImportReading {
    switch format {
    case .jsonl: return readJSONLines(bytes, path: path, today: today)
    case .csv, .fatebook:
      let layout = CSVLayout(detecting: bytes.prefix(1 << 16))
      let rows: [CSVRow]
      do {
        rows = try CSVReader.rows(bytes, layout: layout)
      } catch {
        throw .malformed(
          at: SourceLocation(path: path, line: error.line, column: error.column),
          reason: error.reason + separatorHint(error, layout: layout))
      }
      guard let header = rows.first else { throw noHeader(path) }
      let written = header.cells.map { $0.trimmingSpaces() }
      var reading =
        format == .fatebook
        ? try FatebookImport.read(rows.dropFirst(), written: written, path: path, today: today)
        : try readCSV(rows.dropFirst(), written: written, path: path, today: today)
      if let note = emptyRowsNote(reading.emptyRows, path: path) { reading.notes.append(note) }
      if let note = bytes.withUnsafeBufferPointer({ file in
        Mojibake.firstSuspect(in: file).map {
          Mojibake.note(path: path, bytes: file, offset: $0, firstLine: 1)
        }
      }) {
        reading.notes.append(note)
      }
      return reading
    }
  }

  /// A column title as this tool names its fields: `plainColumnName`, then the field a title
  /// a person would give it stands for ("Probability" is `confidence`, "Due date" `deadline`).
  static func columnName(_ written: String) -> String {
    let plain = plainColumnName(written)
    return csvColumns.contains(plain) ? plain : columnAliases[plain] ?? plain
  }

  /// The header's titles as field names: an alias stands for its field only where no column
  /// has the field's own name and no earlier alias took it, so a sheet with `source` and
  /// `author` columns keeps its source, and `author` stays a column no field reads.
  static func columnNames(_ written: [String]) -> [String] {
    let plain = written.map(plainColumnName)
    var taken = Set(plain.filter(csvColumns.contains))
    return plain.map { name in
      guard !csvColumns.contains(name), let field = columnAliases[name], !taken.contains(field)
      else { return name }
      taken.insert(field)
      return field
    }
  }

  /// A title in lower case, with the spaces and hyphens a spreadsheet's titles have between
  /// words made underscores ("Resolved On", "resolved-on" and "resolved_on" are one column),
  /// and a unit or a format after it left out ("Confidence (%)", "Deadline [YYYY-MM-DD]",
  /// "Conf.").
  static func plainColumnName(_ written: String) -> String {
    var title = Substring(written.trimmingSpaces().lowercased())
    for (open, close) in [("(", ")"), ("[", "]")] where title.hasSuffix(close) {
      if let start = title.lastIndex(of: Character(open)), start > title.startIndex {
        title = title[..<start]
      }
    }
    while let last = title.last, last == "." || last == ":" || last == " " { title.removeLast() }
    return title.split(whereSeparator: { $0 == " " || $0 == "-" }).joined(separator: "_")
  }

  /// Titles people give the fields in their own sheets, by the field each stands for. Titles
  /// whose cells may well hold something else (`Result` holding Yes or No, `By` an author's
  /// name, `Language` a language's name) are left out: a column no field reads is only noted,
  /// while one read as a field can refuse every row.
  static let columnAliases: [String: String] = {
    let fields: [String: [String]] = [
      "text": ["claim", "prediction", "statement", "question"],
      "source": ["who", "speaker", "author", "forecaster", "predictor", "made_by", "said_by"],
      "said": ["said_on", "date_said", "made_on", "date_made", "stated_on", "claimed_on"],
      "deadline": [
        "due", "due_date", "due_by", "by_when", "resolve_by", "resolves_by", "target_date",
        "deadline_date", "expected_by",
      ],
      "confidence": ["probability", "prob", "chance", "likelihood", "credence", "conf"],
      "url": ["link", "article_url", "source_url"],
      "quote": ["quotation", "excerpt"],
      "via": ["outlet", "publication"],
      "tags": ["tag", "labels", "label", "categories", "category"],
      "resolved_on": ["resolved_at", "date_resolved", "resolution_date", "settled_on"],
      "note": ["notes", "comment", "comments"],
    ]
    var aliases: [String: String] = [:]
    for (field, titles) in fields {
      for title in titles { aliases[title] = field }
    }
    return aliases
  }()

  /// What to say of a header row of one cell, whose file's separator was perhaps not found;
  /// nil for a header of several.
  /// What to say beside the missing columns: the header's titles no field reads (one may be
  /// the missing column under another name), or that the separator may not have been found.
  static func missingColumnsHint(written: [String], names: [String]) -> String? {
    let unknown = zip(names, written).filter { !csvColumns.contains($0.0) && !$0.0.isEmpty }
      .map { "'" + visibleTitle($0.1) + "'" + nearColumn($0.1, besides: names) }
    let titles =
      unknown.isEmpty
      ? nil
      : "the header's title\(unknown.count == 1 ? "" : "s") no field reads: "
        + unknown.joined(separator: ", ")
    let hints = [separatorHint(written), titles].compactMap { $0 }
    return hints.isEmpty ? nil : hints.joined(separator: "; ")
  }

  /// " (did you mean confidence?)" after a title one or two letters off a column the header
  /// lacks, or nothing: a misspelt title is the likeliest unknown one. Closer than for a
  /// command (`by` is two edits from `id`, but no misspelling of it).
  static func nearColumn(_ title: String, besides names: [String]) -> String {
    let plain = plainColumnName(title)
    let near = Suggestion.closest(to: plain, among: csvColumns.subtracting(names).sorted())
      .filter { Suggestion.distance(plain, $0) <= max(1, plain.count / 4) }
    return near.isEmpty ? "" : " (did you mean \(near.joined(separator: " or "))?)"
  }

  /// A title on one line, as a message shows it: a line break in a header cell is written
  /// `\n`.
  static func visibleTitle(_ title: String) -> String {
    title.replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
      .replacingOccurrences(of: "\r", with: "\\n")
  }

  static func separatorHint(_ header: [String]) -> String? {
    guard header.count == 1, let only = header.first else { return nil }
    return "the header row is one cell, '\(only.prefix(60))': if its cells are separated by "
      + "something other than a comma, a semicolon or a tab, a first line such as sep=| names it"
  }

  /// A stray quote in a file whose separator was not found is more likely a separator the
  /// reader did not know than a quote out of place: the message says so.
  private static func separatorHint(_ error: CSVReader.Failure, layout: CSVLayout) -> String {
    guard error.line == layout.line,
      error.reason.hasPrefix("stray quote") || error.reason.hasPrefix("text after the closing")
    else { return "" }
    return "; if the cells are separated by something other than \(layout.separatorName), "
      + "a first line such as sep=| names it"
  }

  static let csvColumns = Set(ClaimExport.csvColumns)

  /// A CSV with no row at all: never an export (which has its header even with no claim),
  /// more likely the wrong file.
  static func noHeader(_ path: String) -> ImportError {
    .malformed(
      at: SourceLocation(path: path, line: 1),
      reason: "no header row; a CSV needs one naming at least the text, source and said columns")
  }

  /// What both CSV readers take from a header's names (`names` lower-cased, as matched, and
  /// `written` as the file spells them, for the note): the required columns it lacks, a note
  /// naming the columns it has that no claim field reads and those it names twice (the first
  /// is read), and where each name first stands.
  static func headerColumns(_ names: [String], written: [String], path: String) -> (
    missing: [String], note: String?, positions: [String: Int]
  ) {
    let missing = ["text", "source", "said"].filter { !names.contains($0) }
    let unknown = zip(names, written).filter { !csvColumns.contains($0.0) && !$0.0.isEmpty }
      .map(\.1)
    var positions: [String: Int] = [:]
    var repeated: [String] = []
    for (position, name) in names.enumerated() {
      if positions[name] == nil {
        positions[name] = position
      } else if csvColumns.contains(name), !repeated.contains(name) {
        repeated.append(name)
      }
    }
    var notes: [String] = []
    // Said, so a title read as another field than meant is seen before it matters.
    let aliased = zip(names, written).filter { name, title in
      csvColumns.contains(name) && plainColumnName(title) != name
    }
    if !aliased.isEmpty {
      notes.append(
        "read the column\(aliased.count == 1 ? "" : "s") "
          + aliased.map { "\($0.1) as \($0.0)" }.joined(separator: ", "))
    }
    if !unknown.isEmpty {
      notes.append(
        "ignored the unknown column\(unknown.count == 1 ? "" : "s") "
          + unknown.map { visibleTitle($0) + nearColumn($0, besides: names) }
          .joined(separator: ", "))
    }
    if !repeated.isEmpty {
      notes.append(
        "read the first of the columns named twice: " + repeated.joined(separator: ", "))
    }
    // A column a sheet left without a title may still hold values: say it was not read.
    let untitled = names.indices.filter { names[$0].isEmpty }.map { String($0 + 1) }
    if !untitled.isEmpty {
      notes.append(
        "ignored the column\(untitled.count == 1 ? "" : "s") without a title (column "
          + untitled.joined(separator: ", ") + ")")
    }
    let note = notes.isEmpty ? nil : "\(path): " + notes.joined(separator: "; ")
    return (missing, note, positions)
  }

  private static func readCSV(
    _ rows: ArraySlice<CSVRow>, written: [String], path: String, today: Day
  ) throws(ImportError) -> ImportReading {
    let names = columnNames(written)
    let header = headerColumns(names, written: written, path: path)
    guard header.missing.isEmpty else {
      throw .missingColumns(
        path: path, names: header.missing,
        hint: missingColumnsHint(written: written, names: names))
    }
    var reading = ImportReading(format: .csv)
    if let note = header.note { reading.notes.append(note) }
    let index = header.positions
    let rows = Array(rows)
    let percentColumn = index["confidence"].flatMap { position in
      PercentColumn.find(
        in: rows.lazy.filter { position < $0.cells.count }.map { row in
          (row.line, CSVField.decodeText(row.cells[position]))
        })
    }
    let (dateOrder, dateNote) = Self.dateOrder(
      of: rows[...], columns: ["said", "deadline", "resolved_on"].compactMap { index[$0] },
      path: path)
    if let dateNote { reading.notes.append(dateNote) }
    let results = ParallelMap.map(count: rows.count) { number in
      claim(
        fromRow: rows[number], names: names, index: index, path: path, today: today,
        percentColumn: percentColumn, dateOrder: dateOrder)
    }
    reading.collect(results)
    return reading
  }

  /// The order the dates of `columns` show, so a date that could be read either way round
  /// is read the way the file's other dates show; and the note that says so, when some date
  /// needed it.
  static func dateOrder(of rows: ArraySlice<CSVRow>, columns: [Int], path: String) -> (
    DateOrderEvidence?, note: String?
  ) {
    let dateCells = columns.flatMap { position in
      rows.lazy.filter { position < $0.cells.count }.map { row in
        (line: row.line, cell: CSVField.decodeText(row.cells[position]))
      }
    }
    let order = DateOrderEvidence.find(in: dateCells)
    guard let order, dateCells.contains(where: { isAmbiguousDate($0.cell) }) else {
      return (order, nil)
    }
    return (order, order.note(path: path))
  }

  /// One CSV row as a claim or a problem; `index` gives each name's first position. Nil for a
  /// row whose every cell is empty, which is skipped.
  static func claim(
    fromRow row: CSVRow, names: [String], index: [String: Int], path: String, today: Day,
    percentColumn: PercentColumn? = nil, dateOrder: DateOrderEvidence? = nil
  ) -> Result<ImportedClaim, ImportError>? {
    if isEmptyRow(row) { return nil }
    if row.cells.count != names.count {
      return .failure(
        .malformed(
          at: SourceLocation(path: path, line: row.line, column: 1),
          reason: "\(row.cells.count) cells where the header has \(names.count)"))
    }
    let fields = RowFields(
      path: path, line: row.line, today: today,
      value: { key in
        guard let position = index[key] else { return nil }
        guard position < row.cells.count else { return "" }
        return CSVField.decodeText(row.cells[position])
      },
      column: { key in
        index[key].map { $0 < row.columns.count ? row.columns[$0] : 1 } ?? 1
      },
      tags: nil, percentColumn: percentColumn, dateOrder: dateOrder)
    do throws(ImportError) {
      return .success(try fields.claim(detectingLanguage: index["lang"] == nil))
    } catch {
      return .failure(error)
    }
  }

  private static func readJSONLines(_ bytes: [UInt8], path: String, today: Day) -> ImportReading {
    var reading = ImportReading(format: .jsonl)
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let lines = lineRanges(of: bytes, from: start)
    let results = ParallelMap.map(count: lines.count) { number in
      var ignored: Set<String> = []
      let result = readJSONLine(
        bytes[lines[number]], number: number + 1, path: path, today: today, ignoring: &ignored)
      return (result, ignored)
    }
    if let note = ignoredKeysNote(results.reduce(into: []) { $0.formUnion($1.1) }, path: path) {
      reading.notes.append(note)
    }
    reading.collect(results.compactMap { $0.0 })
    return reading
  }

  /// The first field whose JSON type no claim field takes, as a bad value at its key: a
  /// number or a boolean where words belong (`"source": true`), a list or an object anywhere
  /// but `tags`, and a list of tags holding anything but strings. Read as text they would
  /// import as `1` or as nothing, and a hedge word in the text would stand in for a
  /// confidence given as `[0.5]`.
  static func wrongType(in object: FlatJSONObject, path: String, line: Int) -> ImportError? {
    var found: (column: Int, reason: String)?
    for key in csvColumns {
      guard let value = object.value(key) else { continue }
      let reason: String?
      switch value {
      case .null, .string: reason = nil
      case .number where key == "confidence" || key == "conditional": reason = nil
      case .bool where key == "conditional": reason = nil
      case .strings where key == "tags": reason = nil
      case .number: reason = "\(key) is a number; it must be text in quotes"
      case .bool(let flag): reason = "\(key) is \(flag); it must be text in quotes"
      case .strings, .mixedList, .other:
        reason =
          key == "tags"
          ? "tags must be a list of strings" : "\(key) is a list or an object; it must be text"
      }
      guard let reason, let column = object.column(key) else { continue }
      if found.map({ column < $0.column }) ?? true { found = (column, reason) }
    }
    return found.map { found in
      .badValue(
        at: SourceLocation(path: path, line: line, column: found.column), reason: found.reason)
    }
  }

  /// The keys of an export's lines that no claim field reads, besides those it derives from
  /// the entries (`history`, `conflicting_resolutions`, `conflicting_decisions`).
  static func isIgnoredKey(_ key: String) -> Bool {
    !csvColumns.contains(key) && !derivedKeys.contains(key)
  }

  /// Keys an export writes from the claim's entries rather than its fields: an import
  /// checks and passes over them.
  static let derivedKeys: Set<String> = [
    "history", "conflicting_resolutions", "conflicting_decisions",
  ]

  /// The note naming the keys JSON lines had that no claim field reads, as the CSV readers
  /// name unknown columns; nil when there were none.
  static func ignoredKeysNote(_ keys: Set<String>, path: String) -> String? {
    guard !keys.isEmpty else { return nil }
    return "\(path): ignored the unknown key\(keys.count == 1 ? "" : "s") "
      + keys.sorted().joined(separator: ", ")
  }

  /// The lines of `bytes` from `start`, without their newlines, found with `memchr`; text after
  /// the last newline is a line too.
  static func lineRanges(of bytes: [UInt8], from start: Int) -> [Range<Int>] {
    bytes.withUnsafeBytes { raw in
      var lines: [Range<Int>] = []
      var lineStart = start
      guard let base = raw.baseAddress else { return [start..<start] }
      while lineStart < raw.count,
        let found = memchr(base + lineStart, 10, raw.count - lineStart)
      {
        let end = base.distance(to: UnsafeRawPointer(found))
        lines.append(lineStart..<end)
        lineStart = end + 1
      }
      lines.append(lineStart..<max(lineStart, raw.count))
      return lines
    }
  }

  /// One line of JSON Lines as a claim or a problem; nil for a blank line. The keys of a good
  /// line that no field reads are added to `ignored`.
  static func readJSONLine(
    _ lineBytes: ArraySlice<UInt8>, number: Int, path: String, today: Day,
    ignoring ignored: inout Set<String>
  ) -> Result<ImportedClaim, ImportError>? {
    var line = lineBytes
    // A file saved with CRLF line ends is still JSON Lines.
    if line.last == 13 { line = line.dropLast() }
    if line.allSatisfy({ $0 == 32 || $0 == 9 }) { return nil }
    let read: Result<FlatJSONObject, JSONScanner.Failure> = line.withUnsafeBufferPointer { bytes in
      Result { () throws(JSONScanner.Failure) in try FlatJSONObject.read(bytes) }
    }
    let object: FlatJSONObject
    switch read {
    case .success(let value): object = value
    case .failure(let failure):
      return .failure(
        .malformed(
          at: SourceLocation(path: path, line: number, column: failure.offset + 1),
          reason: "not valid JSON: \(failure.reason)"))
    }
    if object.value("entry") != nil { return .failure(journalEntry(path: path, line: number)) }
    if let refusal = wrongType(in: object, path: path, line: number) { return .failure(refusal) }
    var tags: [String]?
    if case .strings(let list) = object.value("tags") { tags = list }
    let fields = RowFields(
      path: path, line: number, today: today,
      value: { key in
        switch object.value(key) {
        case nil: return nil
        case .string(let text): return text
        case .bool(let flag) where key == "conditional": return flag ? "true" : "false"
        case .number(let value) where key == "conditional": return value != 0 ? "true" : "false"
        case .bool(let flag): return flag ? "1" : "0"
        case .number(let value): return ClaimExport.number(value)
        case .null, .strings, .mixedList, .other: return ""
        }
      },
      column: { key in object.column(key) ?? 1 },
      tags: tags)
    do {
      let claim = try fields.claim(detectingLanguage: object.value("lang") == nil)
      for key in object.keys where isIgnoredKey(key) { ignored.insert(key) }
      return .success(claim)
    } catch {
      return .failure(error)
    }
  }
}
