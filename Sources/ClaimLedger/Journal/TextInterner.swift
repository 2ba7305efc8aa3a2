import Foundation

/// One shared copy of each short text that recurs across lines (sources, outlets, languages,
/// hedges, deadline words, tag lists), keyed by its raw bytes.
///
/// A million-claim journal names a few hundred sources; sharing them saves an allocation and a
/// UTF-8 validation per field. The table is small and fixed, and stops taking new texts when
/// half full, so unique texts cannot make it grow.
struct TextInterner<Value> {
  /// A slot's key: its hash (zero when empty) and where its bytes are in `keyBytes`, in one
  /// record, so a probe reads one cache line where three arrays took three.
  private struct Key {
    var hash: UInt64 = 0
    var start: Int32 = 0
    var length: Int32 = 0
  }

  /// Kept in plain arrays so a lookup retains nothing but the value it returns.
  private var keys: [Key]
  private var values: [Value?]
  private var keyBytes: [UInt8] = []
  private var count = 0
  /// Longer texts are rarely repeated; they are decoded every time.
  static var maximumLength: Int { 48 }

  init(slotCount: Int = 2048) {
    keys = [Key](repeating: Key(), count: slotCount)
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
    guard raw.count <= Self.maximumLength, 2 * count < keys.count else { return }
    let hash = Self.hash(raw)
    guard case .empty(let index) = slot(for: raw, hash: hash) else { return }
    keys[index] = Key(
      hash: hash, start: Int32(keyBytes.count), length: Int32(raw.count))
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
    keys.withUnsafeBufferPointer { keys in
      keyBytes.withUnsafeBufferPointer { stored in
        let mask = keys.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
          let key = keys[index]
          if key.hash == 0 { return .empty(index) }
          if key.hash == hash, Int(key.length) == raw.count {
            if raw.count == 0 { return .found(index) }
            if let left = stored.baseAddress, let right = raw.baseAddress,
              memcmp(left + Int(key.start), right, raw.count) == 0
            {
              return .found(index)
            }
          }
          index = (index + 1) & mask
        }
      }
    }
  }

  /// Eight bytes at a time, each word mixed in by a multiply, the length first; the last
  /// word is read ending at the last byte, overlapping the one before, and a text under eight
  /// bytes is read as two overlapping halves or three bytes. Every byte is read, so texts of
  /// one length that differ get different words. The byte-at-a-time hash this replaced waited
  /// on one multiply per byte.
  static func hash(_ raw: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    let count = raw.count
    var hash = 0xCBF2_9CE4_8422_2325 ^ UInt64(count)
    guard let base = raw.baseAddress, count > 0 else { return hash | 1 }
    @inline(__always) func mix(_ word: UInt64) {
      hash = (hash ^ word) &* multiplier
      hash ^= hash >> 32
    }
    let bytes = UnsafeRawPointer(base)
    if count >= 8 {
      var index = 0
      while index &+ 8 < count {
        mix(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        index &+= 8
      }
      mix(bytes.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self))
    } else if count >= 4 {
      let first = UInt64(bytes.loadUnaligned(as: UInt32.self))
      let last = UInt64(bytes.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
      mix(first << 32 | last)
    } else {
      mix(UInt64(base[0]) << 16 | UInt64(base[count >> 1]) << 8 | UInt64(base[count &- 1]))
    }
    hash = hash &* multiplier
    // Never zero, which marks an empty slot; the high bits folded into the low ones the
    // slot is taken from.
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
