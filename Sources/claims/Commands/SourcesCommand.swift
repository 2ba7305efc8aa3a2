import ClaimLedger
import ClaimReports

/// `claims sources`: each source with its claim counts and its track record over all years.
struct SourcesCommand: Command {
  static let spec = CommandSpec(
    name: "sources",
    abstract: "Each source with its claim counts and track record.",
    discussion: """
      Names listed as aliases in Claims/sources.json count as their canonical source. The
      track record is scored as in the scorecards: claims resolved and past their deadline,
      void left out, a forecast said again by another source scored only under the first
      (--count-echoes scores the echoes too); RANK is by shrunk accuracy among sources with at
      least N scored claims (--min-resolved, default 5), ties ordered as in the scorecards.

      With --hedges, each hedge word read in at least N scored claims of SOURCE, or of all
      sources: how often what the word bet on happened, with a Wilson 95% interval, beside the
      value the hedge table assumes; * after a word marks a table value outside the interval.
      """,
    parameters: [
      .positional("source", help: "Only this source (a name or an alias).", optional: true),
      .flag("--hedges", help: "What each hedge word turned out to mean, not the counts."),
      .option(
        "--min-resolved", value: "N",
        help: "Scored claims a source needs to be ranked, and a word to be listed (default 5)."),
      .flag(
        "--count-echoes",
        help: "Score claims that repeat an earlier forecast too (default: only the first)."),
    ])

  var source: String?
  var showsHedges: Bool
  var minResolved: Int
  var countsEchoes: Bool

  init(_ input: ParsedInput) throws(UsageError) {
    source = input.positional("source")
    showsHedges = input.flag("--hedges")
    minResolved = try input.option("--min-resolved", as: ClaimCount.self)?.value ?? 5
    countsEchoes = input.flag("--count-echoes")
    if source?.trimmingSpaces().isEmpty == true {
      throw UsageError("SOURCE needs a name", command: Self.spec.name)
    }
  }

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
    // Named without regard to case, as `list --source` and `export --source` take it.
    // Any spelling of the source, as `list --source` takes it.
    let only = source.map { aliases.sourceKey($0) }
    // Echoes are found as the scorecards find them, through the cache of what claims' words
    // say; counted with the rest, they need no words read.
    var facts: ClaimTextFacts?
    if !countsEchoes {
      let (nameScan, cache) = try ClaimSubjects.nameScanAndCache(context: context)
      facts = ClaimTextFacts(ledger.records, nameScan: nameScan, cache: cache)
    }
    if showsHedges {
      // Each spelling normalised once, as the tally below does.
      var spellings: Set<String> = []
      if let only, let source,
        !ledger.records.contains(where: { record in
          let written = record.withClaim { $0.source }
          return spellings.insert(written).inserted
            && aliases.sourceKey(aliases.canonical(written)) == only
        })
      {
        return CommandOutput(
          "",
          notes: context.notes(for: ledger, scoring: true) + [
            "no claim has the source '\(aliases.canonical(source))'"
          ])
      }
      let card = ScorecardBuilder.allYears(
        from: ledger.records, today: context.today, minResolved: minResolved,
        canonical: { aliases.canonical($0) }, facts: facts, countsEchoes: countsEchoes)
      let readings = only.map { name in
        card.hedgeReadings.filter { $0.name.map { aliases.sourceKey($0) } == name }
      }
      return HedgeWordsTable.output(
        readings ?? card.hedgeTable, minResolved: minResolved, context: context,
        notes: context.notes(for: ledger, scoring: true))
    }
    // Each source as written is mapped to its canonical name once, and counted in place: a
    // million claims would otherwise normalise a name and copy a tally each.
    var tallies: [Tally] = []
    var slotOfName: [String: Int] = [:]
    var slotOfWritten: [String: Int?] = [:]
    let claims = ledger.records
    for index in claims.indices {
      let written = claims[index].withClaim { $0.source }
      let slot: Int?
      if let known = slotOfWritten[written] {
        slot = known
      } else {
        let name = aliases.canonical(written)
        if let only, aliases.sourceKey(name) != only {
          slot = nil
        } else {
          slot = slotOfName[name] ?? tallies.count
          if slot == tallies.count {
            slotOfName[name] = tallies.count
            tallies.append(Tally(source: name))
          }
        }
        slotOfWritten[written] = slot
      }
      guard let slot else { continue }
      tallies[slot].claims += 1
      // As the track record scores it: a claim whose resolutions conflict is open.
      switch claims[index].scoredStatus {
      case .proposed: tallies[slot].proposed += 1
      case .open: tallies[slot].open += 1
      case .resolved: tallies[slot].resolved += 1
      case .rejected: tallies[slot].rejected += 1
      }
      if claims[index].isOverdue(on: context.today) { tallies[slot].overdue += 1 }
      if let outcome = claims[index].scoredResolution?.outcome {
        tallies[slot].outcomes[outcome, default: 0] += 1
      }
    }
    let sorted = tallies.sorted { ($1.claims, $0.source) < ($0.claims, $1.source) }
    let records = Dictionary(
      ScorecardBuilder.trackRecords(
        from: ledger.records, today: context.today, minResolved: minResolved,
        canonical: { aliases.canonical($0) }, facts: facts, countsEchoes: countsEchoes
      ).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    if context.json {
      return CommandOutput(
        json(sorted, records: records), notes: context.notes(for: ledger, scoring: true))
    }
    guard !sorted.isEmpty else {
      let why =
        source.map { "no claim has the source '\(aliases.canonical($0))'" } ?? "the ledger is empty"
      return CommandOutput("", notes: context.notes(for: ledger, scoring: true) + [why])
    }
    var table = TextTable(columns: [
      .init("SOURCE", isFlexible: true), .init("CLAIMS", alignment: .right),
      .init("PROPOSED", alignment: .right),
      .init("OPEN", alignment: .right), .init("OVERDUE", alignment: .right),
      .init("RESOLVED", alignment: .right),
      .init("TRUE", alignment: .right), .init("FALSE", alignment: .right),
      .init("PARTIAL", alignment: .right),
      .init("VOID", alignment: .right), .init("REJECTED", alignment: .right),
      .init("SCORED", alignment: .right), .init("ACCURACY", alignment: .right),
      .init("BRIER", alignment: .right), .init("RANK", alignment: .right),
    ])
    for tally in sorted {
      table.append(
        [tally.source]
          + [
            tally.claims, tally.proposed, tally.open, tally.overdue, tally.resolved,
            tally.outcomes[.true] ?? 0, tally.outcomes[.false] ?? 0, tally.outcomes[.partial] ?? 0,
            tally.outcomes[.void] ?? 0, tally.rejected,
          ].map(String.init) + TrackColumns.cells(records[tally.source]))
    }
    let terminal = context.terminal
    return CommandOutput(
      table.render(width: terminal.isInteractive ? terminal.width ?? 100 : terminal.width),
      notes: context.notes(for: ledger, scoring: true))
  }

  private func json(_ tallies: [Tally], records: [String: TrackRecord]) -> String {
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
      let figures = records[tally.source]?.figures
      json.key("scored")
      json.integer(figures?.scored ?? 0)
      for (name, value) in [
        ("accuracy", figures?.accuracy), ("brier", figures?.brier),
        ("shrunk_accuracy", figures?.shrunkAccuracy),
      ] {
        json.figure(name, value)
      }
      json.key("rank")
      if let rank = records[tally.source]?.rank { json.integer(rank) } else { json.null() }
      json.endObject()
    }
    json.endArray()
    return json.text + "\n"
  }
}

extension JSONBuffer {
  /// A figure with four decimals, as the scorecards give them, or null.
  mutating func figure(_ name: String, _ value: Double?) {
    key(name)
    if let value { number((value * 10_000).rounded() / 10_000) } else { null() }
  }
}

/// The track-record cells of a source's row: scored, accuracy, Brier, rank.
enum TrackColumns {
  static func cells(_ record: TrackRecord?) -> [String] {
    guard let figures = record?.figures, figures.scored > 0 else { return ["0", "—", "—", "—"] }
    return [
      String(figures.scored),
      figures.accuracy.map { "\(Int(($0 * 100).rounded()))%" } ?? "—",
      figures.brier.map { DecimalFormat.fixed($0, places: 3) } ?? "—",
      record?.rank.map(String.init) ?? "—",
    ]
  }
}
