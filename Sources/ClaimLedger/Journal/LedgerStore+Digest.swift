import Dispatch
import Foundation

extension LedgerStore {
  /// The SHA-256 of the ledger's bytes, read under a shared lock.
  public func sha256() throws(LedgerError) -> String {
    let file = try LockedFile(path: path, mode: .read, timeout: lockTimeout)
    return try digest(of: file)
  }

  /// The folded ledger and the SHA-256 of exactly the bytes it was folded from: both read
  /// under one shared lock, so no append can fall between them. The hash, which cannot be
  /// split, runs on its own thread beside the parse.
  public func loadWithDigest() throws(LedgerError) -> (ledger: Ledger, sha256: String) {
    let file = try LockedFile(path: path, mode: .read, timeout: lockTimeout)
    if let cache = digestCache, let known = cache.digest(for: try file.identity()) {
      let parsed = try JournalReader.read(file, path: path, allowingTornTail: false)
      return (Ledger(parsed: parsed, path: path), known)
    }
    nonisolated(unsafe) let shared = file
    let store = self
    nonisolated(unsafe) var digest: Result<String, LedgerError>?
    let hashed = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      do throws(LedgerError) {
        digest = .success(try store.digest(of: shared))
      } catch {
        digest = .failure(error)
      }
      hashed.signal()
    }
    let parsed: ParsedJournal
    do {
      parsed = try JournalReader.read(file, path: path, allowingTornTail: false)
    } catch {
      hashed.wait()
      throw error
    }
    hashed.wait()
    // The semaphore orders the hashing thread's write before this read.
    switch digest {
    case .success(let value): return (Ledger(parsed: parsed, path: path), value)
    case .failure(let error): throw error
    case nil: throw .unreadable(path: path, reason: "the ledger could not be hashed")
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
