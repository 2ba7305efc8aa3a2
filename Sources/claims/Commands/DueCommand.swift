import ClaimLedger
import ClaimReports

/// `claims due`: open claims past their deadline, oldest first, and those falling due soon.
struct DueCommand: Command {
  static let spec = CommandSpec(
    name: "due",
    abstract: "Open claims past their deadline, oldest first (and those due soon).",
    discussion: """
      With --resolve on a terminal, shows each overdue claim and reads one key:

      \(DuePrompt.help)
      Not on a terminal, or with --json, --resolve lists as usual.
      """,
    parameters: [
      .option("--within", value: "DAYS", help: "Also list claims due in the next DAYS days."),
      .flag(
        "--count",
        help: "Print one line, e.g. '3 overdue, 5 due within 30 days' (for a prompt or cron)."),
      .flag(
        "--resolve",
        help: "On a terminal, walk the overdue claims and settle each with a key (t f p v l s q)."),
    ])

  var within: Int?
  var countOnly: Bool
  var resolves: Bool

  init(_ input: ParsedInput) throws(UsageError) {
    within = try input.option("--within", as: DayCount.self).map(\.value)
    countOnly = input.flag("--count")
    resolves = input.flag("--resolve")
    if resolves, countOnly {
      throw UsageError("--resolve and --count do not go together", command: Self.spec.name)
    }
  }

  func run(in context: Context) throws -> CommandOutput {
    let ledger = try context.loadLedger()
    let today = context.today
    let horizon = today.adding(days: within ?? 30)
    let records = ledger.records
    // Sort keys and positions, not records: a record is large and copying one retains all of
    // its texts.
    var overdueKeys: [(deadline: Int, id: UInt64, position: Int)] = []
    var soonKeys: [(deadline: Int, id: UInt64, position: Int)] = []
    for position in records.indices where records[position].status == .open {
      guard let deadline = records[position].claim.deadline else { continue }
      let key = (deadline.daysSinceEpoch, records[position].id.bits, position)
      if deadline < today {
        overdueKeys.append(key)
      } else if deadline <= horizon {
        soonKeys.append(key)
      }
    }
    let byDeadline = {
      (a: (deadline: Int, id: UInt64, position: Int), b: (deadline: Int, id: UInt64, position: Int))
        -> Bool in (a.deadline, a.id) < (b.deadline, b.id)
    }
    overdueKeys.sort(by: byDeadline)
    soonKeys.sort(by: byDeadline)
    let days = within ?? 30
    if countOnly {
      return CommandOutput(
        "\(overdueKeys.count) overdue, \(soonKeys.count) due within \(days) day\(days == 1 ? "" : "s")\n"
      )
    }
    if resolves, !context.json, let conversation = context.terminal.conversation {
      guard !overdueKeys.isEmpty else { return CommandOutput("nothing is overdue\n") }
      let walk = DuePrompt(
        context: context, conversation: conversation(),
        queue: overdueKeys.map { records[$0.position] })
      return CommandOutput(try walk.run(), notes: context.notes(for: ledger))
    }
    let positions = (overdueKeys + (within == nil ? [] : soonKeys)).map(\.position)
    if context.json {
      var writer = OutputWriter(context.terminal)
      try ClaimJSON.write(positions, of: records, to: &writer)
      return CommandOutput(writer.text, notes: context.notes(for: ledger))
    }
    guard !positions.isEmpty else {
      return CommandOutput(
        "nothing is overdue\(within == nil ? "" : " or due within \(days) days")\n",
        notes: context.notes(for: ledger))
    }
    let overdueCount = overdueKeys.count
    var table = StreamingTable(columns: [
      .init("ID"), .init("DUE"), .init("LATE", alignment: .right), .init("CONF", alignment: .right),
      .init("SOURCE"), .init("TEXT", isFlexible: true),
    ])
    for position in positions {
      // One copy of the claim per row: each copy retains every text of the claim.
      let claim = records[position].claim
      let late = claim.deadline.map { $0.days(until: today) } ?? 0
      table.append([
        records[position].id.description, claim.deadline?.description ?? "—",
        late > 0 ? "\(late)d" : "in \(-late)d", claim.confidence.percent, claim.source, claim.text,
      ])
    }
    let terminal = context.terminal
    var writer = OutputWriter(terminal)
    try table.write(
      width: terminal.isInteractive ? terminal.width ?? 100 : terminal.width,
      style: terminal.usesColour
        ? { row, column, cell in
          column == 2 && row < overdueCount ? terminal.paint(cell, .red) : cell
        } : nil, to: &writer)
    return CommandOutput(writer.text, notes: context.notes(for: ledger))
  }
}
