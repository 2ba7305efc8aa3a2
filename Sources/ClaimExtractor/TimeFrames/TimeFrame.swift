import ClaimLedger

/// What a time expression is measured against: the publication day, or a year the article frames.
public struct TimeContext: Sendable, Equatable {
  /// The day the article was published; relative frames ("明年", "18个月内") need it.
  public var published: Day?
  /// A year the article or section is about ("2026年AI预测"): the year of a bare "2月1日" when
  /// there is no publication day, and the deadline of forecasts with no frame of their own.
  public var framingYear: Int?

  public init(published: Day? = nil, framingYear: Int? = nil) {
    self.published = published
    self.framingYear = framingYear
  }
}

/// A window a forecast names, by its last day.
public struct TimeFrame: Sendable, Equatable {
  /// The last day of the window: the deadline.
  public var deadline: Day
  /// The first day of the window when the words give one ("2026年下半年" → 2026-07-01);
  /// nil for open windows such as "by 2027" or "18个月内".
  public var start: Day?
  /// The words that set it, as written ("2026年下半年", "within 18 months").
  public var words: String

  public init(deadline: Day, start: Day? = nil, words: String) {
    self.deadline = deadline
    self.start = start
    self.words = words
  }

  /// The same window a year later: "in January" read in a November article means next
  /// January. A last day of February stays the month's last day.
  var aYearLater: TimeFrame? {
    func later(_ day: Day) -> Day? {
      let (year, month, date) = day.components
      guard let end = Day.endOfMonth(month, in: year),
        let nextEnd = Day.endOfMonth(month, in: year + 1)
      else { return nil }
      return day == end ? nextEnd : Day(year: year + 1, month: month, day: date)
    }
    guard let deadline = later(deadline) else { return nil }
    return TimeFrame(deadline: deadline, start: start.flatMap(later), words: words)
  }
}
