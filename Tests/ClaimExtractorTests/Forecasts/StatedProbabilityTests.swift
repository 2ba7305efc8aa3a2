import ClaimLedger
import Testing

@testable import ClaimExtractor

@Suite struct StatedProbabilityTests {
  @Test func everyPatternCompiles() {
    #expect(StatedProbability.compiledCount == StatedProbability.patternCount)
  }

  @Test(arguments: [
    ("There is a 60% chance that the merger closes.", 0.6),
    ("Analysts see a 70 percent probability of a recession.", 0.7),
    ("The probability of a deal is about 35%.", 0.35),
    ("The odds of a deal are 1 in 5.", 0.2),
    ("公司有七成把握实现盈利", 0.7),
    ("明年黄金价格有三成机会突破3000美元", 0.3),
    ("七成五的可能会上市", 0.75),
    ("公司实现盈利的可能性为70%", 0.7),
    ("有80%的概率降息", 0.8),
    ("百分之七十的可能", 0.7),
    ("機率約25％", 0.25),
    ("Dealers give it a one-in-four chance of passing.", 0.25),
    ("There is a 1-in-5 probability of a strike.", 0.2),
    ("The odds of a cut are about one in three.", 1.0 / 3),
    ("Economists see a two-thirds chance of a slowdown.", 2.0 / 3),
    ("It is a 50-50 chance that the deal closes.", 0.5),
    ("She puts the odds of a merger before 2029 at about 15%.", 0.15),
    // How near the chance comes, and tenths after the noun.
    ("反聖嬰發生的可能性趨近於60%", 0.6), ("反圣婴发生的概率约为60%", 0.6),
    ("今年冬季反聖嬰發生的機率約為六成", 0.6), ("上市的可能性超过七成五", 0.75),
  ])
  func readsTheNumberBesideAWordOfChance(_ text: String, _ value: Double) throws {
    let read = try #require(StatedProbability.value(in: text))
    #expect(abs(read - value) < 1e-9)
  }

  /// A number with no word of chance beside it states no probability.
  @Test(arguments: [
    "Revenue will grow 70% next year.", "七成用户将在明年换机。", "The chance of rain is high.",
    "There is a 150% chance.", "市场份额达到30%，机会很多。", "份额提升至30%可能需要三年",
    // A target after "to" is no chance, nor one behind another number.
    "The odds of inflation falling to 2% are low.",
    "The probability of rates rising to 5% by 2027 is 30%.",
    // Fractions with no word of chance are shares, not probabilities.
    "Two-thirds of buyers chose the cheaper model.", "One in four homes is vacant.",
    "The odds of a deal rose as one in three members agreed.",
    // 成 after a noun of chance with something else between is no tenth.
    "机率提升后三成用户换机",
    // 把握 as "confident of" or "hold" picks up no number.
    "公司有把握超过15%的增长目标", "将在2027年牢牢把握七成市场份额",
  ])
  func aNumberAloneIsNoProbability(_ text: String) {
    #expect(StatedProbability.value(in: text) == nil)
  }
}

extension ForecastDetectorTests {
  static func only(_ sentence: String) -> ForecastSpan? {
    let spans = spans(DetectionCase(sentence: sentence, quotes: []))
    return spans.count == 1 ? spans[0] : nil
  }

  /// A stated number wins over the hedge word or tense beside it, and makes a forecast of a
  /// sentence whose only word of doubt is the chance it names.
  @Test(arguments: [
    ("There is a 60% chance that the merger will close by June 2027.", 0.6),
    ("There is a 60% chance the merger closes by June 2027.", 0.6),
    ("分析师认为，公司有七成把握在2027年实现盈利。", 0.7),
    ("分析师认为，公司2027年实现盈利的可能性为70%。", 0.7),
    ("机构预计，明年黄金价格有三成机会突破3000美元。", 0.3),
    ("今年10至12月反聖嬰發生的可能性趨近於60%。", 0.6),
  ])
  func aStatedProbabilitySetsTheConfidence(_ sentence: String, _ value: Double) throws {
    let span = try #require(Self.only(sentence))
    #expect(span.confidence == value)
    #expect(span.hedge == nil)
  }

  @Test func aWordOfChanceWithoutANumberIsNoForecast() {
    #expect(Self.only("The odds of a recession next year are rising.") == nil)
    // Nor does it make a firm word of a weak hedge beside it, in a sentence with no window.
    #expect(Self.only("The odds of a downturn may rise.") == nil)
  }

  /// The longer hedge is read, and negating hedges give the chance of what the words say.
  @Test(arguments: [
    ("The project is very unlikely to finish by 2028.", 0.9, "very unlikely"),
    (
      "There is almost no chance that the budget will be balanced by 2030.", 0.95,
      "almost no chance"
    ),
  ])
  func aNegatingPhraseIsReadWhole(_ sentence: String, _ value: Double, _ hedge: String) throws {
    let span = try #require(Self.only(sentence))
    #expect(span.confidence == value)
    #expect(span.hedge == hedge)
    #expect(span.isNegated)
  }

  /// 将在 and 将于 are the future's own prepositions, and 成 ending 完成 is no preposition: the
  /// 将 of "将在2027年完成收购" is "will", not an object marker.
  @Test(arguments: ["公司将在2027年完成收购。", "小米将在2027年完成新车交付。", "公司将在明年完成收购。"])
  func jiangZaiIsTheFuture(_ sentence: String) throws {
    let span = try #require(Self.only(sentence))
    #expect(span.hedge == "将")
  }

  @Test func unlessInChineseMarksTheForecastConditional() throws {
    let span = try #require(Self.only("除非政策变化，否则公司明年将裁员10%。"))
    #expect(span.isConditional)
  }

  @Test func predictInThePluralIsAForecastWord() throws {
    let span = try #require(Self.only("Economists at ING predict two rate cuts next year."))
    #expect(span.hedge == "predict")
  }
}

extension ForecastDetectorTests {
  /// A window that names no year and has closed at publication is the next one; one that
  /// names its year, even as 今年, stays where it is.
  @Test func aClosedWindowWithNoYearIsTheNextOne() throws {
    let november = TimeContext(published: Day(year: 2026, month: 11, day: 4))
    func deadlines(_ sentence: String) -> [String?] {
      Self.detector.forecasts(in: sentence, context: november, isFramed: false)
        .map { $0.timeFrame?.deadline.description }
    }
    #expect(deadlines("The company is expected to announce layoffs in January.") == ["2027-01-31"])
    #expect(deadlines("公司将于2月1日发布新手机。") == ["2027-02-01"])
    #expect(deadlines("The plant will open in December.") == ["2026-12-31"])
    #expect(deadlines("今年上半年公司将发布新手机。").isEmpty)
    // A time just past (上月) is when it was said, and a closed window in a clause that does
    // not look ahead reports the past: neither becomes next year's.
    #expect(deadlines("特斯拉上月表示将推出更便宜的车型。") == [nil])
    let august = TimeContext(published: Day(year: 2026, month: 8, day: 15))
    #expect(
      Self.detector.forecasts(in: "上半年营收增长20%，公司将继续扩张。", context: august, isFramed: false)
        .map { $0.timeFrame?.deadline.description } == [nil])
  }

  /// 持续关注 is the article speaking of itself only with 我们 or 本报.
  @Test func followingSomethingIsNoSelfReference() {
    #expect(Self.only("市场将持续关注美联储，分析师预计明年降息两次。") != nil)
  }

  /// The article speaking of itself, rhetoric about what something will be, and expectations
  /// held before and given up are no forecasts.
  @Test(arguments: [
    "我们将持续关注此事的进展。", "这将是一个艰难的过程。", "He will be remembered as a great leader.",
    "The company had expected to finish the plant by 2027, but the project was cancelled.",
    "公司原计划2027年上市。", "Stay tuned: we will keep you updated next week.",
  ])
  func leavesOutSelfReferenceRhetoricAndGivenUpPlans(_ sentence: String) {
    #expect(Self.spans(DetectionCase(sentence: sentence, quotes: [])).isEmpty)
  }
}

extension ForecastDetectorTests {
  /// A condition after the verb that reports the forecast still governs it.
  @Test(arguments: [
    "华泰证券预测，如果消费刺激政策加码，明年增速可能达到6%。",
    "Analysts predict that, if tariffs rise, prices will climb in 2027.",
  ])
  func aConditionAfterAReportingVerbMarksTheForecast(_ sentence: String) throws {
    let span = try #require(Self.only(sentence))
    #expect(span.isConditional)
  }

  @Test func theLongerNegatingPhraseWinsOverItsHedge() throws {
    let span = try #require(Self.only("台灣出口恐怕不會維持兩位數成長到明年。"))
    #expect(span.hedge == "恐怕不會")
    #expect(span.confidence == 0.8)
  }

  @Test(arguments: [
    "We will keep updating this page as new data arrive.", "本報將持續追蹤相關發展。",
    "This story will be updated next week.", "We will revisit these calls next December.",
    "We’ll report back in January on how the forecasts fared.", "我们将持续更新这份预测，明年再来回顾。",
  ])
  func aStoryUpdatingItselfIsNoForecast(_ sentence: String) {
    #expect(Self.spans(DetectionCase(sentence: sentence, quotes: [])).isEmpty)
  }
}

extension ForecastDetectorTests {
  /// A stated chance needs no window; a title-case headline states one too.
  @Test(arguments: [
    ("There is a 60% chance that the merger closes.", 0.6),
    ("Fed Sees 70 Percent Chance of Cut in 2027", 0.7),
  ])
  func aStatedChanceNeedsNoWindow(_ sentence: String, _ value: Double) throws {
    let span = try #require(Self.only(sentence))
    #expect(span.confidence == value)
  }

  /// Past a reporting verb only when the condition follows it at once.
  @Test func aConditionLaterInTheSentenceLeavesTheFirstForecastUnconditioned() throws {
    let spans = Self.spans(
      DetectionCase(sentence: "预计明年GDP增长5%，如果房地产企稳，增速可能更高。", quotes: []))
    #expect(spans.first?.isConditional == false)
  }

  @Test func keepingAModelUpdatedIsAForecast() throws {
    #expect(Self.only("Tesla will keep updating this model through 2027.") != nil)
  }
}

extension ForecastDetectorTests {
  /// 成 after a number counts tenths, not "into": the 將 before it is "will".
  @Test func chengAfterANumberIsNoPreposition() throws {
    let span = try #require(Self.only("市場景氣明年將回升兩成。"))
    #expect(span.hedge == "將")
  }
}

extension ForecastDetectorTests {
  /// Confidence in something rather than in an event, and "we see" before a place rather than
  /// a level, are no forecasts.
  @Test(arguments: ["我们对中国市场有信心。", "We see customers at our stores every weekend in 2027."])
  func confidenceAndSightAreNoForecasts(_ sentence: String) {
    #expect(Self.spans(DetectionCase(sentence: sentence, quotes: [])).isEmpty)
  }
}
