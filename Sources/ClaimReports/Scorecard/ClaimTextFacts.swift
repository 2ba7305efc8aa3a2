import ClaimLedger

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

  /// Reads `records`; `nameScan` finds the names the lexicon knows in a claim's text or quote.
  public init(_ records: [ClaimRecord], nameScan: NameScan) {
    let read = ParallelMap.map(count: records.count) { index in
      records[index].withClaim { claim in
        ClaimTextFacts.read(claim, status: records[index].status, nameScan: nameScan)
      }
    }
    events = read.map(\.event)
    specificity = read.map(\.specificity.score)
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
    let specificity: Specificity
    /// Nil for claims that are neither open nor resolved, or that name nothing.
    let key: EchoClusters.Key?
  }

  /// Reads one claim: its names, then one scan of its text (and of its quote only when the
  /// text leaves a mark of specificity undecided).
  static func read(_ claim: Claim, status: Status, nameScan: NameScan) -> Reading {
    claim.withTextUTF8 { text, quote in
      let found = Claim.names(inText: text, quote: quote, nameScan)
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
        event: words.event, specificity: specificity,
        key: isClustered
          ? EchoClusters.Key(names: found, words: words, text: text, year: claim.deadline?.year)
          : nil)
    }
  }
}
