import ClaimExtractor
import ClaimLedger

/// Finds what a claim is about through the extractor's lexicon, for the scorecards and `due`.
enum ClaimSubjects {
  /// The first known name in the claim's text, else in its quote, by its English name, so
  /// "微软" and "Microsoft" name one subject.
  static func finder(_ lexicon: Lexicon) -> @Sendable (Claim) -> String? {
    { claim in
      lexicon.entities(in: claim.text).first?.canonical
        ?? claim.quote.flatMap { lexicon.entities(in: $0).first?.canonical }
    }
  }

  /// The finder of the lexicon beside the ledger (built-in names when there is none).
  static func finder(context: Context) throws(ExtractionError) -> @Sendable (Claim) -> String? {
    finder(try ExtractorLexicon.load(context: context))
  }
}
