import ClaimLedger
import ClaimReports
import Testing

@Suite struct ResolutionQueueTests {
  /// Today 2026-03-01; every deadline 2025-12-31, so the open claims are overdue.
  ///
  /// A has nothing scored. B has four scored claims: 0.8 true, 0.8 true, 0.6 false, 0.8 true,
  /// Brier (0.04 + 0.04 + 0.36 + 0.04) / 4 = 0.12.
  static let specs: [ClaimSpec] = [
    .init(text: "a open 0.9", source: "A", confidence: 0.9),
    .init(text: "b open 0.9", source: "B", confidence: 0.9),
    .init(text: "c open 0.5", source: "A", confidence: 0.5),
    .init(text: "d open 0.6", source: "B", confidence: 0.6),
    .init(text: "b1", source: "B", confidence: 0.8, outcome: .true),
    .init(text: "b2", source: "B", confidence: 0.8, outcome: .true),
    .init(text: "b3", source: "B", confidence: 0.6, outcome: .false),
    .init(text: "b4", source: "B", confidence: 0.8, outcome: .true),
  ]

  static let subjects: [String: String] = [
    "a open 0.9": "OpenAI", "b open 0.9": "OpenAI", "d open 0.6": "Apple",
  ]

  static func items() throws -> [ResolutionQueue.Item] {
    let records = try TestLedger.records(specs)
    return ResolutionQueue.order(
      records, indices: Array(0..<4), today: try TestLedger.day("2026-03-01"),
      subject: { subjects[$0.text] })
  }

  @Test func confidentClaimsOfSourcesWithFewScoresComeFirst() throws {
    let items = try ResolutionQueueTests.items()
    // a: max(|0.01 − 0|, |0.81 − 0|) / 1 = 0.81; c: 0.25 / 1 = 0.25;
    // b: max(|0.01 − 0.12|, |0.81 − 0.12|) / 5 = 0.138; d: max(|0.16 − 0.12|, |0.36 − 0.12|) / 5
    // = 0.048.
    #expect(items.map(\.index) == [0, 2, 1, 3])
    let impacts = items.map(\.impact)
    for (found, expected) in zip(impacts, [0.81, 0.25, 0.138, 0.048]) {
      #expect(abs(found - expected) < 1e-12)
    }
  }

  @Test func claimsAboutOneSubjectGoTogether() throws {
    let groups = ResolutionQueue.grouped(try ResolutionQueueTests.items())
    // OpenAI: a + b = 0.948; c alone 0.25; Apple: d 0.048.
    #expect(groups.map(\.subject) == ["OpenAI", nil, "Apple"])
    #expect(groups.map { $0.items.map(\.index) } == [[0, 1], [2], [3]])
    #expect(abs(groups[0].impact - 0.948) < 1e-12)
  }

  @Test func equalImpactsGoOldestDeadlineFirst() throws {
    let specs: [ClaimSpec] = [
      .init(text: "later", deadline: "2025-12-31"), .init(text: "older", deadline: "2025-06-30"),
    ]
    let records = try TestLedger.records(specs)
    let items = ResolutionQueue.order(
      records, indices: [0, 1], today: try TestLedger.day("2026-03-01"))
    #expect(items.map(\.index) == [1, 0])
  }
}
