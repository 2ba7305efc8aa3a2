import ClaimLedger

/// `claims accept`: proposed claims become open, with any corrections made while reviewing.
struct AcceptCommand: Command {
  static let spec = CommandSpec(
    name: "accept",
    abstract: "Accept proposed claims, correcting fields on the way.",
    discussion: """
      Every id must name a proposed claim; if one does not, nothing is recorded. The
      corrections, if any, apply to every claim named.
      """,
    parameters: [
      .positional(
        "id", help: "Proposed claims' ids, or unique prefixes of 4 or more digits.", variadic: true)
    ] + ClaimChangesArgument.parameters)

  var ids: [String]
  var changes: ClaimChanges

  init(_ input: ParsedInput) throws(UsageError) {
    ids = input.positionals("id")
    guard !ids.isEmpty else {
      throw UsageError("name at least one proposed claim", command: Self.spec.name)
    }
    changes = try ClaimChangesArgument.read(input)
  }

  func run(in context: Context) throws -> CommandOutput {
    try context.store.update { (ledger: Ledger) throws(LedgerError) in
      let records = try ReviewDecision.proposedRecords(ids, in: ledger)
      var entries: [Entry] = []
      for record in records {
        try ClaimChangesArgument.check(changes, on: record, today: context.today)
        entries.append(
          Entry(id: record.id, at: record.nextStamp(after: context.now), body: .accept(changes)))
      }
      let text = records.map { "accepted \($0.id)\n" }.joined()
      return (entries, CommandOutput(text))
    }
  }
}

/// `claims reject`: proposed claims that are not forecasts, kept so they are never proposed again.
struct RejectCommand: Command {
  static let spec = CommandSpec(
    name: "reject",
    abstract: "Reject proposed claims that are not forecasts.",
    discussion: """
      The claims stay in the ledger as rejected, so reading the article again does not
      propose them again. Usual reasons: \(ReviewDecision.usualReasons.joined(separator: ", ")).
      """,
    parameters: [
      .positional(
        "id", help: "Proposed claims' ids, or unique prefixes of 4 or more digits.", variadic: true),
      .option("--reason", value: "REASON", help: "Why it is not a forecast."),
    ])

  var ids: [String]
  var reason: String?

  init(_ input: ParsedInput) throws(UsageError) {
    ids = input.positionals("id")
    guard !ids.isEmpty else {
      throw UsageError("name at least one proposed claim", command: Self.spec.name)
    }
    reason = try input.text("--reason")
  }

  func run(in context: Context) throws -> CommandOutput {
    try context.store.update { (ledger: Ledger) throws(LedgerError) in
      let records = try ReviewDecision.proposedRecords(ids, in: ledger)
      let entries = records.map {
        Entry(id: $0.id, at: $0.nextStamp(after: context.now), body: .reject(reason: reason))
      }
      let text = records.map { "rejected \($0.id)\n" }.joined()
      return (entries, CommandOutput(text))
    }
  }
}

/// What `accept`, `reject` and `review` share.
enum ReviewDecision {
  /// Reasons people give for rejecting a proposal.
  static let usualReasons = [
    "not-a-forecast", "past-fact", "vague", "question", "advice", "duplicate", "wrong-speaker",
  ]

  /// The records the ids name, each of which must be proposed; a repeated id counts once.
  static func proposedRecords(_ ids: [String], in ledger: Ledger) throws(LedgerError)
    -> [ClaimRecord]
  {
    var records: [ClaimRecord] = []
    for prefix in ids {
      let record = try ledger.record(withPrefix: prefix)
      guard record.status == .proposed else {
        throw .invalidTransition(
          id: record.id, reason: "is \(record.status.rawValue), not proposed; nothing was recorded")
      }
      if !records.contains(where: { $0.id == record.id }) { records.append(record) }
    }
    return records
  }
}
