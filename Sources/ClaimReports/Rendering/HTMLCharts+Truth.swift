extension HTMLCharts {
  /// One colour per kind of claim, in the order of the table.
  private static let truthColours = [
    "#1f5fa8", "#b3261e", "#2e7d4f", "#8a5a00", "#6a3d9a", "#00838f", "#c2185b", "#5f6368",
  ]

  /// The time-to-truth chart's frame, in SVG units. The view box is as wide as a phone's
  /// column, so its text keeps its stated size there; on a wide screen the figure is held to
  /// 30rem.
  enum TruthFrame {
    static let width = 360.0
    static let height = 230.0
    static let left = 40.0
    static let top = 10.0
    static let plotWidth = 218.0
    static let plotHeight = 170.0
    /// Where the kinds' labels start, right of the plot.
    static let labelX = left + plotWidth + 18
    /// The least distance between two labels' centres.
    static let labelGap = 14.0
    static let fontSize = 12.0
  }

  /// The estimated share come true against days since being said, a step line per kind, each
  /// named at its right end.
  static func truthChart(_ rows: [TimeToTruth]) -> String {
    let drawn = rows.filter { !$0.curve.isEmpty }
    guard !drawn.isEmpty else { return "" }
    typealias F = TruthFrame
    let lastEvent = drawn.compactMap { $0.curve.last?.day }.max() ?? 0
    let ticks = roundTicks(upTo: max(lastEvent, 30))
    let axisEnd = Double(ticks.last ?? 30)
    let x = { (day: Int) in F.left + Double(day) / axisEnd * F.plotWidth }
    let y = { (share: Double) in F.top + F.plotHeight - share * F.plotHeight }
    let alt = HTMLText.escape(
      "Time to truth: share of claims come true by days since they were said. "
        + drawn.map { row in
          "\(row.kind): \(Figure.percent(row.curve.last?.share)) by day \(row.curve.last?.day ?? 0)"
        }.joined(separator: "; ") + ".")
    var svg = "<figure class=\"chart truth\">\n"
    svg += "<svg viewBox=\"0 0 \(c(F.width)) \(c(F.height))\" role=\"img\" aria-label=\"\(alt)\" "
    svg +=
      "font-family=\"-apple-system,Segoe UI,Roboto,Arial,sans-serif\">\n<title>\(alt)</title>\n"
    for value in [0.0, 0.25, 0.5, 0.75, 1.0] {
      svg += "<line x1=\"\(c(F.left))\" y1=\"\(c(y(value)))\" x2=\"\(c(F.left + F.plotWidth))\" "
      svg += "y2=\"\(c(y(value)))\" stroke=\"\(rule)\" stroke-width=\"1\"/>\n"
      svg += "<text x=\"\(c(F.left - 5))\" y=\"\(c(y(value) + 3.5))\" text-anchor=\"end\" "
      svg += "font-size=\"\(c(F.fontSize))\" fill=\"\(muted)\">\(Figure.percent(value))</text>\n"
    }
    for day in ticks {
      svg += "<text x=\"\(c(x(day)))\" y=\"\(c(F.top + F.plotHeight + 16))\" "
      svg +=
        "text-anchor=\"middle\" font-size=\"\(c(F.fontSize))\" fill=\"\(muted)\">\(day)</text>\n"
    }
    svg += "<text x=\"\(c(F.left + F.plotWidth / 2))\" y=\"\(c(F.top + F.plotHeight + 36))\" "
    svg += "text-anchor=\"middle\" font-size=\"13\" fill=\"\(ink)\">Days since said</text>\n"
    let ends = drawn.map { y($0.curve.last?.share ?? 0) }
    let labels = spread(ends, gap: F.labelGap, within: F.top...(F.top + F.plotHeight))
    for (index, row) in drawn.enumerated() {
      let colour = truthColours[index % truthColours.count]
      var points = ["\(c(x(0))),\(c(y(0)))"]
      var share = 0.0
      for step in row.curve {
        points.append("\(c(x(step.day))),\(c(y(share)))")
        share = step.share
        points.append("\(c(x(step.day))),\(c(y(share)))")
      }
      points.append("\(c(x(lastEvent))),\(c(y(share)))")
      svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" "
      svg += "stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
      if abs(labels[index] - ends[index]) > 0.5 {
        svg += "<line x1=\"\(c(x(lastEvent) + 2))\" y1=\"\(c(ends[index]))\" "
        svg += "x2=\"\(c(F.labelX - 3))\" y2=\"\(c(labels[index]))\" stroke=\"\(colour)\" "
        svg += "stroke-width=\"0.75\"/>\n"
      }
      svg += "<text x=\"\(c(F.labelX))\" y=\"\(c(labels[index] + 4))\" "
      svg +=
        "font-size=\"\(c(F.fontSize))\" fill=\"\(colour)\">\(HTMLText.escape(row.kind))</text>\n"
    }
    return svg + "</svg>\n</figure>\n"
  }

  /// Round tick values from 0 to at least a tenth past `maximum`, so a line never ends on the
  /// axis's edge: a step of 1, 2, 2.5 or 5 times a power of ten (whole days) giving at most six
  /// intervals. 127 gives 0, 25, … 150; 49 gives 0, 10, … 60.
  static func roundTicks(upTo maximum: Int) -> [Int] {
    let top = max(maximum, 1)
    let end = top + (top + 9) / 10
    var power = 1
    while true {
      // 2.5 times a power of ten is a whole number from 10 up.
      let steps = power == 1 ? [1, 2, 5] : [power, 2 * power, 5 * power / 2, 5 * power]
      if let step = steps.first(where: { (end + $0 - 1) / $0 <= 6 }) {
        return Array(stride(from: 0, through: (end + step - 1) / step * step, by: step))
      }
      power *= 10
    }
  }

  /// Label centres as near `wanted` as they can be, in the same order, each at least `gap`
  /// from the next and inside `range` when they fit there; equal wishes keep their given order.
  static func spread(_ wanted: [Double], gap: Double, within range: ClosedRange<Double>)
    -> [Double]
  {
    let order = wanted.indices.sorted { (wanted[$0], $0) < (wanted[$1], $1) }
    var placed = order.map { min(max(wanted[$0], range.lowerBound), range.upperBound) }
    for k in placed.indices.dropFirst() {
      placed[k] = max(placed[k], placed[k - 1] + gap)
    }
    if let last = placed.indices.last, placed[last] > range.upperBound {
      placed[last] = max(range.upperBound, range.lowerBound + Double(last) * gap)
      for k in placed.indices.dropLast().reversed() {
        placed[k] = min(placed[k], placed[k + 1] - gap)
      }
    }
    var result = wanted
    for (k, index) in order.enumerated() { result[index] = placed[k] }
    return result
  }
}
