import ClaimLedger

/// Finds the time windows a sentence names ("2026年下半年", "within 18 months", "明年") and the
/// deadline of each: the window's last day, as GUIDELINES §8 defines it.
///
/// Decisions where the wording is ambiguous:
/// - "2030年前" is read as "by 2030" (2030-12-31), as Chinese forecasts use it; the English
///   "before 2030" ends the day before the year starts (2029-12-31).
/// - "after 2030", "2030年以后" and "a few years" are time words with no deadline: they are
///   consumed and give no frame, so their year does not leak into a frame.
/// - Past frames are returned, ending before publication: 去年 and "last year" are the previous
///   calendar year, "过去三年" ends the day before publication, "三年前" is that day three years
///   back. The caller drops forecasts whose window ended before publication.
/// - A bare month or day ("3月", "in March", "March 3") takes the publication year, else the
///   framing year, even when that month is already past at publication.
/// - A half or quarter with no year takes the last year named earlier in the sentence, else the
///   publication year, else the framing year.
/// - "by", "until", "through", "到" and "至" open a window (no start); "in", "for" and "during"
///   keep it. The words of English frames include that leading preposition ("by 2027"), and
///   of Chinese frames the opening 到/至/截至 ("到2040年") but not a plain 在.
/// - "early 2027" is January to June and "late 2026" July to December; "mid-2026" ends June 30.
/// - "by the end of the decade" counts decades as 2021–2030, so from 2026 it is 2030-12-31.
public enum TimeFrameFinder {
  /// Every time expression in `text`, in order of appearance.
  ///
  /// Relative frames ("明年", "18个月内", "next year") need `context.published`; without it they
  /// give no frame rather than a guess.
  public static func frames(in text: String, context: TimeContext) -> [TimeFrame] {
    var scan = TimeFrameScan(text: TimeText(text), context: context)
    return scan.frames()
  }
}

/// What one grammar rule read at an offset.
struct Match {
  /// The offset just after the words.
  var end: Int
  /// The window the words give; nil for time words with no usable deadline ("after 2030", "a few
  /// years") and for relative words in an undated text.
  var window: Window?
  /// The calendar year the words name, which later halves and quarters without a year inherit.
  var year: Int?
  /// A bare English year or month ("2026", "March") counts only after a preposition.
  var needsLead = false
  /// Durations ("3 years") already say which way they count; a preposition changes nothing.
  var isDuration = false
}

/// One pass over a sentence: the grammar rules in `TimeFrameScan+Chinese.swift` and
/// `TimeFrameScan+English.swift`, tried at each offset, and the year the sentence last named.
struct TimeFrameScan {
  let text: TimeText
  let context: TimeContext
  private var lastYear: Int?

  init(text: TimeText, context: TimeContext) {
    self.text = text
    self.context = context
  }

  var publishedYear: Int? { context.published?.year }

  /// The year of a half or quarter that names none: the sentence's last year, else the year
  /// the article or section frames when that is later than publication ("the second half" in an
  /// outlook for 2027 written in December 2026), else the year of publication.
  var impliedYear: Int? { lastYear ?? calendarYear }

  /// The year of a bare month or day: the year the article or section frames when that is later
  /// than publication ("by December" in an outlook for 2027 written in November 2026), else the
  /// year of publication.
  var calendarYear: Int? {
    if let framing = context.framingYear, let publishedYear, framing > publishedYear {
      return framing
    }
    return dayYear
  }

  /// The year of a day named without one ("on December 16", 12月16日): publication's, even in
  /// an outlook for a later year, since a day still ahead this year is meant; one gone by
  /// moves on a year where the clause looks ahead.
  var dayYear: Int? { publishedYear ?? context.framingYear }

  mutating func frames() -> [TimeFrame] {
    var found: [TimeFrame] = []
    var offset = 0
    while offset < text.count {
      guard let match = match(at: offset), match.end > offset else {
        offset += 1
        continue
      }
      if let window = match.window {
        let words = text.words(offset..<match.end)
        found.append(TimeFrame(deadline: window.deadline, start: window.start, words: words))
      }
      if let year = match.year { lastYear = year }
      offset = match.end
    }
    return found
  }

  private func match(at offset: Int) -> Match? {
    guard let scalar = text[offset] else { return nil }
    if TimeText.isDigit(scalar) {
      guard !text.isInsideNumber(offset) else { return nil }
      return yearLed(at: offset) ?? chinese(at: offset) ?? english(at: offset)
    }
    if TimeText.isLetter(scalar) {
      return text.isWordStart(offset) && mayStartEnglish(at: offset) ? english(at: offset) : nil
    }
    guard TimeText.isChineseNumeral(scalar) || TimeFrameScan.chineseStarts.contains(scalar)
    else { return nil }
    return chinese(at: offset)
  }

  /// The characters a Chinese frame can start with, besides numerals; every other character is
  /// skipped at once, which keeps long Chinese sentences cheap.
  private static let chineseStarts = ScalarSet("半截直最到至今本明来來后後去前接未往过過近上下第首年这這全双雙")

  /// Frames that start with a year in digits: ranges (2026-2028年), the year with what follows
  /// it in Chinese (2026年下半年, 2026年3月1日), 2026 Q3, 2026H2, 2026-03-01, and "2026预测".
  func yearLed(at offset: Int) -> Match? {
    guard let (year, afterYear) = text.year(at: offset) else { return nil }
    if let range = yearRange(from: year, at: afterYear) { return range }
    if let mark = text.unit("年", at: afterYear) {
      return continuation(at: mark + 1, year: year)
    }
    if let period = quarterOrHalfLetter(at: text.skipSpaces(from: afterYear), year: year) {
      return period
    }
    if let date = numericDate(at: afterYear, year: year) { return date }
    // Most years are followed by neither: the English words are tried only after a space.
    let topics =
      text[afterYear] == " " ? TimeFrameScan.englishYearTopics : TimeFrameScan.yearTopics
    if text.firstMatch(topics, at: afterYear) != nil {
      return Match(end: afterYear, window: .year(year), year: year)
    }
    return nil
  }

  /// Words that make a bare Chinese year a time frame: "2026预测", "2026年度" is handled by 年.
  static let yearTopics = [
    "预测", "預測", "年度", "展望", "趋势", "趨勢", "预言", "預言", "预判", "預判",
  ]
  /// The measures an English year names as an adjective: "2026 profits are projected at $41
  /// billion".
  static let englishYearTopics = [
    " profits", " profit", " revenue", " revenues", " sales", " earnings", " shipments",
    " deliveries", " output", " production", " capex", " capital spending", " guidance", " GDP",
    " inflation", " deficit",
  ]

  /// "2026-2028年", "2026至2028年", "2023-2025年间", "2026 to 2028", "2026-28"; and "2027 or
  /// 2028", "2027年或2028年", which are over only when the later year is.
  private func yearRange(from first: Int, at offset: Int) -> Match? {
    var position = offset
    if let mark = text.unit("年", at: position) { position = mark + 1 }
    let connectors = [
      "——", "—", "–", "-", "~", "至", "到", "或者", "或", " to ", " through ", " until ", " or ",
      "/",
    ]
    guard
      let connector = text.firstMatch(connectors, at: position)
        ?? text.firstMatch(connectors, at: text.skipSpaces(from: position))
    else { return nil }
    let next = text.skipSpaces(from: connector.end)
    var last: Int
    var end: Int
    if let (year, yearEnd) = text.year(at: next) {
      (last, end) = (year, yearEnd)
    } else if let (short, count, shortEnd) = text.digits(at: next), count == 2,
      text[shortEnd] != "-", text[shortEnd] != "/", text[shortEnd] != "年"
    {
      (last, end) = (first / 100 * 100 + short, shortEnd)
    } else {
      return nil
    }
    guard last > first, last - first <= 100 else { return nil }
    // "the 2018/19 season": a slash joins two years only as a season's, one after the other
    // and the second in two digits; "2026/12" is a month.
    if connector.literal == "/", last != first + 1 || text.year(at: next) != nil { return nil }
    if let mark = text.unit("年", at: end) {
      end = mark + 1
      end = text.firstMatch(["期间", "期間", "之间", "之間", "间", "間"], at: end)?.end ?? end
    }
    return Match(end: end, window: .years(first, through: last), year: last)
  }

  /// "2026-03-01" and "2026/3/1": a day written in digits.
  private func numericDate(at offset: Int, year: Int) -> Match? {
    guard let separator = text[offset], separator == "-" || separator == "/",
      let (month, monthCount, monthEnd) = text.digits(at: offset + 1), monthCount <= 2,
      text[monthEnd] == separator,
      let (day, dayCount, dayEnd) = text.digits(at: monthEnd + 1), dayCount <= 2,
      (1...12).contains(month)
    else { return nil }
    return Match(end: dayEnd, window: .day(day, month: month, year: year), year: year)
  }

  /// "Q3" or "H2" right after a year: "2026 Q3", "2026Q3", "2026H2" (capital letters only, so
  /// ordinary words are not read as periods).
  private func quarterOrHalfLetter(at offset: Int, year: Int) -> Match? {
    guard text.isCapital(at: offset), let letter = text[offset],
      let (number, _, end) = text.digits(at: offset + 1),
      !TimeText.isLetter(text[end])
    else { return nil }
    let window: Window? =
      switch letter {
      case "q": .quarter(number, of: year)
      case "h": .half(number, of: year)
      default: nil
      }
    return window.map { Match(end: end, window: $0, year: year) }
  }
}
