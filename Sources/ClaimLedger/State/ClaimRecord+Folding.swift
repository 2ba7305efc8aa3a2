extension ClaimRecord {
  /// The record a new `claim` entry starts, as the next reading of the ledger will fold it;
  /// nil for an entry of another kind.
  public init?(recording entry: Entry) {
    guard let record = ClaimRecord.folded([entry], id: entry.id, line: 0) else { return nil }
    self = record
  }

  /// This record with `entries` (new ones of this claim, just written) folded on, by the same
  /// fold as a reading of the whole ledger, so a command can show what it wrote without
  /// reading the ledger again.
  public func folding(_ entries: [Entry]) -> ClaimRecord {
    ClaimRecord.folded(Array(history) + entries, id: id, line: line) ?? self
  }

  /// The one record `entries` (one claim's) fold to; `line` stands for every entry's line.
  private static func folded(_ entries: [Entry], id: ClaimID, line: Int32) -> ClaimRecord? {
    let journal = Journal(
      entries: entries, lines: [Int32](repeating: line, count: entries.count))
    return Ledger(journal: journal, path: "").record(for: id)
  }
}
