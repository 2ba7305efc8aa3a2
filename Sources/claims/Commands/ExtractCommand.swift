import ClaimExtractor
import ClaimLedger
import Foundation

/// `claims extract`: proposes the forecasts it finds in articles, for review.
struct ExtractCommand: Command {
  static let spec = CommandSpec(
    name: "extract",
    abstract: "Propose the forecasts found in articles.",
    discussion: """
      Reads UTF-8 Markdown or plain text (front matter, header lines, bylines and digest
      sections are understood) and appends each forecast as a proposed claim, to accept or
      reject later. Ids are stable, so reading an article again proposes nothing new. A file
      that cannot be read is reported and the others are still read; the status is then 65
      (66 when every such file could not be read at all: missing, a folder, a device, not
      permitted). An article dated after today needs --said.
      """,
    parameters: [
      .positional("file", help: "Articles to read; - reads standard input.", variadic: true)
        .completing(.files),
      .option("--source", value: "NAME", help: "Who made the forecasts, whatever the text says."),
      .option("--said", value: "DATE", help: "When they were made, whatever the text says."),
      .option("--url", value: "URL", help: "Where the article was published."),
      .flag("--dry-run", help: "Show what would be proposed; write nothing."),
    ])

  var files: [String]
  var overrides: ExtractionOverrides
  var isDryRun: Bool

  init(_ input: ParsedInput) throws(UsageError) {
    files = input.positionals("file")
    guard !files.isEmpty else {
      throw UsageError(
        "name at least one article, or - for standard input", command: Self.spec.name)
    }
    guard files.filter({ $0 == "-" }).count <= 1 else {
      throw UsageError("standard input (-) can be read once", command: Self.spec.name)
    }
    overrides = ExtractionOverrides(
      source: try input.text("--source"), said: try input.option("--said", as: Day.self),
      url: try input.link("--url"))
    isDryRun = input.flag("--dry-run")
  }

  func run(in context: Context) throws -> CommandOutput {
    // A bad value is a usage error whatever the ledger is; today is known only here.
    if let said = overrides.said, said > context.today {
      throw UsageError("--said \(said) is after today (\(context.today))", command: Self.spec.name)
    }
    // A missing ledger is said before any article is read, so no article's report is lost.
    if !isDryRun, !FileManager.default.fileExists(atPath: context.ledgerPath) {
      throw LedgerError.notFound(path: context.ledgerPath)
    }
    let extractor = Extractor(lexicon: try ExtractorLexicon.load(context: context))
    var found: [(file: String, proposals: [Proposal], repeats: Int)] = []
    var failures: [ExtractionError] = []
    var seen = Set<ClaimID>()
    let showsProgress = files.count > 1
    for (index, file) in files.enumerated() {
      if showsProgress {
        context.terminal.progress?(CLI.visible("[\(index + 1)/\(files.count)] \(file)"))
      }
      do throws(ExtractionError) {
        let bytes =
          file == "-"
          ? try Self.standardInput()
          : try ArticleFile.read(path: LedgerLocator.resolved(file, in: context.workingDirectory))
        let proposals = try extractor.proposals(fromBytes: bytes, path: file, overrides: overrides)
        // No claim is said after today (`add` and `accept` refuse it): a wrong date in the
        // article, or a clock behind its time zone, is said now rather than queued.
        if let said = proposals.lazy.compactMap(\.claim.said).first(where: { $0 > context.today }) {
          throw ExtractionError.datedAfterToday(path: file, said: said, today: context.today)
        }
        // A claim another file of this run proposed already is known, not proposed twice.
        let firsts = proposals.filter { seen.insert($0.id).inserted }
        found.append((file, firsts, proposals.count - firsts.count))
      } catch {
        failures.append(error)
      }
    }
    if showsProgress { context.terminal.progress?("") }
    let proposals = found.flatMap(\.proposals)
    let inLedger = try isDryRun ? knownIDs(proposals, in: context) : record(proposals, in: context)
    let text =
      context.json
      ? ProposalReport.jsonLines(proposals, at: context.now)
      : ProposalReport.table(
        found.map { result in
          let fresh = result.proposals.filter { !inLedger.contains($0.id) }
          return ProposalReport.FileResult(
            file: result.file, fresh: fresh,
            known: result.repeats + result.proposals.count - fresh.count)
        }, isDryRun: isDryRun, terminal: context.terminal)
    let notes = failures.map { "error: \($0)" }
    let status: ExitStatus =
      failures.isEmpty
      ? .success
      : failures.allSatisfy(\.isUnread) ? .noInput : .dataError
    return CommandOutput(text, notes: notes, status: status)
  }

  /// Standard input, whole and at most `ArticleFile.sizeLimit` bytes (`extract - < /dev/zero`
  /// ends with an error, not with memory exhausted); a closed or unreadable input is an error
  /// naming `-`.
  private static func standardInput() throws(ExtractionError) -> [UInt8] {
    try ArticleFile.read(descriptor: STDIN_FILENO, path: "-")
  }

  /// Appends the proposals the ledger does not hold yet, under one lock; returns the ids it
  /// held already.
  private func record(_ proposals: [Proposal], in context: Context) throws(LedgerError)
    -> Set<ClaimID>
  {
    guard !proposals.isEmpty else { return [] }
    return try context.store.update { ledger throws(LedgerError) in
      var known = Set<ClaimID>()
      var entries: [Entry] = []
      for proposal in proposals {
        let id = proposal.id
        if ledger.record(for: id) != nil {
          known.insert(id)
        } else {
          entries.append(
            Entry(id: id, at: context.now, body: .claim(proposal.claim, status: .proposed)))
        }
      }
      return (entries, known)
    }
  }

  private func knownIDs(_ proposals: [Proposal], in context: Context) throws(LedgerError)
    -> Set<ClaimID>
  {
    guard FileManager.default.fileExists(atPath: context.ledgerPath) else { return [] }
    let ledger = try context.loadLedger()
    return Set(proposals.map(\.id).filter { ledger.record(for: $0) != nil })
  }
}
