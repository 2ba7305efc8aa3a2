import ClaimLedger
import ClaimReports

/// `claims due`: open claims past their deadline, those that matter most first, and those
/// falling due soon.
struct DueCommand: Command {
  static let spec = CommandSpec(
    name: "due",
    abstract: "Open claims past their deadline, those that matter most first (and those due soon).",
    discussion: """
      Overdue claims come in order of IMPACT, the most settling each could move its source's
      Brier score: max(|p² − B|, |(1 − p)² − B|) / (n + 1) for a claim of confidence p from a
      source with n scored claims and Brier score B (0 when n is 0). Confident claims from
      sources with few scored claims come first; equal ones, oldest deadline first. Claims due
      soon follow by deadline. --by-subject gathers the claims about one subject (a name the
      lexicon knows), so one search settles several; claims due soon are gathered apart, each
      group where its soonest claim falls.

      With --resolve on a terminal, shows each overdue claim and reads one key:

      \(DuePrompt.help)
      With --by-subject, a subject with several claims is offered first as a group:

      \(DuePrompt.groupHelp)
      Not on a terminal, or with --json, --resolve lists as usual.
      """,
    parameters: [
      .option("--within", value: "DAYS", help: "Also list claims due in the next DAYS days."),
      .flag(
        "--count",
        help:
          "Print one line, e.g. '3 overdue, 5 due within 30 days' (for a prompt or cron); "
          + "due soon means within --within DAYS, 30 without it. With --json, one object."),
      .flag(
        "--resolve",
        help: "On a terminal, walk the overdue claims and settle each with a key (t f p v l s q)."),
      .flag("--by-subject", help: "Gather the claims about one subject, biggest impact first."),
    ])

  var within: Int?
  var countOnly: Bool
  var resolves: Bool
  var bySubject: Bool

  init(_ input: ParsedInput) throws(UsageError) {
    within = try input.option("--within", as: DayCount.self).map(\.value)
    countOnly = input.flag("--count")
    resolves = input.flag("--resolve")
    bySubject = input.flag("--by-subject")
    if resolves, countOnly {
      throw UsageError("--resolve and --count do not go together", command: Self.spec.name)
    }
    if bySubject, countOnly {
      throw UsageError("--by-subject and --count do not go together", command: Self.spec.name)
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
    // A claim resolved twice differently (a merge) is unsettled, and counted as open as the
    // scores count it, until a resolution settles it.
    for position in records.indices where records[position].scoredStatus == .open {
      guard let deadline = records[position].deadline else { continue }
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
    soonKeys.sort(by: byDeadline)
    let days = within ?? 30
    if countOnly {
      if context.json {
        return CommandOutput(
          "{\"overdue\":\(overdueKeys.count),\"due_soon\":\(soonKeys.count),\"within_days\":\(days)}\n"
        )
      }
      return CommandOutput(
        "\(overdueKeys.count) overdue, \(soonKeys.count) due within \(days) day\(days == 1 ? "" : "s")\n"
      )
    }
    let aliases = try context.sourceAliases()
    // Subjects are read from the claims' words with the lexicon (`Claims/lexicon.json` too):
    // only when asked for, so a plain `due` reads no lexicon and no text.
    let subject = bySubject ? try ClaimSubjects.finder(context: context) : { _ in nil }
    let ranked = ResolutionQueue.order(
      records, indices: overdueKeys.map(\.position), today: today,
      canonical: { aliases.canonical($0) }, subject: subject)
    let groups =
      bySubject
      ? ResolutionQueue.grouped(ranked)
      : ranked.map { ResolutionQueue.Group(subject: $0.subject, items: [$0]) }
    let overdue = groups.flatMap(\.items)
    if resolves, !context.json, let conversation = context.terminal.conversation {
      guard !overdue.isEmpty else {
        return CommandOutput("", notes: context.notes(for: ledger) + ["nothing is overdue"])
      }
      var spans: [Range<Int>] = []
      for group in groups {
        let start = spans.last?.upperBound ?? 0
        spans.append(start..<start + group.items.count)
      }
      var walk = DuePrompt(
        context: context, conversation: conversation(), queue: overdue.map { records[$0.index] })
      walk.groups = spans
      walk.groupSubject = subject
      return CommandOutput(try walk.run(), notes: context.notes(for: ledger))
    }
    let impacts = Dictionary(uniqueKeysWithValues: overdue.map { ($0.index, $0.impact) })
    // Claims due soon are gathered by subject too, each group where its soonest claim falls.
    let soon =
      within == nil
      ? []
      : soonKeys.map { key in
        ResolutionQueue.Item(
          index: key.position, impact: 0,
          subject: bySubject ? records[key.position].withClaim(subject) : nil)
      }
    let soonOrder = bySubject ? ResolutionQueue.grouped(soon).flatMap(\.items) : soon
    let subjects = Dictionary(
      uniqueKeysWithValues: (overdue + soon).map { ($0.index, $0.subject) })
    let positions = overdue.map(\.index) + soonOrder.map(\.index)
    if context.json {
      // Each claim as `list --json` has it, then what the table shows beside it.
      let extras: @Sendable (Int) -> [UInt8] = { position in
        var json = JSONBuffer()
        json.key("days_late")
        if let deadline = records[position].deadline {
          json.integer(deadline.days(until: today))
        } else {
          json.null()
        }
        json.key("impact")
        // Six places, as a person reads it: the sum leaves float noise (0.48999999999999994).
        if let impact = impacts[position] {
          json.number((impact * 1e6).rounded() / 1e6)
        } else {
          json.null()
        }
        json.key("subject")
        json.optionalString(subjects[position] ?? nil)
        return [UInt8(ascii: ",")] + json.bytes
      }
      var writer = OutputWriter(context.terminal)
      try ClaimJSON.write(positions, of: records, to: &writer, extras: extras)
      return CommandOutput(writer.text, notes: context.notes(for: ledger))
    }
    guard !positions.isEmpty else {
      // On standard error, as `list` says no claim matches: `claims due | wc -l` counts claims.
      let soon = within == nil ? "" : " or due within \(days) day\(days == 1 ? "" : "s")"
      return CommandOutput("", notes: context.notes(for: ledger) + ["nothing is overdue" + soon])
    }
    let overdueCount = overdue.count
    let lead: [TextTable.Column] = bySubject ? [.init("SUBJECT")] : []
    let lateColumn = lead.count + 2
    let table = StreamingTable(
      columns: lead + [
        .init("ID"), .init("DUE"), .init("LATE", alignment: .right),
        .init("CONF", alignment: .right), .init("IMPACT", alignment: .right),
        .init("SOURCE", yieldsToFlexible: true),
        .init("TEXT", isFlexible: true),
      ], count: positions.count
    ) { row in
      let position = positions[row]
      // One copy of the claim per row: each copy retains every text of the claim.
      let claim = records[position].claim
      let late = claim.deadline.map { $0.days(until: today) } ?? 0
      let row = [
        records[position].id.description, claim.deadline?.description ?? "—",
        late > 0 ? "\(late)d" : "in \(-late)d", claim.confidence.percent,
        // Under its canonical name, as `list` shows it and as IMPACT counts it.
        impacts[position].map { DecimalFormat.fixed($0, places: 3) } ?? "—",
        aliases.canonical(claim.source),
        (records[position].hasConflictingResolutions ? "(resolutions conflict) " : "") + claim.text,
      ]
      return bySubject ? [(subjects[position] ?? nil) ?? "—"] + row : row
    }
    let terminal = context.terminal
    var writer = OutputWriter(terminal)
    try table.write(
      width: terminal.isInteractive ? terminal.width ?? 100 : terminal.width,
      style: terminal.usesColour
        ? { row, column, cell in
          column == lateColumn && row < overdueCount ? terminal.paint(cell, .red) : cell
        } : nil, to: &writer)
    return CommandOutput(writer.text, notes: context.notes(for: ledger))
  }
}
