import ClaimLedger
import ClaimReports

/// `claims list`: the claims that pass every filter given, as a table or JSON.
struct ListCommand: Command {
  static let spec = CommandSpec(
    name: "list",
    abstract: "List claims, filtered.",
    parameters: [
      .option("--status", value: "STATUS", help: "proposed, open, resolved or rejected.")
        .completing(Status.self),
      .option("--outcome", value: "OUTCOME", help: "true, false, partial or void.")
        .completing(Outcome.self),
      .option(
        "--source", value: "NAME", help: "One source (aliases in Claims/sources.json count)."),
      .option("--tag", value: "TAG", help: "Claims with this tag."),
      .option("--said-from", value: "DATE", help: "Said on or after this day."),
      .option("--said-to", value: "DATE", help: "Said on or before this day."),
      .option("--due-before", value: "DATE", help: "Deadline before this day."),
      .option(
        "--search", value: "WORDS",
        help: "Words that must all occur in the text, quote, source or outlet."),
      .flag("--overdue", help: "Only open claims past their deadline."),
      .option("--limit", value: "N", help: "At most N claims."),
      .flag(
        "--originals",
        help: "Hide echoes: claims that repeat a forecast another claim said earlier."),
    ])

  var filter = ClaimFilter()
  var limit: Int?
  var isOriginalsOnly: Bool

  init(_ input: ParsedInput) throws(UsageError) {
    let name = Self.spec.name
    // The table's STATUS column says "overdue", but overdue is a state of an open claim.
    if try input.text("--status")?.lowercased() == "overdue" {
      throw UsageError(
        "--status: 'overdue' is no status of its own; --overdue lists the open claims past "
          + "their deadline", command: name)
    }
    filter.status = try input.option("--status", as: Status.self)
    filter.outcome = try input.option("--outcome", as: Outcome.self)
    // Trimmed, as the other commands that filter by them take them.
    filter.source = input.option("--source")?.trimmingSpaces()
    filter.tag = input.option("--tag")?.trimmingSpaces()
    filter.saidFrom = try input.option("--said-from", as: Day.self)
    filter.saidTo = try input.option("--said-to", as: Day.self)
    filter.dueBefore = try input.option("--due-before", as: Day.self)
    filter.searchWords =
      input.option("--search").map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
      ?? []
    filter.isOverdueOnly = input.flag("--overdue")
    filter.countsConflictsAsOpen = true
    limit = try input.option("--limit", as: ClaimCount.self).map(\.value)
    isOriginalsOnly = input.flag("--originals")
    if let from = filter.saidFrom, let to = filter.saidTo, to < from {
      throw UsageError("--said-to \(to) is before --said-from \(from)", command: name)
    }
    // Filters that no claim can meet together are a mistake, not an empty list.
    if filter.isOverdueOnly, let status = filter.status, status != .open {
      throw UsageError(
        "--overdue lists open claims; it does not go with --status \(status.rawValue)",
        command: name)
    }
    if filter.outcome != nil, let status = filter.status, status != .resolved {
      throw UsageError(
        "--outcome lists resolved claims; it does not go with --status \(status.rawValue)",
        command: name)
    }
    if filter.isOverdueOnly, filter.outcome != nil {
      throw UsageError(
        "--overdue lists open claims and --outcome resolved ones; give one of them", command: name)
    }
  }

  func run(in context: Context) throws -> CommandOutput {
    let ledger = try context.loadLedger()
    let aliases = try context.sourceAliases()
    var filter = self.filter
    filter.source = filter.source.map(aliases.canonical)
    let notes = context.notes(for: ledger)
    let all = ledger.records
    let echoes =
      isOriginalsOnly ? try ClaimSubjects.echoClusters(of: all, context: context) : nil
    let isShown = { (position: Int) in
      echoes?.isEcho(position) != true
        && filter.matches(all[position], today: context.today, aliases: aliases)
    }
    if context.json {
      // Positions rather than copies of the records, and the JSON written out in chunks.
      let positions = all.indices.lazy.filter(isShown).prefix(limit ?? Int.max)
      var writer = OutputWriter(context.terminal)
      try ClaimJSON.write(positions, of: all, to: &writer)
      return CommandOutput(writer.text, notes: notes)
    }
    let matching = all.indices.filter(isShown)
    let shown = Array(matching.prefix(limit ?? Int.max))
    guard !shown.isEmpty else {
      let why =
        ledger.count == 0
        ? "the ledger is empty; 'claims add' records a claim"
        : matching.isEmpty
          ? "no claims match"
          : "\(matching.count) claim\(matching.count == 1 ? "" : "s") match; --limit 0 shows none"
      return CommandOutput("", notes: notes + [why])
    }
    return CommandOutput(
      try ClaimTable.render(
        shown, of: all, today: context.today, terminal: context.terminal, aliases: aliases),
      notes: notes)
  }
}
