import ClaimLedger
import ClaimReports
import Testing

@Suite struct HedgeInsightTests {
  /// Today 2026-03-01, every deadline 2025-12-31, so every resolved claim is scored.
  ///
  /// - Alice: 大概率 (0.75, range 0.65–0.85) true, false, partial; 不会 (0.15, range 0.05–0.25,
  ///   negated to 0.85) true, false; 大概率 with a number of its own (0.6) true; 可能 open.
  /// - Bob: 大概率 true twice. Eve: will (0.85, range 0.75–0.95) true, true, false.
  /// - Carol: will false four times.
  static let specs: [ClaimSpec] =
    [
      .init(text: "a1", confidence: 0.75, outcome: .true, hedge: "大概率"),
      .init(text: "a2", confidence: 0.75, outcome: .false, hedge: "大概率"),
      .init(text: "a3", confidence: 0.75, outcome: .partial, hedge: "大概率"),
      .init(text: "a4", confidence: 0.85, outcome: .true, hedge: "不会"),
      .init(text: "a5", confidence: 0.85, outcome: .false, hedge: "不会"),
      .init(text: "a6", confidence: 0.6, outcome: .true, hedge: "大概率"),
      .init(text: "a7", confidence: 0.5, hedge: "可能"),
      .init(text: "b1", source: "Bob", confidence: 0.75, outcome: .true, hedge: "大概率"),
      .init(text: "b2", source: "Bob", confidence: 0.75, outcome: .true, hedge: "大概率"),
      .init(text: "e1", source: "Eve", confidence: 0.85, outcome: .true, hedge: "will"),
      .init(text: "e2", source: "Eve", confidence: 0.85, outcome: .true, hedge: "will"),
      .init(text: "e3", source: "Eve", confidence: 0.85, outcome: .false, hedge: "will"),
    ]
    + (1...4).map {
      ClaimSpec(text: "c\($0)", source: "Carol", confidence: 0.85, outcome: .false, hedge: "will")
    }

  static func card() throws -> Scorecard {
    try TestLedger.card(specs, TestLedger.builder(minResolved: 2))
  }

  @Test func eachSourcesWordsAreReadAgainstWhatHappened() throws {
    let card = try HedgeInsightTests.card()
    // Groups in rank order (shrunk accuracy: Bob 4/6, Eve 4/7, Alice 5.5/10, Carol 2/8), words
    // by count; Alice's 0.6 大概率 has a number of its own and is not a reading of the word.
    #expect(
      card.hedgeReadings.map { "\($0.name ?? "-") \($0.word) \($0.count)" } == [
        "Bob 大概率 2", "Eve will 3", "Alice 大概率 3", "Alice 不会 2", "Carol will 4",
      ])
    let alice = try #require(card.hedgeReadings.first { $0.name == "Alice" && $0.word == "大概率" })
    // (1 + 0 + 0.5) / 3 = 0.5; Wilson at 1.5 of 3: centre 0.5 + 3.8416/6 = 1.14027, spread
    // 1.96 · √(0.25/3 + 3.8416/36) = 0.85444, over 1 + 3.8416/3 = 2.28053 → 0.1253…0.8747.
    #expect(alice.happened == 0.5 && alice.assumed == 0.75)
    #expect(abs((alice.interval?.low ?? 0) - 0.12534) < 1e-4)
    #expect(abs((alice.interval?.high ?? 0) - 0.87466) < 1e-4)
    #expect(!alice.isOffTable)
    // 不会 bets the outcome happens with 15 %: the claim "not X" true means X did not happen.
    let negated = try #require(card.hedgeReadings.first { $0.word == "不会" })
    #expect(negated.happened == 0.5 && negated.assumed == 0.15)
    // Carol's will: 0 of 4 happened; Wilson high (3.8416/8 + 1.96 · √(3.8416/64)) / 1.9604
    // = 0.4899, below the table's 0.85.
    let carol = try #require(card.hedgeReadings.first { $0.name == "Carol" })
    #expect(carol.happened == 0 && abs((carol.interval?.high ?? 0) - 0.48990) < 1e-4)
    #expect(carol.isOffTable)
  }

  @Test func theTableOverAllSourcesPoolsEachWord() throws {
    let card = try HedgeInsightTests.card()
    // will: Eve 2 of 3 and Carol 0 of 4 → 2/7; 大概率: Alice 1.5 of 3 and Bob 2 of 2 → 0.7.
    #expect(card.hedgeTable.map(\.word) == ["will", "大概率", "不会"])
    #expect(card.hedgeTable.map(\.count) == [7, 5, 2])
    #expect(abs(card.hedgeTable[0].happened - 2.0 / 7) < 1e-12)
    #expect(abs(card.hedgeTable[1].happened - 0.7) < 1e-12)
    #expect(card.hedgeTable.allSatisfy { $0.name == nil })
  }

  @Test func wordsBelowTheMinimumAreLeftOut() throws {
    let card = try TestLedger.card(HedgeInsightTests.specs, TestLedger.builder(minResolved: 4))
    // Only Carol's will reaches 4 claims of one source; over all sources will (7) and 大概率 (5).
    #expect(card.hedgeReadings.map(\.word) == ["will"])
    #expect(card.hedgeTable.map(\.word) == ["will", "大概率"])
  }

  @Test func scoresUnderTheLowAndHighReadingsShowWhatFlips() throws {
    let card = try HedgeInsightTests.card()
    let rows = Dictionary(uniqueKeysWithValues: card.sensitivity.map { ($0.name, $0) })
    let alice = try #require(rows["Alice"])
    // Alice, middle: 0.0625 + 0.5625 + 0.0625 + 0.0225 + 0.7225 + 0.16 (a6, 0.6 true) = 1.5925,
    // / 6 = 0.265417. Low (大概率 0.65, 不会 read 0.05 so 0.95): 0.1225 + 0.4225 + 0.0225 +
    // 0.0025 + 0.9025 + 0.16 = 1.6325 → 0.272083. High (0.85; 1 − 0.25 = 0.75): 0.0225 +
    // 0.7225 + 0.1225 + 0.0625 + 0.5625 + 0.16 = 1.6525 → 0.275417.
    #expect(alice.hedged == 5)
    #expect(abs((alice.middle.brier ?? 0) - 1.5925 / 6) < 1e-12)
    #expect(abs((alice.low.brier ?? 0) - 1.6325 / 6) < 1e-12)
    #expect(abs((alice.high.brier ?? 0) - 1.6525 / 6) < 1e-12)
    // Eve, middle (0.0225 · 2 + 0.7225) / 3 = 0.255833, skill −0.023; low (0.0625 · 2 + 0.5625)
    // / 3 = 0.229167, skill +0.083; high (0.0025 · 2 + 0.9025) / 3 = 0.3025, skill −0.21.
    let eve = try #require(rows["Eve"])
    #expect(abs((eve.low.brierSkill ?? 0) - (1 - 0.6875 / 3 / 0.25)) < 1e-12)
    #expect(eve.skillFlips && !alice.skillFlips)
    // By Brier: middle and low Bob 1, Eve 2, Alice 3, Carol 4; high Bob 0.0225, Alice 0.275,
    // Eve 0.3025, Carol 0.9025, so Alice and Eve swap.
    #expect([alice.low.brierRank, alice.middle.brierRank, alice.high.brierRank] == [3, 3, 2])
    #expect([eve.low.brierRank, eve.middle.brierRank, eve.high.brierRank] == [2, 2, 3])
    #expect(alice.rankFlips && eve.rankFlips)
    #expect(rows["Bob"]?.rankFlips == false && rows["Carol"]?.rankFlips == false)
    #expect(card.sensitivity.map(\.name) == card.ranked.map(\.name))
  }

  @Test func lowInformationShareAndSpecificitySitInTheTrackRecord() throws {
    let builder = try TestLedger.builder(minResolved: 2)
    let withSubjects = ScorecardBuilder(
      year: nil, by: .due, today: builder.today, minResolved: 2,
      ledgerSHA256: builder.ledgerSHA256,
      nameScan: { String(decoding: $0, as: UTF8.self) == "a1" ? ["OpenAI"] : [] })
    let card = withSubjects.build(from: try TestLedger.records(HedgeInsightTests.specs))
    let alice = try #require(card.ranked.first { $0.name == "Alice" })
    // a7 (可能) is the one low-information word among Alice's 7 claims.
    #expect(alice.lowInformationShare == 1.0 / 7)
    #expect(card.ranked.first { $0.name == "Bob" }?.lowInformationShare == 0)
    // Every text has a digit (measurable), no condition and a deadline recorded as a date: 3
    // of 4 marks, 0.75; a1 also has a named subject, 1. (1 + 6 · 0.75) / 7.
    #expect(abs((alice.meanSpecificity ?? 0) - 5.5 / 7) < 1e-12)
    // The terminal commands' track records skip the text scans: no specificity, no time to
    // truth.
    let quick = ScorecardBuilder.trackRecords(
      from: try TestLedger.records(HedgeInsightTests.specs), today: builder.today)
    #expect(quick.allSatisfy { $0.meanSpecificity == nil } && !quick.isEmpty)
    let terminal = ScorecardBuilder.allYears(
      from: try TestLedger.records(HedgeInsightTests.specs), today: builder.today)
    #expect(terminal.timeToTruth.isEmpty && !card.timeToTruth.isEmpty)
  }
}
