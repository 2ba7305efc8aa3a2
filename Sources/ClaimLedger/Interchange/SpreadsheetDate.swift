/// Dates as spreadsheets save them in other locales than ISO's, for import.
///
/// - `2026/1/2`, `2026.1.2`, `2026-1-2`: year, month, day, whatever the separator.
/// - `02.01.2026`: day, month, year, as European locales write dates with dots.
/// - `1/2/2026` or `1-2-2026`: month first in the US, day first in most other places. When
///   one part is over 12 only one reading is a date, and it is taken; when both parts are 12
///   or under (and differ) the date is ambiguous, and the caller refuses it naming both.
///
/// A time may follow, as `RowFields.dayOfDateTime` reads it after an ISO date.
enum SpreadsheetDate: Equatable {
  case day(Day)
  case ambiguous(monthFirst: Day, dayFirst: Day)

  /// Which way round a date with the month and day both before the year is written.
  enum Order: Equatable, Sendable {
    case monthFirst, dayFirst
  }

  /// The order `text` shows: a date whose month and day could only be read one way round
  /// (`9/30/2026` month first, `30/9/2026` day first); nil for any other text.
  static func order(shownBy text: String) -> Order? {
    guard case .day = read(text) else { return nil }
    let parts = text.prefix { !$0.isWhitespace && $0 != "T" }.split(whereSeparator: {
      $0 == "/" || $0 == "-"
    })
    guard parts.count == 3, parts[2].count == 4, let first = Int(parts[0]),
      let second = Int(parts[1])
    else { return nil }
    if first <= 12, second > 12 { return .monthFirst }
    if first > 12, second <= 12 { return .dayFirst }
    return nil
  }

  static func read(_ text: String) -> SpreadsheetDate? {
    if let day = chineseDate(text) { return .day(day) }
    let scalars = Array(text.unicodeScalars)
    var index = 0
    func number() -> (value: Int, digits: Int)? {
      var value = 0
      var digits = 0
      while index < scalars.count, digits < 5, ("0"..."9").contains(scalars[index]) {
        value = value * 10 + Int(scalars[index].value - 48)
        digits += 1
        index += 1
      }
      return digits == 0 ? nil : (value, digits)
    }
    guard let first = number(), index < scalars.count else { return nil }
    let separator = scalars[index]
    guard separator == "/" || separator == "." || separator == "-" else { return nil }
    index += 1
    guard let second = number(), index < scalars.count, scalars[index] == separator else {
      return nil
    }
    index += 1
    guard let third = number() else { return nil }
    // What follows must be nothing, or a time as spreadsheets write one.
    if index < scalars.count {
      var rest = String.UnicodeScalarView()
      rest.append(contentsOf: scalars[index...])
      guard RowFields.isTimeOfDay(Substring(String(rest))) else { return nil }
    }
    if first.digits == 4, second.digits <= 2, third.digits <= 2 {
      return Day(year: first.value, month: second.value, day: third.value).map { .day($0) }
    }
    guard third.digits == 4, first.digits <= 2, second.digits <= 2 else { return nil }
    let year = third.value
    if separator == "." {
      return Day(year: year, month: second.value, day: first.value).map { .day($0) }
    }
    let monthFirst = Day(year: year, month: first.value, day: second.value)
    let dayFirst = Day(year: year, month: second.value, day: first.value)
    switch (monthFirst, dayFirst) {
    case (let month?, let day?):
      return month == day ? .day(month) : .ambiguous(monthFirst: month, dayFirst: day)
    case (let month?, nil): return .day(month)
    case (nil, let day?): return .day(day)
    case (nil, nil): return nil
    }
  }

  /// `2026年1月2日`, as spreadsheets in Chinese and Japanese locales write a date.
  private static func chineseDate(_ text: String) -> Day? {
    guard text.hasSuffix("日") else { return nil }
    let parts = text.dropLast().split(whereSeparator: { $0 == "年" || $0 == "月" })
    guard parts.count == 3, parts[0].count == 4,
      parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      text.filter({ $0 == "年" }).count == 1, text.filter({ $0 == "月" }).count == 1
    else { return nil }
    return Day(year: year, month: month, day: day)
  }
}

/// The order a file's dates show, and the first date that shows it, for the note that says so.
struct DateOrderEvidence: Equatable, Sendable {
  var order: SpreadsheetDate.Order
  var line: Int
  var text: String

  /// The one order the cells show, when they show one: nil when none shows either, or some
  /// show each (a file mixing them is left to refuse each date that could be either).
  static func find(in cells: some Sequence<(line: Int, cell: String)>) -> DateOrderEvidence? {
    var found: DateOrderEvidence?
    for (line, cell) in cells {
      let text = cell.trimmingSpaces()
      guard let order = SpreadsheetDate.order(shownBy: text) else { continue }
      if let earlier = found {
        if earlier.order != order { return nil }
      } else {
        found = DateOrderEvidence(order: order, line: line, text: text)
      }
    }
    return found
  }

  /// The note naming the order taken, and the date that shows it.
  func note(path: String) -> String {
    "\(path): read dates such as 1/2/2026 \(order == .monthFirst ? "month" : "day") first, as "
      + "'\(text)' on line \(line) shows"
  }
}
