import Dispatch
import Foundation

extension LedgerStore {
  /// The SHA-256 of the ledger's bytes, read under a shared lock.
  public func sha256() throws(LedgerError) -> String {
    let file = try LockedFile(path: path, mode: .read, timeout: lockTimeout)
    return try digest(of: file)
  }

  /// The folded ledger and the SHA-256 of exactly the bytes it was folded from: both read
  /// under one shared lock, so no append can fall between them.
  public func loadWithDigest() throws(LedgerError) -> (ledger: Ledger, sha256: String) {
    let (ledger, digest) = try loadHashing()
    return (ledger, try digest.value())
  }

  /// The same, returning as soon as the ledger is folded while the hash, which cannot be
  /// split, goes on on its own thread: a caller with other work to do before it needs the
  /// digest (a scorecard reads every claim's words) keeps both cores busy meanwhile. The shared
  /// lock is held until the hash is done. With `locatingEntries`, the ledger notes where each
  /// claim's entries are in the file (`Ledger.entryOffsets`).
  public func loadHashing(locatingEntries: Bool = false) throws(LedgerError) -> (
    ledger: Ledger, digest: PendingDigest
  ) {
    let file = try LockedFile(path: path, mode: .read, timeout: lockTimeout)
    if let cache = digestCache, let known = cache.digest(for: try file.identity()) {
      let parsed = try JournalReader.read(
        file, path: path, allowingTornTail: false, locatingEntries: locatingEntries)
      return (Ledger(parsed: parsed, path: path), PendingDigest(known: known))
    }
    let digest = PendingDigest(path: path)
    nonisolated(unsafe) let shared = file
    let store = self
    DispatchQueue.global().async {
      do throws(LedgerError) {
        digest.finish(.success(try store.digest(of: shared)))
      } catch {
        digest.finish(.failure(error))
      }
    }
    do {
      let parsed = try JournalReader.read(
        file, path: path, allowingTornTail: false, locatingEntries: locatingEntries)
      return (Ledger(parsed: parsed, path: path), digest)
    } catch {
      _ = try? digest.value()
      throw error
    }
  }

  /// The ledger held under a shared lock and not read, when the digest cache vouches for its
  /// SHA-256 on `stat` alone; nil when it cannot (no cache, or a file changed or not settled).
  public func openVouched() throws(LedgerError) -> VouchedLedger? {
    guard let cache = digestCache else { return nil }
    let file = try LockedFile(path: path, mode: .read, timeout: lockTimeout)
    guard let known = cache.digest(for: try file.identity()) else { return nil }
    return VouchedLedger(file: file, sha256: known)
  }

  /// The remembered digest of the file; or, when the cache knows where hashing this file
  /// stood and the file still starts with those bytes, the hash gone on from there; or the
  /// whole file hashed. The result is remembered. Files are read in blocks, so a large ledger
  /// is never in memory whole just to be hashed.
  private func digest(of file: LockedFile) throws(LedgerError) -> String {
    let identity = try file.identity()
    if let known = digestCache?.digest(for: identity) { return known }
    let readStarted = Int64(time(nil))
    var start = DigestCache.ResumePoint.start
    if let point = digestCache?.resumePoint(for: identity), try Self.startsAsBefore(file, point) {
      start = point
    }
    let (digest, end) = try Self.hash(file, from: start)
    digestCache?.remember(digest, resumePoint: end, for: identity, readStarted: readStarted)
    return digest
  }

  /// Whether the file's first bytes are those the resume point was taken after.
  private static func startsAsBefore(
    _ file: LockedFile, _ point: DigestCache.ResumePoint
  ) throws(LedgerError) -> Bool {
    var fingerprint = PrefixFingerprint()
    try forEachBlock(of: file, in: 0..<point.byteCount) { fingerprint.update($0) }
    return fingerprint == point.fingerprint
  }

  /// The digest of the whole file, hashing on from `start`, and the resume point at its last
  /// whole block for next time.
  private static func hash(
    _ file: LockedFile, from start: DigestCache.ResumePoint
  ) throws(LedgerError) -> (digest: String, end: DigestCache.ResumePoint) {
    let size = try file.size()
    let wholeBlocks = size / 64 * 64
    guard var hasher = SHA256(resuming: start.sha256), start.byteCount <= wholeBlocks else {
      return try hash(file, from: .start)
    }
    var fingerprint = start.fingerprint
    try forEachBlock(of: file, in: start.byteCount..<wholeBlocks) { block in
      hasher.update(block)
      fingerprint.update(block)
    }
    let end = hasher.midstate.map { DigestCache.ResumePoint(sha256: $0, fingerprint: fingerprint) }
    try forEachBlock(of: file, in: wholeBlocks..<size) { hasher.update($0) }
    return (SHA256.hex(hasher.finalize()), end ?? .start)
  }

  /// Reads `range` of the file in blocks of 8 MiB (a whole number of hash blocks) and hands each
  /// to `body`; a file that ends early is an error: it changed under the shared lock.
  private static func forEachBlock(
    of file: LockedFile, in range: Range<Int>, _ body: (UnsafeRawBufferPointer) -> Void
  ) throws(LedgerError) {
    var offset = range.lowerBound
    while offset < range.upperBound {
      let wanted = min(8 << 20, range.upperBound - offset)
      let block = try file.read(count: wanted, at: offset)
      guard block.count == wanted else {
        throw .unreadable(path: file.path, reason: "the file ended while it was being hashed")
      }
      block.withUnsafeBytes(body)
      offset += block.count
    }
  }
}

/// A ledger's SHA-256 still being worked out on another thread.
public final class PendingDigest: @unchecked Sendable {
  private let path: String
  private let done = DispatchSemaphore(value: 0)
  /// Written once by the hashing thread before it signals `done`; read only after a wait.
  private var result: Result<String, LedgerError>?

  init(path: String) {
    self.path = path
  }

  /// A digest known already, such as one the cache remembered.
  public init(known: String) {
    path = ""
    result = .success(known)
    done.signal()
  }

  func finish(_ result: Result<String, LedgerError>) {
    self.result = result
    done.signal()
  }

  /// The digest when the hash is done already (as when the cache remembered it); never waits.
  public var valueIfDone: String? {
    guard done.wait(timeout: .now()) == .success else { return nil }
    defer { done.signal() }
    guard case .success(let digest) = result else { return nil }
    return digest
  }

  /// The digest, once the hash is done; waits for it.
  public func value() throws(LedgerError) -> String {
    done.wait()
    // Signalled again, so every later call finds it done too.
    defer { done.signal() }
    switch result {
    case .success(let digest): return digest
    case .failure(let error): throw error
    case nil: throw .unreadable(path: path, reason: "the ledger could not be hashed")
    }
  }
}
