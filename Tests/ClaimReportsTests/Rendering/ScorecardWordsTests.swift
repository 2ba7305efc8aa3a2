import ClaimLedger
import ClaimReports
import Foundation
import Testing

/// A `--min-resolved` and how the pages word the groups it leaves unranked.
struct MinimumCase: Sendable, CustomTestStringConvertible {
  let minimum: Int
  let unranked: String
  let ranked: String
  var testDescription: String { "--min-resolved \(minimum)" }
}

@Suite struct ScorecardWordsTests {
  /// Alice has four scored claims, Carol one open claim and nothing scored.
  static let specs: [ClaimSpec] =
    ScorecardBuilderTests.specs + [.init(text: "c1", source: "Carol", deadline: "2026-12-31")]

  static let minimumCases: [MinimumCase] = [
    .init(
      minimum: 0,
      unranked: "No minimum is set, but these have no scored claim yet, so nothing ranks them.",
      ranked: "no minimum is set, but only sources with at least one scored claim"),
    .init(
      minimum: 1, unranked: "No scored claim yet.",
      ranked: "only sources with at least one scored claim"),
    .init(
      minimum: 5, unranked: "Fewer than 5 scored claims each.",
      ranked: "only sources with at least 5 scored claims"),
  ]

  @Test(arguments: minimumCases)
  func theMinimumIsWordedForEveryCount(_ c: MinimumCase) throws {
    let card = try TestLedger.card(Self.specs, TestLedger.builder(minResolved: c.minimum))
    #expect(card.unranked.contains { $0.name == "Carol" })
    let markdown = MarkdownRenderer().render(card)
    let html = HTMLRenderer().render(card)
    #expect(markdown.contains("## Too few resolved to rank\n\n\(c.unranked)\n"))
    #expect(html.contains("<p class=\"note\">\(c.unranked)</p>"))
    #expect(markdown.contains("- **Ranked**: \(c.ranked) (resolved and not void)"))
    #expect(html.contains("<dd>\(c.ranked) (resolved and not void)"))
    for page in [markdown, html] {
      #expect(!page.contains("than 0 ") && !page.contains("than 1 "))
      #expect(!page.contains("least 0 ") && !page.contains("least 1 "))
      #expect(!page.contains(" in 0 scored") && !page.contains(" in 1 scored"))
    }
  }

  /// Nobody ranked: a minimum below two asks for a scored claim, not for "0 scored claims".
  @Test func nobodyRankedNamesTheClaimsNeeded() throws {
    let specs: [ClaimSpec] = [.init(text: "open one", deadline: "2026-12-31")]
    let none = try TestLedger.card(specs, TestLedger.builder(minResolved: 0))
    #expect(
      MarkdownRenderer().render(none).contains(
        "No source has a scored claim yet, so nobody is ranked."))
    let five = try TestLedger.card(specs, TestLedger.builder(minResolved: 5))
    #expect(
      HTMLRenderer().render(five).contains(
        "No source has 5 scored claims yet, so nobody is ranked."))
  }

  /// The shrunk accuracy divides by the scored claims, as the code does, and the tie-break
  /// is stated in both formats.
  @Test func shrunkAccuracyAndItsTieBreakAreStated() throws {
    let card = try ScorecardBuilderTests.card()
    let formula = "(successes + 2) / (scored + 4)"
    let ties =
      "equal shrunk accuracies are ordered by Brier score (lower first), then by more scored "
      + "claims, then by name."
    for page in [MarkdownRenderer().render(card), HTMLRenderer().render(card)] {
      #expect(page.contains(formula) && page.contains(ties))
      #expect(!page.contains("resolved + 4"))
    }
  }

  /// Grouped by outlet, a claim with no outlet counts under its source, and the pages say so;
  /// the JSON keeps the key `source` for the group's name and the CSV heads it `via`.
  @Test func groupingByOutletExplainsClaimsWithoutOne() throws {
    let specs: [ClaimSpec] = [
      .init(text: "v1", source: "Alice", via: "Paper X", outcome: .true),
      .init(text: "v2", source: "Bob", outcome: .false),
    ]
    let card = try TestLedger.card(specs, TestLedger.builder(minResolved: 1, grouping: .via))
    #expect(Set(card.ranked.map(\.name)) == ["Paper X", "Bob"])
    let sentence = "A claim with no outlet was published by its source, so it counts under the "
    #expect(MarkdownRenderer().render(card).contains("- **Outlet**: the outlet that published"))
    #expect(MarkdownRenderer().render(card).contains(sentence))
    #expect(HTMLRenderer().render(card).contains("<dt>Outlet</dt><dd>the outlet that published"))
    let json = JSONRenderer().render(card)
    #expect(json.contains("\"group\":\"via\"") && json.contains("\"source\":\"Bob\""))
    #expect(CSVRenderer().render(card).hasPrefix("via,rank,"))
    let bySource = try TestLedger.card(specs, TestLedger.builder(minResolved: 1))
    #expect(!MarkdownRenderer().render(bySource).contains(sentence))
  }
}
