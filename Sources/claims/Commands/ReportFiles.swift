import ClaimLedger
import ClaimReports
import Foundation

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

  static var expectation: String { "a list of md, html, csv and json, separated by commas" }
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

  /// Writes and syncs a whole file under a temporary name, for `rename` to put in place: a
  /// reader sees the old file or the new one, never half. Its folder is made when missing
  /// (`--out DIR` names a folder that may not exist yet). A file replaced keeps its permission
  /// bits; a link at the path is replaced, not followed.
  static func prepare(_ text: String, to path: String) throws(ReportError) -> ReplacementFile {
    let directory = (path as NSString).deletingLastPathComponent
    if let refusal = Folder.make(directory) { throw .cannotCreate(path: path, reason: refusal) }
    var status = stat()
    let original = lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG ? status : nil
    let file = try ReplacementFile(replacing: path, keeping: original, direct: false)
    try file.write(Array(text.utf8))
    try file.finishWriting()
    return file
  }

  /// A path as the person typed their way to it: relative to the working folder when inside it.
  static func display(_ path: String, from workingDirectory: String) -> String {
    let prefix = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}
