import Testing

@testable import ClaimExtractor

/// A window that dates the saying, not the forecast, sets no deadline.
@Suite struct TimeOfSayingTests {
  /// Each sentence against a publication on 2026-03-01, and the deadline of its one forecast.
  @Test(arguments: [
    ("Powell said in January that inflation would not ease until 2027.", "2027-12-31"),
    ("The CEO told reporters in February that the plant will open.", nil),
    ("Lind in January warned that rates will rise.", nil),
    ("李明1月表示，公司将在2027年上市。", "2027-12-31"), ("王芳2月份指出，新厂将投产。", nil), ("王芳1月表示公司将扩产。", nil),
    // A month with no year beside the verb is the one just past, though this year's is ahead.
    ("Powell said in December that the Fed will cut rates twice in 2027.", "2027-12-31"),
    ("The CEO told analysts in November the plant will open.", nil),
    ("She said this week that the plant will open.", nil),
    ("李明12月表示，公司将扩产。", nil),
    // A window after the forecast's own verb, or one still ahead, is the deadline.
    ("He said the plant will open in June.", "2026-06-30"),
    ("Forecasters said next year will be hotter.", "2027-12-31"),
    ("Musk said in 2027 Tesla will sell robots.", "2027-12-31"),
    ("The firm will announce in June that the plant opens.", "2026-06-30"),
  ])
  func aWindowBesideAVerbOfSayingDatesTheSaying(_ sentence: String, _ deadline: String?) {
    let spans = ForecastDetectorTests.spans(DetectionCase(sentence: sentence, quotes: []))
    #expect(spans.map { $0.timeFrame?.deadline.description } == [deadline])
  }
}
