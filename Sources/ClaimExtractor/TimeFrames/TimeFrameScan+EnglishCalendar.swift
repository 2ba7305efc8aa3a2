import ClaimLedger

/// English halves, quarters, months and days.
extension TimeFrameScan {
  /// "first half of 2027", "the second half", "H2 2026", "third quarter of 2026", "Q3 2026",
  /// "Q3"; with no year, the year named last in the sentence.
  func englishHalfOrQuarter(at offset: Int) -> Match? {
    let inWords = halfOrQuarterWords(at: offset)
    guard let (period, end) = inWords ?? halfOrQuarterLetter(at: offset) else { return nil }
    for joiner in [" of ", " ", "-"] {
      guard let start = text.match(joiner, at: end), let (year, yearEnd) = yearReference(at: start)
      else { continue }
      return Match(end: yearEnd, window: year.flatMap { period.window(in: $0) }, year: year)
    }
    // "ship the H2", "an H1 in every warehouse": with no year, a letter and a digit after an
    // article or a possessive name a product, unless what follows is what a period has ("its
    // Q3 revenue", "the Q4 results").
    // After a preposition ("by the Q3", "ahead of the Q4 season") it is a period again.
    if inWords == nil, let before = text.word(before: offset), Self.determiners.contains(before),
      text.afterSpace(end).flatMap({ text.firstWord(Self.periodNouns, at: $0) }) == nil,
      !Self.prepositions.contains(text.word(before: wordStart(before: offset))?.lowercased() ?? "")
    {
      return nil
    }
    return Match(end: end, window: impliedYear.flatMap { period.window(in: $0) })
  }

  private static let determiners: Set<String> = [
    "the", "a", "an", "its", "our", "their", "his", "her", "my", "your", "new", "latest",
  ]

  private static let prepositions: Set<String> = [
    "by", "in", "during", "of", "for", "before", "until", "till", "through", "from", "within",
    "over", "after", "since", "around", "into", "throughout",
  ]

  /// Where the word that ends, spaces apart, right before `offset` starts.
  func wordStart(before offset: Int) -> Int {
    var start = offset
    while TimeText.isSpace(text[start - 1]) { start -= 1 }
    while TimeText.isLetter(text[start - 1]) { start -= 1 }
    return start
  }

  /// What a quarter or a half of a year has, after its letter and digit.
  private static let periodNouns = [
    "revenue", "revenues", "earnings", "results", "sales", "guidance", "outlook", "report",
    "profit", "profits", "deliveries", "shipments", "numbers", "figures", "growth", "gdp",
    "margin", "margins", "loss", "losses", "forecast", "update", "call",
  ]

  private static let ordinals: [(word: String, number: Int)] = [
    ("first", 1), ("1st", 1), ("second", 2), ("2nd", 2), ("third", 3), ("3rd", 3),
    ("fourth", 4), ("4th", 4), ("final", 4), ("latter", 2), ("back", 2),
  ]
  /// Each ordinal with the space that must follow it.
  private static let spacedOrdinals = ordinals.map { $0.word + " " }
  private static let hyphenedOrdinals = ordinals.map { $0.word + "-" }
  private static let ordinalStarts = ScalarSet(ordinals.compactMap(\.word.unicodeScalars.first))

  func halfOrQuarterWords(at offset: Int) -> (Period, Int)? {
    guard let first = text[offset], Self.ordinalStarts.contains(first) else { return nil }
    for (index, (word, number)) in Self.ordinals.enumerated() {
      // "second-quarter revenue": the period as an adjective.
      guard
        let wordEnd = text.match(Self.spacedOrdinals[index], at: offset)
          ?? text.match(Self.hyphenedOrdinals[index], at: offset)
      else { continue }
      if let end = text.match(word: "half", at: wordEnd), number <= 2 || word == "final" {
        return (.half(min(number, 2)), end)
      }
      if let end = text.match(word: "quarter", at: wordEnd), word != "latter", word != "back" {
        return (.quarter(number), end)
      }
    }
    return nil
  }

  /// "Q3" and "H2", capital letters only, so that "q3" in an id is not read.
  private func halfOrQuarterLetter(at offset: Int) -> (Period, Int)? {
    guard text.isCapital(at: offset), let letter = text[offset],
      let (number, count, end) = text.digits(at: offset + 1), count == 1,
      !TimeText.isWordScalar(text[end])
    else { return nil }
    switch letter {
    case "q" where (1...4).contains(number): return (.quarter(number), end)
    case "h" where (1...2).contains(number): return (.half(number), end)
    default: return nil
    }
  }

  /// "March 2027", "March 1, 2027", "March 3", "in March" (a bare month needs a preposition),
  /// "Sept. 30, 2026".
  func englishMonth(at offset: Int, lead: String?, isInner: Bool) -> Match? {
    guard text.isCapital(at: offset), let (month, isAbbreviation, nameEnd) = monthName(at: offset)
    else { return nil }
    if let next = text.afterSpace(nameEnd), let (day, dayEnd) = dayOfMonth(at: next) {
      var afterDay = dayEnd
      if text[afterDay] == "," { afterDay += 1 }
      if let yearStart = text.afterSpace(afterDay), let (year, yearEnd) = text.year(at: yearStart),
        !TimeText.isWordScalar(text[yearEnd])
      {
        return Match(end: yearEnd, window: .day(day, month: month, year: year), year: year)
      }
      let window = dayYear.flatMap { Window.day(day, month: month, year: $0) }
      return Match(end: dayEnd, window: window)
    }
    var afterName = nameEnd
    if text[afterName] == "," { afterName += 1 }
    if let yearStart = text.afterSpace(afterName), let (year, yearEnd) = text.year(at: yearStart),
      !TimeText.isWordScalar(text[yearEnd])
    {
      return Match(end: yearEnd, window: .month(month, of: year), year: year)
    }
    let window = calendarYear.flatMap { Window.month(month, of: $0) }
    // "the June quarter": the three months that end with it, as companies name quarters. The
    // January and February quarters are counted from the new year, so that one named in
    // November is still ahead, as the month is (its deadline is what is scored).
    if !isAbbreviation, let next = text.afterSpace(nameEnd),
      let end = text.match(word: "quarter", at: next), text[end] != "-"
    {
      let quarter = calendarYear.flatMap {
        Window.months(max(1, month - 2), through: month, of: $0)
      }
      return Match(end: end, window: quarter)
    }
    // "its December meeting", "the June summit": the event dates the month as a preposition
    // would, "May" included.
    if !isAbbreviation, let next = text.afterSpace(nameEnd),
      let event = text.firstWord(Self.monthEvents, at: next)
    {
      return Match(end: event.end, window: window)
    }
    // "May" and "Mar" are also ordinary words; alone they count only after a preposition.
    guard !isAbbreviation, month != 5 || lead != nil || isInner else { return nil }
    return Match(end: nameEnd, window: window, needsLead: !isInner)
  }

  /// Events named by the month they fall in: "the March meeting", "its June policy meeting".
  private static let monthEvents = [
    "meeting", "policy meeting", "rate decision", "decision", "summit", "session", "auction",
    "board meeting", "conference", "vote", "election", "elections", "deadline",
  ]

  /// "1 March 2027", "3 May".
  func dayFirst(at offset: Int) -> Match? {
    guard let (day, dayEnd) = dayOfMonth(at: offset), let next = text.afterSpace(dayEnd),
      text.isCapital(at: next), let (month, _, nameEnd) = monthName(at: next)
    else { return nil }
    if let yearStart = text.afterSpace(nameEnd), let (year, yearEnd) = text.year(at: yearStart),
      !TimeText.isWordScalar(text[yearEnd])
    {
      return Match(end: yearEnd, window: .day(day, month: month, year: year), year: year)
    }
    return Match(end: nameEnd, window: dayYear.flatMap { .day(day, month: month, year: $0) })
  }

  /// A day of the month, 1…31, with an optional "st", "nd", "rd" or "th".
  private func dayOfMonth(at offset: Int) -> (Int, Int)? {
    guard let (day, count, end) = text.digits(at: offset), count <= 2, (1...31).contains(day)
    else { return nil }
    if let suffix = text.firstWord(["st", "nd", "rd", "th"], at: end) { return (day, suffix.end) }
    guard !TimeText.isWordScalar(text[end]), text[end] != ":", text[end] != "%" else {
      return nil
    }
    return (day, end)
  }

  static let monthNames = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  ]

  /// A month name, full or abbreviated ("Sept.", "Dec"); whether it was abbreviated.
  private func monthName(at offset: Int) -> (Int, Bool, Int)? {
    for (index, name) in TimeFrameScan.monthNames.enumerated() {
      if let end = text.match(word: name, at: offset) { return (index + 1, false, end) }
    }
    for (index, name) in TimeFrameScan.monthNames.enumerated() where index != 4 {
      let abbreviations = index == 8 ? ["sept", "sep"] : [String(name.prefix(3))]
      for abbreviation in abbreviations {
        guard let end = text.match(word: abbreviation, at: offset) else { continue }
        return (index + 1, true, text[end] == "." ? end + 1 : end)
      }
    }
    return nil
  }
}
