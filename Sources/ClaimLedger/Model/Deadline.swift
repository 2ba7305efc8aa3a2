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

  /// `2026年`, `二零二六年`, `2026年上半年`/`下半年`, `2026年第三季度`, `2026年12月`: the end
  /// of that period; `2026年12月31日`, that day.
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
    case _ where rest.contains("月"):
      return monthOrDay(rest, in: year)
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

  /// After the year: `12月` or `十二月` (with `底`, `末` or `内` after it, the month's end),
  /// or `12月31日` (`号` too), that day.
  private static func monthOrDay(_ rest: Substring, in year: Int) -> Day? {
    guard let marker = rest.firstIndex(of: "月"),
      let month = smallNumber(rest[..<marker]), (1...12).contains(month)
    else { return nil }
    let after = rest[rest.index(after: marker)...]
    if ["", "底", "末", "内", "內"].contains(after) { return Day.endOfMonth(month, in: year) }
    guard let last = after.last, last == "日" || last == "号" || last == "號",
      let day = smallNumber(after.dropLast())
    else { return nil }
    return Day(year: year, month: month, day: day)
  }

  /// 1 to 99 in digits or in Chinese numerals (`七`, `十`, `十二`, `二十`, `三十一`).
  private static func smallNumber(_ text: Substring) -> Int? {
    guard !text.isEmpty, text.count <= 3 else { return nil }
    if text.allSatisfy(\.isASCII) {
      // Digits only: `Int` would also take a sign (`+1`).
      return text.allSatisfy(\.isWholeNumber) ? Int(text) : nil
    }
    // Around 十: tens before it (none is one ten), ones after it (none is no ones).
    let parts = text.split(separator: "十", omittingEmptySubsequences: false)
    func digit(_ part: Substring, empty: Int) -> Int? {
      guard let character = part.first else { return empty }
      guard part.count == 1, let value = ChineseNumeral.digit(character), value < 10 else {
        return nil
      }
      return value
    }
    switch parts.count {
    case 1: return digit(parts[0], empty: 0).flatMap { $0 > 0 ? $0 : nil }
    case 2:
      guard let tens = digit(parts[0], empty: 1), tens > 0, let ones = digit(parts[1], empty: 0)
      else { return nil }
      return tens * 10 + ones
    default: return nil
    }
  }
}
