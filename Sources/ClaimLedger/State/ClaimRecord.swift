/// A claim as it stands now: the fold of its entries, with the entries themselves kept.
public struct ClaimRecord: Sendable {
  public let id: ClaimID
  /// The claim's current fields.
  public internal(set) var claim: Claim {
    get {
      guard case .claim(let claim, _) = fields else { return ClaimRecord.unreachableClaim }
      return claim
    }
    set { fields = .claim(newValue, status: status) }
  }
  /// The fields, held as the body of the entry that states them: an unamended record shares
  /// the box of its `claim` entry (also in `history`) instead of carrying its own 176-byte copy.
  /// Always a `.claim` body.
  private var fields: Entry.Body
  public internal(set) var status: Status
  /// The journal line of its `claim` entry. Declared with the status and the flags below, so
  /// that together they fill one word of the record.
  public internal(set) var line: Int32 = 0
  /// Two different resolutions with no `reopen` between them (from a merge); `check` reports it
  /// until a new entry settles it.
  public internal(set) var hasConflictingResolutions = false
  /// Accepted and rejected with no `reopen` between them (from a merge: one clone accepted it,
  /// another rejected it); `check` reports it until a new `accept`, `reject` or `reopen`
  /// settles it. The acceptance stands meanwhile, so a resolution made since holds.
  public internal(set) var hasConflictingDecisions = false
  /// Recorded twice with different content (an edit on one side of a merge) and not yet made
  /// alike by amends: an amend that restates the fields shown is then what settles it.
  public internal(set) var hasConflictingClaimLines = false
  /// Present while the claim is resolved.
  public internal(set) var resolution: Resolution?
  /// The reason given when it was rejected.
  public internal(set) var rejection: String?
  /// The note of the latest `amend` or `reopen`.
  public internal(set) var note: String?
  /// When the claim was first recorded.
  public let recordedAt: Timestamp
  /// Every entry of the claim in fold order (by `at`, file order breaking ties); a slice of
  /// the histories the fold laid end to end, so its indices need not start at zero.
  public internal(set) var history: ArraySlice<Entry>

  /// The resolution a score may rest on: none while two resolutions conflict, so no scorecard
  /// picks one of them without a word; the claim counts as open until a new entry settles it.
  public var scoredResolution: Resolution? { hasConflictingResolutions ? nil : resolution }
  /// The status a scorecard counts: open while two resolutions conflict.
  public var scoredStatus: Status { hasConflictingResolutions ? .open : status }

  init(
    id: ClaimID, claim: Claim, status: Status, recordedAt: Timestamp, history: ArraySlice<Entry>
  ) {
    self.id = id
    self.fields = .claim(claim, status: status)
    self.status = status
    self.recordedAt = recordedAt
    self.history = history
  }

  /// The record a `claim` entry starts, sharing the entry's body; nil for other entries.
  init?(claimEntry entry: Entry) {
    guard case .claim(_, let status) = entry.body else { return nil }
    self.id = entry.id
    self.fields = entry.body
    self.status = status
    self.recordedAt = entry.at
    self.history = []
  }

  /// The record of a `claim` entry whose status the caller read already.
  init(claimEntry entry: consuming Entry, status: Status) {
    self.id = entry.id
    self.recordedAt = entry.at
    self.fields = entry.body
    self.status = status
    self.history = []
  }

  /// The day the claim was said, read in place rather than through a copy of the whole claim.
  public var said: Day? {
    guard case .claim(let claim, _) = fields else { return nil }
    return claim.said
  }

  /// The deadline, read in place: a sort or a filter over a million claims would otherwise
  /// copy each claim, retaining and releasing every one of its texts, to read one date.
  public var deadline: Day? {
    guard case .claim(let claim, _) = fields else { return nil }
    return claim.deadline
  }

  /// The language tag, read in place as `said` is.
  public var lang: String? {
    guard case .claim(let claim, _) = fields else { return nil }
    return claim.lang
  }

  /// Runs `body` on the current fields where they are kept: `claim` hands out a copy, which
  /// retains each of its texts, and an export reads the fields of a million claims.
  public func withClaim<Result>(_ body: (Claim) -> Result) -> Result {
    guard case .claim(let claim, _) = fields else { return body(ClaimRecord.unreachableClaim) }
    return body(claim)
  }

  /// Never returned: `fields` only ever holds a `.claim` body.
  private static var unreachableClaim: Claim {
    Claim(text: "", source: "", said: nil, confidence: Confidence(clamping: 0))
  }

  /// Unsettled (open, or resolved twice differently) with a deadline before `today`: `due`,
  /// `list --overdue` and `sources` agree on which claims wait for a resolution.
  public func isOverdue(on today: Day) -> Bool {
    guard scoredStatus == .open, let deadline else { return false }
    return deadline < today
  }

  /// The outcome while resolved, else nil.
  public var outcome: Outcome? { resolution?.outcome }

  /// The time to stamp a new entry of this claim with: `now`, or just after its latest entry
  /// when that one is stamped later (a clock running ahead on another clone), so the new
  /// entry still folds last.
  public func nextStamp(after now: Timestamp) -> Timestamp {
    guard let latest = history.last?.at, latest > now else { return now }
    return Timestamp(millisecondsSinceEpoch: latest.millisecondsSinceEpoch + 1)
  }

  /// The entries that record `body` on this claim at `now`. A resolution of a claim whose
  /// resolutions conflict comes after a `reopen`, so it settles them instead of adding a third.
  public func entries(recording body: Entry.Body, at now: Timestamp) -> [Entry] {
    let stamp = nextStamp(after: now)
    var entries: [Entry] = []
    if hasConflictingResolutions, case .resolve = body {
      entries.append(
        Entry(id: id, at: stamp, body: .reopen(note: "settles conflicting resolutions")))
    }
    return entries + [Entry(id: id, at: stamp, body: body)]
  }
}
