/// Days read before, by the bytes that spell them.
///
/// A journal names a few thousand dates over and over (said dates, deadlines, the days of its
/// timestamps); a hit costs one compare instead of checking ten digits and converting them.
struct DayCache {
  private struct Slot {
    /// The date's first eight bytes; zero marks an empty slot, as no date starts with NULs.
    var head: UInt64 = 0
    var tail: UInt16 = 0
    var day = Day(daysSinceEpoch: 0)
  }

  private var slots = [Slot](repeating: Slot(), count: 1 << DayCache.slotBits)
  private static let slotBits = 10

  /// The day `bytes` spell, exactly as `Day(bytes:)` reads them.
  mutating func day(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
    guard bytes.count == 10, let base = UnsafeRawPointer(bytes.baseAddress) else {
      return Day(bytes: bytes)
    }
    let head = base.loadUnaligned(as: UInt64.self)
    let tail = base.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
    let mixed = (head ^ UInt64(tail) &<< 48) &* 0x9E37_79B9_7F4A_7C15
    let index = Int(truncatingIfNeeded: mixed &>> UInt64(64 - DayCache.slotBits))
    return slots.withUnsafeMutableBufferPointer { slots in
      if slots[index].head == head, slots[index].tail == tail { return slots[index].day }
      guard let day = Day(bytes: bytes) else { return nil }
      slots[index] = Slot(head: head, tail: tail, day: day)
      return day
    }
  }
}
