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

  /// For each entry of the history, the status the claim had when the entry did not apply to
  /// it (a resolution a merge laid on a proposed claim, an acceptance of an open one), else
  /// nil: a history must not show as done what the fold refused.
  public var statusRefusingEachEntry: [Status?] {
    DecisionReplay(history).refusedAt
  }
}

/// The review and resolution of one claim, decision by decision: its status, whether two
/// decisions disagree, and the decisions standing, which a `reopen` undoes latest first.
///
/// The fold and `DecisionReplay` both take decisions through it, so what `reopen` says it
/// would undo (the command's words, the review walk's undo) is what the fold then undoes,
/// whatever mix of decisions a merge left.
struct DecisionState {
  private(set) var status: Status
  private(set) var hasConflictingDecisions: Bool
  /// The decisions not undone, oldest first: `accept`, `reject` or `resolve`. Only those that
  /// took effect: a repeated acceptance or rejection counts (a reopen undoes both copies), an
  /// acceptance or rejection of a resolved claim does not (a reopen undoes the resolution).
  private(set) var standing: [Entry.Kind] = []

  init(status: Status, hasConflictingDecisions: Bool = false, standing: [Entry.Kind] = []) {
    self.status = status
    self.hasConflictingDecisions = hasConflictingDecisions
    self.standing = standing
  }

  /// What a decision did.
  enum Step: Equatable {
    /// It took effect (a reopen: it undid the latest decision).
    case took
    /// It decided a claim whose acceptance and rejection disagreed.
    case settled
    /// It disagrees with the decision standing (two clones decided differently); `isNew` when
    /// no disagreement stood before.
    case conflicted(isNew: Bool)
    /// The decision standing, taken again (two clones took it).
    case repeated
    /// It does not apply to the claim as it stands, and changes nothing.
    case refused
  }

  /// Takes `kind`: `accept`, `reject`, `resolve` or `reopen`.
  mutating func take(_ kind: Entry.Kind) -> Step {
    switch kind {
    case .accept: accept()
    case .reject: reject()
    case .resolve: resolve()
    case .reopen: reopen()
    case .claim, .amend: .refused
    }
  }

  private mutating func accept() -> Step {
    if hasConflictingDecisions {
      // The acceptance stood meanwhile, so the claim stays as it is (open, or resolved since).
      hasConflictingDecisions = false
      // A resolved claim keeps its resolution latest, for a reopen to undo first; the
      // acceptance is what the reopen after it undoes.
      let resolutions = standing.reversed().prefix { $0 == .resolve }.count
      standing.insert(.accept, at: standing.count - resolutions)
      return .settled
    }
    switch status {
    case .proposed:
      status = .open
    case .rejected where standing.last == .reject:
      hasConflictingDecisions = true
      status = .open
      standing.append(.accept)
      return .conflicted(isNew: true)
    case .open where standing.last == .accept:
      standing.append(.accept)
      return .repeated
    case .resolved where standing.contains(.accept):
      // The other clone's acceptance, merged after this one accepted and resolved it.
      return .repeated
    default:
      return .refused
    }
    standing.append(.accept)
    return .took
  }

  private mutating func reject() -> Step {
    if hasConflictingDecisions, status == .open {
      hasConflictingDecisions = false
      status = .rejected
      standing.append(.reject)
      return .settled
    }
    switch status {
    case .open where standing.contains(.accept), .resolved where standing.contains(.accept):
      // Accepted on one clone, rejected on another: the acceptance stands until a new decision
      // settles it, so what the accepting clone did since (a resolution) holds.
      let isNew = !hasConflictingDecisions
      hasConflictingDecisions = true
      if status == .open { standing.append(.reject) }
      return .conflicted(isNew: isNew)
    case .rejected:
      standing.append(.reject)
      return .repeated
    case .proposed:
      status = .rejected
      standing.append(.reject)
      return .took
    default:
      return .refused
    }
  }

  private mutating func resolve() -> Step {
    guard status == .open || status == .resolved else { return .refused }
    status = .resolved
    standing.append(.resolve)
    return .took
  }

  /// A resolution returns the claim to open; an acceptance or rejection (with any copies, or
  /// the other of a pair that disagrees) returns it to proposed.
  private mutating func reopen() -> Step {
    switch status {
    case .resolved:
      status = .open
      while standing.last == .resolve { standing.removeLast() }
    case .rejected,
      .open where hasConflictingDecisions || standing.last == .accept:
      status = .proposed
      hasConflictingDecisions = false
      while let last = standing.last, last == .accept || last == .reject { standing.removeLast() }
    default:
      return .refused
    }
    return .took
  }
}

/// One claim's entries replayed for the decisions they make and the fields they leave.
struct DecisionReplay {
  /// The claim's review and resolution after the entries.
  private(set) var state = DecisionState(status: .proposed)
  /// The fields after the entries, without the changes of undone acceptances.
  private(set) var claim: Claim?
  /// The `accept` and `amend` changes in force, in fold order; `isAccept` marks acceptances a
  /// reopen can undo.
  private var changes: [(isAccept: Bool, changes: ClaimChanges)] = []
  /// For each entry, the status that refused it, or nil when it applied.
  private(set) var refusedAt: [Status?] = []

  /// The decisions not undone, oldest first.
  var standing: [Entry.Kind] { state.standing }

  /// Replays `entries`, one claim's, in fold order.
  init(_ entries: ArraySlice<Entry>) {
    var initial: Claim?
    for entry in entries {
      let accepted = state.standing.count { $0 == .accept }
      let before = state.status
      var step: DecisionState.Step?
      switch entry.body {
      case .claim(let claim, let status):
        if initial == nil { state = DecisionState(status: status) }
        initial = claim
      case .accept(let corrections):
        step = state.take(.accept)
        // An acceptance that changed no status (one merged after a resolution) is not undone
        // by a reopen: its corrections stay, as an amend's would.
        changes.append((state.standing.count { $0 == .accept } > accepted, corrections))
      case .amend(let amended, _):
        changes.append((false, amended))
      case .reject, .resolve, .reopen:
        step = state.take(entry.kind)
      }
      refusedAt.append(step == .refused ? before : nil)
      // The corrections of the acceptances a reopen undid go with them.
      for _ in 0..<max(0, accepted - state.standing.count { $0 == .accept }) {
        if let place = changes.lastIndex(where: { $0.isAccept }) { changes.remove(at: place) }
      }
    }
    claim = initial.map { start in changes.reduce(start) { $0.applying($1.changes) } }
  }
}
