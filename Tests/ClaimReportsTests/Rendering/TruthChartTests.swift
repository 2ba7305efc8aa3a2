import ClaimLedger
import Foundation
import Testing

@testable import ClaimReports

/// A maximum day and the axis ticks it should get.
struct TickCase: Sendable, CustomTestStringConvertible {
  let maximum: Int
  let ticks: [Int]
  var testDescription: String { "up to \(maximum)" }
}

@Suite struct TruthChartTests {
  static let kinds = [
    "acquisition", "merger", "listing", "launch", "figure", "regulation", "departure", "other",
  ]

  /// Every kind came true, each on its own day near the same end.
  static func rows(endingTogether days: [Int]) -> [TimeToTruth] {
    zip(kinds, days).map { kind, day in
      TimeToTruth(kind: kind, observations: [.cameTrue(days: day, lead: 50)])
    }
  }

  /// The numbers of `attribute` on each `<text>` whose content is one of `words`.
  static func textAttribute(_ attribute: String, in svg: String, for words: [String]) -> [Double] {
    svg.components(separatedBy: "<text ").dropFirst().compactMap { element in
      guard let close = element.firstIndex(of: ">") else { return nil }
      let content = element[element.index(after: close)...].prefix { $0 != "<" }
      guard words.contains(String(content)) else { return nil }
      let value = element.components(separatedBy: "\(attribute)=\"").dropFirst().first?
        .prefix { $0 != "\"" }
      return value.flatMap { Double($0) }
    }
  }

  /// Eight lines that all end at 100% get eight labels, each at least a line of text from
  /// the next, where they once alternated between two heights.
  @Test func labelsOfLinesEndingTogetherNeverOverlap() throws {
    let svg = HTMLCharts.truthChart(
      Self.rows(endingTogether: [120, 122, 123, 121, 125, 126, 124, 127]))
    let ys = Self.textAttribute("y", in: svg, for: Self.kinds).sorted()
    #expect(ys.count == 8)
    for (upper, lower) in zip(ys, ys.dropFirst()) {
      #expect(lower - upper >= HTMLCharts.TruthFrame.fontSize, "\(upper) and \(lower)")
    }
    #expect((ys.last ?? .infinity) < HTMLCharts.TruthFrame.height)
    #expect(
      svg
        == HTMLCharts.truthChart(
          Self.rows(endingTogether: [120, 122, 123, 121, 125, 126, 124, 127])))
  }

  @Test func labelsMoveOnlyAsFarAsTheyMust() {
    let spread = HTMLCharts.spread
    #expect(spread([10, 10, 10], 14, 10...180) == [10, 24, 38])
    #expect(spread([180, 180], 14, 10...180) == [166, 180])
    #expect(spread([50, 100], 14, 10...180) == [50, 100])
    // Equal wishes keep their order; the order of the input is kept in the output.
    #expect(spread([100, 20, 100], 14, 10...180) == [100, 20, 114])
  }

  static let tickCases: [TickCase] = [
    .init(maximum: 127, ticks: [0, 25, 50, 75, 100, 125, 150]),
    .init(maximum: 49, ticks: [0, 10, 20, 30, 40, 50, 60]),
    .init(maximum: 30, ticks: [0, 10, 20, 30, 40]),
    .init(maximum: 365, ticks: [0, 100, 200, 300, 400, 500]),
    .init(maximum: 1000, ticks: [0, 200, 400, 600, 800, 1000, 1200]),
  ]

  /// Round steps, the last tick past the last event by at least a tenth of it.
  @Test(arguments: tickCases)
  func ticksAreRoundWithHeadroom(_ c: TickCase) {
    let ticks = HTMLCharts.roundTicks(upTo: c.maximum)
    #expect(ticks == c.ticks)
    #expect(Double(ticks.last ?? 0) >= Double(c.maximum) * 1.1)
  }

  @Test func theAxisIsLabelledWithItsRoundTicks() {
    let svg = HTMLCharts.truthChart(Self.rows(endingTogether: [100, 127]))
    let ticks = Self.textAttribute("x", in: svg, for: ["0", "25", "50", "75", "100", "125", "150"])
    #expect(ticks.count == 7)
    #expect(!svg.contains(">63</text>") && !svg.contains(">127</text>"))
  }

  /// Scaled to a phone's 358-pixel column, no text of the chart falls below 10 pixels.
  @Test func textStaysLegibleOnAPhone() throws {
    let svg = HTMLCharts.truthChart(Self.rows(endingTogether: [40, 90]))
    let width = try #require(
      svg.components(separatedBy: "viewBox=\"0 0 ").dropFirst().first?.split(separator: " ").first
        .flatMap { Double($0) })
    let sizes = svg.components(separatedBy: "font-size=\"").dropFirst().compactMap {
      Double($0.prefix { $0 != "\"" })
    }
    #expect(!sizes.isEmpty)
    #expect((sizes.min() ?? 0) * 358 / width >= 10)
    #expect(HTMLStyle.css.contains(".truth{max-width:30rem}"))
  }
}
