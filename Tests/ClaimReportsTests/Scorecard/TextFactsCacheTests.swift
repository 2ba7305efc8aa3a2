import ClaimLedger
import Foundation
import Testing

@testable import ClaimReports

@Suite struct TextFactsCacheTests {
  /// The texts a name scan was asked to read, from every thread.
  final class ScanLog: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String] = []

    var read: [String] {
      lock.withLock { texts }
    }

    func clear() {
      lock.withLock { texts.removeAll() }
    }

    /// `testNameScan`, noting each text it reads.
    var scan: NameScan {
      { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        self.lock.withLock { self.texts.append(text) }
        return testNameScan(bytes)
      }
    }
  }

  static let specs = ClaimTextFactsTests.specs + EchoClustersTests.specs

  /// Readings with every field set and unset: no key; a key with no year, year 0 and a year
  /// before the common era; negative and very large figures; no event and the last event.
  static let readings: [ClaimTextFacts.Reading] = {
    let marks = Specificity(
      hasNamedSubject: true, hasExplicitDeadline: false, isMeasurable: true,
      isUnconditional: false)
    let none = Specificity(
      hasNamedSubject: false, hasExplicitDeadline: false, isMeasurable: false,
      isUnconditional: false)
    let all = Specificity(
      hasNamedSubject: true, hasExplicitDeadline: true, isMeasurable: true,
      isUnconditional: true)
    let last = ForecastEvent.allCases.last
    return [
      .init(event: nil, specificity: none, key: nil),
      .init(event: .launch, specificity: all, key: nil),
      .init(
        event: .acquisition, specificity: marks,
        key: EchoClusters.Key(
          names: ["OpenAI", "Pinterest"], event: .acquisition, isNegated: false, figures: [],
          year: nil)),
      .init(
        event: last, specificity: all,
        key: EchoClusters.Key(
          names: ["特斯拉", "OpenAI"], event: last, isNegated: true,
          figures: [-5, 0, Int.max, Int.min], year: 0)),
      .init(
        event: nil, specificity: none,
        key: EchoClusters.Key(
          names: ["Nvidia"], event: nil, isNegated: false, figures: [7], year: -44)),
    ]
  }()

  /// A cache in a folder of its own for a ledger at a made-up path.
  static func cache(lexicon: UInt64 = 7, in folder: String? = nil) throws -> TextFactsCache {
    let folder = folder ?? NSTemporaryDirectory() + "text-facts-\(UUID().uuidString)"
    return TextFactsCache(directory: folder, ledgerPath: "/ledgers/ledger.jsonl", lexicon: lexicon)
  }

  static func expectSame(_ facts: ClaimTextFacts, _ expected: ClaimTextFacts) {
    #expect(facts.events == expected.events)
    #expect(facts.specificity == expected.specificity)
    #expect(facts.echoes == expected.echoes)
  }

  @Test func aSecondReadingComesFromTheCacheAndAgrees() throws {
    let records = try TestLedger.records(Self.specs)
    let expected = ClaimTextFacts(records, nameScan: testNameScan)
    #expect(!expected.echoes.echoesOf.isEmpty)
    let cache = try Self.cache()
    defer { try? FileManager.default.removeItem(atPath: cache.directory) }
    let log = ScanLog()
    Self.expectSame(ClaimTextFacts(records, nameScan: log.scan, cache: cache), expected)
    #expect(!log.read.isEmpty)
    #expect(FileManager.default.fileExists(atPath: cache.path))
    log.clear()
    Self.expectSame(ClaimTextFacts(records, nameScan: log.scan, cache: cache), expected)
    #expect(log.read.isEmpty)
  }

  /// A file written for a ledger's digest is taken whole for a ledger with that digest, with
  /// no claim's words hashed or read: here the words did change, which a ledger with the same
  /// digest cannot do, so the kept readings showing through proves nothing was compared.
  @Test func aFileWrittenForTheSameDigestIsTakenWithoutHashing() throws {
    let cache = try Self.cache()
    defer { try? FileManager.default.removeItem(atPath: cache.directory) }
    let records = try TestLedger.records(Self.specs)
    let digest = String(repeating: "ab", count: 32)
    _ = ClaimTextFacts(
      records, nameScan: testNameScan, cache: cache, ledgerDigest: PendingDigest(known: digest))
    #expect(cache.load()?.ledgerDigest == digest)
    var specs = Self.specs
    specs[2].text = "Tesla will not acquire Pinterest in 2027"
    let changed = try TestLedger.records(specs)
    let log = ScanLog()
    Self.expectSame(
      ClaimTextFacts(
        changed, nameScan: log.scan, cache: cache, ledgerDigest: PendingDigest(known: digest)),
      ClaimTextFacts(records, nameScan: testNameScan))
    #expect(log.read.isEmpty)
    // Another digest, or none, has every claim's words matched again: the change is read.
    for other in [PendingDigest(known: String(repeating: "cd", count: 32)), nil] {
      let fresh = try Self.cache()
      defer { try? FileManager.default.removeItem(atPath: fresh.directory) }
      _ = ClaimTextFacts(
        records, nameScan: testNameScan, cache: fresh, ledgerDigest: PendingDigest(known: digest))
      log.clear()
      Self.expectSame(
        ClaimTextFacts(changed, nameScan: log.scan, cache: fresh, ledgerDigest: other),
        ClaimTextFacts(changed, nameScan: testNameScan))
      #expect(log.read.contains(specs[2].text))
      #expect(!log.read.contains(specs[0].text))
    }
  }

  /// The digest is written once known: a file written without one (its hash still running)
  /// is written again by the next run that knows it, and a run that changed claims without
  /// knowing it drops the old one.
  @Test func theFileNamesTheDigestOnceItIsKnown() throws {
    let cache = try Self.cache()
    defer { try? FileManager.default.removeItem(atPath: cache.directory) }
    let records = try TestLedger.records(Self.specs)
    _ = ClaimTextFacts(records, nameScan: testNameScan, cache: cache)
    #expect(try #require(cache.load()).ledgerDigest == nil)
    let digest = String(repeating: "0f", count: 32)
    _ = ClaimTextFacts(
      records, nameScan: testNameScan, cache: cache, ledgerDigest: PendingDigest(known: digest))
    #expect(try #require(cache.load()).ledgerDigest == digest)
    // Unchanged claims and no digest at hand: the file stands as it is.
    _ = ClaimTextFacts(records, nameScan: testNameScan, cache: cache)
    #expect(try #require(cache.load()).ledgerDigest == digest)
    var specs = Self.specs
    specs.append(ClaimSpec(text: "Nvidia ships 5 million chips", said: "2025-03-01"))
    _ = ClaimTextFacts(try TestLedger.records(specs), nameScan: testNameScan, cache: cache)
    let grown = try #require(cache.load())
    #expect(grown.count == specs.count)
    #expect(grown.ledgerDigest == nil)
  }

  @Test func onlyChangedAndNewClaimsAreReadAgain() throws {
    let cache = try Self.cache()
    defer { try? FileManager.default.removeItem(atPath: cache.directory) }
    _ = ClaimTextFacts(try TestLedger.records(Self.specs), nameScan: testNameScan, cache: cache)
    var specs = Self.specs
    specs[2].text = "Tesla will not acquire Pinterest in 2027"
    specs[5].isConditional.toggle()
    specs.append(ClaimSpec(text: "Nvidia ships 5 million chips", said: "2025-03-01"))
    let records = try TestLedger.records(specs)
    let log = ScanLog()
    Self.expectSame(
      ClaimTextFacts(records, nameScan: log.scan, cache: cache),
      ClaimTextFacts(records, nameScan: testNameScan))
    let changed = [2, 5, specs.count - 1].flatMap {
      [specs[$0].text] + [specs[$0].quote].compactMap { $0 }
    }
    #expect(Set(log.read).isSubset(of: Set(changed)))
    #expect(log.read.contains(specs[2].text))
    #expect(log.read.contains(specs[5].text))
    #expect(log.read.contains("Nvidia ships 5 million chips"))
    // The cache was brought up to date: a third reading reads nothing.
    log.clear()
    _ = ClaimTextFacts(records, nameScan: log.scan, cache: cache)
    #expect(log.read.isEmpty)
  }

  @Test func anotherLexiconReadsEverythingAgain() throws {
    let records = try TestLedger.records(Self.specs)
    let cache = try Self.cache(lexicon: 7)
    defer { try? FileManager.default.removeItem(atPath: cache.directory) }
    _ = ClaimTextFacts(records, nameScan: testNameScan, cache: cache)
    let folder = (cache.path as NSString).deletingLastPathComponent
    let other = try Self.cache(lexicon: 8, in: folder)
    #expect(other.path == cache.path)
    let log = ScanLog()
    Self.expectSame(
      ClaimTextFacts(records, nameScan: log.scan, cache: other),
      ClaimTextFacts(records, nameScan: testNameScan))
    #expect(Set(log.read).isSuperset(of: Set(Self.specs.map(\.text))))
  }

  /// A file cut short, with a byte changed anywhere, or holding anything else is passed over,
  /// read again from the words and written anew.
  @Test(arguments: ["truncated", "flipped", "empty", "garbage"])
  func aDamagedFileIsReadAgain(_ damage: String) throws {
    let records = try TestLedger.records(Self.specs)
    let cache = try Self.cache()
    defer { try? FileManager.default.removeItem(atPath: cache.directory) }
    _ = ClaimTextFacts(records, nameScan: testNameScan, cache: cache)
    var bytes = Array(try #require(FileManager.default.contents(atPath: cache.path)))
    switch damage {
    case "truncated": bytes.removeLast(bytes.count / 3)
    case "flipped": bytes[bytes.count / 2] ^= 0x10
    case "empty": bytes = []
    default: bytes = Array("claims text facts\n".utf8) + [UInt8](repeating: 0xFF, count: 64)
    }
    try Data(bytes).write(to: URL(fileURLWithPath: cache.path))
    let log = ScanLog()
    Self.expectSame(
      ClaimTextFacts(records, nameScan: log.scan, cache: cache),
      ClaimTextFacts(records, nameScan: testNameScan))
    #expect(Set(log.read).isSuperset(of: Set(Self.specs.map(\.text))))
    log.clear()
    _ = ClaimTextFacts(records, nameScan: log.scan, cache: cache)
    #expect(log.read.isEmpty)
  }

  @Test func aCacheThatCannotBeWrittenOnlyMeansReadingAgain() throws {
    let records = try TestLedger.records(Self.specs)
    let cache = TextFactsCache(
      directory: "/dev/null/cache", ledgerPath: "/ledgers/ledger.jsonl", lexicon: 7)
    Self.expectSame(
      ClaimTextFacts(records, nameScan: testNameScan, cache: cache),
      ClaimTextFacts(records, nameScan: testNameScan))
  }

  @Test func claimHashesChangeWithEveryInputOfAReading() throws {
    let base = ClaimSpec(text: "Tesla ships", deadline: "2026-12-31", quote: "Tesla ships soon")
    var variants = [base]
    variants.append(modified(base) { $0.text = "Tesla shipz" })
    variants.append(modified(base) { $0.quote = nil })
    variants.append(modified(base) { $0.quote = "Tesla ships soon." })
    variants.append(modified(base) { $0.deadline = "2027-12-31" })
    variants.append(modified(base) { $0.deadline = nil })
    variants.append(
      modified(base) { $0.deadlineText = Specificity.impliedDeadlinePrefix + "2026 outlook" })
    variants.append(modified(base) { $0.isConditional = true })
    variants.append(modified(base) { $0.status = .rejected })
    // Each in a ledger of its own: some variants share their claim's id.
    let records = try variants.map { try #require(TestLedger.records([$0]).first) }
    let hashes = records.map { record in
      record.withClaim { ClaimTextFacts.hash(of: $0, status: record.status) }
    }
    #expect(Set(hashes).count == variants.count)
    // And the same claim read again hashes the same.
    let again = try TestLedger.records([base])
    #expect(again[0].withClaim { ClaimTextFacts.hash(of: $0, status: .open) } == hashes[0])
  }

  private func modified(_ spec: ClaimSpec, _ change: (inout ClaimSpec) -> Void) -> ClaimSpec {
    var spec = spec
    change(&spec)
    return spec
  }

  /// What is written is what is read back, field by field.
  @Test func readingsComeBackAsTheyWereWritten() throws {
    let cache = try Self.cache()
    defer { try? FileManager.default.removeItem(atPath: cache.directory) }
    let keyed = Self.readings.enumerated().map { index, reading in
      ClaimTextFacts.Keyed(hash: UInt64(index) &* 0x9E37_79B9, reading: reading, wasKept: false)
    }
    cache.save(keyed, ledgerDigest: "中文 digest")
    let remembered = try #require(cache.load())
    #expect(remembered.count == Self.readings.count)
    #expect(remembered.ledgerDigest == "中文 digest")
    for (index, reading) in Self.readings.enumerated() {
      #expect(remembered.hash(at: index) == keyed[index].hash)
      #expect(remembered.reading(at: index) == reading, "reading \(index)")
    }
  }

  /// Files with the right fingerprint and a good checksum whose insides lie: counts beyond any
  /// file, a name that is not in the table, an event that does not exist, a key's digest that
  /// is not the key's (every lie here writes digest 0). None is trusted,
  /// none stops the program, and the claims are read afresh.
  @Test(arguments: [
    "huge count", "large count", "short count", "huge names", "unknown name", "unknown event",
    "wrong digest",
  ])
  func aFileThatLiesIsNotTrusted(_ lie: String) throws {
    let records = try TestLedger.records(Self.specs)
    let cache = try Self.cache()
    defer { try? FileManager.default.removeItem(atPath: cache.directory) }
    var entries: [UInt8] = []
    func put(_ number: UInt64) { withUnsafeBytes(of: number.littleEndian) { entries += $0 } }
    func put32(_ number: UInt32) { withUnsafeBytes(of: number.littleEndian) { entries += $0 } }
    var count = UInt64(1)
    var names: [String] = ["OpenAI"]
    var nameCount = UInt64(1)
    // The first claim's own hash, so its entry would be used if the file were trusted.
    put(records[0].withClaim { ClaimTextFacts.hash(of: $0, status: records[0].status) })
    switch lie {
    case "unknown event":
      entries += [0, 200]
    default:
      // A key (its digest, year 0) with one name and no figures.
      entries += [16, 0]
      put(0)
      put(0)
      put32(1)
      put32(lie == "unknown name" ? 5 : 0)
      put32(0)
    }
    switch lie {
    case "huge count": count = .max
    case "large count": count = UInt64(Int.max)
    case "short count": count = 2
    case "huge names":
      nameCount = .max / 2
      names = []
    default: break
    }
    var file = Array("claims text facts\n".utf8)
    withUnsafeBytes(of: cache.fingerprint.littleEndian) { file += $0 }
    withUnsafeBytes(of: count.littleEndian) { file += $0 }
    // No ledger digest.
    withUnsafeBytes(of: UInt32(0).littleEndian) { file += $0 }
    file += entries
    withUnsafeBytes(of: nameCount.littleEndian) { file += $0 }
    for name in names {
      withUnsafeBytes(of: UInt32(name.utf8.count).littleEndian) { file += $0 }
      file += Array(name.utf8)
    }
    var checksum = StableHash()
    file.withUnsafeBytes { checksum.combine($0) }
    withUnsafeBytes(of: checksum.finalized.littleEndian) { file += $0 }
    try FileManager.default.createDirectory(
      atPath: cache.directory, withIntermediateDirectories: true)
    try Data(file).write(to: URL(fileURLWithPath: cache.path))
    let log = ScanLog()
    Self.expectSame(
      ClaimTextFacts(records, nameScan: log.scan, cache: cache),
      ClaimTextFacts(records, nameScan: testNameScan))
    #expect(log.read.contains(Self.specs[0].text))
  }

  /// One ledger reached through `..` or a symbolic link shares its cache file.
  @Test func oneLedgerHasOneFileWhateverItsPathsSpelling() throws {
    let folder = NSTemporaryDirectory() + "text-facts-paths-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(
      atPath: folder + "/a/Claims", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: folder + "/b", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/link", withDestinationPath: folder + "/a")
    try Data().write(to: URL(fileURLWithPath: folder + "/a/Claims/ledger.jsonl"))
    let spellings = [
      folder + "/a/Claims/ledger.jsonl", folder + "/b/../a/Claims/ledger.jsonl",
      folder + "/link/Claims/ledger.jsonl", folder + "/a/./Claims/ledger.jsonl",
    ]
    let paths = spellings.map {
      TextFactsCache(directory: "/cache", ledgerPath: $0, lexicon: 7).path
    }
    #expect(Set(paths).count == 1)
    let other = TextFactsCache(
      directory: "/cache", ledgerPath: folder + "/b/ledger.jsonl", lexicon: 7)
    #expect(other.path != paths[0])
  }
}
