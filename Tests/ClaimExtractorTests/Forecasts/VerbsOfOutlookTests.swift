import ClaimLedger
import Testing

@testable import ClaimExtractor

/// Ways of looking ahead beyond the modals: a launch in the progressive, a date on someone's
/// calendar, an outlook someone sees, a company's guidance, a figure seen or estimated at, the
/// traditional 宣佈 and 來年, and 将 before an adverb; a past year that dates a level; and
/// windows given as alternatives, as a rate, or across a semicolon.
@Suite struct VerbsOfOutlookTests {
  static func claims(_ body: String, date: String = "2026-05-14") throws -> [Claim] {
    try ExtractorTests.article(body, date: date, author: "Ann Bee")
  }

  /// The deadlines of the claims `body` gives, as `YYYY-MM-DD` or nil.
  static func deadlines(_ body: String) throws -> [String?] {
    try claims(body).map { $0.deadline?.description }
  }

  @Test(arguments: [
    ("Its new headset is coming later this year.", "is coming", "2026-12-31"),
    ("A developer version is scheduled for release in October.", "is scheduled for", "2026-10-31"),
    ("The second terminal is slated to open in 2027.", "is slated to", "2027-12-31"),
    ("Economists see the jobless rate rising to 4.3% next year.", "see", "2027-12-31"),
    (
      "Economists see policymakers' median rate forecast edging up to 4.3% this year.", "see",
      "2026-12-31"
    ),
    (
      "For 2027, the company now projects adjusted earnings of $3.50 to $3.90 per share.",
      "projects", "2027-12-31"
    ),
    ("Goldman forecasts Brent at $80 a barrel by the end of 2027.", "forecasts", "2027-12-31"),
    ("騰訊宣佈2月1日上線春節活動。", "宣佈", "2027-02-01"),
    ("Goldman Sachs is forecasting Brent at $90 by year-end.", "is forecasting", "2026-12-31"),
    ("Brent is seen at $81 a barrel in the fourth quarter.", "is seen at", "2026-12-31"),
    ("Brent is estimated at $86 a barrel in the third quarter.", "is estimated at", "2026-09-30"),
    ("中原預料來年租金上升5%。", "預料", "2027-12-31"),
    ("分析師料明年樓價上升15%。", "料", "2027-12-31"),
    ("花旗說，比特幣未來12個月目標價為14.3萬美元。", "目標價", "2027-05-14"),
    ("“十五五”期间，我国经济年均增速预计将保持在5%左右。", "预计", "2030-12-31"),
    ("预计到本十年末，全球销量将翻倍。", "预计", "2030-12-31"),
    (
      "IATA said 2027 profits are projected to reach $41 billion.", "are projected to", "2027-12-31"
    ),
    ("施永青预计中原指数明年升穿2021年高位。", "预计", "2027-12-31"),
    ("Home prices will return to their 2021 levels by 2028.", "will", "2028-12-31"),
  ])
  func anOutlookVerbMakesAClaim(_ sentence: String, _ hedge: String, _ deadline: String) throws {
    let found = try Self.claims(sentence)
    #expect(found.map(\.hedge) == [hedge])
    #expect(found.first?.deadline?.description == deadline)
  }

  @Test func whoSeesOrAnnouncesIsTheSpeaker() throws {
    #expect(
      try Self.claims("Economists see the jobless rate rising to 4.3% next year.").map(\.source)
        == ["Economists"])
    #expect(try Self.claims("騰訊宣佈2月1日上線春節活動。").map(\.source) == ["Tencent"])
  }

  /// The same words where they look at nothing ahead: sight, a wish to see, the nouns, a
  /// progressive of the present with no window.
  @Test(arguments: [
    "We have yet to see the results this year.",
    "Investors want to see earnings growing next year.",
    "Growth forecasts for 2027 were cut sharply last month.",
    "The city has three new projects in 2027.",
    "The latest forecasts put growth at 2% in 2027.",
    "The pressure is coming from higher rates.",
    "The damage is estimated at $5 billion.",
    "中央氣象署今日召開記者會。",
    "材料明年上涨15%。",
    "欧阳明高同时担任中国电动汽车百人会副理事长。", "會後董事長接受媒體採訪。", "Its targets for 2027 were cut.",
    "十五五规划的编制工作已经启动。",
    // 料 in an idiom and in materials; a sight dated by a year; a logo projected in a year.
    "不出所料，明年房价继续下跌。", "硅料明年上涨15%。",
    "Bernanke is seen at the Davos forum in January 2027.",
    "The company projects its logo onto the tower in 2027.",
    "As is traditional, I will say that nobody ever gets this right.",
    // Sights, settings and what is happening now, not outlooks or launches.
    "Residents see smoke rising from the plant every morning this week.",
    "The company projects its logo onto the tower every night during December.",
    "Bernanke is seen at the Davos forum in January, chatting with bankers.",
    "Criticism is coming from all sides this week.",
    "The alarm is set for 6 a.m. tomorrow.",
    "She is predicting the award winners on her podcast every Sunday this year.",
    // Denials of a forecast.
    "Nobody is forecasting a recession next year, the chairman said.",
    "Few economists see rates rising next year.",
    "研討會將在明年舉行的說法並不準確。",
    // 将, 料 and 会 inside other words.
    "这位老将持续三年保持全勤。", "始料未及的是，公司今年一季度扭亏为盈。", "价格之所以会上涨，是因为去年供应短缺。",
  ])
  func theSameWordsElsewhereAreNoClaim(_ sentence: String) throws {
    #expect(try Self.claims(sentence).isEmpty)
  }

  /// 将 right before an adverb or its verb has no object between: the future, not 把.
  @Test(arguments: [
    "台積電宣佈2027年資本支出將大幅拉升至520億美元。",
    "公司2027年营收将提升至100亿元。",
    "明年公司产能将进一步扩大至100万辆。",
  ])
  func jiangBeforeAnAdverbOrItsVerbLooksAhead(_ sentence: String) throws {
    #expect(try Self.claims(sentence).count == 1)
  }

  @Test func jiangBeforeItsObjectStillMarksTheObject() throws {
    #expect(try Self.claims("公司能够将其业务整合至新平台。").isEmpty)
  }

  /// Windows given as alternatives or a span are due at the later one; two windows that only
  /// sit side by side are not joined.
  @Test(arguments: [
    ("预计在二季度末或者三季度初会推出一款全新大型 SUV。", "2026-09-30"),
    ("The launch is expected in Q3 or Q4 2027.", "2027-12-31"),
    ("This will be followed by the consumer launch in March of 2027.", "2027-03-31"),
  ])
  func alternativeWindowsAreDueAtTheLater(_ sentence: String, _ deadline: String) throws {
    #expect(try Self.claims(sentence).map { $0.deadline?.description } == [deadline])
  }

  /// A forecast after a semicolon that names no window takes the open one of the clause before;
  /// a window already over passes nothing on.
  @Test func aSemicolonPassesItsWindowOn() throws {
    let shared = try Self.claims("预期2027年晶圆代工产业将成长约14%；台积将持续超越产业成长表现。")
    #expect(shared.map { $0.deadline?.description } == ["2027-12-31", "2027-12-31"])
    let english = try Self.claims("Revenue will rise 8% in 2027; margins will improve too.")
    #expect(english.map { $0.deadline?.description } == ["2027-12-31", "2027-12-31"])
    let past = try Self.claims("公司2025年营收增长20%；未来将继续扩张。")
    #expect(past.map { $0.deadline?.description } == [nil])
  }

  /// A plan is dated by a window in an aside on its object, or standing alone after one.
  @Test func anAsideOnThePlansObjectMayDateIt() throws {
    let launch = try Self.claims(
      "Zorvex intends to launch a cheaper phone, a successor to its Z1, in the spring of 2027.")
    #expect(launch.map { $0.deadline?.description } == ["2027-05-31"])
    let plant = try Self.claims("Zorvex plans to open a plant, its first in Europe, in 2027.")
    #expect(plant.map { $0.deadline?.description } == ["2027-12-31"])
    #expect(try Self.claims("Zorvex plans to grow, a sign of confidence.").isEmpty)
    // An aside with a window of its own before the plan's: no date is guessed.
    #expect(
      try Self.claims(
        "Zorvex intends to launch a cheaper phone, a rival to a model due in 2028, this year."
      ).isEmpty)
  }

  /// A weak hedge before a level held or crossed puts a figure on the outcome.
  @Test func aLevelHeldOrCrossedIsAFigure() throws {
    #expect(try Self.claims("降息幅度可能保持在40BP左右。").map(\.hedge) == ["可能"])
    #expect(try Self.claims("The yield may stay above 4% for now.").map(\.hedge) == ["may"])
    #expect(try Self.claims("降息幅度可能保持不变。").isEmpty)
  }

  /// A launch in the progressive beside a window that holds the day of writing is what is
  /// happening; one still wholly to come is a schedule.
  @Test func aProgressiveIsALaunchOnlyBeforeItsWindow() throws {
    let line = "Tourists are arriving in record numbers this summer, hotel owners say."
    #expect(try Self.claims(line, date: "2026-07-15").isEmpty)
    #expect(try Self.claims("The headset is launching in October.", date: "2026-07-15").count == 1)
  }

  /// Two windows joined by 至 or 到 as the second's own words are due at the later; a month
  /// just after a verb in the past dates what was done.
  @Test func spansAndMonthsOfDoneThings() throws {
    #expect(
      try Self.deadlines("樓價將於明年至後年見底。") == ["2028-12-31"])
    #expect(
      try Self.deadlines("Workers hired in March will get raises in January.") == ["2027-01-31"])
    #expect(
      try Self.deadlines("Farmers who lost crops in March will get compensation.") == [nil])
  }

  /// A month after the forecast word when that word is in the past itself dates what was said.
  @Test func aMonthAfterAForecastInThePastIsNotMovedOn() throws {
    let found = try Self.claims(
      "Profits are projected to reach $41 billion, up from the $36 billion they predicted at the meeting in March."
    )
    #expect(found.map { $0.deadline?.description } == [nil])
  }

  /// A modal before "see" is the forecast's word; 来 ending another word opens no 來年; a live
  /// window before a word of level, a word of time in -est and "sell in a year" keep their
  /// windows.
  @Test func reviewedFalseFriendsKeepTheirReading() throws {
    #expect(
      try Self.claims("Shoppers will see prices rising 5% next year.").map(\.hedge) == ["will"])
    #expect(
      try Self.deadlines("2020年以来年均增长10%，预计将继续增长。") == [nil])
    #expect(
      try Self.deadlines("By 2030 low-cost airlines will carry half of all passengers.") == [
        "2030-12-31"
      ])
    #expect(
      try Self.deadlines("明年高位运行的油价将回落。") == ["2027-12-31"])
    #expect(
      try Self.deadlines("The company expects to ship its latest chip in six months.") == [
        "2026-11-14"
      ])
    #expect(
      try Self.deadlines("Investors will sell in a year if rates rise.") == ["2027-05-14"])
    #expect(
      try Self.deadlines("Samsung will invest 10 trillion won in March.") == ["2027-03-31"])
  }

  /// A record over a span ("the coldest winter in a decade") is no window; a month after a
  /// verb in the past dates what was done and is not moved on a year; a season's two years
  /// end with the second.
  @Test func recordsPastActsAndSeasons() throws {
    let record = try Self.claims(
      "Winters are likely to be milder than average, despite claims of the coldest winter in a decade."
    )
    #expect(record.map { $0.deadline?.description } == [nil])
    #expect(
      try Self.claims("Help is coming too late for farmers who lost their crops in March.").isEmpty)
    #expect(
      try Self.deadlines("The bridge will be completed in March.")
        == ["2027-03-31"])
    #expect(
      try Self.deadlines("Kestrel will win the 2026/27 league title.") == ["2027-12-31"])
  }

  /// "makes in a year" is an amount a year, not a window; "in a year" after an object is one.
  @Test func aSpanAfterAVerbOfAmountIsARate() throws {
    let rate = try Self.claims(
      "The contract will bring in four times what the company makes in a year.")
    #expect(rate.count == 1)
    #expect(rate.first?.deadline == nil)
    let window = try Self.claims("The company will make a profit in a year.")
    #expect(window.first?.deadline?.description == "2027-05-14")
  }
}
