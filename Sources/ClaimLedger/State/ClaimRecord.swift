/// A claim as it stands now: the fold of its entries, with the entries themselves kept.
public struct ClaimRecord: Sendable {
  public let id: ClaimID
  public internal(set) var claim: Claim
  public internal(set) var status: Status
  /// Present while the claim is resolved.
  public internal(set) var resolution: Resolution?
  /// The reason given when it was rejected.
  public internal(set) var rejection: String?
  /// The note of the latest `amend` or `reopen`.
  public internal(set) var note: String?
  /// When the claim was first recorded.
  public let recordedAt: Timestamp
  /// The journal line of its `claim` entry.
  public internal(set) var line: Int32 = 0
  /// Every entry of the claim in fold order (by `at`, file order breaking ties).
  public internal(set) var history: [Entry]
  /// Two different resolutions with no `reopen` between them (from a merge); `check` reports it
  /// until a new entry settles it.
  public internal(set) var hasConflictingResolutions = false

  init(id: ClaimID, claim: Claim, status: Status, recordedAt: Timestamp, history: [Entry]) {
    self.id = id
    self.claim = claim
    self.status = status
    self.recordedAt = recordedAt
    self.history = history
  }

  /// Open with a deadline before `today`.
  public func isOverdue(on today: Day) -> Bool {
    guard status == .open, let deadline = claim.deadline else { return false }
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
}
