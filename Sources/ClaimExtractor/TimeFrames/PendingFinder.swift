enum TimeFrameFinder {
  static func frames(in text: String, context: TimeContext) -> [TimeFrame] { [] }
  static func framingYear(in text: String) -> Int? { nil }
}
