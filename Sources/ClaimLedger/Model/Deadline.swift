import Foundation

/// A deadline as people write it: a date, or the end of a year, half, quarter or month.
///
/// `2027` means 2027-12-31, `2026-06` the last day of June, `2026-H1` June 30, `2026-Q3`
/// September 30. The words typed are kept as the claim's `deadline_text` unless they were a
/// plain date.
public struct Deadline: Sendable, Equatable {
  public let day: Day
  /// The words that set it, when they were not a plain date.
  public let text: String?

  public init?(_ argument: String) {
    // The words are kept trimmed: "2027 " is the deadline "2027", not words of its own.
    let argument = argument.trimmingSpaces()
    let word = FullWidth.folded(argument).trimmingSpaces().uppercased()
    if let chinese = Deadline.chinesePeriod(word) {
      self.day = chinese
      self.text = argument
      return
    }
    if let day = Day(word) {
      self.day = day
      self.text = nil
      return
    }
    let parts = word.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, first.count == 4, let year = Int(first), year >= 1 else {
      return nil
    }
    let end: Day?
    switch parts.count {
    case 1: end = Day.endOfYear(year)
    case 2:
      let period = parts[1]
      if period.count == 2, let month = Int(period) {
        end = Day.endOfMonth(month, in: year)
      } else if period.first == "H", let half = Int(period.dropFirst()), (1...2).contains(half) {
        end = Day.endOfMonth(half * 6, in: year)
      } else if period.first == "Q", let quarter = Int(period.dropFirst()),
        (1...4).contains(quarter)
      {
        end = Day.endOfMonth(quarter * 3, in: year)
      } else {
        end = nil
      }
    default: end = nil
    }
    guard let end else { return nil }
    self.day = end
    self.text = argument
  }

  /// `2026年`, `二零二六年`, `2026年上半年`/`下半年`, `2026年第三季度`: the end of that period.
  private static func chinesePeriod(_ word: String) -> Day? {
    guard let marker = word.firstIndex(of: "年") else { return nil }
    let yearText = word[..<marker]
    // Counted first: a long run of digits would overflow the year before it was turned away.
    guard yearText.count == 4 else { return nil }
    var year = 0
    for character in yearText {
      guard let digit = character.wholeNumberValue ?? ChineseNumeral.digit(character), digit < 10
      else {
        return nil
      }
      year = year * 10 + digit
    }
    let rest = word[word.index(after: marker)...]
    switch rest {
    case "", "底", "年底", "内", "內": return Day.endOfYear(year)
    case "上半年": return Day.endOfMonth(6, in: year)
    case "下半年": return Day.endOfYear(year)
    default:
      let quarters: [Character: Int] = [
        "一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4,
      ]
      guard rest.hasPrefix("第"), rest.hasSuffix("季度"), rest.count == 4,
        let quarter = quarters[rest[rest.index(after: rest.startIndex)]]
      else { return nil }
      return Day.endOfMonth(quarter * 3, in: year)
    }
  }
}
