/// The ledger file held open under a shared lock, unread, whose SHA-256 the digest cache
/// vouched for (`LedgerStore.openVouched()`).
///
/// What a caller derived from a ledger with that digest, and kept, still holds for this one:
/// it can use its copy, and read back in full only the claims it shows. The lock lasts as long
/// as this object, so no append falls in between. Safe to read from several threads at once:
/// the file is only read with `pread`, which keeps no shared position.
public final class VouchedLedger: @unchecked Sendable {
  public let sha256: String
  public var path: String { file.path }
  private let file: LockedFile

  init(file: LockedFile, sha256: String) {
    self.file = file
    self.sha256 = sha256
  }

  /// The claim `id` folded from its entries whose lines start at `offsets` (in file order), as
  /// the whole ledger folds it: a claim's entries fold among themselves alone. Throws when the
  /// lines there are not that claim's.
  public func record(entriesAt offsets: some Collection<Int64>, id: ClaimID) throws(LedgerError)
    -> ClaimRecord
  {
    var bytes: [UInt8] = []
    for offset in offsets {
      bytes.append(contentsOf: try line(at: Int(offset)))
      bytes.append(UInt8(ascii: "\n"))
    }
    let journal = try bytes.withUnsafeBufferPointer { buffer throws(LedgerError) in
      try JournalReader.parse(buffer, path: file.path)
    }
    guard journal.entries.allSatisfy({ $0.id == id }),
      let record = Ledger(journal: journal, path: file.path).record(for: id)
    else {
      throw .unreadable(
        path: file.path, reason: "the entries of claim \(id) are not where they were noted")
    }
    return record
  }

  /// The line starting at `offset`, without its newline; read in blocks that double until the
  /// newline is in one.
  private func line(at offset: Int) throws(LedgerError) -> ArraySlice<UInt8> {
    var count = 4096
    while true {
      let block = try file.read(count: count, at: offset)
      if let end = block.firstIndex(of: UInt8(ascii: "\n")) { return block[..<end] }
      guard block.count == count else {
        throw .unreadable(path: file.path, reason: "no whole line at byte \(offset)")
      }
      count *= 2
    }
  }
}
