import Testing

@testable import ClaimLedger

/// Ledgers large enough that the fold runs in batches on several cores.
@Suite struct LedgerParallelFoldTests {
  @Test func batchedFoldGivesEveryClaimItsOwnStateAndIssuesInClaimOrder() throws {
    let count = 30_000
    let claim = try Fixture.claim()
    let start = try Fixture.time("2026-02-01T00:00:00.000Z").millisecondsSinceEpoch
    var journal = Journal()
    func add(_ entry: Entry) {
      journal.entries.append(entry)
      journal.lines.append(Int32(journal.entries.count))
    }
    var ids: [ClaimID] = []
    for index in 0..<count {
      let id = try Fixture.id(bits: UInt64(index) * 7919 + 1)
      ids.append(id)
      let at = Timestamp(millisecondsSinceEpoch: start + Int64(index) * 1000)
      add(Entry(id: id, at: at, body: .claim(claim, status: .open)))
    }
    // Every third claim resolved true, every fifth of those reopened; one stray reopen of an
    // open claim near the end and one near the start, so issues come from different batches.
    for index in stride(from: 0, to: count, by: 3) {
      let at = Timestamp(millisecondsSinceEpoch: start + Int64(count + index) * 1000)
      let resolution = Resolution(outcome: .true, on: try Fixture.day("2026-06-01"))
      add(Entry(id: ids[index], at: at, body: .resolve(resolution)))
      if index % 5 == 0 {
        let later = Timestamp(millisecondsSinceEpoch: at.millisecondsSinceEpoch + 1)
        add(Entry(id: ids[index], at: later, body: .reopen(note: nil)))
      }
    }
    let late = Timestamp(millisecondsSinceEpoch: start + Int64(3 * count) * 1000)
    add(Entry(id: ids[count - 1], at: late, body: .reopen(note: nil)))
    add(Entry(id: ids[1], at: late, body: .reopen(note: nil)))

    let ledger = Ledger(journal: journal, path: Fixture.path)

    #expect(ledger.count == count)
    for (index, id) in ids.enumerated() {
      let record = try #require(ledger.record(for: id))
      let expected: Status = index % 3 == 0 && index % 5 != 0 ? .resolved : .open
      #expect(record.status == expected, "claim \(index)")
      #expect(record.line == Int32(index + 1))
    }
    let lines = ledger.issues.compactMap { $0.location?.line }
    #expect(lines.count == 2)
    // As in a single pass: by claim, so the issue of the second claim comes first.
    #expect(lines == [journal.entries.count, journal.entries.count - 1])
    #expect(ledger.issues.map(\.id) == [ids[1], ids[count - 1]])
  }
}
