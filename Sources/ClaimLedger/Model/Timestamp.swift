import Foundation

/// The UTC instant an entry was recorded, to the millisecond: `2026-01-21T09:30:00.000Z`.
///
/// Entries of one claim fold in `Timestamp` order, so the result does not depend on the order
/// in which git's union merge laid the lines down.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Milliseconds since 1970-01-01T00:00:00Z.
  public let millisecondsSinceEpoch: Int64

  public init(millisecondsSinceEpoch: Int64) {
    self.millisecondsSinceEpoch = millisecondsSinceEpoch
  }

  /// The millisecond `date` falls in, as the clock gives it.
  public init(_ date: Date) {
    millisecondsSinceEpoch = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
  }

  /// Midnight UTC at the start of `day`.
  public init(startOf day: Day) {
    millisecondsSinceEpoch = Int64(day.daysSinceEpoch) * 86_400_000
  }

  /// Reads `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.mmmZ`; nothing else.
  public init?(_ text: some StringProtocol) {
    var utf8 = Array(text.utf8)
    guard
      let value = utf8.withUnsafeMutableBufferPointer({
        Timestamp(bytes: UnsafeBufferPointer($0))
      })
    else { return nil }
    self = value
  }

  init?(bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count >= 10 else { return nil }
    self.init(bytes: bytes, day: Day(bytes: UnsafeBufferPointer(rebasing: bytes[0..<10])))
  }

  /// Reads `bytes` whose first ten spell `day` (nil when they spell none): the journal reader
  /// finds the day in its cache of days read before.
  init?(bytes: UnsafeBufferPointer<UInt8>, day: Day?) {
    let count = bytes.count
    guard count == 20 || count == 24, bytes[10] == UInt8(ascii: "T"),
      bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
      bytes[count - 1] == UInt8(ascii: "Z"),
      let day,
      let hour = Day.decimal(bytes, 11..<13), hour < 24,
      let minute = Day.decimal(bytes, 14..<16), minute < 60,
      let second = Day.decimal(bytes, 17..<19), second < 60
    else { return nil }
    var milliseconds = 0
    if count == 24 {
      guard bytes[19] == UInt8(ascii: "."), let fraction = Day.decimal(bytes, 20..<23) else {
        return nil
      }
      milliseconds = fraction
    }
    let seconds = Int64(day.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    millisecondsSinceEpoch = seconds * 1000 + Int64(milliseconds)
  }

  /// The calendar day (UTC) this instant falls on.
  public var day: Day {
    Day(daysSinceEpoch: daysSinceEpoch)
  }

  /// Whole days from 1970-01-01 to this instant's day, which past five million years a `Day`
  /// cannot keep.
  var daysSinceEpoch: Int {
    Int(millisecondsSinceEpoch.floorDivided(by: 86_400_000))
  }

  public var description: String {
    Spelling.string(capacity: 24) { appendSpelling(to: &$0) }
  }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
  }
}

extension Int64 {
  fileprivate func floorDivided(by divisor: Int64) -> Int64 {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }
}
