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
      least text, source and said columns (separated by commas, or by semicolons as European
      spreadsheets save them). Every row is checked before anything is written: one bad row
      stops the import unless --skip-bad is given. Claims whose id is in the ledger already
      are counted and skipped. A file of - is standard input.
      """,
    parameters: [
      .positional("file", help: "The file to read; - reads standard input.").completing(.files),
      .option(
        "--format", value: "FORMAT",
        help: "csv, jsonl or fatebook (default: from the extension and header)."
      ).completing(ImportFormat.self),
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

  /// How messages name standard input.
  static let standardInput = "<stdin>"

  func run(in context: Context) throws -> CommandOutput {
    let path =
      file == "-" || file.hasPrefix("/")
      ? file : (context.workingDirectory as NSString).appendingPathComponent(file)
    let shown =
      file == "-" ? Self.standardInput : ReportFiles.display(path, from: context.workingDirectory)
    // The ledger is asked for first: a missing or torn one is said before a large file is
    // read and checked only to be refused.
    try context.store.refuseUnendedLastLine()
    // A file refused whole (missing, unreadable, no header, an unclosed quote, not UTF-8)
    // still gives a script its object to read, as a file of bad rows does.
    func refusedWhole(_ error: ImportError, format: ImportFormat) throws(ImportError)
      -> CommandOutput
    {
      guard context.json else { throw error }
      return CommandOutput(
        summaryJSON(file: shown, format: format, count: nil, problems: [error], badRows: 0),
        notes: ["error: \(error)"], status: ExitStatus(for: error))
    }
    let file: ImportFile
    do throws(ImportError) {
      if path == "-" {
        guard let input = context.terminal.input else {
          throw ImportError.unreadable(path: shown, reason: "there is no standard input to read")
        }
        file = try ImportFile(descriptor: input, shown: shown)
      } else {
        file = try ImportFile(path: path, shown: shown)
      }
    } catch {
      return try refusedWhole(
        error, format: self.format ?? ClaimImport.guessFormat(path: path, bytes: []))
    }
    let format = self.format ?? ClaimImport.guessFormat(path: path, bytes: file.prefix(1 << 20))
    let lines: ImportLines
    do {
      lines = try ClaimImport.lines(
        file, path: shown, format: format, recordedAt: context.now, today: context.today)
    } catch {
      return try refusedWhole(error, format: format)
    }
    if !lines.problems.isEmpty, !skipsBad || lines.claimCount == 0 {
      // Refused, with the notes on the file (an unknown column may be why) and, with --json,
      // the problems for a script to read. `--skip-bad` skips bad rows among good ones; a
      // file of nothing but bad rows is refused with it too.
      let refusal =
        skipsBad
        ? ImportError.noGoodRows(path: shown, problems: lines.problems)
        : ImportError.badRows(path: shown, problems: lines.problems)
      return CommandOutput(
        context.json
          ? summaryJSON(file: shown, format: format, count: nil, problems: lines.problems) : "",
        notes: lines.notes + ["error: \(refusal)"], status: .dataError)
    }
    var notes = lines.notes + lines.problems.map { "skipped: \($0)" }
    let count = try context.store.importClaims(lines, isDryRun: isDryRun)
    if let note = Self.differingNote(count.differing, file: shown) { notes.append(note) }
    let added = count.added
    if context.json {
      return CommandOutput(
        summaryJSON(file: shown, format: format, count: count, problems: lines.problems),
        notes: notes)
    }
    var summary = isDryRun ? "would import \(added)" : "imported \(added)"
    summary += " claim\(added == 1 ? "" : "s") from \(shown) (\(format.rawValue))"
    if count.present > 0 { summary += "; \(count.present) already in the ledger, skipped" }
    if count.repeated > 0 {
      summary += "; \(count.repeated) repeating a claim earlier in the file, skipped"
    }
    if !lines.problems.isEmpty {
      summary +=
        "; \(lines.problems.count) bad row\(lines.problems.count == 1 ? "" : "s") skipped"
    }
    return CommandOutput(summary + "\n", notes: notes)
  }

  /// Names the claims the ledger has whose rows say something else, the first few with what
  /// differs: an edited export imported again changes nothing, and must say so.
  static func differingNote(_ differing: [ImportDifference], file: String) -> String? {
    guard !differing.isEmpty else { return nil }
    let shown = differing.prefix(5).map { difference in
      "line \(difference.line) (\(difference.id)): "
        + difference.fields.map { "\($0.field) \($0.inLedger) → \($0.inFile)" }
        .joined(separator: ", ")
    }
    let more = differing.count > 5 ? "; and \(differing.count - 5) more" : ""
    let count = differing.count
    return "\(file): \(count) claim\(count == 1 ? "" : "s") the ledger has already "
      + "differ\(count == 1 ? "s" : "") from \(count == 1 ? "its row" : "their rows"), which "
      + "\(count == 1 ? "was" : "were") skipped as the ledger keeps each claim it has: "
      + shown.joined(separator: "; ") + more + "; " + settlingCommands(differing)
  }

  /// The commands that make such changes in the ledger: `amend` for fields, `resolve` for a
  /// resolution, and the decisions for a status proposed or rejected on one side.
  private static func settlingCommands(_ differing: [ImportDifference]) -> String {
    let isDecision = { (status: String) in status == "proposed" || status == "rejected" }
    let decisionDiffers = differing.contains { difference in
      difference.fields.contains {
        $0.field == "status" && (isDecision($0.inLedger) || isDecision($0.inFile))
      }
    }
    return decisionDiffers
      ? "'claims amend', 'claims resolve', 'claims accept', 'claims reject' and "
        + "'claims reopen' change a claim in the ledger"
      : "'claims amend' and 'claims resolve' change a claim in the ledger"
  }

  /// The result as one JSON object: the counts (all 0 when the file was refused, `count` nil)
  /// and each bad row's problem as its message.
  private func summaryJSON(
    file: String, format: ImportFormat, count: ImportCount?, problems: [ImportError],
    badRows: Int? = nil
  ) -> String {
    var json = JSONBuffer()
    json.beginObject()
    json.field("file", file)
    json.field("format", format.rawValue)
    json.key("dry_run")
    json.bool(isDryRun)
    json.key("refused")
    json.bool(count == nil)
    for (key, value) in [
      ("imported", count?.added ?? 0), ("already_present", count?.present ?? 0),
      ("repeated", count?.repeated ?? 0), ("bad_rows", badRows ?? problems.count),
    ] {
      json.key(key)
      json.integer(value)
    }
    json.key("problems")
    json.beginArray()
    for problem in problems { json.string("\(problem)") }
    json.endArray()
    json.key("differing")
    json.beginArray()
    for difference in count?.differing ?? [] {
      json.beginObject()
      json.key("line")
      json.integer(difference.line)
      json.field("id", difference.id.description)
      json.key("fields")
      json.beginArray()
      for change in difference.fields {
        json.beginObject()
        json.field("field", change.field)
        json.field("ledger", change.inLedger)
        json.field("file", change.inFile)
        json.endObject()
      }
      json.endArray()
      json.endObject()
    }
    json.endArray()
    json.endObject()
    return json.text + "\n"
  }
}
