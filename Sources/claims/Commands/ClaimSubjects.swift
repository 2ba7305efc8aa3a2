import ClaimExtractor
import ClaimLedger
import ClaimReports

/// Finds what a claim is about through the extractor's lexicon, for the scorecards, `due`,
/// `show` and `list`.
enum ClaimSubjects {
  /// The English names of the names the lexicon beside the ledger (built-in names when there
  /// is none) knows in UTF-8 text, in order, so "微软" and "Microsoft" are one name;
  /// `Claim.names(_:)` reads a claim's text, else its quote, with it.
  static func nameScan(context: Context) throws(ExtractionError) -> NameScan {
    try nameScanAndCache(context: context).nameScan
  }

  /// The same, with the cache of what claims' words say that goes with that lexicon, when the
  /// user has a cache folder.
  static func nameScanAndCache(context: Context) throws(ExtractionError) -> (
    nameScan: NameScan, cache: TextFactsCache?
  ) {
    let lexicon = try ExtractorLexicon.load(context: context)
    let cache = context.digestCache.map {
      TextFactsCache(
        directory: $0.directory, ledgerPath: context.ledgerPath, lexicon: lexicon.fingerprint)
    }
    return ({ lexicon.canonicalNames(in: $0) }, cache)
  }

  /// The claims of `records` that repeat an earlier forecast, read through the cache of what
  /// claims' words say when there is one.
  static func echoClusters(of records: [ClaimRecord], context: Context) throws(ExtractionError)
    -> EchoClusters
  {
    let (nameScan, cache) = try nameScanAndCache(context: context)
    return EchoClusters(records, nameScan: nameScan, cache: cache)
  }

  /// The subject finder of the lexicon beside the ledger: the first of a claim's names.
  static func finder(context: Context) throws(ExtractionError) -> @Sendable (Claim) -> String? {
    let scan = try nameScan(context: context)
    return { $0.names(scan).first }
  }
}
