/// A small table in front of a dictionary keyed by texts that repeat by the thousand (sources,
/// outlets, hedge words), so a scorecard looks each claim's up without hashing the whole text.
///
/// Hashing a `String` normalises it first, which is slow for Chinese; this table hashes a few
/// bytes and confirms with `==`, which is immediate for the one copy of a name the ledger's
/// reader keeps. A miss only means the caller asks its dictionary and remembers the answer.
struct TextSlots: Sendable {
  private var keys = [String?](repeating: nil, count: 1 << 12)
  private var values = [Int](repeating: 0, count: 1 << 12)

  /// The value remembered for `text`, if its slot holds it.
  func value(for text: String) -> Int? {
    let slot = TextSlots.slot(of: text)
    guard let key = keys[slot], key == text else { return nil }
    return values[slot]
  }

  /// Remembers `value` for `text`, in place of whatever shared its slot.
  mutating func remember(_ value: Int, for text: String) {
    let slot = TextSlots.slot(of: text)
    keys[slot] = text
    values[slot] = value
  }

  /// FNV-1a over the length and the first 16 bytes of the UTF-8.
  private static func slot(of text: String) -> Int {
    // Over the bytes in place: the view's generic `prefix` took a fifth of laying out rows.
    var text = text
    return text.withUTF8 { utf8 in
      var hash: UInt32 = 2_166_136_261 ^ UInt32(truncatingIfNeeded: utf8.count)
      for byte in utf8.prefix(16) {
        hash = (hash ^ UInt32(byte)) &* 16_777_619
      }
      return Int(hash & (1 << 12 - 1))
    }
  }
}
