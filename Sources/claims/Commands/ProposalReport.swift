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
  static func table(
    _ found: [(file: String, proposals: [Proposal])], known: Set<ClaimID>, isDryRun: Bool,
    terminal: Terminal
  ) -> String {
    var text = ""
    var newCount = 0
    var knownCount = 0
    for (file, proposals) in found {
      let fresh = proposals.filter { !known.contains($0.claim.derivedID) }
      newCount += fresh.count
      knownCount += proposals.count - fresh.count
      text +=
        "\(file): \(fresh.count) \(isDryRun ? "to propose" : "proposed")"
        + ", \(proposals.count - fresh.count) known already\n"
      guard !fresh.isEmpty else { continue }
      var table = TextTable(columns: [
        .init("ID"), .init("LINE", alignment: .right), .init("DUE"),
        .init("CONF", alignment: .right), .init("SOURCE"), .init("TEXT", isFlexible: true),
      ])
      for proposal in fresh {
        let claim = proposal.claim
        table.append([
          claim.derivedID.description, String(proposal.line), claim.deadline?.description ?? "—",
          claim.confidence.percent, claim.source, claim.text,
        ])
      }
      text += table.render(width: terminal.isInteractive ? terminal.width ?? 100 : terminal.width)
    }
    if found.count > 1 {
      text +=
        "\(newCount) \(isDryRun ? "to propose" : "proposed") from \(found.count) files, "
        + "\(knownCount) known already\n"
    }
    if !isDryRun, newCount > 0 { text += "review them with 'claims review'\n" }
    return text
  }

  /// The proposals as the journal's own `claim` entries, one JSON object per line.
  static func jsonLines(_ proposals: [Proposal], at now: Timestamp) -> String {
    proposals.map { proposal in
      Entry(
        id: proposal.claim.derivedID, at: now, body: .claim(proposal.claim, status: .proposed)
      ).jsonLine + "\n"
    }.joined()
  }
}
