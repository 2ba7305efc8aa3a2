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
  ]

  @Test(arguments: cases)
  func writesTheShortForm(_ c: AmountCase) {
    #expect(Amount.first(in: c.text)?.text == c.expected)
  }

  @Test func moneySkipsBareNumbersBeforeIt() {
    #expect(Amount.firstMoney(in: "2026年以三百亿美元成交")?.text == "$30B")
    #expect(Amount.firstMoney(in: "2026年会有三家") == nil)
  }
}
