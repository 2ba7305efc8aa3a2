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
      claims, each at --site's page and by --publisher. An --out that is a pipe or a device is
      written into; a file is replaced whole. The README's "Export and import" section has the
      mappings.
      """,
    parameters: [
      .option(
        "--format", value: "FORMAT", help: "csv, jsonl, fatebook or claimreview.", required: true
      ).completing(ExportFormat.self),
      .option(
        "--status", value: "STATUS",
        help: "Only claims that are proposed, open, resolved or rejected."
      )
      .completing(Status.self),
      .option(
        "--source", value: "NAME", help: "One source (aliases in Claims/sources.json count)."),
      .option("--out", value: "FILE", help: "Write to FILE instead of standard output (- is it).")
        .completing(.files),
      .option(
        "--site", value: "URL",
        help: "claimreview: the page that publishes the reviews; each one's url is URL#ID."),
      .option(
        "--publisher", value: "NAME",
        help: "claimreview: the fact-checking organisation, each review's author."),
      .flag(
        "--bom",
        help: "csv and fatebook: start with a byte order mark, so Excel reads the file as UTF-8."),
    ], printsJSON: false)

  var format: ExportFormat
  var filter = ClaimFilter()
  var out: String?
  var review = ClaimReviewOptions()
  /// Whether the file starts with UTF-8's byte order mark, by which Excel on Windows knows a
  /// CSV's encoding (without it, it reads the bytes as its own code page).
  var writesByteOrderMark = false

  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

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
    writesByteOrderMark = input.flag("--bom")
    if writesByteOrderMark, format != .csv, format != .fatebook {
      throw UsageError(
        "--bom goes with --format csv or fatebook; JSON is UTF-8 without one",
        command: Self.spec.name)
    }
    if format == .claimreview {
      if let status = filter.status, status != .resolved {
        throw UsageError(
          "claimreview covers resolved claims only, so --status \(status.rawValue) would give none",
          command: Self.spec.name)
      }
      review.site = try Self.site(
        input.option("--site").map { site throws(UsageError) in
          try TextArgument.checked(
            site, option: "--site", command: Self.spec.name, by: FieldRules.link)
        })
      review.publisher = try input.text("--publisher")
    } else {
      for option in ["--site", "--publisher"] where input.option(option) != nil {
        throw UsageError("\(option) goes with --format claimreview", command: Self.spec.name)
      }
    }
  }

  /// The publishing page, to which each review's id is added as a fragment: it has none of
  /// its own.
  private static func site(_ link: String?) throws(UsageError) -> String? {
    guard let link else { return nil }
    guard !link.contains("#") else {
      throw UsageError(
        "--site \(link) has a '#' part; give the page's address, to which each review's id is added",
        command: spec.name)
    }
    return link
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
    let conflicting = positions.filter { records[$0].hasConflictingResolutions }
    if format == .claimreview { positions.removeAll { records[$0].resolution == nil } }
    var notes = context.notes(for: ledger) + exportNotes(conflicting.map { records[$0].id })
    // Said, as `list` says it: a file of a header alone is otherwise easy to take for a
    // failure.
    if positions.isEmpty {
      notes.append(
        records.isEmpty
          ? "the ledger is empty; the export holds no claim"
          : !filter.keepsEverything
            ? "no claims match"
            : format == .claimreview
              ? "no claim is resolved; the export holds no review"
              : "no claim is open or resolved; the export holds no question")
    }
    let guarded = Self.guardedFiles(ledgerPath: context.ledgerPath)
    guard let out else {
      // `>> Claims/ledger.jsonl` would append the export to the ledger itself.
      var output = stat()
      if fstat(STDOUT_FILENO, &output) == 0,
        let file = guarded.first(where: { Self.isFile($0, output) })
      {
        throw ReportError.cannotCreate(
          path: "standard output",
          reason: "it is \(ReportFiles.display(file, from: context.workingDirectory)), "
            + "which an export never writes into")
      }
      var writer = OutputWriter(context.terminal)
      if writesByteOrderMark { try writer.write(Self.byteOrderMark) }
      try ClaimExport.write(positions, of: records, as: format, review: review) {
        bytes throws(OutputError) in
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
    if let side = guarded.dropFirst().first(where: { Self.names(path, $0) }) {
      throw ReportError.cannotCreate(
        path: ReportFiles.display(path, from: context.workingDirectory),
        reason: "it is \((side as NSString).lastPathComponent) beside the ledger, which an "
          + "export never replaces")
    }
    let target = try ExportTarget(path: path)
    if writesByteOrderMark { try target.write(Self.byteOrderMark) }
    try ClaimExport.write(positions, of: records, as: format, review: review) {
      bytes throws(any Error) in
      try target.write(bytes)
    }
    try target.finish()
    let count =
      format == .claimreview
      ? positions.count - conflicting.count : positions.count
    return CommandOutput(
      "wrote \(count) claim\(count == 1 ? "" : "s") to \(ReportFiles.display(path, from: context.workingDirectory))\n",
      notes: notes)
  }

  /// What the person should know about the export: claims whose resolutions conflict (a merge
  /// left two), which ClaimReview leaves out and the other formats give with the later one;
  /// and for ClaimReview, what publishing it still needs.
  private func exportNotes(_ conflicting: [ClaimID]) -> [String] {
    var notes: [String] = []
    if !conflicting.isEmpty {
      let shown = conflicting.prefix(10).map(\.description).joined(separator: ", ")
      let list = shown + (conflicting.count > 10 ? " and \(conflicting.count - 10) more" : "")
      let claims = conflicting.count == 1 ? "1 claim" : "\(conflicting.count) claims"
      notes.append(
        format == .claimreview
          ? "left out \(claims) whose resolutions conflict (a merge left two), as not settled: "
            + "\(list); 'claims check' names them, and a new resolve or a reopen settles one"
          : "\(claims) with two resolutions a merge left, given with the later one: \(list); "
            + "'claims check' names them")
    }
    if format == .claimreview {
      if review.site == nil {
        notes.append(
          "a published ClaimReview needs each review's url, the page that shows it: "
            + "--site URL gives it (each review's url is URL#ID)")
      }
      if review.publisher == nil {
        notes.append(
          "--publisher NAME names the fact-checking organisation as each review's author")
      }
    }
    return notes
  }

  /// Whether both paths name one existing file (links followed), by device and inode.
  private static func isSameFile(_ path: String, _ other: String) -> Bool {
    var first = stat()
    guard stat(path, &first) == 0 else { return false }
    return isFile(other, first)
  }

  /// Whether `path` names the side file `side`: the same file, or when either is not made yet
  /// (the lexicon is optional), the same name in the same folder, so an export never makes a
  /// file the next command would read as a side file.
  private static func names(_ path: String, _ side: String) -> Bool {
    if isSameFile(path, side) { return true }
    let name = (path as NSString).lastPathComponent
    return name == (side as NSString).lastPathComponent
      && isSameFile(
        (path as NSString).deletingLastPathComponent, (side as NSString).deletingLastPathComponent)
  }

  /// Whether `path` names the file `status` describes.
  private static func isFile(_ path: String, _ status: stat) -> Bool {
    var other = stat()
    guard stat(path, &other) == 0 else { return false }
    return status.st_dev == other.st_dev && status.st_ino == other.st_ino
  }

  /// The files an export never writes: the ledger, then its side files.
  private static func guardedFiles(ledgerPath: String) -> [String] {
    [ledgerPath] + Context.sideFilePaths(ledgerPath: ledgerPath).map(\.path)
  }
}
