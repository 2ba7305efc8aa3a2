import ClaimLedger
import SplitMix
import Testing

@testable import ClaimReports

/// The due queue sums each source's score in a pass of its own; over any ledger it must give
/// the figures of the source's track record in `claims sources`, to the last bit.
@Suite struct SourceScoresTests {
  static let sources = ["A", "a.", "B", "Bee", "C"]
  /// "a." and "Bee" are aliases, merged into "A" and "B" before scoring.
  static func canonical(_ name: String) -> String {
    ["a.": "A", "Bee": "B"][name] ?? name
  }

  /// Deadlines before, on and after `today` (2026-03-01) or none; every outcome, void too; some
  /// claims proposed or rejected.
  static func specs(seed: UInt64) -> [ClaimSpec] {
    var random = SplitMix64(seed: seed)
    let deadlines: [String?] = ["2025-06-30", "2025-12-31", "2026-03-01", "2026-06-30", nil]
    let outcomes: [Outcome?] = [nil, .true, .false, .partial, .void, .true]
    return (0..<random.below(60)).map { index in
      var spec = ClaimSpec(text: "claim \(index)")
      spec.source = sources[random.below(sources.count)]
      spec.deadline = deadlines[random.below(deadlines.count)]
      spec.confidence = Double(random.below(101)) / 100
      spec.outcome = outcomes[random.below(outcomes.count)]
      spec.resolvedOn = "2025-09-0\(1 + random.below(9))"
      if spec.outcome == nil, random.below(4) == 0 {
        spec.status = random.below(2) == 0 ? .proposed : .rejected
      }
      return spec
    }
  }

  @Test(arguments: Array(UInt64(1)...40))
  func sumsWhatTheTrackRecordsScore(_ seed: UInt64) throws {
    let records = try TestLedger.records(Self.specs(seed: seed))
    let today = try TestLedger.day("2026-03-01")
    let scores = ResolutionQueue.sourceScores(records, today: today, canonical: Self.canonical)
    let tracks = ScorecardBuilder.trackRecords(
      from: records, today: today, canonical: Self.canonical)
    let scored = tracks.filter { $0.figures.scored > 0 }
    #expect(Set(scores.keys) == Set(scored.map(\.name)))
    for track in scored {
      #expect(scores[track.name]?.scored == track.figures.scored, "\(track.name)")
      #expect(scores[track.name]?.brier == track.figures.brier, "\(track.name)")
    }
  }
}
