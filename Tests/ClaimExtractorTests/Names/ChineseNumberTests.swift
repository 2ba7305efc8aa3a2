import Testing

@testable import ClaimExtractor

/// A Chinese numeral and its value (nil: not a numeral).
struct NumberCase: Sendable, CustomTestStringConvertible {
  let text: String
  let value: Double?
  var testDescription: String { text }
}

@Suite struct ChineseNumberTests {
  static let cases: [NumberCase] = [
    .init(text: "三", value: 3),
    .init(text: "十八", value: 18),
    .init(text: "二十", value: 20),
    .init(text: "两千", value: 2000),
    .init(text: "一百七十五亿", value: 17_500_000_000),
    .init(text: "二零二六", value: 2026),
    .init(text: "二〇二六", value: 2026),
    .init(text: "一万二千", value: 12_000),
    .init(text: "1.4万亿", value: 1_400_000_000_000),
    .init(text: "250億", value: 25_000_000_000),
    .init(text: "八千亿", value: 800_000_000_000),
    .init(text: "三个", value: nil),
    .init(text: "", value: nil),
  ]

  @Test(arguments: cases)
  func readsTheValue(_ c: NumberCase) {
    #expect(ChineseNumber.value(of: c.text) == c.value)
  }
}

extension ChineseNumberTests {
  /// Exactly the digits and units count as parts of a numeral: its bitmap must agree with them.
  @Test func numeralCharactersAreTheDigitsAndUnits() {
    for character in "〇零一二两兩三四五六七八九十百千万萬亿億".unicodeScalars {
      #expect(ChineseNumber.isNumeral(character), "\(character)")
    }
    for character in "年月日个個半第首前后上下元a1".unicodeScalars {
      #expect(!ChineseNumber.isNumeral(character), "\(character)")
    }
  }
}
