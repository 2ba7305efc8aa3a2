/// A calendar day, `YYYY-MM-DD`, with no time zone: said dates, deadlines and resolutions.
///
/// Stored as the count of days since 1970-01-01 so comparison and arithmetic are integer work.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// 32 bits, which reach five million years either way: an optional day then takes 5 bytes,
  /// not 9, and a claim's two fit in one word.
  private let storedDays: Int32

  /// Days since 1970-01-01 (negative before it).
  public var daysSinceEpoch: Int { Int(storedDays) }

  /// Counts past the 32 bits (no calendar date comes near) stop at the first or last day kept.
  public init(daysSinceEpoch: Int) {
    storedDays = Int32(clamping: daysSinceEpoch)
  }

  /// The day with this year, month and day, or nil when no such day exists (2026-02-30).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.length(ofMonth: month, in: year)).contains(day)
    else { return nil }
    storedDays = Int32(Day.daysFromCivil(year: year, month: month, day: day))
  }

  /// Reads exactly `YYYY-MM-DD`; anything else, or an impossible date, is nil.
  public init?(_ text: some StringProtocol) {
    var utf8 = Array(text.utf8)
    guard let day = utf8.withUnsafeMutableBufferPointer({ Day(bytes: UnsafeBufferPointer($0)) })
    else { return nil }
    self = day
  }

  /// Reads exactly `YYYY-MM-DD` from raw bytes; the journal reader's fast path.
  init?(bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = Day.decimal(bytes, 0..<4), let month = Day.decimal(bytes, 5..<7),
      let day = Day.decimal(bytes, 8..<10)
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The year, month and day of this date.
  public var components: (year: Int, month: Int, day: Int) {
    Day.civil(fromDays: daysSinceEpoch)
  }

  public var year: Int { components.year }

  /// The last day of `year`: what "by 2027" means.
  public static func endOfYear(_ year: Int) -> Day? {
    Day(year: year, month: 12, day: 31)
  }

  /// The last day of a month: what "by June 2026" means.
  public static func endOfMonth(_ month: Int, in year: Int) -> Day? {
    guard (1...12).contains(month) else { return nil }
    return Day(year: year, month: month, day: length(ofMonth: month, in: year))
  }

  public func adding(days: Int) -> Day {
    Day(daysSinceEpoch: daysSinceEpoch + days)
  }

  /// Whole days from `self` to `other` (positive when `other` is later).
  public func days(until other: Day) -> Int {
    other.daysSinceEpoch - daysSinceEpoch
  }

  public var description: String {
    Spelling.string(capacity: 10) { appendSpelling(to: &$0) }
  }

  public static func < (lhs: Day, rhs: Day) -> Bool {
    lhs.daysSinceEpoch < rhs.daysSinceEpoch
  }

  static func length(ofMonth month: Int, in year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width
      ? digits : String(repeating: "0", count: width - digits.count) + digits
  }

  static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
    var value = 0
    var index = range.lowerBound
    while index < range.upperBound {
      let digit = bytes[index] &- 48
      guard digit <= 9 else { return nil }
      value = value &* 10 &+ Int(digit)
      index &+= 1
    }
    return value
  }

  // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date of a day count. From the year -32,800 to about 2.9 million years after 1970,
  /// by Neri and Schneider's Euclidean affine functions ("Euclidean affine functions and their
  /// application to calendar algorithms", 2022): unsigned 32-bit steps without a division
  /// by a variable, some four times cheaper than `civilByEras`, which covers the rest. An
  /// export spells millions of days.
  static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    // Shifted by 82 cycles of 400 years so that the days counted are never negative, and
    // the arithmetic below fits in 32 bits.
    let shifted = days &+ 12_699_422
    guard shifted >= 0, shifted < 1_073_741_823 else { return civilByEras(fromDays: days) }
    let century = (4 &* UInt32(shifted) &+ 3) / 146_097
    let dayOfCentury = (4 &* UInt32(shifted) &+ 3) % 146_097 / 4
    let product = 2_939_745 &* UInt64(4 &* dayOfCentury &+ 3)
    let yearOfCentury = UInt32(truncatingIfNeeded: product >> 32)
    let dayOfYear = UInt32(truncatingIfNeeded: product) / 2_939_745 / 4
    let monthAndDay = 2_141 &* dayOfYear &+ 197_913
    // Years counted from March: January and February belong to the next calendar year.
    let isJanuaryOrFebruary = dayOfYear >= 306
    let month = Int(monthAndDay >> 16) - (isJanuaryOrFebruary ? 12 : 0)
    let year = Int(100 &* century &+ yearOfCentury) - 32_800 + (isJanuaryOrFebruary ? 1 : 0)
    return (year, month, Int((monthAndDay & 0xFFFF) / 2_141) + 1)
  }

  /// Howard Hinnant's civil_from_days, for any day count.
  static func civilByEras(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
