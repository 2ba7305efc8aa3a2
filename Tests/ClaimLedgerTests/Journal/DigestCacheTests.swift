import Foundation
import SplitMix
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

  @Test func aFileChangedJustBeforeItWasReadIsNotBelievedOnStatAlone() throws {
    let (folder, file) = try Self.smallFile()
    let cache = DigestCache(directory: folder + "/cache")
    let identity = try Self.identity(of: file)
    // Changed in the same second as the read began: a same-sized rewrite could hide.
    cache.remember(Self.fake, for: identity, readStarted: identity.changed.seconds + 1)
    #expect(cache.digest(for: identity) == nil)
    // Where the hash stood is still kept; it is checked against the file's bytes before use.
    #expect(cache.resumePoint(for: identity) == .start)
  }

  /// An entry says how far the hash went; it is offered for the same file only, and only while
  /// the file is at least that long.
  @Test func aResumePointIsForTheSameFileNoShorterThanWhatWasHashed() throws {
    let (folder, file) = try Self.smallFile()
    let cache = DigestCache(directory: folder + "/cache", settleSeconds: -10)
    let identity = try Self.identity(of: file)
    var hasher = SHA256()
    hasher.update([UInt8](repeating: 7, count: 128))
    let state = try #require(hasher.midstate)
    var fingerprint = PrefixFingerprint()
    [UInt8](repeating: 7, count: 128).withUnsafeBytes { fingerprint.update($0) }
    let point = DigestCache.ResumePoint(sha256: state, fingerprint: fingerprint)
    var long = identity
    long.size = 200
    cache.remember(Self.fake, resumePoint: point, for: long, readStarted: Int64(time(nil)) + 10)
    #expect(cache.remembered(for: long)?.resumePoint == point)
    var grown = long
    grown.size = 128
    grown.changed.seconds += 5
    #expect(cache.resumePoint(for: grown) == point)
    var shorter = long
    shorter.size = 127
    var elsewhere = long
    elsewhere.inode += 1
    #expect(cache.resumePoint(for: shorter) == nil)
    #expect(cache.resumePoint(for: elsewhere) == nil)
  }

  @Test(arguments: [
    "", "v1 1 2\n", "v1 1 2 3 4 5 6 7 \(String(repeating: "ab", count: 32))\n",
    "v2 1 2 3 4 5 6 7 1 \(String(repeating: "ab", count: 32))\n",
  ])
  func aDamagedEntryIsAMiss(contents: String) throws {
    let (folder, file) = try Self.smallFile()
    let cache = DigestCache(directory: folder)
    let identity = try Self.identity(of: file)
    try Data(contents.utf8).write(to: URL(fileURLWithPath: cache.entryPath(for: identity)))
    #expect(cache.digest(for: identity) == nil)
    #expect(cache.resumePoint(for: identity) == nil)
  }

  /// An entry reads back only whole and well formed.
  @Test func aDamagedEntryLineIsAMiss() throws {
    let (folder, file) = try Self.smallFile()
    let cache = DigestCache(directory: folder)
    let identity = try Self.identity(of: file)
    cache.remember(Self.fake, for: identity, readStarted: Int64(time(nil)) + 10)
    let line = try #require(cache.remembered(for: identity)).line
    var fields = line.split(separator: " ").map(String.init)
    #expect(fields.count == 21)
    let damaged: [(Int, String)] = [
      (0, "v1"), (8, "2"), (9, String(repeating: "AB", count: 32)), (10, "32"), (11, "zz"),
      (20, "-1"), (10, "18446744073709551552"),
    ]
    for (index, value) in damaged {
      let original = fields[index]
      fields[index] = value
      let text = fields.joined(separator: " ") + "\n"
      try Data(text.utf8).write(to: URL(fileURLWithPath: cache.entryPath(for: identity)))
      #expect(cache.remembered(for: identity) == nil, "field \(index) as \(value)")
      fields[index] = original
    }
    // Cut short of its newline, as a write that never finished would leave it.
    try Data(line.utf8).write(to: URL(fileURLWithPath: cache.entryPath(for: identity)))
    #expect(cache.remembered(for: identity) == nil)
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

  /// A ledger of `count` claims by `source`, written by the store.
  static func claims(_ count: Int, by source: String) -> [Entry] {
    (0..<count).map { index in
      let claim = Claim(
        text: "\(source) expects event \(index)", source: source, said: Day("2026-01-02"),
        confidence: Confidence(clamping: 0.6))
      return Entry(
        id: claim.derivedID,
        at: Timestamp(millisecondsSinceEpoch: 1_767_000_000_000 + Int64(index)),
        body: .claim(claim, status: .open))
    }
  }

  static func realDigest(_ path: String) throws -> String {
    SHA256.hex(of: Array(try #require(FileManager.default.contents(atPath: path))))
  }

  /// After an append, the hash goes on from the last whole block it reached: a doctored state
  /// kept for the old bytes shows through in the digest, which proves they were not read into
  /// the hash again; with the honest state the digest is the whole file's.
  @Test func anAppendedLedgerIsHashedOnFromWhereItStood() throws {
    let (path, cache, store) = try Self.emptyLedgerWithCache()
    try store.append(Self.claims(30, by: "Ann"))
    #expect(try store.sha256() == Self.realDigest(path))
    let identity = try Self.identity(of: path)
    let kept = try #require(cache.remembered(for: identity))
    #expect(kept.resumePoint.byteCount == Int(identity.size) / 64 * 64)
    #expect(kept.resumePoint.byteCount > 0)

    try store.append(Self.claims(3, by: "Bo"))
    #expect(try store.sha256() == Self.realDigest(path))

    var doctored = try #require(cache.remembered(for: try Self.identity(of: path)))
    doctored.resumePoint.sha256.words[0] ^= 1
    cache.remember(
      doctored.digest, resumePoint: doctored.resumePoint, for: doctored.identity,
      readStarted: 0)
    try store.append(Self.claims(2, by: "Cy"))
    let grown = try #require(FileManager.default.contents(atPath: path))
    let digest = try store.sha256()
    #expect(try digest != Self.realDigest(path))
    var expected = try #require(SHA256(resuming: doctored.resumePoint.sha256))
    grown[doctored.resumePoint.byteCount...].withUnsafeBytes { expected.update($0) }
    #expect(digest == SHA256.hex(expected.finalize()))
  }

  /// Overwrites bytes of the file in place: the same inode, as an editor saving in place would.
  static func overwrite(_ path: String, at offset: Int, with bytes: [UInt8]) throws {
    let descriptor = open(path, O_WRONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    let written = bytes.withUnsafeBytes {
      pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset))
    }
    try #require(written == bytes.count)
  }

  /// Whatever happens to the file between digests (appends, bytes changed in place at its
  /// start, middle or end, with or without a change of size, cuts), the digest is always that of
  /// the file's bytes, whether the cache believes `stat` at once or not.
  @Test(arguments: [-10, 2] as [Int64])
  func theDigestIsAlwaysTheFilesWhateverHappensToIt(settleSeconds: Int64) throws {
    let folder = try Self.temporaryDirectory()
    let path = folder + "/ledger.jsonl"
    try LedgerStore.create(at: path)
    let cache = DigestCache(directory: folder + "/cache", settleSeconds: settleSeconds)
    let store = LedgerStore(path: path, digestCache: cache)
    var random = SplitMix64(seed: UInt64(bitPattern: settleSeconds) &+ 99)
    for round in 0..<60 {
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
      switch random.next() % 4 {
      case 0 where size > 0:
        let offset = Int(random.next() % UInt64(size))
        let count = min(size - offset, 1 + Int(random.next() % 40))
        try Self.overwrite(path, at: offset, with: (0..<count).map { _ in UInt8(ascii: "x") })
      case 1 where size > 0:
        try #require(truncate(path, off_t(Int(random.next() % UInt64(size)))) == 0)
      default:
        let lines = 1 + Int(random.next() % 5)
        let text = (0..<lines).map { "round \(round) line \($0) \(random.next())\n" }.joined()
        try Self.overwrite(path, at: size, with: Array(text.utf8))
      }
      #expect(try store.sha256() == Self.realDigest(path), "round \(round)")
      #expect(try store.sha256() == Self.realDigest(path), "round \(round), again")
    }
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
