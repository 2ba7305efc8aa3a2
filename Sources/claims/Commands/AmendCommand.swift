import ClaimLedger

/// `claims amend`: corrects a claim; the earlier values stay in its history.
struct AmendCommand: Command {
  static let spec = CommandSpec(
    name: "amend",
    abstract: "Correct a claim's fields; the earlier values stay in its history.",
    parameters: [
      .positional("id", help: "The claim's id, or a unique prefix of 4 or more digits."),
      .option("--text", value: "TEXT", help: "The forecast in short."),
      .option("--quote", value: "TEXT", help: "The source's own words."),
      .option("--source", value: "NAME", help: "Who made the forecast."),
      .option("--via", value: "OUTLET", help: "The outlet that relayed it."),
      .option("--url", value: "URL", help: "Where it was published."),
      .option("--said", value: "DATE", help: "When it was said."),
      .option(
        "--by", value: "DEADLINE", help: "The deadline: a date or 2027, 2026-06, 2026-Q3, 2026-H2."),
      .option("--confidence", value: "P", help: "How sure it sounded: 0.7, 70% or 七成."),
      .option("--hedge", value: "WORD", help: "Set the confidence from a hedge word."),
      .option("--tag", value: "TAG", help: "Replace the tags with these.", repeatable: true),
      .option("--note", value: "TEXT", help: "Why it is corrected (required)."),
    ])

  var id: String
  var changes: ClaimChanges
  var note: String

  init(_ input: ParsedInput) throws(UsageError) {
    let name = Self.spec.name
    id = try input.required("id")
    var changes = ClaimChanges(
      text: try input.text("--text"), quote: try input.text("--quote"),
      source: try input.text("--source"), via: try input.text("--via"),
      url: try input.link("--url"), said: try input.option("--said", as: Day.self))
    if let deadline = try input.option("--by", as: Deadline.self) {
      changes.deadline = deadline.day
      changes.deadlineText = deadline.text
    }
    if let (confidence, hedge) = try ConfidenceArgument.read(input) {
      changes.confidence = confidence
      changes.hedge = hedge
    }
    let tags = try input.texts("--tag")
    if !tags.isEmpty { changes.tags = tags }
    guard !changes.isEmpty else {
      throw UsageError(
        "nothing to change; give at least one of --text, --by, --source, …", command: name)
    }
    guard let note = try input.text("--note") else {
      throw UsageError("--note is required: say why the claim is corrected", command: name)
    }
    self.changes = changes
    self.note = note
  }

  func run(in context: Context) throws -> CommandOutput {
    try context.store.update { (ledger: Ledger) throws(LedgerError) in
      let record = try ledger.record(withPrefix: id)
      let amended = record.claim.applying(changes)
      if let said = amended.said, let deadline = amended.deadline, deadline < said {
        throw .invalidTransition(
          id: record.id, reason: "would have its deadline \(deadline) before its said date \(said)")
      }
      if let said = changes.said, said > context.today {
        throw .invalidTransition(id: record.id, reason: "cannot be said on \(said), after today")
      }
      let entry = Entry(
        id: record.id, at: record.nextStamp(after: context.now), body: .amend(changes, note: note))
      return ([entry], CommandOutput("amended \(record.id)\n"))
    }
  }
}
