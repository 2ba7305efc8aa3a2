import ClaimLedger
import ClaimReports
import SplitMix
import Testing

@Suite struct CensoringTests {
  /// Resolved true on 2026-01-15, due 2026-06-30.
  static let early: [ClaimSpec] = [
    .init(text: "early", deadline: "2026-06-30", outcome: .true, resolvedOn: "2026-01-15")
  ]

  @Test func aClaimResolvedBeforeItsDeadlineWaitsUntilTheDeadlinePasses() throws {
    let before = try TestLedger.card(CensoringTests.early, TestLedger.builder(today: "2026-03-01"))
    #expect(before.waitingForDeadline == 1)
    #expect(before.totals.counts.resolved == 0 && before.totals.figures.scored == 0)
    #expect(before.bestCalls.isEmpty && before.calibration.allSatisfy { $0.count == 0 })
    let onTheDay = try TestLedger.card(
      CensoringTests.early, TestLedger.builder(today: "2026-06-30"))
    #expect(onTheDay.waitingForDeadline == 1)
    let after = try TestLedger.card(CensoringTests.early, TestLedger.builder(today: "2026-07-01"))
    #expect(after.waitingForDeadline == 0 && after.totals.figures.scored == 1)
    #expect(after.totals.earlyShare == 1)
  }

  /// A claim voided before its deadline (retracted, a duplicate) has nothing to wait for: it
  /// counts as void at once, in the void rate, and never as waiting. Two voids of two claims:
  /// void rate 2 / 2 = 1.
  @Test func aClaimVoidedBeforeItsDeadlineIsVoidAtOnce() throws {
    let specs: [ClaimSpec] = [
      .init(text: "retracted", deadline: "2026-12-31", outcome: .void, resolvedOn: "2026-01-05"),
      .init(text: "duplicate", deadline: "2026-12-31", outcome: .void, resolvedOn: "2026-01-06"),
    ]
    let card = try TestLedger.card(specs, TestLedger.builder(today: "2026-03-01"))
    #expect(card.waitingForDeadline == 0 && card.totals.counts.waiting == 0)
    #expect(card.totals.counts.void == 2 && card.totals.figures.scored == 0)
    #expect(card.totals.voidRate == 1)
  }

  @Test func aClaimWithNoDeadlineCountsOnceResolved() throws {
    let specs: [ClaimSpec] = [.init(text: "open-ended", deadline: nil, outcome: .false)]
    let card = try TestLedger.card(specs, TestLedger.builder())
    #expect(card.totals.figures.scored == 1 && card.waitingForDeadline == 0)
    #expect(card.totals.earlyShare == nil)
  }

  /// With no deadline, a claim falls due when it is resolved: it is filed under that year, in
  /// the year's scorecard and in the rows over the years, which then add up to the total; an
  /// open one is in no year.
  @Test func aClaimWithNoDeadlineIsFiledUnderTheYearItWasResolved() throws {
    let specs: [ClaimSpec] = [
      .init(text: "dated", deadline: "2025-12-31", outcome: .true),
      .init(text: "open-ended", deadline: nil, outcome: .false, resolvedOn: "2025-05-01"),
      .init(text: "still open", deadline: nil),
    ]
    let all = try TestLedger.card(specs, TestLedger.builder(minResolved: 1))
    #expect(all.byYear.map(\.year) == [2025])
    #expect(all.byYear.first?.counts.resolved == 2 && all.totals.counts.resolved == 2)
    let year = try TestLedger.card(specs, TestLedger.builder(year: 2025, minResolved: 1))
    #expect(year.totals.figures.scored == 2 && year.totals.counts.claims == 2)
    let next = try TestLedger.card(specs, TestLedger.builder(year: 2026, minResolved: 1))
    #expect(next.totals.counts.claims == 0)
  }

  @Test func openClaimsArePendingUntilTheDeadlineThenOverdue() throws {
    let specs: [ClaimSpec] = [
      .init(text: "due today", deadline: "2026-03-01"),
      .init(text: "due yesterday", deadline: "2026-02-28"),
      .init(text: "no deadline", deadline: nil),
    ]
    let card = try TestLedger.card(specs, TestLedger.builder(today: "2026-03-01"))
    #expect(card.totals.counts.pending == 2 && card.totals.counts.overdue == 1)
    #expect(card.pending.lines.map(\.text) == ["due today", "no deadline"])
    #expect(card.overdue.lines.map(\.text) == ["due yesterday"])
  }

  @Test func proposedAndRejectedClaimsAreLeftOut() throws {
    let specs: [ClaimSpec] = [
      .init(text: "proposed", status: .proposed), .init(text: "rejected", status: .rejected),
    ]
    let card = try TestLedger.card(specs, TestLedger.builder())
    #expect(card.totals.counts.claims == 0 && card.ranked.isEmpty && card.unranked.isEmpty)
  }
}

@Suite struct GroupingTests {
  @Test func viaFallsBackToTheSource() throws {
    let specs: [ClaimSpec] = [
      .init(text: "relayed", source: "Alice", via: "36氪"), .init(text: "direct", source: "Alice"),
    ]
    let card = try TestLedger.card(specs, TestLedger.builder(grouping: .via))
    #expect(card.unranked.map(\.name).sorted() == ["36氪", "Alice"])
  }

  @Test func aClaimCountsOncePerDistinctTagAndOnceInTotals() throws {
    let specs: [ClaimSpec] = [
      .init(text: "tagged", tags: ["ai", "deals", "ai"], outcome: .true),
      .init(text: "untagged", outcome: .false),
    ]
    let card = try TestLedger.card(specs, TestLedger.builder(minResolved: 1, grouping: .tag))
    let names = (card.ranked + card.unranked).map(\.name).sorted()
    #expect(names == [Grouping.untagged, "ai", "deals"])
    #expect(card.ranked.first { $0.name == "ai" }?.counts.claims == 1)
    #expect(card.totals.counts.claims == 2)
  }

  /// `ai` and `AI` are one topic, as `list --tag ai` finds both, named by the first spelling:
  /// Brier (0.04 + 0.01 + 0.49) / 3 = 0.18 over 3 scored claims; a claim tagged both ways
  /// counts once.
  @Test func tagsThatDifferOnlyInCaseAreOneTopic() throws {
    let specs: [ClaimSpec] = [
      .init(text: "one", tags: ["ai"], confidence: 0.8, outcome: .true),
      .init(text: "two", tags: ["AI", "ai"], confidence: 0.9, outcome: .true),
      .init(text: "three", tags: ["AI"], confidence: 0.7, outcome: .false),
    ]
    let card = try TestLedger.card(specs, TestLedger.builder(minResolved: 1, grouping: .tag))
    #expect((card.ranked + card.unranked).map(\.name) == ["ai"])
    let topic = try #require(card.ranked.first)
    #expect(topic.counts.claims == 3 && topic.figures.scored == 3)
    #expect(abs((topic.figures.brier ?? 0) - 0.18) < 1e-12)
  }

  @Test func aliasesAreMergedBeforeGrouping() throws {
    let specs: [ClaimSpec] = [
      .init(text: "one", source: "The Information", outcome: .true),
      .init(text: "two", source: "《The Information》", outcome: .true),
    ]
    let aliases = try SourceAliases(aliases: ["The Information": ["《The Information》"]])
    let builder = ScorecardBuilder(
      year: nil, by: .due, today: try TestLedger.day("2026-03-01"), minResolved: 1,
      aliases: aliases, ledgerSHA256: "")
    let card = builder.build(from: try TestLedger.records(specs))
    #expect(card.ranked.map(\.name) == ["The Information"])
    #expect(card.ranked.first?.counts.claims == 2)
    #expect(card.bestCalls.map(\.source) == ["The Information", "The Information"])
  }

  @Test func trackRecordsCoverEverySourceOverAllYears() throws {
    let records = try TestLedger.records(ScorecardBuilderTests.specs)
    let tracks = ScorecardBuilder.trackRecords(
      from: records, today: try TestLedger.day("2026-03-01"), minResolved: 4)
    #expect(tracks.map(\.name) == ["Alice", "Bob"])
    #expect(tracks.map(\.rank) == [1, nil])
  }
}

/// Whole-scorecard properties over random ledgers.
@Suite struct ScorecardPropertyTests {
  static func randomSpecs(seed: UInt64) -> [ClaimSpec] {
    var random = SplitMix64(seed: seed)
    let sources = ["Alice", "Bob", "36氪", "Carol"]
    return (0..<Int.random(in: 0...80, using: &random)).map { index in
      let year = Int.random(in: 2024...2027, using: &random)
      let outcome: Outcome? =
        Int.random(in: 0...3, using: &random) == 0
        ? nil : Outcome.allCases[Int.random(in: 0..<4, using: &random)]
      return ClaimSpec(
        text: "claim \(index)", source: sources[Int.random(in: 0..<4, using: &random)],
        tags: Bool.random(using: &random) ? ["x"] : [],
        deadline: Bool.random(using: &random) ? "\(year)-06-30" : nil,
        confidence: Double(Int.random(in: 0...20, using: &random)) / 20, outcome: outcome,
        resolvedOn: "2025-02-01")
    }
  }

  @Test(arguments: Array(UInt64(1)...25))
  func countsAddUpAndFiguresStayInRange(_ seed: UInt64) throws {
    let card = try TestLedger.card(
      ScorecardPropertyTests.randomSpecs(seed: seed), TestLedger.builder(minResolved: 3))
    let totals = card.totals.counts
    #expect(totals.claims == totals.resolved + totals.waiting + totals.pending + totals.overdue)
    let rows = card.ranked + card.unranked
    #expect(rows.map(\.counts.claims).reduce(0, +) == totals.claims)
    #expect(card.calibration.map(\.count).reduce(0, +) == card.totals.figures.scored)
    for row in rows {
      #expect((0...1).contains(row.figures.brier ?? 0))
      if let accuracy = row.figures.accuracy, let interval = row.figures.accuracyInterval {
        #expect(interval.contains(accuracy))
      }
      #expect((row.rank != nil) == (row.figures.scored >= 3))
    }
    if let parts = card.decomposition, let brier = card.totals.figures.brier {
      #expect(abs(parts.reliability - parts.resolution + parts.uncertainty - brier) < 1e-9)
    }
  }
}
