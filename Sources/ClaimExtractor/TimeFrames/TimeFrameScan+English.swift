import ClaimLedger

/// The grammar of English time frames: an optional preposition, an optional "the", and a core.
extension TimeFrameScan {
  /// Prepositions that may lead a frame; "by", "until" and "through" open the window, "before"
  /// ends it the day before it starts, and "after", "beyond" and "since" leave no deadline.
  private static let leads = [
    "by", "in", "for", "of", "until", "till", "through", "thru", "before", "during", "within",
    "over", "after", "beyond", "since", "around",
  ]

  private static let earliestLeads = ["as early as", "as soon as"]

  /// The first word of every English frame, as `wordKey` packs it: a lead, "the", or the first
  /// word of a core rule below (ranges, durations and the counts they take, parts of the year,
  /// halves and quarters, months, relative years). Every literal those rules try where a frame
  /// starts ends its first word with a space, a hyphen, an apostrophe or a word boundary, so a
  /// word start whose word is not here starts no frame; this spares trying every literal at
  /// each word of a sentence. A rule that can start with a new word must add it here.
  private static let firstWords: [UInt64] = {
    let cores = [
      "the", "between", "from", "next", "coming", "following", "past", "last", "previous", "a",
      "an", "few", "several", "many", "couple", "end", "decade", "year", "later", "mid", "middle",
      "early", "late", "first", "second", "third", "fourth", "final", "latter", "back", "this",
      "sept", "sep", "tomorrow", "fiscal", "spring", "summer", "autumn", "fall", "winter",
      "current", "full", "calendar", "all", "rest",
      // The first word of `earliestLeads`.
      "as",
    ]
    let months = monthNames + monthNames.map { String($0.prefix(3)) }
    let words = leads + cores + TimeText.units + TimeText.tens + months
    let keys = words.compactMap { word in TimeFrameScan.wordKey(Array(word.unicodeScalars)) }
    return Array(Set(keys)).sorted()
  }()

  /// Whether `key` is one of `firstWords`, by binary search: hashing a key costs more.
  private static func isFirstWord(_ key: UInt64) -> Bool {
    var low = 0
    var high = firstWords.count
    while low < high {
      let middle = (low + high) / 2
      if firstWords[middle] < key { low = middle + 1 } else { high = middle }
    }
    return low < firstWords.count && firstWords[low] == key
  }

  /// Lower-case ASCII letters packed five bits each; nil for a word longer than twelve.
  private static func wordKey(_ letters: some Collection<Unicode.Scalar>) -> UInt64? {
    guard letters.count <= 12 else { return nil }
    return letters.reduce(0) { $0 << 5 | UInt64($1.value - 96) }
  }

  /// Whether an English frame can start at the word at `offset`: its first word is one of
  /// `firstWords`, or it is Q or H and a digit ("Q3", "H2").
  func mayStartEnglish(at offset: Int) -> Bool {
    var end = offset
    while TimeText.isLetter(text[end]) { end += 1 }
    let letters = text.scalars[offset..<end]
    guard let key = TimeFrameScan.wordKey(letters) else { return false }
    if TimeFrameScan.isFirstWord(key) { return true }
    return letters.count == 1 && (text[offset] == "q" || text[offset] == "h")
      && TimeText.isDigit(text[end])
  }

  /// Verbs of an amount that a span right after them makes a rate of: "makes in a year".
  static let rateVerbs: Set<String> = [
    "make", "makes", "made", "earn", "earns", "earned", "sell", "sells", "sold", "spend",
    "spends", "spent", "generate", "generates", "generated", "produce", "produces", "produced",
    "ship", "ships", "shipped", "pay", "pays", "paid", "lose", "loses", "lost", "burn", "burns",
    "burned", "cost", "costs", "handle", "handles", "handled",
  ]

  /// Whether a superlative after "the", "its" or "their" stands among the six words before
  /// `offset`: "the coldest winter in a decade", "its highest level in a year".
  private func followsSuperlative(_ offset: Int) -> Bool {
    var position = offset
    var previous: String?
    for _ in 0..<6 {
      guard let (word, start) = text.wordWithStart(before: position) else { return false }
      let lowered = word.lowercased()
      if let superlative = previous, TimeFrameScan.superlativeOpeners.contains(lowered),
        superlative.hasSuffix("est") && !TimeFrameScan.notSuperlatives.contains(superlative)
          || ["most", "least", "best", "worst"].contains(superlative)
      {
        return true
      }
      previous = lowered
      position = start
    }
    return false
  }

  private static let superlativeOpeners: Set<String> = ["the", "its", "their", "his", "her"]
  /// Words in -est that are no superlatives.
  private static let notSuperlatives: Set<String> = [
    "interest", "forest", "request", "west", "test", "protest", "invest", "harvest", "contest",
    "guest", "quest", "suggest", "digest", "arrest", "rest", "nest", "chest", "pest",
    // Superlatives of time, not records: "ship its latest chip in six months".
    "latest", "newest", "earliest",
  ]

  /// Whether a word that makes an amount a measure comes a few words before `offset`: "what it
  /// makes in a year", "more than it sells in a year" (not "investors will sell in a year").
  private func measuresAmount(before offset: Int) -> Bool {
    var position = offset
    for _ in 0..<5 {
      guard let (word, start) = text.wordWithStart(before: position) else { return false }
      if ["what", "than", "much", "many"].contains(word.lowercased()) { return true }
      position = start
    }
    return false
  }

  func english(at offset: Int) -> Match? {
    var position = offset
    var lead: String?
    // "as early as 2027", "as soon as next year": the earliest the speaker sees, read as the
    // window it names, as "in 2027" is.
    if let earliest = text.firstWord(TimeFrameScan.earliestLeads, at: offset),
      let next = text.afterSpace(earliest.end)
    {
      (lead, position) = ("in", next)
    } else if let found = text.firstWord(TimeFrameScan.leads, at: offset),
      let next = text.afterSpace(found.end)
    {
      (lead, position) = (found.literal, next)
    }
    var hasThe = false
    if let the = text.match(word: "the", at: position), let next = text.afterSpace(the) {
      (hasThe, position) = (true, next)
    }
    // After "in" or "of the", most words start no frame: the rules are tried only where the
    // next word can start one.
    guard
      position == offset || TimeText.isDigit(text[position])
        || TimeText.isLetter(text[position]) && mayStartEnglish(at: position)
    else { return nil }
    guard var found = englishCore(at: position, lead: lead, hasThe: hasThe, isInner: false),
      !found.needsLead || lead != nil
    else { return nil }
    // "what the company makes in a year": an amount per span, no window; "the coldest winter
    // in a decade", "its lowest level in years": a record over the span, no window either.
    if lead == "in", found.isDuration,
      let verb = text.word(before: offset)?.lowercased(),
      TimeFrameScan.rateVerbs.contains(verb) && measuresAmount(before: offset)
        || followsSuperlative(offset)
    {
      return nil
    }
    guard let lead, !found.isDuration else { return found }
    switch lead {
    case "by", "until", "till", "through", "thru": found.window = found.window?.opened
    // "but not before June": the window is the earliest, so it comes in that window's year,
    // from the window on.
    case "before" where text.word(before: offset)?.lowercased() == "not":
      found.window = found.window.flatMap { window in
        Day.endOfYear(window.deadline.year).map { Window(start: window.start, deadline: $0) }
      }
    case "before": found.window = found.window?.before
    case "after", "beyond", "since": found.window = nil
    default: break
    }
    return found
  }

  /// The frame itself. `isInner` is true after "end of", where a bare year or month needs no
  /// preposition.
  private func englishCore(at offset: Int, lead: String?, hasThe: Bool, isInner: Bool) -> Match? {
    if let range = englishRange(at: offset) { return range }
    if let duration = englishDuration(at: offset, lead: lead, hasThe: hasThe) { return duration }
    if let fuzzy = partOfYear(at: offset) { return fuzzy }
    if let period = possessivePeriod(at: offset) { return period }
    if let period = englishHalfOrQuarter(at: offset) { return period }
    if let month = englishMonth(at: offset, lead: lead, isInner: isInner) { return month }
    if TimeText.isDigit(text[offset]) {
      if let found = yearLed(at: offset) ?? dayFirst(at: offset) { return found }
      guard let (year, end) = yearReference(at: offset) else { return nil }
      return Match(end: end, window: year.flatMap { .year($0) }, year: year, needsLead: !isInner)
    }
    return relativeCalendar(at: offset)
  }

  /// "2026's first half", "this year's second quarter", "next year’s first half"; not the
  /// adjective "this year's first-half record", which names a reference, not a window.
  private func possessivePeriod(at offset: Int) -> Match? {
    guard let (year, yearEnd) = yearReference(at: offset),
      let mark = text.firstMatch(["'s ", "’s "], at: yearEnd),
      let (period, end) = halfOrQuarterWords(at: mark.end),
      !text.words(mark.end..<end).contains("-")
    else { return nil }
    return Match(end: end, window: year.flatMap { period.window(in: $0) }, year: year)
  }

  /// "between 2026 and 2028", "from 2026 to 2028", "between now and 2030".
  private func englishRange(at offset: Int) -> Match? {
    if let now = text.match("between now and ", at: offset) {
      guard let (year, end) = yearReference(at: now) else { return nil }
      return Match(end: end, window: year.flatMap { Window.year($0)?.opened }, year: year)
    }
    guard let lead = text.firstMatch(["between ", "from "], at: offset),
      let (first, firstEnd) = text.year(at: lead.end)
    else { return nil }
    let connectors =
      lead.literal == "between " ? [" and "] : [" to ", " through ", " until ", "-", "–", "—"]
    guard let connector = text.firstMatch(connectors, at: firstEnd),
      let (last, end) = text.year(at: text.skipSpaces(from: connector.end)),
      last > first, !TimeText.isWordScalar(text[end])
    else { return nil }
    return Match(end: end, window: .years(first, through: last), year: last)
  }

  /// "end of 2026", "year-end", "mid-2026", "early 2027", "late 2026", "later this year",
  /// "the end of the decade".
  private func partOfYear(at offset: Int) -> Match? {
    if let end = text.firstMatch(["end of ", "end-"], at: offset)?.end {
      if let decade = text.firstMatch(["the decade", "this decade"], at: end) {
        return decadeEnd(end: decade.end)
      }
      if let (year, yearEnd) = yearReference(at: end) {
        let window = year.flatMap { Period.yearEnd.window(in: $0) }
        return Match(end: yearEnd, window: window, year: year)
      }
      let innerStart = text.match("the ", at: end) ?? end
      guard let inner = englishCore(at: innerStart, lead: nil, hasThe: false, isInner: true)
      else { return nil }
      return Match(end: inner.end, window: inner.window?.opened, year: inner.year)
    }
    if let decade = text.firstMatch(["decade's end", "decade’s end"], at: offset) {
      return decadeEnd(end: decade.end)
    }
    for (word, period) in TimeFrameScan.yearEndWords {
      guard let end = text.match(word: word, at: offset) else { continue }
      // "before the year is out", not "the model year is out in March".
      if word == "year is out", text.match("before the ", at: offset - 11) == nil { continue }
      let window = publishedYear.flatMap { period.window(in: $0) }
      return Match(end: end, window: window, year: publishedYear)
    }
    for (word, window) in TimeFrameScan.yearParts {
      guard let start = text.match(word, at: offset),
        let (year, end) = yearReference(at: start)
      else { continue }
      return Match(end: end, window: year.flatMap(window), year: year)
    }
    return nil
  }

  /// Words for the end of the publication year, and the parts of a named year: built once.
  private static let yearEndWords: [(String, Period)] = [
    ("year-end", .yearEnd), ("year end", .yearEnd), ("year's end", .yearEnd),
    ("year’s end", .yearEnd), ("later this year", .yearEnd), ("later in the year", .yearEnd),
    ("year is out", .yearEnd),
  ]

  private static let yearParts: [(String, @Sendable (Int) -> Window?)] = [
    ("mid-", { Period.midYear.window(in: $0) }), ("mid ", { Period.midYear.window(in: $0) }),
    ("middle of ", { Period.midYear.window(in: $0) }), ("early ", { Window.half(1, of: $0) }),
    ("early-", { Window.half(1, of: $0) }), ("late ", { Window.half(2, of: $0) }),
    ("late-", { Window.half(2, of: $0) }), ("full year ", { Window.year($0) }),
    ("full-year ", { Window.year($0) }), ("calendar year ", { Window.year($0) }),
    ("calendar ", { Window.year($0) }),
  ]

  /// The last day of the decade that holds the publication year, counting decades as 2021–2030
  /// (GUIDELINES §8: "by the end of the decade" written in 2026 is 2030-12-31).
  private func decadeEnd(end: Int) -> Match {
    let last = publishedYear.map { ($0 - 1) / 10 * 10 + 10 }
    return Match(end: end, window: last.flatMap { Period.yearEnd.window(in: $0) }, year: last)
  }

  /// A year in words after "of", "end of" and the like: 2026, "next year", "this year", "the
  /// year". The year is nil for relative words in an undated text.
  func yearReference(at offset: Int) -> (Int?, Int)? {
    if let (year, end) = text.year(at: offset), !TimeText.isWordScalar(text[end]),
      text[end] != "%", text.firstMatch(TimeFrameScan.amountWords, at: end) == nil
    {
      return (year, end)
    }
    for (word, delta) in TimeFrameScan.yearWords {
      if let end = text.match(word: word, at: offset) {
        return (publishedYear.map { $0 + delta }, end)
      }
    }
    return nil
  }

  /// A year in words and how far it is from the publication year.
  private static let yearWords: [(String, Int)] = [
    ("the year after next", 2), ("the current year", 0), ("the year", 0), ("next year", 1),
    ("this year", 0), ("last year", -1),
  ]

  /// Whether a season's name ending at `end` is something else: "the fall in the yen", "Spring
  /// Festival", "Winter Olympics", "spring training".
  private func isSeasonInAnotherSense(after end: Int) -> Bool {
    guard let next = text.afterSpace(end) else { return false }
    if let of = text.firstWord(["in", "of"], at: next)?.end {
      // "the fall of 2027" is a season; "the fall in prices" and "the fall of the yen" not.
      return text.afterSpace(of).flatMap { text.year(at: $0) } == nil
    }
    return text.firstWord(
      ["festival", "olympics", "games", "training", "break", "semester", "term", "collection"],
      at: next) != nil
  }

  /// A season's name at `offset` (1 spring … 4 winter) and where it ends.
  private func seasonWord(at offset: Int) -> (Int, Int)? {
    for (index, names) in [["spring"], ["summer"], ["autumn", "fall"], ["winter"]].enumerated() {
      if let end = text.firstWord(names, at: offset)?.end { return (index + 1, end) }
    }
    return nil
  }

  /// A full month name at `offset` (1…12) and where it ends.
  /// The month and year a period runs to, read within a few words of `start`: "from April 2026
  /// through March 2027" is March 2027, where it ends.
  private func monthRunTo(from start: Int) -> (deadline: Day, end: Int)? {
    for index in start..<(start + 40) where !TimeText.isWordScalar(text[index - 1]) {
      guard let to = text.firstMatch(["through ", "to ", "until "], at: index),
        let stated = englishMonth(at: to.end, lead: nil, isInner: true), stated.year != nil,
        let window = stated.window
      else { continue }
      return (window.deadline, stated.end)
    }
    return nil
  }

  private func monthWord(at offset: Int) -> (Int, Int)? {
    for (index, name) in TimeFrameScan.monthNames.enumerated() {
      if let end = text.match(word: name, at: offset) { return (index + 1, end) }
    }
    return nil
  }

  /// The end of "year" at `offset` when "the" and a verb of ending come before it: "end the
  /// year", "finishes the year", "closes the year".
  private func yearAfterEndingVerb(at offset: Int) -> Int? {
    guard let end = text.match(word: "year", at: offset),
      text.word(before: offset)?.lowercased() == "the",
      let verb = text.word(before: wordStart(before: offset))?.lowercased(),
      Self.endingVerbs.contains(verb)
    else { return nil }
    return end
  }

  private static let endingVerbs: Set<String> = [
    "end", "ends", "ending", "finish", "finishes", "finishing", "close", "closes", "closing",
  ]

  private static let relativeQuarters = [
    ("next quarter", 1), ("coming quarter", 1), ("this quarter", 0), ("current quarter", 0),
    ("last quarter", -1), ("previous quarter", -1),
  ]

  /// Words after a four-digit number that make it an amount, not a year.
  static let amountWords = [
    " million", " billion", " trillion", " people", " units", " users", " percent", " dollars",
    " points",
  ]

  /// "next year", "this year", "last year", "next month", "this month", "next week", "this
  /// week", "tomorrow", "fiscal 2027". Companies name fiscal years by the calendar year they
  /// end in (Apple, Nvidia) or begin in (Sony's fiscal 2025 runs to March 2026): the deadline
  /// is the latest such end, 31 March of the year after, so no claim is scored early.
  private func relativeCalendar(at offset: Int) -> Match? {
    if let end = text.match(word: "tomorrow", at: offset) {
      let window = context.published.map { day in
        Window(start: day.adding(days: 1), deadline: day.adding(days: 1))
      }
      return Match(end: end, window: window)
    }
    for (word, weeks) in [("next week", 1), ("this week", 0)] {
      guard let end = text.match(word: word, at: offset) else { continue }
      return Match(end: end, window: context.published.map { Window.week(weeks, after: $0) })
    }
    // "next summer", "this winter", "summer 2027", "summer of 2027", a bare "summer" (its
    // year the publication's; one already over is moved on where the clause looks ahead).
    for (word, delta) in [("next ", 1), ("this ", 0), ("", 0)] {
      guard let start = text.match(word, at: offset), let (season, end) = seasonWord(at: start),
        !isSeasonInAnotherSense(after: end)
      else { continue }
      if word.isEmpty {
        var yearStart = text.afterSpace(end)
        if let found = yearStart, let of = text.match("of ", at: found) { yearStart = of }
        // "fall 1900 points" is an amount: `yearReference` turns it away.
        if let yearStart, let (year, yearEnd) = yearReference(at: yearStart),
          let year, text.year(at: yearStart) != nil
        {
          return Match(end: yearEnd, window: .season(season, of: year), year: year)
        }
        if let next = text.afterSpace(end), text.match("of ", at: next) != nil { continue }
        return Match(
          end: end, window: calendarYear.flatMap { .season(season, of: $0) }, needsLead: true)
      }
      let window = context.published.flatMap { day -> Window? in
        // "next summer" is the first one to begin after publication; "this summer" the one
        // that holds publication or comes next (a January article's winter is the one under
        // way).
        let seasons = [day.year - 1, day.year, day.year + 1].compactMap {
          Window.season(season, of: $0)
        }
        guard delta == 1 else { return seasons.first { $0.deadline >= day } }
        return seasons.first { ($0.start ?? $0.deadline) > day }
      }
      return Match(end: end, window: window)
    }
    // "next August": the first August after publication.
    if let start = text.match("next ", at: offset), text.isCapital(at: start),
      let (month, end) = monthWord(at: start)
    {
      let window = context.published.flatMap { day -> Window? in
        let year = month > day.components.month ? day.year : day.year + 1
        return .month(month, of: year)
      }
      return Match(end: end, window: window)
    }
    if let fiscal = text.match(word: "fiscal", at: offset), let start = text.afterSpace(fiscal),
      let (year, end) = text.year(at: text.match("year ", at: start) ?? start),
      !TimeText.isWordScalar(text[end])
    {
      // "fiscal 2027, which ends June 30, 2027": the article says when.
      if let ends = text.firstMatch(
        [", which ends ", " which ends ", ", ending ", " ending "], at: end),
        let stated = englishMonth(at: ends.end, lead: nil, isInner: true),
        let window = stated.window, stated.year != nil
      {
        return Match(end: stated.end, window: .open(window.deadline), year: year)
      }
      // "fiscal 2027, which runs from April 2026 through March 2027": the month it runs to.
      if let runs = text.firstMatch([", which runs ", " which runs ", ", running "], at: end),
        let stated = monthRunTo(from: runs.end)
      {
        return Match(end: stated.end, window: .open(stated.deadline), year: year)
      }
      return Match(end: end, window: .open(Day(year: year + 1, month: 3, day: 31)), year: year)
    }
    for (word, delta) in [("next year", 1), ("this year", 0), ("last year", -1)] {
      guard let end = text.match(word: word, at: offset) else { continue }
      let year = publishedYear.map { $0 + delta }
      return Match(end: end, window: year.flatMap { .year($0) }, year: year)
    }
    // "all year", "the rest of the year", "finishes the year below 7,000": the year in view.
    if let end = text.firstMatch(["all year long", "all year", "rest of the year"], at: offset)?.end
      ?? yearAfterEndingVerb(at: offset), !TimeText.isWordScalar(text[end])
    {
      return Match(end: end, window: calendarYear.flatMap { .year($0) })
    }
    // "next quarter", "the current quarter": counted from the quarter holding publication.
    // "this quarter of the city" and "a quarter-point cut" are no time.
    for (word, delta) in Self.relativeQuarters {
      guard let end = text.match(word: word, at: offset), text[end] != "-",
        text.afterSpace(end).flatMap({ text.match(word: "of", at: $0) }) == nil
      else { continue }
      return Match(end: end, window: context.published.flatMap { .quarter(delta, after: $0) })
    }
    for (word, delta) in [("next month", 1), ("this month", 0)] {
      guard let end = text.match(word: word, at: offset) else { continue }
      let window = context.published.flatMap { Span.months(delta).applied(to: $0) }.flatMap {
        Window.month($0.components.month, of: $0.components.year)
      }
      return Match(end: end, window: window)
    }
    return nil
  }
}
