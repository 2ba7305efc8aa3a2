import ClaimLedger
import Foundation

extension ImportFormat: ArgumentValue {
  init?(argument: String) { self.init(rawValue: argument.lowercased()) }
  static var expectation: String { "csv, jsonl or fatebook" }
}

/// `claims import`: claims from a CSV or JSON Lines file, each with its said date and outcome.
struct ImportCommand: Command {
  static let spec = CommandSpec(
    name: "import",
    abstract: "Add the claims of a CSV, JSON Lines or Fatebook file to the ledger.",
    discussion: """
      Reads what 'claims export' writes, a Fatebook CSV, or a spreadsheet saved as CSV with at
      least text, source and said columns. Every row is checked before anything is written:
      one bad row stops the import unless --skip-bad is given. Claims whose id is in the
      ledger already are counted and skipped.
      """,
    parameters: [
      .positional("file", help: "The file to read."),
      .option(
        "--format", value: "FORMAT",
        help: "csv, jsonl or fatebook (default: from the extension and header)."),
      .flag("--dry-run", help: "Check and count, but write nothing."),
      .flag("--skip-bad", help: "Import the good rows and report the bad ones."),
    ])

  var file: String
  var format: ImportFormat?
  var isDryRun: Bool
  var skipsBad: Bool

  init(_ input: ParsedInput) throws(UsageError) {
    file = try TextArgument.nonEmpty(
      try input.required("file"), option: "<file>", command: Self.spec.name)
    format = try input.option("--format", as: ImportFormat.self)
    isDryRun = input.flag("--dry-run")
    skipsBad = input.flag("--skip-bad")
  }

  /// The file's bytes; the `Data` read is released on return, not held beside its copy.
  private static func contents(of path: String, shown: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ImportError.notFound(path: shown)
    }
    return [UInt8](data)
  }

  /// Claims encoded and written at a time: a few megabytes of journal.
  static let batchSize = 16_384

  func run(in context: Context) throws -> CommandOutput {
    let path =
      file.hasPrefix("/")
      ? file : (context.workingDirectory as NSString).appendingPathComponent(file)
    let shown = ReportFiles.display(path, from: context.workingDirectory)
    let bytes = try Self.contents(of: path, shown: shown)
    let format = self.format ?? ClaimImport.guessFormat(path: path, bytes: bytes)
    let reading = try ClaimImport.read(bytes, path: shown, format: format)
    if !reading.problems.isEmpty, !skipsBad {
      throw ImportError.badRows(path: shown, problems: reading.problems)
    }
    let notes = reading.notes + reading.problems.map { "skipped: \($0)" }
    let claims = reading.claims
    // The positions of the claims the ledger lacks, found under the lock.
    var newClaims: [Int] = []
    let decide = { (ledger: Ledger) throws(LedgerError) -> (batchCount: Int, result: (Int, Int)) in
      var seen = Set<ClaimID>()
      seen.reserveCapacity(claims.count)
      for position in claims.indices {
        let id = claims[position].id
        if ledger.record(for: id) == nil, seen.insert(id).inserted { newClaims.append(position) }
      }
      let batchCount = (newClaims.count + Self.batchSize - 1) / Self.batchSize
      return (isDryRun ? 0 : batchCount, (newClaims.count, claims.count - newClaims.count))
    }
    let now = context.now
    let (added, present) =
      isDryRun
      ? try decide(try context.store.load()).result
      : try context.store.update(inBatches: decide) { batch in
        let start = batch * Self.batchSize
        return newClaims[start..<min(newClaims.count, start + Self.batchSize)]
          .flatMap { claims[$0].entries(at: now) }
      }
    var summary = isDryRun ? "would import \(added)" : "imported \(added)"
    summary += " claim\(added == 1 ? "" : "s") from \(shown) (\(format.rawValue))"
    if present > 0 { summary += "; \(present) already in the ledger, skipped" }
    if !reading.problems.isEmpty {
      summary +=
        "; \(reading.problems.count) bad row\(reading.problems.count == 1 ? "" : "s") skipped"
    }
    return CommandOutput(summary + "\n", notes: notes)
  }
}
