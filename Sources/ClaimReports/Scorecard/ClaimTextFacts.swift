import ClaimLedger

/// Finds the English names a lexicon knows in UTF-8 text, in text order (the first is the
/// subject), reading the bytes where they are kept.
public typealias NameScan = @Sendable (UnsafeRawBufferPointer) -> [String]

/// What a scorecard reads from the words of every claim — the names the lexicon finds, the
/// kind of event, the specificity, and the echo clusters built on them — worked out once, on
/// all cores, for every scorecard of one run.
///
/// These are the only figures that read claim texts, and a million claims take seconds to
/// read; `report` writes the year's and the all-years scorecard from one set.
public struct ClaimTextFacts: Sendable {
  /// Per record, the kind of event its text names, for time to truth.
  public let events: [ForecastEvent?]
  /// Per record, its specificity score.
  public let specificity: [Double]
  public let echoes: EchoClusters

  /// Reads `records`; `names` gives the names the lexicon finds in a claim, and `nameScan`,
  /// when given, the same names from the bytes of its text or quote without a copy of it.
  public init(
    _ records: [ClaimRecord], names: @Sendable (Claim) -> [String], nameScan: NameScan? = nil
  ) {
    let read = ParallelMap.map(count: records.count) { index in
      ClaimTextFacts.read(
        records[index].claim, status: records[index].status, names: names, nameScan: nameScan)
    }
    events = read.map(\.event)
    specificity = read.map(\.specificity)
    echoes = EchoClusters(records, keys: read.map(\.key))
  }

  /// Facts that read nothing: no names, no events, no echoes.
  init(count: Int) {
    events = Array(repeating: nil, count: count)
    specificity = Array(repeating: 0, count: count)
    echoes = EchoClusters()
  }

  /// What one claim's words say.
  struct Reading {
    let event: ForecastEvent?
    let specificity: Double
    /// Nil for claims that are neither open nor resolved, or that name nothing.
    let key: EchoClusters.Key?
  }

  /// Reads one claim: its names, then one scan of its text (and of its quote only when the
  /// text leaves a mark of specificity undecided).
  static func read(
    _ claim: Claim, status: Status, names: (Claim) -> [String], nameScan: NameScan?
  ) -> Reading {
    claim.withTextUTF8 { text, quote in
      let found: [String]
      if let nameScan {
        let inText = nameScan(text)
        found = inText.isEmpty ? quote.map(nameScan) ?? [] : inText
      } else {
        found = names(claim)
      }
      let words = ClaimWords(text)
      var isMeasurable = Specificity.hasDigit(in: text) || words.hasCountableEvent
      var hasCondition = claim.isConditional || words.hasCondition
      if let quote, !isMeasurable || !hasCondition {
        let quoteWords = ClaimWords(quote)
        isMeasurable =
          isMeasurable || Specificity.hasDigit(in: quote) || quoteWords.hasCountableEvent
        hasCondition = hasCondition || quoteWords.hasCondition
      }
      let specificity = Specificity(
        hasNamedSubject: found.first.map { !$0.isEmpty } ?? false,
        hasExplicitDeadline: Specificity.hasExplicitDeadline(claim), isMeasurable: isMeasurable,
        isUnconditional: !hasCondition)
      let isClustered = status == .open || status == .resolved
      return Reading(
        event: words.event, specificity: specificity.score,
        key: isClustered
          ? EchoClusters.Key(names: found, words: words, text: text, year: claim.deadline?.year)
          : nil)
    }
  }
}
