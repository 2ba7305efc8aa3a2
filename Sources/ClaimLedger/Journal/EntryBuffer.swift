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

  /// One buffer holding `parts`' entries, part after part, moved in on all cores; the parts
  /// are left empty.
  static func joining(_ parts: [EntryBuffer]) -> EntryBuffer {
    var total = 0
    let starts = parts.map { part in
      defer { total += part.count }
      return total
    }
    let joined = EntryBuffer(capacity: total)
    let target = SharedPointer(base: joined.base)
    DispatchQueue.concurrentPerform(iterations: parts.count) { index in
      let part = parts[index]
      (target.base + starts[index]).moveInitialize(from: part.base, count: part.count)
    }
    for part in parts { part.count = 0 }
    joined.count = total
    return joined
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
  /// Each entry's claim and where its line starts, in file order, when the reader was asked.
  let locations: [EntryLocation]?

  init(
    buffer: EntryBuffer, lines: [Int32], claimFlags: [Bool], claims: ClaimCopies,
    blankLines: [Int], locations: [EntryLocation]? = nil
  ) {
    self.buffer = buffer
    self.lines = lines
    self.claimFlags = claimFlags
    self.claims = claims
    self.blankLines = blankLines
    self.locations = locations
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

  private init(entries: EntryBuffer, statuses: [Status]) {
    self.entries = entries
    self.statuses = statuses
  }

  /// `parts`' copies, part after part, their entries moved (`EntryBuffer.joining`); the parts
  /// are done.
  static func joining(_ parts: [ClaimCopies]) -> ClaimCopies {
    ClaimCopies(
      entries: EntryBuffer.joining(parts.map(\.entries)),
      statuses: parts.flatMap(\.statuses))
  }
}
