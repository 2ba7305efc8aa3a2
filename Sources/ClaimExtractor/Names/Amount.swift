/// A sum of money or a count read from a clause, written the short English way ("$17.5B").
///
/// Claims compare amounts across languages, so "一百七十五亿美元", "175億美元" and
/// "$17.5 billion" must all read "$17.5B".
struct Amount: Sendable, Equatable {
  /// What the number counts.
  enum Unit: Sendable, Equatable {
    case dollars
    case yuan
    /// People, units sold or anything else without a currency.
    case count
  }

  var value: Double
  var unit: Unit
  /// Where the amount was written, as UTF-8 offsets into the clause.
  var utf8Range: Range<Int>

  /// The short form: "$17.5B", "$1.4T", "¥100B", "1B", "12,000".
  var text: String {
    switch unit {
    case .dollars: "$" + Amount.short(value)
    case .yuan: "¥" + Amount.short(value)
    case .count: Amount.short(value)
    }
  }

  /// The first sum of money (with a currency) at or after `offset`.
  static func firstMoney(in clause: String, from offset: Int = 0) -> Amount? {
    var offset = offset
    while let amount = first(in: clause, from: offset) {
      if amount.unit != .count { return amount }
      offset = max(amount.utf8Range.upperBound, amount.utf8Range.lowerBound + 1)
    }
    return nil
  }

  /// The first amount at or after `offset`, money or count, Chinese or English.
  ///
  /// Two readings, each the leftmost in the text, as two patterns would find them:
  /// - Chinese: Arabic digits (with a fraction, spaces and 万/亿 after them) or a run of Chinese
  ///   numerals, then spaces and a currency word: "250亿 美元", "一百七十五亿美元".
  /// - English: an optional `$`, `US$` or `¥` and one space, digits with commas and a
  ///   fraction, spaces, a scale word, and "dollars" or "yuan" after spaces: "$17.5 billion".
  ///   A match may start at the one space before its digits.
  ///
  /// Read on UTF-8 bytes, a scalar at a time; a number followed by a combining mark is read
  /// as if the mark were not there.
  static func first(in clause: String, from offset: Int = 0) -> Amount? {
    var text = clause
    return text.withUTF8 { bytes in
      guard offset <= bytes.count else { return nil }
      let reader = AmountReader(bytes: bytes)
      var found: [Amount] = []
      if let amount = reader.chinese(from: offset) { found.append(amount) }
      if let amount = reader.english(from: offset) { found.append(amount) }
      // Both readings can start at the same digits ("250亿" is also a bare "250"): prefer the
      // earliest, then the one that read more.
      return found.min {
        ($0.utf8Range.lowerBound, -$0.utf8Range.count) < (
          $1.utf8Range.lowerBound, -$1.utf8Range.count
        )
      }
    }
  }

  /// `value` with a T, B or M suffix and at most two decimals; smaller numbers in full.
  static func short(_ value: Double) -> String {
    // Past what any article means, and past what an `Int` of hundredths holds: the number as
    // it is, rather than a crash on an article that writes a very long run of digits.
    guard value.isFinite, value.magnitude < 1e24 else { return value.description }
    let scales: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M")]
    guard let (scale, suffix) = scales.first(where: { value >= $0.0 }) else {
      return grouped(Int(value.rounded()))
    }
    let hundredths = Int((value / scale * 100).rounded())
    let whole = hundredths / 100
    let fraction = hundredths % 100
    let decimals =
      fraction == 0
      ? ""
      : fraction % 10 == 0 ? ".\(fraction / 10)" : fraction < 10 ? ".0\(fraction)" : ".\(fraction)"
    return grouped(whole) + decimals + suffix
  }

  /// An integer with a comma every three digits: 12,000.
  private static func grouped(_ number: Int) -> String {
    var digits = String(number)
    var index = digits.count - 3
    while index > 0 {
      digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
      index -= 3
    }
    return digits
  }
}
