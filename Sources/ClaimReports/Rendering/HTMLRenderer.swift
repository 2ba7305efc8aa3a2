/// The scorecard as one self-contained HTML page: inline CSS and SVG, no scripts, no network.
///
/// Every string from the ledger passes through `HTMLText.escape`; charts carry a `<title>`
/// and an `aria-label` so they read aloud.
public struct HTMLRenderer: Sendable {
  public init() {}

  public func render(_ card: Scorecard) -> String {
    let e = HTMLText.escape
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(e(ScorecardWords.title(card)))</title>
      <style>
      \(HTMLStyle.css)
      </style>
      </head>
      <body>
      <main>
      <header>
      <p class="kicker">Forecast tracker</p>
      <h1>\(e(ScorecardWords.title(card)))</h1>
      <p class="dek">\(e(ScorecardWords.scope(card)))</p>
      <p class="repro">Ledger SHA-256 <code>\(e(card.ledgerSHA256))</code> · today \
      \(e(card.generated.description)) · hedge table \(e(card.hedgeTableVersion))\
      \(card.sideFiles.map { " · \(e($0.name)) SHA-256 <code>\(e($0.sha256))</code>" }.joined())</p>
      </header>

      """
    out += summary(card)
    out += leaderboard(card)
    out += unranked(card)
    out += HTMLCharts.calibrationSection(card)
    out += HTMLCharts.overTimeSection(card)
    out += InsightSections.all(card).map { insight($0, card) }.joined()
    out += highlights(
      "Best calls", ScorecardWords.bestCallsLead,
      card.bestCalls, isMiss: false)
    out += highlights(
      "Worst misses", ScorecardWords.worstMissesLead,
      card.worstMisses, isMiss: true)
    out += openClaims("Overdue", "Open claims whose deadline has passed.", card.overdue)
    out += openClaims("Pending", "Open claims not yet due.", card.pending)
    out += "<section>\n<h2>How to read this</h2>\n<dl>\n"
    for (term, meaning) in ScorecardWords.definitions(card) {
      out += "<dt>\(e(term))</dt><dd>\(e(meaning))</dd>\n"
    }
    out += "</dl>\n</section>\n"
    out += "<footer><p class=\"repro\">\(e(ScorecardWords.reproducibility(card)))</p></footer>\n"
    out += "</main>\n</body>\n</html>\n"
    return out
  }

  private func summary(_ card: Scorecard) -> String {
    let counts = card.totals.counts
    let figures = card.totals.figures
    guard counts.claims > 0 else {
      return "<p class=\"callout\">No open or resolved claims fall in this scorecard yet.</p>\n"
    }
    let tiles: [(String, String)] = [
      (String(counts.claims), "claims"),
      (String(figures.scored), "scored"),
      (Figure.percent(figures.accuracy), "accuracy"),
      (Figure.score(figures.brier), "Brier score"),
      (String(counts.waiting), "waiting for the deadline"),
      (String(counts.pending), "pending"),
      (String(counts.overdue), "overdue"),
    ]
    var out = "<ul class=\"stats\">\n"
    for (value, label) in tiles {
      out += "<li><b>\(HTMLText.escape(value))</b><span>\(HTMLText.escape(label))</span></li>\n"
    }
    out += "</ul>\n"
    out +=
      "<p class=\"note\">\(counts.true) true, \(counts.partial) partial, \(counts.false) false "
      + "and \(counts.void) void among \(counts.resolved) resolved claims past their deadline.</p>\n"
    if counts.waiting > 0 {
      out +=
        "<p class=\"callout\">"
        + (counts.waiting == 1
          ? "1 resolved claim waits for its deadline and is not scored yet"
          : "\(counts.waiting) resolved claims wait for their deadline and are not scored yet")
        + ", so claims that come true early do not flatter a year in progress.</p>\n"
    }
    return out
  }

  private func leaderboard(_ card: Scorecard) -> String {
    var out = "<section>\n<h2>Leaderboard</h2>\n"
    guard !card.ranked.isEmpty else {
      return out + "<p class=\"note\">\(HTMLText.escape(ScorecardWords.nobodyRanked(card)))</p>\n"
        + "</section>\n"
    }
    out +=
      "<p class=\"note\">Ranked by shrunk accuracy. The bar is the 95% interval of the accuracy; "
      + "the dot is the accuracy itself; the thin line marks 50%.</p>\n"
    out += "<div class=\"scroll\"><table>\n<thead><tr>"
    out += [
      ("#", ""), (ScorecardWords.groupNoun(card), ""), ("Scored", "num"),
      ("Accuracy, 95% interval", ""), ("Brier", "num"), ("Skill", "num mid"),
      ("Shrunk", "num mid"), ("Boldness", "num wide"), ("Void", "num wide"),
      ("True early", "num wide"),
    ].map(HTMLText.headerCell).joined()
    out += "</tr></thead>\n<tbody>\n"
    for record in card.ranked {
      let figures = record.figures
      out += "<tr><td class=\"rank\">\(record.rank ?? 0)</td>" + HTMLText.cell(record.name, "name")
      out += HTMLText.cell(String(figures.scored), "num")
      out += "<td>" + HTMLCharts.intervalBar(record.name, figures) + "</td>"
      out += HTMLText.cell(Figure.score(figures.brier), "num")
      out += HTMLText.cell(Figure.signed(figures.brierSkill), skillStyle(figures.brierSkill))
      out += HTMLText.cell(Figure.percent(figures.shrunkAccuracy), "num mid")
      out += HTMLText.cell(Figure.score(figures.boldness), "num wide")
      out += HTMLText.cell(Figure.percent(record.voidRate), "num wide")
      out += HTMLText.cell(Figure.percent(record.earlyShare), "num wide") + "</tr>\n"
    }
    return out + "</tbody></table></div>\n</section>\n"
  }

  /// A skill cell's classes: coloured by its sign, and hidden on a phone.
  private func skillStyle(_ skill: Double?) -> String {
    "num mid" + (skill.map { $0 < 0 ? " neg" : " pos" } ?? "")
  }

  private func unranked(_ card: Scorecard) -> String {
    guard !card.unranked.isEmpty else { return "" }
    var out = "<section>\n<h2>Too few resolved to rank</h2>\n"
    out += "<p class=\"note\">\(HTMLText.escape(ScorecardWords.unrankedLead(card)))</p>\n"
    out += "<div class=\"scroll\"><table>\n<thead><tr>"
    out += [
      (ScorecardWords.groupNoun(card), ""), ("Claims", "num"), ("Scored", "num"),
      ("Accuracy", "num"), ("Brier", "num"), ("Waiting", "num wide"), ("Pending", "num mid"),
      ("Overdue", "num mid"),
    ].map(HTMLText.headerCell).joined()
    out += "</tr></thead>\n<tbody>\n"
    for record in card.unranked {
      out += "<tr>" + HTMLText.cell(record.name, "name")
      out += HTMLText.cell(String(record.counts.claims), "num")
      out += HTMLText.cell(String(record.figures.scored), "num")
      out += HTMLText.cell(Figure.accuracy(record.figures), "num")
      out += HTMLText.cell(Figure.score(record.figures.brier), "num")
      out += HTMLText.cell(String(record.counts.waiting), "num wide")
      out += HTMLText.cell(String(record.counts.pending), "num mid")
      out += HTMLText.cell(String(record.counts.overdue), "num mid") + "</tr>\n"
    }
    return out + "</tbody></table></div>\n</section>\n"
  }

  private func insight(_ section: InsightSection, _ card: Scorecard) -> String {
    let e = HTMLText.escape
    var out = "<section>\n<h2>\(e(section.title))</h2>\n"
    guard let table = section.table else {
      return out + "<p class=\"note\">\(e(section.empty))</p>\n</section>\n"
    }
    out += "<p class=\"note\">\(e(section.lead))</p>\n<div class=\"scroll\"><table>\n<thead><tr>"
    // The first column names the row; a phone leaves the secondary columns out.
    let style = { (column: Int, isHeader: Bool) in
      [
        table.numeric.contains(column) ? "num" : column == 0 && !isHeader ? "name" : "",
        table.unbroken.contains(column) && !isHeader ? "nw" : "",
        table.secondary.contains(column) ? "mid" : "",
      ].filter { !$0.isEmpty }.joined(separator: " ")
    }
    for (column, title) in table.header.enumerated() {
      out += HTMLText.headerCell(title, style(column, true))
    }
    out += "</tr></thead>\n<tbody>\n"
    for row in table.rows {
      out += "<tr>" + row.enumerated().map { HTMLText.cell($1, style($0, false)) }.joined()
      out += "</tr>\n"
    }
    out += "</tbody></table></div>\n"
    if section.kind == .timeToTruth { out += HTMLCharts.truthChart(card.timeToTruth) }
    return out + "</section>\n"
  }

  private func highlights(
    _ title: String, _ lead: String, _ lines: [ClaimLine], isMiss: Bool
  ) -> String {
    let e = HTMLText.escape
    var out = "<section>\n<h2>\(e(title))</h2>\n"
    guard !lines.isEmpty else { return out + "<p class=\"note\">None yet.</p>\n</section>\n" }
    out += "<p class=\"note\">\(e(lead))</p>\n<div class=\"calls\">\n"
    for line in lines {
      out += "<article class=\"call\">\n"
      out += "<p class=\"claim\">\(e(line.text))</p>\n"
      if let quote = line.quote { out += "<blockquote>\(e(quote))</blockquote>\n" }
      out += "<p class=\"meta\"><span class=\"badge\(isMiss ? " miss" : "")\">"
      out += "\(isMiss ? "missed" : "called it")</span> <b>\(e(line.source))</b> · "
      out += "said \(e(Figure.confidence(line.confidence)))"
      if let said = line.said { out += " on \(said)" }
      if let outcome = line.outcome { out += " · came out \(e(outcome.rawValue))" }
      out += " · due \(e(Figure.day(line.deadline))) · settled \(e(Figure.day(line.resolvedOn)))"
      out += "</p>\n"
      if let evidence = line.evidence {
        out += "<p class=\"meta\">Evidence: \(HTMLText.link(evidence))</p>\n"
      }
      out += "</article>\n"
    }
    return out + "</div>\n</section>\n"
  }

  private func openClaims(_ title: String, _ lead: String, _ list: ClaimList) -> String {
    let e = HTMLText.escape
    var out = "<section>\n<h2>\(e(title))</h2>\n"
    guard list.total > 0 else { return out + "<p class=\"note\">None.</p>\n</section>\n" }
    out += "<p class=\"note\">\(e(lead))</p>\n<div class=\"scroll\"><table>\n<thead><tr>"
    out += "<th>Claim</th><th>Source</th><th class=\"num\">Deadline</th>"
    out += "<th class=\"num\">Confidence</th></tr></thead>\n<tbody>\n"
    for line in list.lines {
      out += "<tr>" + HTMLText.cell(line.text) + HTMLText.cell(line.source, "name")
      out += "<td class=\"num\">\(e(Figure.day(line.deadline)))</td>"
      out += "<td class=\"num\">\(e(Figure.confidence(line.confidence)))</td></tr>\n"
    }
    out += "</tbody></table></div>\n"
    if list.omitted > 0 { out += "<p class=\"note\">… and \(list.omitted) more.</p>\n" }
    return out + "</section>\n"
  }
}
