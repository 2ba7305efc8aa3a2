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

  private func start(_ key: UInt64) -> Int {
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
