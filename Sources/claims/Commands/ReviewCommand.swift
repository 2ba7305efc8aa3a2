import ClaimLedger
import ClaimReports
import Foundation

/// `claims review`: the queue of proposed claims, oldest first, with the words they came from.
struct ReviewCommand: Command {
  static let spec = CommandSpec(
    name: "review",
    abstract: "Decide the proposed claims one by one on a terminal, or list them.",
    discussion: """
      On a terminal, shows each proposed claim, oldest first, with the sentences around its
      quote, and reads one key:

      \(ReviewPrompt.help)
      Each decision is appended at once. Not on a terminal, or with --json, lists the
      queue; decide then with 'claims accept ID' or 'claims reject ID --reason R'.
      """,
    parameters: [
      .option("--source", value: "NAME", help: "Only this source's proposals."),
      .option("--document", value: "FILE", help: "Only proposals from this article.")
        .completing(.files),
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
    let queue = ReviewDecision.Filter(source: source, document: document, tag: tag)
      .queue(in: ledger, aliases: aliases)
    let notes = context.notes(for: ledger)
    if context.json { return CommandOutput(ClaimJSON.render(queue), notes: notes) }
    guard !queue.isEmpty else { return CommandOutput("", notes: notes + ["nothing to review"]) }
    if let conversation = context.terminal.conversation {
      let walk = ReviewPrompt(
        context: context, conversation: conversation(), queue: queue,
        folder: context.workingDirectory)
      return CommandOutput(try walk.run(), notes: notes)
    }
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
    // The claims' words as the terminal should show them (`DisplayWidth.visible`).
    text = DisplayWidth.visible(text)
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
