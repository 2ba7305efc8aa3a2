import ClaimLedger
import ClaimReports

/// `claims sources`: each source with its claim counts; track records come with the scorecards.
struct SourcesCommand: Command {
  static let spec = CommandSpec(
    name: "sources",
    abstract: "Each source with its claim counts by status and outcome.",
    discussion: "Names listed as aliases in Claims/sources.json count as their canonical source.")

  init(_ input: ParsedInput) throws(UsageError) {}

  /// The counts of one source.
  struct Tally {
    var source: String
    var claims = 0
    var proposed = 0
    var open = 0
    var overdue = 0
    var resolved = 0
    var rejected = 0
    var outcomes: [Outcome: Int] = [:]
  }

  func run(in context: Context) throws -> CommandOutput {
    let ledger = try context.loadLedger()
    let aliases = try context.sourceAliases()
    var tallies: [String: Tally] = [:]
    for record in ledger.records {
      let source = aliases.canonical(record.claim.source)
      var tally = tallies[source] ?? Tally(source: source)
      tally.claims += 1
      switch record.status {
      case .proposed: tally.proposed += 1
      case .open: tally.open += 1
      case .resolved: tally.resolved += 1
      case .rejected: tally.rejected += 1
      }
      if record.isOverdue(on: context.today) { tally.overdue += 1 }
      if let outcome = record.outcome { tally.outcomes[outcome, default: 0] += 1 }
      tallies[source] = tally
    }
    let sorted = tallies.values.sorted { ($1.claims, $0.source) < ($0.claims, $1.source) }
    if context.json { return CommandOutput(json(sorted), notes: context.notes(for: ledger)) }
    guard !sorted.isEmpty else { return CommandOutput("", notes: ["the ledger is empty"]) }
    var table = TextTable(columns: [
      .init("SOURCE", isFlexible: true), .init("CLAIMS", alignment: .right),
      .init("PROPOSED", alignment: .right),
      .init("OPEN", alignment: .right), .init("OVERDUE", alignment: .right),
      .init("RESOLVED", alignment: .right),
      .init("TRUE", alignment: .right), .init("FALSE", alignment: .right),
      .init("PARTIAL", alignment: .right),
      .init("VOID", alignment: .right), .init("REJECTED", alignment: .right),
    ])
    for tally in sorted {
      table.append(
        [tally.source]
          + [
            tally.claims, tally.proposed, tally.open, tally.overdue, tally.resolved,
            tally.outcomes[.true] ?? 0, tally.outcomes[.false] ?? 0, tally.outcomes[.partial] ?? 0,
            tally.outcomes[.void] ?? 0, tally.rejected,
          ].map(String.init))
    }
    let terminal = context.terminal
    return CommandOutput(
      table.render(width: terminal.isInteractive ? terminal.width ?? 100 : terminal.width),
      notes: context.notes(for: ledger))
  }

  private func json(_ tallies: [Tally]) -> String {
    var json = JSONBuffer()
    json.beginArray()
    for tally in tallies {
      json.beginObject()
      json.key("source")
      json.string(tally.source)
      for (name, value) in [
        ("claims", tally.claims), ("proposed", tally.proposed), ("open", tally.open),
        ("overdue", tally.overdue),
        ("resolved", tally.resolved), ("true", tally.outcomes[.true] ?? 0),
        ("false", tally.outcomes[.false] ?? 0),
        ("partial", tally.outcomes[.partial] ?? 0), ("void", tally.outcomes[.void] ?? 0),
        ("rejected", tally.rejected),
      ] {
        json.key(name)
        json.integer(value)
      }
      json.endObject()
    }
    json.endArray()
    return json.text + "\n"
  }
}
