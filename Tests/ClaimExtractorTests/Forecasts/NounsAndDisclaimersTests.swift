import Testing

@testable import ClaimExtractor

/// 预期 as a noun, sentences that say they hold no forecast, and forecasts no one holds.
@Suite struct NounsAndDisclaimersTests {
  @Test(arguments: [
    "风险提示：经济增长不及预期；政策落地低于预期。", "二月出口数据好于市场预期。", "今年利润符合預期。",
    "这一目标是产业规划，2030年产值突破十万亿元，不代表预测。", "該數字為政策目標，並非預測，2030年可望達成。",
    "The 2030 goal is a statement of intent, not a forecast, and the plant will open in 2028.",
    "Prices could double in 2027, but this is a scenario, not a prediction.",
    "Nobody expects the merger to close in 2027.",
    "No one thinks rates will fall next year.", "没有人认为明年会降息。",
  ])
  func leavesOutWhatIsNoForecast(_ sentence: String) {
    let c = DetectionCase(sentence: sentence, quotes: [])
    #expect(ForecastDetectorTests.spans(c).isEmpty)
  }

  @Test(arguments: [
    ("今年出货量有望超预期。", "有望"), ("市场预期美联储将在明年降息。", "预期"),
    ("Everyone expects the merger to close in 2027.", "expects"),
    ("We forecast that the plant will open in 2028.", "will"),
  ])
  func keepsAForecastBesideTheseWords(_ sentence: String, _ hedge: String) {
    let c = DetectionCase(sentence: sentence, quotes: [])
    #expect(ForecastDetectorTests.spans(c).map(\.hedge) == [hedge])
  }

  @Test func anExpectationAsANounSetsNoConfidence() {
    let c = DetectionCase(sentence: "如果通胀回升快于预期，降息节奏可能放缓。", quotes: [], isFramed: true)
    let spans = ForecastDetectorTests.spans(c)
    #expect(spans.map(\.hedge) == ["可能"])
    #expect(spans.map(\.confidence) == [0.5])
  }
}
