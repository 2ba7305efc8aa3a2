import ClaimLedger

/// A span of days by its last day and, when the words bound it, its first.
struct Window: Equatable {
  var start: Day?
  var deadline: Day

  /// A whole calendar year: "2026年", "in 2026".
  static func year(_ year: Int) -> Window? {
    bounded(Day(year: year, month: 1, day: 1), Day.endOfYear(year))
  }

  /// 上半年 (`half` 1) or 下半年 (`half` 2) of `year`.
  static func half(_ half: Int, of year: Int) -> Window? {
    guard half == 1 || half == 2 else { return nil }
    return months(half * 6 - 5, through: half * 6, of: year)
  }

  /// A calendar quarter, 1…4.
  static func quarter(_ quarter: Int, of year: Int) -> Window? {
    guard (1...4).contains(quarter) else { return nil }
    return months(quarter * 3 - 2, through: quarter * 3, of: year)
  }

  /// The quarter `quarters` after the one holding `day`: "this quarter" is 0, "next quarter"
  /// 1, 上季度 -1.
  static func quarter(_ quarters: Int, after day: Day) -> Window? {
    let components = day.components
    let index = components.year * 4 + (components.month - 1) / 3 + quarters
    return quarter(index % 4 + 1, of: index / 4)
  }

  /// From the first day of one month to the last day of another in the same year.
  static func months(_ first: Int, through last: Int, of year: Int) -> Window? {
    bounded(Day(year: year, month: first, day: 1), Day.endOfMonth(last, in: year))
  }

  static func month(_ month: Int, of year: Int) -> Window? {
    months(month, through: month, of: year)
  }

  /// One day, which is its own start and deadline; nil for impossible dates (2月30日).
  static func day(_ day: Int, month: Int, year: Int) -> Window? {
    Day(year: year, month: month, day: day).map { Window(start: $0, deadline: $0) }
  }

  /// A season of the northern year: spring (1) March to May, summer (2) June to August,
  /// autumn (3) September to November, winter (4) December to the end of the next February.
  static func season(_ season: Int, of year: Int) -> Window? {
    guard (1...4).contains(season) else { return nil }
    let first = season * 3
    if season == 4 {
      return bounded(Day(year: year, month: 12, day: 1), Day.endOfMonth(2, in: year + 1))
    }
    return months(first, through: first + 2, of: year)
  }

  /// The week, Monday to Sunday, `weeks` after the one holding `day`: "this week" is 0, "next
  /// week" 1.
  static func week(_ weeks: Int, after day: Day) -> Window {
    // 1970-01-01 was a Thursday, three days after a Monday.
    let sinceMonday = ((day.daysSinceEpoch + 3) % 7 + 7) % 7
    let monday = day.adding(days: 7 * weeks - sinceMonday)
    return Window(start: monday, deadline: monday.adding(days: 6))
  }

  /// Only a last day: "by 2027", "年底", "18个月内".
  static func open(_ deadline: Day?) -> Window? {
    deadline.map { Window(start: nil, deadline: $0) }
  }

  /// The whole years from the first to the last: "2026-2028年".
  static func years(_ first: Int, through last: Int) -> Window? {
    bounded(Day(year: first, month: 1, day: 1), Day.endOfYear(last))
  }

  /// The same deadline with the start dropped: what "by", "到" and "until" make of a window.
  var opened: Window { Window(start: nil, deadline: deadline) }

  /// The window that ends the day before this one starts: "before 2030" is by 2029-12-31.
  /// A window with no start keeps its deadline ("before the end of 2026").
  var before: Window {
    start.map { Window(start: nil, deadline: $0.adding(days: -1)) } ?? opened
  }

  private static func bounded(_ start: Day?, _ end: Day?) -> Window? {
    guard let start, let end else { return nil }
    return Window(start: start, deadline: end)
  }
}

/// A length of time a relative frame counts from the publication day.
enum Span: Equatable {
  case months(Int)
  case days(Int)

  /// `day` moved forward (or back, for negative `sign`) by this span; months keep the day of
  /// the month, clamped to the month's end (2026-01-31 plus one month is 2026-02-28).
  func applied(to day: Day, sign: Int = 1) -> Day? {
    switch self {
    case .days(let count):
      return day.adding(days: sign * count)
    case .months(let count):
      let (year, month, dayOfMonth) = day.components
      let total = year * 12 + (month - 1) + sign * count
      guard total >= 0 else { return nil }
      let (newYear, newMonth) = (total / 12, total % 12 + 1)
      guard let last = Day.endOfMonth(newMonth, in: newYear) else { return nil }
      return Day(year: newYear, month: newMonth, day: min(dayOfMonth, last.components.day))
    }
  }

  /// The window a forecast gives by counting forward: "18个月内", "within 18 months".
  func future(from published: Day) -> Window? {
    .open(applied(to: published))
  }

  /// The window just ended: "过去三年", "the past three years" end the day before publication.
  func past(from published: Day) -> Window? {
    applied(to: published, sign: -1).map {
      Window(start: $0, deadline: published.adding(days: -1))
    }
  }

  /// The point this long before publication: "三年前", "three years ago".
  func ago(from published: Day) -> Window? {
    .open(applied(to: published, sign: -1))
  }
}
