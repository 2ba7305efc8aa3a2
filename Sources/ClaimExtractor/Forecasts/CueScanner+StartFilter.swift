extension CueScanner {
  /// The first three bytes of the cues, hashed into a bitmap of 2^17 bits (16 KiB, so it stays
  /// in the nearest cache). Where the three bytes of the text hash to a clear bit, no cue
  /// starts; a set bit only means one may.
  ///
  /// The hash keeps the low five bits of the first byte and the low six of the others. For a
  /// three-byte UTF-8 character (nearly all of Chinese) that is exactly its code point, so a
  /// Chinese character that starts no cue never passes; the fifth bit keeps digits and the
  /// letters P to Z (0x3_, 0x5_, 0x7_) apart from the lead bytes of Chinese (0xE_), which the
  /// letters A to O (0x4_, 0x6_) share.
  struct StartFilter: Sendable {
    let words: [UInt64]

    init(cues: [Cue]) {
      var words = [UInt64](repeating: 0, count: 1 << 11)
      for cue in cues {
        let pattern = Array(cue.word.utf8)
        // The scan never starts a cue of one byte; see `init(cues:)`.
        guard pattern.count >= 2 else { continue }
        let firsts = CueScanner.spellings(of: pattern[0], caseSensitive: cue.isCaseSensitive)
        let seconds = CueScanner.spellings(of: pattern[1], caseSensitive: cue.isCaseSensitive)
        // A cue of two bytes may be followed by any third one.
        let thirds: [UInt8] =
          pattern.count > 2
          ? CueScanner.spellings(of: pattern[2], caseSensitive: cue.isCaseSensitive)
          : (0..<64).map { UInt8($0) }
        for first in firsts {
          for second in seconds {
            for third in thirds {
              let hash = Bits.hash(first, second, third)
              words[hash >> 6] |= 1 << UInt64(hash & 63)
            }
          }
        }
      }
      self.words = words
    }
  }
}

extension CueScanner.StartFilter {
  /// The bitmap as a buffer, so the scan makes no retain or release.
  struct Bits {
    let words: UnsafeBufferPointer<UInt64>

    @inline(__always)
    static func hash(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
      Int(first & 0x1F) << 12 | Int(second & 0x3F) << 6 | Int(third & 0x3F)
    }

    /// The first index at or after `start` where a cue may start: a set bit, or one of the
    /// last two bytes, which have no three to hash and are left to the caller.
    @inline(__always)
    func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
      guard let base = bytes.baseAddress, let words = words.baseAddress else { return start }
      let limit = bytes.count - 2
      var index = start
      while index < limit {
        let hash = Bits.hash(base[index], base[index + 1], base[index + 2])
        if words[hash >> 6] >> UInt64(hash & 63) & 1 != 0 { return index }
        index += 1
      }
      return max(index, start)
    }
  }
}
