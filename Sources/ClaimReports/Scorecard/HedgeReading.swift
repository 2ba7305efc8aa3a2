import ClaimLedger

/// How often the scored claims hedged with one word came true, beside what the table assumes.
///
/// Read per source, it says what that source's words really mean; read over all sources, it is
/// an empirical words-of-estimative-probability table.
public struct HedgeReading: Sendable, Equatable {
  /// The group (source) whose word this is; nil in the table over all groups.
  public let name: String?
  public let word: String
  /// The table's value for the word.
  public let assumed: Double
  /// The word's plausible range in the table.
  public let range: ClosedRange<Double>
  public let isLowInformation: Bool
  /// Scored claims whose confidence was read from the word.
  public let count: Int
  /// The share of them in which what the word bet on happened (partial counts half). For a
  /// negating word (不会, won't) that is the thing it said would not happen.
  public let happened: Double
  /// Wilson 95 % interval of `happened`.
  public let interval: WilsonInterval?

  public init(
    name: String?, word: String, assumed: Double, range: ClosedRange<Double>,
    isLowInformation: Bool, count: Int, happened: Double, interval: WilsonInterval?
  ) {
    self.name = name
    self.word = word
    self.assumed = assumed
    self.range = range
    self.isLowInformation = isLowInformation
    self.count = count
    self.happened = happened
    self.interval = interval
  }

  /// Whether the table's value lies outside the 95 % interval of what happened.
  public var isOffTable: Bool {
    interval.map { !$0.contains(assumed) } ?? false
  }
}

/// One group scored three times, every hedge word read at the low end of its range, at the
/// table's value and at the high end, so a reader sees which verdicts rest on the reading.
public struct HedgeSensitivity: Sendable, Equatable {
  public let name: String
  /// Scored claims whose confidence was read from a word; the others score the same each time.
  public let hedged: Int
  public let low: ReadingScore
  public let middle: ReadingScore
  public let high: ReadingScore

  public init(
    name: String, hedged: Int, low: ReadingScore, middle: ReadingScore, high: ReadingScore
  ) {
    self.name = name
    self.hedged = hedged
    self.low = low
    self.middle = middle
    self.high = high
  }

  /// The group's place by Brier score is not the same under every reading.
  public var rankFlips: Bool {
    low.brierRank != middle.brierRank || high.brierRank != middle.brierRank
  }

  /// Brier skill is above zero under one reading and not under another.
  public var skillFlips: Bool {
    let signs = [low, middle, high].compactMap(\.brierSkill).map { $0 > 0 }
    return Set(signs).count > 1
  }
}

/// A group's Brier score, skill and place under one reading of the hedge words.
public struct ReadingScore: Sendable, Equatable {
  public let brier: Double?
  public let brierSkill: Double?
  /// 1 for the lowest Brier score among the ranked groups; ties go by name.
  public let brierRank: Int

  public init(brier: Double?, brierSkill: Double?, brierRank: Int) {
    self.brier = brier
    self.brierSkill = brierSkill
    self.brierRank = brierRank
  }
}

/// What the fold needs to know about a claim beyond its standing, worked out once per claim.
struct ClaimTraits {
  let confidence: Double
  /// How the confidence was read from the hedge word; nil when it was not.
  let use: WordUse?
  let isLowInformation: Bool
  let specificity: Double
}

/// A `HedgeUse` as numbers only: the claim's confidence with its word read at either end of
/// the word's range, and whether the word negates. A `HedgeUse` carries the word's text, which
/// every copy retains, and the fold makes one for every claim of every scorecard.
struct WordUse {
  let lowConfidence: Double
  let highConfidence: Double
  let isNegated: Bool

  init(_ use: HedgeUse) {
    lowConfidence = use.confidence(.low)
    highConfidence = use.confidence(.high)
    isNegated = use.isNegated
  }

  /// What the word itself bet on happened (`HedgeUse.wordOutcome`).
  func wordOutcome(_ outcome: Double) -> Double {
    isNegated ? 1 - outcome : outcome
  }
}

/// Scored claims of one word: how many, and how often what the word bet on happened.
struct WordTally {
  var count = 0
  var happenedSum = 0.0

  mutating func add(_ happened: Double) {
    count += 1
    happenedSum += happened
  }

  func reading(name: String?, hedge: Hedge) -> HedgeReading {
    HedgeReading(
      name: name, word: hedge.word, assumed: hedge.probability, range: hedge.range,
      isLowInformation: hedge.isLowInformation, count: count,
      happened: count > 0 ? happenedSum / Double(count) : 0,
      interval: WilsonInterval(successes: happenedSum, trials: count))
  }
}

extension HedgeSensitivity {
  /// The sensitivity rows of `groups`, which must be the ranked ones in rank order.
  static func rows(_ groups: [(name: String, tally: GroupTally)]) -> [HedgeSensitivity] {
    func ranks(_ brier: (GroupTally) -> Double?) -> [String: Int] {
      let order = groups.sorted { a, b in
        (brier(a.tally) ?? 1, a.name) < (brier(b.tally) ?? 1, b.name)
      }
      return Dictionary(
        order.enumerated().map { ($0.element.name, $0.offset + 1) }, uniquingKeysWith: min)
    }
    let lowRanks = ranks { $0.low.figures.brier }
    let middleRanks = ranks { $0.scores.figures.brier }
    let highRanks = ranks { $0.high.figures.brier }
    return groups.map { group in
      func score(_ tally: ScoreTally, _ ranks: [String: Int]) -> ReadingScore {
        let figures = tally.figures
        return ReadingScore(
          brier: figures.brier, brierSkill: figures.brierSkill, brierRank: ranks[group.name] ?? 0)
      }
      return HedgeSensitivity(
        name: group.name, hedged: group.tally.hedged, low: score(group.tally.low, lowRanks),
        middle: score(group.tally.scores, middleRanks), high: score(group.tally.high, highRanks))
    }
  }
}
