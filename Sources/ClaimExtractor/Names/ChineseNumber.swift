import ClaimLedger

/// Numbers written in Chinese: positional (一百七十五亿, 两千) or digit by digit (二零二六).
enum ChineseNumber {
  /// The value of `text`, which must be a Chinese numeral and nothing else; mixed forms such as
  /// `1.4万亿` and `250億` (Arabic digits before the units) are read too.
  static func value(of text: some StringProtocol) -> Double? {
    value(of: Array(text.unicodeScalars)[...])
  }

  /// `value(of:)` for scalars already at hand, as the time-frame grammar holds them.
  static func value(of input: ArraySlice<Unicode.Scalar>) -> Double? {
    var scalars = input
    guard !scalars.isEmpty else { return nil }
    // A leading Arabic number with only units after it: 1.4万亿, 250億.
    var arabic = ""
    while let first = scalars.first, first == "." || ("0"..."9").contains(first) {
      arabic.unicodeScalars.append(first)
      scalars.removeFirst()
    }
    if !arabic.isEmpty {
      guard let number = Double(arabic) else { return nil }
      var multiplier = 1.0
      for scalar in scalars {
        guard let unit = unit(scalar), unit >= 10_000 else { return nil }
        multiplier *= unit
      }
      return number * multiplier
    }
    // Digit by digit, as years are written: 二零二六, 二〇二六.
    if scalars.count >= 2, scalars.allSatisfy({ digit($0) != nil }) {
      // In a `Double`, so a run of any length is a (large) number rather than an overflow.
      return scalars.reduce(0.0) { $0 * 10 + Double(digit($1) ?? 0) }
    }
    var total = 0.0  // finished 亿/万 groups
    var section = 0.0  // below 万
    var pending: Double?  // a digit waiting for its unit
    for scalar in scalars {
      if let value = digit(scalar) {
        pending = Double(value)
      } else if let unit = unit(scalar) {
        if unit >= 10_000 {
          section += pending ?? 0
          if section == 0 { section = 1 }
          // 亿 after 万 (万亿) multiplies what came before it as a whole.
          if unit > 10_000, total > 0, total < unit {
            total = (total + section) * unit
          } else {
            total += section * unit
          }
          section = 0
        } else {
          section += (pending ?? 1) * unit
        }
        pending = nil
      } else {
        return nil
      }
    }
    return total + section + (pending ?? 0)
  }

  /// Whether `scalar` can appear in a Chinese numeral.
  static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
    numerals.contains(scalar)
  }

  /// The digits and units below, as one bitmap: the time grammar asks this of every character.
  private static let numerals = ScalarSet("〇零一二两兩三四五六七八九十百千万萬亿億")

  private static func digit(_ scalar: Unicode.Scalar) -> Int? {
    ChineseNumeral.digit(of: scalar)
  }

  private static func unit(_ scalar: Unicode.Scalar) -> Double? {
    switch scalar {
    case "十": 10
    case "百": 100
    case "千": 1000
    case "万", "萬": 10_000
    case "亿", "億": 100_000_000
    default: nil
    }
  }
}
