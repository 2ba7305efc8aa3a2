import ClaimLedger

/// `claims resolve`: records how a claim turned out.
struct ResolveCommand: Command {
  static let spec = CommandSpec(
    name: "resolve",
    abstract: "Record how a claim turned out: true, false, partial or void.",
    discussion: """
      void means the claim cannot be judged and needs --reason: ambiguous, annulled,
      condition-failed, retracted or duplicate. A claim resolved two different ways (after a
      git merge) is settled by resolving it again.
      """,
    parameters: [
      .positional("id", help: "The claim's id, or a unique prefix of 4 or more digits.")
        .completing(.claimIDs),
      .positional("outcome", help: "true, false, partial or void.").completing(Outcome.self),
      .option("--on", value: "DATE", help: "The day it was settled (default: today)."),
      .option("--evidence", value: "TEXT", help: "A link or a quote that settles it."),
      .option("--reason", value: "REASON", help: "Why a void claim cannot be judged.")
        .completing(VoidReason.self),
      .option("--note", value: "TEXT", help: "Anything else worth keeping."),
    ])

  var id: String
  var outcome: Outcome
  var on: Day?
  var evidence: String?
  var reason: VoidReason?
  var note: String?

  init(_ input: ParsedInput) throws(UsageError) {
    let name = Self.spec.name
    id = try input.required("id", as: IDPrefix.self).description
    outcome = try input.required("outcome", as: Outcome.self)
    on = try input.option("--on", as: Day.self)
    evidence = try input.text("--evidence")
    reason = try input.option("--reason", as: VoidReason.self)
    note = try input.text("--note")
    if outcome == .void, reason == nil {
      throw UsageError(
        "a void resolution needs --reason (\(VoidReason.expectation))", command: name)
    }
    if outcome != .void, reason != nil {
      throw UsageError("--reason goes with void only", command: name)
    }
  }

  func run(in context: Context) throws -> CommandOutput {
    let on = self.on ?? context.today
    guard on <= context.today else {
      throw UsageError("--on \(on) is after today (\(context.today))", command: Self.spec.name)
    }
    let resolution = Resolution(
      outcome: outcome, on: on, evidence: evidence, reason: reason, note: note)
    return try context.store.update { (ledger: Ledger) throws(LedgerError) in
      let record = try ledger.record(withPrefix: id)
      switch record.status {
      case .open:
        break
      case .resolved where record.hasConflictingResolutions:
        // Settled by a reopen and this resolution.
        break
      case .resolved:
        let current = record.resolution.map { "\($0.outcome.rawValue) on \($0.on)" } ?? "already"
        throw .invalidTransition(
          id: record.id, reason: "is resolved already (\(current)); 'claims reopen' it first")
      case .proposed:
        throw .invalidTransition(id: record.id, reason: "is proposed, not open; accept it first")
      case .rejected:
        throw .invalidTransition(id: record.id, reason: "was rejected; it cannot be resolved")
      }
      if let said = record.claim.said, on < said {
        throw .invalidTransition(
          id: record.id, reason: "was said on \(said); it cannot be resolved on \(on)")
      }
      let entries = record.entries(recording: .resolve(resolution), at: context.now)
      let text = "resolved \(record.id) as \(outcome.rawValue) on \(on)\n"
      return (entries, CommandOutput(context.written(record, entries, else: text)))
    }
  }
}

/// `claims reopen`: undoes the latest decision on a claim, made in error.
struct ReopenCommand: Command {
  static let spec = CommandSpec(
    name: "reopen",
    abstract: "Undo a resolution, acceptance or rejection made in error.",
    discussion: """
      A resolved claim is open again. An accepted (and unresolved) or rejected claim is
      proposed again, with the corrections made on accepting dropped.
      """,
    parameters: [
      .positional("id", help: "The claim's id, or a unique prefix of 4 or more digits.")
        .completing(.claimIDs),
      .option("--note", value: "TEXT", help: "Why it is reopened."),
    ])

  var id: String
  var note: String?

  init(_ input: ParsedInput) throws(UsageError) {
    id = try input.required("id", as: IDPrefix.self).description
    note = try input.text("--note")
  }

  func run(in context: Context) throws -> CommandOutput {
    try context.store.update { (ledger: Ledger) throws(LedgerError) in
      let record = try ledger.record(withPrefix: id)
      guard record.status == .resolved || record.reopenableDecision != nil else {
        throw .invalidTransition(
          id: record.id,
          reason:
            "is \(record.status.rawValue) with no decision to undo; there is nothing to reopen")
      }
      let entry = Entry(
        id: record.id, at: record.nextStamp(after: context.now), body: .reopen(note: note))
      let again = record.status == .resolved ? "" : ": proposed again"
      let text = "reopened \(record.id)\(again)\n"
      return ([entry], CommandOutput(context.written(record, [entry], else: text)))
    }
  }
}
