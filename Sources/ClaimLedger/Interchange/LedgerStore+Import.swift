/// How many claims an import added, and how many it skipped because their id was in the ledger
/// already (`present`) or came earlier in the file (`repeated`).
public struct ImportCount: Equatable, Sendable {
  public var added: Int
  public var present: Int
  public var repeated: Int = 0
  /// The claims among `present` whose values in the file differ from the ledger's, in file
  /// order: skipped like the others, but named, since what the file says is not kept.
  public var differing: [ImportDifference] = []
}

/// A claim of an import file whose id the ledger has already, with other values.
public struct ImportDifference: Equatable, Sendable {
  public var line: Int
  public var id: ClaimID
  /// Each field that differs, with its value in the ledger and in the file, as `check`
  /// shows a claim's two lines.
  public var fields: [Change]

  public struct Change: Equatable, Sendable {
    public var field: String
    public var inLedger: String
    public var inFile: String
  }
}

extension LedgerStore {
  /// Appends the claims of `lines` whose ids the ledger lacks, each once, under one exclusive
  /// lock, synced once at the end; with `isDryRun`, only counts them.
  ///
  /// The lines were written from checked values (or encoded and read back), so they are
  /// appended as they are. A write or the sync that fails, or a stop signal (Ctrl-C, `kill`)
  /// that comes while they run, cuts the ledger back to the size it had, under the same lock:
  /// a claim must not stay without the resolution its row carried, which the import run again
  /// would skip with the claim's id. (A crash or SIGKILL part-way can still leave a torn last
  /// line, which every command reports and `check --repair` moves aside.) `direct: false`
  /// keeps the writes in the page cache.
  public func importClaims(_ lines: ImportLines, isDryRun: Bool, direct: Bool = true)
    throws(LedgerError) -> ImportCount
  {
    if isDryRun {
      let ledger = try load()
      var count = Self.newClaims(of: lines, in: ledger).count
      count.differing = Self.differences(of: lines, from: ledger)
      return count
    }
    let file = try LockedFile(path: path, mode: .append, timeout: lockTimeout)
    try refuseTornTail(file)
    let parsed = try JournalReader.read(file, path: path, allowingTornTail: false)
    let ledger = Ledger(parsed: parsed, path: path)
    var (count, isNew) = Self.newClaims(of: lines, in: ledger)
    if count.present > 0 { count.differing = Self.differences(of: lines, from: ledger) }
    guard count.added > 0 else { return count }
    // An entry that would not read back stops the import before anything is written.
    var claim = 0
    for piece in lines.pieces {
      for (place, error) in piece.unwritable where isNew[claim + place] { throw error }
      claim += piece.ids.count
    }
    let sizeBefore = try file.size()
    do throws(LedgerError) {
      // Straight to the disk in large blocks where it takes them: an import may write a
      // gigabyte, which the page cache would take longer to copy than the disk to write.
      let writer = BlockWriter(descriptor: file.descriptor, offset: sizeBefore, direct: direct)
      func append(_ bytes: ArraySlice<UInt8>) throws(LedgerError) {
        try file.append(bytes, through: writer)
      }
      claim = 0
      for piece in lines.pieces {
        let first = claim
        claim += piece.ids.count
        // Only the new claims' lines, a run of them at a time.
        var runStart = 0
        var lineStart = 0
        for (index, end) in piece.ends.enumerated() {
          if !isNew[first + index] {
            try append(piece.bytes[runStart..<lineStart])
            runStart = end
          }
          lineStart = end
        }
        try append(piece.bytes[runStart..<lineStart])
        // Ctrl-C or `kill` on a long import stops it after this piece, and the cut below
        // takes back every piece.
        try file.stopIfAsked()
      }
      try file.finish(writer)
      try file.sync()
      try file.stopIfAsked()
    } catch {
      file.cutBack(to: sizeBefore)
      throw error
    }
    return count
  }

  /// The claims of `lines` whose ids `ledger` has, with other fields, status or resolution
  /// than the ledger's. Their lines are read back and folded as the ledger's are, so what is
  /// compared is each claim as it stands on both sides.
  static func differences(of lines: ImportLines, from ledger: Ledger) -> [ImportDifference] {
    guard ledger.count > 0 else { return [] }
    var bytes: [UInt8] = []
    var fileLines: [ClaimID: Int] = [:]
    for piece in lines.pieces {
      for (index, id) in piece.ids.enumerated() where ledger.record(for: id) != nil {
        // The first of repeats, as the count keeps it.
        guard fileLines[id] == nil else { continue }
        fileLines[id] = piece.lines[index]
        bytes.append(contentsOf: piece.claimBytes(index))
      }
    }
    let journal = bytes.withUnsafeBufferPointer { try? JournalReader.parse($0, path: "") }
    guard let journal else { return [] }
    var differing: [ImportDifference] = []
    for record in Ledger(journal: journal, path: "").records {
      guard let kept = ledger.record(for: record.id), let line = fileLines[record.id] else {
        continue
      }
      let fields = changes(from: kept, to: record)
      if !fields.isEmpty {
        differing.append(ImportDifference(line: line, id: record.id, fields: fields))
      }
    }
    return differing.sorted { $0.line < $1.line }
  }

  /// The fields in which `file`'s claim differs from `kept`: the claim's own, then its status
  /// and what its resolution or rejection says.
  private static func changes(from kept: ClaimRecord, to file: ClaimRecord)
    -> [ImportDifference.Change]
  {
    var changes = file.claim.differences(from: kept.claim).map {
      ImportDifference.Change(field: $0.field, inLedger: $0.other, inFile: $0.this)
    }
    func shown(_ text: String?) -> String {
      text.map { "'" + $0.replacingOccurrences(of: "\n", with: "\\n") + "'" } ?? "none"
    }
    let pairs: [(String, String, String)] = [
      ("status", kept.status.rawValue, file.status.rawValue),
      ("outcome", kept.outcome?.rawValue ?? "none", file.outcome?.rawValue ?? "none"),
      (
        "resolved_on", kept.resolution?.on.description ?? "none",
        file.resolution?.on.description ?? "none"
      ),
      ("evidence", shown(kept.resolution?.evidence), shown(file.resolution?.evidence)),
      (
        "reason", kept.resolution?.reason?.rawValue ?? kept.rejection ?? "none",
        file.resolution?.reason?.rawValue ?? file.rejection ?? "none"
      ),
    ]
    for (field, inLedger, inFile) in pairs where inLedger != inFile {
      changes.append(ImportDifference.Change(field: field, inLedger: inLedger, inFile: inFile))
    }
    return changes
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
