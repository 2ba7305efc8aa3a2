import ClaimReports
import Testing

/// A proportion and the Wilson 95 % interval worked out for it.
struct WilsonCase: Sendable, CustomTestStringConvertible {
  let successes: Double
  let trials: Int
  let low: Double
  let high: Double
  var testDescription: String { "\(successes) of \(trials)" }
}

@Suite struct WilsonIntervalTests {
  // (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), z = 1.96, z² = 3.8416.
  static let cases: [WilsonCase] = [
    // 0 of 10: centre 0.19208, spread 0.19208 → low 0; high 0.38416 / 1.38416 = 0.27754.
    .init(successes: 0, trials: 10, low: 0, high: 0.27754),
    // 5 of 10: centre 0.69208, spread 1.96·√(0.025 + 0.009604) = 0.36465; ÷ 1.38416.
    .init(successes: 5, trials: 10, low: 0.23659, high: 0.76341),
    // 1.5 of 4 (a partial counts half): p̂ 0.375, centre 0.8552, spread 0.67505; ÷ 1.9604.
    .init(successes: 1.5, trials: 4, low: 0.09190, high: 0.78058),
    // 1 of 2: centre 1.4604, spread 1.96·√(0.125 + 0.2401) = 1.18446; ÷ 2.9208.
    .init(successes: 1, trials: 2, low: 0.09453, high: 0.90547),
  ]

  @Test(arguments: cases)
  func matchesTheWorkedInterval(_ c: WilsonCase) throws {
    let interval = try #require(WilsonInterval(successes: c.successes, trials: c.trials))
    #expect(abs(interval.low - c.low) < 1e-4)
    #expect(abs(interval.high - c.high) < 1e-4)
  }

  @Test func noTrialsGiveNoInterval() {
    #expect(WilsonInterval(successes: 0, trials: 0) == nil)
  }
}

@Suite struct ScoreTallyTests {
  /// (0.8, true), (0.6, false), (0.9, partial), (0.3, false).
  static func sample() -> ScoreTally {
    var tally = ScoreTally()
    tally.add(confidence: 0.8, outcome: 1)
    tally.add(confidence: 0.6, outcome: 0)
    tally.add(confidence: 0.9, outcome: 0.5)
    tally.add(confidence: 0.3, outcome: 0)
    return tally
  }

  @Test func figuresMatchHandArithmetic() throws {
    let figures = ScoreTallyTests.sample().figures
    #expect(figures.scored == 4)
    // accuracy = (1 + 0 + 0.5 + 0) / 4 = 0.375
    let accuracy = try #require(figures.accuracy)
    #expect(abs(accuracy - 0.375) < 1e-12)
    // Brier = (0.2² + 0.6² + 0.4² + 0.3²) / 4 = (0.04 + 0.36 + 0.16 + 0.09) / 4 = 0.1625
    let brier = try #require(figures.brier)
    #expect(abs(brier - 0.1625) < 1e-12)
    // skill = 1 − 0.1625 / 0.25 = 0.35
    let skill = try #require(figures.brierSkill)
    #expect(abs(skill - 0.35) < 1e-12)
    // shrunk = (1.5 + 2) / (4 + 4) = 0.4375
    let shrunk = try #require(figures.shrunkAccuracy)
    #expect(abs(shrunk - 0.4375) < 1e-12)
    // boldness = 2 · (0.3 + 0.1 + 0.4 + 0.2) / 4 = 0.5
    let boldness = try #require(figures.boldness)
    #expect(abs(boldness - 0.5) < 1e-12)
  }

  @Test func nothingScoredGivesNilFigures() {
    let figures = ScoreTally().figures
    #expect(figures.accuracy == nil)
    #expect(figures.brier == nil)
    #expect(figures.brierSkill == nil)
    #expect(figures.boldness == nil)
    #expect(figures.accuracyInterval == nil)
    // The prior's (0 + 2) / (0 + 4) alone would read as a record of 50 %.
    #expect(figures.shrunkAccuracy == nil)
  }

  @Test func oneLuckyCallRanksBelowFortyOfFifty() {
    // (1 + 2) / (1 + 4) = 0.6 against (40 + 2) / (50 + 4) = 0.778
    #expect(ScoreTally.shrunk(successes: 1, trials: 1) == 0.6)
    #expect(ScoreTally.shrunk(successes: 40, trials: 50) > 0.77)
  }
}

@Suite struct CalibrationTallyTests {
  static let edges: [(Double, Int)] = [
    (0, 0), (0.05, 0), (0.1, 1), (0.3, 3), (0.35, 3), (0.6, 6), (0.7, 7), (0.99, 9), (1, 9),
  ]

  @Test(arguments: edges)
  func binsByTenthWithTheLowEdgeInside(_ confidence: Double, _ bin: Int) {
    #expect(CalibrationTally.bin(of: confidence) == bin)
  }

  @Test func binsReportCountMeanAndObservedShare() throws {
    var tally = CalibrationTally()
    // Bin 9: 0.9 true, 0.95 false, 0.9 partial → mean p 0.91667, observed 1.5 / 3 = 0.5.
    tally.add(confidence: 0.9, outcome: 1)
    tally.add(confidence: 0.95, outcome: 0)
    tally.add(confidence: 0.9, outcome: 0.5)
    // Bin 2: 0.2 false → observed 0.
    tally.add(confidence: 0.2, outcome: 0)
    let bins = tally.bins
    #expect(bins.count == 10)
    #expect(bins.map(\.count) == [0, 0, 1, 0, 0, 0, 0, 0, 0, 3])
    #expect(bins[0].meanConfidence == nil && bins[0].observed == nil)
    let mean = try #require(bins[9].meanConfidence)
    #expect(abs(mean - 2.75 / 3) < 1e-12)
    #expect(bins[9].observed == 0.5)
    let interval = try #require(bins[9].observedInterval)
    #expect(interval.contains(0.5) && interval.low > 0 && interval.high < 1)
    #expect(bins[2].observed == 0)
    #expect(bins[9].low == 0.9 && bins[9].high == 1)
  }
}

@Suite struct BrierDecompositionTests {
  @Test func partsMatchHandArithmeticWithAPartialOutcome() throws {
    // p = 0.8 with outcomes 1, 1, 0; p = 0.4 with outcomes 0 and 0.5 (partial). N = 5.
    var tally = DecompositionTally()
    for outcome in [1.0, 1, 0] { tally.add(confidence: 0.8, outcome: outcome) }
    for outcome in [0.0, 0.5] { tally.add(confidence: 0.4, outcome: outcome) }
    let parts = try #require(tally.decomposition)
    // ō = 2.5 / 5 = 0.5; ō(0.8) = 2/3; ō(0.4) = 0.25.
    // REL = (3·(0.8 − 2/3)² + 2·(0.4 − 0.25)²) / 5 = (0.053333 + 0.045) / 5 = 0.0196667
    #expect(abs(parts.reliability - 0.0983333 / 5) < 1e-6)
    // RES = (3·(2/3 − 0.5)² + 2·(0.25 − 0.5)²) / 5 = (0.083333 + 0.125) / 5 = 0.0416667
    #expect(abs(parts.resolution - 0.2083333 / 5) < 1e-6)
    // UNC = mean o² − ō² = (1 + 1 + 0 + 0 + 0.25) / 5 − 0.25 = 0.2 (not 0.25: one partial)
    #expect(abs(parts.uncertainty - 0.2) < 1e-12)
    // Brier = (0.04 + 0.04 + 0.64 + 0.16 + 0.01) / 5 = 0.178 = 0.0196667 − 0.0416667 + 0.2
    #expect(abs(parts.brier - 0.178) < 1e-12)
    #expect(abs(parts.reliability - parts.resolution + parts.uncertainty - parts.brier) < 1e-12)
    #expect(parts.forecastValues == 2)
  }

  @Test func nothingScoredHasNoDecomposition() {
    #expect(DecompositionTally().decomposition == nil)
  }
}
