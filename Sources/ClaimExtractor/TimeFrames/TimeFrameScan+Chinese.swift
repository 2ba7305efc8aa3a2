import ClaimLedger

/// A part of a year, read before the year it belongs to is known.
enum Period: Equatable {
  case year
  case half(Int)
  case quarter(Int)
  /// 前三季度: from the start of the year to the end of that quarter.
  case quartersThrough(Int)
  case month(Int)
  /// 3月底, 3月前: open, ending with the month.
  case monthEnd(Int)
  case day(month: Int, day: Int)
  /// 年底, 年末, 2030年前: open, ending with the year.
  case yearEnd
  /// 年中, "mid-2026": open, ending June 30.
  case midYear
  /// 春季, 夏天, "summer": 1 to 4, as `Window.season` counts them.
  case season(Int)

  func window(in year: Int) -> Window? {
    switch self {
    case .year: .year(year)
    case .half(let half): .half(half, of: year)
    case .quarter(let quarter): .quarter(quarter, of: year)
    case .quartersThrough(let quarter): .months(1, through: quarter * 3, of: year)
    case .month(let month): .month(month, of: year)
    case .monthEnd(let month): Window.month(month, of: year)?.opened
    case .day(let month, let day): .day(day, month: month, year: year)
    case .yearEnd: .open(Day.endOfYear(year))
    case .midYear: .open(Day(year: year, month: 6, day: 30))
    case .season(let season): .season(season, of: year)
    }
  }
}

/// The grammar of Chinese time frames, simplified and traditional.
extension TimeFrameScan {
  func chinese(at offset: Int) -> Match? {
    (TimeText.hanDigit(text[offset]) != nil ? yearLed(at: offset) : nil)
      ?? fiveYearPlan(at: offset) ?? decadeEnd(at: offset)
      ?? chineseOpening(at: offset) ?? relativeYear(at: offset)
      ?? chineseDuration(at: offset) ?? chineseCalendar(at: offset)
  }

  /// "十五五"期间, 十四五时期, 十五五末: the years of a five-year plan, counted from the third
  /// (1966–1970) on, so the fifteenth runs 2026–2030. The plan's name alone (十五五规划) names
  /// a document, not a time, so a word of its period must follow.
  private func fiveYearPlan(at offset: Int) -> Match? {
    guard text[offset] == "十", let ordinal = text[offset + 1].flatMap(TimeText.hanDigit),
      ordinal > 0, text[offset + 2] == "五"
    else { return nil }
    var end = offset + 3
    if let mark = text[end], "”」』\"".unicodeScalars.contains(mark) { end += 1 }
    guard let period = text.firstMatch(Self.planPeriods, at: end) else { return nil }
    let first = 1966 + 5 * (10 + ordinal - 3)
    let window =
      period.literal == "末" || period.literal == "期末"
      ? Period.yearEnd.window(in: first + 4) : Window.years(first, through: first + 4)
    return Match(end: period.end, window: window, year: first + 4)
  }

  private static let planPeriods = [
    "期间", "期間", "时期", "時期", "规划期", "規劃期", "期末", "末", "内", "內",
  ]

  /// 本十年末, 本十年底: the end of the decade that holds publication, counted 2021–2030.
  private func decadeEnd(at offset: Int) -> Match? {
    guard text[offset] == "本" || text[offset] == "这" || text[offset] == "這",
      let found = text.firstMatch(["本十年末", "本十年底", "这个十年末", "這個十年末"], at: offset)
    else { return nil }
    let last = publishedYear.map { ($0 - 1) / 10 * 10 + 10 }
    return Match(
      end: found.end, window: last.flatMap { Period.yearEnd.window(in: $0) }, year: last)
  }

  /// What follows "2026年", "明年" or "今年": a part of that year, or a word that closes it.
  /// `year` is nil when a relative year has no publication day; the words are still consumed.
  func continuation(at offset: Int, year: Int?) -> Match {
    // "2026 年 3 月": a month spaced from its year as the year from 年.
    let spacedMonth =
      text[offset] == " " && TimeText.isDigit(text[offset + 1])
      ? chineseMonth(at: offset + 1) : nil
    let (period, end) = spacedMonth ?? chinesePeriod(at: offset) ?? yearSuffix(at: offset)
    guard let period else { return Match(end: end, window: nil, year: year) }
    return Match(end: end, window: year.flatMap { period.window(in: $0) }, year: year)
  }

  /// A word closing a year: 年底 and 前 end it, 后 (after) has no deadline and gives nil.
  private func yearSuffix(at offset: Int) -> (Period?, Int) {
    // 初步, 初次, 初创: words of their own after a year, which 初 alone would read as early in
    // it; the year stands whole and the word is left to the sentence.
    if text.firstMatch(TimeFrameScan.wordsStartingWithChu, at: offset) != nil {
      return (.year, offset)
    }
    for (word, period) in TimeFrameScan.yearSuffixes {
      if let end = text.match(word, at: offset) { return (period, end) }
    }
    return (.year, offset)
  }

  private static let wordsStartingWithChu = ["初步", "初次", "初创", "初創", "初衷", "初心"]

  /// Built once, as every list the grammar tries: the scan reads it at many offsets.
  private static let yearSuffixes: [(String, Period?)] = [
    ("年底", .yearEnd), ("年末", .yearEnd), ("底", .yearEnd), ("末", .yearEnd),
    ("年中", .midYear), ("年初", .quarter(1)), ("初", .quarter(1)), ("晚些时候", .yearEnd),
    ("晚些時候", .yearEnd), ("晚些", .yearEnd),
    ("前后", .year), ("前後", .year), ("以前", .yearEnd), ("之前", .yearEnd), ("前", .yearEnd),
    ("以后", nil), ("以後", nil), ("之后", nil), ("之後", nil), ("后", nil), ("後", nil),
    ("以内", .year), ("以內", .year), ("之内", .year), ("之內", .year), ("内", .year),
    ("內", .year), ("度", .year),
  ]

  /// 上半年, 第三季度, 前三季度, Q3, 3月, 3月底, 2月1日: a part of a year that does not say which.
  func chinesePeriod(at offset: Int) -> (Period, Int)? {
    // Every period starts with one of these, a quarter's Q, or a number.
    guard let first = text[offset],
      TimeFrameScan.periodStarts.contains(first) || TimeText.isDigit(first)
        || TimeText.isChineseNumeral(first)
    else { return nil }
    if let (month, day, end) = shoppingFestival(at: offset) {
      return (.day(month: month, day: day), end)
    }
    if first == "上", let end = text.match("上半年", at: offset) { return (.half(1), end) }
    if first == "下", let end = text.match("下半年", at: offset) { return (.half(2), end) }
    if text[offset] == "前", let (quarter, end) = chineseQuarter(at: offset + 1) {
      return (.quartersThrough(quarter), end)
    }
    if let (quarter, end) = chineseQuarter(at: offset) { return (.quarter(quarter), end) }
    for (index, words) in TimeFrameScan.chineseSeasons.enumerated() {
      if let end = text.firstMatch(words, at: offset)?.end { return (.season(index + 1), end) }
    }
    return chineseMonth(at: offset)
  }

  /// 双11, 双十二, and 618 before 大促, 期间 and the like: the shopping festivals, by their day.
  private func shoppingFestival(at offset: Int) -> (month: Int, day: Int, end: Int)? {
    guard let first = text[offset] else { return nil }
    if first == "双" || first == "雙" {
      for (word, day) in TimeFrameScan.doubleDays {
        // 双12.3英寸 is a size.
        if let end = text.match(word, at: offset), !TimeText.isDigit(text[end]), text[end] != "." {
          return (day, day, end)
        }
      }
      return nil
    }
    guard first == "6", let end = text.match("618", at: offset),
      !TimeText.isDigit(text[offset - 1]),
      text.firstMatch(TimeFrameScan.festivalNouns, at: end) != nil
    else { return nil }
    return (6, 18, end)
  }

  /// 双11 is 11 November, 双12 12 December: the month and the day are the same number.
  private static let doubleDays: [(word: String, day: Int)] = [
    ("双十一", 11), ("雙十一", 11), ("双十二", 12), ("雙十二", 12), ("双11", 11), ("雙11", 11),
    ("双12", 12), ("雙12", 12),
  ]
  private static let festivalNouns = [
    "大促", "购物节", "購物節", "期间", "期間", "当天", "當天", "活动", "活動", "促销", "促銷", "年中",
  ]

  /// Spring, summer, autumn and winter, each as written.
  private static let chineseSeasons = [
    ["春季", "春天"], ["夏季", "夏天"], ["秋季", "秋天"], ["冬季", "冬天"],
  ]

  /// 第一季度, 一季度, 首季, 3季度, Q3.
  private func chineseQuarter(at offset: Int) -> (Int, Int)? {
    if text[offset] == "首", let end = text.firstMatch(["首季度", "首季"], at: offset)?.end {
      return (1, end)
    }
    if text.isCapital(at: offset), text[offset] == "q",
      let (quarter, count, end) =
        text.digits(at: offset + 1), count == 1, !TimeText.isWordScalar(text[end])
    {
      return (1...4).contains(quarter) ? (quarter, end) : nil
    }
    let hasOrdinal = text[offset] == "第"
    let position = hasOrdinal ? offset + 1 : offset
    let digit = text[position].flatMap { TimeText.isDigit($0) ? Int($0.value) - 48 : nil }
    guard let quarter = digit ?? TimeText.hanDigit(text[position]), (1...4).contains(quarter),
      hasOrdinal || !TimeText.isChineseNumeral(text[position - 1])
    else { return nil }
    let end = position + 1
    if let wordEnd = text.match("季度", at: end) { return (quarter, wordEnd) }
    if hasOrdinal, text[end] == "季" { return (quarter, end + 1) }
    return nil
  }

  /// 3月, 十二月, 3月底, 3月份, 3月上旬, 2月1日, 2月1号.
  private func chineseMonth(at offset: Int) -> (Period, Int)? {
    // The number, in digits or Chinese numerals, must run up to 月: most numbers do not.
    var runEnd = offset
    while let scalar = text[runEnd], TimeText.isDigit(scalar) || TimeText.isChineseNumeral(scalar) {
      runEnd += 1
    }
    guard text.unit("月", at: runEnd) != nil,
      let (month, numberEnd) = text.smallNumber(at: offset), (1...12).contains(month),
      let monthMark = text.unit("月", at: numberEnd)
    else { return nil }
    var end = monthMark + 1
    // Spaces as in "3 月 5 日" only around digits.
    let dayStart = text[end] == " " && TimeText.isDigit(text[end + 1]) ? end + 1 : end
    if let (day, dayEnd) = text.smallNumber(at: dayStart) {
      let markStart =
        text[dayEnd] == " " && TimeText.isDigit(text[dayEnd - 1]) ? dayEnd + 1 : dayEnd
      if let marker = text.firstMatch(["日", "号", "號"], at: markStart) {
        return (.day(month: month, day: day), marker.end)
      }
    }
    end = text.match("份", at: end) ?? end
    let parts: [(String, Period)] = [
      ("底", .monthEnd(month)), ("末", .monthEnd(month)), ("下旬", .monthEnd(month)),
      ("以前", .monthEnd(month)), ("之前", .monthEnd(month)), ("前", .monthEnd(month)),
      ("上旬", .day(month: month, day: 10)), ("初", .day(month: month, day: 10)),
      ("中旬", .day(month: month, day: 20)),
    ]
    for (word, period) in parts {
      if let wordEnd = text.match(word, at: end) { return (period, wordEnd) }
    }
    return (.month(month), end)
  }

  /// 到2040年, 至2030年, 截至2026年底: the same window with no start.
  private func chineseOpening(at offset: Int) -> Match? {
    guard TimeFrameScan.starts(TimeFrameScan.openingLeads, at: offset, in: text),
      let lead = text.firstMatch(TimeFrameScan.openingLeads.words, at: offset)
    else { return nil }
    let start = text.skipSpaces(from: lead.end)
    guard let found = yearLed(at: start) ?? relativeYear(at: start) ?? chineseCalendar(at: start)
    else { return nil }
    return Match(end: found.end, window: found.window?.opened, year: found.year)
  }

  private static let periodStarts = ScalarSet("上下前首第q春夏秋冬双雙")

  private static let openingLeads = Literals(["截止到", "截至", "截止", "直到", "最迟", "最遲", "到", "至"])

  /// Whether the scalar at `offset` starts one of `literals`: most characters start none, and
  /// are turned away before each literal is tried.
  static func starts(_ literals: Literals, at offset: Int, in text: TimeText) -> Bool {
    text[offset].map { literals.firstScalars.contains($0) } ?? false
  }

  /// 今年, 明年, 后年, 去年, 前年 and what follows them (明年上半年, 今年底, 今年晚些时候).
  private func relativeYear(at offset: Int) -> Match? {
    // 今 starts 今明两年 too.
    guard TimeFrameScan.starts(TimeFrameScan.relativeYearHeads, at: offset, in: text) else {
      return nil
    }
    if let end = text.firstMatch(["今明两年", "今明兩年"], at: offset)?.end {
      let window = publishedYear.flatMap { Window.years($0, through: $0 + 1) }
      return Match(end: end, window: window, year: publishedYear.map { $0 + 1 })
    }
    for (word, delta, blocked) in TimeFrameScan.relativeYears {
      guard let end = text.match(word, at: offset) else { continue }
      if let before = text[offset - 1], blocked.unicodeScalars.contains(before) { return nil }
      return continuation(at: end, year: publishedYear.map { $0 + delta })
    }
    return nil
  }

  /// Each relative year, how far it is from the publication year, and the characters before it
  /// that make it part of another word.
  private static let relativeYears: [(String, Int, String)] = [
    ("今年", 0, ""), ("本年", 0, ""), ("明年", 1, ""),
    // 來年 "the coming year", as Hong Kong and Taiwan write 明年; not where 来 ends another word:
    // 未来年度, 以来年均, 带来年收入, 将来年轻, 原来年底.
    ("来年", 1, "未近出回起以带帶将將原本后後从從过過看到下上"),
    ("來年", 1, "未近出回起以带帶将將原本后後从從过過看到下上"),
    ("后年", 2, "然之以最此随隨背落往而其午身幕善"), ("後年", 2, "然之以最此随隨背落往而其午身幕善"),
    ("去年", -1, "过過"), ("前年", -2, "提以之此从從目当當空史生眼面跟门門年"),
  ]
  private static let relativeYearHeads = Literals(relativeYears.map(\.0))

  /// Characters that make a following 年底/年内 about some other year or about years in general:
  /// 几年内, 每年底, 同年底, 多年内, 跨年.
  private static let notThisYear =
    "几幾多数數每同当當该該这這那近历歷跨全整元少老青周週百千万萬亿億个個半上下去前明今本後后来來成往逐新年"

  /// A part of a year standing alone: 下半年, 第三季度, 3月底, 2月1日, 年底, 下个月.
  private func chineseCalendar(at offset: Int) -> Match? {
    if let (period, end) = chinesePeriod(at: offset) {
      let year: Int?
      switch period {
      case .half, .quarter, .quartersThrough: year = impliedYear
      case .day: year = dayYear
      default: year = calendarYear
      }
      return Match(end: end, window: year.flatMap { period.window(in: $0) })
    }
    // 全年 on its own: the whole year in view, as 今年 would say. After a year (2025年全年) or
    // a word that names another (去年全年, 同年全年) it is part of that year's words.
    // Not 全年龄 (all ages) nor 健全 and 年金; 全年金价 is the year's gold price.
    if text[offset] == "全", let end = text.match("全年", at: offset),
      !(text[offset - 1].map { "年前去同当當该該健完安齐齊".unicodeScalars.contains($0) } ?? false),
      !(text[end].map { "龄齡级級轻輕".unicodeScalars.contains($0) } ?? false)
    {
      return Match(end: end, window: calendarYear.flatMap { .year($0) })
    }
    guard
      text[offset] == "年"
        || TimeFrameScan.starts(TimeFrameScan.relativeMonths, at: offset, in: text)
    else { return nil }
    if let (word, end) = text.firstMatch(["年内", "年內", "年底", "年末", "年中"], at: offset) {
      if let before = text[offset - 1],
        TimeFrameScan.notThisYear.unicodeScalars.contains(before)
          || TimeText.isChineseNumeral(before)
          || TimeText.isDigit(before)
      {
        return nil
      }
      if word == "年中", let after = text[end], "国國华華".unicodeScalars.contains(after) {
        return nil
      }
      let period: Period =
        word == "年中" ? .midYear : word.hasSuffix("内") || word.hasSuffix("內") ? .year : .yearEnd
      return Match(end: end, window: publishedYear.flatMap { period.window(in: $0) })
    }
    for (word, delta) in TimeFrameScan.monthDeltas {
      guard let end = text.match(word, at: offset) else { continue }
      let month = context.published.flatMap { Span.months(delta).applied(to: $0) }
      // 本月20日, 下个月5号: a day of that month.
      if let (day, dayEnd) = text.smallNumber(at: end),
        let marker = text.firstMatch(["日", "号", "號"], at: dayEnd)
      {
        let window = month.flatMap {
          Window.day(day, month: $0.components.month, year: $0.components.year)
        }
        return Match(end: marker.end, window: window)
      }
      let window = month.flatMap { Window.month($0.components.month, of: $0.components.year) }
      return Match(end: end, window: window)
    }
    for (word, delta) in TimeFrameScan.quarterDeltas {
      // 本季节 is a season of the year, not a quarter.
      guard let end = text.match(word, at: offset), text[end] != "节", text[end] != "節"
      else { continue }
      return Match(end: end, window: context.published.flatMap { .quarter(delta, after: $0) })
    }
    for (word, weeks) in TimeFrameScan.weekDeltas {
      guard let end = text.match(word, at: offset) else { continue }
      let week = context.published.map { Window.week(weeks, after: $0) }
      // 下週四: that day of the week, Monday first; 下周一到周五 the last of the days; not
      // a day gone by, nor a word the numeral opens (下周二手房, 本周一直, 下周三季度).
      if let monday = week?.start, let published = context.published,
        let (first, dayEnd) = weekday(at: end)
      {
        var last = first
        var matchEnd = dayEnd
        if let through = text.firstMatch(Self.dayRangeLinks, at: dayEnd),
          let (later, laterEnd) = weekday(at: through.end), later > first
        {
          last = later
          matchEnd = laterEnd
        }
        let day = monday.adding(days: last)
        if day >= published {
          return Match(
            end: matchEnd, window: Window(start: monday.adding(days: first), deadline: day))
        }
      }
      return Match(end: end, window: week)
    }
    if let end = text.firstMatch(["明天", "明日"], at: offset)?.end {
      let window = context.published.map { day in
        Window(start: day.adding(days: 1), deadline: day.adding(days: 1))
      }
      return Match(end: end, window: window)
    }
    return nil
  }

  /// The day of the week named at `offset` (0 for Monday, 6 for Sunday: 日 and 天) and where
  /// it ends; nil when the numeral opens a word instead (二手, 一直, 三季度, 天气).
  private func weekday(at offset: Int) -> (Int, Int)? {
    guard let named = text[offset], let index = Self.weekdays.firstIndex(of: named),
      !(text[offset + 1].map(Self.wordAfterNumeral.contains) ?? false)
    else { return nil }
    return (min(index, 6), offset + 1)
  }

  /// The days of the week as 周 and 星期 name them, Monday first (日 and 天 both Sunday).
  private static let weekdays: [Unicode.Scalar] = ["一", "二", "三", "四", "五", "六", "日", "天"]
  /// Characters after a numeral that make it part of a word, not a day of the week.
  private static let wordAfterNumeral = ScalarSet("手直季大小中级級年月日期线線度次成半些起致样樣项項批家位名个個气氣")
  /// What joins two days of the week into a range: 下周一到周五, 下周一至周三.
  private static let dayRangeLinks = ["到周", "至周", "到週", "至週", "到星期", "至星期", "-周", "~周", "～周"]

  private static let weekDeltas: [(String, Int)] = [
    ("下周", 1), ("下週", 1), ("下星期", 1), ("下个星期", 1), ("下個星期", 1), ("本周", 0), ("本週", 0),
    ("这周", 0), ("這週", 0),
  ]

  private static let monthDeltas: [(String, Int)] = [
    ("下个月", 1), ("下個月", 1), ("下月", 1), ("本月", 0), ("这个月", 0), ("這個月", 0),
    ("上个月", -1), ("上個月", -1), ("上月", -1),
  ]
  /// 下季度, 本季, 下一季 (as Taiwan writes it), 上季度: counted from the quarter holding
  /// publication. Longer words first, so 下季度 is not read as 下季.
  private static let quarterDeltas: [(String, Int)] = [
    ("下个季度", 1), ("下個季度", 1), ("下一季度", 1), ("下一季", 1), ("下季度", 1), ("下季", 1),
    ("这个季度", 0), ("這個季度", 0), ("本季度", 0), ("本季", 0), ("上个季度", -1), ("上個季度", -1),
    ("上一季度", -1), ("上一季", -1), ("上季度", -1), ("上季", -1),
  ]
  private static let relativeMonths = Literals(
    monthDeltas.map(\.0) + weekDeltas.map(\.0) + quarterDeltas.map(\.0) + ["明天", "明日"])
}

/// Literals a grammar rule tries at an offset, with the scalars they can start with.
struct Literals: Sendable {
  let words: [String]
  let firstScalars: ScalarSet

  init(_ words: [String]) {
    self.words = words
    firstScalars = ScalarSet(words.compactMap(\.unicodeScalars.first))
  }
}
