import Testing

@testable import ClaimLedger

/// One way a person might write a confidence, and the probability it means (nil: rejected).
struct ConfidenceCase: Sendable, CustomTestStringConvertible {
  let text: String
  let expected: Double?
  var testDescription: String { "\"\(text)\"" }
}

/// A probability and how tables and the journal print it.
struct ConfidencePrintCase: Sendable, CustomTestStringConvertible {
  let value: Double
  let description: String
  let percent: String
  var testDescription: String { "\(value)" }
}

@Suite struct ConfidenceTests {
  static let cases: [ConfidenceCase] = [
    .init(text: "0.7", expected: 0.7),
    .init(text: "0.75", expected: 0.75),
    .init(text: "0", expected: 0),
    .init(text: "1", expected: 1),
    .init(text: " 0.7 ", expected: 0.7),
    .init(text: "70%", expected: 0.7),
    .init(text: "100%", expected: 1),
    .init(text: "0%", expected: 0),
    // Read as decimals, not divided: 0.7 / 100 would be 0.006999999999999999.
    .init(text: "0.7%", expected: 0.007),
    .init(text: "57.3%", expected: 0.573),
    .init(text: "70.%", expected: 0.7),
    .init(text: "７０％", expected: 0.7),
    .init(text: "０.７", expected: 0.7),
    .init(text: "七成", expected: 0.7),
    .init(text: "七成五", expected: 0.75),
    .init(text: "八成", expected: 0.8),
    .init(text: "两成", expected: 0.2),
    .init(text: "十成", expected: 1),
    .init(text: "1.5", expected: nil),
    .init(text: "150%", expected: nil),
    .init(text: "-5%", expected: nil),
    .init(text: "-0.5", expected: nil),
    .init(text: "seventy", expected: nil),
    .init(text: "1e-1", expected: nil),
    .init(text: "7e1%", expected: nil),
    .init(text: "0x1p-1", expected: nil),
    .init(text: "+0.5", expected: nil),
    .init(text: "0.5.1", expected: nil),
    .init(text: "nan", expected: nil),
    .init(text: "inf", expected: nil),
    .init(text: "", expected: nil),
    .init(text: "%", expected: nil),
    .init(text: ".", expected: nil),
    .init(text: "七", expected: nil),
    .init(text: "成", expected: nil),
    .init(text: "七成五六", expected: nil),
    // A hair off 1 stays on its side of 1: over it is refused, under it is not certainty.
    .init(text: "1.0000000000000001", expected: nil),
    .init(text: "0.99999999999999999999", expected: 1.0.nextDown),
    .init(text: "1.000", expected: 1),
    .init(text: "001", expected: 1),
    .init(text: "100.0000000000000001%", expected: nil),
    .init(text: "99.999999999999999999%", expected: 1.0.nextDown),
    .init(text: "100.00%", expected: 1),
  ]

  @Test(arguments: cases)
  func readsProbabilityPercentOrChineseTenths(_ c: ConfidenceCase) {
    #expect(Confidence(text: c.text)?.value == c.expected)
  }

  @Test(arguments: [0.0, 0.5, 1.0])
  func acceptsProbabilitiesInTheClosedUnitInterval(_ value: Double) {
    #expect(Confidence(value)?.value == value)
  }

  @Test(arguments: [-0.01, 1.000_001, Double.nan, Double.infinity, -Double.infinity])
  func rejectsEverythingElse(_ value: Double) {
    #expect(Confidence(value) == nil)
  }

  static let printCases: [ConfidencePrintCase] = [
    .init(value: 0.7, description: "0.7", percent: "70%"),
    .init(value: 0.85, description: "0.85", percent: "85%"),
    .init(value: 1, description: "1", percent: "100%"),
    .init(value: 0, description: "0", percent: "0%"),
    .init(value: 0.125, description: "0.125", percent: "12.5%"),
    .init(value: 1.0 / 3.0, description: "0.3333", percent: "33.3%"),
    // Short of certain, never shown as certain.
    .init(value: 0.9996, description: "0.9996", percent: "99.96%"),
    .init(value: 0.99999, description: "0.99999", percent: "99.999%"),
    .init(value: 0.00005, description: "0.00005", percent: "0.005%"),
  ]

  @Test(arguments: printCases)
  func printsWithoutTrailingZeros(_ c: ConfidencePrintCase) throws {
    let confidence = try Fixture.confidence(c.value)
    #expect(confidence.description == c.description)
    #expect(confidence.percent == c.percent)
  }

  @Test func ordersByProbability() throws {
    #expect(try Fixture.confidence(0.3) < Fixture.confidence(0.7))
  }
}

@Suite struct DecimalFormatTests {
  @Test func roundsAndTrimsOrdinaryNumbers() {
    #expect(DecimalFormat.trimmed(0.7, places: 4) == "0.7")
    #expect(DecimalFormat.trimmed(-0.05, places: 1) == "-0.1")
    #expect(DecimalFormat.fixed(0.5, places: 2) == "0.50")
    #expect(DecimalFormat.fixed(-2.345, places: 1) == "-2.3")
  }

  /// Sums equal on paper print alike: a half left a hair short by floating point still
  /// rounds up, as it does on paper; a real difference in the sixth place still counts.
  @Test func floatNoiseDoesNotDecideARounding() {
    let short = 0.1 + 0.2 - 0.15  // 0.15000000000000002
    #expect(DecimalFormat.fixed(0.3035, places: 3) == "0.304")
    #expect(DecimalFormat.fixed(0.30349999999999994, places: 3) == "0.304")
    #expect(
      DecimalFormat.fixed(0.1575, places: 3) == DecimalFormat.fixed(0.15749999999999997, places: 3))
    #expect(DecimalFormat.fixed(short, places: 1) == "0.2")
    #expect(DecimalFormat.fixed(0.30349, places: 3) == "0.303")
    #expect(DecimalFormat.fixed(-0.0025, places: 3) == "-0.003")
  }

  @Test func numbersNoIntegerHoldsAreWrittenAsTheyAre() {
    for value in [1e300, -1e300, Double.infinity, -Double.infinity, 1e15] {
      #expect(DecimalFormat.trimmed(value, places: 6) == value.description)
      #expect(DecimalFormat.fixed(value, places: 3) == value.description)
    }
    #expect(DecimalFormat.trimmed(.nan, places: 2) == "nan")
  }
}

@Suite struct ChineseNumeralTests {
  @Test func readsEachDigitCharacter() {
    let digits = Array("〇零一二两兩三四五六七八九").map { ChineseNumeral.digit($0) }
    #expect(digits == [0, 0, 1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9])
    #expect(ChineseNumeral.digit("十") == 10)
    #expect(ChineseNumeral.digit("年") == nil)
    #expect(ChineseNumeral.digit(of: "A") == nil)
  }
}
