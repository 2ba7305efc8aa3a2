/// The cells whose words are read, not only checked: dates, deadlines and confidences.
extension RowFields {
  func day(_ key: String) throws(ImportError) -> Day? {
    guard let text = text(key)?.trimmingSpaces(), !text.isEmpty else { return nil }
    guard let day = Self.dayOfDateTime(text) else {
      throw fail(key, "\(key) '\(text)' is not a date such as 2026-12-31")
    }
    return day
  }

  /// The day of `2026-12-31`, or of a date and time as spreadsheets and Fatebook write them
  /// (`2026-12-31T09:30:00.000Z`, `2026-12-31 9:30 PM`, `… 18:00 +08:00`, `… 18:00 UTC`): the
  /// day is what counts, but a time that is no time (hour 25, trailing words) makes the cell
  /// no date.
  static func dayOfDateTime(_ text: String) -> Day? {
    if let day = Day(text) { return day }
    guard let day = Day(text.prefix(10)) else { return nil }
    var time = TimeOfDayReader(text.dropFirst(10))
    return time.readsWhole() ? day : nil
  }

  /// The deadline: a date (a time after it is left out), or a period as `add --by` takes it
  /// (`2027`, `2026-Q3`, `2026年下半年`), whose words are kept as the deadline's words.
  func deadlineCell() throws(ImportError) -> (Day?, String?) {
    guard let text = text("deadline")?.trimmingSpaces(), !text.isEmpty else { return (nil, nil) }
    if let day = Self.dayOfDateTime(text) { return (day, nil) }
    guard let period = Deadline(text) else {
      throw fail(
        "deadline",
        "deadline '\(text)' is not a date such as 2026-12-31 or a period such as 2027 or 2026-Q3")
    }
    return (period.day, period.text)
  }

  /// A confidence as a person types one (`Confidence(text:)`), or as the journal and the
  /// exports write it, a JSON number, which below 0.0001 has an exponent (`5e-05`).
  static func confidence(_ word: String) -> Confidence? {
    if let typed = Confidence(text: word) { return typed }
    var bytes = Array(word.trimmingSpaces().utf8)
    return bytes.withUnsafeMutableBufferPointer { buffer in
      var scanner = JSONScanner(UnsafeBufferPointer(buffer))
      guard let number = try? scanner.readNumber(), scanner.isAtEnd else { return nil }
      return Confidence(number)
    }
  }
}

/// The time after a date in a spreadsheet cell, read only to tell that it is one.
private struct TimeOfDayReader {
  private var rest: Substring.UnicodeScalarView.SubSequence

  init(_ text: Substring) {
    rest = text.unicodeScalars[...]
  }

  /// Whether the whole text is a separator and a time, with an optional AM or PM and zone.
  mutating func readsWhole() -> Bool {
    guard let separator = rest.popFirst(), "T t".unicodeScalars.contains(separator) else {
      return false
    }
    skipSpaces()
    guard let hour = number(digits: 1...2), hour < 24, take(":"),
      let minute = number(digits: 2...2),
      minute < 60
    else { return false }
    if take(":") {
      guard let second = number(digits: 2...2), second < 61 else { return false }
      if take(".") || take(",") {
        guard number(digits: 1...9) != nil else { return false }
      }
    }
    skipSpaces()
    if takeWord("am") || takeWord("pm") || takeWord("a.m.") || takeWord("p.m.") {
      guard (1...12).contains(hour) else { return false }
      skipSpaces()
    }
    if take("Z") || take("z") {
    } else if takeWord("utc") || takeWord("gmt") {
      skipSpaces()
      if rest.first == "+" || rest.first == "-" { guard offset() else { return false } }
    } else if rest.first == "+" || rest.first == "-" {
      guard offset() else { return false }
    }
    skipSpaces()
    return rest.isEmpty
  }

  /// `+08:00`, `-0500`, `+8`.
  private mutating func offset() -> Bool {
    rest = rest.dropFirst()
    guard let hours = number(digits: 1...2), hours < 24 else { return false }
    _ = take(":")
    if let first = rest.first, ("0"..."9").contains(first) {
      guard let minutes = number(digits: 2...2), minutes < 60 else { return false }
    }
    return true
  }

  private mutating func number(digits: ClosedRange<Int>) -> Int? {
    let run = rest.prefix(digits.upperBound).prefix { ("0"..."9").contains($0) }
    guard digits.contains(run.count) else { return nil }
    rest = rest.dropFirst(run.count)
    return run.reduce(0) { $0 * 10 + Int($1.value - 48) }
  }

  private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
    guard rest.first == scalar else { return false }
    rest = rest.dropFirst()
    return true
  }

  /// `word` in any case.
  private mutating func takeWord(_ word: String) -> Bool {
    let letters = Array(word.unicodeScalars)
    let head = rest.prefix(letters.count)
    guard head.count == letters.count,
      zip(head, letters).allSatisfy({ String($0.0).lowercased() == String($0.1) })
    else { return false }
    rest = rest.dropFirst(letters.count)
    return true
  }

  private mutating func skipSpaces() {
    while rest.first == " " { rest = rest.dropFirst() }
  }
}
