import ClaimLedger

/// `claims accept`: proposed claims become open, with any corrections made while reviewing.
struct AcceptCommand: Command {
  static let spec = CommandSpec(
    name: "accept",
    abstract: "Accept proposed claims, correcting fields on the way.",
    discussion: """
      Every id must name a proposed claim; if one does not, nothing is recorded. The
      corrections, if any, apply to every claim named, but --text and --quote only to a
      single one. 'accept --all --document FILE' accepts every proposed claim read from that
      article.
      """,
    parameters: [
      .positional(
        "id", help: "Proposed claims' ids, or unique prefixes of 4 or more digits.", variadic: true
      ).completing(.claimIDs),
      .flag("--all", help: "Every proposed claim from the article --document names."),
      .option("--document", value: "FILE", help: "With --all: the article the claims came from.")
        .completing(.files),
    ] + ClaimChangesArgument.parameters)

  var ids: [String]
  var correction: ClaimCorrection
  /// The batch filter of `--all`; nil when ids are named.
  var batch: ReviewDecision.Filter?

  init(_ input: ParsedInput) throws(UsageError) {
    ids = try input.positionals("id", as: IDPrefix.self).map(\.description)
    batch = try ReviewDecision.batch(
      input, ids: ids, filter: ReviewDecision.Filter(document: input.option("--document")),
      needs: "--document FILE", command: Self.spec.name)
    correction = try ClaimChangesArgument.read(input)
    // A source, a deadline or a tag may be right for every claim of an article; one
    // sentence's words are not.
    if batch != nil || Set(ids).count > 1 {
      for (option, value) in [
        ("--text", correction.requested.text), ("--quote", correction.requested.quote),
      ] where value != nil {
        throw UsageError(
          "\(option) gives one claim its words; name a single id to accept with it",
          command: Self.spec.name)
      }
    }
  }

  func run(in context: Context) throws -> CommandOutput {
    try ClaimChangesArgument.refuseFutureSaid(
      correction.requested, today: context.today, command: Self.spec.name)
    let aliases = try context.sourceAliases()
    return try context.store.update { (ledger: Ledger) throws(LedgerError) in
      let records = try ReviewDecision.records(ids, or: batch, in: ledger, aliases: aliases)
      guard !records.isEmpty else {
        return ([], CommandOutput(context.json ? "[]\n" : "", notes: ["nothing to accept"]))
      }
      var entries: [Entry] = []
      for record in records {
        let changes = correction.changes(for: record.claim)
        try ClaimChangesArgument.checkAcceptance(changes, on: record, today: context.today)
        entries.append(
          Entry(id: record.id, at: record.nextStamp(after: context.now), body: .accept(changes)))
      }
      let text = records.map { "accepted \($0.id)\n" }.joined()
      return (entries, CommandOutput(context.written(records, entries, else: text)))
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
      'reject --all --source S --reason R' rejects every proposal the filters select.
      """,
    parameters: [
      .positional(
        "id", help: "Proposed claims' ids, or unique prefixes of 4 or more digits.", variadic: true
      ).completing(.claimIDs),
      .option("--reason", value: "REASON", help: "Why it is not a forecast."),
      .flag("--all", help: "Every proposed claim that --source, --document and --tag select."),
      .option("--source", value: "NAME", help: "With --all: only this source's proposals."),
      .option("--document", value: "FILE", help: "With --all: only proposals from this article.")
        .completing(.files),
      .option("--tag", value: "TAG", help: "With --all: only proposals with this tag."),
    ])

  var ids: [String]
  var reason: String?
  /// The batch filter of `--all`; nil when ids are named.
  var batch: ReviewDecision.Filter?

  init(_ input: ParsedInput) throws(UsageError) {
    ids = try input.positionals("id", as: IDPrefix.self).map(\.description)
    batch = try ReviewDecision.batch(
      input, ids: ids,
      filter: ReviewDecision.Filter(
        source: input.option("--source"), document: input.option("--document"),
        tag: input.option("--tag")),
      needs: "--source, --document or --tag", command: Self.spec.name)
    reason = try input.text("--reason")
  }

  func run(in context: Context) throws -> CommandOutput {
    let aliases = try context.sourceAliases()
    return try context.store.update { (ledger: Ledger) throws(LedgerError) in
      let records = try ReviewDecision.records(ids, or: batch, in: ledger, aliases: aliases)
      guard !records.isEmpty else {
        return ([], CommandOutput(context.json ? "[]\n" : "", notes: ["nothing to reject"]))
      }
      // A claim accepted on one clone and rejected on another may have been resolved since:
      // rejecting it would drop that resolution unseen, so `reopen` must undo it first.
      if let resolved = records.first(where: { $0.status == .resolved }) {
        throw .invalidTransition(
          id: resolved.id, reason: "is resolved; reopen it first, then reject it")
      }
      let entries = records.map {
        Entry(id: $0.id, at: $0.nextStamp(after: context.now), body: .reject(reason: reason))
      }
      let text = records.map { "rejected \($0.id)\n" }.joined()
      return (entries, CommandOutput(context.written(records, entries, else: text)))
    }
  }
}
