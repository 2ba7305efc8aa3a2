import ClaimLedger

/// A calendar date written out in an article, and where it sits in the text's UTF-8 bytes.
struct DateMatch: Equatable {
  let day: Day
  let range: Range<Int>
}

/// Finds the ways articles write a publication day: `2026-02-01`, `2026/02/01`, `2026.02.01`,
/// `2026年2月1日`, `April 22, 2019` and `22 April 2019`.
///
/// Only dates with a year count: a day and month alone cannot date an article.
enum DateText {
  /// Every date in `text`, in order.
  static func matches(in text: some StringProtocol) -> [DateMatch] {
    let bytes = Array(text.utf8)
    var found: [DateMatch] = []
    var index = 0
    while index < bytes.count {
      if let match = numericDate(bytes, at: index) ?? englishDate(bytes, at: index) {
        found.append(match)
        index = match.range.upperBound
      } else {
        index += 1
      }
    }
    return found
  }

  /// The day when `text` is a single date and nothing else, as front-matter and header
  /// values are; a time may follow it (`2026-01-21T08:00:00Z`, `2026-01-21 08:00`).
  static func day(of text: some StringProtocol) -> Day? {
    let bytes = Array(text.utf8)
    guard let match = numericDate(bytes, at: 0) ?? englishDate(bytes, at: 0) else { return nil }
    let rest = bytes[match.range.upperBound...]
    guard let first = rest.first else { return match.day }
    let isTime = first == UInt8(ascii: "T") || first == UInt8(ascii: " ")
    return isTime && rest.dropFirst().first.map(isDigit) == true ? match.day : nil
  }

  /// The last day of a URL path segment run `/2019/04/22/` or `/2019-04-22/`.
  static func day(inURL url: String) -> Day? {
    let bytes = Array(url.utf8)
    for index in bytes.indices where bytes[index] == UInt8(ascii: "/") {
      guard let match = numericDate(bytes, at: index + 1) else { continue }
      let end = match.range.upperBound
      let separator = bytes[match.range.lowerBound + 4]
      let closed =
        end == bytes.count
        || [UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: ".")]
          .contains(bytes[end])
      if closed, separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-") {
        return match.day
      }
    }
    return nil
  }

  /// `YYYY-M-D`, `YYYY/M/D`, `YYYY.M.D` or `YYYY年M月D日` starting exactly at `start`.
  private static func numericDate(_ bytes: [UInt8], at start: Int) -> DateMatch? {
    guard start == 0 || !isDigit(bytes[start - 1]),
      let (year, afterYear) = number(bytes, at: start, digits: 4...4), (1900...2199).contains(year)
    else { return nil }
    let chineseYear: [UInt8] = [0xE5, 0xB9, 0xB4]  // 年
    if hasPrefix(bytes, chineseYear, at: afterYear) {
      let monthStart = skipSpaces(bytes, from: afterYear + 3)
      guard let (month, afterMonth) = number(bytes, at: monthStart, digits: 1...2),
        hasPrefix(bytes, [0xE6, 0x9C, 0x88], at: afterMonth),  // 月
        let (day, afterDay) = number(
          bytes, at: skipSpaces(bytes, from: afterMonth + 3), digits: 1...2),
        let value = Day(year: year, month: month, day: day)
      else { return nil }
      let end = hasPrefix(bytes, [0xE6, 0x97, 0xA5], at: afterDay) ? afterDay + 3 : afterDay  // 日
      return DateMatch(day: value, range: start..<end)
    }
    guard afterYear < bytes.count else { return nil }
    let separator = bytes[afterYear]
    guard
      separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/")
        || separator == UInt8(ascii: "."),
      let (month, afterMonth) = number(bytes, at: afterYear + 1, digits: 1...2),
      afterMonth < bytes.count, bytes[afterMonth] == separator,
      let (day, afterDay) = number(bytes, at: afterMonth + 1, digits: 1...2),
      afterDay == bytes.count || !isDigit(bytes[afterDay]),
      let value = Day(year: year, month: month, day: day)
    else { return nil }
    return DateMatch(day: value, range: start..<afterDay)
  }

  /// `April 22, 2019`, `Apr. 22 2019`, `22 April 2019` or `22 Apr, 2019` starting at `start`.
  private static func englishDate(_ bytes: [UInt8], at start: Int) -> DateMatch? {
    guard start == 0 || !isLetterOrDigit(bytes[start - 1]) else { return nil }
    if let (month, afterMonth) = monthName(bytes, at: start),
      let (day, afterDay) = number(bytes, at: skipSpaces(bytes, from: afterMonth), digits: 1...2),
      afterMonth < afterDay
    {
      var index = skipOrdinal(bytes, from: afterDay)
      if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1 }
      let yearStart = skipSpaces(bytes, from: index)
      guard yearStart > afterDay, let (year, end) = number(bytes, at: yearStart, digits: 4...4),
        end == bytes.count || !isLetterOrDigit(bytes[end]),
        let value = Day(year: year, month: month, day: day)
      else { return nil }
      return DateMatch(day: value, range: start..<end)
    }
    guard let (day, afterDay) = number(bytes, at: start, digits: 1...2) else { return nil }
    let monthStart = skipSpaces(bytes, from: skipOrdinal(bytes, from: afterDay))
    guard monthStart > afterDay, let (month, afterMonth) = monthName(bytes, at: monthStart)
    else { return nil }
    var index = afterMonth
    if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1 }
    let yearStart = skipSpaces(bytes, from: index)
    guard yearStart > afterMonth, let (year, end) = number(bytes, at: yearStart, digits: 4...4),
      end == bytes.count || !isLetterOrDigit(bytes[end]),
      let value = Day(year: year, month: month, day: day)
    else { return nil }
    return DateMatch(day: value, range: start..<end)
  }

  private static let monthNames: [(name: [UInt8], month: Int)] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  ].enumerated().flatMap { offset, name in
    let short = name == "september" ? ["sept", "sep"] : [String(name.prefix(3))]
    return ([name] + short).map { (Array($0.utf8), offset + 1) }
  }

  /// A month's full or three-letter name (any case, an optional `.`) ending at a word break.
  private static func monthName(_ bytes: [UInt8], at start: Int) -> (Int, Int)? {
    for (name, month) in monthNames {
      let end = start + name.count
      guard end <= bytes.count,
        zip(name, bytes[start..<end]).allSatisfy({ $0 == $1 | 0x20 && isLetter($1) })
      else { continue }
      if end < bytes.count, bytes[end] == UInt8(ascii: "."), name.count <= 4 {
        return (month, end + 1)
      }
      if end == bytes.count || !isLetter(bytes[end]) { return (month, end) }
    }
    return nil
  }

  /// A run of `digits` ASCII digits at `start` that no further digit follows.
  private static func number(
    _ bytes: [UInt8], at start: Int, digits: ClosedRange<Int>
  ) -> (Int, Int)? {
    var value = 0
    var index = start
    while index < bytes.count, isDigit(bytes[index]), index - start < digits.upperBound {
      value = value * 10 + Int(bytes[index] - 48)
      index += 1
    }
    guard digits.contains(index - start), index == bytes.count || !isDigit(bytes[index]) else {
      return nil
    }
    return (value, index)
  }

  private static func skipOrdinal(_ bytes: [UInt8], from start: Int) -> Int {
    guard start + 2 <= bytes.count else { return start }
    let suffix = String(decoding: bytes[start..<start + 2], as: UTF8.self).lowercased()
    let isOrdinal = ["st", "nd", "rd", "th"].contains(suffix)
    return isOrdinal && (start + 2 == bytes.count || !isLetter(bytes[start + 2]))
      ? start + 2 : start
  }

  private static func skipSpaces(_ bytes: [UInt8], from start: Int) -> Int {
    var index = start
    while index < bytes.count, bytes[index] == 32 { index += 1 }
    return index
  }

  private static func hasPrefix(_ bytes: [UInt8], _ prefix: [UInt8], at start: Int) -> Bool {
    start + prefix.count <= bytes.count && bytes[start..<start + prefix.count].elementsEqual(prefix)
  }

  static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }

  static func isLetter(_ byte: UInt8) -> Bool { (97...122).contains(byte | 0x20) }

  private static func isLetterOrDigit(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
}
