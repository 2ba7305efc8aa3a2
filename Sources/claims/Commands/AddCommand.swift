import ClaimLedger

/// `claims add`: records an open claim a person found, and prints its id.
struct AddCommand: Command {
  static let spec = CommandSpec(
    name: "add",
    abstract: "Record a forecast; prints its id.",
    discussion: """
      The id is a hash of the source, the said date and the quote (or the text), so adding
      the same claim twice, or on two machines, gives one claim. Without --confidence or
      --hedge, the strongest hedge word found in the quote or text sets the confidence
      (the table of hedge words is in the README).
      """,
    parameters: [
      .positional(
        "text", help: "The forecast, short and checkable: \"OpenAI acquires Pinterest\"."),
      .option("--source", value: "NAME", help: "Who made the forecast.", required: true),
      .option("--said", value: "DATE", help: "When it was said or published (default: today)."),
      .option(
        "--by", value: "DEADLINE",
        help: "When it should come true: 2026-12-31, 2027, 2026-06, 2026-Q3, 2026-H2."),
      .option("--confidence", value: "P", help: "How sure it sounded: 0.7, 70% or 七成."),
      .option(
        "--hedge", value: "WORD", help: "Set the confidence from a hedge word: likely, 大概率, 有望, …"),
      .option("--via", value: "OUTLET", help: "The outlet that relayed it."),
      .option("--url", value: "URL", help: "Where it was published (http or https)."),
      .option("--quote", value: "TEXT", help: "The source's own words."),
      .option("--tag", value: "TAG", help: "A topic.", repeatable: true),
      .flag("--conditional", help: "The forecast holds only if a condition is met."),
    ])

  var text: String
  var source: String
  var said: Day?
  var deadline: Deadline?
  var confidence: ConfidenceArgument?
  var via: String?
  var url: String?
  var quote: String?
  var tags: [String]
  var isConditional: Bool

  init(_ input: ParsedInput) throws(UsageError) {
    let name = Self.spec.name
    text = try TextArgument.nonEmpty(try input.required("text"), option: "<text>", command: name)
    guard let source = input.option("--source") else {
      throw UsageError("--source is required (who made the forecast)", command: name)
    }
    self.source = try TextArgument.nonEmpty(source, option: "--source", command: name)
    said = try input.option("--said", as: Day.self)
    deadline = try input.option("--by", as: Deadline.self)
    confidence = try ConfidenceArgument.read(input)
    via = try input.text("--via")
    url = try input.link("--url")
    quote = try input.text("--quote")
    tags = try input.tags("--tag")
    isConditional = input.flag("--conditional")
    if let said, let deadline, deadline.day < said {
      throw UsageError("--by \(deadline.day) is before --said \(said)", command: name)
    }
  }

  func run(in context: Context) throws -> CommandOutput {
    let said = self.said ?? context.today
    guard said <= context.today else {
      throw UsageError("--said \(said) is after today (\(context.today))", command: Self.spec.name)
    }
    if let deadline, deadline.day < said {
      throw UsageError(
        "--by \(deadline.day) is before the said date \(said)", command: Self.spec.name)
    }
    let words = quote ?? text
    guard let (value, hedge) = confidence?.value(forText: text) ?? Self.hedge(in: words, or: text)
    else {
      throw UsageError(
        "no hedge word found in the text; say how sure it sounded with --confidence or --hedge",
        command: Self.spec.name)
    }
    let claim = Claim(
      text: text, quote: quote, source: source, via: via, url: url, said: said,
      deadline: deadline?.day, deadlineText: deadline?.text, confidence: value, hedge: hedge,
      lang: LanguageTag.detect(words), tags: tags, isConditional: isConditional)
    let entry = Entry(id: claim.derivedID, at: context.now, body: .claim(claim, status: .open))
    switch try context.store.appendClaim(entry) {
    case .added:
      guard context.json, let record = ClaimRecord(recording: entry) else {
        return CommandOutput("\(entry.id)\n")
      }
      return CommandOutput(ClaimJSON.object(record))
    case .alreadyRecorded:
      // The claim as it stands, which may since have been resolved, rejected or amended: the
      // one time `add` reads the whole ledger.
      let record = try context.loadLedger().record(for: entry.id)
      let note = Self.alreadyRecorded(entry.id, as: record)
      guard context.json else { return CommandOutput("\(entry.id)\n", notes: [note]) }
      guard let record else {
        return CommandOutput("{\"id\":\"\(entry.id)\"}\n", notes: [note])
      }
      return CommandOutput(ClaimJSON.object(record), notes: [note])
    }
  }

  /// What to say of a claim added again. The id comes from the source, the said date and the
  /// words: other values given now (a confidence, a deadline) are not taken, and what changes
  /// the claim depends on where it stands.
  static func alreadyRecorded(_ id: ClaimID, as record: ClaimRecord?) -> String {
    let start = "claim \(id) is in the ledger already"
    switch record?.status {
    case .proposed?:
      return start + ", proposed for review; nothing was added (claims accept \(id) takes it, "
        + "with corrections such as --confidence)"
    case .rejected?:
      return start + ", rejected"
        + (record?.rejection.map { " (\($0))" } ?? "")
        + "; nothing was added (claims reopen \(id) makes it a proposal again)"
    case .resolved? where record?.hasConflictingResolutions == false:
      return start + ", resolved \(record?.outcome?.rawValue ?? "")"
        + "; nothing was added (to change its values: claims amend \(id) … --note WHY)"
    default:
      return start + "; nothing was added (to change its values: claims amend \(id) … --note WHY)"
    }
  }

  /// The hedge word of the quote (else the text), read for the claim as the text words it.
  private static func hedge(in words: String, or text: String) -> (Confidence, hedge: String?)? {
    guard
      let hedge = HedgeScale.standard.firstHedge(in: words)
        ?? HedgeScale.standard.firstHedge(in: text)
    else { return nil }
    return (HedgeScale.confidence(of: hedge, forText: text), hedge.word)
  }
}
