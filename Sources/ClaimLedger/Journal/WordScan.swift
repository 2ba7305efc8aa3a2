/// Finds bytes eight at a time. Each mask sets the high bit of the bytes it looks for, by the
/// zero-byte test on the word XORed with each: a borrow can flag only bytes above a true
/// match, so the lowest flag is always exact.
enum WordScan {
  /// A one in every byte, and the high bit of every byte.
  static let low: UInt64 = 0x0101_0101_0101_0101
  static let high: UInt64 = 0x8080_8080_8080_8080

  /// The bytes equal to `byte`.
  @inline(__always)
  static func matches(_ word: UInt64, _ byte: UInt64) -> UInt64 {
    let difference = word ^ (low &* byte)
    return (difference &- low) & ~difference & high
  }

  /// The bytes below `bound` (at most 0x80).
  @inline(__always)
  static func below(_ word: UInt64, _ bound: UInt64) -> UInt64 {
    (word &- low &* bound) & ~word & high
  }

  /// Quotes, backslashes and control characters: what ends the plain run of a JSON string.
  @inline(__always)
  static func jsonStringEnds(_ word: UInt64) -> UInt64 {
    matches(word, 0x22) | matches(word, 0x5C) | below(word, 0x20)
  }

  /// Quotes, commas and line ends: what ends an unquoted cell and what needs quoting.
  @inline(__always)
  static func cellEnds(_ word: UInt64) -> UInt64 {
    matches(word, 0x22) | matches(word, 0x2C) | matches(word, 13) | matches(word, 10)
  }

  /// Quotes and line feeds: what a quoted cell's reader stops at.
  @inline(__always)
  static func quotesAndNewlines(_ word: UInt64) -> UInt64 {
    matches(word, 0x22) | matches(word, 10)
  }

  /// The index of the first byte from `start` that `mask` flags, looked for eight bytes at a
  /// time; when fewer than eight bytes are left and none was flagged, the index where the
  /// caller's byte-by-byte scan takes over.
  static func firstFlagged(
    in bytes: [UInt8], from start: Int, by mask: (UInt64) -> UInt64
  ) -> Int {
    bytes.withUnsafeBytes { raw in
      var index = start
      guard let base = raw.baseAddress else { return index }
      while index &+ 8 <= raw.count {
        let flags = mask(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        if flags != 0 { return index &+ flags.trailingZeroBitCount >> 3 }
        index &+= 8
      }
      return index
    }
  }

  /// Whether `mask` flags any byte of `bytes`.
  static func contains(_ bytes: UnsafeRawBufferPointer, by mask: (UInt64) -> UInt64) -> Bool {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
    let count = bytes.count
    guard count >= 8 else {
      // A short text in one word, padded with its own first byte so that no padding byte
      // can be taken for one the mask looks for.
      var word = low &* UInt64(base.load(as: UInt8.self))
      withUnsafeMutableBytes(of: &word) { $0.baseAddress?.copyMemory(from: base, byteCount: count) }
      return mask(word) != 0
    }
    var index = 0
    while index &+ 8 <= count {
      if mask(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) != 0 { return true }
      index &+= 8
    }
    // The last word again, overlapping the one before: looking at a byte twice is harmless.
    return index != count
      && mask(base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)) != 0
  }
}
