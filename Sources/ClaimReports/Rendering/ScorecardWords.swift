/// Words shared by the Markdown and HTML scorecards.
enum ScorecardWords {
  /// A claim under 50% calls the opposite of its words, so a false one at 20% is a call made
  /// good; the leads say so, and the rows show the outcome beside the confidence.
  static let bestCallsLead =
    "Confident and right: claims said with more than 50% that came true, and claims said with"
    + " less than 50% that did not."
  static let worstMissesLead =
    "Confident and wrong: claims said with more than 50% that did not come true, and claims"
    + " said with less than 50% that did."

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

  /// A section's line when no claim falls in the scorecard.
  static let noClaims = "No claims fall in this scorecard yet."

  /// "5 scored claims", or "one scored claim" below 2: a `--min-resolved` of 0 still needs
  /// one scored claim, as nothing is ranked or read from none.
  static func leastScored(_ card: Scorecard) -> String {
    card.minResolved > 1 ? "\(card.minResolved) scored claims" : "one scored claim"
  }

  /// Why the groups listed apart are not ranked.
  static func unrankedLead(_ card: Scorecard) -> String {
    switch card.minResolved {
    case 0: "No minimum is set, but these have no scored claim yet, so nothing ranks them."
    case 1: "No scored claim yet."
    default: "Fewer than \(card.minResolved) scored claims each."
    }
  }

  /// The leaderboard's line when nobody is ranked.
  static func nobodyRanked(_ card: Scorecard) -> String {
    let least = card.minResolved > 1 ? "\(card.minResolved) scored claims" : "a scored claim"
    return "No \(groupNoun(card).lowercased()) has \(least) yet, so nobody is ranked."
  }

  /// The definitions of "How to read this", one item each.
  static func definitions(_ card: Scorecard) -> [(term: String, meaning: String)] {
    let noun = groupNoun(card).lowercased()
    return grouping(card) + [
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
        "(successes + 2) / (scored + 4), where successes count true as 1 and partial as 0.5: a "
          + "Beta(2, 2) prior that pulls small records towards 50%, so one lucky call does not "
          + "outrank forty right out of fifty. It sets the rank; equal shrunk accuracies are "
          + "ordered by Brier score (lower first), then by more scored claims, then by name."
      ),
      (
        "Ranked",
        (card.minResolved == 0 ? "no minimum is set, but only " : "only ")
          + "\(noun)s with at least \(leastScored(card)) (resolved and not void); the others are "
          + "listed apart."
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

  /// What a row stands for when the rows are not sources.
  private static func grouping(_ card: Scorecard) -> [(term: String, meaning: String)] {
    switch card.grouping {
    case .source:
      []
    case .via:
      [
        (
          "Outlet",
          "the outlet that published the claim (its via). A claim with no outlet was published "
            + "by its source, so it counts under the source's name."
        )
      ]
    case .tag:
      [
        (
          "Tag",
          "a claim counts under each of its tags; claims without one form the "
            + "\(Grouping.untagged) row."
        )
      ]
    }
  }
}
