import ClaimLedger
import Testing

/// A claim, the subject a lexicon found in it, and the marks it should get.
struct SpecificityCase: Sendable, CustomTestStringConvertible {
  let text: String
  var quote: String?
  var subject: String?
  var deadlineText: String?
  var isConditional = false
  /// Named subject, explicit deadline, measurable, unconditional.
  let marks: [Bool]
  var testDescription: String { "\"\(text)\"" }
}

@Suite struct SpecificityTests {
  static let cases: [SpecificityCase] = [
    .init(
      text: "OpenAI acquires Pinterest", subject: "OpenAI", deadlineText: "2026",
      marks: [true, true, true, true]),
    .init(text: "AI will change everything", marks: [false, false, false, true]),
    .init(text: "Revenue passes 10 billion", marks: [false, false, true, true]),
    .init(text: "营收突破百亿", marks: [false, false, true, true]),
    .init(text: "Shares rise to ３０ dollars", marks: [false, false, true, true]),
    .init(text: "The urban plan goes ahead", marks: [false, false, false, true]),
    .init(text: "Prices fall if rates rise", marks: [false, false, false, false]),
    .init(text: "房价回落", quote: "如果降息，房价将回落", marks: [false, false, false, false]),
    .init(
      text: "Apple ships glasses", subject: "Apple", isConditional: true,
      marks: [true, false, true, false]),
    .init(
      text: "Tesla launches robotaxi", subject: "", deadlineText: " ",
      marks: [false, false, true, true]),
  ]

  @Test(arguments: cases)
  func marksWhatPinsTheClaimDown(_ c: SpecificityCase) throws {
    let claim = Claim(
      text: c.text, quote: c.quote, source: "S", said: Day("2026-01-01"),
      deadline: Day("2026-12-31"), deadlineText: c.deadlineText,
      confidence: try #require(Confidence(0.7)), isConditional: c.isConditional)
    let found = Specificity(claim, subject: c.subject)
    #expect(
      [found.hasNamedSubject, found.hasExplicitDeadline, found.isMeasurable, found.isUnconditional]
        == c.marks)
    #expect(found.score == Double(c.marks.filter { $0 }.count) / 4)
  }

  @Test func aDeadlineWithoutWordsIsNotExplicit() throws {
    let claim = Claim(
      text: "x", source: "S", said: nil, deadline: nil, deadlineText: "2026",
      confidence: try #require(Confidence(0.7)))
    #expect(!Specificity(claim, subject: nil).hasExplicitDeadline)
  }
}

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
