/// One entry's claim and the file offset where its line starts.
struct EntryLocation: Sendable {
  let id: ClaimID
  let offset: Int64
}

/// Where each claim's entries start in the journal file, by the claim's place in
/// `Ledger.records`: enough to read one claim back in full without reading the rest
/// (`VouchedLedger.record(entriesAt:id:)`).
public struct EntryOffsets: Sendable, Equatable {
  /// The entries of the claim at place `n` are `offsets[starts[n]..<starts[n + 1]]`.
  public let starts: [Int32]
  /// In file order within each claim.
  public let offsets: [Int64]

  /// Nil unless `starts` begins at 0, never falls, and ends at the count of `offsets`, and
  /// no offset is negative: a damaged copy read back from elsewhere is refused whole.
  public init?(starts: [Int32], offsets: [Int64]) {
    guard let first = starts.first, first == 0, starts.last == Int32(exactly: offsets.count),
      zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
      offsets.allSatisfy({ $0 >= 0 })
    else { return nil }
    self.starts = starts
    self.offsets = offsets
  }

  /// Groups `locations` (in file order) by the place of their claim; entries of claims the
  /// ledger does not hold are left out, as the fold leaves them out.
  init(_ locations: [EntryLocation], claimCount: Int, place: (ClaimID) -> Int?) {
    var starts = [Int32](repeating: 0, count: claimCount + 1)
    var places = [Int32](repeating: -1, count: locations.count)
    for (index, location) in locations.enumerated() {
      guard let position = place(location.id) else { continue }
      places[index] = Int32(position)
      starts[position + 1] += 1
    }
    for position in 0..<claimCount { starts[position + 1] += starts[position] }
    var next = starts
    var offsets = [Int64](repeating: 0, count: Int(starts[claimCount]))
    for (index, location) in locations.enumerated() where places[index] >= 0 {
      let position = Int(places[index])
      offsets[Int(next[position])] = location.offset
      next[position] += 1
    }
    self.starts = starts
    self.offsets = offsets
  }

  /// How many claims it places.
  public var claimCount: Int { starts.count - 1 }

  /// The offsets of the entries of the claim at `place`.
  public func offsets(ofClaimAt place: Int) -> ArraySlice<Int64> {
    offsets[Int(starts[place])..<Int(starts[place + 1])]
  }
}
