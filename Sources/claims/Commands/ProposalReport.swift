import ClaimExtractor
import ClaimLedger
import ClaimReports
import Foundation

/// The lexicon the extractor uses: the built-in names and hedges, and `Claims/lexicon.json`
/// beside the ledger when there is one.
enum ExtractorLexicon {
  static func load(context: Context) throws(ExtractionError) -> Lexicon {
    let directory = (context.ledgerPath as NSString).deletingLastPathComponent
    let path = (directory as NSString).appendingPathComponent("lexicon.json")
    guard FileManager.default.fileExists(atPath: path) else { return .builtIn }
    let bytes = try ArticleFile.read(path: path)
    return Lexicon.builtIn.merging(try Lexicon.parse(json: bytes, path: path))
  }
}

/// What `extract` prints: per file, the proposals and what was known already.
enum ProposalReport {
  /// One article's result: the claims it proposed that nothing knew yet, and how many more
  /// were known already (in the ledger, or from an earlier article of the same run).
  struct FileResult {
    var file: String
    var fresh: [Proposal]
    var known: Int
  }

  static func table(_ results: [FileResult], isDryRun: Bool, terminal: Terminal) -> String {
    var text = ""
    let verb = isDryRun ? "to propose" : "proposed"
    for result in results {
      text += "\(result.file): \(result.fresh.count) \(verb), \(result.known) known already\n"
      guard !result.fresh.isEmpty else { continue }
      var table = TextTable(columns: [
        .init("ID"), .init("LINE", alignment: .right), .init("DUE"),
        .init("CONF", alignment: .right), .init("SOURCE", yieldsToFlexible: true),
        .init("TEXT", isFlexible: true),
      ])
      for proposal in result.fresh {
        let claim = proposal.claim
        table.append([
          proposal.id.description, String(proposal.line), claim.deadline?.description ?? "—",
          claim.confidence.percent, claim.source, claim.text,
        ])
      }
      text += table.render(width: terminal.isInteractive ? terminal.width ?? 100 : terminal.width)
    }
    let newCount = results.reduce(0) { $0 + $1.fresh.count }
    if results.count > 1 {
      text +=
        "\(newCount) \(verb) from \(results.count) files, "
        + "\(results.reduce(0) { $0 + $1.known }) known already\n"
    }
    if !isDryRun, newCount > 0 { text += "review them with 'claims review'\n" }
    return text
  }

  /// The proposals as the journal's own `claim` entries, one JSON object per line.
  static func jsonLines(_ proposals: [Proposal], at now: Timestamp) -> String {
    proposals.map { proposal in
      Entry(
        id: proposal.id, at: now, body: .claim(proposal.claim, status: .proposed)
      ).jsonLine + "\n"
    }.joined()
  }
}
