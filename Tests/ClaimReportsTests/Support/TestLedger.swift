import ClaimLedger
import ClaimReports
import Testing

/// One claim of a test ledger, written the short way; `outcome` makes it resolved.
struct ClaimSpec: Sendable {
  var text: String
  var source: String = "Alice"
  var via: String?
  var tags: [String] = []
  var said: String? = "2025-01-10"
  var deadline: String? = "2025-12-31"
  var confidence: Double = 0.7
  var outcome: Outcome?
  var resolvedOn: String? = "2025-12-31"
  var evidence: String?
  var quote: String?
  var status: Status = .open
  var hedge: String?
  var deadlineText: String?
  var isConditional = false
}

/// Folds specs into `ClaimRecord`s the way the ledger does: `claim` entries, then `resolve` or
/// `reject` entries, through `Ledger(journal:path:)`.
enum TestLedger {
  static func day(_ text: String) throws -> Day {
    try #require(Day(text), "fixture day \(text)")
  }

  static func records(_ specs: [ClaimSpec]) throws -> [ClaimRecord] {
    var entries: [Entry] = []
    for (index, spec) in specs.enumerated() {
      let claim = Claim(
        text: spec.text, quote: spec.quote, source: spec.source, via: spec.via,
        said: try spec.said.map(day), deadline: try spec.deadline.map(day),
        deadlineText: spec.deadlineText, confidence: try #require(Confidence(spec.confidence)),
        hedge: spec.hedge, tags: spec.tags, isConditional: spec.isConditional)
      let id = claim.derivedID
      let at = Timestamp(millisecondsSinceEpoch: 1_700_000_000_000 + Int64(index) * 10)
      let status: Status = spec.status == .open || spec.outcome != nil ? .open : .proposed
      entries.append(Entry(id: id, at: at, body: .claim(claim, status: status)))
      let later = Timestamp(millisecondsSinceEpoch: at.millisecondsSinceEpoch + 1)
      if let outcome = spec.outcome {
        let resolution = Resolution(
          outcome: outcome, on: try day(spec.resolvedOn ?? "2025-12-31"), evidence: spec.evidence,
          reason: outcome == .void ? .ambiguous : nil)
        entries.append(Entry(id: id, at: later, body: .resolve(resolution)))
      } else if spec.status == .rejected {
        entries.append(Entry(id: id, at: later, body: .reject(reason: "not a forecast")))
      }
    }
    let journal = Journal(
      entries: entries, lines: entries.indices.map { Int32($0 + 1) }, blankLines: [])
    let ledger = Ledger(journal: journal, path: "test.jsonl")
    #expect(ledger.issues.isEmpty, "fixture ledger folds cleanly: \(ledger.issues.prefix(3))")
    return ledger.records
  }

  static func builder(
    year: Int? = nil, by: ScorecardBasis = .due, today: String = "2026-03-01",
    minResolved: Int = 5, grouping: Grouping = .source,
    canonical: @escaping @Sendable (String) -> String = { $0 }
  ) throws -> ScorecardBuilder {
    ScorecardBuilder(
      year: year, by: by, today: try day(today), minResolved: minResolved, grouping: grouping,
      canonical: canonical, ledgerSHA256: String(repeating: "ab", count: 32),
      hedgeTableVersion: "2026.2")
  }

  static func card(_ specs: [ClaimSpec], _ builder: ScorecardBuilder) throws -> Scorecard {
    builder.build(from: try records(specs))
  }
}
