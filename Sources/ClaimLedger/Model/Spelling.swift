/// The fixed ASCII spellings of days, times and ids, written straight into a byte buffer.
///
/// Exports and the journal write millions of these; building each through `String`
/// interpolation cost more than everything else a CSV row needs. `description` reads the same
/// bytes, so every writer spells a value alike.
extension Day {
  /// Appends `YYYY-MM-DD` (a year outside 0…9999 in as many digits as it needs).
  public func appendSpelling(to bytes: inout [UInt8]) {
    let (year, month, dayOfMonth) = components
    if (0...9999).contains(year) {
      Spelling.appendPadded(year, width: 4, to: &bytes)
    } else {
      bytes.append(contentsOf: Day.pad(year, 4).utf8)
    }
    bytes.append(UInt8(ascii: "-"))
    Spelling.appendPadded(month, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    Spelling.appendPadded(dayOfMonth, width: 2, to: &bytes)
  }
}

extension Timestamp {
  /// Appends `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  public func appendSpelling(to bytes: inout [UInt8]) {
    let day = self.day
    let milliseconds = Int(millisecondsSinceEpoch - Int64(day.daysSinceEpoch) * 86_400_000)
    let seconds = milliseconds / 1000
    day.appendSpelling(to: &bytes)
    bytes.append(UInt8(ascii: "T"))
    Spelling.appendPadded(seconds / 3600, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    Spelling.appendPadded(seconds / 60 % 60, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    Spelling.appendPadded(seconds % 60, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: "."))
    Spelling.appendPadded(milliseconds % 1000, width: 3, to: &bytes)
    bytes.append(UInt8(ascii: "Z"))
  }
}

extension ClaimID {
  /// Appends the id's 10 lowercase hex digits.
  public func appendSpelling(to bytes: inout [UInt8]) {
    for index in 0..<ClaimID.digitCount {
      let nibble = UInt8(bits >> UInt64(4 * (ClaimID.digitCount - 1 - index)) & 15)
      bytes.append(nibble < 10 ? 48 + nibble : 87 + nibble)
    }
  }
}

enum Spelling {
  /// `value` (0 ≤ value < 10^width) in exactly `width` digits.
  static func appendPadded(_ value: Int, width: Int, to bytes: inout [UInt8]) {
    var divisor = 1
    for _ in 1..<width { divisor *= 10 }
    var rest = value
    while divisor > 0 {
      bytes.append(UInt8(48 + rest / divisor % 10))
      rest %= divisor
      divisor /= 10
    }
  }

  /// A value's spelling as a `String`, made from the bytes `append` writes.
  static func string(capacity: Int, _ append: (inout [UInt8]) -> Void) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(capacity)
    append(&bytes)
    return String(decoding: bytes, as: UTF8.self)
  }
}
