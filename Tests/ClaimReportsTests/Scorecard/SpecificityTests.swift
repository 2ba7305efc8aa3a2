import ClaimLedger
import Testing

@testable import ClaimReports

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
  /// Every case has the deadline 2026-12-31: stated by the person who recorded it (no words),
  /// by words, or implied by an article's framing, which alone is not explicit.
  static let cases: [SpecificityCase] = [
    .init(
      text: "OpenAI acquires Pinterest", subject: "OpenAI", deadlineText: "2026",
      marks: [true, true, true, true]),
    .init(text: "AI will change everything", marks: [false, true, false, true]),
    .init(
      text: "AI will change everything",
      deadlineText: Specificity.impliedDeadlinePrefix + "2026 predictions",
      marks: [false, false, false, true]),
    .init(text: "Revenue passes 10 billion", marks: [false, true, true, true]),
    .init(text: "营收突破百亿", marks: [false, true, true, true]),
    .init(text: "Shares rise to ３０ dollars", marks: [false, true, true, true]),
    .init(text: "The urban plan goes ahead", marks: [false, true, false, true]),
    .init(text: "Prices fall if rates rise", marks: [false, true, false, false]),
    .init(text: "房价回落", quote: "如果降息，房价将回落", marks: [false, true, false, false]),
    .init(
      text: "Apple ships glasses", subject: "Apple", isConditional: true,
      marks: [true, true, true, false]),
    .init(
      text: "Tesla launches robotaxi", subject: "", deadlineText: " ",
      marks: [false, true, true, true]),
  ]

  /// The marks the scorecards read from `claim`, with `subject` the one name the lexicon finds.
  static func marks(of claim: Claim, subject: String?) -> Specificity {
    let names = subject.map { [$0] } ?? []
    return ClaimTextFacts.read(claim, status: .open, nameScan: { _ in names }).specificity
  }

  @Test(arguments: cases)
  func marksWhatPinsTheClaimDown(_ c: SpecificityCase) throws {
    let claim = Claim(
      text: c.text, quote: c.quote, source: "S", said: Day("2026-01-01"),
      deadline: Day("2026-12-31"), deadlineText: c.deadlineText,
      confidence: try #require(Confidence(0.7)), isConditional: c.isConditional)
    let found = SpecificityTests.marks(of: claim, subject: c.subject)
    #expect(
      [found.hasNamedSubject, found.hasExplicitDeadline, found.isMeasurable, found.isUnconditional]
        == c.marks)
    #expect(found.score == Double(c.marks.filter { $0 }.count) / 4)
  }

  @Test func aClaimWithNoDeadlineHasNoExplicitOne() throws {
    let claim = Claim(
      text: "x", source: "S", said: nil, deadline: nil, deadlineText: "2026",
      confidence: try #require(Confidence(0.7)))
    #expect(!SpecificityTests.marks(of: claim, subject: nil).hasExplicitDeadline)
  }
}
