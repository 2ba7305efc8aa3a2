import ClaimLedger
import Testing

@testable import ClaimExtractor

/// Companies' guidance and targets, picks and bets, the days of next week, fiscal years the
/// article defines, and a question that follows a forecast without taking it back.
@Suite struct GuidanceAndScheduleTests {
  static func claims(_ body: String, date: String = "2026-05-14") throws -> [Claim] {
    try ExtractorTests.article(body, date: date, author: "Ann Bee")
  }

  @Test(arguments: [
    ("We're targeting FDA approval for the vaccine in the third quarter of 2027.", "’re targeting"),
    (
      "Brightwater guided to revenue of roughly $1.45 billion for the quarter ending June 30.",
      "guided to"
    ),
    (
      "Our guidance calls for the plant to run at full capacity by the end of 2026.",
      "guidance calls for"
    ),
    (
      "Aeroquill hopes to begin taxi tests of its demonstrator by the end of the first quarter.",
      "hopes to"
    ),
    ("My bet is Redwood to win the title next June.", "my bet"),
    ("I'd bet on Kofi Mensah-Adu to win rookie of the year in 2027.", "i'd bet"),
    ("He should win his second MVP award this spring.", "should win"),
    ("梁家豪料，下半年本港經濟增長或放緩至2%左右。", "或放緩"),
    ("執政黨團力拚年底前完成三讀。", "力拚"),
    ("若工業電價調漲5%，明年物價恐被推升約0.1個百分點。", "恐被"),
  ])
  func targetsPicksAndHedgesAreCues(_ sentence: String, _ hedge: String) throws {
    let found = try Self.claims(sentence.replacingOccurrences(of: "’", with: "'"))
    #expect(found.count == 1)
    #expect(
      found.first?.hedge?.replacingOccurrences(of: "’", with: "'")
        == hedge.replacingOccurrences(of: "’", with: "'"))
  }

  /// As "I don't think": the claim keeps the doubt's words and reads 70% that the outcome does
  /// not come.
  @Test func beingSurprisedIsADoubt() throws {
    let found = try Self.claims("I'd be surprised if they carry a paying passenger before 2028.")
    #expect(found.map(\.confidence.value) == [0.7])
    #expect(found.first?.text == "I'd be surprised if they carry a paying passenger before 2028.")
    #expect(found.first?.deadline?.description == "2027-12-31")
  }

  @Test func theSpeakerOfLiaoIsTheEconomistAfterTheTitle() throws {
    let found = try Self.claims(
      "恒信銀行首席經濟師梁家豪料，下半年本港經濟增長或放緩至2%左右。他預計明年香港經濟可增長2.2%，並指出「明年的關鍵在於內需能否接力」。")
    #expect(found.map(\.source) == ["梁家豪", "梁家豪"])
    #expect(found.last?.deadline?.description == "2027-12-31")
  }

  @Test func aQuestionBeforeOrInTheForecastsClauseStillDismissesIt() throws {
    #expect(try Self.claims("明年经济能否增长2%仍有待观察。").isEmpty)
    #expect(try Self.claims("Will the bank cut rates next year?").isEmpty)
  }

  @Test func theDayOfNextWeekIsThatDay() throws {
    let found = try Self.claims(
      """
      行政院預計下週四院會通過草案。公司计划本周五发布新品。公司计划下周一到周五举行路演。

      公司计划本周一发布新品。下周二手房成交量预计将回升。下周三季度数据将公布。
      """, date: "2026-09-08")
    #expect(
      found.map { $0.deadline?.description } == [
        "2026-09-17", "2026-09-11", "2026-09-18", "2026-09-13", "2026-09-20", "2026-09-20",
      ])
  }

  @Test func wordsThatOnlyLookLikeCuesAreNone() throws {
    let found = try Self.claims(
      """
      投资者可通过线上或于门店办理相关业务，明年起实施。

      网友爆料称，苹果明年将推出折叠屏手机。

      张伟早年考取了高级经济师资格。他预计明年经济增长3%。

      Her book of the year is out now, and it will sell well.

      My pick for next year's book club is Middlemarch.
      """)
    #expect(!found.contains { $0.hedge == "或于" || $0.hedge == "my pick" })
    #expect(!found.contains { $0.source.hasSuffix("爆") || $0.source == "资格" })
    let book = try #require(found.first { $0.quote?.hasPrefix("Her book") == true })
    #expect(book.deadline == nil)
  }

  @Test func aFiscalYearRunsToTheMonthTheArticleSays() throws {
    let found = try Self.claims(
      """
      For fiscal 2027, which runs from April 2026 through March 2027, the company now expects revenue of $6.05 billion.

      We think the rocket will more likely than not fly before the year is out.
      """)
    #expect(found.map { $0.deadline?.description } == ["2027-03-31", "2026-12-31"])
  }

  /// Once the article says where its fiscal year ends, "fiscal 2027" alone ends there; in
  /// another article it keeps the latest day a fiscal year named 2027 may end.
  @Test func aFiscalYearEndsWhereTheArticleSaid() throws {
    let stated = try Self.claims(
      """
      He expects Brightwater to beat its fiscal 2027 revenue guidance by $100 million.

      The company expects revenue of $6 billion in fiscal 2027, which ends June 30, 2027.
      """)
    #expect(stated.map { $0.deadline?.description } == ["2027-06-30", "2027-06-30"])
    let unstated = try Self.claims(
      "He expects Brightwater to beat its fiscal 2027 revenue guidance by $100 million.")
    #expect(unstated.map { $0.deadline?.description } == ["2028-03-31"])
    #expect(FiscalCalendar.fiscalYear(in: "For fiscal year 2027") == 2027)
    #expect(FiscalCalendar.fiscalYear(in: "fiscal 27") == nil)
  }

  @Test func aFiscalYearInTheTitleFramesNoCalendarYear() throws {
    let found = try ExtractorTests.proposals(
      """
      ---
      title: "Brightwater lifts its fiscal 2027 outlook"
      date: '2026-05-14'
      ---
      A deal could be announced by the end of September.
      """)
    #expect(found.map { $0.deadline?.description } == ["2026-09-30"])
    #expect(TimeFrameFinder.framingYear(in: "Outlook for FY2027") == nil)
    #expect(TimeFrameFinder.framingYear(in: "2027财年业绩展望") == nil)
    #expect(TimeFrameFinder.framingYear(in: "Our outlook for 2027") == 2027)
  }
}
