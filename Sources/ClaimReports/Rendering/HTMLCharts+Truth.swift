extension HTMLCharts {
  /// One colour per kind of claim, in the order of the table.
  private static let truthColours = [
    "#1f5fa8", "#b3261e", "#2e7d4f", "#8a5a00", "#6a3d9a", "#00838f", "#c2185b", "#5f6368",
  ]

  /// The estimated share come true against days since being said, a step line per kind.
  static func truthChart(_ rows: [TimeToTruth]) -> String {
    let drawn = rows.filter { !$0.curve.isEmpty }
    guard !drawn.isEmpty else { return "" }
    let left = 44.0
    let top = 12.0
    let width = 420.0
    let height = 200.0
    let lastDay = max(drawn.compactMap { $0.curve.last?.day }.max() ?? 0, 30)
    let x = { (day: Int) in left + Double(day) / Double(lastDay) * width }
    let y = { (share: Double) in top + height - share * height }
    let alt = HTMLText.escape(
      "Time to truth: share of claims come true by days since they were said. "
        + drawn.map { row in
          "\(row.kind): \(Figure.percent(row.curve.last?.share)) by day \(row.curve.last?.day ?? 0)"
        }.joined(separator: "; ") + ".")
    var svg = "<figure class=\"chart\">\n<svg viewBox=\"0 0 560 250\" role=\"img\" "
    svg += "aria-label=\"\(alt)\" font-family=\"-apple-system,Segoe UI,Roboto,Arial,sans-serif\">"
    svg += "\n<title>\(alt)</title>\n"
    for value in [0.0, 0.25, 0.5, 0.75, 1.0] {
      svg += "<line x1=\"\(c(left))\" y1=\"\(c(y(value)))\" x2=\"\(c(left + width))\" "
      svg += "y2=\"\(c(y(value)))\" stroke=\"\(rule)\" stroke-width=\"1\"/>\n"
      svg += "<text x=\"\(c(left - 5))\" y=\"\(c(y(value) + 3.5))\" text-anchor=\"end\" "
      svg += "font-size=\"10\" fill=\"\(muted)\">\(Figure.percent(value))</text>\n"
    }
    for day in [0, lastDay / 2, lastDay] {
      svg += "<text x=\"\(c(x(day)))\" y=\"\(c(top + height + 14))\" text-anchor=\"middle\" "
      svg += "font-size=\"10\" fill=\"\(muted)\">\(day)</text>\n"
    }
    svg += "<text x=\"\(c(left + width / 2))\" y=\"\(c(top + height + 32))\" "
    svg += "text-anchor=\"middle\" font-size=\"11\" fill=\"\(ink)\">Days since said</text>\n"
    for (index, row) in drawn.enumerated() {
      let colour = truthColours[index % truthColours.count]
      var points = ["\(c(x(0))),\(c(y(0)))"]
      var share = 0.0
      for step in row.curve {
        points.append("\(c(x(step.day))),\(c(y(share)))")
        share = step.share
        points.append("\(c(x(step.day))),\(c(y(share)))")
      }
      points.append("\(c(x(lastDay))),\(c(y(share)))")
      svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" "
      svg += "stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
      svg +=
        "<text x=\"\(c(left + width + 6))\" y=\"\(c(y(share) + 3.5 + Double(index % 2) * 9))\" "
      svg += "font-size=\"10\" fill=\"\(colour)\">\(HTMLText.escape(row.kind))</text>\n"
    }
    return svg + "</svg>\n</figure>\n"
  }
}
