import ClaimLedger

/// What a scorecard reads from the words of every claim — the names the lexicon finds, the
/// kind of event, the specificity, and the echo clusters built on them — worked out once, on
/// all cores, for every scorecard of one run.
///
/// These are the only figures that read claim texts, and a million claims take seconds to
/// read; `report` writes the year's and the all-years scorecard from one set.
public struct ClaimTextFacts: Sendable {
  /// Per record, the names found in its text, in text order (the first is its subject).
  public let names: [[String]]
  /// Per record, the kind of event its text names, for time to truth.
  public let events: [ForecastEvent?]
  /// Per record, its specificity score.
  public let specificity: [Double]
  public let echoes: EchoClusters

  /// Reads `records`; `names` gives the names the lexicon finds in a claim.
  public init(_ records: [ClaimRecord], names: @Sendable (Claim) -> [String]) {
    let read = ParallelMap.map(count: records.count) { index in
      var claim = records[index].claim
      // Decoded once here, rather than once by each reader below.
      claim.text = claim.text
      let found = names(claim)
      let status = records[index].status
      return (
        found, ForecastEvent(text: claim.text), Specificity(claim, subject: found.first).score,
        status == .open || status == .resolved ? EchoClusters.Key(claim, names: found) : nil
      )
    }
    self.names = read.map(\.0)
    events = read.map(\.1)
    specificity = read.map(\.2)
    echoes = EchoClusters(records, keys: read.map(\.3))
  }

  /// Facts that read nothing: no names, no events, no echoes.
  init(count: Int) {
    names = Array(repeating: [], count: count)
    events = Array(repeating: nil, count: count)
    specificity = Array(repeating: 0, count: count)
    echoes = EchoClusters()
  }
}
