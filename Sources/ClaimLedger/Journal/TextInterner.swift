/// One shared copy of each short text that recurs across lines (sources, outlets, languages,
/// hedges, deadline words, tag lists), keyed by its raw bytes.
///
/// A million-claim journal names a few hundred sources; sharing them saves an allocation and a
/// UTF-8 validation per field. The table is small and fixed, and stops taking new texts when
/// half full, so unique texts cannot make it grow.
struct TextInterner<Value> {
  private struct Slot {
    var hash: UInt64
    var key: [UInt8]
    var value: Value
  }

  private var slots: [Slot?]
  private var count = 0
  /// Longer texts are rarely repeated; they are decoded every time.
  static var maximumLength: Int { 48 }

  init(slotCount: Int = 2048) {
    slots = [Slot?](repeating: nil, count: slotCount)
  }

  /// The value stored for exactly these bytes, if any.
  func value(for raw: UnsafeBufferPointer<UInt8>) -> Value? {
    guard raw.count <= Self.maximumLength else { return nil }
    let hash = Self.hash(raw)
    var index = Int(truncatingIfNeeded: hash) & (slots.count - 1)
    while let slot = slots[index] {
      if slot.hash == hash, slot.key.elementsEqual(raw) { return slot.value }
      index = (index + 1) & (slots.count - 1)
    }
    return nil
  }

  /// Keeps `value` for these bytes while there is room.
  mutating func insert(_ value: Value, for raw: UnsafeBufferPointer<UInt8>) {
    guard raw.count <= Self.maximumLength, 2 * count < slots.count else { return }
    let hash = Self.hash(raw)
    var index = Int(truncatingIfNeeded: hash) & (slots.count - 1)
    while let slot = slots[index] {
      if slot.hash == hash, slot.key.elementsEqual(raw) { return }
      index = (index + 1) & (slots.count - 1)
    }
    slots[index] = Slot(hash: hash, key: Array(raw), value: value)
    count += 1
  }

  /// FNV-1a, folded so the low bits used for the slot depend on every byte.
  private static func hash(_ raw: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in raw { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return hash ^ (hash >> 29)
  }
}

/// The interning tables one parsing worker keeps for its lines.
struct LineInterning {
  var texts = TextInterner<String>()
  var tagLists = TextInterner<[String]>(slotCount: 1024)
}
