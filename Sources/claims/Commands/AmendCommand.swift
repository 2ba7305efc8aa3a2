import ClaimLedger

/// `claims amend`: corrects a claim; the earlier values stay in its history.
struct AmendCommand: Command {
  static let spec = CommandSpec(
    name: "amend",
    abstract: "Correct a claim's fields; the earlier values stay in its history.",
    parameters: [
      .positional("id", help: "The claim's id, or a unique prefix of 4 or more digits.")
        .completing(.claimIDs)
    ]
      + ClaimChangesArgument.parameters + [
        .option("--document", value: "FILE", help: "The article it was extracted from.")
          .completing(.files),
        .option("--note", value: "TEXT", help: "Why it is corrected.", required: true),
      ])

  var id: String
  var correction: ClaimCorrection
  var note: String

  init(_ input: ParsedInput) throws(UsageError) {
    let name = Self.spec.name
    id = try input.required("id", as: IDPrefix.self).description
    var correction = try ClaimChangesArgument.read(input)
    if let document = try input.text("--document") { correction.requested.document = document }
    guard !correction.isEmpty else {
      throw UsageError(
        "nothing to change; give at least one of --text, --by, --source, …", command: name)
    }
    guard let note = try input.text("--note") else {
      throw UsageError("--note is required: say why the claim is corrected", command: name)
    }
    self.correction = correction
    self.note = note
  }

  func run(in context: Context) throws -> CommandOutput {
    try ClaimChangesArgument.refuseFutureSaid(
      correction.requested, today: context.today, command: Self.spec.name)
    return try context.store.update { (ledger: Ledger) throws(LedgerError) in
      let record = try ledger.record(withPrefix: id)
      let changes = correction.changes(for: record.claim)
      try ClaimChangesArgument.check(changes, on: record, today: context.today)
      // Restating the fields shown is a change when two lines record the claim differently:
      // it makes them alike.
      guard record.hasConflictingClaimLines || record.claim.applying(changes) != record.claim
      else {
        throw .invalidTransition(
          id: record.id, reason: "has these values already; there is nothing to amend")
      }
      let entry = Entry(
        id: record.id, at: record.nextStamp(after: context.now), body: .amend(changes, note: note))
      let text = "amended \(record.id)\n"
      return ([entry], CommandOutput(context.written(record, [entry], else: text)))
    }
  }
}
