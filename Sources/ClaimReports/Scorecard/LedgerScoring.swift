import ClaimLedger

/// Scorecards of the ledger in `store`: counted from the snapshot kept for its digest when the
/// digest cache vouches for the file, else from the whole ledger, after which a snapshot is
/// kept for the next report.
///
/// Either way the figures are the same: a snapshot holds what the fold and the words give
/// before any day, year or grouping is applied, and the claims a scorecard lists are folded
/// afresh from their own lines.
public struct LedgerScoring: Sendable {
  public let store: LedgerStore
  /// Finds the names a claim's words hold, for echoes and specificity.
  public let nameScan: NameScan
  public let textFacts: TextFactsCache?
  public let snapshots: ScoringSnapshotCache?

  public init(
    store: LedgerStore, nameScan: @escaping NameScan, textFacts: TextFactsCache?,
    snapshots: ScoringSnapshotCache?
  ) {
    self.store = store
    self.nameScan = nameScan
    self.textFacts = textFacts
    self.snapshots = snapshots
  }

  /// The scorecards of `builders`, in order, and the ledger they count.
  public struct Scored {
    /// Not yet named by the ledger's digest (`Scorecard.naming`).
    public let cards: [Scorecard]
    public let sha256: String
    /// Errors among the problems the fold met, which `check` lists.
    public let problemCount: Int
    /// Whether they were counted from a snapshot rather than the ledger read whole.
    public let isFromSnapshot: Bool
    /// What the cards were made from: a million records, which a caller about to exit may
    /// keep rather than free one by one.
    public let sources: [any Sendable]
  }

  public func scorecards(_ builders: [ScorecardBuilder]) throws(LedgerError) -> Scored {
    if let remembered = try fromSnapshot(builders) { return remembered }
    return try fromLedger(builders)
  }

  private func fromSnapshot(_ builders: [ScorecardBuilder]) throws(LedgerError) -> Scored? {
    guard let snapshots, let ledger = try store.openVouched(),
      let snapshot = snapshots.load(
        ledgerDigest: ledger.sha256, needingTags: Self.readsTags(builders))
    else { return nil }
    let claims = RememberedClaims(
      ledger: ledger, offsets: snapshot.entryOffsets, rows: snapshot.rows)
    // A listed claim that cannot be read back from where the snapshot says means the snapshot
    // is wrong: the ledger is read whole instead, and the snapshot made again.
    guard
      let cards = try? ScorecardBuilder.build(
        builders, rows: snapshot.rows, facts: snapshot.facts, claims: claims)
    else { return nil }
    return Scored(
      cards: cards, sha256: ledger.sha256, problemCount: snapshot.problemCount,
      isFromSnapshot: true, sources: [snapshot])
  }

  /// Whether any of the scorecards groups claims by their tags.
  private static func readsTags(_ builders: [ScorecardBuilder]) -> Bool {
    builders.contains { $0.grouping == .tag }
  }

  private func fromLedger(_ builders: [ScorecardBuilder]) throws(LedgerError) -> Scored {
    let (ledger, digest) = try store.loadHashing(locatingEntries: snapshots != nil)
    // What the claims' words say is worked out while the ledger is still being hashed.
    let facts = ClaimTextFacts(
      ledger.records, nameScan: nameScan, cache: textFacts, ledgerDigest: digest)
    // Tags only when a scorecard groups by them: a snapshot without them serves every other
    // grouping, and a report by tag makes one with them.
    let rows = ScoringRows(ledger.records, readsTags: Self.readsTags(builders))
    let cards = ScorecardBuilder.build(
      builders, rows: rows, facts: facts, claims: LoadedClaims(records: ledger.records))
    let sha256 = try digest.value()
    let problemCount = ledger.issues.filter { $0.severity == .error }.count
    // Kept only when the digest cache will vouch for this very file next time, as only then is
    // a snapshot ever read; asked without waiting, as a writer holding the lock means a
    // changed file anyway.
    var asking = store
    asking.lockTimeout = 0
    if let snapshots, let offsets = ledger.entryOffsets,
      (try? asking.openVouched())??.sha256 == sha256
    {
      snapshots.save(
        ScoringSnapshot(
          rows: rows, facts: facts, entryOffsets: offsets, problemCount: problemCount),
        ledgerDigest: sha256)
    }
    return Scored(
      cards: cards, sha256: sha256, problemCount: problemCount, isFromSnapshot: false,
      sources: [ledger, facts, rows])
  }
}
