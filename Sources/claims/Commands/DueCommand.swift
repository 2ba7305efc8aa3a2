import ClaimLedger
import ClaimReports

/// `claims due`: open claims past their deadline, oldest first, and those falling due soon.
struct DueCommand: Command {
  static let spec = CommandSpec(
    name: "due",
    abstract: "Open claims past their deadline, oldest first (and those due soon).",
    parameters: [
      .option("--within", value: "DAYS", help: "Also list claims due in the next DAYS days."),
      .flag(
        "--count",
        help: "Print one line, e.g. '3 overdue, 5 due within 30 days' (for a prompt or cron)."),
    ])

  var within: Int?
  var countOnly: Bool

  init(_ input: ParsedInput) throws(UsageError) {
    within = try input.option("--within", as: DayCount.self).map(\.value)
    countOnly = input.flag("--count")
  }

  func run(in context: Context) throws -> CommandOutput {
    let ledger = try context.loadLedger()
    let today = context.today
    let horizon = today.adding(days: within ?? 30)
    var overdue: [ClaimRecord] = []
    var soon: [ClaimRecord] = []
    for record in ledger.records where record.status == .open {
      guard let deadline = record.claim.deadline else { continue }
      if deadline < today {
        overdue.append(record)
      } else if deadline <= horizon {
        soon.append(record)
      }
    }
    let byDeadline: (ClaimRecord, ClaimRecord) -> Bool = {
      ($0.claim.deadline ?? today, $0.id) < ($1.claim.deadline ?? today, $1.id)
    }
    overdue.sort(by: byDeadline)
    soon.sort(by: byDeadline)
    let days = within ?? 30
    if countOnly {
      return CommandOutput(
        "\(overdue.count) overdue, \(soon.count) due within \(days) day\(days == 1 ? "" : "s")\n")
    }
    let listed = overdue + (within == nil ? [] : soon)
    if context.json {
      return CommandOutput(ClaimJSON.render(listed), notes: context.notes(for: ledger))
    }
    guard !listed.isEmpty else {
      return CommandOutput(
        "nothing is overdue\(within == nil ? "" : " or due within \(days) days")\n",
        notes: context.notes(for: ledger))
    }
    var table = TextTable(columns: [
      .init("ID"), .init("DUE"), .init("LATE", alignment: .right), .init("CONF", alignment: .right),
      .init("SOURCE"), .init("TEXT", isFlexible: true),
    ])
    for record in listed {
      let late = record.claim.deadline.map { $0.days(until: today) } ?? 0
      table.append([
        record.id.description, record.claim.deadline?.description ?? "—",
        late > 0 ? "\(late)d" : "in \(-late)d", record.claim.confidence.percent,
        record.claim.source,
        record.claim.text,
      ])
    }
    let terminal = context.terminal
    let text = table.render(width: terminal.isInteractive ? terminal.width ?? 100 : terminal.width)
    { row, column, cell in
      column == 2 && row < overdue.count ? terminal.paint(cell, .red) : cell
    }
    return CommandOutput(text, notes: context.notes(for: ledger))
  }
}
