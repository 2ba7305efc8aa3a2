/// The SVG charts of the HTML scorecard: interval bars, the calibration chart and accuracy
/// over the years. Geometry only; every figure comes from the scorecard.
enum HTMLCharts {
  static let ink = "#1b1b1b"
  static let muted = "#8a8a8a"
  static let rule = "#d9d6cf"
  static let bar = "#1f5fa8"
  static let band = "#c9daf0"

  static func c(_ value: Double) -> String { HTMLText.coordinate(value) }

  /// An accuracy as a dot on a 0–100 % track with its interval as a band.
  static func intervalBar(_ name: String, _ figures: ScoreFigures) -> String {
    let label = Figure.accuracy(figures)
    guard let accuracy = figures.accuracy, let interval = figures.accuracyInterval else {
      return HTMLText.escape(label)
    }
    let width = 120.0
    let x = { (share: Double) in 2 + share * width }
    let alt = HTMLText.escape(
      "\(name): accuracy \(Figure.percent(accuracy)), 95% interval "
        + "\(Figure.percent(interval.low)) to \(Figure.percent(interval.high))")
    return """
      <span class="interval"><svg viewBox="0 0 124 16" role="img" aria-label="\(alt)">\
      <title>\(alt)</title>\
      <line x1="2" y1="8" x2="122" y2="8" stroke="\(rule)" stroke-width="2"/>\
      <line x1="\(c(x(0.5)))" y1="2" x2="\(c(x(0.5)))" y2="14" stroke="\(muted)" stroke-width="0.75"/>\
      <rect x="\(c(x(interval.low)))" y="4" width="\(c(max((interval.high - interval.low) * width, 1)))" \
      height="8" rx="2" fill="\(band)"/>\
      <circle cx="\(c(x(accuracy)))" cy="8" r="3.5" fill="\(bar)"/></svg>\
      <span>\(HTMLText.figure(label))</span></span>
      """
  }

  static func calibrationSection(_ card: Scorecard) -> String {
    var out = "<section>\n<h2>Calibration</h2>\n"
    guard card.totals.figures.scored > 0 else {
      return out + "<p class=\"note\">Nothing is scored yet.</p>\n</section>\n"
    }
    out +=
      "<p class=\"note\">When the claims said 70%, did 70% come true? Each dot is a bin of "
      + "stated confidence, placed at its mean confidence and sized by its count (printed under "
      + "the axis); the shaded band is its 95% interval. Dots on the dashed diagonal are calibrated; a tall band "
      + "means too few claims to tell.</p>\n"
    out += "<div class=\"calibration\">\n<figure class=\"chart\">\n"
    out += calibrationChart(card.calibration)
    if let parts = card.decomposition {
      out +=
        "<figcaption>Brier \(Figure.score(parts.brier)) = reliability "
        + "\(Figure.score(parts.reliability)) − resolution \(Figure.score(parts.resolution)) + "
        + "uncertainty \(Figure.score(parts.uncertainty)), over \(parts.forecastValues) "
        + "distinct confidence values.</figcaption>\n"
    }
    out += "</figure>\n" + calibrationTable(card.calibration) + "</div>\n"
    return out + "</section>\n"
  }

  /// The chart's numbers as a table beside it (below it on a phone).
  private static func calibrationTable(_ bins: [CalibrationBin]) -> String {
    var out = "<div class=\"scroll\"><table>\n<thead><tr>"
    out += [
      ("Confidence", ""), ("Claims", "num"), ("Mean said", "num"), ("Came true", "num"),
      ("95% interval", "num"),
    ].map(HTMLText.headerCell).joined()
    out += "</tr></thead>\n<tbody>\n"
    for bin in bins {
      let interval = bin.observedInterval.map {
        Figure.percent($0.low) + "–" + Figure.percent($0.high)
      }
      out += "<tr>" + HTMLText.cell(Figure.percent(bin.low) + "–" + Figure.percent(bin.high), "nw")
      out += HTMLText.cell(String(bin.count), "num")
      out += HTMLText.cell(bin.meanConfidence.map(Figure.confidence) ?? Figure.missing, "num")
      out += HTMLText.cell(Figure.percent(bin.observed), "num")
      out += HTMLText.cell(interval ?? Figure.missing, "num") + "</tr>\n"
    }
    return out + "</tbody></table></div>\n"
  }

  private static func calibrationChart(_ bins: [CalibrationBin]) -> String {
    let left = 52.0
    let top = 14.0
    let size = 300.0
    let x = { (p: Double) in left + p * size }
    let y = { (o: Double) in top + size - o * size }
    let largest = Double(max(bins.map(\.count).max() ?? 1, 1))
    var description: [String] = []
    var marks = ""
    for bin in bins where bin.count > 0 {
      guard let mean = bin.meanConfidence, let observed = bin.observed else { continue }
      let interval = bin.observedInterval ?? WilsonInterval(low: observed, high: observed)
      let range = Figure.percent(bin.low) + "–" + Figure.percent(bin.high)
      description.append(
        "\(range): \(bin.count) \(bin.count == 1 ? "claim" : "claims"), "
          + "mean confidence \(Figure.confidence(mean)), "
          + "\(Figure.percent(observed)) came true (95% interval \(Figure.percent(interval.low)) "
          + "to \(Figure.percent(interval.high)))")
      let radius = 3 + 7 * (Double(bin.count) / largest).squareRoot()
      marks += "<rect x=\"\(c(x(bin.low) + 2))\" y=\"\(c(y(interval.high)))\" "
      marks +=
        "width=\"\(c(size / 10 - 4))\" height=\"\(c(max(y(interval.low) - y(interval.high), 1)))\" "
      marks += "fill=\"\(band)\" fill-opacity=\"0.75\"/>\n"
      marks += "<circle cx=\"\(c(x(mean)))\" cy=\"\(c(y(observed)))\" r=\"\(c(radius))\" "
      marks += "fill=\"\(bar)\" fill-opacity=\"0.9\" stroke=\"#fff\" stroke-width=\"1\"/>\n"
      marks += "<text x=\"\(c(x(bin.low) + size / 20))\" y=\"\(c(top + size + 30))\" "
      marks += "text-anchor=\"middle\" font-size=\"9\" fill=\"\(ink)\">\(bin.count)</text>\n"
    }
    let alt = HTMLText.escape(
      "Calibration chart: stated confidence against the share that came true. "
        + description.joined(separator: "; ") + ".")
    var svg =
      "<svg viewBox=\"0 0 370 378\" role=\"img\" aria-label=\"\(alt)\" "
      + "font-family=\"-apple-system,Segoe UI,Roboto,Arial,sans-serif\">\n<title>\(alt)</title>\n"
    for step in 0...5 {
      let value = Double(step) / 5
      svg +=
        "<line x1=\"\(c(x(0)))\" y1=\"\(c(y(value)))\" x2=\"\(c(x(1)))\" y2=\"\(c(y(value)))\" "
      svg += "stroke=\"\(rule)\" stroke-width=\"1\"/>\n"
      svg += "<text x=\"\(c(x(0) - 6))\" y=\"\(c(y(value) + 3.5))\" text-anchor=\"end\" "
      svg += "font-size=\"11\" fill=\"\(muted)\">\(Figure.percent(value))</text>\n"
      svg += "<text x=\"\(c(x(value)))\" y=\"\(c(top + size + 16))\" text-anchor=\"middle\" "
      svg += "font-size=\"11\" fill=\"\(muted)\">\(Figure.percent(value))</text>\n"
    }
    svg += "<line x1=\"\(c(x(0)))\" y1=\"\(c(y(0)))\" x2=\"\(c(x(1)))\" y2=\"\(c(y(1)))\" "
    svg += "stroke=\"\(ink)\" stroke-width=\"1\" stroke-dasharray=\"4 4\"/>\n"
    svg += marks
    svg += "<text x=\"\(c(x(0) - 6))\" y=\"\(c(top + size + 30))\" text-anchor=\"end\" "
    svg += "font-size=\"9\" fill=\"\(muted)\">n</text>\n"
    svg += "<text x=\"\(c(x(0.5)))\" y=\"\(c(top + size + 50))\" text-anchor=\"middle\" "
    svg += "font-size=\"12\" fill=\"\(ink)\">Stated confidence</text>\n"
    svg += "<text transform=\"translate(14 \(c(y(0.5)))) rotate(-90)\" text-anchor=\"middle\" "
    svg += "font-size=\"12\" fill=\"\(ink)\">Came true</text>\n"
    return svg + "</svg>\n"
  }

  static func overTimeSection(_ card: Scorecard) -> String {
    var out = "<section>\n<h2>Accuracy over the years</h2>\n"
    guard !card.byYear.isEmpty else {
      return out + "<p class=\"note\">\(ScorecardWords.noClaims)</p>\n</section>\n"
    }
    let basis = card.by == .due ? "deadline" : "day the claim was said"
    let scoredRows = card.byYear.filter { $0.figures.scored > 0 }
    guard let first = scoredRows.first else {
      return out
        + "<p class=\"note\">Nothing is scored yet, so there is no accuracy to chart. The claims "
        + "by year of the \(basis):</p>\n" + yearTable(card, isFolded: false) + "</section>\n"
    }
    var runs: [(name: String, rows: [YearRecord])] = []
    for row in scoredRows {
      if runs.last?.name == row.name {
        runs[runs.count - 1].rows.append(row)
      } else {
        runs.append((row.name, [row]))
      }
    }
    let years = scoredRows.map(\.year)
    let domain = (years.min() ?? first.year)...(years.max() ?? first.year)
    out +=
      "<p class=\"note\">Accuracy by year of the \(basis), with its 95% interval; the dashed "
      + "line marks 50%. Dots are sized by the number of scored claims.</p>\n"
    out += "<div class=\"multiples\">\n"
    for run in runs {
      out += "<figure class=\"multiple\">\n<h3>\(HTMLText.escape(run.name))</h3>\n"
      out += yearChart(run.name, run.rows, domain: domain) + "</figure>\n"
    }
    return out + "</div>\n" + yearTable(card, isFolded: true) + "</section>\n"
  }

  /// The charts' figures as a table: every year of every group, with its claims and Brier
  /// score. Under the charts it is folded away on screen (and unfolded in print).
  private static func yearTable(_ card: Scorecard, isFolded: Bool) -> String {
    var out = isFolded ? "<details class=\"figures\">\n<summary>Figures by year</summary>\n" : ""
    out += "<div class=\"scroll\"><table>\n<thead><tr>"
    out += [
      (ScorecardWords.groupNoun(card), ""), ("Year", "num"), ("Claims", "num mid"),
      ("Scored", "num"),
      ("Accuracy", "num"), ("Brier", "num"),
    ].map(HTMLText.headerCell).joined()
    out += "</tr></thead>\n<tbody>\n"
    for row in card.byYear {
      out += "<tr>" + HTMLText.cell(row.name, "name") + HTMLText.cell(String(row.year), "num")
      out += HTMLText.cell(String(row.counts.claims), "num mid")
      out += HTMLText.cell(String(row.figures.scored), "num")
      out += HTMLText.cell(Figure.accuracy(row.figures), "num")
      out += HTMLText.cell(Figure.score(row.figures.brier), "num") + "</tr>\n"
    }
    return out + "</tbody></table></div>\n" + (isFolded ? "</details>\n" : "")
  }

  private static func yearChart(_ name: String, _ rows: [YearRecord], domain: ClosedRange<Int>)
    -> String
  {
    let left = 34.0
    let width = 164.0
    let top = 10.0
    let height = 82.0
    let span = Double(domain.upperBound - domain.lowerBound)
    let x = { (year: Int) in
      span == 0 ? left + width / 2 : left + Double(year - domain.lowerBound) / span * width
    }
    let y = { (share: Double) in top + height - share * height }
    let largest = Double(rows.map(\.figures.scored).max() ?? 1)
    let alt = HTMLText.escape(
      "\(name), accuracy by year: "
        + rows.map {
          "\($0.year) \(Figure.percent($0.figures.accuracy)) of \($0.figures.scored)"
        }.joined(separator: ", "))
    var svg = "<svg viewBox=\"0 0 220 116\" role=\"img\" aria-label=\"\(alt)\" "
    svg +=
      "font-family=\"-apple-system,Segoe UI,Roboto,Arial,sans-serif\">\n<title>\(alt)</title>\n"
    for value in [0.0, 0.5, 1.0] {
      svg += "<line x1=\"\(c(left))\" y1=\"\(c(y(value)))\" x2=\"\(c(left + width))\" "
      svg += "y2=\"\(c(y(value)))\" stroke=\"\(value == 0.5 ? muted : rule)\" stroke-width=\"1\""
      svg += value == 0.5 ? " stroke-dasharray=\"3 3\"/>\n" : "/>\n"
      svg += "<text x=\"\(c(left - 5))\" y=\"\(c(y(value) + 3.5))\" text-anchor=\"end\" "
      svg += "font-size=\"10\" fill=\"\(muted)\">\(Figure.percent(value))</text>\n"
    }
    // At most about six labels: every year of a short span, every second or third of a longer
    // one, then the last, with room before it.
    let step = max(1, (domain.count + 5) / 6)
    let labelled =
      stride(from: domain.lowerBound, to: domain.upperBound, by: step)
      .filter { domain.upperBound - $0 >= step } + [domain.upperBound]
    for year in labelled {
      svg += "<text x=\"\(c(x(year)))\" y=\"\(c(top + height + 16))\" text-anchor=\"middle\" "
      svg += "font-size=\"10\" fill=\"\(muted)\">\(year)</text>\n"
    }
    let points = rows.compactMap { row in
      row.figures.accuracy.map { "\(c(x(row.year))),\(c(y($0)))" }
    }
    if points.count > 1 {
      svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" "
      svg += "stroke=\"\(bar)\" stroke-width=\"1.5\"/>\n"
    }
    for row in rows {
      guard let accuracy = row.figures.accuracy else { continue }
      if let interval = row.figures.accuracyInterval {
        svg += "<line x1=\"\(c(x(row.year)))\" y1=\"\(c(y(interval.low)))\" "
        svg += "x2=\"\(c(x(row.year)))\" y2=\"\(c(y(interval.high)))\" stroke=\"\(band)\" "
        svg += "stroke-width=\"5\" stroke-linecap=\"round\"/>\n"
      }
      let radius = 2.5 + 3.5 * (Double(row.figures.scored) / largest).squareRoot()
      svg += "<circle cx=\"\(c(x(row.year)))\" cy=\"\(c(y(accuracy)))\" r=\"\(c(radius))\" "
      svg += "fill=\"\(bar)\" stroke=\"#fff\" stroke-width=\"1\"/>\n"
    }
    return svg + "</svg>\n"
  }
}
