import ClaimLedger
import ClaimReports
import Foundation

/// `claims report`: writes the yearly scorecards, and prints the paths it wrote.
struct ReportCommand: Command {
  static let spec = CommandSpec(
    name: "report",
    abstract: "Write the scorecards: every source scored on accuracy.",
    discussion: """
      The scorecard of a year scores the claims whose deadline falls in it (--by said: those
      said in it). Without --year, the current year's scorecard and the all-years one are
      written. A resolved claim counts once its deadline has passed. Files are named
      scorecard-YEAR.md (.html, .csv, .json) and scorecard-all.*, in Reports/ beside the
      Claims/ folder unless --out says otherwise.

      Claims that make the same forecast (the same names, kind of event, figures and deadline
      year, in Chinese or English) are scored once, under the source that said it first; the
      later ones are echoes, listed under "Who said it first". --count-echoes scores them too.
      """,
    parameters: [
      .option("--year", value: "YEAR", help: "The year to score (default: this year)."),
      .option("--by", value: "BASIS", help: "due (the deadline's year, default) or said.")
        .completing(ScorecardBasis.self),
      .option("--format", value: "LIST", help: "Any of md,html,csv,json (default: all four).")
        .completing(ReportFormat.self),
      .option("--out", value: "DIR", help: "Where to write (default: Reports/)."),
      .option(
        "--min-resolved", value: "N", help: "Scored claims a source needs to be ranked (default 5)."
      ),
      .option("--group", value: "BY", help: "source (default), via (the outlet) or tag.")
        .completing(Grouping.self),
      .flag(
        "--count-echoes",
        help: "Score claims that repeat an earlier forecast too (default: only the first)."),
    ])

  var year: Int?
  var basis: ScorecardBasis
  var formats: [ReportFormat]
  var outDirectory: String?
  var minResolved: Int
  var grouping: Grouping
  var countsEchoes: Bool

  init(_ input: ParsedInput) throws(UsageError) {
    let name = Self.spec.name
    year = try input.option("--year", as: ReportYear.self)?.value
    basis = try input.option("--by", as: ScorecardBasis.self) ?? .due
    formats = try input.option("--format", as: ReportFormats.self)?.formats ?? ReportFormat.allCases
    outDirectory = try input.text("--out")
    minResolved = try input.option("--min-resolved", as: ClaimCount.self)?.value ?? 5
    grouping = try input.option("--group", as: Grouping.self) ?? .source
    countsEchoes = input.flag("--count-echoes")
    if outDirectory?.isEmpty == true { throw UsageError("--out needs a folder", command: name) }
  }

  func run(in context: Context) throws -> CommandOutput {
    let aliases = try context.sourceAliases()
    let (nameScan, textFacts) = try ClaimSubjects.nameScanAndCache(context: context)
    let years: [Int?] = year.map { [$0] } ?? [context.today.year, nil]
    let directory =
      outDirectory.map { LedgerLocator.resolved($0, in: context.workingDirectory) }
      ?? ReportFiles.defaultDirectory(
        ledgerPath: context.ledgerPath, workingDirectory: context.workingDirectory)
    let builders = years.map { year in
      var builder = ScorecardBuilder(
        year: year, by: basis, today: context.today, minResolved: minResolved, grouping: grouping,
        aliases: aliases, ledgerSHA256: "", nameScan: nameScan)
      builder.countsEchoes = countsEchoes
      return builder
    }
    let scoring = LedgerScoring(
      store: context.store, nameScan: nameScan, textFacts: textFacts,
      snapshots: textFacts.map {
        ScoringSnapshotCache(textFacts: $0, buildStamp: BuildStamp.current)
      })
    let scored = try scoring.scorecards(builders)
    context.terminal.output?.keepUntilExit(scored.sources)
    let sideFiles = context.sideFileDigests()
    let cards = scored.cards.map { $0.naming(ledgerSHA256: scored.sha256, sideFiles: sideFiles) }
    // Every file is written and synced under its temporary name first, then all are renamed:
    // a stop (Ctrl-C, `kill`) while they are written leaves every old scorecard, and one that
    // comes during the renames waits for the last.
    var written: [String] = []
    try withExtendedLifetime(StopSignalHold()) { () throws(ReportError) in
      var finished: [ReplacementFile] = []
      for (year, card) in zip(years, cards) {
        for format in formats {
          let path = (directory as NSString).appendingPathComponent(
            "scorecard-\(year.map(String.init) ?? "all").\(format.rawValue)")
          finished.append(try ReportFiles.prepare(format.render(card), to: path))
          written.append(path)
        }
      }
      for file in finished { try file.rename() }
    }
    let shown = written.map { ReportFiles.display($0, from: context.workingDirectory) }
    guard context.json else {
      return CommandOutput(
        shown.map { "wrote \($0)\n" }.joined(),
        notes: context.notes(problemCount: scored.problemCount, scoring: true))
    }
    var json = JSONBuffer()
    json.beginObject()
    json.field("ledger_sha256", scored.sha256)
    json.key("written")
    json.strings(written)
    json.endObject()
    return CommandOutput(
      json.text + "\n", notes: context.notes(problemCount: scored.problemCount, scoring: true))
  }
}
