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
}
