import ClaimExtractor
import ClaimLedger
import Testing

/// A title or framing sentence and the year it frames (nil: none).
struct FramingCase: Sendable, CustomTestStringConvertible {
  let text: String
  let year: Int?
  var testDescription: String { text }
}

@Suite struct FramingYearTests {
  static let cases: [FramingCase] = [
    .init(text: "二零二六年AI产业发展预测：并购潮与监管", year: 2026),
    .init(text: "硅谷四巨头2026预测", year: 2026),
    .init(text: "2026年十大趋势展望", year: 2026),
    .init(text: "2027年科技趨勢預測", year: 2027),
    .init(text: "專家預言：二〇二八年的手機", year: 2028),
    .init(text: "2026年行业预判", year: 2026),
    .init(text: "The Analyst Letter's 12 Forecasts for 2026", year: 2026),
    .init(text: "Here are our top forecasts for 2026 for the economy", year: 2026),
    .init(text: "What to expect in 2027", year: 2027),
    .init(text: "Predictions for 2026", year: 2026),
    .init(text: "2026 Outlook: Chips and Power", year: 2026),
    .init(text: "Tech trends to watch in ２０２６", year: 2026),
    .init(text: "Calls for a 2027 ceasefire grow", year: nil),
    .init(text: "Union calls for 20% pay rise in 2027", year: nil),
    .init(text: "2026年AI产业发展回顾", year: nil),
    .init(text: "The best phones of 2026", year: nil),
    .init(text: "2025年回顾与2026年展望", year: nil),
    .init(text: "Forecasts for 2026 and 2027", year: nil),
    .init(text: "2026-2028年市场预测", year: nil),
    .init(text: "AI趋势预测", year: nil),
    .init(text: "营收2026万元的公司预测明年盈利", year: nil),
    .init(text: "Forecast: 2026 million users", year: nil),
    .init(text: "", year: nil),
  ]

  @Test(arguments: cases)
  func readsTheFramedYear(_ c: FramingCase) {
    #expect(TimeFrameFinder.framingYear(in: c.text) == c.year)
  }
}

extension FramingYearTests {
  static func deadlines(_ text: String, framing: Int?) -> [String] {
    let context = TimeContext(published: Day(year: 2026, month: 12, day: 10), framingYear: framing)
    return TimeFrameFinder.frames(in: text, context: context).map { $0.deadline.description }
  }

  /// In an outlook for a later year, a half or quarter that names no year is in that year.
  @Test(arguments: [
    ("Sales will peak in the second half.", "2027-12-31"),
    ("Margins should recover in the first quarter.", "2027-03-31"),
    ("销量将在下半年见顶。", "2027-12-31"),
  ])
  func aHalfInALaterFramedYearIsInThatYear(_ text: String, _ deadline: String) {
    #expect(Self.deadlines(text, framing: 2027) == [deadline])
  }

  /// Framed by the year of publication, or naming its own year, it stays where it is.
  @Test func aHalfWithItsOwnYearOrNoLaterFramingStays() {
    #expect(Self.deadlines("Sales will peak in the second half.", framing: 2026) == ["2026-12-31"])
    #expect(
      Self.deadlines("Sales will peak in the second half of 2028.", framing: 2027) == ["2028-12-31"]
    )
  }
}
