import ClaimLedger
import ClaimReports
import Foundation

extension ExportFormat: ArgumentValue {
  init?(argument: String) { self.init(rawValue: argument.lowercased()) }
  static var expectation: String { "csv, jsonl, fatebook or claimreview" }
}

/// `claims export`: the folded claims in a format other tools read.
struct ExportCommand: Command {
  static let spec = CommandSpec(
    name: "export",
    abstract: "Write the claims as CSV, JSON Lines, Fatebook CSV or ClaimReview JSON-LD.",
    discussion: """
      csv and jsonl hold every field and read back with 'claims import'. fatebook writes
      Fatebook's spreadsheet-import columns, for the open and resolved claims unless
      --status asks for others; claimreview writes schema.org ClaimReview for the resolved
      claims. An --out that is a pipe or a device is written into; a file is replaced whole.
      The README's "Export and import" section has the mappings.
      """,
    parameters: [
      .option(
        "--format", value: "FORMAT", help: "csv, jsonl, fatebook or claimreview.", required: true
      ).completing(ExportFormat.self),
      .option("--status", value: "STATUS", help: "Only claims that are proposed, open, …")
        .completing(Status.self),
      .option(
        "--source", value: "NAME", help: "One source (aliases in Claims/sources.json count)."),
      .option("--out", value: "FILE", help: "Write to FILE instead of standard output (- is it).")
        .completing(.files),
    ], printsJSON: false)

  var format: ExportFormat
  var filter = ClaimFilter()
  var out: String?

  /// Names of standard output itself: written to as `-` is, so the summary line stays out of
  /// the export.
  static let standardOutputNames: Set<String> = [
    "-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1",
  ]

  init(_ input: ParsedInput) throws(UsageError) {
    guard let format = try input.option("--format", as: ExportFormat.self) else {
      throw UsageError(
        "--format is required (csv, jsonl, fatebook or claimreview)", command: Self.spec.name)
    }
    self.format = format
    filter.status = try input.option("--status", as: Status.self)
    filter.source = try input.text("--source")
    // `-` is standard output, as for most tools that take a file.
    out = try input.text("--out").flatMap { Self.standardOutputNames.contains($0) ? nil : $0 }
  }

  func run(in context: Context) throws -> CommandOutput {
    let ledger = try context.loadLedger()
    let aliases = try context.sourceAliases()
    var filter = self.filter
    filter.source = filter.source.map(aliases.canonical)
    let records = ledger.records
    // Without a condition every claim is kept, and checking each would copy it.
    var positions =
      filter.keepsEverything
      ? Array(records.indices)
      : records.indices.filter {
        filter.matches(records[$0], today: context.today, aliases: aliases)
      }
    // Fatebook has no proposed or rejected questions: they would come back as open ones.
    if format == .fatebook, filter.status == nil {
      positions.removeAll { records[$0].status == .proposed || records[$0].status == .rejected }
    }
    let notes = context.notes(for: ledger)
    guard let out else {
      var writer = OutputWriter(context.terminal)
      try ClaimExport.write(positions, of: records, as: format) { bytes throws(OutputError) in
        try writer.write(bytes)
      }
      return CommandOutput(writer.text, notes: notes)
    }
    let path =
      out.hasPrefix("/") ? out : (context.workingDirectory as NSString).appendingPathComponent(out)
    if Self.isSameFile(path, context.ledgerPath) {
      throw ReportError.cannotCreate(
        path: ReportFiles.display(path, from: context.workingDirectory),
        reason: "it is the ledger, which an export never replaces")
    }
    let target = try ExportTarget(path: path)
    try ClaimExport.write(positions, of: records, as: format) { bytes throws(any Error) in
      try target.write(bytes)
    }
    try target.finish()
    let count =
      format == .claimreview
      ? positions.filter { records[$0].resolution != nil }.count : positions.count
    return CommandOutput(
      "wrote \(count) claim\(count == 1 ? "" : "s") to \(ReportFiles.display(path, from: context.workingDirectory))\n",
      notes: notes)
  }

  /// Whether both paths name one existing file (links followed), by device and inode.
  private static func isSameFile(_ path: String, _ other: String) -> Bool {
    var first = stat()
    var second = stat()
    guard stat(path, &first) == 0, stat(other, &second) == 0 else { return false }
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino
  }
}
