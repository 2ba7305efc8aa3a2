import Dispatch

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

  var slotCount: Int { slots.count }

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
  /// sort, read and written in order), and the runs are then inserted in groups on all cores,
  /// each group into its own stretch of the table. A key whose probe would leave its stretch
  /// is set aside and inserted once every group is done. `groups` is for tests: by default a
  /// small index is one group and a large one a few per core.
  init?(distinct count: Int, groups: Int? = nil, id: @Sendable (Int) -> ClaimID) {
    self.init(capacity: count)
    let runShift = max(0, Int.bitWidth - slots.count.leadingZeroBitCount - 1 - 8)
    let shift = self.shift
    let keys = ParallelMap.parts(count: count) { range in
      var keys: [UInt64] = []
      var runCounts = [Int](repeating: 0, count: 256)
      keys.reserveCapacity(range.count)
      for position in range {
        let key = id(position).bits &+ 1
        keys.append(key)
        runCounts[ClaimIndex.start(key, shift: shift) >> runShift] += 1
      }
      return (first: range.lowerBound, keys: keys, runCounts: runCounts)
    }
    // Where each part's keys of each run go: runs in table order, parts in order within a run.
    var runStarts = [Int](repeating: 0, count: 257)
    var partOffsets = [[Int]](repeating: [], count: keys.count)
    var offset = 0
    for run in 0..<256 {
      runStarts[run] = offset
      for part in keys.indices {
        partOffsets[part].append(offset)
        offset += keys[part].runCounts[run]
      }
    }
    runStarts[256] = offset
    let runBounds = runStarts
    let sorted = [Slot](unsafeUninitializedCapacity: count) { buffer, initialized in
      let shared = SharedBuffer(buffer: buffer)
      let offsets = partOffsets
      DispatchQueue.concurrentPerform(iterations: keys.count) { part in
        var next = offsets[part]
        for (number, key) in keys[part].keys.enumerated() {
          let run = ClaimIndex.start(key, shift: shift) >> runShift
          shared.buffer.initializeElement(
            at: next[run],
            to: Slot(key: key, position: Int32(truncatingIfNeeded: keys[part].first + number)))
          next[run] += 1
        }
      }
      initialized = count
    }
    let groups = min(256, max(1, groups ?? (count < 50_000 ? 1 : 4 * ProcessInfoCores.count)))
    // A stretch of the table per run; a table too small for 256 stretches has stretches of
    // no slots, and every key of a group but the last is set aside, which is still right.
    let regionSize = slots.count >> 8
    let outcome = slots.withUnsafeMutableBufferPointer { table in
      let shared = SharedBuffer(buffer: table)
      let results = WorkerSlots<(isDistinct: Bool, setAside: [Slot])>(count: groups)
      DispatchQueue.concurrentPerform(iterations: groups) { group in
        // Runs shared out in proportion, so every run falls to a group whatever the count.
        let firstRun = group * 256 / groups
        let endRun = (group + 1) * 256 / groups
        let end = endRun == 256 ? shared.buffer.count : endRun * regionSize
        var setAside: [Slot] = []
        for item in sorted[runBounds[firstRun]..<runBounds[endRun]] {
          var index = ClaimIndex.start(item.key, shift: shift)
          while index < end, shared.buffer[index].key != 0 {
            if shared.buffer[index].key == item.key {
              results.store((false, []), at: group)
              return
            }
            index += 1
          }
          if index < end {
            shared.buffer[index] = item
          } else {
            setAside.append(item)
          }
        }
        results.store((true, setAside), at: group)
      }
      let mask = table.count - 1
      for result in results.values {
        guard let result, result.isDistinct else { return false }
        for item in result.setAside {
          var index = ClaimIndex.start(item.key, shift: shift)
          while table[index].key != 0 {
            if table[index].key == item.key { return false }
            index = (index + 1) & mask
          }
          table[index] = item
        }
      }
      return true
    }
    guard outcome else { return nil }
  }

  private func start(_ key: UInt64) -> Int {
    ClaimIndex.start(key, shift: shift)
  }

  /// The slot a key's probe starts at, in a table of `1 << (64 - shift)` slots.
  static func start(_ key: UInt64, shift: UInt64) -> Int {
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
