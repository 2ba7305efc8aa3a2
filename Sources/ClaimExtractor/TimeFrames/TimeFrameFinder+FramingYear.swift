extension TimeFrameFinder {
  /// The year a title or framing sentence is about when it frames predictions: "2026年十大趋势
  /// 展望", "The Kiplinger Letter's 10 Forecasts for 2026", "What to expect in 2027".
  ///
  /// Nil when the text names no year, names two different years (a comparison or a range is
  /// not one year's outlook), or has no word of prediction: a title that merely mentions a year
  /// frames nothing.
  public static func framingYear(in text: String) -> Int? {
    let scanned = TimeText(text)
    var year: Int?
    var hasTopic = false
    var offset = 0
    while offset < scanned.count {
      if scanned.firstMatch(framingWords, at: offset) != nil { hasTopic = true }
      // Unlike frames, both ends of a range count here: "2026-2028" is two years.
      guard !TimeText.isLetter(scanned[offset - 1]), scanned[offset - 1] != ".",
        let (found, end) = scanned.year(at: offset), !isAmount(in: scanned, at: end)
      else {
        offset += 1
        continue
      }
      // "Brightwater lifts its fiscal 2027 outlook": a company's fiscal year frames no calendar.
      if isFiscal(in: scanned, year: offset, end: end) { return nil }
      if let year, year != found { return nil }
      year = found
      offset = end
    }
    return hasTopic ? year : nil
  }

  /// Whether the year from `start` to `end` names a fiscal year: "fiscal 2027", "fiscal year
  /// 2027", "FY2027", "2027财年", "2027財政年度".
  private static func isFiscal(in text: TimeText, year start: Int, end: Int) -> Bool {
    fiscalBefore.contains { text.match($0, at: start - $0.unicodeScalars.count) != nil }
      || text.firstMatch(fiscalAfter, at: end) != nil
  }

  private static let fiscalBefore = [
    "fiscal ", "fiscal year ", "fiscal-year ", "fy", "fy ", "fy-",
  ]
  private static let fiscalAfter = [
    "财年", "財年", "财政年度", "財政年度", "年财年", "年財年", " fiscal", "-fiscal",
  ]

  /// Words that make a title about predictions, folded to lower case.
  private static let framingWords = [
    "预测", "預測", "预言", "預言", "预判", "預判", "展望", "趋势", "趨勢", "前瞻", "predict",
    "forecast", "outlook", "expect", "trends", "prophec",
  ]

  /// Whether the number ending at `end` is an amount or a count: 2026万, 2026美元, 2026%,
  /// 2026人, "2026 million".
  private static func isAmount(in text: TimeText, at end: Int) -> Bool {
    guard let next = text[end] else { return false }
    if "万萬亿億元%人个個台辆輛名家位件块塊美港欧歐英日韩韓".unicodeScalars.contains(next) {
      return true
    }
    // 2026H2 and 2026Q3 are periods; any other letter makes an id or a unit (2026x, 2026mm).
    if TimeText.isLetter(next) {
      return !((next == "h" || next == "q") && TimeText.isDigit(text[end + 1]))
    }
    return text.firstMatch(TimeFrameScan.amountWords, at: end) != nil
  }
}
