/// The scorecard as Markdown that reads well on a code host: headings, tables and short lists,
/// never raw HTML, with every ledger string escaped.
public struct MarkdownRenderer: Sendable {
  public init() {}

  public func render(_ card: Scorecard) -> String {
    var out: [String] = []
    out.append("# " + MarkdownText.inline(ScorecardWords.title(card)))
    out.append("")
    out.append(MarkdownText.inline(ScorecardWords.scope(card)))
    out.append("")
    out.append("*Reproducible from:* " + MarkdownText.inline(ScorecardWords.reproducibility(card)))
    out.append("")
    summary(card, into: &out)
    leaderboard(card, into: &out)
    unranked(card, into: &out)
    calibration(card, into: &out)
    overTime(card, into: &out)
    for section in InsightSections.all(card) { insight(section, into: &out) }
    highlights(
      "Best calls", ScorecardWords.bestCallsLead,
      card.bestCalls, into: &out)
    highlights(
      "Worst misses", ScorecardWords.worstMissesLead,
      card.worstMisses, into: &out)
    openClaims("Overdue", "Open claims whose deadline has passed.", card.overdue, into: &out)
    openClaims("Pending", "Open claims not yet due.", card.pending, into: &out)
    out.append("## How to read this")
    out.append("")
    for (term, meaning) in ScorecardWords.definitions(card) {
      out.append("- **\(term)**: " + MarkdownText.inline(meaning))
    }
    return out.joined(separator: "\n") + "\n"
  }

  private func summary(_ card: Scorecard, into out: inout [String]) {
    let counts = card.totals.counts
    let figures = card.totals.figures
    out.append("## Summary")
    out.append("")
    guard counts.claims > 0 else {
      out.append("No open or resolved claims fall in this scorecard yet.")
      out.append("")
      return
    }
    out += MarkdownText.table(
      [
        "Claims", "Resolved", "True", "Partial", "False", "Void", "Waiting for deadline",
        "Pending", "Overdue",
      ],
      [
        [
          counts.claims, counts.resolved, counts.true, counts.partial, counts.false, counts.void,
          counts.waiting, counts.pending, counts.overdue,
        ].map(String.init)
      ],
      rightAligned: Set(0..<9))
    out.append("")
    out += MarkdownText.table(
      ["Accuracy (95% interval)", "Brier", "Skill", "Boldness"],
      [
        [
          Figure.accuracy(figures), Figure.score(figures.brier), Figure.signed(figures.brierSkill),
          Figure.score(figures.boldness),
        ]
      ],
      rightAligned: Set(0..<4))
    out.append("")
    if counts.waiting > 0 {
      out.append(
        counts.waiting == 1
          ? "1 resolved claim waits for its deadline and is not scored yet."
          : "\(counts.waiting) resolved claims wait for their deadline and are not scored yet.")
      out.append("")
    }
  }

  private func leaderboard(_ card: Scorecard, into out: inout [String]) {
    out.append("## Leaderboard")
    out.append("")
    guard !card.ranked.isEmpty else {
      out.append(MarkdownText.inline(ScorecardWords.nobodyRanked(card)))
      out.append("")
      return
    }
    let rows = card.ranked.map { record in
      [
        String(record.rank ?? 0), MarkdownText.cell(record.name), String(record.figures.scored),
        Figure.accuracy(record.figures), Figure.score(record.figures.brier),
        Figure.signed(record.figures.brierSkill), Figure.percent(record.figures.shrunkAccuracy),
        Figure.score(record.figures.boldness), Figure.percent(record.voidRate),
        Figure.percent(record.earlyShare),
      ]
    }
    out += MarkdownText.table(
      [
        "Rank", ScorecardWords.groupNoun(card), "Scored", "Accuracy (95% interval)", "Brier",
        "Skill", "Shrunk", "Boldness", "Void rate", "True early",
      ],
      rows, rightAligned: [0, 2, 3, 4, 5, 6, 7, 8, 9])
    out.append("")
  }

  private func unranked(_ card: Scorecard, into out: inout [String]) {
    guard !card.unranked.isEmpty else { return }
    out.append("## Too few resolved to rank")
    out.append("")
    out.append(ScorecardWords.unrankedLead(card))
    out.append("")
    let rows = card.unranked.map { record in
      [
        MarkdownText.cell(record.name), String(record.counts.claims),
        String(record.figures.scored), Figure.accuracy(record.figures),
        Figure.score(record.figures.brier), String(record.counts.waiting),
        String(record.counts.pending), String(record.counts.overdue),
      ]
    }
    out += MarkdownText.table(
      [
        ScorecardWords.groupNoun(card), "Claims", "Scored", "Accuracy (95% interval)", "Brier",
        "Waiting", "Pending", "Overdue",
      ],
      rows, rightAligned: [1, 2, 3, 4, 5, 6, 7])
    out.append("")
  }

  private func calibration(_ card: Scorecard, into out: inout [String]) {
    out.append("## Calibration")
    out.append("")
    guard card.totals.figures.scored > 0 else {
      out.append("Nothing is scored yet.")
      out.append("")
      return
    }
    let rows = card.calibration.map { bin in
      [
        Figure.percent(bin.low) + "–" + Figure.percent(bin.high), String(bin.count),
        bin.meanConfidence.map(Figure.confidence) ?? Figure.missing,
        Figure.percent(bin.observed),
        bin.observedInterval.map { Figure.percent($0.low) + "–" + Figure.percent($0.high) }
          ?? Figure.missing,
      ]
    }
    out += MarkdownText.table(
      ["Confidence", "Claims", "Mean confidence", "Came true", "95% interval"], rows,
      rightAligned: [1, 2, 3, 4])
    out.append("")
    if let parts = card.decomposition {
      out.append(
        "Brier \(Figure.score(parts.brier)) = reliability \(Figure.score(parts.reliability)) "
          + "− resolution \(Figure.score(parts.resolution)) + uncertainty "
          + "\(Figure.score(parts.uncertainty)), over \(parts.forecastValues) distinct "
          + "confidence values. Lower reliability is better calibrated; higher resolution "
          + "separates what happens from what does not.")
      out.append("")
    }
  }

  private func overTime(_ card: Scorecard, into out: inout [String]) {
    out.append("## Accuracy over the years")
    out.append("")
    guard !card.byYear.isEmpty else {
      out.append(ScorecardWords.noClaims)
      out.append("")
      return
    }
    out.append("By year of the \(card.by == .due ? "deadline" : "day the claim was said").")
    out.append("")
    let rows = card.byYear.map { row in
      [
        MarkdownText.cell(row.name), String(row.year), String(row.counts.claims),
        String(row.figures.scored), Figure.accuracy(row.figures), Figure.score(row.figures.brier),
      ]
    }
    out += MarkdownText.table(
      [
        ScorecardWords.groupNoun(card), "Year", "Claims", "Scored", "Accuracy (95% interval)",
        "Brier",
      ], rows, rightAligned: [1, 2, 3, 4, 5])
    out.append("")
  }

  private func insight(_ section: InsightSection, into out: inout [String]) {
    out.append("## " + MarkdownText.inline(section.title))
    out.append("")
    guard let table = section.table else {
      out.append(MarkdownText.inline(section.empty))
      out.append("")
      return
    }
    out.append(MarkdownText.inline(section.lead))
    out.append("")
    out += MarkdownText.table(
      table.header.map(MarkdownText.cell), table.rows.map { $0.map(MarkdownText.cell) },
      rightAligned: table.numeric)
    out.append("")
  }

  private func highlights(
    _ title: String, _ lead: String, _ lines: [ClaimLine], into out: inout [String]
  ) {
    out.append("## " + title)
    out.append("")
    guard !lines.isEmpty else {
      out.append("None yet.")
      out.append("")
      return
    }
    out.append(lead)
    out.append("")
    let rows = lines.map { line in
      [
        MarkdownText.cell(line.text), MarkdownText.cell(line.source),
        Figure.confidence(line.confidence), line.outcome?.rawValue ?? Figure.missing,
        Figure.day(line.deadline), Figure.day(line.resolvedOn),
        line.quote.map { "“" + MarkdownText.cell($0) + "”" } ?? Figure.missing,
        line.evidence.map(MarkdownText.cell) ?? Figure.missing,
      ]
    }
    out += MarkdownText.table(
      ["Claim", "Source", "Confidence", "Outcome", "Deadline", "Resolved", "Quote", "Evidence"],
      rows,
      rightAligned: [2])
    out.append("")
  }

  private func openClaims(
    _ title: String, _ lead: String, _ list: ClaimList, into out: inout [String]
  ) {
    out.append("## " + title)
    out.append("")
    guard list.total > 0 else {
      out.append("None.")
      out.append("")
      return
    }
    out.append(lead)
    out.append("")
    let rows = list.lines.map { line in
      [
        MarkdownText.cell(line.text), MarkdownText.cell(line.source), Figure.day(line.deadline),
        Figure.confidence(line.confidence),
      ]
    }
    out += MarkdownText.table(
      ["Claim", "Source", "Deadline", "Confidence"], rows, rightAligned: [3])
    out.append("")
    if list.omitted > 0 {
      out.append("… and \(list.omitted) more.")
      out.append("")
    }
  }
}
