import ClaimReports
import SplitMix
import Testing

/// Properties that must hold for any set of forecasts, checked over many random ones.
@Suite struct ScoringPropertyTests {
  static let seeds: [UInt64] = Array(1...60)
  static let levels = [0, 0.05, 0.2, 0.3, 0.45, 0.5, 0.7, 0.75, 0.85, 0.9, 0.95, 1]

  /// Random (confidence, outcome) pairs; outcomes are 0, 0.5 or 1.
  static func forecasts(seed: UInt64) -> [(Double, Double)] {
    var random = SplitMix64(seed: seed)
    let count = Int.random(in: 1...200, using: &random)
    return (0..<count).map { _ in
      let confidence =
        Bool.random(using: &random)
        ? levels[Int.random(in: 0..<levels.count, using: &random)]
        : Double.random(in: 0...1, using: &random)
      let outcome = [0, 0.5, 1][Int.random(in: 0...2, using: &random)]
      return (confidence, outcome)
    }
  }

  @Test(arguments: seeds)
  func brierStaysInRangeAndTheIntervalHoldsTheAccuracy(_ seed: UInt64) throws {
    var tally = ScoreTally()
    for (confidence, outcome) in ScoringPropertyTests.forecasts(seed: seed) {
      tally.add(confidence: confidence, outcome: outcome)
    }
    let figures = tally.figures
    let brier = try #require(figures.brier)
    #expect((0...1).contains(brier))
    let skill = try #require(figures.brierSkill)
    #expect(skill <= 1 && skill >= -3)
    let accuracy = try #require(figures.accuracy)
    let interval = try #require(figures.accuracyInterval)
    #expect(interval.contains(accuracy))
    #expect(0 <= interval.low && interval.high <= 1)
    let boldness = try #require(figures.boldness)
    #expect((0...1).contains(boldness))
    #expect((0...1).contains(try #require(figures.shrunkAccuracy)))
  }

  @Test(arguments: seeds)
  func decompositionAddsUpToTheBrierScore(_ seed: UInt64) throws {
    var tally = DecompositionTally()
    var scores = ScoreTally()
    for (confidence, outcome) in ScoringPropertyTests.forecasts(seed: seed) {
      tally.add(confidence: confidence, outcome: outcome)
      scores.add(confidence: confidence, outcome: outcome)
    }
    let parts = try #require(tally.decomposition)
    let brier = try #require(scores.figures.brier)
    #expect(abs(parts.reliability - parts.resolution + parts.uncertainty - brier) < 1e-9)
    #expect(parts.reliability >= 0 && parts.resolution >= 0 && parts.uncertainty >= 0)
  }

  @Test(arguments: seeds)
  func aCertainForecasterWhoIsAlwaysRightScoresZero(_ seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var tally = ScoreTally()
    for _ in 0..<Int.random(in: 1...100, using: &random) {
      let saysYes = Bool.random(using: &random)
      tally.add(confidence: saysYes ? 1 : 0, outcome: saysYes ? 1 : 0)
    }
    #expect(tally.figures.brier == 0)
    #expect(tally.figures.brierSkill == 1)
  }

  @Test(arguments: seeds)
  func swappingOutcomesOfAFiftyPercentForecasterChangesNothing(_ seed: UInt64) {
    let outcomes = ScoringPropertyTests.forecasts(seed: seed).map(\.1)
    var asHappened = ScoreTally()
    var swapped = ScoreTally()
    for outcome in outcomes {
      asHappened.add(confidence: 0.5, outcome: outcome)
      swapped.add(confidence: 0.5, outcome: 1 - outcome)
    }
    #expect(asHappened.figures.brier == swapped.figures.brier)
    #expect(asHappened.figures.boldness == 0)
    // Each term is 0.25 (true or false) or 0 (partial), so Brier ≤ 0.25 and skill ≥ 0.
    #expect((asHappened.figures.brier ?? 1) <= 0.25)
  }
}
