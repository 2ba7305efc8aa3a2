/// How sure a claim sounded, as a probability in [0, 1].
public struct Confidence: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let value: Double

  /// Nil unless `value` is a finite number in [0, 1].
  public init?(_ value: Double) {
    guard value.isFinite, (0...1).contains(value) else { return nil }
    self.value = value
  }

  /// `value` moved into [0, 1] (NaN to 0), for places that need a confidence whatever the input.
  init(clamping value: Double) {
    self.value = value.isNaN ? 0 : min(max(value, 0), 1)
  }

  /// Reads what a person types: `0.7`, `70%`, `７０％`, `七成`, `七成五` (75 %), `八成`.
  public init?(text: String) {
    let trimmed = FullWidth.folded(text).trimmingSpaces()
    if let tenths = Confidence.chineseTenths(trimmed) {
      self.init(tenths)
    } else if trimmed.hasSuffix("%") {
      // Read as the decimal it is (`0.7%` is 0.007), not divided afterwards, which would give
      // 0.006999999999999999.
      guard Confidence.plainNumber(trimmed.dropLast()) != nil,
        let value = Double(String(trimmed.dropLast()) + "e-2")
      else { return nil }
      self.init(Confidence.onItsSideOfCertain(value, written: trimmed.dropLast(), certain: "100"))
    } else {
      guard let number = Confidence.plainNumber(Substring(trimmed)) else { return nil }
      self.init(number)
    }
  }

  /// `0.7` prints as `0.7` and `0.85` as `0.85`: at most four decimals, no trailing zeros.
  public var description: String {
    Self.shown(value, places: 4)
  }

  /// The value as a percentage, `70%`, `12.5%`, for tables.
  public var percent: String {
    Self.shown(value * 100, scale: 100, places: 1) + "%"
  }

  /// `number` with `places` decimals, or more where those would misstate it: a forecast short
  /// of certain never reads as certain (0.9996 is 99.96%, not 100%), nor a small one as half
  /// or twice what it is (0.00005 is 0.005%, not 0% or 0.01%).
  private static func shown(_ number: Double, scale: Double = 1, places: Int) -> String {
    var places = places
    var text = DecimalFormat.trimmed(number, places: places)
    let isCertain = number == 0 || number == scale
    while !isCertain, places < 17,
      let shown = Double(text), shown == 0 || shown == scale || abs(shown - number) > number * 0.05
    {
      places += 1
      text = DecimalFormat.trimmed(number, places: places)
    }
    return text
  }

  public static func < (lhs: Confidence, rhs: Confidence) -> Bool {
    lhs.value < rhs.value
  }

  private static func plainNumber(_ text: Substring) -> Double? {
    guard !text.isEmpty,
      text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }),
      text.utf8.filter({ $0 == UInt8(ascii: ".") }).count <= 1,
      let value = Double(text)
    else { return nil }
    return onItsSideOfCertain(value, written: text, certain: "1")
  }

  /// `value`, read from the plain decimal `written`, kept on its side of certainty (`certain`
  /// written as a whole number: 1, or 100 for a percentage) when a `Double` rounded it onto
  /// it: 1.0000000000000001 is over 1, refused, and 0.99999999999999999999 is not certain.
  static func onItsSideOfCertain(_ value: Double, written: Substring, certain: String)
    -> Double
  {
    guard value == 1 else { return value }
    // Rounded onto certainty, its whole part is certainty's, or just under it (0.99…, 99.99…).
    let parts = written.split(separator: ".", omittingEmptySubsequences: false)
    guard parts[0].drop(while: { $0 == "0" }) == certain[...] else { return value.nextDown }
    let hasFraction = parts.count > 1 && parts[1].contains { $0 != "0" }
    return hasFraction ? value.nextUp : value
  }

  /// 成 counts tenths: 七成 is 0.7, 七成五 is 0.75.
  private static func chineseTenths(_ text: String) -> Double? {
    let characters = Array(text)
    guard characters.count >= 2, characters[1] == "成",
      let tenths = ChineseNumeral.digit(characters[0])
    else { return nil }
    switch characters.count {
    case 2: return Double(tenths) / 10
    case 3:
      guard let hundredths = ChineseNumeral.digit(characters[2]) else { return nil }
      return Double(tenths * 10 + hundredths) / 100
    default: return nil
    }
  }
}

/// Chinese numerals as written in hedges and dates.
public enum ChineseNumeral {
  /// 〇/零 through 九 (and 两/兩 for 2) as their digit, and 十 as 10.
  public static func digit(_ character: Character) -> Int? {
    if character == "十" { return 10 }
    guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first
    else { return nil }
    return digit(of: scalar)
  }

  /// 〇/零 through 九 (and 两/兩 for 2) as their digit; a scalar, so hot scans need no Character.
  public static func digit(of scalar: Unicode.Scalar) -> Int? {
    // By code point, so the switch is on integers: 〇 零 一 二 两 兩 三 四 五 六 七 八 九.
    switch scalar.value {
    case 0x3007, 0x96F6: 0
    case 0x4E00: 1
    case 0x4E8C, 0x4E24, 0x5169: 2
    case 0x4E09: 3
    case 0x56DB: 4
    case 0x4E94: 5
    case 0x516D: 6
    case 0x4E03: 7
    case 0x516B: 8
    case 0x4E5D: 9
    default: nil
    }
  }
}

/// Full-width digits, letters and punctuation folded to ASCII once, where text enters.
public enum FullWidth {
  public static func folded(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value >= 0xFF01 && $0.value <= 0xFF5E })
    else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar.value >= 0xFF01, scalar.value <= 0xFF5E,
        let ascii = Unicode.Scalar(scalar.value - 0xFEE0)
      {
        scalars.append(ascii)
      } else {
        scalars.append(scalar)
      }
    }
    return String(scalars)
  }
}

/// Locale-free decimal formatting, so the same numbers print the same bytes everywhere.
public enum DecimalFormat {
  /// `value` × 100 in plain decimals, every digit kept: the point is moved in the value's
  /// shortest digits rather than the value multiplied, so moving it back when the percentage
  /// is read gives the same `Double` (0.123456789 → "12.3456789", 0.00001 → "0.001").
  public static func percent(_ value: Double) -> String {
    guard value.isFinite else { return value.description }
    let shortest = value.magnitude.description
    let parts = shortest.split(separator: "e", maxSplits: 1)
    let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
    let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = mantissa[0]
    let fraction = mantissa.count == 2 ? mantissa[1] : ""
    var digits = Array((whole + fraction).utf8)
    var point = whole.utf8.count + exponent + 2
    while digits.first == UInt8(ascii: "0") {
      digits.removeFirst()
      point -= 1
    }
    while digits.last == UInt8(ascii: "0") { digits.removeLast() }
    guard !digits.isEmpty else { return "0" }
    let sign = value < 0 ? "-" : ""
    let text = String(decoding: digits, as: UTF8.self)
    if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + text }
    if point >= digits.count {
      return sign + text + String(repeating: "0", count: point - digits.count)
    }
    let cut = text.index(text.startIndex, offsetBy: point)
    return sign + text[..<cut] + "." + text[cut...]
  }

  /// Rounds to `places` decimals and drops trailing zeros: 0.7000 → "0.7", 1.0 → "1".
  public static func trimmed(_ value: Double, places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    // A number no `Int` can hold once scaled (a confidence of 1e300 in a damaged ledger) is
    // written as Swift spells it, not converted and trapped on.
    guard value.isFinite, (value * scale).magnitude < 1e15 else { return value.description }
    let rounded = (value * scale).rounded() / scale
    let whole = rounded.rounded(.towardZero)
    var fraction = Int(((abs(rounded - whole)) * scale).rounded())
    var text = (rounded < 0 && whole == 0 ? "-" : "") + String(Int(whole))
    guard fraction > 0 else { return text }
    var digits = places
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    text += "." + Day.pad(fraction, digits)
    return text
  }

  /// Rounds to exactly `places` decimals, halves away from zero: 0.5 with 2 places → "0.50".
  ///
  /// The value is first taken to a millionth of the last place, so two sums that are equal on
  /// paper (0.1575 and 0.15749999999999997) print alike, as a reader adding them up expects.
  public static func fixed(_ value: Double, places: Int) -> String {
    var scale = 1
    for _ in 0..<places { scale *= 10 }
    guard value.isFinite, (value * Double(scale)).magnitude < 1e15 else {
      return value.description
    }
    var magnitude = abs(value) * Double(scale)
    if magnitude < 1e9 { magnitude = (magnitude * 1e6).rounded() / 1e6 }
    let scaled = Int(magnitude.rounded())
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard places > 0 else { return sign + String(scaled) }
    return sign + String(scaled / scale) + "." + Day.pad(scaled % scale, places)
  }
}

extension String {
  /// The text with each scalar `replacement` names written as the text it gives (escaping for
  /// HTML, JSON-LD, one-line notes); the others as they are.
  public func replacingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
    var text = ""
    text.reserveCapacity(utf8.count)
    for scalar in unicodeScalars {
      if let replaced = replacement(scalar) {
        text += replaced
      } else {
        text.unicodeScalars.append(scalar)
      }
    }
    return text
  }

  /// The text without leading and trailing white space of any kind: spaces (the no-break and
  /// ideographic ones too), tabs and line ends.
  public func trimmingSpaces() -> String {
    // Most cells have nothing to trim: two scalars tell, without walking the characters.
    guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
    if !Self.isTrimmable(first), !Self.isTrimmable(last) { return self }
    // A space that carries a combining mark is one `Character` with it, and stays.
    let isSpace: (Character) -> Bool = {
      $0.isWhitespace && ($0.unicodeScalars.count == 1 || $0 == "\r\n")
    }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }

  /// A scalar that can begin or end a run `trimmingSpaces` removes.
  private static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isWhitespace
  }
}
