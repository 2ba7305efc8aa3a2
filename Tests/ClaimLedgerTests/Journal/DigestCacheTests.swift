import Foundation
import Testing

@testable import ClaimLedger

@Suite struct DigestCacheTests {
  static func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "digest-cache-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func identity(of path: String) throws -> DigestCache.FileIdentity {
    var status = stat()
    try #require(stat(path, &status) == 0)
    return DigestCache.FileIdentity(status)
  }

  static let fake = String(repeating: "ab", count: 32)

  /// A folder of its own holding a four-byte file.
  static func smallFile() throws -> (folder: String, file: String) {
    let folder = try temporaryDirectory()
    let file = folder + "/ledger.jsonl"
    try Data("one\n".utf8).write(to: URL(fileURLWithPath: file))
    return (folder, file)
  }

  /// An empty ledger in a folder of its own, and a store that remembers digests at once.
  static func emptyLedgerWithCache() throws -> (
    path: String, cache: DigestCache, store: LedgerStore
  ) {
    let folder = try temporaryDirectory()
    let path = folder + "/ledger.jsonl"
    try LedgerStore.create(at: path)
    let cache = DigestCache(directory: folder + "/cache", settleSeconds: -10)
    return (path, cache, LedgerStore(path: path, digestCache: cache))
  }

  @Test func aDigestIsKeptForExactlyTheFileItWasTakenOf() throws {
    let (folder, file) = try Self.smallFile()
    let cache = DigestCache(directory: folder + "/cache")
    let identity = try Self.identity(of: file)
    let now = Int64(time(nil))
    cache.remember(Self.fake, for: identity, readStarted: now + 10)
    #expect(cache.digest(for: identity) == Self.fake)
    // Every part of the identity matters.
    var grown = identity
    grown.size += 1
    var touched = identity
    touched.changed.nanoseconds += 1
    var moved = identity
    moved.inode += 1
    for other in [grown, touched, moved] { #expect(cache.digest(for: other) == nil) }
  }

  @Test func aFileChangedJustBeforeItWasReadIsNotRemembered() throws {
    let (folder, file) = try Self.smallFile()
    let cache = DigestCache(directory: folder + "/cache")
    let identity = try Self.identity(of: file)
    // Changed in the same second as the read began: a same-sized rewrite could hide.
    cache.remember(Self.fake, for: identity, readStarted: identity.changed.seconds + 1)
    #expect(cache.digest(for: identity) == nil)
  }

  @Test(arguments: ["", "v1 1 2\n", "v2 1 2 3 4 5 6 7 \(String(repeating: "ab", count: 32))\n"])
  func aDamagedEntryIsAMiss(contents: String) throws {
    let (folder, file) = try Self.smallFile()
    let cache = DigestCache(directory: folder)
    let identity = try Self.identity(of: file)
    try Data(contents.utf8).write(to: URL(fileURLWithPath: cache.entryPath(for: identity)))
    #expect(cache.digest(for: identity) == nil)
  }

  @Test func theStoreUsesTheCacheUntilTheLedgerChanges() throws {
    let (path, cache, store) = try Self.emptyLedgerWithCache()
    let claim = Claim(
      text: "A happens", source: "Ann", said: Day("2026-01-02"),
      confidence: Confidence(clamping: 0.7))
    let at = Timestamp(millisecondsSinceEpoch: 1_767_000_000_000)
    try store.append([Entry(id: claim.derivedID, at: at, body: .claim(claim, status: .open))])
    let bytes = try #require(FileManager.default.contents(atPath: path))
    let real = SHA256.hex(of: Array(bytes))
    #expect(try store.loadWithDigest().sha256 == real)
    // The digest was remembered: a doctored entry for the same file is believed, which shows
    // the second load did not hash the file again.
    let identity = try Self.identity(of: path)
    #expect(cache.digest(for: identity) == real)
    cache.remember(Self.fake, for: identity, readStarted: Int64(time(nil)) + 10)
    #expect(try store.loadWithDigest().sha256 == Self.fake)
    #expect(try store.sha256() == Self.fake)
    // An append changes the file's identity, so the new bytes are hashed.
    let resolve = Entry(
      id: claim.derivedID, at: Timestamp(millisecondsSinceEpoch: at.millisecondsSinceEpoch + 1),
      body: .resolve(Resolution(outcome: .true, on: Day("2026-02-01") ?? Day(daysSinceEpoch: 0))))
    try store.append([resolve])
    let grown = try #require(FileManager.default.contents(atPath: path))
    let (ledger, digest) = try store.loadWithDigest()
    #expect(digest == SHA256.hex(of: Array(grown)))
    #expect(ledger.records.first?.status == .resolved)
  }

  /// The digest that arrives after the load is that of the bytes loaded, and asking again gives
  /// it again; with the cache remembering it, the next load's digest is known at once.
  @Test func aPendingDigestIsTheLoadedBytesDigest() throws {
    let (path, cache, store) = try Self.emptyLedgerWithCache()
    let entries = (0..<50).map { index in
      let claim = Claim(
        text: "Event \(index) happens", source: "Ann", said: Day("2026-01-02"),
        confidence: Confidence(clamping: 0.6))
      return Entry(
        id: claim.derivedID,
        at: Timestamp(millisecondsSinceEpoch: 1_767_000_000_000 + Int64(index)),
        body: .claim(claim, status: .open))
    }
    try store.append(entries)
    let real = SHA256.hex(of: Array(try #require(FileManager.default.contents(atPath: path))))
    let (ledger, pending) = try store.loadHashing()
    #expect(ledger.records.count == 50)
    #expect(try pending.value() == real)
    #expect(try pending.value() == real)
    // The digest was remembered: a doctored entry for the same file is what the next load
    // gives, which shows it did not hash the file again.
    #expect(cache.digest(for: try Self.identity(of: path)) == real)
    cache.remember(Self.fake, for: try Self.identity(of: path), readStarted: Int64(time(nil)) + 10)
    let (_, remembered) = try store.loadHashing()
    #expect(try remembered.value() == Self.fake)
  }

  /// A ledger that does not parse reports its bad line, whatever the hash thread is doing.
  @Test func aBadLedgerFailsItsLoadNotItsDigest() throws {
    let folder = try Self.temporaryDirectory()
    let path = folder + "/ledger.jsonl"
    try Data("{\"entry\": \"claim\"\n".utf8).write(to: URL(fileURLWithPath: path))
    let store = LedgerStore(path: path, digestCache: DigestCache(directory: folder + "/cache"))
    do {
      _ = try store.loadHashing()
      Issue.record("a ledger that does not parse was loaded")
    } catch {
      guard case .malformedEntry(let location, _) = error else {
        Issue.record("expected the bad line, got \(error)")
        return
      }
      #expect(location.line == 1)
    }
  }
}
