import ClaimLedger

/// The leaderboard as CSV (RFC 4180, UTF-8, CRLF): one row per group, ranked ones first.
///
/// Text cells that a spreadsheet would read as a formula get a leading `'`; numbers are never
/// touched, so a skill of -0.12 stays a number.
public struct CSVRenderer: Sendable {
  public init() {}

  static let numericColumns = [
    "rank", "claims", "resolved", "true", "partial", "false", "void", "pending", "overdue",
    "waiting", "scored", "accuracy", "accuracy_low", "accuracy_high", "brier", "brier_skill",
    "shrunk_accuracy", "boldness", "void_rate", "early_share", "low_information_share",
    "specificity", "echoes", "echoed_originals",
  ]

  public func render(_ card: Scorecard) -> String {
    var text = ([card.grouping.rawValue] + CSVRenderer.numericColumns).joined(separator: ",")
    text += "\r\n"
    for record in card.ranked + card.unranked {
      let counts = record.counts
      let figures = record.figures
      let numbers: [String] =
        [record.rank.map(String.init) ?? ""]
        + [
          counts.claims, counts.resolved, counts.true, counts.partial, counts.false, counts.void,
          counts.pending, counts.overdue, counts.waiting, figures.scored,
        ].map(String.init)
        + [
          figures.accuracy, figures.accuracyInterval?.low, figures.accuracyInterval?.high,
          figures.brier, figures.brierSkill, figures.shrunkAccuracy, figures.boldness,
          record.voidRate, record.earlyShare, record.lowInformationShare, record.meanSpecificity,
        ].map { $0.map(Figure.fixed) ?? "" } + [
          String(record.echoes), String(record.echoedOriginals),
        ]
      text += ([CSVRenderer.textCell(record.name)] + numbers).joined(separator: ",")
      text += "\r\n"
    }
    return text
  }

  /// A text cell made safe for spreadsheets, then quoted when it holds `,`, `"` or a line break
  /// (the rule is `CSVField.text`, shared with `claims export`).
  static func textCell(_ value: String) -> String {
    CSVField.text(value)
  }
}
