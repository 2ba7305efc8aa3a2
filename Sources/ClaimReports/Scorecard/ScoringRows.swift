import ClaimLedger
import Dispatch
import Foundation

/// The fields of every claim that a scorecard counts, laid out once per run with no text in
/// them: names, outlets, tag lists and hedge words become numbers into tables of their own.
///
/// Each scorecard folds a million claims; reading their fields from the records copied each
/// claim and retained every one of its texts, per claim and per scorecard.
struct ScoringRows: Sendable {
  /// One claim: dates as days since 1970-01-01, `Row.none` for no date or no name.
  struct Row: Sendable {
    let id: ClaimID
    let confidence: Double
    let said: Int32
    let deadline: Int32
    /// The day of its resolution, while it is resolved.
    let resolvedOn: Int32
    /// The source, and the outlet, as places in `names`.
    let source: Int32
    let via: Int32
    /// The place of its tags in `tagLists`; `Row.none` when it has none, or when the rows were
    /// laid out without tags (`readsTags`).
    let tags: Int32
    /// The place of its hedge word in `hedgeWords`.
    let hedge: Int32
    let status: Status
    /// The outcome while it is resolved.
    let outcome: Outcome?

    static let none = Int32.min

    var saidDay: Day? { Row.day(said) }
    var deadlineDay: Day? { Row.day(deadline) }
    var resolvedDay: Day? { Row.day(resolvedOn) }

    private static func day(_ days: Int32) -> Day? {
      days == none ? nil : Day(daysSinceEpoch: Int(days))
    }
  }

  private(set) var rows: [Row] = []
  /// Whether the rows carry their claims' tags (`Row.tags`).
  private(set) var readsTags = false
  /// Sources and outlets as written, each once.
  private(set) var names = NumberedTexts()
  /// Hedge words as written, each once.
  private(set) var hedgeWords = NumberedTexts()
  /// Lists of tags as written, each once.
  private(set) var tagLists: [[String]] = []
  private var tagListNumbers: [[Spelling]: Int32] = [:]

  /// The rows of `records`; tags are left out unless `readsTags` (only grouping by tag needs
  /// them, and a claim's list of tags is hashed whole to be numbered).
  init(_ records: [ClaimRecord], readsTags: Bool) {
    self.readsTags = readsTags
    // In parts on all cores, each numbering what it meets; the parts are then joined in order
    // into these tables, each part's numbers renumbered.
    let partCount =
      records.count < 1 << 14 ? 1 : 2 * max(1, ProcessInfo.processInfo.activeProcessorCount)
    let partSize = (records.count + partCount - 1) / max(partCount, 1)
    var parts = [ScoringRows?](repeating: nil, count: partCount)
    parts.withUnsafeMutableBufferPointer { buffer in
      let slots = PartSlots(buffer: buffer)
      DispatchQueue.concurrentPerform(iterations: partCount) { part in
        let range = min(records.count, part * partSize)..<min(records.count, (part + 1) * partSize)
        slots.buffer[part] = ScoringRows(records[range], readsTags: readsTags)
      }
    }
    rows.reserveCapacity(records.count)
    for part in parts {
      if let part { join(part) }
    }
  }

  /// Rows laid out before and kept (`ScoringSnapshot`), with their tables; nil unless each
  /// table's texts are distinct and every number in a row points into its table.
  init?(rows: [Row], names: [String], hedgeWords: [String], tagLists: [[String]], readsTags: Bool) {
    self.readsTags = readsTags
    for name in names { _ = self.names.number(of: name) }
    for word in hedgeWords { _ = self.hedgeWords.number(of: word) }
    for tags in tagLists { _ = number(ofTags: tags) }
    guard self.names.texts.count == names.count, self.hedgeWords.texts.count == hedgeWords.count,
      self.tagLists.count == tagLists.count
    else { return nil }
    func fits(_ number: Int32, _ count: Int, optional: Bool = true) -> Bool {
      (optional && number == Row.none) || (0..<Int32(clamping: count)).contains(number)
    }
    guard
      rows.allSatisfy({ row in
        fits(row.source, names.count, optional: false) && fits(row.via, names.count)
          && fits(row.hedge, hedgeWords.count) && fits(row.tags, tagLists.count)
      })
    else { return nil }
    self.rows = rows
  }

  private init(_ records: ArraySlice<ClaimRecord>, readsTags: Bool) {
    self.readsTags = readsTags
    rows.reserveCapacity(records.count)
    // Through the buffer: iterating the slice copies each record, retaining all it holds.
    records.withUnsafeBufferPointer { records in
      for index in records.indices {
        rows.append(row(of: records[index], readsTags: readsTags))
      }
    }
  }

  /// The parts' places, each written by one worker only.
  private struct PartSlots: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<ScoringRows?>
  }

  /// Appends the rows of `part`, renumbered into these tables.
  private mutating func join(_ part: ScoringRows) {
    let names = part.names.texts.map { self.names.number(of: $0) }
    let hedges = part.hedgeWords.texts.map { hedgeWords.number(of: $0) }
    let tags = part.tagLists.map { number(ofTags: $0) }
    func renumbered(_ number: Int32, _ table: [Int32]) -> Int32 {
      number == Row.none ? Row.none : table[Int(number)]
    }
    for row in part.rows {
      rows.append(
        Row(
          id: row.id, confidence: row.confidence, said: row.said, deadline: row.deadline,
          resolvedOn: row.resolvedOn, source: renumbered(row.source, names),
          via: renumbered(row.via, names), tags: renumbered(row.tags, tags),
          hedge: renumbered(row.hedge, hedges), status: row.status, outcome: row.outcome))
    }
  }

  private mutating func row(of record: ClaimRecord, readsTags: Bool) -> Row {
    // The claim is lent in place: a copy of it, or of its fields, retains and releases each
    // of its texts, for a million claims.
    record.withClaim { claim in
      Row(
        id: record.id, confidence: claim.confidence.value, said: Self.days(claim.said),
        deadline: Self.days(claim.deadline), resolvedOn: Self.days(record.scoredResolution?.on),
        source: names.number(of: claim.source),
        via: claim.via.map { names.number(of: $0) } ?? Row.none,
        tags: !readsTags || claim.tags.isEmpty ? Row.none : number(ofTags: claim.tags),
        hedge: claim.hedge.map { hedgeWords.number(of: $0) } ?? Row.none,
        status: record.scoredStatus, outcome: record.scoredResolution?.outcome)
    }
  }

  private static func days(_ day: Day?) -> Int32 {
    guard let day, let days = Int32(exactly: day.daysSinceEpoch), days != Row.none else {
      return Row.none
    }
    return days
  }

  private mutating func number(ofTags tags: [String]) -> Int32 {
    let key = tags.map { Spelling(text: $0) }
    if let known = tagListNumbers[key] { return known }
    tagLists.append(tags)
    tagListNumbers[key] = Int32(tagLists.count - 1)
    return Int32(tagLists.count - 1)
  }
}

/// Texts kept once each, spelling by spelling, and numbered in the order they were first seen.
///
/// Spellings are told apart by their bytes: `String` equality joins canonically equivalent
/// ones (é as one scalar or as e and an accent), and a scorecard names a group by the first
/// spelling among the claims it counts, not among all claims.
struct NumberedTexts: Sendable {
  private(set) var texts: [String] = []
  private var numbers: [Spelling: Int32] = [:]
  /// Finds the one copy of a name the ledger's reader keeps without hashing all of it.
  private var slots = TextSlots()

  subscript(number: Int32) -> String { texts[Int(number)] }

  mutating func number(of text: String) -> Int32 {
    if let known = slots.value(for: text), Spelling.sameBytes(texts[known], text) {
      return Int32(known)
    }
    let number: Int32
    if let known = numbers[Spelling(text: text)] {
      number = known
    } else {
      number = Int32(texts.count)
      texts.append(text)
      numbers[Spelling(text: text)] = number
    }
    slots.remember(Int(number), for: text)
    return number
  }
}

/// A text compared and hashed by its UTF-8 bytes.
struct Spelling: Hashable, Sendable {
  let text: String

  static func == (a: Spelling, b: Spelling) -> Bool {
    sameBytes(a.text, b.text)
  }

  /// Whether two texts have the same UTF-8 bytes: immediate for two copies of one string,
  /// one `memcmp` otherwise (comparing the views byte by byte took 3 % of a scorecard's time).
  static func sameBytes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { left in
      b.withUTF8 { right in
        guard left.count == right.count else { return false }
        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress,
          leftBase != rightBase
        else { return true }
        return memcmp(leftBase, rightBase, left.count) == 0
      }
    }
  }

  func hash(into hasher: inout Hasher) {
    var text = text
    text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
