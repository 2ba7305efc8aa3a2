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
  /// lock is held until the hash is done.
  public func loadHashing() throws(LedgerError) -> (ledger: Ledger, digest: PendingDigest) {
    let file = try LockedFile(path: path, mode: .read, timeout: lockTimeout)
    if let cache = digestCache, let known = cache.digest(for: try file.identity()) {
      let parsed = try JournalReader.read(file, path: path, allowingTornTail: false)
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
      let parsed = try JournalReader.read(file, path: path, allowingTornTail: false)
      return (Ledger(parsed: parsed, path: path), digest)
    } catch {
      _ = try? digest.value()
      throw error
    }
  }

  /// The remembered digest of the file, or the file hashed in blocks (so a large ledger is
  /// never in memory whole just to be hashed) and then remembered.
  private func digest(of file: LockedFile) throws(LedgerError) -> String {
    let identity = try file.identity()
    if let known = digestCache?.digest(for: identity) { return known }
    let readStarted = Int64(time(nil))
    let digest = try Self.hash(file)
    digestCache?.remember(digest, for: identity, readStarted: readStarted)
    return digest
  }

  private static func hash(_ file: LockedFile) throws(LedgerError) -> String {
    let size = try file.size()
    var hasher = SHA256()
    var offset = 0
    while offset < size {
      let block = try file.read(count: min(8 << 20, size - offset), at: offset)
      guard !block.isEmpty else { break }
      block.withUnsafeBytes { hasher.update($0) }
      offset += block.count
    }
    return SHA256.hex(hasher.finalize())
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
  init(known: String) {
    path = ""
    result = .success(known)
    done.signal()
  }

  func finish(_ result: Result<String, LedgerError>) {
    self.result = result
    done.signal()
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
