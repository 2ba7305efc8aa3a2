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

  // Built once: a regex literal is parsed again each time its expression runs.
  nonisolated(unsafe) private static let chinesePattern =
    #/
    ( [0-9]+ (?:\.[0-9]+)? \s* [万萬亿億]* | [零〇一二两兩三四五六七八九十百千万萬亿億]+ )
    \s* (美元|美金|人民币|人民幣|元)?
    /#
  nonisolated(unsafe) private static let englishPattern =
    #/
    (\$|US\$|¥)? \s? ( [0-9] [0-9,]* (?:\.[0-9]+)? ) \s*
    (trillion|billion|million|thousand|tn|bn|[TBMK]\b)? (?:\s+(dollars|yuan))?
    /#

  /// The first amount at or after `offset`, money or count, Chinese or English.
  static func first(in clause: String, from offset: Int = 0) -> Amount? {
    let utf8 = clause.utf8
    guard offset <= utf8.count else { return nil }
    let start = utf8.index(utf8.startIndex, offsetBy: offset)
    let rest = clause[start...]
    let chinese = rest.firstMatch(of: Self.chinesePattern)
    let english = rest.firstMatch(of: Self.englishPattern)
    var found: [Amount] = []
    if let match = chinese, let value = ChineseNumber.value(of: match.1.filter { $0 != " " }) {
      let unit: Unit =
        switch match.2.map(String.init) {
        case "美元"?, "美金"?: .dollars
        case .some: .yuan
        case .none: .count
        }
      found.append(Amount(value: value, unit: unit, utf8Range: range(of: match.range, in: clause)))
    }
    if let match = english, let number = Double(match.2.filter { $0 != "," }) {
      let scale: Double =
        switch match.3.map(String.init) {
        case "trillion"?, "tn"?, "T"?: 1e12
        case "billion"?, "bn"?, "B"?: 1e9
        case "million"?, "M"?: 1e6
        case "thousand"?, "K"?: 1e3
        default: 1
        }
      let unit: Unit =
        switch (match.1.map(String.init), match.4.map(String.init)) {
        case ("¥"?, _), (_, "yuan"?): .yuan
        case (.some, _), (_, "dollars"): .dollars
        default: .count
        }
      let amount = Amount(
        value: number * scale, unit: unit, utf8Range: range(of: match.range, in: clause))
      found.append(amount)
    }
    // Both readings can start at the same digits ("250亿" is also a bare "250"): prefer the
    // earliest, then the one that read more.
    return found.min {
      ($0.utf8Range.lowerBound, -$0.utf8Range.count) < (
        $1.utf8Range.lowerBound, -$1.utf8Range.count
      )
    }
  }

  /// `value` with a T, B or M suffix and at most two decimals; smaller numbers in full.
  static func short(_ value: Double) -> String {
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

  private static func range(of range: Range<String.Index>, in clause: String) -> Range<Int> {
    let lower = clause.utf8.distance(from: clause.startIndex, to: range.lowerBound)
    return lower..<(lower + clause.utf8.distance(from: range.lowerBound, to: range.upperBound))
  }
}
