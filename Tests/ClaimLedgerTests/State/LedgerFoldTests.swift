import Testing

@testable import ClaimLedger

/// What a claim looks like after the first `count` entries of its life.
struct FoldStep: Sendable, CustomTestStringConvertible {
  let count: Int
  let after: String
  let status: Status
  let outcome: Outcome?
  let text: String
  let confidence: Double
  var testDescription: String { "after \(after)" }
}

/// A file order for the six lifecycle entries (indices into them, in the order written).
struct FileOrder: Sendable, CustomTestStringConvertible {
  let name: String
  let order: [Int]
  var testDescription: String { name }
}

/// One claim's whole life: proposed, accepted with corrections, amended, resolved, reopened and
/// resolved again, each entry recorded a little later than the one before.
enum Lifecycle {
  static let id = "a1b2c3d4e5"

  static func entries() throws -> [Entry] {
    let id = try Fixture.id(Self.id)
    let claim = try Fixture.claim("A", said: "2026-01-21", confidence: 0.5)
    let accept = ClaimChanges(
      deadline: try Fixture.day("2026-12-31"), confidence: try Fixture.confidence(0.75))
    return [
      try Fixture.entry(id, at: "2026-01-21T10:00:00Z", .claim(claim, status: .proposed)),
      try Fixture.entry(id, at: "2026-01-22T10:00:00Z", .accept(accept)),
      try Fixture.entry(
        id, at: "2026-02-01T10:00:00Z", .amend(ClaimChanges(text: "B"), note: "clarified")),
      try Fixture.entry(
        id, at: "2027-01-01T10:00:00Z", .resolve(try Fixture.resolution(.true, on: "2026-12-31"))),
      try Fixture.entry(id, at: "2027-01-02T10:00:00Z", .reopen(note: "wrong source")),
      try Fixture.entry(
        id, at: "2027-01-03T10:00:00Z", .resolve(try Fixture.resolution(.false, on: "2027-01-02"))),
    ]
  }
}

@Suite struct LedgerFoldTests {
  static let steps: [FoldStep] = [
    .init(count: 1, after: "claim", status: .proposed, outcome: nil, text: "A", confidence: 0.5),
    .init(count: 2, after: "accept", status: .open, outcome: nil, text: "A", confidence: 0.75),
    .init(count: 3, after: "amend", status: .open, outcome: nil, text: "B", confidence: 0.75),
    .init(
      count: 4, after: "resolve", status: .resolved, outcome: .true, text: "B", confidence: 0.75),
    .init(count: 5, after: "reopen", status: .open, outcome: nil, text: "B", confidence: 0.75),
    .init(
      count: 6, after: "second resolve", status: .resolved, outcome: .false, text: "B",
      confidence: 0.75),
  ]

  @Test(arguments: steps)
  func foldsALifeStepByStep(_ step: FoldStep) throws {
    let entries = Array(try Lifecycle.entries().prefix(step.count))
    let ledger = Ledger(journal: Fixture.journal(entries), path: Fixture.path)
    #expect(ledger.issues.isEmpty, "\(ledger.issues)")
    let record = try #require(ledger.record(for: Fixture.id(Lifecycle.id)))
    #expect(record.status == step.status)
    #expect(record.outcome == step.outcome)
    #expect(record.claim.text == step.text)
    #expect(record.claim.confidence.value == step.confidence)
    #expect(Array(record.history) == entries)
  }

  @Test func keepsWhatEachEntryChanged() throws {
    let entries = try Lifecycle.entries()
    let ledger = Ledger(journal: Fixture.journal(entries), path: Fixture.path)
    let record = try #require(ledger.records.first)
    #expect(ledger.count == 1)
    #expect(record.claim.deadline == (try Fixture.day("2026-12-31")))
    #expect(record.claim.said == (try Fixture.day("2026-01-21")))
    #expect(record.claim.source == "The Information")
    #expect(record.note == "wrong source")
    #expect(record.resolution == (try Fixture.resolution(.false, on: "2027-01-02")))
    #expect(record.recordedAt == (try Fixture.time("2026-01-21T10:00:00Z")))
    #expect(!record.hasConflictingResolutions)
  }

  static let fileOrders: [FileOrder] = [
    .init(name: "reversed", order: [5, 4, 3, 2, 1, 0]),
    .init(name: "resolve before its claim", order: [3, 0, 1, 2, 5, 4]),
    .init(name: "claim last", order: [1, 2, 3, 4, 5, 0]),
    .init(name: "interleaved", order: [4, 1, 5, 0, 3, 2]),
  ]

  @Test(arguments: fileOrders)
  func foldsByRecordedTimeWhateverTheFileOrder(_ fileOrder: FileOrder) throws {
    let entries = try Lifecycle.entries()
    let sorted = Ledger(journal: Fixture.journal(entries), path: Fixture.path)
    let shuffled = Ledger(
      journal: Fixture.journal(fileOrder.order.map { entries[$0] }), path: Fixture.path)
    #expect(shuffled.issues.isEmpty, "\(shuffled.issues)")
    let expected = try #require(sorted.records.first)
    let record = try #require(shuffled.records.first)
    #expect(record.status == expected.status)
    #expect(record.claim == expected.claim)
    #expect(record.resolution == expected.resolution)
    #expect(record.note == expected.note)
    #expect(record.history == expected.history)
  }

  @Test func fileOrderBreaksTiesInRecordedTime() throws {
    let id = try Fixture.id(Lifecycle.id)
    let claim = try Fixture.entry(
      id, at: "2026-01-21T10:00:00Z", .claim(try Fixture.claim(), status: .open))
    let resolve = try Fixture.entry(
      id, at: "2026-06-01T10:00:00Z", .resolve(try Fixture.resolution(.true, on: "2026-06-01")))
    let reopen = try Fixture.entry(id, at: "2026-06-01T10:00:00Z", .reopen(note: nil))

    let resolveFirst = Ledger(
      journal: Fixture.journal([claim, resolve, reopen]), path: Fixture.path)
    #expect(resolveFirst.records.first?.status == .open)
    #expect(resolveFirst.issues.isEmpty)

    let reopenFirst = Ledger(
      journal: Fixture.journal([claim, reopen, resolve]), path: Fixture.path)
    #expect(reopenFirst.records.first?.status == .resolved)
    #expect(reopenFirst.issues.map(\.location?.line) == [2])

    // An entry recorded later but written earlier makes the fold sort; ties still keep file order.
    let amend = try Fixture.entry(id, at: "2026-09-01T10:00:00Z", .amend(ClaimChanges(), note: "n"))
    let sortedResolveFirst = Ledger(
      journal: Fixture.journal([claim, amend, resolve, reopen]), path: Fixture.path)
    #expect(sortedResolveFirst.records.first?.status == .open)
    let sortedReopenFirst = Ledger(
      journal: Fixture.journal([claim, amend, reopen, resolve]), path: Fixture.path)
    #expect(sortedReopenFirst.records.first?.status == .resolved)
  }

  @Test func rejectsAProposedClaim() throws {
    let id = try Fixture.id(Lifecycle.id)
    let entries = [
      try Fixture.entry(
        id, at: "2026-01-21T10:00:00Z", .claim(try Fixture.claim(), status: .proposed)),
      try Fixture.entry(id, at: "2026-01-22T10:00:00Z", .reject(reason: "not a forecast")),
    ]
    let ledger = Ledger(journal: Fixture.journal(entries), path: Fixture.path)
    let record = try #require(ledger.records.first)
    #expect(record.status == .rejected)
    #expect(record.rejection == "not a forecast")
    #expect(ledger.issues.isEmpty)
  }

  @Test func ordersRecordsByWhenTheyWereFirstRecordedThenByID() throws {
    let late = try Fixture.id("0000000001")
    let early = try Fixture.id("ffffffffff")
    let tieLow = try Fixture.id("5555555555")
    let tieHigh = try Fixture.id("6666666666")
    let claim = Entry.Body.claim(try Fixture.claim(), status: .open)
    let entries = [
      try Fixture.entry(late, at: "2026-03-01T00:00:00Z", claim),
      try Fixture.entry(tieHigh, at: "2026-02-01T00:00:00Z", claim),
      try Fixture.entry(early, at: "2026-01-01T00:00:00Z", claim),
      try Fixture.entry(tieLow, at: "2026-02-01T00:00:00Z", claim),
    ]
    let ledger = Ledger(journal: Fixture.journal(entries), path: Fixture.path)
    #expect(ledger.records.map(\.id) == [early, tieLow, tieHigh, late])
    for id in [late, early, tieLow, tieHigh] {
      #expect(ledger.record(for: id)?.id == id)
    }
  }

  @Test func knowsWhenAnOpenClaimIsOverdue() throws {
    let id = try Fixture.id(Lifecycle.id)
    var claim = try Fixture.claim()
    claim.deadline = try Fixture.day("2026-06-30")
    let ledger = Ledger(
      journal: Fixture.journal([
        try Fixture.entry(id, at: "2026-01-21T10:00:00Z", .claim(claim, status: .open))
      ]),
      path: Fixture.path)
    let record = try #require(ledger.records.first)
    #expect(!record.isOverdue(on: try Fixture.day("2026-06-30")))
    #expect(record.isOverdue(on: try Fixture.day("2026-07-01")))
  }
}
