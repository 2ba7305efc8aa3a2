import ClaimLedger
import Testing

@testable import ClaimExtractor

/// A sentence and the forecasts the detector should find in it.
struct DetectionCase: Sendable, CustomTestStringConvertible {
  let sentence: String
  /// The quoted span of each forecast, in order.
  let quotes: [String]
  /// The deadline of each forecast (nil: none).
  var deadlines: [String?] = []
  var isFramed = false
  var testDescription: String { sentence }
}

@Suite struct ForecastDetectorTests {
  static let published = Day(year: 2026, month: 3, day: 1)
  static let detector = ForecastDetector()

  static func spans(_ c: DetectionCase) -> [ForecastSpan] {
    detector.forecasts(
      in: c.sentence, context: TimeContext(published: published), isFramed: c.isFramed)
  }

  static func quotes(_ spans: [ForecastSpan], in sentence: String) -> [String] {
    let bytes = Array(sentence.utf8)
    return spans.map { String(decoding: bytes[$0.range], as: UTF8.self) }
  }

  static let forecasts: [DetectionCase] = [
    .init(
      sentence: "小米将在2027年推出首款折叠屏汽车。", quotes: ["小米将在2027年推出首款折叠屏汽车。"],
      deadlines: ["2027-12-31"]),
    .init(
      sentence: "分析师认为，苹果极有可能在明年收购一家芯片公司。",
      quotes: ["分析师认为，苹果极有可能在明年收购一家芯片公司。"], deadlines: ["2027-12-31"]),
    .init(
      sentence: "該公司預計明年上半年量產新電池。", quotes: ["該公司預計明年上半年量產新電池。"],
      deadlines: ["2027-06-30"]),
    .init(
      sentence: "2026年销量将突破百万辆，2028年将达到三百万辆。",
      quotes: ["2026年销量将突破百万辆", "2028年将达到三百万辆。"],
      deadlines: ["2026-12-31", "2028-12-31"]),
    // A passive verb of saying is the forecast's own event; 说不定 says nothing; an opinion
    // no one holds is out of its own clause only; "by the Q3" is a period.
    .init(
      sentence: "The results will be announced in June.",
      quotes: ["The results will be announced in June."], deadlines: ["2026-06-30"]),
    .init(sentence: "央行6月说不定会降息。", quotes: ["央行6月说不定会降息。"], deadlines: ["2026-06-30"]),
    .init(
      sentence: "Nobody expects the Fed to cut rates in 2026, but Goldman predicts a cut by June.",
      quotes: ["but Goldman predicts a cut by June."], deadlines: ["2026-06-30"]),
    .init(
      sentence: "Sales will rise by the Q3.", quotes: ["Sales will rise by the Q3."],
      deadlines: ["2026-09-30"]),
    // "Not before" a window: the earliest, so from it to the end of its year.
    .init(
      sentence: "Intel will sell the unit, but not before the second half of 2027.",
      quotes: ["Intel will sell the unit, but not before the second half of 2027."],
      deadlines: ["2027-12-31"]),
    .init(
      sentence: "The Fed will cut rates twice, but not before June.",
      quotes: ["The Fed will cut rates twice, but not before June."], deadlines: ["2026-12-31"]),
    // "As early as" names the window; "is planning to" is a plan.
    .init(
      sentence: "Apple is planning to release glasses as early as 2027.",
      quotes: ["Apple is planning to release glasses as early as 2027."],
      deadlines: ["2027-12-31"]),
    // 乘联会 names a body: its 会 is no "will", and the fact before the forecast joins it.
    .init(
      sentence: "乘联会秘书长指出，今年渗透率已超过50%，预计明年将达到60%。",
      quotes: ["乘联会秘书长指出，今年渗透率已超过50%，预计明年将达到60%。"],
      deadlines: ["2027-12-31"]),
    .init(
      sentence: "公司有信心在明年实现盈利。", quotes: ["公司有信心在明年实现盈利。"],
      deadlines: ["2027-12-31"]),
    // A clause that compares with a reference is no forecast of its own, whatever it dates.
    .init(
      sentence: "Goldman expects Brent to average $50 in 2027, down from $65 this year.",
      quotes: ["Goldman expects Brent to average $50 in 2027, down from $65 this year."],
      deadlines: ["2027-12-31"]),
    .init(
      sentence: "机构预计2027年GDP增速为4.5%，高于今年的4.2%。", quotes: ["机构预计2027年GDP增速为4.5%，高于今年的4.2%。"],
      deadlines: ["2027-12-31"]),
    // …and dates nothing; 比亚迪 opens a forecast of its own, not a comparison.
    .init(
      sentence: "Oil prices will fall, down from $65 this year.",
      quotes: ["Oil prices will fall, down from $65 this year."], deadlines: [nil]),
    .init(
      sentence: "分析师预计特斯拉今年交付200万辆，比亚迪明年交付500万辆。",
      quotes: ["分析师预计特斯拉今年交付200万辆", "比亚迪明年交付500万辆。"],
      deadlines: ["2026-12-31", "2027-12-31"]),
    .init(
      sentence: "Analysts expect the company will double its revenue by 2028.",
      quotes: ["Analysts expect the company will double its revenue by 2028."],
      deadlines: ["2028-12-31"]),
    .init(
      sentence: "Sony plans to ship a smaller, quieter console in 2027.",
      quotes: ["Sony plans to ship a smaller, quieter console in 2027."],
      deadlines: ["2027-12-31"]),
    .init(
      sentence: "Mortgage rates should end next year close to 5%.",
      quotes: ["Mortgage rates should end next year close to 5%."], deadlines: ["2027-12-31"]),
    .init(
      sentence: "We see unemployment rising to 5% by the end of 2027.",
      quotes: ["We see unemployment rising to 5% by the end of 2027."], deadlines: ["2027-12-31"]),
    .init(
      sentence: "We see the policy rate at 3% in mid-2027.",
      quotes: ["We see the policy rate at 3% in mid-2027."], deadlines: ["2027-06-30"]),
    .init(
      sentence: "这家公司可能不会上市，而是被对手收购。", quotes: ["这家公司可能不会上市，而是被对手收购。"],
      deadlines: [nil], isFramed: true),
    // 至 between amounts is a range, not 将 as 把; 以来 after a year starts a span to now.
    .init(
      sentence: "今年资本支出将维持在520亿至560亿美元之间。",
      quotes: ["今年资本支出将维持在520亿至560亿美元之间。"], deadlines: ["2026-12-31"]),
    .init(
      sentence: "明年租金升幅有望创2018年以来新高。", quotes: ["明年租金升幅有望创2018年以来新高。"],
      deadlines: ["2027-12-31"]),
    .init(
      sentence: "Inflation should be running near 2% by the end of 2027.",
      quotes: ["Inflation should be running near 2% by the end of 2027."],
      deadlines: ["2027-12-31"]),
    // A window after "of" names a noun's time and starts no second forecast; a level a change
    // starts from (由…的) and a base of comparison (优于去年) are no windows.
    .init(
      sentence: "The games will air on October 20, opening night of the 2026-27 season.",
      quotes: ["The games will air on October 20, opening night of the 2026-27 season."],
      deadlines: ["2026-10-20"]),
    .init(
      sentence: "国产化率有望由2025年的约22%提升至27%。", quotes: ["国产化率有望由2025年的约22%提升至27%。"],
      deadlines: [nil]),
    .init(
      sentence: "全年獲利可望優於去年。", quotes: ["全年獲利可望優於去年。"], deadlines: ["2026-12-31"]),
    // A size, all ages and a window before 的 are no windows; "ready" is a state expected.
    .init(sentence: "新车将搭载双12.3英寸大屏。", quotes: ["新车将搭载双12.3英寸大屏。"], deadlines: [nil]),
    .init(sentence: "该游戏将面向全年龄段用户推出。", quotes: ["该游戏将面向全年龄段用户推出。"], deadlines: [nil]),
    .init(
      sentence: "年底前有望把2028年的目标提前实现。", quotes: ["年底前有望把2028年的目标提前实现。"],
      deadlines: ["2026-12-31"]),
    .init(
      sentence: "The new terminal should be ready by 2027.",
      quotes: ["The new terminal should be ready by 2027."], deadlines: ["2027-12-31"]),
    // The window right after the forecast word is the forecast's; one before dates its subject.
    .init(
      sentence: "今年双11预售将于10月24日开启。", quotes: ["今年双11预售将于10月24日开启。"],
      deadlines: ["2026-10-24"]),
    .init(
      sentence: "2027年度补贴细则有望在年底前出台。", quotes: ["2027年度补贴细则有望在年底前出台。"],
      deadlines: ["2026-12-31"]),
    // A rumour passed on, an event expected at a time, a target striven for, 或 before a verb.
    .init(
      sentence: "The Fold is tipped to launch in September.",
      quotes: ["The Fold is tipped to launch in September."], deadlines: ["2026-09-30"]),
    .init(
      sentence: "A software update is expected in September.",
      quotes: ["A software update is expected in September."], deadlines: ["2026-09-30"]),
    .init(
      sentence: "公司力争2027年底前将市场份额提升至15%。", quotes: ["公司力争2027年底前将市场份额提升至15%。"],
      deadlines: ["2027-12-31"]),
    .init(
      sentence: "新股首日破发比率或升至四成以上。", quotes: ["新股首日破发比率或升至四成以上。"], deadlines: [nil]),
    // 料于 in Hong Kong is "expected to"; a subscription's price is no call to subscribe.
    .init(
      sentence: "一家电商平台料于第三季在港招股。", quotes: ["一家电商平台料于第三季在港招股。"],
      deadlines: ["2026-09-30"]),
    .init(
      sentence: "The price of a subscription is likely to rise next year.",
      quotes: ["The price of a subscription is likely to rise next year."],
      deadlines: ["2027-12-31"]),
    // A schedule in the present tense, beside a window.
    .init(
      sentence: "Our cell factory in Ohio starts production in the first half of 2027.",
      quotes: ["Our cell factory in Ohio starts production in the first half of 2027."],
      deadlines: ["2027-06-30"]),
    .init(
      sentence: "The new rule takes effect in January.",
      quotes: ["The new rule takes effect in January."], deadlines: ["2027-01-31"]),
    // A weak hedge on a figure needs no window: the figure makes it checkable.
    .init(
      sentence: "本轮融资规模可能超过50亿元。", quotes: ["本轮融资规模可能超过50亿元。"], deadlines: [nil]),
    .init(
      sentence: "The deal could top $5 billion.", quotes: ["The deal could top $5 billion."],
      deadlines: [nil]),
    // A belief beside a window; the year a verb of ending names.
    .init(
      sentence: "I think they stay above 6% through 2027.",
      quotes: ["I think they stay above 6% through 2027."], deadlines: ["2027-12-31"]),
    .init(
      sentence: "I think oil hits $100 this year.", quotes: ["I think oil hits $100 this year."],
      deadlines: ["2026-12-31"]),
    // A verb of change right after 将 is the forecast's; a day before 的 after a forecast word
    // moves on a year as any; 金价 after 全年 is a price.
    .init(
      sentence: "明年销量将提升30%至100万辆。", quotes: ["明年销量将提升30%至100万辆。"],
      deadlines: ["2027-12-31"]),
    .init(
      sentence: "苹果将于2月10日的发布会上推出新款平板。", quotes: ["苹果将于2月10日的发布会上推出新款平板。"],
      deadlines: ["2027-02-10"]),
    .init(sentence: "预计全年金价将上涨10%。", quotes: ["预计全年金价将上涨10%。"], deadlines: ["2026-12-31"]),
    .init(sentence: "市场预料于明年加息。", quotes: ["市场预料于明年加息。"], deadlines: ["2027-12-31"]),
    .init(
      sentence: "Gross margin in the current quarter should hold near 72%.",
      quotes: ["Gross margin in the current quarter should hold near 72%."],
      deadlines: ["2026-03-31"]),
    .init(
      sentence: "We're not going to list the company this year.",
      quotes: ["We're not going to list the company this year."], deadlines: ["2026-12-31"]),
    // A firm's outlook, a real chance and a plan being prepared, each with a window.
    .init(
      sentence: "Morgan Stanley now sees the stock hitting $300 within 12 months.",
      quotes: ["Morgan Stanley now sees the stock hitting $300 within 12 months."],
      deadlines: ["2027-03-01"]),
    .init(
      sentence: "Goldman Sachs sees Brent crude at $90 a barrel by the end of the year.",
      quotes: ["Goldman Sachs sees Brent crude at $90 a barrel by the end of the year."],
      deadlines: ["2026-12-31"]),
    .init(
      sentence: "There is a real chance that the regulator fines Zorvex again this year.",
      quotes: ["There is a real chance that the regulator fines Zorvex again this year."],
      deadlines: ["2026-12-31"]),
    .init(
      sentence: "Zorvex is reportedly preparing to unveil a phone as early as next month.",
      quotes: ["Zorvex is reportedly preparing to unveil a phone as early as next month."],
      deadlines: ["2026-04-30"]),
    // Words that tell when a forecast was voiced leave it standing; a belief held once does not
    // (`nonForecasts`).
    .init(
      sentence: "技术总监曾透露，公司将在2028年左右量产固态电池。",
      quotes: ["公司将在2028年左右量产固态电池。"], deadlines: ["2028-12-31"]),
    .init(
      sentence: "技术总监曾多次表示，公司将在2028年量产固态电池。", quotes: ["公司将在2028年量产固态电池。"],
      deadlines: ["2028-12-31"]),
    // A plan in its other word, and a figure put forward by a model or expected at a level.
    .init(
      sentence: "台積電規劃今年資本支出達五百億美元。", quotes: ["台積電規劃今年資本支出達五百億美元。"],
      deadlines: ["2026-12-31"]),
    .init(
      sentence: "Gross margin for the second quarter is estimated to be 43 per cent.",
      quotes: ["Gross margin for the second quarter is estimated to be 43 per cent."],
      deadlines: ["2026-06-30"]),
    .init(
      sentence: "Spending on models in 2027 is unchanged, with growth expected at 80%.",
      quotes: ["Spending on models in 2027 is unchanged, with growth expected at 80%."],
      deadlines: ["2027-12-31"]),
    .init(
      sentence: "Global output is forecast to grow 3% next year.",
      quotes: ["Global output is forecast to grow 3% next year."], deadlines: ["2027-12-31"]),
    // A second forecast with a window of its own after a whole one with none is its own claim,
    // and the window is not the first one's.
    .init(
      sentence: "分析师认为，新机将开启最大升级周期，公司将在未来一年迎来复兴。",
      quotes: ["分析师认为，新机将开启最大升级周期", "公司将在未来一年迎来复兴。"],
      deadlines: [nil, "2027-03-01"]),
    // A word of habit turns only 会 into "tends to"; 习惯 is also a noun.
    .init(
      sentence: "用户的使用习惯将会彻底改变。", quotes: ["用户的使用习惯将会彻底改变。"], deadlines: [nil]),
    .init(sentence: "厂商通常都将在年底前降价。", quotes: ["厂商通常都将在年底前降价。"], deadlines: ["2026-12-31"]),
    // A window keeps a 会 before 是因为 a forecast.
    .init(
      sentence: "明年销量会增长是因为需求旺盛。", quotes: ["明年销量会增长是因为需求旺盛。"],
      deadlines: ["2027-12-31"]),
    // Undeniably, and a refusal suffered, deny nothing.
    .init(
      sentence: "不可否认AI将在2027年改变医疗行业。", quotes: ["不可否认AI将在2027年改变医疗行业。"],
      deadlines: ["2027-12-31"]),
    .init(
      sentence: "The startup that was denied a permit will open its plant in 2027.",
      quotes: ["The startup that was denied a permit will open its plant in 2027."],
      deadlines: ["2027-12-31"]),
    // A forecast with no window of its own takes one an earlier clause named, even one left
    // out as a label for the year; a later forecast with another window is its own.
    .init(
      sentence: "2027年将是关键的一年，公司营收将增长30%，2029年将翻倍。",
      quotes: ["公司营收将增长30%", "2029年将翻倍。"], deadlines: ["2027-12-31", "2029-12-31"]),
    // But a clause that goes on with the one before keeps one forecast, and a verb that
    // reports the forecast is not one of its own.
    .init(
      sentence: "苹果将推出折叠屏手机，该手机将在2027年上市。", quotes: ["苹果将推出折叠屏手机，该手机将在2027年上市。"],
      deadlines: ["2027-12-31"]),
    .init(
      sentence: "Zorvex will launch a phone, and it will ship in 2027.",
      quotes: ["Zorvex will launch a phone, and it will ship in 2027."], deadlines: ["2027-12-31"]),
    .init(
      sentence: "机构预计，到2028年，全球出货量将翻倍。", quotes: ["机构预计，到2028年，全球出货量将翻倍。"],
      deadlines: ["2028-12-31"]),
  ]

  @Test(arguments: forecasts)
  func findsTheForecastAndItsWindow(_ c: DetectionCase) {
    let spans = Self.spans(c)
    #expect(Self.quotes(spans, in: c.sentence) == c.quotes)
    #expect(spans.map { $0.timeFrame?.deadline.description } == c.deadlines)
  }

  static let nonForecasts: [DetectionCase] = [
    .init(sentence: "这家公司是否会在明年上市？", quotes: []),
    // A question behind closing quotes and brackets is still a question.
    .init(sentence: "他问：“明年会涨吗？”）」 ", quotes: []),
    .init(sentence: "\"Will prices fall in 2027?\") ", quotes: []),
    .init(sentence: "企业必须加快转型，否则将被淘汰。", quotes: []),
    .init(sentence: "行业曾相信，只要投入足够，突破终将到来。", quotes: []),
    .init(sentence: "该平台将所有服务接入统一入口。", quotes: []),
    .init(sentence: "研究人员将数据压缩在更小的模型里。", quotes: []),
    .init(sentence: "公司将价格从80元上调至100元。", quotes: []),
    .init(sentence: "总之，明年将是充满机遇的一年。", quotes: []),
    .init(sentence: "这也预示着行业洗牌即将到来。", quotes: []),
    .init(sentence: "2025年公司营收将超过100亿元。", quotes: []),
    .init(sentence: "数据显示2023-2025年间销量将增长三倍，利润也将翻番。", quotes: []),
    .init(sentence: "We should invest more next year.", quotes: []),
    .init(sentence: "The board should hold the dividend next year.", quotes: []),
    .init(sentence: "Every utility should be planning for twice the storage by 2030.", quotes: []),
    .init(sentence: "Nobody should be surprised if rates rise in 2027.", quotes: []),
    .init(sentence: "I think it's important to stay humble.", quotes: [], isFramed: true),
    .init(sentence: "销量可能超过市场的想象。", quotes: []),
    .init(sentence: "The story begins in 1999.", quotes: []),
    // Starts as a noun, a habit, a rumour of the past, an event expected in no window, 将 as 把
    // before a change to a level, a word that holds "top", 或 as "or", a belief about the past.
    .init(sentence: "Housing starts in April rose 5%, the data showed.", quotes: []),
    .init(sentence: "Each year the festival begins in July.", quotes: []),
    .init(sentence: "Each year, the festival begins in July.", quotes: []),
    .init(sentence: "The CEO is said to have approved the deal in March.", quotes: []),
    .init(sentence: "What is expected in return is loyalty.", quotes: []),
    .init(sentence: "公司将售价下调10%至899元。", quotes: []),
    .init(sentence: "The desktop 27-inch model could sell well.", quotes: []),
    .init(sentence: "Users may top up 100 yuan at a time.", quotes: []),
    .init(sentence: "年销售额达到或超过500万元的纳税人应登记为一般纳税人。", quotes: []),
    .init(sentence: "I think the team played well this year.", quotes: []),
    // An expectation voiced before; a day before 的 that dates an event gone by.
    .init(sentence: "法人先前预估出货量将年增逾一倍，实际成长约85%。", quotes: []),
    .init(sentence: "优选网在2月19日的商家大会上宣布", quotes: []),
    // A question or a refusal reported, and the writers' promise to update, foresee nothing.
    .init(sentence: "Kite would not say what it will show at the event.", quotes: []),
    .init(sentence: "Analysts asked whether the bank will cut rates in June.", quotes: []),
    .init(sentence: "We will update this post as the launches land.", quotes: []),
    // The verb that reports a forecast about the past is no forecast on its own.
    .init(sentence: "市场人士估计，2025年第四季集资额将占全年近四成。", quotes: []),
    .init(sentence: "收入或增或减，难以判断。", quotes: []),
    .init(sentence: "用户可选择涨价或降价方案。", quotes: []),
    .init(sentence: "Production starts with a single line.", quotes: []),
    // "We see" as sight, or with no window, is no outlook.
    .init(sentence: "We see strong demand from buyers in 2027.", quotes: []),
    .init(sentence: "We see inflation falling further.", quotes: []),
    .init(sentence: "The company sees strong demand in 2027.", quotes: []),
    // A label for a year, an association named with 会, an expectation described, the writer
    // announcing forecasts: none is one.
    .init(sentence: "2027年将是中国经济转型的关键一年。", quotes: []),
    .init(sentence: "2026年或许是具身智能商业化的元年。", quotes: []),
    .init(sentence: "乘用车市场信息联席会数据显示，零售同比下降4.1%。", quotes: []),
    .init(sentence: "市场对明年降息的预期较为充分。", quotes: []),
    .init(sentence: "Here is what I expect for 2027.", quotes: []),
    .init(sentence: "Fans see a real chance for the team.", quotes: []),
    .init(sentence: "Zorvex is preparing to unveil a phone.", quotes: []),
    .init(sentence: "Will the company survive next year?", quotes: []),
    .init(sentence: "这种结构可能是模型普遍存在的机制。", quotes: []),
    .init(sentence: "Subscribe now and we will send you our forecasts.", quotes: []),
    // 曾 before a belief; 将 as 把 after 直接 or 已, or before a pronoun or a determiner; 会
    // after a word of habit.
    .init(sentence: "他曾预计，明年油价将跌破50美元。", quotes: []),
    .init(sentence: "Zorvex is estimated to have sold 5 million phones last year.", quotes: []),
    .init(sentence: "新工艺则直接将原有工序合而为一。", quotes: []),
    .init(sentence: "公司已将总部迁往深圳。", quotes: []),
    .init(sentence: "公司已将进一步的改革推迟。", quotes: []),
    .init(sentence: "他们将其定位为高端品牌。", quotes: []),
    .init(sentence: "平台将这一功能免费开放。", quotes: []),
    .init(sentence: "厂商通常一开始会多下订单，再按销量调整。", quotes: []),
    .init(sentence: "有时候大家会拿便宜的车与豪车比较。", quotes: []),
    // 会 in a fact its clause explains.
    .init(sentence: "芯片会影响到交付量是因为零件主要在海外采购。", quotes: []),
    // A forecast its clause denies.
    .init(sentence: "Zorvex denied reports that it will acquire Kite this year.", quotes: []),
    .init(sentence: "It is not true that Zorvex will buy Kite in 2027.", quotes: []),
    .init(sentence: "华为否认将于明年推出新款芯片。", quotes: []),
    .init(sentence: "小米将在2027年收购蔚来的说法并不属实。", quotes: []),
    // 预期 as a noun: expectations, not a verb of expecting.
    .init(sentence: "明年居民收入预期偏弱。", quotes: []),
    .init(sentence: "明年购房决策更易受收入预期和市场信心影响。", quotes: []),
    .init(sentence: "今年通胀預期走弱，物價走勢平穩。", quotes: []),
  ]

  @Test(arguments: nonForecasts)
  func leavesOutWhatIsNotAForecast(_ c: DetectionCase) {
    #expect(Self.quotes(Self.spans(c), in: c.sentence) == [])
  }

  /// A paragraph that is one sentence of thousands of clauses reads as one forecast; its
  /// window was once worked out again for every clause, which made such a paragraph cubic
  /// (minutes for 660 KB; `claims-extract-bench run` on it times the fix).
  @Test func aSentenceOfThousandsOfClausesIsOneForecast() {
    let clause = "Zorvex will open a store in 2027, "
    let sentence = String(repeating: clause, count: 3_000) + "and one more in 2027."
    let spans = Self.spans(DetectionCase(sentence: sentence, quotes: []))
    #expect(spans.count == 1)
    #expect(spans.map { $0.timeFrame?.deadline.description } == ["2027-12-31"])
    #expect(spans.first?.range == 0..<sentence.utf8.count)
  }

  /// In an undated article a plan beside a window that counts from publication still looks
  /// ahead, with no deadline; one beside a window gone by, or none, does not.
  @Test func anUndatedPlanWithARelativeWindowIsAForecastWithoutADeadline() {
    func spans(_ sentence: String) -> [ForecastSpan] {
      Self.detector.forecasts(in: sentence, context: TimeContext(), isFramed: false)
    }
    for sentence in ["小米将于明年推出新车。", "腾讯宣布2月1日上线春节活动。"] {
      #expect(spans(sentence).map { $0.timeFrame?.deadline } == [nil], "\(sentence)")
    }
    for sentence in ["公司去年宣布推出新车。", "小米计划推出新车。"] {
      #expect(spans(sentence).isEmpty, "\(sentence)")
    }
  }

  /// A hedge inside an aside qualifies the aside, not the claim around it.
  @Test func aHedgeInAnAsideLeavesTheClaimsOwnWord() {
    for (sentence, hedge, confidence) in [
      ("公司首款硬件设备（可能是AI智能笔）预计在2026年下半年推出。", "预计", 0.7),
      ("Zorvex (which could slip) will ship the phone in 2027.", "will", 0.85),
      ("销量（可能）会增长。", "会", 0.85),
    ] {
      let spans = Self.spans(DetectionCase(sentence: sentence, quotes: []))
      #expect(spans.map(\.hedge) == [hedge], "\(sentence)")
      #expect(spans.map(\.confidence) == [confidence], "\(sentence)")
    }
  }

  /// A denial leaves out only its own clause; "no plans to" is an actor saying it will not.
  @Test func aDenialIsOutAndNoPlansIsANegatedForecast() {
    let denied = DetectionCase(
      sentence: "Zorvex denied the report, but analysts expect it will open a plant in 2027.",
      quotes: [])
    #expect(
      Self.quotes(Self.spans(denied), in: denied.sentence) == [
        "but analysts expect it will open a plant in 2027."
      ])
    for sentence in [
      "索尼表示没有计划在2027年推出新主机。", "Sony said it has no plans to release a console in 2027.",
    ] {
      let spans = Self.spans(DetectionCase(sentence: sentence, quotes: []))
      #expect(spans.map(\.isNegated) == [true], "\(sentence)")
      #expect(spans.map(\.confidence) == [0.8], "\(sentence)")
      #expect(spans.map { $0.timeFrame?.deadline.description } == ["2027-12-31"])
    }
  }

  @Test func aConditionBeforeTheForecastMarksIt() {
    let c = DetectionCase(sentence: "如果今年拿不到融资，这家公司将在明年裁员过半。", quotes: [])
    #expect(Self.spans(c).map(\.isConditional) == [true])
  }

  @Test func aComparisonWithRuguoshuoIsNotACondition() {
    let c = DetectionCase(sentence: "如果说去年是试水，那么今年将全面铺开。", quotes: [])
    #expect(Self.spans(c).map(\.isConditional) == [false])
  }

  @Test func aNegatingHedgeFlipsTheConfidenceAndKeepsTheNegation() {
    let c = DetectionCase(sentence: "The merger is unlikely to close before June 2027.", quotes: [])
    let spans = Self.spans(c)
    #expect(spans.map(\.isNegated) == [true])
    #expect(spans.map(\.confidence) == [0.8])
    #expect(spans.map(\.hedge) == ["unlikely"])
  }

  @Test func aDoubtWordOutweighsTheTense() {
    let c = DetectionCase(sentence: "明年将有更多交易或许将会落地。", quotes: [])
    #expect(Self.spans(c).map(\.hedge) == ["或许"])
  }

  @Test func aWeakHedgeNeedsAWindowOrAFramedArticle() {
    let bare = DetectionCase(sentence: "他们可能改变主意。", quotes: [])
    #expect(Self.spans(bare).isEmpty)
    let framed = DetectionCase(sentence: "他们可能改变主意。", quotes: [], isFramed: true)
    #expect(Self.spans(framed).count == 1)
  }
}

extension ForecastDetectorTests {
  @Test func aWeakHedgeBesideAFirmWordStillSetsTheConfidence() {
    let c = DetectionCase(sentence: "价格战可能还会持续一段时间。", quotes: [])
    #expect(Self.spans(c).map(\.hedge) == ["可能"])
  }
}

extension ForecastDetectorTests {
  @Test func aRelativeClauseInThePastKeepsTheSubjectInTheQuote() {
    let sentence =
      "Ford, which lost $5 billion last year, said it would delay the pickup until 2028."
    let spans = Self.spans(DetectionCase(sentence: sentence, quotes: []))
    #expect(Self.quotes(spans, in: sentence) == [sentence])
    #expect(spans.map { $0.timeFrame?.deadline.description } == ["2028-12-31"])
  }
}

@Suite struct SentenceByteSearchTests {
  /// Where a time frame's words sit in the sentence: the first place at or after `from`.
  @Test(arguments: [
    ("2026年下半年", "下半年", 0, 7), ("2026年下半年", "2026", 0, 0), ("abab", "ab", 1, 2),
    ("aab", "ab", 0, 1), ("abc", "abcd", 0, -1), ("abc", "c", 2, 2), ("abc", "c", 3, -1),
    ("xyz", "q", 0, -1),
  ])
  func findsTheFirstPlaceFromAnOffset(_ text: String, _ needle: String, _ from: Int, _ found: Int) {
    let bytes = Array(text.utf8)
    let index = bytes.withUnsafeBufferPointer {
      ByteText.firstIndex(of: Array(needle.utf8), in: $0, from: from)
    }
    #expect(index ?? -1 == found)
  }
}

extension SentenceByteSearchTests {
  @Test func comparesTheBytesAtEitherEnd() {
    #expect(ByteText.starts("同时马斯克", with: "同时"))
    #expect(!ByteText.starts("同时", with: "同时马斯克"))
    #expect(ByteText.ends("马斯克也", with: "也"))
    #expect(!ByteText.ends("马斯克也", with: "马"))
    #expect(ByteText.same("特斯拉", "特斯拉"))
    #expect(!ByteText.same("特斯拉", "特斯"))
    #expect(ByteText.starts("", with: ""))
  }

  @Test func normalizationInertTextIsChineseEnglishAndCommonPunctuation() {
    #expect(ByteText.isNormalizationInert("Tesla will ship 特斯拉将在2027年，推出“机器人”。"))
    #expect(!ByteText.isNormalizationInert("Cafe\u{301}"))
    #expect(!ByteText.isNormalizationInert("\u{F900}"))  // a compatibility ideograph
    #expect(!ByteText.isNormalizationInert("a\r\nb"))
  }

  /// Eight ASCII bytes are checked at once: a byte outside the printable range must be caught
  /// at every place in the word, and the answer must agree with one scalar at a time.
  @Test func normalizationInertnessAgreesWithAScalarCheck() {
    let pieces = ["a", " ", "~", "\u{7F}", "\u{1F}", "\t", "é", "特", "，", "\u{301}", "Z", "0"]
    for first in pieces {
      for second in pieces {
        for place in 0..<10 {
          let text = String(repeating: "x", count: place) + first + "abcdefgh" + second
          let expected = text.unicodeScalars.allSatisfy { ByteText.isInert($0.value) }
          #expect(ByteText.isNormalizationInert(text) == expected, "\(text.debugDescription)")
        }
      }
    }
  }
}

extension ForecastDetectorTests {
  /// 恐将 is a fear that it happens: a hedge, not the certainty of 将 inside it.
  @Test(arguments: [
    ("油价上涨恐将拖累明年航空业利润。", "恐将"), ("新規恐將延後到明年上路。", "恐將"),
    ("这项计划恐怕将推迟到明年。", "恐怕将"), ("罢工恐会持续到明年三月。", "恐会"),
  ])
  func aFearedOutcomeIsAHedge(_ sentence: String, _ hedge: String) throws {
    let span = try #require(Self.only(sentence))
    #expect(span.hedge == hedge)
    #expect(span.confidence == 0.6)
  }

  @Test func aPlainFutureStaysSure() throws {
    let span = try #require(Self.only("罢工将持续到明年三月。"))
    #expect(span.confidence == 0.85)
  }
}

extension ForecastDetectorTests {
  /// Modals that look ahead in form only make no forecast.
  @Test(arguments: [
    "That would be a record for a single quarter next year.",
    "It would be the biggest deal this year.",
    "If the bank cut rates tomorrow, lenders would rush to refinance.",
    "If oil prices were at $150 next year, airlines would cut routes.",
    "Buyers who won't pay more next year are holding out.",
    "Investors who will not sell are the reason supply is thin.",
    "We will find out on June 4.", "We'll see in March.", "I will know more next week.",
    "We see no sign of a recession during 2027.",
    // Someone waits to see.
    "Investors will watch to see whether pill sales slow in 2027.",
    "Traders will be watching whether the bank cuts rates in March.",
    "Lenders will monitor closely how prices move next year.",
    "Investors will watch how the Fed responds in March.",
    "Traders will be watching for signs of a slowdown next year.",
  ])
  func anIdleModalIsNoForecast(_ sentence: String) {
    #expect(Self.spans(DetectionCase(sentence: sentence, quotes: [])).isEmpty)
  }

  /// The same modals make forecasts when they say what happens.
  @Test(arguments: [
    "The company said it would be profitable by 2028.",
    "If the bank cuts rates next month, lenders will rush to refinance.",
    "If the deal is approved in 2027, shares would rise.",
    "If approved, the drug would launch in 2027.",
    "Tim Cook, who will step down in 2027, named no successor.",
    "We will see rates fall below 3% by 2027.",
    "The company won't sell the unit before 2028.",
    "We will launch the app on June 4.",
    "A deal that won't close before 2028 is still on the table.",
    "Millions will watch the final in June 2027.",
    "The telescope will watch for asteroids from its orbit in 2027.",
    "The company will look to expand into Asia in 2027.",
  ])
  func aModalThatSaysWhatHappensStaysAForecast(_ sentence: String) {
    #expect(Self.spans(DetectionCase(sentence: sentence, quotes: [])).count == 1)
  }
}

extension ForecastDetectorTests {
  /// The quoted words set the confidence, not the verb that reports them.
  @Test(arguments: [
    ("\"The bill will pass by June 2027,\" predicts one senator.", "will", 0.85),
    ("“The bill might pass by June 2027,” predicts one senator.", "might", 0.4),
    ("一位议员预测：“法案将在2027年6月前通过。”", "将", 0.85),
    // With no forecast word in the quotation, the reporting verb is the hedge.
    ("Analysts predict the bill will pass by June 2027.", "predict", 0.7),
    // Unless a hedge bears on the outcome it reports.
    ("Lind expects the bill could pass by June 2027.", "could", 0.45),
    ("梁子健预料明年楼价有望回升一成。", "有望", 0.65),
    // A contrast ends what the verb reports; "debut" holds no "but", 不但 no contrast.
    ("We expect revenue to grow 10% in 2027, but margins could slip.", "expect", 0.7),
    ("We expect the debut in 2027, but margins could slip.", "expect", 0.7),
    ("梁子健预料明年楼价不但有望回升一成，而且成交会增加。", "有望", 0.65),
  ])
  func theQuotationSetsTheConfidence(_ sentence: String, _ hedge: String, _ value: Double) throws {
    let span = try #require(Self.only(sentence))
    #expect(span.hedge == hedge)
    #expect(span.confidence == value)
  }
}

extension ForecastDetectorTests {
  /// 应该 urges, even before 会, which may start another word (应该会同, 应该会计) or mean
  /// "can"; before 不会 it guesses, and the claim is the negation.
  @Test func shouldBeforeWillNotIsAGuess() throws {
    for advice in ["各地应该会同有关部门在2027年底前完成清理。", "每个孩子明年都应该会游泳。"] {
      #expect(Self.spans(DetectionCase(sentence: advice, quotes: [])).isEmpty, "\(advice)")
    }
    let wont = try #require(Self.only("央行今年应该不会跟进降息。"))
    #expect(wont.hedge == "应该不会")
    #expect(wont.isNegated)
    #expect(wont.confidence == 0.7)
    #expect(Self.spans(DetectionCase(sentence: "投资人今年应该分散风险。", quotes: [])).isEmpty)
  }

  /// Taiwan writes the plan word 計畫 where the mainland writes 计划 and Hong Kong 計劃.
  @Test func taiwansSpellingOfPlanIsAPlan() throws {
    let span = try #require(Self.only("該公司計畫於2027年量產新晶片。"))
    #expect(span.hedge == "計畫")
    #expect(span.timeFrame?.deadline == Day(year: 2027, month: 12, day: 31))
  }
}

extension ForecastDetectorTests {
  /// A base of comparison is no window, however its digits are spaced; in an undated article,
  /// where a past year cannot be told from a future one, it would be taken as the deadline.
  @Test(arguments: ["今年装机将较2025年显著下滑。", "今年装机将较 2025 年显著下滑。"])
  func aSpacedBaseOfComparisonIsNoWindow(_ sentence: String) {
    let spans = Self.detector.forecasts(
      in: sentence, context: TimeContext(published: nil), isFramed: false)
    #expect(spans.count == 1)
    #expect(spans.first?.timeFrame == nil)
  }
}

extension ForecastDetectorTests {
  /// 预期 followed by 仍 or 转 is as often the verb: these stay forecasts.
  @Test(arguments: [
    "美联储官员预期仍将有两次降息。", "本集团预期明年转亏为盈。", "中金公司预期改善将持续到2027年。",
    "分析师预期有所回落，明年通胀约为2%。",
  ])
  func expectingBeforeStillOrTurnStaysAVerb(_ sentence: String) {
    #expect(Self.spans(DetectionCase(sentence: sentence, quotes: [])).count == 1)
  }
}

extension ForecastDetectorTests {
  /// "this year's first-half record" names a reference, not the half as a window: a half
  /// already over would leave the forecast out.
  @Test func aPossessiveHalfAsAnAdjectiveIsNoWindow() {
    let sentence = "Sales will beat this year's first-half record in 2027."
    let spans = Self.detector.forecasts(
      in: sentence, context: TimeContext(published: Day(year: 2026, month: 11, day: 25)),
      isFramed: false)
    #expect(spans.count == 1)
  }
}

extension ForecastDetectorTests {
  /// A plan word naming the plan itself is a noun: the sentence's own word of future sets the
  /// confidence, not the plan word's 0.8.
  @Test(arguments: [
    ("這項計畫將於2027年完工。", "將於"), ("该计划将于2027年完工。", "将于"),
  ])
  func aPlanNamedByItsNounIsNoPlanWord(_ sentence: String, _ hedge: String) throws {
    let span = try #require(Self.only(sentence))
    #expect(span.hedge == hedge)
  }
}

extension ForecastDetectorTests {
  /// A plan word after 此 or 的 may be the verb: 因此计划, 公司的计划是…
  @Test(arguments: ["公司表示，因此计划于2027年在香港上市。", "公司的计划是2027年在香港上市。"])
  func aPlanWordAfterCiOrDeStaysAPlan(_ sentence: String) throws {
    let span = try #require(Self.only(sentence))
    #expect(span.hedge == "计划")
  }
}
