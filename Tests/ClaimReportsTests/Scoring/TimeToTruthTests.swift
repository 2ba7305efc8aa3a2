import ClaimLedger
import ClaimReports
import Foundation
import Testing

@Suite struct TimeToTruthTests {
  @Test func openClaimsAreCensoredNotFailures() {
    let row = TimeToTruth(
      kind: "acquisition",
      observations: [
        .cameTrue(days: 10, lead: 20), .cameTrue(days: 30, lead: -5), .open(days: 20), .never,
        .cameTrue(days: 30, lead: 40),
      ])
    #expect(row.claims == 5 && row.cameTrue == 3 && row.open == 1)
    // Day 10: 5 at risk, 1 comes true: S = 4/5. Day 30: the one before and the open claim
    // censored on day 20 are out, 3 at risk, 2 come true: S = 0.8 · (1 − 2/3) = 0.2667.
    // Counting the open claim as a failure would give 0.8 · (1 − 2/4) = 0.4 instead.
    #expect(row.curve.map(\.day) == [10, 30])
    #expect(abs(row.curve[0].share - 0.2) < 1e-12)
    #expect(abs(row.curve[1].share - (1 - 0.8 / 3)) < 1e-12)
    #expect(row.share(within: 5) == 0 && abs((row.share(within: 29) ?? 0) - 0.2) < 1e-12)
    // Leads −5, 20, 40: median 20.
    #expect(row.medianDaysBeforeDeadline == 20)
  }

  /// 4 claims said the same day: 1 true on day 10, 3 open, censored on day 28. The estimate
  /// ends on day 28: the share within 90 or 365 days is unknown, not 25 %. A claim settled
  /// false is followed for good, and one come true on the last day leaves nothing censored
  /// after it: the estimate then goes on.
  @Test func theEstimateEndsWhereTheClaimsWereLastFollowed() {
    let row = TimeToTruth(
      kind: "launch",
      observations: [
        .cameTrue(days: 10, lead: nil), .open(days: 28), .open(days: 28), .open(days: 28),
      ])
    #expect(row.share(within: 28) == 0.25 && row.followedFor == 28)
    #expect(row.share(within: 90) == nil && row.share(within: 365) == nil)
    let withFalse = TimeToTruth(
      kind: "launch", observations: [.cameTrue(days: 10, lead: nil), .open(days: 28), .never])
    #expect(withFalse.followedFor == nil && withFalse.share(within: 365) != nil)
    let trueLast = TimeToTruth(
      kind: "launch", observations: [.open(days: 5), .cameTrue(days: 28, lead: nil)])
    #expect(trueLast.followedFor == nil && trueLast.share(within: 365) == 1)
  }

  @Test func anEvenNumberOfLeadsTakesTheMeanOfTheMiddleTwo() {
    let row = TimeToTruth(
      kind: "launch", observations: [.cameTrue(days: 1, lead: 10), .cameTrue(days: 2, lead: 15)])
    #expect(row.medianDaysBeforeDeadline == 12.5 && row.share(within: 2) == 1)
  }

  /// Today 2026-03-01; every claim said 2025-01-10.
  static let specs: [ClaimSpec] = [
    // True on 2025-03-01: 50 days after said, 305 days before its deadline.
    .init(text: "Acme acquires Beta", outcome: .true, resolvedOn: "2025-03-01"),
    .init(text: "Acme acquires Gamma", outcome: .false),
    .init(text: "Acme acquires Delta", deadline: "2026-12-31"),
    // True on its deadline day, 355 days after said.
    .init(text: "Snow falls in May", outcome: .true, resolvedOn: "2025-12-31"),
  ]

  @Test func theScorecardReadsEachKindOfClaim() throws {
    let card = try TestLedger.card(TimeToTruthTests.specs, TestLedger.builder())
    #expect(card.timeToTruth.map(\.kind) == ["acquisition", "other"])
    let acquisitions = card.timeToTruth[0]
    // 3 at risk on day 50, one comes true: 1/3; the open one is censored on day 415.
    #expect(acquisitions.curve.map(\.day) == [50])
    #expect(abs((acquisitions.curve.first?.share ?? 0) - 1.0 / 3) < 1e-12)
    #expect(acquisitions.open == 1 && acquisitions.medianDaysBeforeDeadline == 305)
    let markdown = MarkdownRenderer().render(card)
    #expect(markdown.contains("| acquisition | 3 | 1 | 1 | 305 | 33% | 33% |"))
    #expect(markdown.contains("| other | 1 | 1 | 0 | 0 | 0% | 100% |"))
    let html = HTMLRenderer().render(card)
    #expect(html.contains("<h2>Time to truth</h2>"))
    #expect(html.contains("<title>Time to truth: share of claims come true by days since"))
    #expect(html.contains("acquisition: 33% by day 50; other: 100% by day 355"))
    let json = JSONRenderer().render(card)
    let top = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let rows = try #require(top["time_to_truth"] as? [[String: Any]])
    #expect(rows.first?["within_90_days"] as? Double == 0.3333)
    #expect((rows.last?["curve"] as? [[String: Any]])?.first?["day"] as? Int == 355)
  }
}
