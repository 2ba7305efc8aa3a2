import Dispatch

/// Entries in memory the reader manages itself, so they move from the parsing workers to the
/// journal and are released on all cores, instead of being copied (a copy retains every entry,
/// and dropping the original touches every entry again, one core at a time).
final class EntryBuffer: @unchecked Sendable {
  private(set) var base: UnsafeMutablePointer<Entry>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit {
    let base = SharedPointer(base: base)
    ParallelRanges.run(count: count) { range in
      (base.base + range.lowerBound).deinitialize(count: range.count)
    }
    self.base.deallocate()
  }

  var entries: UnsafeBufferPointer<Entry> { UnsafeBufferPointer(start: base, count: count) }

  func append(_ entry: Entry) {
    if count == capacity { grow(to: 2 * capacity) }
    (base + count).initialize(to: entry)
    count += 1
  }

  /// Moves all of `other`'s entries to the end of this buffer, leaving `other` empty.
  func moveAll(from other: EntryBuffer) {
    if count + other.count > capacity { grow(to: max(2 * capacity, count + other.count)) }
    (base + count).moveInitialize(from: other.base, count: other.count)
    count += other.count
    other.count = 0
  }

  /// Empties the buffer after a consumer moved its entries out, releasing only `leftovers`,
  /// the indices of those it did not take.
  func forgetMoved(releasing leftovers: [Int]) {
    for index in leftovers { (base + index).deinitialize(count: 1) }
    count = 0
  }

  /// The entries as an array, leaving this buffer empty.
  func moveToArray() -> [Entry] {
    let moved = [Entry](unsafeUninitializedCapacity: count) { buffer, initialized in
      if let destination = buffer.baseAddress {
        destination.moveInitialize(from: base, count: count)
      }
      initialized = count
    }
    count = 0
    return moved
  }

  private func grow(to newCapacity: Int) {
    let larger = UnsafeMutablePointer<Entry>.allocate(capacity: newCapacity)
    larger.moveInitialize(from: base, count: count)
    base.deallocate()
    base = larger
    capacity = newCapacity
  }

  private struct SharedPointer: @unchecked Sendable {
    let base: UnsafeMutablePointer<Entry>
  }
}

/// A journal as the reader produced it, before anyone asks for it as a `Journal` value: the
/// fold reads the entries in place.
final class ParsedJournal: Sendable {
  let buffer: EntryBuffer
  let lines: [Int32]
  /// Which entries are `claim` entries, so the fold need not look into each entry's body.
  let claimFlags: [Bool]
  /// The `claim` entries again, in file order, copied while the reader had each at hand.
  let claims: ClaimCopies
  let blankLines: [Int]

  init(
    buffer: EntryBuffer, lines: [Int32], claimFlags: [Bool], claims: ClaimCopies,
    blankLines: [Int]
  ) {
    self.buffer = buffer
    self.lines = lines
    self.claimFlags = claimFlags
    self.claims = claims
    self.blankLines = blankLines
  }

  /// The public value; moves the entries out, so call it once.
  func journal() -> Journal {
    Journal(entries: buffer.moveToArray(), lines: lines, blankLines: blankLines)
  }
}

/// Copies of the `claim` entries, with the status each states, made by the reader while each
/// entry was in the cache. The fold builds every claim's record from these: going back to a
/// body the parse has long left would miss the cache once to read it and again to retain it,
/// a million times over.
struct ClaimCopies: Sendable {
  let entries: EntryBuffer
  private(set) var statuses: [Status] = []

  init(capacity: Int) {
    entries = EntryBuffer(capacity: capacity)
    statuses.reserveCapacity(capacity)
  }

  var count: Int { statuses.count }

  mutating func append(_ entry: Entry, status: Status) {
    entries.append(entry)
    statuses.append(status)
  }

  /// Moves `other`'s entries to the end of these, and copies its statuses; `other` is done.
  mutating func moveAll(from other: ClaimCopies) {
    entries.moveAll(from: other.entries)
    statuses.append(contentsOf: other.statuses)
  }
}
