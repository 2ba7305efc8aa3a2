import ClaimLedger

/// Which way a duration counts from the publication day.
enum Direction {
  /// "18个月内", "within 18 months", "3年后": publication plus the span.
  case future
  /// "过去三年", "the past three years": the span that ended the day before publication.
  case past
  /// "三年前", "three years ago": the day that far back.
  case ago

  func window(_ span: Span, from published: Day) -> Window? {
    switch self {
    case .future: span.future(from: published)
    case .past: span.past(from: published)
    case .ago: span.ago(from: published)
    }
  }
}

/// Durations counted from the publication day, in Chinese and in English.
extension TimeFrameScan {
  /// 18个月内, 未来三年, 3年后, 半年内, 2000天, 两周内, 一年半内, 过去三年, 三年前.
  func chineseDuration(at offset: Int) -> Match? {
    // A duration starts with a lead word, 半 or a number.
    guard let first = text[offset],
      TimeFrameScan.durationLeads.firstScalars.contains(first) || first == "半"
        || TimeText.isDigit(first) || TimeText.isChineseNumeral(first)
    else { return nil }
    var position = offset
    var direction: Direction?
    // A number or 半 starts no lead word, so the leads are tried only where one can start.
    let mayLead = TimeFrameScan.durationLeads.firstScalars.contains(first)
    if mayLead, let lead = text.firstMatch(TimeFrameScan.futureLeads, at: offset) {
      (direction, position) = (.future, lead.end)
    } else if mayLead, let lead = text.firstMatch(TimeFrameScan.pastLeads, at: offset) {
      if lead.literal == "近", let before = text[offset - 1],
        "接将將附靠最".unicodeScalars.contains(before)
      {
        return nil
      }
      (direction, position) = (.past, lead.end)
    }
    guard let (span, isDays, spanEnd) = chineseSpan(at: position) else { return nil }
    let marker = text.firstMatch(TimeFrameScan.spanMarkers, at: spanEnd)
    if marker?.literal == "前" {
      guard direction == nil else { return nil }
      direction = .ago
    }
    let isVagueMarker = marker?.literal == "间" || marker?.literal == "間"
    guard direction != nil || (marker != nil && !isVagueMarker) || isDays else { return nil }
    let end = marker?.end ?? spanEnd
    let window = context.published.flatMap { (direction ?? .future).window(span, from: $0) }
    return Match(end: end, window: window, isDuration: true)
  }

  private static let futureLeads = ["接下来", "接下來", "未来", "未來", "今后", "今後", "往后", "往後"]
  private static let pastLeads = ["过去", "過去", "最近", "近"]
  private static let durationLeads = Literals(futureLeads + pastLeads)

  /// The words before an English count that say which way it runs, built once as every list
  /// the grammar tries.
  private static let directions: [(String, Direction)] = [
    ("next", .future), ("coming", .future), ("following", .future), ("past", .past),
    ("last", .past), ("previous", .past),
  ]

  /// The units an English duration counts, longer spellings first.
  private static let durationUnits: [(String, Span)] = [
    ("decades", .months(120)), ("decade", .months(120)), ("years", .months(12)),
    ("year", .months(12)), ("months", .months(1)), ("month", .months(1)),
    ("weeks", .days(7)), ("week", .days(7)), ("days", .days(1)), ("day", .days(1)),
  ]
  private static let unitWords = Literals(durationUnits.map(\.0))
  private static let directionWords = Literals(directions.map(\.0))
  private static let vagueCounts = Literals(["a few", "few", "several", "many"])

  /// Prepositions that make a bare English duration count forward ("in three years").
  /// What may follow a Chinese span: 内 and 以内 keep it ahead, 前 counts back.
  private static let spanMarkers = [
    "以内", "以內", "之内", "之內", "之后", "之後", "以后", "以後", "内", "內", "后", "後",
    "里", "裡", "间", "間", "前",
  ]

  private static let englishFutureLeads = ["in", "within", "over", "during", "after"]

  /// What joins the two counts of a range: 3到5年, 三至五年, 3-5年, 3～5年.
  private static let countJoiners = ScalarSet("到至-–—~～－")

  /// 三个月, 18個月, 三年, 一年半, 半年, 半个月, 2000天, 两周, 三个星期; whether it counts days.
  private func chineseSpan(at offset: Int) -> (Span, Bool, Int)? {
    var position = offset
    var count = 0
    let isHalf = text[offset] == "半"
    if isHalf {
      position += 1
    } else if let (value, end) = text.count(at: offset) {
      (count, position) = (value, end)
      // "3到5年", "三至五年", "2-3年之后": a range of small counts runs to its far end, which
      // is when the forecast has had its whole time.
      if value < 100, let joiner = text[position], TimeFrameScan.countJoiners.contains(joiner),
        let (upper, upperEnd) = text.count(at: position + 1), upper > value, upper < 100
      {
        (count, position) = (upper, upperEnd)
      }
    } else {
      return nil
    }
    let hasClassifier = text[position] == "个" || text[position] == "個"
    if hasClassifier { position += 1 }
    switch text[position] {
    case "年":
      guard !hasClassifier else { return nil }
      if !isHalf, text[position + 1] == "半" {
        return (.months(count * 12 + 6), false, position + 2)
      }
      return (.months(isHalf ? 6 : count * 12), false, position + 1)
    case "月":
      guard hasClassifier else { return nil }
      return (isHalf ? .days(15) : .months(count), false, position + 1)
    case "天":
      return isHalf ? nil : (.days(count), true, position + 1)
    case "日":
      return isHalf || hasClassifier ? nil : (.days(count), false, position + 1)
    case "周", "週":
      return isHalf ? nil : (.days(count * 7), false, position + 1)
    case "星":
      guard !isHalf, text[position + 1] == "期" else { return nil }
      return (.days(count * 7), false, position + 2)
    default:
      return nil
    }
  }

  /// "within 18 months", "in three years", "over the next decade", "in the next 2 years",
  /// "two years from now", "the past three years", "three years ago"; "a few years" is read
  /// and gives no frame.
  func englishDuration(at offset: Int, lead: String?, hasThe: Bool) -> Match? {
    var position = offset
    var direction: Direction?
    // Each word list is tried only where its first letter is.
    let mayHaveDirection = TimeFrameScan.starts(TimeFrameScan.directionWords, at: offset, in: text)
    for (word, way) in TimeFrameScan.directions where mayHaveDirection {
      if let end = text.match(word: word, at: offset), let next = text.afterSpace(end) {
        (direction, position) = (way, next)
        break
      }
    }
    var count: Int?
    var isVague = false
    if TimeFrameScan.starts(TimeFrameScan.vagueCounts, at: position, in: text),
      let vague = text.firstWord(TimeFrameScan.vagueCounts.words, at: position),
      let next = text.afterSpace(vague.end)
    {
      (isVague, position) = (true, next)
    } else if let (value, end) = text.englishCount(at: position), let next = text.afterSpace(end) {
      (count, position) = (value, next)
    }
    guard TimeFrameScan.starts(TimeFrameScan.unitWords, at: position, in: text),
      let (unit, span) = TimeFrameScan.durationUnits.first(where: {
        text.match(word: $0.0, at: position) != nil
      }),
      let unitEnd = text.match(word: unit, at: position)
    else { return nil }
    if count == nil, !isVague {
      // "next year" is a calendar year; "over the next year" and "the next decade" count;
      // "the coming years" names no length.
      guard direction != nil else { return nil }
      if unit.hasSuffix("s") {
        isVague = true
      } else {
        guard unit == "decade" || (hasThe && lead != nil) else { return nil }
        count = 1
      }
    }
    var end = unitEnd
    if let time = text.firstMatch(["'s time", "' time", "’s time", "’ time"], at: end) {
      end = time.end
    }
    if let later = text.firstMatch([" from now", " from today"], at: end) {
      (direction, end) = (direction ?? .future, later.end)
    } else if let ago = text.match(" ago", at: end), direction == nil {
      (direction, end) = (.ago, ago)
    }
    if direction == nil, let lead, TimeFrameScan.englishFutureLeads.contains(lead) {
      direction = .future
    }
    guard let direction else { return nil }
    guard !isVague, let count, let published = context.published else {
      return Match(end: end, window: nil, isDuration: true)
    }
    let scaled: Span =
      switch span {
      case .months(let months): .months(months * count)
      case .days(let days): .days(days * count)
      }
    return Match(end: end, window: direction.window(scaled, from: published), isDuration: true)
  }
}
