import ClaimLedger
import Foundation
import Testing

@testable import ClaimReports

/// An empty ledger, and one year with no claims, in every format.
struct EmptyCase: Sendable, CustomTestStringConvertible {
  let year: Int?
  var testDescription: String { year.map { "year \($0)" } ?? "all years" }
}

@Suite struct RendererContentTests {
  static let emptyCases: [EmptyCase] = [.init(year: nil), .init(year: 2031)]

  @Test(arguments: emptyCases)
  func anEmptyScorecardIsValidAndFriendly(_ c: EmptyCase) throws {
    let specs: [ClaimSpec] = c.year == nil ? [] : ScorecardBuilderTests.specs
    let card = try TestLedger.card(specs, TestLedger.builder(year: c.year))
    #expect(card.totals.counts.claims == 0)
    let json = JSONRenderer().render(card)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect((object["sources"] as? [Any])?.isEmpty == true)
    #expect(object["decomposition"] is NSNull)
    #expect(!json.lowercased().contains("nan"))
    #expect(CSVParsing.rows(CSVRenderer().render(card)).count == 1)
    let markdown = MarkdownRenderer().render(card)
    #expect(markdown.contains("No open or resolved claims fall in this scorecard yet."))
    let html = HTMLRenderer().render(card)
    #expect(html.contains("No open or resolved claims fall in this scorecard yet."))
    #expect(html.hasSuffix("</html>\n"))
  }

  /// A scorecard built before the ledger's digest is known and named afterwards is the one
  /// built with it, in every format.
  @Test func namingTheLedgerLaterChangesOnlyTheDigest() throws {
    let card = try ScorecardBuilderTests.card()
    let digest = String(repeating: "cd", count: 32)
    let named = card.naming(ledgerSHA256: digest)
    #expect(named.ledgerSHA256 == digest)
    let renderers: [(Scorecard) -> String] = [
      JSONRenderer().render, CSVRenderer().render, MarkdownRenderer().render,
      HTMLRenderer().render,
    ]
    for render in renderers {
      let expected = render(card).replacingOccurrences(of: card.ledgerSHA256, with: digest)
      #expect(render(named) == expected)
    }
    #expect(JSONRenderer().render(named).contains("\"ledger\":\"\(digest)\""))
  }

  /// No object of the JSON has a key twice (the hedge table's version and its words once
  /// shared one), in a full scorecard and in an empty one.
  @Test func jsonHasNoKeyTwiceInAnyObject() throws {
    #expect(
      DuplicateKeys.find(in: #"{"a":{"b":1,"c":[{"b":2}]},"b":"a:","d":{"a":1,"a":2}}"#) == ["a"])
    let full = JSONRenderer().render(try HedgeInsightTests.card())
    let empty = JSONRenderer().render(try ScorecardBuilderTests.card())
    for json in [full, empty] {
      #expect(DuplicateKeys.find(in: json) == [])
    }
    #expect(full.contains("\"hedge_table\":\"") && full.contains("\"hedge_words\":["))
  }

  /// The side files a scorecard was made with are named beside the ledger in every format
  /// that states where it came from; without any, JSON has an empty object.
  @Test func sideFilesAreNamedWithTheLedger() throws {
    let card = try ScorecardBuilderTests.card()
    let digest = String(repeating: "ef", count: 32)
    let named = card.naming(
      ledgerSHA256: card.ledgerSHA256, sideFiles: [SideFile(name: "sources.json", sha256: digest)])
    #expect(JSONRenderer().render(named).contains(#""side_files":{"sources.json":"\#(digest)"}"#))
    #expect(JSONRenderer().render(card).contains(#""side_files":{}"#))
    #expect(MarkdownRenderer().render(named).contains("sources.json SHA-256 \(digest)."))
    #expect(HTMLRenderer().render(named).contains("sources.json SHA-256 <code>\(digest)</code>"))
    #expect(!MarkdownRenderer().render(card).contains("sources.json"))
  }

  /// Markdown and HTML show each ranked source's share of true claims that came true early,
  /// and the Brier score of those too few to rank, as the JSON and CSV do.
  @Test func earlyShareAndUnrankedBrierAreShownInEveryFormat() throws {
    let card = try ScorecardBuilderTests.card()
    let alice = try #require(card.ranked.first)
    let bob = try #require(card.unranked.first)
    let early = Figure.percent(alice.earlyShare)
    let brier = Figure.score(bob.figures.brier)
    #expect(early == "100%" && brier != "—")
    let markdown = MarkdownRenderer().render(card)
    #expect(markdown.contains("| True early |"))
    #expect(markdown.contains("| \(early) |"))
    #expect(markdown.contains("| Bob | 2 | 2 |") && markdown.contains(" | \(brier) | "))
    let html = HTMLRenderer().render(card)
    #expect(html.contains("<th class=\"num wide\">True early</th>"))
    #expect(html.contains("<td class=\"num wide\">\(early)</td></tr>"))
    #expect(html.contains("<td class=\"num\">\(brier)</td><td class=\"num wide\">"))
  }

  /// A long run of years is labelled every few years and at its end, not only at its two
  /// ends; the figures behind the charts are in a table under them.
  @Test func yearsAreLabelledAcrossALongSpanAndTabled() throws {
    let specs = (2015...2026).map { year in
      ClaimSpec(
        text: "c\(year)", said: "2014-01-01", deadline: "\(year)-06-30", outcome: .true,
        resolvedOn: "\(year)-07-01")
    }
    let card = try TestLedger.card(specs, TestLedger.builder(today: "2026-12-01"))
    let html = HTMLRenderer().render(card)
    for year in [2015, 2017, 2019, 2021, 2023, 2026] {
      #expect(html.contains(">\(year)</text>"), "label \(year)")
    }
    #expect(!html.contains(">2025</text>") && !html.contains(">2016</text>"))
    #expect(html.contains("<summary>Figures by year</summary>"))
    #expect(html.contains("<td class=\"name\">Alice</td><td class=\"num\">2019</td>"))
  }

  @Test func jsonKeepsTheContractKeysInOrder() throws {
    let card = try ScorecardBuilderTests.card()
    let json = JSONRenderer().render(card)
    let order = [
      "\"year\":null", "\"by\":\"due\"", "\"generated\":\"2026-03-01\"", "\"ledger\":",
      "\"totals\":", "\"sources\":", "\"calibration\":", "\"by_year\":", "\"best_calls\":",
      "\"worst_misses\":", "\"pending\":[", "\"overdue\":[",
    ]
    let positions = try order.map { key in
      try #require(json.range(of: key)?.lowerBound, "missing \(key)")
    }
    #expect(positions == positions.sorted())
    let source = [
      "\"source\":\"Alice\"", "\"claims\":8", "\"resolved\":5", "\"true\":1", "\"partial\":1",
      "\"false\":2", "\"void\":1", "\"pending\":1", "\"overdue\":1", "\"accuracy\":0.3750",
      "\"accuracy_low\":0.0919", "\"accuracy_high\":0.7806", "\"brier\":0.1625",
      "\"brier_skill\":0.3500", "\"shrunk_accuracy\":0.4375", "\"boldness\":0.5000",
      "\"rank\":1",
    ]
    #expect(json.contains(source.joined(separator: ",")))
    #expect(json.contains("\"source\":\"Bob\""))
    #expect(json.contains("\"brier_skill\":-0.6400,\"shrunk_accuracy\":0.5000"))
    #expect(json.contains("\"rank\":null"))
    #expect(json.contains("\"waiting_for_deadline\":1"))
  }

  @Test func markdownShowsEverySection() throws {
    let text = MarkdownRenderer().render(try ScorecardBuilderTests.card())
    for heading in [
      "# Forecast scorecard, all years", "## Summary", "## Leaderboard",
      "## Too few resolved to rank", "## Calibration", "## Accuracy over the years",
      "## Best calls", "## Worst misses", "## Overdue", "## Pending", "## How to read this",
    ] {
      #expect(text.contains("\n" + heading + "\n") || text.hasPrefix(heading + "\n"), "\(heading)")
    }
    #expect(text.contains("| 1 | Alice | 4 | 38% (9–78%) | 0.163 | +0.35 | 44% |"))
    #expect(text.contains(String(repeating: "ab", count: 32)))
    #expect(text.contains("1 resolved claim waits for its deadline"))
    #expect(text.contains("“a1 quote”") && text.contains("https://example.com/a1"))
  }

  /// A claim under 50% calls the opposite of its words: a false one at 20% is a best call and
  /// a true one a miss, and the rows say how each came out beside its confidence.
  @Test func callsUnderHalfShowTheirOutcome() throws {
    let card = try TestLedger.card(
      [
        ClaimSpec(text: "Kite lists in 2025", confidence: 0.2, outcome: .false),
        ClaimSpec(text: "Zorvex ships in 2025", confidence: 0.2, outcome: .true),
      ], try TestLedger.builder())
    #expect(card.bestCalls.map(\.text) == ["Kite lists in 2025"])
    #expect(card.worstMisses.map(\.text) == ["Zorvex ships in 2025"])
    let markdown = MarkdownRenderer().render(card)
    #expect(markdown.contains("| Kite lists in 2025 | Alice | 20% | false |"))
    #expect(markdown.contains("| Zorvex ships in 2025 | Alice | 20% | true |"))
    #expect(markdown.contains("claims said with less than 50% that did not."))
    let html = HTMLRenderer().render(card)
    #expect(html.contains("said 20% on 2025-01-10 · came out false"))
    #expect(html.contains("said 20% on 2025-01-10 · came out true"))
  }

  @Test func htmlIsSelfContainedWithLabelledCharts() throws {
    let text = HTMLRenderer().render(try ScorecardBuilderTests.card())
    #expect(!text.contains("<script") && !text.contains("<link") && !text.contains("src="))
    #expect(!text.contains("@import") && !text.contains("url("))
    let charts = text.components(separatedBy: "<svg").count - 1
    #expect(charts >= 3)
    #expect(text.components(separatedBy: "<title>").count - 1 == charts + 1)
    #expect(text.components(separatedBy: "role=\"img\" aria-label=").count - 1 == charts)
    #expect(text.contains("@media print") && text.contains("name=\"viewport\""))
    #expect(text.contains("<a href=\"https://example.com/a1\""))
  }

  /// The calibration chart's text alternative counts each bin in words: one claim, two claims.
  @Test func theCalibrationAlternativeCountsInWords() throws {
    let specs: [ClaimSpec] = [
      .init(text: "alone", confidence: 0.15, outcome: .false),
      .init(text: "pair one", confidence: 0.85, outcome: .true),
      .init(text: "pair two", confidence: 0.85, outcome: .false),
    ]
    let html = HTMLRenderer().render(try TestLedger.card(specs, TestLedger.builder()))
    #expect(html.contains("10%–20%: 1 claim, mean confidence"), "\(html)")
    #expect(html.contains("80%–90%: 2 claims, mean confidence"))
  }
}
