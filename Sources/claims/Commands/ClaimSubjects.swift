import ClaimExtractor
import ClaimLedger
import ClaimReports

/// Finds what a claim is about through the extractor's lexicon, for the scorecards, `due`,
/// `show` and `list`.
enum ClaimSubjects {
  /// The English names of the known names in the claim's text, in order, else in its quote,
  /// so "微软" and "Microsoft" are one name.
  static func names(_ lexicon: Lexicon) -> @Sendable (Claim) -> [String] {
    { claim in
      let inText = lexicon.entities(in: claim.text).map(\.canonical)
      guard inText.isEmpty, let quote = claim.quote else { return inText }
      return lexicon.entities(in: quote).map(\.canonical)
    }
  }

  /// The English names of the known names in UTF-8 text, for readers that hold the bytes.
  static func nameScan(_ lexicon: Lexicon) -> NameScan {
    { lexicon.canonicalNames(in: $0) }
  }

  /// The claim's subject: the first of its names.
  static func finder(_ lexicon: Lexicon) -> @Sendable (Claim) -> String? {
    let names = names(lexicon)
    return { names($0).first }
  }

  /// The names finder of the lexicon beside the ledger (built-in names when there is none).
  static func names(context: Context) throws(ExtractionError) -> @Sendable (Claim) -> [String] {
    names(try ExtractorLexicon.load(context: context))
  }

  /// The subject finder of the lexicon beside the ledger.
  static func finder(context: Context) throws(ExtractionError) -> @Sendable (Claim) -> String? {
    finder(try ExtractorLexicon.load(context: context))
  }
}
