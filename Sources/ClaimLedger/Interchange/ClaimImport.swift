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
  public var note: String?
  /// The line the claim starts on, for messages.
  public var line: Int
  /// When the file says the claim was recorded (an export's `recorded_at`); its entries are
  /// stamped from then, so a round trip keeps the order `list` shows. Nil: at the import.
  public var recordedAt: Timestamp? = nil

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

  /// Sorts row results, kept in file order, into claims and problems. Each result is moved
  /// out, not copied: a copy of a million claims retains and releases every text once more.
  mutating func collect(_ results: consuming [Result<ImportedClaim, ImportError>]) {
    var pending = results
    pending.reverse()
    claims.reserveCapacity(claims.count + pending.count)
    while let result = pending.popLast() {
      switch result {
      case .success(let claim): claims.append(claim)
      case .failure(let problem): problems.append(problem)
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
    if let first = body.first(where: { $0 != 32 && $0 != 10 && $0 != 13 && $0 != 9 }),
      first == UInt8(ascii: "{")
    {
      return .jsonl
    }
    let header = String(decoding: body.prefix { $0 != 10 }, as: UTF8.self).lowercased()
    return header.contains("question title") ? .fatebook : .csv
  }

  /// Reads every row; the bad ones become `problems` and the rest `claims`. Dates after
  /// `today` are refused, as `add` and `resolve` refuse them.
  public static func read(
    _ bytes: [UInt8], path: String, format: ImportFormat, today: Day
  ) throws(ImportError) -> ImportReading {
    switch format {
    case .jsonl: return readJSONLines(bytes, path: path, today: today)
    case .csv, .fatebook:
      let rows: [CSVRow]
      do {
        rows = try CSVReader.rows(bytes)
      } catch {
        throw .malformed(
          at: SourceLocation(path: path, line: error.line, column: error.column),
          reason: error.reason)
      }
      guard let header = rows.first else { throw noHeader(path) }
      let written = header.cells.map { $0.trimmingSpaces() }
      return format == .fatebook
        ? try FatebookImport.read(rows.dropFirst(), written: written, path: path, today: today)
        : try readCSV(rows.dropFirst(), written: written, path: path, today: today)
    }
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
    if !unknown.isEmpty {
      notes.append(
        "ignored the unknown column\(unknown.count == 1 ? "" : "s") "
          + unknown.joined(separator: ", "))
    }
    if !repeated.isEmpty {
      notes.append(
        "read the first of the columns named twice: " + repeated.joined(separator: ", "))
    }
    let note = notes.isEmpty ? nil : "\(path): " + notes.joined(separator: "; ")
    return (missing, note, positions)
  }

  private static func readCSV(
    _ rows: ArraySlice<CSVRow>, written: [String], path: String, today: Day
  ) throws(ImportError) -> ImportReading {
    let names = written.map { $0.lowercased() }
    let header = headerColumns(names, written: written, path: path)
    guard header.missing.isEmpty else {
      throw .missingColumns(path: path, names: header.missing)
    }
    var reading = ImportReading(format: .csv)
    if let note = header.note { reading.notes.append(note) }
    let index = header.positions
    let rows = Array(rows)
    let results = ParallelMap.map(count: rows.count) { number in
      claim(fromRow: rows[number], names: names, index: index, path: path, today: today)
    }
    reading.collect(results)
    return reading
  }

  /// One CSV row as a claim or a problem; `index` gives each name's first position.
  static func claim(
    fromRow row: CSVRow, names: [String], index: [String: Int], path: String, today: Day
  ) -> Result<ImportedClaim, ImportError> {
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
      tags: nil)
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

  /// The keys of an export's lines that no claim field reads, besides those it derives from
  /// the entries (`history`, `conflicting_resolutions`).
  static func isIgnoredKey(_ key: String) -> Bool {
    !csvColumns.contains(key) && !derivedKeys.contains(key)
  }

  /// Keys an export writes from the claim's entries rather than its fields: an import
  /// checks and passes over them.
  static let derivedKeys: Set<String> = ["history", "conflicting_resolutions"]

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
        case .null, .strings, .other: return ""
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

/// One row's cells by column name, and the checks that turn them into a claim.
struct RowFields {
  var path: String
  var line: Int
  /// Dates after it are refused.
  var today: Day
  /// The cell's text, nil when the column is absent.
  var value: (String) -> String?
  var column: (String) -> Int
  /// Tags given as a list (JSON) rather than as text joined by `;`.
  var tags: [String]?

  func fail(_ key: String, _ reason: String) -> ImportError {
    .badValue(at: SourceLocation(path: path, line: line, column: column(key)), reason: reason)
  }

  /// The cell's text, nil when absent or empty.
  func text(_ key: String) -> String? {
    guard let text = value(key), !text.isEmpty else { return nil }
    return text
  }

  /// The cell as `rule` takes it (`FieldRules`, as `add` checks its options); nil when absent
  /// or empty. A refusal names the cell.
  func checked(_ key: String, by rule: (String) throws(FieldRules.Refusal) -> String)
    throws(ImportError) -> String?
  {
    guard let text = text(key) else { return nil }
    do {
      return try rule(text)
    } catch {
      throw fail(key, "\(key) \(error)")
    }
  }

  func required(_ key: String, by rule: (String) throws(FieldRules.Refusal) -> String)
    throws(ImportError) -> String
  {
    guard let text = try checked(key, by: rule) else { throw fail(key, "\(key) is empty") }
    return text
  }

  /// The tags, from a JSON list or a cell joined by `;`, each checked as `add --tag` is.
  func tagList() throws(ImportError) -> [String] {
    let given =
      tags
      ?? (self.text("tags")?.unicodeScalars.split(separator: ";").map { String($0) }
        .filter { !$0.isEmpty } ?? [])
    var checked: [String] = []
    for tag in given {
      do {
        checked.append(try FieldRules.tag(tag))
      } catch {
        throw fail("tags", "tag '\(tag)' \(error)")
      }
    }
    return checked
  }

  func day(_ key: String) throws(ImportError) -> Day? {
    guard let text = text(key)?.trimmingSpaces(), !text.isEmpty else { return nil }
    guard let day = Self.dayOfDateTime(text) else {
      throw fail(key, "\(key) '\(text)' is not a date such as 2026-12-31")
    }
    return day
  }

  /// The day of `2026-12-31`, or of a date and time as spreadsheets and Fatebook write them
  /// (`2026-12-31T09:30:00.000Z`, `2026-12-31 9:30 PM`, `… 18:00 +08:00`, `… 18:00 UTC`): the
  /// day is what counts, but a time that is no time (hour 25, trailing words) makes the cell
  /// no date.
  static func dayOfDateTime(_ text: String) -> Day? {
    if let day = Day(text) { return day }
    guard let day = Day(text.prefix(10)) else { return nil }
    var time = TimeOfDayReader(text.dropFirst(10))
    return time.readsWhole() ? day : nil
  }

  /// The deadline: a date (a time after it is left out), or a period as `add --by` takes it
  /// (`2027`, `2026-Q3`, `2026年下半年`), whose words are kept as the deadline's words.
  func deadlineCell() throws(ImportError) -> (Day?, String?) {
    guard let text = text("deadline")?.trimmingSpaces(), !text.isEmpty else { return (nil, nil) }
    if let day = Self.dayOfDateTime(text) { return (day, nil) }
    guard let period = Deadline(text) else {
      throw fail(
        "deadline",
        "deadline '\(text)' is not a date such as 2026-12-31 or a period such as 2027 or 2026-Q3")
    }
    return (period.day, period.text)
  }

  /// A confidence as a person types one (`Confidence(text:)`), or as the journal and the
  /// exports write it, a JSON number, which below 0.0001 has an exponent (`5e-05`).
  static func confidence(_ word: String) -> Confidence? {
    if let typed = Confidence(text: word) { return typed }
    var bytes = Array(word.trimmingSpaces().utf8)
    return bytes.withUnsafeMutableBufferPointer { buffer in
      var scanner = JSONScanner(UnsafeBufferPointer(buffer))
      guard let number = try? scanner.readNumber(), scanner.isAtEnd else { return nil }
      return Confidence(number)
    }
  }

  func claim(detectingLanguage: Bool) throws(ImportError) -> ImportedClaim {
    // The one character the journal cannot hold (its reader refuses `\u0000`): refused here,
    // where the row and column are known, like any other bad value.
    for key in ClaimExport.csvColumns where value(key)?.utf8.contains(0) == true {
      throw fail(key, "\(key) holds a NUL character, which the ledger cannot store")
    }
    if let tags, tags.contains(where: { $0.utf8.contains(0) }) {
      throw fail("tags", "tags holds a NUL character, which the ledger cannot store")
    }
    let text = try required("text", by: FieldRules.required)
    let source = try required("source", by: FieldRules.required)
    let quote = try checked("quote", by: FieldRules.text)
    let said = try day("said")
    let (deadline, deadlineWords) = try deadlineCell()
    var hedge = try checked("hedge", by: FieldRules.text)
    let confidence: Confidence
    if let word = self.text("confidence") {
      guard let value = Self.confidence(word) else {
        throw fail("confidence", "confidence '\(word)' is not a probability such as 0.7 or 70%")
      }
      confidence = value
    } else if let word = hedge, let named = HedgeScale.standard.hedge(named: word) {
      // A hedge column without a confidence, as `add --hedge` takes it.
      confidence = HedgeScale.confidence(of: named, forText: text)
    } else if let found = HedgeScale.standard.firstHedge(in: quote ?? text)
      ?? HedgeScale.standard.firstHedge(in: text)
    {
      confidence = HedgeScale.confidence(of: found, forText: text)
      hedge = hedge ?? found.word
    } else {
      throw fail("confidence", "no confidence, and no hedge word in the text to take one from")
    }
    var isConditional = false
    if let word = self.text("conditional")?.lowercased() {
      switch word {
      case "true", "yes", "1": isConditional = true
      case "false", "no", "0": isConditional = false
      default: throw fail("conditional", "conditional '\(word)' is not true or false")
      }
    }
    let lang = detectingLanguage ? LanguageTag.detect(quote ?? text) : self.text("lang")
    let claim = Claim(
      text: text, quote: quote, source: source, via: try checked("via", by: FieldRules.text),
      url: try checked("url", by: FieldRules.link), said: said, deadline: deadline,
      deadlineText: try checked("deadline_text", by: FieldRules.text) ?? deadlineWords,
      confidence: confidence,
      hedge: hedge, lang: lang, tags: try tagList(), isConditional: isConditional,
      document: try checked("document", by: FieldRules.text))
    if let refusal = FieldRules.datesRefusal(
      said: said, deadline: deadline, resolvedOn: nil, today: today)
    {
      throw fail(refusal.key, refusal.description)
    }
    let id: ClaimID
    if let word = self.text("id") {
      guard let parsed = ClaimID(word.trimmingSpaces()) else {
        throw fail("id", "id '\(word)' is not 10 hexadecimal digits")
      }
      id = parsed
    } else {
      id = claim.derivedID
    }
    let outcome: Outcome?
    if let word = self.text("outcome") {
      guard let parsed = Outcome(rawValue: word.trimmingSpaces().lowercased()) else {
        throw fail("outcome", "outcome '\(word)' is not true, false, partial or void")
      }
      outcome = parsed
    } else {
      outcome = nil
    }
    var status: Status = outcome == nil ? .open : .resolved
    if let word = self.text("status") {
      guard let parsed = Status(rawValue: word.trimmingSpaces().lowercased()) else {
        throw fail("status", "status '\(word)' is not proposed, open, resolved or rejected")
      }
      status = parsed
    }
    var recordedAt: Timestamp?
    if let text = self.text("recorded_at") {
      guard let recorded = Timestamp(text.trimmingSpaces()) else {
        throw fail(
          "recorded_at", "recorded_at '\(text)' is not a time such as 2026-01-21T09:30:00Z")
      }
      // Later commands stamp their entries after a claim's latest, so a time a little after
      // today (a clock ahead, a `--today` behind the clock) folds in order; one far ahead is
      // a mistake that would push every later entry of the claim there too.
      guard recorded.day <= today.adding(days: 366) else {
        throw fail("recorded_at", "recorded at \(recorded), more than a year after today")
      }
      recordedAt = recorded
    }
    let reason = try checked("reason", by: FieldRules.text)
    let note = try checked("note", by: FieldRules.text)
    var imported = ImportedClaim(
      id: id, claim: claim, status: status, resolution: nil, rejection: nil, note: note,
      line: line, recordedAt: recordedAt)
    switch status {
    case .resolved:
      guard let outcome else { throw fail("outcome", "a resolved claim needs an outcome") }
      guard let on = try day("resolved_on") else {
        throw fail("resolved_on", "a resolved claim needs the day it was resolved")
      }
      if let refusal = FieldRules.datesRefusal(
        said: said, deadline: nil, resolvedOn: on, today: today)
      {
        throw fail(refusal.key, refusal.description)
      }
      var voidReason: VoidReason?
      if let reason {
        guard let parsed = VoidReason(rawValue: reason) else {
          throw fail("reason", "reason '\(reason)' is not a reason a claim is void")
        }
        voidReason = parsed
      }
      if outcome == .void, voidReason == nil {
        throw fail("reason", "a void claim needs a reason (ambiguous, annulled, …)")
      }
      if outcome != .void, let reason {
        throw fail("reason", "reason '\(reason)' goes with a void claim only, not a \(outcome) one")
      }
      imported.resolution = Resolution(
        outcome: outcome, on: on, evidence: try checked("evidence", by: FieldRules.text),
        reason: outcome == .void ? voidReason : nil, note: note)
      imported.note = nil
    case .open, .proposed, .rejected:
      if outcome != nil {
        throw fail("outcome", "a claim that is \(status.rawValue) has no outcome")
      }
      if status == .rejected { imported.rejection = reason }
    }
    return imported
  }
}

extension FieldRules.DateRefusal {
  /// The column of an import row that holds the date at fault.
  var key: String {
    switch self {
    case .saidAfterToday: "said"
    case .deadlineBeforeSaid: "deadline"
    case .resolvedBeforeSaid, .resolvedAfterToday: "resolved_on"
    }
  }
}

/// The time after a date in a spreadsheet cell, read only to tell that it is one.
private struct TimeOfDayReader {
  private var rest: Substring.UnicodeScalarView.SubSequence

  init(_ text: Substring) {
    rest = text.unicodeScalars[...]
  }

  /// Whether the whole text is a separator and a time, with an optional AM or PM and zone.
  mutating func readsWhole() -> Bool {
    guard let separator = rest.popFirst(), "T t".unicodeScalars.contains(separator) else {
      return false
    }
    skipSpaces()
    guard let hour = number(digits: 1...2), hour < 24, take(":"),
      let minute = number(digits: 2...2),
      minute < 60
    else { return false }
    if take(":") {
      guard let second = number(digits: 2...2), second < 61 else { return false }
      if take(".") || take(",") {
        guard number(digits: 1...9) != nil else { return false }
      }
    }
    skipSpaces()
    if takeWord("am") || takeWord("pm") || takeWord("a.m.") || takeWord("p.m.") {
      guard (1...12).contains(hour) else { return false }
      skipSpaces()
    }
    if take("Z") || take("z") {
    } else if takeWord("utc") || takeWord("gmt") {
      skipSpaces()
      if rest.first == "+" || rest.first == "-" { guard offset() else { return false } }
    } else if rest.first == "+" || rest.first == "-" {
      guard offset() else { return false }
    }
    skipSpaces()
    return rest.isEmpty
  }

  /// `+08:00`, `-0500`, `+8`.
  private mutating func offset() -> Bool {
    rest = rest.dropFirst()
    guard let hours = number(digits: 1...2), hours < 24 else { return false }
    _ = take(":")
    if let first = rest.first, ("0"..."9").contains(first) {
      guard let minutes = number(digits: 2...2), minutes < 60 else { return false }
    }
    return true
  }

  private mutating func number(digits: ClosedRange<Int>) -> Int? {
    let run = rest.prefix(digits.upperBound).prefix { ("0"..."9").contains($0) }
    guard digits.contains(run.count) else { return nil }
    rest = rest.dropFirst(run.count)
    return run.reduce(0) { $0 * 10 + Int($1.value - 48) }
  }

  private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
    guard rest.first == scalar else { return false }
    rest = rest.dropFirst()
    return true
  }

  /// `word` in any case.
  private mutating func takeWord(_ word: String) -> Bool {
    let letters = Array(word.unicodeScalars)
    let head = rest.prefix(letters.count)
    guard head.count == letters.count,
      zip(head, letters).allSatisfy({ String($0.0).lowercased() == String($0.1) })
    else { return false }
    rest = rest.dropFirst(letters.count)
    return true
  }

  private mutating func skipSpaces() {
    while rest.first == " " { rest = rest.dropFirst() }
  }
}
