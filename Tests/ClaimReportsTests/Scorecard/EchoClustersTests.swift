import ClaimLedger
import ClaimReports
import Testing

/// A tiny lexicon for the tests: written name → English name, found left to right.
func testNames(in text: String) -> [String] {
  let lexicon = [
    ("OpenAI", "OpenAI"), ("Pinterest", "Pinterest"), ("Shopify", "Shopify"),
    ("Nvidia", "Nvidia"), ("Tesla", "Tesla"), ("特斯拉", "Tesla"),
  ]
  var found: [(offset: Int, name: String)] = []
  for (written, name) in lexicon {
    var start = text.startIndex
    while let range = text.range(of: written, range: start..<text.endIndex) {
      found.append((text.distance(from: text.startIndex, to: range.lowerBound), name))
      start = range.upperBound
    }
  }
  return found.sorted { $0.offset < $1.offset }.map(\.name)
}

@Suite struct EchoClustersTests {
  /// Three forecasts said more than once, and near misses of each.
  static let specs: [ClaimSpec] = [
    .init(text: "OpenAI acquires Pinterest", source: "The Information", said: "2026-01-21"),
    .init(text: "OpenAI 收购 Pinterest", source: "量子位", said: "2026-01-25"),
    .init(text: "OpenAI will buy Pinterest", source: "Bloomberg", said: "2026-01-22"),
    // Same subject, another event; the same event a year later; the opposite; other names.
    .init(text: "OpenAI launches a device", source: "Bloomberg", said: "2026-01-20"),
    .init(
      text: "OpenAI acquires Pinterest", source: "Reuters", said: "2026-01-23",
      deadline: "2027-12-31"),
    .init(text: "OpenAI will not acquire Pinterest", source: "Reuters", said: "2026-01-24"),
    .init(text: "OpenAI won't acquire Pinterest", source: "Reuters", said: "2026-01-27"),
    .init(text: "OpenAI acquires Shopify", source: "量子位", said: "2026-01-26"),
    // No kind of event: shared words decide (5 of 6 words shared; 1 of 8).
    .init(text: "Nvidia remains the leading chip designer", source: "X", said: "2026-02-01"),
    .init(
      text: "Nvidia remains the leading chip designer globally", source: "Y", said: "2026-02-03"),
    .init(text: "Nvidia loses its lead in chips", source: "Z", said: "2026-02-02"),
    // Figures: the deadline written into the text is not a figure; another figure is.
    .init(text: "Tesla revenue reaches 100 billion", source: "P", said: "2026-03-01"),
    .init(
      text: "Tesla revenue reaches $100 billion by 2026-12-31", source: "Q", said: "2026-03-05"),
    .init(text: "Tesla revenue reaches 200 billion", source: "R", said: "2026-03-02"),
  ]

  /// The pairs of indices that are truly one forecast.
  static let truth: Set<[Int]> = [[0, 1], [0, 2], [1, 2], [5, 6], [8, 9], [11, 12]]

  @Test func clustersEchoesAndLeavesNearMissesApart() throws {
    let records = try TestLedger.records(EchoClustersTests.specs)
    let clusters = EchoClusters(records, nameScan: testNameScan)
    var found: Set<[Int]> = []
    for (origin, echoes) in clusters.echoesOf {
      let members = [origin] + echoes
      for a in members { for b in members where a < b { found.insert([a, b]) } }
    }
    let right = Double(found.intersection(EchoClustersTests.truth).count)
    let precision = found.isEmpty ? 1 : right / Double(found.count)
    let recall = right / Double(EchoClustersTests.truth.count)
    print("echo clustering on \(records.count) claims: precision \(precision), recall \(recall)")
    #expect(precision == 1 && recall == 1)
  }

  @Test func theEarliestSaidIsTheOriginator() throws {
    let records = try TestLedger.records(EchoClustersTests.specs)
    let clusters = EchoClusters(records, nameScan: testNameScan)
    // The Information (01-21) first; Bloomberg (01-22), then 量子位 (01-25).
    #expect(clusters.echoesOf[0] == [2, 1])
    #expect(clusters.originOf[1] == 0 && clusters.originOf[2] == 0 && !clusters.isEcho(0))
    #expect(clusters.echoesOf[8] == [9] && clusters.echoesOf[11] == [12])
    // "will not" and "won't" are one forecast, the opposite of the others.
    #expect(clusters.echoesOf[5] == [6])
    #expect(clusters.originOf.count == 5)
  }

  @Test func figuresLeaveOutYearsAndDates() {
    let text = Array("revenue 1,200 by 2026-12-31 and 3.5 in 2027".utf8)
    #expect(text.withUnsafeBytes { EchoClusters.figures(in: $0) } == [35, 1200])
  }

  /// Today 2026-03-01: a1 true (01-21), a3 false (01-22), a2 true (01-25), all due 2025-12-31.
  static let scored: [ClaimSpec] = [
    .init(
      text: "OpenAI acquires Pinterest", source: "The Information", said: "2025-01-21",
      confidence: 0.8, outcome: .true),
    .init(
      text: "OpenAI 收购 Pinterest", source: "量子位", said: "2025-01-25", confidence: 0.6,
      outcome: .true),
    .init(
      text: "OpenAI will buy Pinterest", source: "Bloomberg", said: "2025-01-22", confidence: 0.9,
      outcome: .false),
  ]

  static func card(_ specs: [ClaimSpec] = scored, countingEchoes: Bool) throws -> Scorecard {
    let test = try TestLedger.builder(minResolved: 1)
    var builder = ScorecardBuilder(
      year: nil, by: .due, today: test.today, minResolved: 1, ledgerSHA256: test.ledgerSHA256,
      nameScan: testNameScan)
    builder.countsEchoes = countingEchoes
    return builder.build(from: try TestLedger.records(specs))
  }

  @Test func aForecastIsScoredOnceUnderItsFirstSource() throws {
    let card = try EchoClustersTests.card(countingEchoes: false)
    // Only a1 is scored: accuracy 1, Brier (0.8 − 1)² = 0.04.
    #expect(card.totals.figures.scored == 1 && card.totals.counts.claims == 1)
    #expect(abs((card.totals.figures.brier ?? 0) - 0.04) < 1e-12)
    #expect(card.ranked.map(\.name) == ["The Information"])
    let bloomberg = try #require(card.unranked.first { $0.name == "Bloomberg" })
    #expect(bloomberg.echoes == 1 && bloomberg.counts.claims == 0)
    #expect(card.ranked.first?.echoedOriginals == 1)
    #expect(card.echoes.map(\.original.source) == ["The Information"])
    #expect(card.echoes.first?.echoes.map(\.source) == ["Bloomberg", "量子位"])
    #expect(card.echoedTotal == 1 && !card.countsEchoes)
  }

  @Test func countingEchoesScoresEveryClaim() throws {
    let card = try EchoClustersTests.card(countingEchoes: true)
    // (0.04 + 0.16 + 0.81) / 3 = 0.336667.
    #expect(card.totals.figures.scored == 3)
    #expect(abs((card.totals.figures.brier ?? 0) - 1.01 / 3) < 1e-12)
    #expect(card.echoes.count == 1 && card.countsEchoes)
    let markdown = MarkdownRenderer().render(card)
    #expect(markdown.contains("## Who said it first"))
    #expect(
      markdown.contains(
        "| OpenAI acquires Pinterest | The Information | 2025-01-21 | Bloomberg (2025-01-22); 量子位 (2025-01-25) |"
      ))
  }
}

extension EchoClustersTests {
  /// A claim at 20 % that OpenAI acquires Pinterest forecasts that it will not: it is no echo
  /// of one at 90 %, and its source is scored for it. Claims at even odds group apart too.
  @Test func claimsLeaningOppositeWaysAreNotEchoes() throws {
    let records = try TestLedger.records([
      .init(text: "OpenAI acquires Pinterest", source: "Bull", said: "2025-01-21", confidence: 0.9),
      .init(text: "OpenAI acquires Pinterest", source: "Bear", said: "2025-01-22", confidence: 0.2),
      .init(
        text: "OpenAI acquires Pinterest", source: "Bull2", said: "2025-01-23", confidence: 0.7),
      .init(
        text: "OpenAI acquires Pinterest", source: "Bear2", said: "2025-01-24", confidence: 0.1),
      .init(text: "OpenAI acquires Pinterest", source: "Even", said: "2025-01-25", confidence: 0.5),
    ])
    let clusters = EchoClusters(records, nameScan: testNameScan)
    #expect(clusters.echoesOf == [0: [2], 1: [3]])
  }

  /// Two sources that said it the same day did not repeat each other; a third, later, echoes
  /// the first of them.
  @Test func claimsSaidTheSameDayAreNotEchoes() throws {
    let records = try TestLedger.records([
      .init(text: "OpenAI acquires Pinterest", source: "A", said: "2025-01-21"),
      .init(text: "OpenAI acquires Pinterest", source: "B", said: "2025-01-21"),
      .init(text: "OpenAI acquires Pinterest", source: "C", said: "2025-01-22"),
    ])
    let clusters = EchoClusters(records, nameScan: testNameScan)
    #expect(clusters.echoesOf == [0: [2]])
    #expect(!clusters.isEcho(1))
  }

  /// A claim with no said day cannot be told to come after another: it is nobody's echo.
  @Test func aClaimWithNoSaidDayIsNoEcho() throws {
    let records = try TestLedger.records([
      .init(text: "OpenAI acquires Pinterest", source: "A", said: "2025-01-21"),
      .init(text: "OpenAI acquires Pinterest", source: "B", said: nil),
    ])
    #expect(EchoClusters(records, nameScan: testNameScan).echoesOf.isEmpty)
  }

  /// A voided claim is never scored, so it stands for no forecast: the next claim to say it is
  /// the original and is scored. Today 2026-03-01; B is true at 0.9: Brier 0.01.
  @Test func aVoidedClaimIsNobodysOriginal() throws {
    let specs: [ClaimSpec] = [
      .init(
        text: "Tesla acquires OpenAI", source: "A", said: "2025-01-21", confidence: 0.9,
        outcome: .void),
      .init(
        text: "Tesla acquires OpenAI", source: "B", said: "2025-01-22", confidence: 0.9,
        outcome: .true),
    ]
    let records = try TestLedger.records(specs)
    #expect(EchoClusters(records, nameScan: testNameScan).echoesOf.isEmpty)
    let card = try Self.card(specs, countingEchoes: false)
    #expect(card.totals.figures.scored == 1)
    #expect(abs((card.totals.figures.brier ?? 0) - 0.01) < 1e-12)
    #expect(card.ranked.map(\.name) == ["B"])
  }
}
