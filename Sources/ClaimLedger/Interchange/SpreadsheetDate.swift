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

  static func read(_ text: String) -> SpreadsheetDate? {
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
}
