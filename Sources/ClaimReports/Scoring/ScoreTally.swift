/// Running sums over scored forecasts (resolved, not void), from which every figure follows.
///
/// Sums rather than lists, so a million claims fold in one pass with constant memory per group.
public struct ScoreTally: Hashable, Sendable {
  /// Forecasts added.
  public private(set) var count = 0
  /// Σ o, with true 1, partial 0.5, false 0.
  public private(set) var outcomeSum = 0.0
  /// Σ (p − o)².
  public private(set) var squaredErrorSum = 0.0
  /// Σ |p − 0.5|.
  public private(set) var distanceFromEvenSum = 0.0

  /// The Beta(2, 2) prior of the shrunk accuracy: worth two right and two wrong calls, so one
  /// lucky call ranks near 50 % and forty of fifty ranks near 80 %.
  public static let priorSuccesses = 2.0
  public static let priorFailures = 2.0
  /// The Brier score of always saying 50 %, the reference of the skill score.
  public static let evenOddsBrier = 0.25

  public init() {}

  /// Adds a forecast of probability `confidence` whose outcome scored `outcome` (0…1).
  public mutating func add(confidence: Double, outcome: Double) {
    count += 1
    outcomeSum += outcome
    let error = confidence - outcome
    squaredErrorSum += error * error
    distanceFromEvenSum += abs(confidence - 0.5)
  }

  /// The figures these sums give; nil where no forecast was scored.
  public var figures: ScoreFigures {
    guard count > 0 else {
      return ScoreFigures(
        scored: 0, accuracy: nil, accuracyInterval: nil, brier: nil, brierSkill: nil,
        shrunkAccuracy: nil, boldness: nil)
    }
    let n = Double(count)
    let brier = squaredErrorSum / n
    return ScoreFigures(
      scored: count, accuracy: outcomeSum / n,
      accuracyInterval: WilsonInterval(successes: outcomeSum, trials: count),
      brier: brier, brierSkill: 1 - brier / ScoreTally.evenOddsBrier,
      shrunkAccuracy: ScoreTally.shrunk(successes: outcomeSum, trials: count),
      // Doubled so the scale runs from 0 (always 50 %) to 1 (always 0 % or 100 %).
      boldness: 2 * distanceFromEvenSum / n)
  }

  /// (s + 2) / (n + 4): the posterior mean under the Beta(2, 2) prior.
  public static func shrunk(successes: Double, trials: Int) -> Double {
    (successes + priorSuccesses) / (Double(trials) + priorSuccesses + priorFailures)
  }
}

/// What a set of scored forecasts amounts to.
public struct ScoreFigures: Hashable, Sendable {
  /// Resolved, non-void forecasts whose deadline has passed.
  public let scored: Int
  /// Mean outcome (true 1, partial 0.5, false 0).
  public let accuracy: Double?
  /// Wilson 95 % interval of the accuracy.
  public let accuracyInterval: WilsonInterval?
  /// Mean (p − o)², from 0 (perfect) to 1; always saying 50 % scores 0.25.
  public let brier: Double?
  /// 1 − Brier / 0.25: above 0 beats always saying 50 %, below 0 does worse.
  public let brierSkill: Double?
  /// Accuracy pulled towards 50 % by a Beta(2, 2) prior, used for ranking; nil with nothing
  /// scored, like the other figures: the prior's 50 % alone would read as a record.
  public let shrunkAccuracy: Double?
  /// 2 · mean |p − 0.5|, from 0 (always 50 %) to 1 (always 0 % or 100 %).
  public let boldness: Double?

  public init(
    scored: Int, accuracy: Double?, accuracyInterval: WilsonInterval?, brier: Double?,
    brierSkill: Double?, shrunkAccuracy: Double?, boldness: Double?
  ) {
    self.scored = scored
    self.accuracy = accuracy
    self.accuracyInterval = accuracyInterval
    self.brier = brier
    self.brierSkill = brierSkill
    self.shrunkAccuracy = shrunkAccuracy
    self.boldness = boldness
  }
}
