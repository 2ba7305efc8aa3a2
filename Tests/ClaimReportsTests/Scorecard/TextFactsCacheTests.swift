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
    let log = ScanLog()
    Self.expectSame(ClaimTextFacts(records, nameScan: log.scan, cache: cache), expected)
    #expect(!log.read.isEmpty)
    #expect(FileManager.default.fileExists(atPath: cache.path))
    log.clear()
    Self.expectSame(ClaimTextFacts(records, nameScan: log.scan, cache: cache), expected)
    #expect(log.read.isEmpty)
  }

  @Test func onlyChangedAndNewClaimsAreReadAgain() throws {
    let cache = try Self.cache()
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
    variants.append(modified(base) { $0.deadlineText = "by the end of 2026" })
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
}
