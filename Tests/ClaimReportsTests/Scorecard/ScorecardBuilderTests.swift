import ClaimLedger
import ClaimReports
import Testing

@Suite struct ScorecardBuilderTests {
  /// Today is 2026-03-01. Alice: four scored (true early, false, partial, false), one void, one
  /// overdue, one pending, one resolved but waiting, one proposed. Bob: two scored.
  static let specs: [ClaimSpec] = [
    .init(
      text: "a1", deadline: "2025-06-30", confidence: 0.8, outcome: .true,
      resolvedOn: "2025-03-01", evidence: "https://example.com/a1", quote: "a1 quote"),
    .init(text: "a2", confidence: 0.6, outcome: .false),
    .init(text: "a3", confidence: 0.9, outcome: .partial),
    .init(text: "a4", confidence: 0.3, outcome: .false),
    .init(text: "a5", confidence: 0.7, outcome: .void),
    .init(text: "a6", deadline: "2025-12-31"),
    .init(text: "a7", deadline: "2026-12-31"),
    .init(text: "a8", deadline: "2026-12-31", outcome: .true, resolvedOn: "2026-02-01"),
    .init(text: "a9", status: .proposed),
    .init(text: "b1", source: "Bob", confidence: 0.9, outcome: .true),
    .init(text: "b2", source: "Bob", deadline: "2024-12-31", confidence: 0.9, outcome: .false),
  ]

  static func card(year: Int? = nil, by: ScorecardBasis = .due) throws -> Scorecard {
    try TestLedger.card(specs, TestLedger.builder(year: year, by: by, minResolved: 4))
  }

  @Test func countsEachGroupByWhereItsClaimsStand() throws {
    let card = try ScorecardBuilderTests.card()
    let alice = try #require(card.ranked.first)
    #expect(alice.name == "Alice" && alice.rank == 1)
    // a1…a8 (a9 is proposed); a1…a5 resolved past the deadline; a8 waits.
    let counts = alice.counts
    #expect(counts.claims == 8 && counts.resolved == 5 && counts.true == 1 && counts.partial == 1)
    #expect(counts.false == 2 && counts.void == 1 && counts.overdue == 1 && counts.pending == 1)
    #expect(counts.waiting == 1)
    // Same four forecasts as ScoreTallyTests: accuracy 0.375, Brier 0.1625, shrunk 0.4375.
    #expect(alice.figures.scored == 4)
    #expect(alice.figures.accuracy == 0.375)
    #expect(abs((alice.figures.brier ?? 0) - 0.1625) < 1e-12)
    #expect(alice.figures.shrunkAccuracy == 0.4375)
    // void rate 1 / 5; the one true claim came true before its deadline.
    #expect(alice.voidRate == 0.2)
    #expect(alice.earlyShare == 1)
  }

  /// A scorecard made with an earlier `--today` is the one that day would have given: a claim
  /// said later is not in it, and a resolution dated later was not known, so its claim is
  /// overdue (past its deadline) or pending, and listed without the outcome.
  @Test func anEarlierTodaySeesOnlyWhatWasKnownThen() throws {
    let specs: [ClaimSpec] = [
      .init(
        text: "settled later", said: "2025-01-10", deadline: "2025-06-30", confidence: 0.9,
        outcome: .false, resolvedOn: "2025-09-01", evidence: "https://example.com/later"),
      .init(text: "due later", said: "2025-01-10", deadline: "2025-12-31", outcome: .true),
      .init(text: "said later", said: "2025-08-01", deadline: "2025-10-31"),
    ]
    let then = try TestLedger.card(specs, TestLedger.builder(today: "2025-07-15"))
    #expect(then.totals.counts.claims == 2)
    #expect(then.totals.counts.resolved == 0 && then.totals.counts.false == 0)
    #expect(then.totals.counts.overdue == 1 && then.totals.counts.pending == 1)
    let overdue = try #require(then.overdue.lines.first)
    #expect(overdue.text == "settled later" && overdue.outcome == nil)
    #expect(overdue.resolvedOn == nil && overdue.evidence == nil)
    #expect(then.worstMisses.isEmpty)

    let later = try TestLedger.card(specs, TestLedger.builder(today: "2026-03-01"))
    #expect(later.totals.counts.claims == 3 && later.totals.counts.false == 1)
    #expect(later.worstMisses.map(\.text) == ["settled later"])
  }

  @Test func groupsBelowTheMinimumAreListedApartWithoutRank() throws {
    let card = try ScorecardBuilderTests.card()
    let bob = try #require(card.unranked.first)
    #expect(card.unranked.count == 1 && bob.name == "Bob" && bob.rank == nil)
    // (0.9 − 1)² + (0.9 − 0)² = 0.01 + 0.81 → Brier 0.41, skill 1 − 0.41 / 0.25 = −0.64.
    #expect(abs((bob.figures.brier ?? 0) - 0.41) < 1e-12)
    #expect(abs((bob.figures.brierSkill ?? 0) + 0.64) < 1e-12)
    // b1 was settled on its deadline day, not before it.
    #expect(bob.earlyShare == 0)
  }

  @Test func totalsCountEveryClaimOnce() throws {
    let totals = try ScorecardBuilderTests.card().totals
    #expect(totals.counts.claims == 10 && totals.counts.resolved == 7)
    // (1 + 0 + 0.5 + 0 + 1 + 0) / 6
    #expect(abs((totals.figures.accuracy ?? 0) - 2.5 / 6) < 1e-12)
    #expect(totals.rank == nil)
  }

  @Test func listsBestCallsWorstMissesAndOpenClaimsInOrder() throws {
    let card = try ScorecardBuilderTests.card()
    // Right calls: true above 50 %, b1 (0.9) and a1 (0.8), and false below it, a4 (0.3, a
    // call of 0.7 that it would not happen), surest first; wrong calls: false above 50 %,
    // b2 (0.9) then a2 (0.6).
    #expect(card.bestCalls.map(\.text) == ["b1", "a1", "a4"])
    #expect(card.worstMisses.map(\.text) == ["b2", "a2"])
    let a1 = try #require(card.bestCalls.first { $0.text == "a1" })
    #expect(a1.quote == "a1 quote" && a1.evidence == "https://example.com/a1")
    #expect(a1.resolvedOn == Day("2025-03-01") && a1.deadline == Day("2025-06-30"))
    #expect(card.pending.lines.map(\.text) == ["a7"] && card.pending.total == 1)
    #expect(card.overdue.lines.map(\.text) == ["a6"] && card.overdue.total == 1)
    #expect(card.waitingForDeadline == 1)
  }

  /// A claim at 5 % that came true was a sure call gone wrong, as sure as one at 95 % that did
  /// not: both are worst misses, the surer (the 5 % one) first.
  @Test func aConfidentCallAgainstTheWordsCountsToo() throws {
    let specs: [ClaimSpec] = [
      .init(text: "low", confidence: 0.05, outcome: .true),
      .init(text: "high", confidence: 0.9, outcome: .false),
      .init(text: "even", confidence: 0.5, outcome: .true),
    ]
    let card = try TestLedger.card(specs, TestLedger.builder(minResolved: 1))
    #expect(card.worstMisses.map(\.text) == ["low", "high"])
    #expect(card.bestCalls.isEmpty)
  }

  @Test func calibrationAndDecompositionCoverTheScoredClaims() throws {
    let card = try ScorecardBuilderTests.card()
    // 0.3 → bin 3, 0.6 → bin 6, 0.8 → bin 8, three 0.9s → bin 9.
    #expect(card.calibration.map(\.count) == [0, 0, 0, 1, 0, 0, 1, 0, 1, 3])
    // bin 9: partial, true, false → (0.5 + 1 + 0) / 3
    #expect(card.calibration[9].observed == 0.5)
    let parts = try #require(card.decomposition)
    #expect(parts.forecastValues == 4)
    #expect(abs(parts.brier - (card.totals.figures.brier ?? 0)) < 1e-12)
  }

  @Test func byYearFollowsTheLeaderboardOrderThenTheYear() throws {
    let rows = try ScorecardBuilderTests.card().byYear
    #expect(
      rows.map { "\($0.name) \($0.year)" } == [
        "Alice 2025", "Alice 2026", "Bob 2024", "Bob 2025",
      ])
    #expect(rows[0].counts.claims == 6 && rows[0].figures.scored == 4)
    #expect(rows[1].figures.scored == 0 && rows[1].figures.accuracy == nil)
  }

  @Test func aYearScorecardTakesOnlyClaimsDueThatYear() throws {
    let card = try ScorecardBuilderTests.card(year: 2026)
    // a7 (pending) and a8 (waiting): nothing scored, nobody ranked.
    #expect(card.year == 2026)
    #expect(card.totals.counts.claims == 2 && card.totals.figures.scored == 0)
    #expect(card.ranked.isEmpty && card.unranked.map(\.name) == ["Alice"])
    #expect(card.decomposition == nil && card.bestCalls.isEmpty)
  }

  @Test func bySaidTakesClaimsSaidThatYear() throws {
    // Every fixture claim was said on 2025-01-10.
    #expect(try ScorecardBuilderTests.card(year: 2025, by: .said).totals.counts.claims == 10)
    #expect(try ScorecardBuilderTests.card(year: 2024, by: .said).totals.counts.claims == 0)
  }

  @Test func sameLedgerGivesAnEqualScorecard() throws {
    #expect(try ScorecardBuilderTests.card() == ScorecardBuilderTests.card())
  }

  @Test func rankingBreaksTiesByBrierThenScoredCountThenName() throws {
    // Shrunk accuracy: Top 5 of 5 → 7/9; Big 4 of 6 → 6/10; Amy, Zed, Sam 1 of 1 → 3/5; all
    // but Top tie at 0.6. Brier: Amy and Zed said 90 %, (0.1)² = 0.01; Big and Sam said 50 %,
    // 0.25 each. So Amy and Zed (by name), then Big (6 scored) before Sam (1).
    var specs: [ClaimSpec] = []
    for i in 0..<5 { specs.append(.init(text: "t\(i)", source: "Top", outcome: .true)) }
    for i in 0..<6 {
      specs.append(
        .init(text: "g\(i)", source: "Big", confidence: 0.5, outcome: i < 4 ? .true : .false))
    }
    specs.append(.init(text: "z", source: "Zed", confidence: 0.9, outcome: .true))
    specs.append(.init(text: "a", source: "Amy", confidence: 0.9, outcome: .true))
    specs.append(.init(text: "s", source: "Sam", confidence: 0.5, outcome: .true))
    let card = try TestLedger.card(specs, TestLedger.builder(minResolved: 1))
    #expect(card.ranked.map(\.name) == ["Top", "Amy", "Zed", "Big", "Sam"])
    #expect(card.ranked.map(\.rank) == [1, 2, 3, 4, 5])
  }
}
