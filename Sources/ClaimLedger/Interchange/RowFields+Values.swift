/// The cells whose words are read, not only checked: dates, deadlines and confidences.
extension RowFields {
  func day(_ key: String) throws(ImportError) -> Day? {
    guard let text = text(key)?.trimmingSpaces(), !text.isEmpty else { return nil }
    guard let day = try spreadsheetDay(key, text) else {
      throw fail(key, "\(key) '\(text)' is not a date such as 2026-12-31")
    }
    return day
  }

  /// The day a spreadsheet's serial number stands for (days since 1899-12-30, as Excel and
  /// LibreOffice count), for numbers of five digits, 1927 to 2173; nil for anything else.
  static func spreadsheetDayNumber(_ text: String) -> Day? {
    guard text.utf8.count == 5, text.utf8.allSatisfy({ (48...57).contains($0) }),
      let serial = Int(text), serial >= 10_000
    else { return nil }
    return Day(daysSinceEpoch: serial - 25_569)
  }

  /// The day of a date as `dayOfDateTime` or `SpreadsheetDate` reads it; nil when the text is
  /// no date. A date whose month and day could be either way round (and the file's other dates
  /// do not say which) is refused, naming both, and so is a spreadsheet's day number.
  private func spreadsheetDay(_ key: String, _ text: String) throws(ImportError) -> Day? {
    if let day = Self.dayOfDateTime(text) { return day }
    switch SpreadsheetDate.read(text) {
    case .day(let day): return day
    case .ambiguous(let monthFirst, _) where dateOrder?.order == .monthFirst: return monthFirst
    case .ambiguous(_, let dayFirst) where dateOrder?.order == .dayFirst: return dayFirst
    case .ambiguous(let monthFirst, let dayFirst):
      throw fail(
        key,
        "\(key) '\(text)' could be \(monthFirst) (month first) or \(dayFirst) (day first); "
          + "write it as YYYY-MM-DD")
    case nil:
      // A number of days a spreadsheet wrote for a date it was not told to format as one.
      guard let serial = Self.spreadsheetDayNumber(text) else { return nil }
      throw fail(
        key,
        "\(key) '\(text)' is a spreadsheet's number for a day (\(serial)), not a date: format "
          + "the column as a date before saving")
    }
  }

  /// The day of `2026-12-31`, or of a date and time as spreadsheets and Fatebook write them
  /// (`2026-12-31T09:30:00.000Z`, `2026-12-31 9:30 PM`, `… 18:00 +08:00`, `… 18:00 UTC`): the
  /// day is what counts, but a time that is no time (hour 25, trailing words) makes the cell
  /// no date.
  static func dayOfDateTime(_ text: String) -> Day? {
    if let day = Day(text) { return day }
    guard let day = Day(text.prefix(10)) else { return nil }
    return isTimeOfDay(text.dropFirst(10)) ? day : nil
  }

  /// Whether `text` is a separator and a time, as spreadsheets write one after a date.
  static func isTimeOfDay(_ text: Substring) -> Bool {
    var time = TimeOfDayReader(text)
    return time.read() != nil
  }

  /// The instant `time` (a separator and a time, as `isTimeOfDay` takes it, or nothing for
  /// midnight) names on `day`; a time without a zone is taken as UTC, as every time this tool
  /// writes is. Nil when `time` is no time.
  static func instant(on day: Day, at time: Substring) -> Timestamp? {
    let start = Int64(day.daysSinceEpoch) * 86_400_000
    if time.isEmpty { return Timestamp(millisecondsSinceEpoch: start) }
    var reader = TimeOfDayReader(time)
    guard let read = reader.read() else { return nil }
    let offset = Int64(read.offsetMinutes ?? 0) * 60_000
    return Timestamp(millisecondsSinceEpoch: start + Int64(read.milliseconds) - offset)
  }

  /// A date and time as the journal writes one (`2026-01-21T09:30:00Z`) or as a spreadsheet
  /// saves it (`2026-01-21 09:30:00`, `… 9:30 AM`, `… 09:30 +08:00`, `1/21/2026 9:30`, or a
  /// date alone for midnight); a date that could be either way round is read as `day` reads
  /// it. Nil when the text is no date and time.
  func instant(_ key: String, _ text: String) throws(ImportError) -> Timestamp? {
    if let exact = Timestamp(text) { return exact }
    let (date, time) = Self.dateAndTime(text)
    guard let day = try spreadsheetDay(key, String(date)) else { return nil }
    return Self.instant(on: day, at: time)
  }

  /// The same, with the date order the file's other dates show: the instant, and the day as
  /// written (before any zone is taken off); nil for a date that could be either way round
  /// and is not settled so.
  static func readInstant(_ text: String, order: SpreadsheetDate.Order?) -> (
    instant: Timestamp, day: Day
  )? {
    let (date, time) = dateAndTime(text)
    let day: Day
    if let iso = Day(date) {
      day = iso
    } else {
      switch SpreadsheetDate.read(String(date)) {
      case .day(let read): day = read
      case .ambiguous(let monthFirst, _) where order == .monthFirst: day = monthFirst
      case .ambiguous(_, let dayFirst) where order == .dayFirst: day = dayFirst
      default: return nil
      }
    }
    return instant(on: day, at: time).map { ($0, day) }
  }

  /// A cell's date, and the separator and time after it (empty when there is none).
  private static func dateAndTime(_ text: String) -> (date: Substring, time: Substring) {
    if Day(text.prefix(10)) != nil { return (text.prefix(10), text.dropFirst(10)) }
    if let space = text.firstIndex(where: { $0 == " " || $0 == "T" }) {
      return (text[..<space], text[space...])
    }
    return (text[...], "")
  }

  /// Whether an id cell reads as a number a spreadsheet wrote for an id of digits: fewer than
  /// ten digits (leading zeros dropped), or a number with an exponent (`1.2E+09`).
  static func looksLikeSpreadsheetNumber(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    if !bytes.isEmpty, bytes.count < 10, bytes.allSatisfy(isDigit) { return true }
    guard let exponent = bytes.firstIndex(where: { $0 | 0x20 == UInt8(ascii: "e") }) else {
      return false
    }
    let mantissa = bytes[..<exponent]
    var power = bytes[(exponent + 1)...]
    if power.first == UInt8(ascii: "+") || power.first == UInt8(ascii: "-") {
      power = power.dropFirst()
    }
    return !mantissa.isEmpty && isPlainDecimal(String(decoding: mantissa, as: UTF8.self))
      && !power.isEmpty && power.allSatisfy(isDigit)
  }

  /// The deadline: a date (a time after it is left out), or a period as `add --by` takes it
  /// (`2027`, `2026-Q3`, `2026年下半年`), whose words are kept as the deadline's words. With
  /// no deadline, deadline words that name a period (a sheet's `deadline_text` column alone)
  /// give the day `add --by` gives them, so such a claim still falls due.
  func deadlineCell() throws(ImportError) -> (Day?, String?) {
    guard let text = text("deadline")?.trimmingSpaces(), !text.isEmpty else {
      let words = self.text("deadline_text")?.trimmingSpaces()
      return (words.flatMap(Deadline.init)?.day, nil)
    }
    if let day = try spreadsheetDay("deadline", text) { return (day, nil) }
    guard let period = Deadline(text) else {
      throw fail(
        "deadline",
        "deadline '\(text)' is not a date such as 2026-12-31 or a period such as 2027 or 2026-Q3")
    }
    return (period.day, period.text)
  }

  /// A confidence as a person types one (`Confidence(text:)`), or as the journal and the
  /// exports write it, a JSON number, which below 0.0001 has an exponent (`5e-05`), or as a
  /// spreadsheet saves a percentage: `70 %` (a space, or a no-break space, before the sign)
  /// or a bare number over 1 and at most 100 (`70`, a column of percentages without the sign;
  /// one under 10 only when whole, so `1.5`, more likely a mistyped probability, is refused).
  /// A decimal comma (`0,7`, `12,5 %`), as those locales write numbers, is read as a point.
  static func confidence(_ word: String) -> Confidence? {
    if let typed = Confidence(text: word) { return typed }
    var trimmed = word.trimmingSpaces()
    if trimmed.utf8.contains(UInt8(ascii: ",")) {
      let parts = trimmed.split(separator: ",", omittingEmptySubsequences: false)
      guard parts.count == 2, parts[0].utf8.allSatisfy({ (48...57).contains($0) }),
        !parts[0].isEmpty, parts[1].utf8.first.map({ (48...57).contains($0) }) == true
      else { return nil }
      trimmed = parts[0] + "." + parts[1]
    }
    var bytes = Array(trimmed.utf8)
    let number = bytes.withUnsafeMutableBufferPointer { buffer -> Double? in
      var scanner = JSONScanner(UnsafeBufferPointer(buffer))
      guard let number = try? scanner.readNumber(), scanner.isAtEnd else { return nil }
      return number
    }
    if let number {
      guard number > 1, number <= 100, isPlainDecimal(trimmed),
        number >= 10 || number == number.rounded()
      else {
        // A plain decimal a hair off 1 stays on its side of it, as typed ones do.
        return Confidence(
          isPlainDecimal(trimmed)
            ? Confidence.onItsSideOfCertain(number, written: Substring(trimmed), certain: "1")
            : number)
      }
      return Confidence(text: trimmed + "%")
    }
    guard trimmed.hasSuffix("%") else { return nil }
    var digits = Substring(trimmed.dropLast())
    while let last = digits.unicodeScalars.last, [" ", "\u{A0}", "\u{202F}"].contains(last) {
      digits = Substring(digits.unicodeScalars.dropLast())
    }
    guard isPlainDecimal(digits) else { return nil }
    return Confidence(text: digits + "%")
  }

  /// Digits with at most one decimal point, and at least one digit.
  static func isPlainDecimal(_ text: some StringProtocol) -> Bool {
    var points = 0
    var digits = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: ".") {
        points += 1
      } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
        digits += 1
      } else {
        return false
      }
    }
    return points <= 1 && digits > 0
  }
}

/// The time after a date in a spreadsheet cell.
private struct TimeOfDayReader {
  /// Milliseconds since midnight, and the zone's offset east of UTC in minutes when the text
  /// gives one.
  struct Time {
    var milliseconds: Int
    var offsetMinutes: Int?
  }

  private var rest: Substring.UnicodeScalarView.SubSequence

  init(_ text: Substring) {
    rest = text.unicodeScalars[...]
  }

  /// The time, when the whole text is a separator and a time, with an optional AM or PM and
  /// zone; nil for anything else.
  mutating func read() -> Time? {
    guard let separator = rest.popFirst(), "T t".unicodeScalars.contains(separator) else {
      return nil
    }
    skipSpaces()
    // Minutes and seconds of one digit too: Fatebook's export does not pad them (`14:03:5`).
    guard var hour = number(digits: 1...2), hour < 24, take(":"),
      let minute = number(digits: 1...2),
      minute < 60
    else { return nil }
    var milliseconds = 0
    if take(":") {
      guard let second = number(digits: 1...2), second < 61 else { return nil }
      // A leap second is the last of its minute.
      milliseconds = min(second, 59) * 1000
      if take(".") || take(",") {
        // Thousandths: the first three digits, padded (`.25` is 250 ms).
        let digits = rest.prefix(9).prefix { ("0"..."9").contains($0) }
        guard !digits.isEmpty else { return nil }
        rest = rest.dropFirst(digits.count)
        for (place, digit) in zip([100, 10, 1], digits) {
          milliseconds += place * Int(digit.value - 48)
        }
      }
    }
    skipSpaces()
    let isMorning = takeWord("am") || takeWord("a.m.")
    if isMorning || takeWord("pm") || takeWord("p.m.") {
      guard (1...12).contains(hour) else { return nil }
      hour = hour % 12 + (isMorning ? 0 : 12)
      skipSpaces()
    }
    var offset: Int?
    if take("Z") || take("z") {
      offset = 0
    } else if takeWord("utc") || takeWord("gmt") {
      offset = 0
      skipSpaces()
      if rest.first == "+" || rest.first == "-" {
        guard let minutes = offsetMinutes() else { return nil }
        offset = minutes
      }
    } else if rest.first == "+" || rest.first == "-" {
      guard let minutes = offsetMinutes() else { return nil }
      offset = minutes
    }
    skipSpaces()
    guard rest.isEmpty else { return nil }
    return Time(
      milliseconds: milliseconds + (hour * 60 + minute) * 60_000, offsetMinutes: offset)
  }

  /// `+08:00`, `-0500`, `+8`.
  private mutating func offsetMinutes() -> Int? {
    let sign = rest.popFirst() == "-" ? -1 : 1
    guard let hours = number(digits: 1...2), hours < 24 else { return nil }
    _ = take(":")
    var minutes = 0
    if let first = rest.first, ("0"..."9").contains(first) {
      guard let written = number(digits: 2...2), written < 60 else { return nil }
      minutes = written
    }
    return sign * (hours * 60 + minutes)
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

  /// Spaces, and the no-break and narrow no-break spaces some systems put before AM or PM.
  private mutating func skipSpaces() {
    while let first = rest.first, first == " " || first == "\u{A0}" || first == "\u{202F}" {
      rest = rest.dropFirst()
    }
  }
}
