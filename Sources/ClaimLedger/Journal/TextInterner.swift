import Foundation

/// One shared copy of each short text that recurs across lines (sources, outlets, languages,
/// hedges, deadline words, tag lists), keyed by its raw bytes.
///
/// A million-claim journal names a few hundred sources; sharing them saves an allocation and a
/// UTF-8 validation per field. The table is small and fixed, and stops taking new texts when
/// half full, so unique texts cannot make it grow.
struct TextInterner<Value> {
  /// Per slot: the key's hash (zero when empty), where its bytes are in `keyBytes`, its value.
  /// Kept in plain arrays so a lookup retains nothing but the value it returns.
  private var hashes: [UInt64]
  private var keyStarts: [Int32]
  private var keyLengths: [Int32]
  private var values: [Value?]
  private var keyBytes: [UInt8] = []
  private var count = 0
  /// Longer texts are rarely repeated; they are decoded every time.
  static var maximumLength: Int { 48 }

  init(slotCount: Int = 2048) {
    hashes = [UInt64](repeating: 0, count: slotCount)
    keyStarts = [Int32](repeating: 0, count: slotCount)
    keyLengths = [Int32](repeating: 0, count: slotCount)
    values = [Value?](repeating: nil, count: slotCount)
  }

  /// The value stored for exactly these bytes, if any.
  func value(for raw: UnsafeBufferPointer<UInt8>) -> Value? {
    guard raw.count <= Self.maximumLength else { return nil }
    let hash = Self.hash(raw)
    switch slot(for: raw, hash: hash) {
    case .found(let index): return values[index]
    case .empty: return nil
    }
  }

  /// Keeps `value` for these bytes while there is room.
  mutating func insert(_ value: Value, for raw: UnsafeBufferPointer<UInt8>) {
    guard raw.count <= Self.maximumLength, 2 * count < hashes.count else { return }
    let hash = Self.hash(raw)
    guard case .empty(let index) = slot(for: raw, hash: hash) else { return }
    hashes[index] = hash
    keyStarts[index] = Int32(keyBytes.count)
    keyLengths[index] = Int32(raw.count)
    keyBytes.append(contentsOf: raw)
    values[index] = value
    count += 1
  }

  private enum Probe {
    case found(Int)
    case empty(Int)
  }

  /// Linear probing from the hash's slot to the key's slot or the first empty one.
  private func slot(for raw: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Probe {
    let mask = hashes.count - 1
    var index = Int(truncatingIfNeeded: hash) & mask
    return keyBytes.withUnsafeBufferPointer { stored in
      while true {
        let slotHash = hashes[index]
        if slotHash == 0 { return .empty(index) }
        if slotHash == hash, Int(keyLengths[index]) == raw.count {
          let start = Int(keyStarts[index])
          if raw.count == 0 { return .found(index) }
          if let left = stored.baseAddress, let right = raw.baseAddress,
            memcmp(left + start, right, raw.count) == 0
          {
            return .found(index)
          }
        }
        index = (index + 1) & mask
      }
    }
  }

  /// FNV-1a, folded so the low bits used for the slot depend on every byte.
  private static func hash(_ raw: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in raw { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    // Never zero, which marks an empty slot.
    return (hash ^ (hash >> 29)) | 1
  }
}

/// The interning tables one parsing worker keeps for its lines.
struct LineInterning {
  var texts = TextInterner<String>()
  var tagLists = TextInterner<[String]>(slotCount: 1024)
  /// Where the worker keeps the bytes of claims' texts and quotes.
  var arena = TextArena()
  var days = DayCache()
}
