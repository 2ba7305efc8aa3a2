/// What `reopen` undoes: the latest decision still standing on a claim.
///
/// The journal is append-only, so a decision is never erased; a later `reopen` entry cancels it
/// instead. A resolution returns the claim to open (as it always did); an acceptance or a
/// rejection returns it to proposed, and an acceptance's corrections are dropped with it, so
/// the claim reads exactly as it did before the decision. Amends made meanwhile stay.
extension ClaimRecord {
  /// The kind of decision a `reopen` would undo now (`accept`, `reject` or `resolve`), or nil
  /// when nothing can be undone: a claim added as open and never resolved, or a proposed one.
  public var reopenableDecision: Entry.Kind? {
    DecisionReplay(history).standing.last
  }

  /// For each entry of the history, the claim's fields just before it (nil before its `claim`
  /// entry): what a history shows a change as changing from, with the corrections of an
  /// acceptance a `reopen` undid left out as the fold leaves them out.
  public var fieldsBeforeEachEntry: [Claim?] {
    history.indices.map { DecisionReplay(history[..<$0]).claim }
  }
}

/// One claim's entries replayed for the decisions they make and the fields they leave.
struct DecisionReplay {
  /// The decisions not undone, oldest first: `accept`, `reject` or `resolve`.
  private(set) var standing: [Entry.Kind] = []
  /// The fields after the entries, without the changes of undone acceptances.
  private(set) var claim: Claim?
  /// The `accept` and `amend` changes in force, in fold order; `isAccept` marks acceptances.
  private var changes: [(isAccept: Bool, changes: ClaimChanges)] = []

  /// Replays `entries`, one claim's, in fold order.
  init(_ entries: ArraySlice<Entry>) {
    var initial: Claim?
    for entry in entries {
      switch entry.body {
      case .claim(let claim, _):
        initial = claim
      case .accept(let accepted):
        changes.append((true, accepted))
        standing.append(.accept)
      case .amend(let amended, _):
        changes.append((false, amended))
      case .reject:
        standing.append(.reject)
      case .resolve:
        standing.append(.resolve)
      case .reopen:
        undoLatest()
      }
    }
    claim = initial.map { start in changes.reduce(start) { $0.applying($1.changes) } }
  }

  /// Cancels the latest standing decision. Decisions of one kind in a row (a correction, or
  /// two clones that each took it, merged) are undone together, as a `reopen` of a resolved
  /// claim always did; so are an acceptance and a rejection in a row, which only two clones
  /// deciding differently leave (a rejection cannot follow an acceptance otherwise).
  private mutating func undoLatest() {
    guard let latest = standing.last else { return }
    let isReview = { (kind: Entry.Kind) in kind == .accept || kind == .reject }
    while let last = standing.last, last == latest || (isReview(latest) && isReview(last)) {
      standing.removeLast()
      if last == .accept, let place = changes.lastIndex(where: { $0.isAccept }) {
        changes.remove(at: place)
      }
    }
  }
}
