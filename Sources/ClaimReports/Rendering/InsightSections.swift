import ClaimLedger

/// A table of plain text that the Markdown and HTML renderers each escape and lay out.
struct PlainTable {
  let header: [String]
  let rows: [[String]]
  /// Columns of numbers, aligned right.
  let numeric: Set<Int>
  /// Columns a phone's screen leaves out so that the others fit; print and wider screens
  /// show them.
  var secondary: Set<Int> = []
  /// Columns of the scorecard's own short words (hedge words, kinds of claim), each kept on
  /// one line, where a name from the ledger may break anywhere.
  var unbroken: Set<Int> = []
}

/// A scorecard section about how sources speak rather than how often they are right.
struct InsightSection {
  /// Which section it is, for a renderer that adds a chart to one.
  enum Kind {
    case words, sensitivity, checkability, echoes, timeToTruth
  }

  var kind: Kind = .words
  let title: String
  let lead: String
  /// Nil when there is nothing to show yet; `empty` says why.
  let table: PlainTable?
  let empty: String
}

/// The sections on hedge words, their sensitivity and how checkable claims are, shared by the
/// Markdown and HTML scorecards so both say the same.
enum InsightSections {
  static func all(_ card: Scorecard) -> [InsightSection] {
    [
      wordsBySource(card), wordsOverall(card), sensitivity(card), checkability(card),
      echoes(card), timeToTruth(card),
    ]
  }

  /// Marks a word whose table value lies outside the interval of what happened.
  static let offTableMark = "✱"

  static func wordsBySource(_ card: Scorecard) -> InsightSection {
    let noun = ScorecardWords.groupNoun(card)
    return InsightSection(
      title: "What the words meant",
      lead: "Per \(noun.lowercased()), each hedge word read in at least "
        + "\(ScorecardWords.leastScored(card)): how often what the word bet on happened, with a 95% interval, beside "
        + "the value the hedge table assumes. \(offTableMark) marks a table value outside the "
        + "interval.",
      table: card.hedgeReadings.isEmpty
        ? nil
        : PlainTable(
          header: [noun] + wordHeader, rows: card.hedgeReadings.map { [$0.name ?? ""] + cells($0) },
          numeric: [2, 3, 4, 5], secondary: [5], unbroken: [1]),
      empty: "No \(noun.lowercased()) has used one word in \(ScorecardWords.leastScored(card)) "
        + "yet.")
  }

  static func wordsOverall(_ card: Scorecard) -> InsightSection {
    InsightSection(
      title: "The words across all \(ScorecardWords.groupNoun(card).lowercased())s",
      lead: "The same for every word with at least \(ScorecardWords.leastScored(card)) over "
        + "the whole ledger: an empirical table of what the words of estimative probability meant.",
      table: card.hedgeTable.isEmpty
        ? nil
        : PlainTable(
          header: wordHeader + ["Low-information"],
          rows: card.hedgeTable.map { cells($0) + [$0.isLowInformation ? "yes" : ""] },
          numeric: [1, 2, 3, 4], secondary: [4, 6], unbroken: [0]),
      empty: "No word has been read in \(ScorecardWords.leastScored(card)) yet.")
  }

  private static let wordHeader = [
    "Word", "Scored", "Happened (95% interval)", "Table assumes", "Table range", "",
  ]

  private static func cells(_ reading: HedgeReading) -> [String] {
    [
      reading.word, String(reading.count), Figure.share(reading.happened, reading.interval),
      Figure.confidence(reading.assumed),
      Figure.confidence(reading.range.lowerBound) + "–"
        + Figure.confidence(reading.range.upperBound),
      reading.isOffTable ? offTableMark : "",
    ]
  }

  static func sensitivity(_ card: Scorecard) -> InsightSection {
    let noun = ScorecardWords.groupNoun(card)
    let rows = card.sensitivity.map { row in
      [
        row.name, String(row.hedged),
        Figure.triple(row.low.brier, row.middle.brier, row.high.brier, Figure.score),
        Figure.triple(
          row.low.brierSkill, row.middle.brierSkill, row.high.brierSkill, Figure.signed),
        [row.low.brierRank, row.middle.brierRank, row.high.brierRank].map(String.init).joined(
          separator: " / "),
        [row.rankFlips ? "rank" : nil, row.skillFlips ? "skill" : nil].compactMap { $0 }.joined(
          separator: ", "),
      ]
    }
    return InsightSection(
      kind: .sensitivity, title: "Hedge sensitivity",
      lead: "Each ranked \(noun.lowercased()) scored three times, every hedge word read at the "
        + "low end of its range, at the table's value and at the high end (low / table / high). "
        + "Claims with a number of their own score the same each time. Rank is by Brier score; "
        + "Flips names a rank that changes or a skill that crosses zero, a verdict that rests "
        + "on how the words are read.",
      table: rows.isEmpty
        ? nil
        : PlainTable(
          header: [noun, "Hedged", "Brier", "Skill", "Brier rank", "Flips"], rows: rows,
          numeric: [1, 2, 3, 4]),
      empty: "No \(noun.lowercased()) is ranked yet.")
  }

  static func checkability(_ card: Scorecard) -> InsightSection {
    let records = card.ranked + card.unranked
    let noun = ScorecardWords.groupNoun(card)
    return InsightSection(
      kind: .checkability, title: "How checkable the claims are",
      lead: "Specificity is the mean share of four marks a claim can have: a named subject, an "
        + "explicit deadline, a number or countable event, and no condition to escape by. "
        + "Low-information hedges are words such as 可能, could and real possibility.",
      table: records.isEmpty
        ? nil
        : PlainTable(
          header: [
            noun, "Claims", "Specificity", "Low-information hedges", "Void rate",
            "Accuracy (95% interval)",
          ],
          rows: records.map { record in
            [
              record.name, String(record.counts.claims), Figure.percent(record.meanSpecificity),
              Figure.percent(record.lowInformationShare), Figure.percent(record.voidRate),
              Figure.accuracy(record.figures),
            ]
          }, numeric: [1, 2, 3, 4, 5], secondary: [1, 4]),
      empty: ScorecardWords.noClaims)
  }

  static func echoes(_ card: Scorecard) -> InsightSection {
    let rows = card.echoes.map { line in
      [
        line.original.text, line.original.source, Figure.day(line.original.said),
        line.echoes.map { "\($0.source) (\(Figure.day($0.said)))" }.joined(separator: "; "),
      ]
    }
    let more = card.echoedTotal - card.echoes.count
    return InsightSection(
      kind: .echoes, title: "Who said it first",
      lead: "Forecasts that later claims repeated (the same names, kind of event, figures and "
        + "deadline year, in Chinese or English), credited to the source that said them first. "
        + (card.countsEchoes
          ? "The echoes are scored as claims of their own here."
          : "Each is scored once, under its first source; the echoes are left out of the scores.")
        + (more > 0 ? " The first \(card.echoes.count) of \(card.echoedTotal)." : ""),
      table: rows.isEmpty
        ? nil
        : PlainTable(
          header: ["Forecast", "First said by", "Said", "Echoed by"], rows: rows, numeric: [2]),
      empty: "No forecast here was repeated by a later claim.")
  }

  /// Days after being said at which the table reads the estimated share come true.
  static let truthDays = [90, 365]

  static func timeToTruth(_ card: Scorecard) -> InsightSection {
    let rows = card.timeToTruth.map { row in
      [
        row.kind, String(row.claims), String(row.cameTrue), String(row.open),
        row.medianDaysBeforeDeadline.map { DecimalFormat.trimmed($0, places: 1) }
          ?? Figure.missing,
      ] + truthDays.map { Figure.percent(row.share(within: $0)) }
    }
    return InsightSection(
      kind: .timeToTruth, title: "Time to truth",
      lead: "Per kind of claim, how long claims took to come true. Days before deadline is the "
        + "median over true claims (negative: settled after it). The shares are Kaplan–Meier "
        + "estimates of the claims come true within 90 days and a year of being said: open "
        + "claims count as not yet known (censored on today), not as failures; false, partial "
        + "and void ones never come true.",
      table: rows.isEmpty
        ? nil
        : PlainTable(
          header: [
            "Kind", "Claims", "Came true", "Open (not yet known)", "Median days before deadline",
            "True within 90 days", "True within a year",
          ], rows: rows, numeric: [1, 2, 3, 4, 5, 6], secondary: [1, 3], unbroken: [0]),
      empty: "No dated claims fall in this scorecard yet.")
  }
}
