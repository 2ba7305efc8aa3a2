/// Murphy's (1973) split of the Brier score: reliability − resolution + uncertainty.
///
/// Forecasts are grouped by distinct confidence value, not by the ten calibration bins:
/// hedge-table confidences take few values, and within a group of equal forecasts the split
/// is exact, with no within-bin terms (Stephenson, Coelho and Jolliffe 2008).
///
/// Partial outcomes (o = 0.5) need one choice to keep the sum exact: uncertainty is the
/// variance of the outcomes, (1/N) Σ (o − ō)². With only true and false outcomes that equals
/// the textbook ō(1 − ō); each partial outcome lowers it by 0.25/N, because a half outcome is
/// less uncertain than a coin toss. Then Brier = reliability − resolution + uncertainty holds
/// to rounding for any mix of outcomes.
public struct BrierDecomposition: Hashable, Sendable {
  /// Mean (p − o)².
  public let brier: Double
  /// (1/N) Σ_k n_k (p_k − ō_k)²: miscalibration, 0 when every stated level comes true as often
  /// as it says.
  public let reliability: Double
  /// (1/N) Σ_k n_k (ō_k − ō)²: how far the groups' outcomes move away from the base rate;
  /// higher is better.
  public let resolution: Double
  /// (1/N) Σ (o − ō)²: how hard the claim set was; out of the forecaster's hands.
  public let uncertainty: Double
  /// How many distinct confidence values the claims used.
  public let forecastValues: Int

  public init(
    brier: Double, reliability: Double, resolution: Double, uncertainty: Double,
    forecastValues: Int
  ) {
    self.brier = brier
    self.reliability = reliability
    self.resolution = resolution
    self.uncertainty = uncertainty
    self.forecastValues = forecastValues
  }
}

/// Sums by distinct confidence value, folded into a `BrierDecomposition` at the end.
public struct DecompositionTally: Sendable {
  private var groups: [Double: (count: Int, outcomeSum: Double)] = [:]
  private var count = 0
  private var outcomeSum = 0.0
  private var squaredOutcomeSum = 0.0
  private var squaredErrorSum = 0.0

  public init() {}

  public mutating func add(confidence: Double, outcome: Double) {
    groups[confidence, default: (0, 0)].count += 1
    groups[confidence, default: (0, 0)].outcomeSum += outcome
    count += 1
    outcomeSum += outcome
    squaredOutcomeSum += outcome * outcome
    let error = confidence - outcome
    squaredErrorSum += error * error
  }

  /// Nil when nothing was scored.
  public var decomposition: BrierDecomposition? {
    guard count > 0 else { return nil }
    let n = Double(count)
    let base = outcomeSum / n
    var reliability = 0.0
    var resolution = 0.0
    // Sorted so the sums add in the same order in every run (dictionary order is seeded).
    for confidence in groups.keys.sorted() {
      guard let group = groups[confidence] else { continue }
      let size = Double(group.count)
      let observed = group.outcomeSum / size
      reliability += size * (confidence - observed) * (confidence - observed)
      resolution += size * (observed - base) * (observed - base)
    }
    return BrierDecomposition(
      brier: squaredErrorSum / n, reliability: reliability / n, resolution: resolution / n,
      uncertainty: max(squaredOutcomeSum / n - base * base, 0), forecastValues: groups.count)
  }
}
