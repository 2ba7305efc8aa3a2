/// Claim positions by id: open addressing on the id's own bits, which are already uniform
/// (cut from SHA-256), so a lookup hashes with one multiply instead of a `Hasher`.
struct ClaimIndex: Sendable {
  private struct Slot {
    /// The id's bits plus one; zero marks an empty slot.
    var key: UInt64 = 0
    var position: Int32 = 0
  }

  private var slots: [Slot]
  private var shift: UInt64

  /// An index sized for `capacity` claims at most half full.
  init(capacity: Int) {
    var bits: UInt64 = 4
    while 1 << bits < 2 * max(capacity, 1) { bits += 1 }
    slots = [Slot](repeating: Slot(), count: 1 << Int(bits))
    shift = 64 - bits
  }

  /// The index of `count` ids, position `i` for `id(i)`, or nil when an id repeats.
  ///
  /// Ids are random, so inserting them as they come misses the cache on nearly every one; here
  /// they are first sorted into 256 runs by the part of the table they start in (a counting
  /// sort, read and written in order), and each run is then inserted into its part alone.
  init?(distinct count: Int, id: (Int) -> ClaimID) {
    self.init(capacity: count)
    let runShift = max(0, Int.bitWidth - slots.count.leadingZeroBitCount - 1 - 8)
    var runStarts = [Int](repeating: 0, count: 257)
    var keys = [UInt64](repeating: 0, count: count)
    for position in 0..<count {
      let key = id(position).bits &+ 1
      keys[position] = key
      runStarts[(start(key) >> runShift) + 1] += 1
    }
    for run in 0..<256 { runStarts[run + 1] += runStarts[run] }
    var sorted = [Slot](repeating: Slot(), count: count)
    for (position, key) in keys.enumerated() {
      let run = start(key) >> runShift
      sorted[runStarts[run]] = Slot(key: key, position: Int32(truncatingIfNeeded: position))
      runStarts[run] += 1
    }
    let shift = self.shift
    let isDistinct = slots.withUnsafeMutableBufferPointer { table in
      let mask = table.count - 1
      for item in sorted {
        var index = ClaimIndex.start(item.key, shift: shift)
        while table[index].key != 0 {
          if table[index].key == item.key { return false }
          index = (index + 1) & mask
        }
        table[index] = item
      }
      return true
    }
    guard isDistinct else { return nil }
  }

  private func start(_ key: UInt64) -> Int {
    ClaimIndex.start(key, shift: shift)
  }

  private static func start(_ key: UInt64, shift: UInt64) -> Int {
    Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  func position(of id: ClaimID) -> Int? {
    let key = id.bits &+ 1
    let mask = slots.count - 1
    return slots.withUnsafeBufferPointer { slots in
      var index = start(key)
      while true {
        let slot = slots[index]
        if slot.key == key { return Int(slot.position) }
        if slot.key == 0 { return nil }
        index = (index + 1) & mask
      }
    }
  }

  /// Records `position` for `id` unless the id is there already; returns the earlier position.
  mutating func insert(_ id: ClaimID, at position: Int) -> Int? {
    let key = id.bits &+ 1
    let mask = slots.count - 1
    let first = start(key)
    return slots.withUnsafeMutableBufferPointer { slots in
      var index = first
      while true {
        if slots[index].key == key { return Int(slots[index].position) }
        if slots[index].key == 0 {
          slots[index] = Slot(key: key, position: Int32(truncatingIfNeeded: position))
          return nil
        }
        index = (index + 1) & mask
      }
    }
  }
}
