import ClaimLedger
import Testing

@Suite struct HedgeUseTests {
  static func claim(_ confidence: Double, hedge: String?) throws -> Claim {
    Claim(
      text: "x", source: "S", said: nil, confidence: try #require(Confidence(confidence)),
      hedge: hedge)
  }

  @Test func aConfidenceReadFromTheWordIsReadAgainAtEachEndOfItsRange() throws {
    // 大概率: 0.75, range 0.65–0.85.
    let use = try #require(HedgeUse(try HedgeUseTests.claim(0.75, hedge: "大概率"), scale: .standard))
    #expect(!use.isNegated)
    #expect(use.confidence(.low) == 0.65 && use.confidence(.middle) == 0.75)
    #expect(use.confidence(.high) == 0.85)
    #expect(use.wordOutcome(1) == 1)
  }

  @Test func aNegatingWordTurnsTheReadingRound() throws {
    // 不会: 0.15, range 0.05–0.25; the claim "not X" is 0.85 sure.
    let use = try #require(HedgeUse(try HedgeUseTests.claim(0.85, hedge: "不会"), scale: .standard))
    #expect(use.isNegated)
    #expect(use.confidence(.low) == 0.95 && abs(use.confidence(.high) - 0.75) < 1e-12)
    #expect(use.wordOutcome(1) == 0 && use.wordOutcome(0.5) == 0.5)
  }

  @Test func aNumberOfItsOwnOrAnUnknownWordIsNoUse() throws {
    #expect(HedgeUse(try HedgeUseTests.claim(0.6, hedge: "大概率"), scale: .standard) == nil)
    #expect(HedgeUse(try HedgeUseTests.claim(0.75, hedge: "perchance"), scale: .standard) == nil)
    #expect(HedgeUse(try HedgeUseTests.claim(0.75, hedge: nil), scale: .standard) == nil)
  }
}
