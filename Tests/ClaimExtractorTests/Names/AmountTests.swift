import Testing

@testable import ClaimExtractor

/// A written amount and its short English form (nil: no amount found).
struct AmountCase: Sendable, CustomTestStringConvertible {
  let text: String
  let expected: String?
  var testDescription: String { "\"\(text)\"" }
}

@Suite struct AmountTests {
  static let cases: [AmountCase] = [
    .init(text: "一百七十五亿美元", expected: "$17.5B"),
    .init(text: "250億美元", expected: "$25B"),
    .init(text: "1.4万亿美元", expected: "$1.4T"),
    .init(text: "八千亿美元", expected: "$800B"),
    .init(text: "一千亿元人民币", expected: "¥100B"),
    .init(text: "500亿人民幣", expected: "¥50B"),
    .init(text: "$17.5 billion", expected: "$17.5B"),
    .init(text: "$2.25bn", expected: "$2.25B"),
    .init(text: "US$300 million", expected: "$300M"),
    .init(text: "40 billion dollars", expected: "$40B"),
    .init(text: "10亿", expected: "1B"),
    .init(text: "12,000 units", expected: "12,000"),
    .init(text: "没有数字", expected: nil),
    // A scale letter counts only as a word of its own.
    .init(text: "$5B in funding", expected: "$5B"),
    .init(text: "$5B's rival", expected: "$5"),
    .init(text: "$5Bn", expected: "$5"),
    .init(text: "5B美元", expected: "5B"),
    // "dollars" needs the spaces a scale word would have taken.
    .init(text: "5 dollars", expected: "5"),
    .init(text: "5 billion  dollars", expected: "$5B"),
    .init(text: "¥3 billion", expected: "¥3B"),
    .init(text: "$2 billion yuan", expected: "¥2B"),
    .init(text: "１０亿", expected: "100M"),
    .init(text: "5\u{3000}亿美元", expected: "5"),
  ]

  @Test(arguments: cases)
  func writesTheShortForm(_ c: AmountCase) {
    #expect(Amount.first(in: c.text)?.text == c.expected)
  }

  /// Where each reading starts and ends: an English match takes the one space before its
  /// digits, so it comes first; a Chinese one takes the spaces before its currency.
  @Test func readsTheLeftmostLongestRange() {
    let english = Amount.first(in: "达 250亿美元")
    #expect(english?.utf8Range == 3..<7)
    #expect(english?.unit == .count)
    let chinese = Amount.first(in: "达250亿 美元")
    #expect(chinese?.utf8Range == 3..<16)
    #expect(chinese?.unit == .dollars)
    #expect(Amount.first(in: "US$ 3 million")?.utf8Range == 0..<13)
    #expect(Amount.first(in: "US$ 3 million", from: 1)?.text == "$3M")
    #expect(Amount.first(in: "1,200,", from: 0)?.utf8Range == 0..<6)
  }

  @Test func aRunOfDigitsTooLongForAnyAmountIsWrittenAsANumberNotACrash() {
    let digits = String(repeating: "9", count: 40)
    #expect(Amount.first(in: "$\(digits) trillion")?.text == "$1e+52")
    #expect(Amount.first(in: "\(digits)亿美元")?.text == "$1e+48")
    #expect(Amount.first(in: String(repeating: "9", count: 400)) != nil)
    #expect(Amount.short(9.2e22) == "92,000,000,000T")
  }

  @Test func moneySkipsBareNumbersBeforeIt() {
    #expect(Amount.firstMoney(in: "2026年以三百亿美元成交")?.text == "$30B")
    #expect(Amount.firstMoney(in: "2026年会有三家") == nil)
  }
}
