/// Substring search on UTF-8 bytes, for the short word lists the pipeline checks per claim:
/// Foundation's `contains` goes through CFString and costs far more on such small inputs.
enum ByteText {
  /// Whether `needle` occurs in `haystack`.
  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    lastRange(of: needle, in: haystack) != nil
  }

  /// The byte range of the last occurrence of `needle` in `haystack`.
  static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
    guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
    var start = haystack.count - needle.count
    while start >= 0 {
      if haystack[start] == needle[0],
        haystack[start..<(start + needle.count)].elementsEqual(needle)
      {
        return start..<(start + needle.count)
      }
      start -= 1
    }
    return nil
  }

  /// The scalar value at `index` of valid UTF-8 and its length in bytes, decoded by hand: the
  /// hot paths that need scalars read them straight off the bytes.
  @inline(__always)
  static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    value: UInt32, length: Int
  ) {
    let lead = UInt32(bytes[index])
    var (value, length): (UInt32, Int)
    if lead < 0x80 {
      return (lead, 1)
    } else if lead >= 0xF0 {
      (value, length) = (lead & 0x07, 4)
    } else if lead >= 0xE0 {
      (value, length) = (lead & 0x0F, 3)
    } else {
      (value, length) = (lead & 0x1F, 2)
    }
    var next = 1
    while next < length, index + next < bytes.count {
      value = value << 6 | UInt32(bytes[index + next] & 0x3F)
      next += 1
    }
    return (value, length)
  }

  /// Each word as UTF-8, once.
  static func encoded(_ words: [String]) -> [[UInt8]] {
    words.map { Array($0.utf8) }
  }
}
