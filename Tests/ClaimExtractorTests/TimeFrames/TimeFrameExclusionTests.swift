import ClaimExtractor
import ClaimLedger
import Testing

@Suite struct TimeFrameExclusionTests {
  static let amounts: [FrameCase] = [
    .init("营收达2026万元", nil),
    .init("估值2026亿", nil),
    .init("售价2026美元", nil),
    .init("增长2026%", nil),
    .init("招聘2026人", nil),
    .init("资金缺口1.4万亿美元", nil),
    .init("融资20亿美元", nil),
    .init("Qwen3-8B 已开源", nil),
    .init("致电 010-2026-3381", nil),
    .init("It sold 2,026 units in 2,026 stores", nil),
    .init("by 2026 million users", nil),
    .init("up 2026% in a week", nil),
    .init("model GPT2026 ships", nil),
  ]

  /// Past frames are returned with a deadline before publication, for the caller to drop.
  static let past: [FrameCase] = [
    .init("去年营收翻倍", on: published, "2025-12-31", "去年", start: "2025-01-01"),
    .init("前年亏损", on: published, "2024-12-31", "前年"),
    .init("过去三年增长", on: published, "2026-01-19", "过去三年", start: "2023-01-20"),
    .init("過去三年", on: published, "2026-01-19", "過去三年"),
    .init("近3年", on: published, "2026-01-19", "近3年"),
    .init("三年前发布", on: published, "2023-01-20", "三年前"),
    .init("last year sales doubled", on: published, "2025-12-31", "last year"),
    .init("over the past three years", on: published, "2026-01-19", "over the past three years"),
    .init("three years ago", on: published, "2023-01-20", "three years ago"),
    .init("然后年轻人", on: published, nil),
  ]

  /// A half or quarter in letters after an article or a possessive, with no year, is a product.
  static let products: [FrameCase] = [
    .init("We will ship the H2 to customers", on: published, nil),
    .init("an H1 in every warehouse", on: published, nil),
    .init("its Q3 sells well", on: published, nil),
    .init("Sales peak in H2", on: published, "2026-12-31", "in H2"),
    .init("the H2 2027 launch", "2027-12-31", "the H2 2027"),
    // What a period has, after it, makes it a period again.
    .init("its Q3 revenue beats estimates", on: published, "2026-09-30", "Q3"),
    .init("the Q4 results show a profit", on: published, "2026-12-31", "the Q4"),
  ]

  @Test(arguments: products) func aLetterAndDigitAfterAnArticleIsAName(_ c: FrameCase) {
    c.check()
  }

  @Test(arguments: amounts) func amountsAndIdsAreNotYears(_ c: FrameCase) { c.check() }
  @Test(arguments: past) func pastFramesEndBeforePublication(_ c: FrameCase) { c.check() }

  @Test func framesComeInOrderOfAppearance() {
    let context = TimeContext(published: Day(year: 2026, month: 1, day: 20))
    let frames = TimeFrameFinder.frames(
      in: "2025年亏损，明年上半年扭亏，2028年前上市", context: context)
    #expect(frames.map(\.words) == ["2025年", "明年上半年", "2028年前"])
    #expect(frames.map(\.deadline.description) == ["2025-12-31", "2027-06-30", "2028-12-31"])
  }

  @Test func halfWithoutYearTakesTheYearNamedBefore() {
    let context = TimeContext(published: Day(year: 2026, month: 1, day: 20))
    let frames = TimeFrameFinder.frames(in: "2027年先试点，下半年推广", context: context)
    #expect(frames.map(\.deadline.description) == ["2027-12-31", "2027-12-31"])
    #expect(frames.last?.start?.description == "2027-07-01")
  }

  @Test func englishQuarterWithoutYearTakesTheYearNamedBefore() {
    let frames = TimeFrameFinder.frames(
      in: "In 2027 sales rise, and in Q2 they peak", context: TimeContext())
    #expect(frames.map(\.words) == ["In 2027", "in Q2"])
    #expect(frames.map(\.deadline.description) == ["2027-12-31", "2027-06-30"])
  }

  @Test func wordsAreExactSubstringsOfFullWidthText() {
    let frames = TimeFrameFinder.frames(in: "预计２０２６年Ｑ３发布", context: TimeContext())
    #expect(frames.map(\.words) == ["２０２６年Ｑ３"])
    #expect(frames.first?.deadline.description == "2026-09-30")
  }
}
