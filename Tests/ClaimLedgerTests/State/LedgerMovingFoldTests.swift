import Testing

@testable import ClaimLedger

/// `LedgerStore.load()` folds the reader's entries by moving them into the histories; the
/// result must be the fold of a copied journal, issues and all.
@Suite struct LedgerMovingFoldTests {
  /// Claims that are accepted, rejected, amended, resolved, reopened and resolved twice;
  /// `claim` lines repeated with the same and with other content, earlier and later; entries
  /// for unknown claims and entries recorded before their claim.
  static func entries(claimCount: Int) throws -> [Entry] {
    let start = try Fixture.time("2026-02-01T00:00:00.000Z").millisecondsSinceEpoch
    func at(_ seconds: Int) -> Timestamp {
      Timestamp(millisecondsSinceEpoch: start + Int64(seconds) * 1000)
    }
    let resolved = try Fixture.resolution(.true, on: "2026-06-01")
    let refuted = try Fixture.resolution(.false, on: "2026-06-02")
    var claims: [Entry] = []
    var followers: [Entry] = []
    for index in 0..<claimCount {
      let id = try Fixture.id(bits: UInt64(index) * 7919 + 1)
      let claim = try Fixture.claim("claim \(index) 预测 \(String(repeating: "词", count: 40))")
      let isProposed = index % 4 == 0
      claims.append(
        Entry(id: id, at: at(index), body: .claim(claim, status: isProposed ? .proposed : .open)))
      let later = claimCount + index
      if isProposed {
        if index % 8 == 0 {
          let changes = ClaimChanges(confidence: try Fixture.confidence(0.9))
          followers.append(Entry(id: id, at: at(later), body: .accept(changes)))
        } else {
          followers.append(Entry(id: id, at: at(later), body: .reject(reason: "not a forecast")))
        }
        if index % 12 == 0 {
          // A resolve of a rejected or accepted claim, then a reopen undoing the decision,
          // which settles the resolution a rejection refused; save for every other rejected
          // one, whose refused resolution stays an error.
          followers.append(Entry(id: id, at: at(later + 1), body: .resolve(resolved)))
          if index % 48 != 12 {
            followers.append(Entry(id: id, at: at(later + 2), body: .reopen(note: "again")))
          }
        }
        continue
      }
      if index % 10 == 2 {
        let changes = ClaimChanges(text: "amended \(index)", tags: ["a", "b"])
        followers.append(Entry(id: id, at: at(later), body: .amend(changes, note: "fixed")))
      }
      if index % 3 == 1 {
        followers.append(Entry(id: id, at: at(later + 1), body: .resolve(resolved)))
        if index % 15 == 1 {
          // Written before the resolve it undoes, but stamped after it: sorted by time.
          followers.insert(Entry(id: id, at: at(later + 2), body: .reopen(note: nil)), at: 0)
        }
        if index % 21 == 1 {
          followers.append(Entry(id: id, at: at(later + 3), body: .resolve(refuted)))
        }
      }
      if index % 50 == 3 {
        // Stamped before its claim.
        followers.append(Entry(id: id, at: at(index - 1), body: .reopen(note: nil)))
      }
    }
    // Repeated `claim` lines: the same content later and earlier, other content later and
    // earlier; each pair near the start and near the end of the journal.
    for index in [5, 6, 7, 9, claimCount - 5, claimCount - 6, claimCount - 7, claimCount - 9] {
      let original = claims[index]
      guard case .claim(var claim, let status) = original.body else { continue }
      let shift = index % 2 == 0 ? 100 : -100
      if index % 4 >= 2 { claim.confidence = try Fixture.confidence(0.2) }
      let copy = Entry(
        id: original.id, at: at(index + shift), body: .claim(claim, status: status))
      claims.insert(copy, at: min(claims.count, index + 3))
    }
    let stranger = try Fixture.id(bits: 0xFF_FFFF_FFFF)
    let strays = [
      Entry(id: stranger, at: at(1), body: .resolve(resolved)),
      Entry(id: stranger, at: at(2), body: .reopen(note: nil)),
    ]
    return [strays[0]] + claims + followers + [strays[1]]
  }

  @Test(arguments: [60, 24_000])
  func movingTheEntriesFoldsAsCopyingThemDoes(claimCount: Int) throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("ledger.jsonl")
    let entries = try Self.entries(claimCount: claimCount)
    try write(Array(Fixture.text(of: entries).utf8), toFile: path)
    let store = LedgerStore(path: path)
    let moved = try store.load()
    let copied = Ledger(journal: try store.loadJournal(), path: path)

    #expect(moved.count == claimCount)
    #expect(moved.count == copied.count)
    for (left, right) in zip(moved.records, copied.records) {
      #expect(left.id == right.id)
      #expect(left.claim == right.claim)
      #expect(left.status == right.status)
      #expect(left.resolution == right.resolution)
      #expect(left.rejection == right.rejection)
      #expect(left.note == right.note)
      #expect(left.line == right.line)
      #expect(Array(left.history) == Array(right.history))
      #expect(left.hasConflictingResolutions == right.hasConflictingResolutions)
    }
    #expect(moved.issues == copied.issues)
    // The journal does raise every kind of issue the fold knows.
    let messages = moved.issues.map(\.message)
    for part in [
      "unknown claim", "recorded twice", "recorded again", "resolved twice",
      "before its claim", "resolve of claim",
    ] {
      #expect(messages.contains { $0.contains(part) }, "\(part)")
    }
    for record in moved.records {
      #expect(moved.record(for: record.id)?.line == record.line)
    }
  }

  /// Where a pair of claims stamped out of file order sits among the ranges the records are
  /// made in (as many as `ParallelMap.parts` cuts on this machine).
  enum SwapPlace: CaseIterable {
    case nowhere, atTheStart, acrossTwoRanges, insideARange, atTheEnd

    func position(claimCount: Int) -> Int? {
      let parts = 8 * ProcessInfoCores.count
      let rangeSize = (claimCount + parts - 1) / parts
      switch self {
      case .nowhere: return nil
      case .atTheStart: return 1
      case .acrossTwoRanges: return rangeSize
      case .insideARange: return 2 * rangeSize + 1
      case .atTheEnd: return claimCount - 1
      }
    }
  }

  /// Claims without repeats take the reader's copies of their `claim` entries; a pair stamped
  /// out of file order, inside a worker's range or across two, must still be sorted.
  @Test(arguments: SwapPlace.allCases)
  func distinctClaimsFoldFromTheReadersCopies(outOfOrderAt place: SwapPlace) throws {
    let claimCount = 3_000
    let swapped = place.position(claimCount: claimCount)
    var entries = try Self.entries(claimCount: claimCount).filter {
      if case .claim = $0.body { return true }
      return false
    }
    var seen = Set<ClaimID>()
    entries = entries.filter { seen.insert($0.id).inserted }
    if let swapped {
      let earlier = entries[swapped - 1].at
      entries[swapped - 1].at = entries[swapped].at
      entries[swapped].at = earlier
    }
    let resolved = try Fixture.resolution(.true, on: "2026-06-01")
    for index in stride(from: 0, to: claimCount, by: 7) {
      let claim = entries[index]
      entries.append(Entry(id: claim.id, at: claim.at, body: .resolve(resolved)))
    }
    let directory = try TemporaryDirectory()
    let path = directory.path("ledger.jsonl")
    try write(Array(Fixture.text(of: entries).utf8), toFile: path)
    let store = LedgerStore(path: path)
    let moved = try store.load()
    let copied = Ledger(journal: try store.loadJournal(), path: path)

    #expect(moved.count == claimCount)
    // Compared as one flag each, so a failure does not print three thousand ids.
    let sameRecords = zip(moved.records, copied.records).allSatisfy {
      $0.id == $1.id && $0.status == $1.status && $0.line == $1.line
    }
    #expect(sameRecords)
    #expect(moved.issues == copied.issues)
    let order = moved.records.map { ($0.recordedAt, $0.id) }
    let isSorted = zip(order, order.dropFirst()).allSatisfy { $0 < $1 }
    #expect(isSorted)
    if let swapped {
      // The later line of the pair is the earlier claim.
      #expect(moved.records[swapped - 1].line == Int32(swapped + 1))
    }
    for record in moved.records {
      #expect(moved.record(for: record.id)?.line == record.line)
    }
  }
}
