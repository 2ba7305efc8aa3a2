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

/// Words shared by the Markdown and HTML scorecards.
enum ScorecardWords {
  static func title(_ card: Scorecard) -> String {
    guard let year = card.year else { return "Forecast scorecard, all years" }
    return "Forecast scorecard \(year)"
  }

  /// What the rows are and which claims were selected.
  static func scope(_ card: Scorecard) -> String {
    let rows =
      switch card.grouping {
      case .source: "by source"
      case .via: "by outlet"
      case .tag: "by tag"
      }
    guard let year = card.year else { return "Every open and resolved claim, \(rows)." }
    switch card.by {
    case .due: return "Claims whose deadline falls in \(year), \(rows)."
    case .said: return "Claims said in \(year), \(rows)."
    }
  }

  static func groupNoun(_ card: Scorecard) -> String {
    switch card.grouping {
    case .source: "Source"
    case .via: "Outlet"
    case .tag: "Tag"
    }
  }

  static func reproducibility(_ card: Scorecard) -> String {
    "Ledger SHA-256 \(card.ledgerSHA256), today \(card.generated), hedge table "
      + "\(card.hedgeTableVersion)"
      + card.sideFiles.map { ", \($0.name) SHA-256 \($0.sha256)" }.joined() + "."
  }

  /// The definitions of "How to read this", one item each.
  static func definitions(_ card: Scorecard) -> [(term: String, meaning: String)] {
    [
      (
        "Accuracy",
        "the mean outcome of resolved claims, counting true as 1, partial as 0.5 and false as 0; "
          + "void claims are left out. The range is a Wilson 95% interval: with few claims it is "
          + "wide, and that is the point."
      ),
      (
        "Brier score",
        "the mean of (confidence − outcome)², from 0 (perfect) to 1. Always saying 50% scores "
          + "0.25. This is the one-sided form; sites that double it report 0 to 2."
      ),
      (
        "Skill",
        "1 − Brier / 0.25: above zero beats always saying 50%, below zero does worse than a coin."
      ),
      (
        "Shrunk accuracy",
        "(successes + 2) / (resolved + 4), a Beta(2, 2) prior that pulls small records towards "
          + "50%, so one lucky call does not outrank forty right out of fifty. It sets the rank."
      ),
      (
        "Ranked",
        "only \(ScorecardWords.groupNoun(card).lowercased())s with at least \(card.minResolved) "
          + "scored claims (resolved and not void); the others are listed apart."
      ),
      (
        "Boldness",
        "2 × mean |confidence − 50%|: 0 for someone who always says 50%, 1 for someone who "
          + "always says 0% or 100%."
      ),
      (
        "Calibration",
        "claims in ten bins of stated confidence; a calibrated forecaster's 70% claims come "
          + "true about 70% of the time. Each bin shows its count and a 95% interval, so a bin "
          + "of three claims is not mistaken for skill."
      ),
      (
        "Waiting for the deadline",
        "resolved claims whose deadline has not passed yet are not scored, so that claims which "
          + "come true early do not flatter a year still in progress."
      ),
      (
        "Overdue",
        "open claims whose deadline has passed without a resolution; pending claims are open "
          + "and not yet due."
      ),
    ]
  }
}
