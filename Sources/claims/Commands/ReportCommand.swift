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
      """,
    parameters: [
      .option("--year", value: "YEAR", help: "The year to score (default: this year)."),
      .option("--by", value: "BASIS", help: "due (the deadline's year, default) or said."),
      .option("--format", value: "LIST", help: "Any of md,html,csv,json (default: all four)."),
      .option("--out", value: "DIR", help: "Where to write (default: Reports/)."),
      .option(
        "--min-resolved", value: "N", help: "Scored claims a source needs to be ranked (default 5)."
      ),
      .option("--group", value: "BY", help: "source (default), via (the outlet) or tag."),
    ])

  var year: Int?
  var basis: ScorecardBasis
  var formats: [ReportFormat]
  var outDirectory: String?
  var minResolved: Int
  var grouping: Grouping

  init(_ input: ParsedInput) throws(UsageError) {
    let name = Self.spec.name
    year = try input.option("--year", as: ReportYear.self)?.value
    basis = try input.option("--by", as: ScorecardBasis.self) ?? .due
    formats = try input.option("--format", as: ReportFormats.self)?.formats ?? ReportFormat.allCases
    outDirectory = try input.text("--out")
    minResolved = try input.option("--min-resolved", as: DayCount.self)?.value ?? 5
    grouping = try input.option("--group", as: Grouping.self) ?? .source
    if outDirectory?.isEmpty == true { throw UsageError("--out needs a folder", command: name) }
  }

  func run(in context: Context) throws -> CommandOutput {
    // Hashing is sequential; it runs beside the load, which keeps the other core busy.
    let digest = BackgroundResult { [store = context.store] () throws(LedgerError) in
      try store.sha256()
    }
    let ledger = try context.loadLedger()
    let aliases = try context.sourceAliases()
    let sha256 = try digest.value()
    let years: [Int?] = year.map { [$0] } ?? [context.today.year, nil]
    let directory =
      outDirectory.map { LedgerLocator.resolved($0, in: context.workingDirectory) }
      ?? ReportFiles.defaultDirectory(
        ledgerPath: context.ledgerPath, workingDirectory: context.workingDirectory)
    var written: [String] = []
    for year in years {
      let card = ScorecardBuilder(
        year: year, by: basis, today: context.today, minResolved: minResolved, grouping: grouping,
        aliases: aliases, ledgerSHA256: sha256
      ).build(from: ledger.records)
      for format in formats {
        let path = (directory as NSString).appendingPathComponent(
          "scorecard-\(year.map(String.init) ?? "all").\(format.rawValue)")
        try ReportFiles.write(format.render(card), to: path)
        written.append(path)
      }
    }
    return CommandOutput(
      written.map { "wrote \(ReportFiles.display($0, from: context.workingDirectory))\n" }.joined(),
      notes: context.notes(for: ledger))
  }
}

/// A scorecard file format.
enum ReportFormat: String, CaseIterable {
  case md, html, csv, json

  func render(_ card: Scorecard) -> String {
    switch self {
    case .md: MarkdownRenderer().render(card)
    case .html: HTMLRenderer().render(card)
    case .csv: CSVRenderer().render(card)
    case .json: JSONRenderer().render(card)
    }
  }
}

/// `--format md,html`: formats separated by commas, each once.
struct ReportFormats: ArgumentValue {
  let formats: [ReportFormat]

  init?(argument: String) {
    var formats: [ReportFormat] = []
    for word in argument.split(separator: ",", omittingEmptySubsequences: false) {
      let name = word.trimmingCharacters(in: .whitespaces).lowercased()
      guard let format = ReportFormat(rawValue: name == "markdown" ? "md" : name) else {
        return nil
      }
      if !formats.contains(format) { formats.append(format) }
    }
    guard !formats.isEmpty else { return nil }
    self.formats = formats
  }

  static var expectation: String { "formats from md, html, csv and json, separated by commas" }
}

/// A year from 1900 to 2199.
struct ReportYear: ArgumentValue {
  let value: Int

  init?(argument: String) {
    guard let value = Int(argument), (1900...2199).contains(value) else { return nil }
    self.value = value
  }

  static var expectation: String { "a year such as 2026" }
}

extension ScorecardBasis: ArgumentValue {
  init?(argument: String) { self.init(rawValue: argument.lowercased()) }
  static var expectation: String { "due or said" }
}

extension Grouping: ArgumentValue {
  init?(argument: String) { self.init(rawValue: argument.lowercased()) }
  static var expectation: String { "source, via or tag" }
}

/// Where scorecards go and how they get there.
enum ReportFiles {
  /// `Reports/` beside the `Claims/` folder that holds the ledger, else in the working folder.
  static func defaultDirectory(ledgerPath: String, workingDirectory: String) -> String {
    let claims = (ledgerPath as NSString).deletingLastPathComponent
    let root =
      (claims as NSString).lastPathComponent == "Claims"
      ? (claims as NSString).deletingLastPathComponent : workingDirectory
    return (root as NSString).appendingPathComponent("Reports")
  }

  /// Writes a whole file at once: a reader sees the old file or the new one, never half.
  static func write(_ text: String, to path: String) throws(ReportError) {
    let directory = (path as NSString).deletingLastPathComponent
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw .cannotCreate(path: path, reason: Self.reason(error))
    }
  }

  /// A path as the person typed their way to it: relative to the working folder when inside it.
  static func display(_ path: String, from workingDirectory: String) -> String {
    let prefix = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }

  private static func reason(_ error: any Error) -> String {
    let code = (error as NSError).code
    if (error as NSError).domain == NSCocoaErrorDomain, code == NSFileWriteNoPermissionError {
      return "permission denied"
    }
    return (error as NSError).localizedFailureReason ?? error.localizedDescription
  }
}

/// A value computed on another thread, waited for when it is needed.
final class BackgroundResult<Value: Sendable>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var result: Result<Value, LedgerError>?

  init(_ work: @escaping @Sendable () throws(LedgerError) -> Value) {
    DispatchQueue.global().async {
      let outcome: Result<Value, LedgerError>
      do throws(LedgerError) {
        outcome = .success(try work())
      } catch {
        outcome = .failure(error)
      }
      self.result = outcome
      self.done.signal()
    }
  }

  /// Waits for the work and returns its value or throws its error.
  func value() throws(LedgerError) -> Value {
    done.wait()
    // The semaphore orders the write before this read.
    switch result {
    case .success(let value): return value
    case .failure(let error): throw error
    case nil: throw .unreadable(path: "", reason: "the background work did not finish")
    }
  }
}
