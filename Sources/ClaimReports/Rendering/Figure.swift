import ClaimLedger

/// Numbers and labels as every renderer prints them: locale-free, fixed precision.
enum Figure {
  /// Shown where a figure has no value (nothing scored yet).
  static let missing = "—"

  /// Exactly four decimals, the JSON and CSV precision: 0.25 → "0.2500".
  static func fixed(_ value: Double) -> String {
    DecimalFormat.fixed(value, places: 4)
  }

  /// A whole percentage, "62%".
  static func percent(_ value: Double?) -> String {
    guard let value else { return missing }
    return DecimalFormat.fixed(value * 100, places: 0) + "%"
  }

  /// A confidence as people say it: "70%", "92.5%".
  static func confidence(_ value: Double) -> String {
    DecimalFormat.trimmed(value * 100, places: 1) + "%"
  }

  /// Three decimals for Brier scores and their parts.
  static func score(_ value: Double?) -> String {
    guard let value else { return missing }
    return DecimalFormat.fixed(value, places: 3)
  }

  /// Skill with its sign, and a true minus sign for display: "+0.21", "−0.08".
  static func signed(_ value: Double?) -> String {
    guard let value else { return missing }
    let text = DecimalFormat.fixed(abs(value), places: 2)
    if text == "0.00" { return text }
    return (value < 0 ? "−" : "+") + text
  }

  /// "62% (48–75%)": an accuracy with its interval.
  static func accuracy(_ figures: ScoreFigures) -> String {
    guard let accuracy = figures.accuracy else { return missing }
    return share(accuracy, figures.accuracyInterval)
  }

  /// "48% (29–67%)": a share with its Wilson interval.
  static func share(_ value: Double, _ interval: WilsonInterval?) -> String {
    guard let interval else { return percent(value) }
    return percent(value) + " (" + DecimalFormat.fixed(interval.low * 100, places: 0) + "–"
      + percent(interval.high) + ")"
  }

  /// Three readings of one figure, "0.180 / 0.150 / 0.130".
  static func triple(
    _ low: Double?, _ middle: Double?, _ high: Double?, _ format: (Double?) -> String
  ) -> String {
    [low, middle, high].map(format).joined(separator: " / ")
  }

  static func day(_ day: Day?) -> String {
    day?.description ?? missing
  }
}
