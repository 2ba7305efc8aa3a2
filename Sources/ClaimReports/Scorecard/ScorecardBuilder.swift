import ClaimLedger
import Dispatch

/// Turns folded claims into a `Scorecard`: which claims count, how they group, and when.
///
/// Everything it needs arrives as a parameter, `today` included, so the same ledger and the
/// same parameters always give the same scorecard.
public struct ScorecardBuilder: Sendable {
  /// Nil scores all years.
  public let year: Int?
  public let by: ScorecardBasis
  public let today: Day
  public let minResolved: Int
  public let grouping: Grouping
  /// Maps a source (or outlet) as written to the name it is counted under.
  public let canonical: @Sendable (String) -> String
  public let ledgerSHA256: String
  public let hedgeTableVersion: String
  /// How many pending and overdue claims are listed; the rest are only counted.
  public let listLimit: Int
  /// The table hedge words are read from, for what they mean and how sensitive scores are.
  public let hedges: HedgeScale
  /// Finds the English names the extractor's lexicon knows in a claim's text, else its quote,
  /// in text order; the first is its subject. Claims with names are clustered into echoes of
  /// one forecast.
  public let nameScan: NameScan
  /// Whether echoes (claims that repeat a forecast someone said earlier) are scored too; by
  /// default a forecast is scored once, under the source that said it first.
  public var countsEchoes = false
  /// Whether the figures that read every claim's text are worked out: specificity, echoes and
  /// time to truth. The terminal commands that show only counts and scores skip them.
  public var readsClaimTexts = true
  /// How many best calls and worst misses are listed.
  public static let highlightLimit = 5

  public init(
    year: Int?, by: ScorecardBasis, today: Day, minResolved: Int = 5, grouping: Grouping = .source,
    canonical: @escaping @Sendable (String) -> String = { $0 }, ledgerSHA256: String,
    hedgeTableVersion: String = HedgeScale.version, listLimit: Int = 50,
    hedges: HedgeScale = .standard, nameScan: @escaping NameScan = { _ in [] }
  ) {
    self.year = year
    self.by = by
    self.today = today
    self.minResolved = max(minResolved, 0)
    self.grouping = grouping
    self.canonical = canonical
    self.ledgerSHA256 = ledgerSHA256
    self.hedgeTableVersion = hedgeTableVersion
    self.listLimit = max(listLimit, 0)
    self.hedges = hedges
    self.nameScan = nameScan
  }

  /// The same, with names merged through the aliases of `Claims/sources.json`.
  public init(
    year: Int?, by: ScorecardBasis, today: Day, minResolved: Int = 5, grouping: Grouping = .source,
    aliases: SourceAliases, ledgerSHA256: String, hedgeTableVersion: String = HedgeScale.version,
    listLimit: Int = 50, nameScan: @escaping NameScan = { _ in [] }
  ) {
    self.init(
      year: year, by: by, today: today, minResolved: minResolved, grouping: grouping,
      canonical: { aliases.canonical($0) }, ledgerSHA256: ledgerSHA256,
      hedgeTableVersion: hedgeTableVersion, listLimit: listLimit, nameScan: nameScan)
  }

  /// One pass over `records` with dictionaries, then sorting of the groups and short lists.
  public func build(from records: [ClaimRecord]) -> Scorecard {
    build(from: records, facts: textFacts(of: records))
  }

  /// The same, with what the claims' texts say read already (`textFacts(of:)`), so several
  /// scorecards of one ledger read the texts once.
  public func build(from records: [ClaimRecord], facts: ClaimTextFacts) -> Scorecard {
    build(from: records, rows: ScoringRows(records, readsTags: grouping == .tag), facts: facts)
  }

  /// The same, counting the claims by `rows`, the fields of `records` laid out once for every
  /// scorecard of the run.
  func build(from records: [ClaimRecord], rows: ScoringRows, facts: ClaimTextFacts) -> Scorecard {
    build(rows: rows, facts: facts, claims: LoadedClaims(records: records))
  }

  /// The scorecard of the claims `rows` lays out, the claims it lists read from `claims`.
  func build<Claims: ClaimLookup>(rows: ScoringRows, facts: ClaimTextFacts, claims: Claims)
    throws(Claims.Failure) -> Scorecard
  {
    var fold = ScorecardFold(builder: self, facts: facts, rows: rows)
    for index in rows.rows.indices {
      fold.add(at: index)
    }
    return try fold.scorecard(of: claims)
  }

  /// Several scorecards of one ledger (a year's and the all-years one), built side by side on
  /// all cores from one reading of the texts; in the order of `builders`.
  public static func build(
    _ builders: [ScorecardBuilder], from records: [ClaimRecord], facts: ClaimTextFacts
  ) -> [Scorecard] {
    let rows = ScoringRows(records, readsTags: builders.contains { $0.grouping == .tag })
    return build(builders, rows: rows, facts: facts, claims: LoadedClaims(records: records))
  }

  /// The same from rows laid out already, the claims listed read from `claims`.
  static func build<Claims: ClaimLookup>(
    _ builders: [ScorecardBuilder], rows: ScoringRows, facts: ClaimTextFacts, claims: Claims
  ) throws(Claims.Failure) -> [Scorecard] {
    var cards = [Result<Scorecard, Claims.Failure>?](repeating: nil, count: builders.count)
    cards.withUnsafeMutableBufferPointer { buffer in
      let slots = CardSlots(buffer: buffer)
      DispatchQueue.concurrentPerform(iterations: builders.count) { index in
        do throws(Claims.Failure) {
          slots.buffer[index] = .success(
            try builders[index].build(rows: rows, facts: facts, claims: claims))
        } catch {
          slots.buffer[index] = .failure(error)
        }
      }
    }
    var built: [Scorecard] = []
    for card in cards {
      if let card { built.append(try card.get()) }
    }
    return built
  }

  /// The scorecards' places, each written by one worker only.
  private struct CardSlots<Failure: Error>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Result<Scorecard, Failure>?>
  }

  /// Every group's figures over all years, ranked first, for track-record columns such as
  /// those of `claims sources`.
  ///
  /// With `facts`, echoes are left out as the scorecards leave them out (unless
  /// `countsEchoes`); without, every claim counts.
  public static func trackRecords(
    from records: [ClaimRecord], today: Day, minResolved: Int = 5, grouping: Grouping = .source,
    canonical: @escaping @Sendable (String) -> String = { $0 }, facts: ClaimTextFacts? = nil,
    countsEchoes: Bool = false
  ) -> [TrackRecord] {
    let card = allYears(
      from: records, today: today, minResolved: minResolved, grouping: grouping,
      canonical: canonical, facts: facts, countsEchoes: countsEchoes)
    return card.ranked + card.unranked
  }

  /// The all-years scorecard with no claim lists and no specificity, for the terminal commands;
  /// echoes as in `trackRecords`.
  public static func allYears(
    from records: [ClaimRecord], today: Day, minResolved: Int = 5, grouping: Grouping = .source,
    canonical: @escaping @Sendable (String) -> String = { $0 }, facts: ClaimTextFacts? = nil,
    countsEchoes: Bool = false
  ) -> Scorecard {
    var builder = ScorecardBuilder(
      year: nil, by: .due, today: today, minResolved: minResolved, grouping: grouping,
      canonical: canonical, ledgerSHA256: "", listLimit: 0)
    builder.readsClaimTexts = false
    builder.countsEchoes = countsEchoes
    return builder.build(from: records, facts: facts ?? builder.textFacts(of: records))
  }

  /// What the texts of `records` say, read when this builder reads claim texts at all.
  public func textFacts(of records: [ClaimRecord]) -> ClaimTextFacts {
    readsClaimTexts
      ? ClaimTextFacts(records, nameScan: nameScan)
      : ClaimTextFacts(count: records.count)
  }

  /// The year a claim is filed under: of its deadline, or of the day it was said.
  ///
  /// A claim with no deadline falls due when it is resolved, as it counts then: it is filed
  /// under the year of its resolution (an open one, under none), so every scored claim is in
  /// some year's figures.
  func year(said: Day?, deadline: Day?, resolvedOn: Day?) -> Int? {
    switch by {
    case .due: (deadline ?? resolvedOn)?.year
    case .said: said?.year
    }
  }
}
