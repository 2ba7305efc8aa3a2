/// The fixed ASCII spellings of days, times and ids, written straight into a byte buffer.
///
/// Exports and the journal write millions of these; building each through `String`
/// interpolation cost more than everything else a CSV row needs, and appending them a byte
/// at a time cost more than the digits. `description` reads the same bytes, so every writer
/// spells a value alike.
extension Day {
  /// Appends `YYYY-MM-DD` (a year outside 0…9999 in as many digits as it needs).
  public func appendSpelling(to bytes: inout [UInt8]) {
    Spelling.append(to: &bytes) { writeSpelling(to: $0) }
  }

  /// Writes the spelling `appendSpelling` appends at `start`, at most `Spelling.maximumCount`
  /// bytes, and returns how many it wrote.
  func writeSpelling(to start: UnsafeMutablePointer<UInt8>) -> Int {
    Day.writeSpelling(days: daysSinceEpoch, to: start)
  }

  /// Spells the day `days` after 1970-01-01 from the count itself: a timestamp's day count
  /// can pass the 32 bits a `Day` keeps.
  static func writeSpelling(days: Int, to start: UnsafeMutablePointer<UInt8>) -> Int {
    let (year, month, dayOfMonth) = Day.civil(fromDays: days)
    var count = 4
    if (0...9999).contains(year) {
      Spelling.write(year, width: 4, to: start)
    } else {
      count = 0
      for byte in Day.pad(year, 4).utf8 {
        start[count] = byte
        count += 1
      }
    }
    start[count] = UInt8(ascii: "-")
    Spelling.write(month, width: 2, to: start + count + 1)
    start[count + 3] = UInt8(ascii: "-")
    Spelling.write(dayOfMonth, width: 2, to: start + count + 4)
    return count + 6
  }
}

extension Timestamp {
  /// Appends `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  public func appendSpelling(to bytes: inout [UInt8]) {
    Spelling.append(to: &bytes) { writeSpelling(to: $0) }
  }

  /// Writes the spelling `appendSpelling` appends at `start`, at most `Spelling.maximumCount`
  /// bytes, and returns how many it wrote.
  func writeSpelling(to start: UnsafeMutablePointer<UInt8>) -> Int {
    let remainder = millisecondsSinceEpoch % 86_400_000
    let milliseconds = Int(remainder < 0 ? remainder + 86_400_000 : remainder)
    let seconds = milliseconds / 1000
    let time = start + Day.writeSpelling(days: daysSinceEpoch, to: start)
    time[0] = UInt8(ascii: "T")
    Spelling.write(seconds / 3600, width: 2, to: time + 1)
    time[3] = UInt8(ascii: ":")
    Spelling.write(seconds / 60 % 60, width: 2, to: time + 4)
    time[6] = UInt8(ascii: ":")
    Spelling.write(seconds % 60, width: 2, to: time + 7)
    time[9] = UInt8(ascii: ".")
    Spelling.write(milliseconds % 1000, width: 3, to: time + 10)
    time[13] = UInt8(ascii: "Z")
    return time + 14 - start
  }
}

extension ClaimID {
  /// Appends the id's 10 lowercase hex digits.
  public func appendSpelling(to bytes: inout [UInt8]) {
    Spelling.append(to: &bytes) { writeSpelling(to: $0) }
  }

  /// Writes the id's 10 lowercase hex digits at `start` and returns how many it wrote.
  func writeSpelling(to start: UnsafeMutablePointer<UInt8>) -> Int {
    for index in 0..<ClaimID.digitCount {
      let nibble = UInt8(bits >> UInt64(4 * (ClaimID.digitCount - 1 - index)) & 15)
      start[index] = nibble < 10 ? 48 + nibble : 87 + nibble
    }
    return ClaimID.digitCount
  }
}

enum Spelling {
  /// The most bytes a spelling takes, with room to spare: a time whose year needs a sign and
  /// nine digits (a timestamp's day count reaches 37 bits).
  static let maximumCount = 40

  /// The most bytes `writeInteger` or `writeNumber` takes: a sign and 19 digits, or the 24
  /// characters of the longest `Double` description.
  static let maximumNumberCount = 32

  /// Writes `value` in decimal, as `String(value)` spells it, and returns how many bytes.
  static func writeInteger(_ value: Int, to start: UnsafeMutablePointer<UInt8>) -> Int {
    var rest = value.magnitude
    var digits = 0
    repeat {
      digits += 1
      rest /= 10
    } while rest > 0
    let count = digits + (value < 0 ? 1 : 0)
    if value < 0 { start[0] = UInt8(ascii: "-") }
    rest = value.magnitude
    for index in stride(from: count - 1, through: count - digits, by: -1) {
      start[index] = UInt8(truncatingIfNeeded: 48 + rest % 10)
      rest /= 10
    }
    return count
  }

  /// Writes a finite number in its shortest form that reads back exactly (0.7, not
  /// 0.69999…), a whole number below 10^15 without `.0`, and returns how many bytes.
  ///
  /// Hundredths such as 0.35, which most confidences are, are spelled from their digits:
  /// the nearest `Double` to k/100 has no shorter exact form, so `description` gives the same,
  /// at many times the cost.
  static func writeNumber(_ value: Double, to start: UnsafeMutablePointer<UInt8>) -> Int {
    if value == value.rounded(), abs(value) < 1e15 {
      return writeInteger(Int(value), to: start)
    }
    let hundredths = (value * 100).rounded()
    if value > 0, value < 1, hundredths / 100 == value {
      let digits = Int(hundredths)
      start[0] = UInt8(ascii: "0")
      start[1] = UInt8(ascii: ".")
      start[2] = UInt8(truncatingIfNeeded: 48 + digits / 10)
      guard digits % 10 != 0 else { return 3 }
      start[3] = UInt8(truncatingIfNeeded: 48 + digits % 10)
      return 4
    }
    var count = 0
    for byte in value.description.utf8.prefix(maximumNumberCount) {
      start[count] = byte
      count += 1
    }
    return count
  }

  /// Writes `value` (0 ≤ value < 10^width) in exactly `width` digits at `start`.
  @inline(__always)
  static func write(_ value: Int, width: Int, to start: UnsafeMutablePointer<UInt8>) {
    // Unsigned, so each division by ten is a multiply and a shift with no sign to correct.
    var rest = UInt32(truncatingIfNeeded: value)
    var index = width
    while index > 0 {
      index &-= 1
      let quotient = rest / 10
      start[index] = UInt8(truncatingIfNeeded: 48 &+ rest &- quotient &* 10)
      rest = quotient
    }
  }

  /// Appends the bytes `write` puts at the pointer it is given and counts (at most
  /// `maximumCount`), in one append straight into `bytes`.
  @inline(__always)
  static func append(
    to bytes: inout [UInt8], _ write: (UnsafeMutablePointer<UInt8>) -> Int
  ) {
    bytes.appendWritten(maximum: maximumCount, afterComma: false, write)
  }

  /// A value's spelling as a `String`, made from the bytes `append` writes.
  static func string(capacity: Int, _ append: (inout [UInt8]) -> Void) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(capacity)
    append(&bytes)
    return String(decoding: bytes, as: UTF8.self)
  }
}
