import ClaimLedger
import Foundation

/// `claims review`: the queue of proposed claims, oldest first, with the words they came from.
struct ReviewCommand: Command {
  static let spec = CommandSpec(
    name: "review",
    abstract: "List the proposed claims waiting for a decision.",
    discussion: """
      Decide with 'claims accept ID' (with corrections) or 'claims reject ID --reason R'.
      """,
    parameters: [
      .option("--source", value: "NAME", help: "Only this source's proposals."),
      .option("--document", value: "FILE", help: "Only proposals from this article."),
      .option("--tag", value: "TAG", help: "Only proposals with this tag."),
    ])

  var source: String?
  var document: String?
  var tag: String?

  init(_ input: ParsedInput) throws(UsageError) {
    source = input.option("--source")
    document = input.option("--document")
    tag = input.option("--tag")
  }

  func run(in context: Context) throws -> CommandOutput {
    let ledger = try context.loadLedger()
    let aliases = try context.sourceAliases()
    let queue = ledger.records.filter { record in
      record.status == .proposed
        && (source.map { aliases.canonical(record.claim.source) == aliases.canonical($0) } ?? true)
        && (tag.map { record.claim.tags.contains($0) } ?? true)
        && (document.map { ReviewCommand.names(record.claim.document, $0) } ?? true)
    }.sorted { ($0.recordedAt, $0.line) < ($1.recordedAt, $1.line) }
    let notes = context.notes(for: ledger)
    if context.json { return CommandOutput(ClaimJSON.render(queue), notes: notes) }
    guard !queue.isEmpty else { return CommandOutput("", notes: notes + ["nothing to review"]) }
    var text = "\(queue.count) proposed claim\(queue.count == 1 ? "" : "s") to review\n\n"
    for record in queue {
      let claim = record.claim
      text += "\(record.id)  \(claim.text)\n"
      if let quote = claim.quote, quote != claim.text { text += "  quote     \(quote)\n" }
      text += "  source    \(claim.source)" + (claim.via.map { " (via \($0))" } ?? "") + "\n"
      text += "  said      \(claim.said?.description ?? "unknown")\n"
      text +=
        "  deadline  \(claim.deadline?.description ?? "none")"
        + (claim.deadlineText.map { " (\($0))" } ?? "") + "\n"
      text +=
        "  conf      \(claim.confidence.percent)" + (claim.hedge.map { " (\($0))" } ?? "") + "\n"
      if let document = claim.document { text += "  document  \(document)\n" }
      text += "\n"
    }
    text += "decide with 'claims accept ID' or 'claims reject ID --reason R'\n"
    return CommandOutput(text, notes: notes)
  }

  /// Whether a claim's `document` ("../a.md (extractor 1)") is the article `path` names: the
  /// same path as typed at extraction, or the same file name.
  static func names(_ document: String?, _ path: String) -> Bool {
    guard let document else { return false }
    let file = document.components(separatedBy: " (extractor ").first ?? document
    return file == path
      || (file as NSString).lastPathComponent == (path as NSString).lastPathComponent
  }
}
