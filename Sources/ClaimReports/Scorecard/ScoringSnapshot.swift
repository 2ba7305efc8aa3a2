import ClaimLedger
import Foundation

/// What a report works out from a ledger before any day, year or grouping matters: the scoring
/// rows, what the claims' words say, where each claim's entries are in the file, and how many
/// problems the fold met.
///
/// Kept by the ledger's SHA-256 (`ScoringSnapshotCache`), it lets a report of a ledger that has
/// not changed since skip reading it: the scorecards are counted from the rows, and only the
/// claims they list are read back, from their own lines.
struct ScoringSnapshot: Sendable {
  let rows: ScoringRows
  let facts: ClaimTextFacts
  let entryOffsets: EntryOffsets
  /// Errors among the fold's issues, which a report mentions.
  let problemCount: Int
}

/// The scoring snapshot of one ledger, in a file of the user's cache folder beside its text
/// facts (`TextFactsCache`).
///
/// A snapshot is used only for the ledger digest it was made from, by a build whose fingerprint
/// matches (the lexicon's, the word lists', the format's and the build's own), and only whole:
/// a checksum covers every byte, and every number in it must point where it can. Like the other
/// caches it is a convenience: a file that is missing, stale or damaged only means reading the
/// ledger.
public struct ScoringSnapshotCache: Sendable {
  public let path: String
  let fingerprint: UInt64

  /// Raise when the fold or the rows change what a ledger's snapshot holds.
  static let formatVersion: UInt64 = 2
  static let magic = Array("claims scoring snapshot\n".utf8)

  /// The snapshot file of the ledger `textFacts` is kept for; `buildStamp` names the build
  /// (its version and the executable's identity), so a rebuilt tool makes its own.
  public init(textFacts: TextFactsCache, buildStamp: String) {
    path = textFacts.directory + "/scoring-" + textFacts.ledgerName
    var fingerprint = StableHash(seed: textFacts.fingerprint)
    fingerprint.combine(ScoringSnapshotCache.formatVersion)
    fingerprint.combine(buildStamp)
    self.fingerprint = fingerprint.finalized
  }

  /// The snapshot made from the ledger whose SHA-256 is `ledgerDigest`, when the file holds one
  /// whole; with `needingTags`, only one whose rows carry the claims' tags.
  func load(ledgerDigest: String, needingTags: Bool = false) -> ScoringSnapshot? {
    guard let storage = CacheFileBytes(contentsOfFile: path) else { return nil }
    return SnapshotDecoding(
      storage.bytes, fingerprint: fingerprint, ledgerDigest: ledgerDigest,
      needingTags: needingTags)?.snapshot
  }

  /// Writes `snapshot` over the file (`DigestCache.replace`).
  func save(_ snapshot: ScoringSnapshot, ledgerDigest: String) {
    var writer = SnapshotWriter()
    writer.write(snapshot, fingerprint: fingerprint, ledgerDigest: ledgerDigest)
    writer.bytes.withUnsafeMutableBytes { bytes in
      guard let base = bytes.baseAddress else { return }
      DigestCache.replace(
        path, with: Data(bytesNoCopy: base, count: bytes.count, deallocator: .none))
    }
  }
}

/// Lays a snapshot out: a header, the tables, the rows, the facts, the entry offsets, then a
/// checksum of all of it.
private struct SnapshotWriter: CacheWriting {
  var bytes: [UInt8] = []

  mutating func write(_ snapshot: ScoringSnapshot, fingerprint: UInt64, ledgerDigest: String) {
    let rows = snapshot.rows
    let count = rows.rows.count
    bytes.reserveCapacity(
      ScoringSnapshotCache.magic.count + count * 64 + snapshot.entryOffsets.offsets.count * 8
        + (1 << 16))
    bytes.append(contentsOf: ScoringSnapshotCache.magic)
    put(fingerprint)
    put(text: ledgerDigest)
    put(UInt64(count))
    put(UInt64(snapshot.problemCount))
    bytes.append(rows.readsTags ? 1 : 0)
    put(texts: rows.names.texts)
    put(texts: rows.hedgeWords.texts)
    put(UInt64(rows.tagLists.count))
    for tags in rows.tagLists { put(texts: tags) }
    put(rows: rows.rows)
    for event in snapshot.facts.events {
      bytes.append(event.map { TextFactsCache.number(of: $0) } ?? 0)
    }
    put(each: snapshot.facts.specificity) { $0.bitPattern }
    put(snapshot.facts.echoes)
    put(each: snapshot.entryOffsets.starts) { UInt32(bitPattern: $0) }
    put(UInt64(snapshot.entryOffsets.offsets.count))
    put(each: snapshot.entryOffsets.offsets) { UInt64(bitPattern: $0) }
    var checksum = StableHash()
    bytes.withUnsafeBytes { checksum.combine($0) }
    put(checksum.finalized)
  }

  private mutating func put(texts: [String]) {
    put(UInt64(texts.count))
    for text in texts { put(text: text) }
  }

  /// Appends `byteCount` bytes that `body` lays out in place: a million rows appended field
  /// by field took a quarter of a second.
  private mutating func appendSection(
    byteCount: Int, _ body: (UnsafeMutableRawBufferPointer) -> Void
  ) {
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(0, count: byteCount))
    bytes.withUnsafeMutableBytes { all in
      body(UnsafeMutableRawBufferPointer(rebasing: all[start...]))
    }
  }

  /// Each of `values` as the little-endian number `number` makes of it.
  private mutating func put<Value, Number: FixedWidthInteger>(
    each values: [Value], as number: (Value) -> Number
  ) {
    let size = MemoryLayout<Number>.size
    appendSection(byteCount: values.count * size) { section in
      for (index, value) in values.enumerated() {
        section.storeBytes(
          of: number(value).littleEndian, toByteOffset: index * size, as: Number.self)
      }
    }
  }

  /// Each row in 46 bytes: the id, the confidence, seven 32-bit numbers, the status and the
  /// outcome (0 for none).
  private mutating func put(rows: [ScoringRows.Row]) {
    let statuses = Array(Status.allCases)
    let outcomes = Array(Outcome.allCases)
    appendSection(byteCount: rows.count * 46) { section in
      for (index, row) in rows.enumerated() {
        var offset = index * 46
        func store<Number: FixedWidthInteger>(_ number: Number) {
          section.storeBytes(of: number.littleEndian, toByteOffset: offset, as: Number.self)
          offset += MemoryLayout<Number>.size
        }
        store(row.id.bits)
        store(row.confidence.bitPattern)
        store(UInt32(bitPattern: row.said))
        store(UInt32(bitPattern: row.deadline))
        store(UInt32(bitPattern: row.resolvedOn))
        store(UInt32(bitPattern: row.source))
        store(UInt32(bitPattern: row.via))
        store(UInt32(bitPattern: row.tags))
        store(UInt32(bitPattern: row.hedge))
        store(UInt8(statuses.firstIndex(of: row.status) ?? 0))
        store(row.outcome.flatMap { outcomes.firstIndex(of: $0) }.map { UInt8($0 + 1) } ?? 0)
      }
    }
  }

  /// Echoes with their originals in order of the echo, then originals with their echoes in
  /// order of the original: the same clusters always give the same bytes.
  private mutating func put(_ echoes: EchoClusters) {
    put(UInt64(echoes.originOf.count))
    for (echo, original) in echoes.originOf.sorted(by: { $0.key < $1.key }) {
      put(UInt64(echo))
      put(UInt64(original))
    }
    put(UInt64(echoes.echoesOf.count))
    for (original, members) in echoes.echoesOf.sorted(by: { $0.key < $1.key }) {
      put(UInt64(original))
      put(UInt64(members.count))
      for member in members { put(UInt64(member)) }
    }
  }
}

/// Reads a snapshot back, refusing it whole at the first thing out of place.
private struct SnapshotDecoding {
  let snapshot: ScoringSnapshot

  init?(
    _ bytes: UnsafeRawBufferPointer, fingerprint: UInt64, ledgerDigest: String,
    needingTags: Bool
  ) {
    let magic = ScoringSnapshotCache.magic
    guard bytes.count >= magic.count + 8, bytes.starts(with: magic) else { return nil }
    let body = bytes.count - 8
    var reader = CacheReader(bytes: bytes, position: magic.count, end: body)
    // The header first: a snapshot for another ledger, or without the tags a report by tag
    // needs, is refused before the checksum reads the whole file.
    guard reader.next64() == fingerprint, let digestLength = reader.next32(),
      reader.text(count: Int(digestLength)) == ledgerDigest, let count = reader.nextCount(),
      let problemCount = reader.nextCount(), let readsTags = reader.next8(), readsTags <= 1,
      readsTags == 1 || !needingTags
    else { return nil }
    var checksum = StableHash()
    checksum.combine(UnsafeRawBufferPointer(rebasing: bytes[..<body]))
    // Each row takes 46 bytes, so a count beyond that cannot be honest.
    guard reader.uint64(at: body) == checksum.finalized, count <= body / 46,
      let names = reader.texts(),
      let hedgeWords = reader.texts(),
      let tagListCount = reader.nextCount(), tagListCount <= body
    else { return nil }
    var tagLists: [[String]] = []
    for _ in 0..<tagListCount {
      guard let tags = reader.texts() else { return nil }
      tagLists.append(tags)
    }
    var rows: [ScoringRows.Row] = []
    rows.reserveCapacity(count)
    for _ in 0..<count {
      guard let row = reader.row() else { return nil }
      rows.append(row)
    }
    guard
      let rowTable = ScoringRows(
        rows: rows, names: names, hedgeWords: hedgeWords, tagLists: tagLists,
        readsTags: readsTags == 1),
      let facts = reader.facts(count: count),
      let entryOffsets = reader.entryOffsets(count: count), reader.position == body
    else { return nil }
    snapshot = ScoringSnapshot(
      rows: rowTable, facts: facts, entryOffsets: entryOffsets, problemCount: problemCount)
  }
}

extension CacheReader {
  /// A count, then that many texts.
  fileprivate mutating func texts() -> [String]? {
    guard let count = nextCount(), count <= (end - position) / 4 else { return nil }
    var texts: [String] = []
    texts.reserveCapacity(count)
    for _ in 0..<count {
      guard let length = next32(), let text = text(count: Int(length)) else { return nil }
      texts.append(text)
    }
    return texts
  }

  fileprivate mutating func row() -> ScoringRows.Row? {
    guard let bits = next64(), let id = ClaimID(bits: bits), let confidence = next64(),
      // A confidence is a probability: anything else (a NaN, an infinity) would trap where
      // the calibration bins it.
      (0...1).contains(Double(bitPattern: confidence)),
      let said = next32(), let deadline = next32(), let resolvedOn = next32(),
      let source = next32(), let via = next32(), let tags = next32(), let hedge = next32(),
      let statusNumber = next8(), Int(statusNumber) < Status.allCases.count,
      let outcomeNumber = next8(), Int(outcomeNumber) <= Outcome.allCases.count
    else { return nil }
    return ScoringRows.Row(
      id: id, confidence: Double(bitPattern: confidence), said: Int32(bitPattern: said),
      deadline: Int32(bitPattern: deadline), resolvedOn: Int32(bitPattern: resolvedOn),
      source: Int32(bitPattern: source), via: Int32(bitPattern: via),
      tags: Int32(bitPattern: tags), hedge: Int32(bitPattern: hedge),
      status: Self.statuses[Int(statusNumber)],
      outcome: outcomeNumber == 0 ? nil : Self.outcomes[Int(outcomeNumber) - 1])
  }

  /// The cases in order, made once: `allCases` makes a new array on every call.
  private static let statuses = Array(Status.allCases)
  private static let outcomes = Array(Outcome.allCases)

  /// The events, specificity scores and echo clusters of `count` claims.
  fileprivate mutating func facts(count: Int) -> ClaimTextFacts? {
    let kinds = TextFactsCache.events
    var events: [ForecastEvent?] = []
    events.reserveCapacity(count)
    for _ in 0..<count {
      guard let number = next8(), Int(number) <= kinds.count else { return nil }
      events.append(
        number == 0 ? nil : kinds[kinds.index(kinds.startIndex, offsetBy: Int(number) - 1)])
    }
    var specificity: [Double] = []
    specificity.reserveCapacity(count)
    for _ in 0..<count {
      guard let bits = next64() else { return nil }
      specificity.append(Double(bitPattern: bits))
    }
    guard let echoCount = nextCount(), echoCount <= count else { return nil }
    var originOf: [Int: Int] = [:]
    for _ in 0..<echoCount {
      guard let echo = index(below: count), let original = index(below: count) else { return nil }
      originOf[echo] = original
    }
    guard let originalCount = nextCount(), originalCount <= count else { return nil }
    var echoesOf: [Int: [Int]] = [:]
    for _ in 0..<originalCount {
      guard let original = index(below: count), let memberCount = nextCount(),
        memberCount <= count
      else { return nil }
      var members: [Int] = []
      for _ in 0..<memberCount {
        guard let member = index(below: count) else { return nil }
        members.append(member)
      }
      echoesOf[original] = members
    }
    return ClaimTextFacts(
      events: events, specificity: specificity,
      echoes: EchoClusters(originOf: originOf, echoesOf: echoesOf))
  }

  fileprivate mutating func entryOffsets(count: Int) -> EntryOffsets? {
    var starts: [Int32] = []
    starts.reserveCapacity(count + 1)
    for _ in 0...count {
      guard let start = next32() else { return nil }
      starts.append(Int32(bitPattern: start))
    }
    guard let offsetCount = nextCount(), offsetCount <= (end - position) / 8 else { return nil }
    var offsets: [Int64] = []
    offsets.reserveCapacity(offsetCount)
    for _ in 0..<offsetCount {
      guard let offset = next64() else { return nil }
      offsets.append(Int64(bitPattern: offset))
    }
    return EntryOffsets(starts: starts, offsets: offsets)
  }

  private mutating func index(below count: Int) -> Int? {
    guard let number = nextCount(), number < count else { return nil }
    return number
  }
}
