/// How many claims an import added, and how many it skipped because their id was in the ledger
/// already (`present`) or came earlier in the file (`repeated`).
public struct ImportCount: Equatable, Sendable {
  public var added: Int
  public var present: Int
  public var repeated: Int = 0
}

extension LedgerStore {
  /// Appends the claims of `lines` whose ids the ledger lacks, each once, under one exclusive
  /// lock, synced once at the end; with `isDryRun`, only counts them.
  ///
  /// The lines were written from checked values (or encoded and read back), so they are
  /// appended as they are. A write or the sync that fails cuts the ledger back to the size it
  /// had, under the same lock: a claim must not stay without the resolution its row carried,
  /// which the import run again would skip with the claim's id. (A crash part-way can still
  /// leave a torn last line, which every command reports and `check --repair` moves aside.)
  public func importClaims(_ lines: ImportLines, isDryRun: Bool) throws(LedgerError)
    -> ImportCount
  {
    if isDryRun { return Self.newClaims(of: lines, in: try load()).count }
    let file = try LockedFile(path: path, mode: .append, timeout: lockTimeout)
    try refuseTornTail(file)
    let parsed = try JournalReader.read(file, path: path, allowingTornTail: false)
    let (count, isNew) = Self.newClaims(of: lines, in: Ledger(parsed: parsed, path: path))
    guard count.added > 0 else { return count }
    // An entry that would not read back stops the import before anything is written.
    var claim = 0
    for piece in lines.pieces {
      for (place, error) in piece.unwritable where isNew[claim + place] { throw error }
      claim += piece.ids.count
    }
    let sizeBefore = try file.size()
    do throws(LedgerError) {
      claim = 0
      for piece in lines.pieces {
        let first = claim
        claim += piece.ids.count
        let isNewHere = isNew[first..<claim]
        if isNewHere.allSatisfy({ $0 }) {
          try file.append(piece.bytes)
          continue
        }
        // Only the new claims' lines.
        var bytes: [UInt8] = []
        var start = 0
        for (index, end) in piece.ends.enumerated() {
          if isNewHere[first + index] { bytes.append(contentsOf: piece.bytes[start..<end]) }
          start = end
        }
        if !bytes.isEmpty { try file.append(bytes) }
      }
      try file.sync()
    } catch {
      file.cutBack(to: sizeBefore)
      throw error
    }
    return count
  }

  /// The counts, and for each claim of `lines` in order whether it is to be written: its id is
  /// not in the ledger and not earlier in the file.
  private static func newClaims(of lines: ImportLines, in ledger: Ledger)
    -> (count: ImportCount, isNew: [Bool])
  {
    var isNew: [Bool] = []
    isNew.reserveCapacity(lines.claimCount)
    var present = 0
    // The ids seen so far, in the ledger's own table of id bits: a million inserts into a `Set`
    // spent more on hashing than on everything else the check does.
    var seen = ClaimIndex(capacity: lines.claimCount)
    let isEmpty = ledger.count == 0
    for piece in lines.pieces {
      for id in piece.ids {
        if !isEmpty, ledger.record(for: id) != nil {
          present += 1
          isNew.append(false)
        } else {
          isNew.append(seen.insert(id, at: isNew.count) == nil)
        }
      }
    }
    let added = isNew.reduce(0) { $0 + ($1 ? 1 : 0) }
    let count = ImportCount(added: added, present: present, repeated: isNew.count - added - present)
    return (count, isNew)
  }
}
