import Foundation

/// Substring search on UTF-8 bytes, for the short word lists the pipeline checks per claim:
/// Foundation's `contains` goes through CFString and costs far more on such small inputs.
enum ByteText {
  /// Whether `needle` occurs in `haystack`.
  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    haystack.withUnsafeBufferPointer { firstIndex(of: needle, in: $0, from: 0) } != nil
  }

  /// Where `needle` first occurs in `bytes` at or after `start`: `memchr` finds each place its
  /// first byte is, and `memcmp` compares the rest.
  static func firstIndex(
    of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Int? {
    needle.withUnsafeBufferPointer { firstIndex(of: $0, in: bytes, from: start) }
  }

  static func firstIndex(
    of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Int? {
    guard let head = needle.first, let wanted = needle.baseAddress, let base = bytes.baseAddress,
      start >= 0, bytes.count >= needle.count, start <= bytes.count - needle.count
    else { return nil }
    let last = bytes.count - needle.count
    var from = start
    while from <= last, let found = memchr(base + from, Int32(head), last - from + 1) {
      let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
      if memcmp(base + index, wanted, needle.count) == 0 { return index }
      from = index + 1
    }
    return nil
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

  /// Whether every scalar of `text` is one that never forms a `Character` with a neighbour and
  /// that normalization leaves as it is: ASCII but CR, general punctuation, CJK symbols and
  /// punctuation, ideographs, and full-width forms.
  static func isNormalizationInert(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return true }
      let ones: UInt64 = 0x0101_0101_0101_0101
      var index = 0
      while index < bytes.count {
        // Eight printable ASCII bytes at once: none at or above 0x7F, none below 0x20.
        if index + 8 <= bytes.count {
          let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
          let low = word & (ones * 0x7F)
          let isPrintable = (low &+ ones * 0x60) & ~(low &+ ones * 0x01) & ~word
          if isPrintable & (ones * 0x80) == ones * 0x80 {
            index += 8
            continue
          }
        }
        let lead = base[index]
        // Most Chinese: a three-byte character, decoded in place.
        if lead & 0xF0 == 0xE0, index + 2 < bytes.count {
          let value =
            UInt32(lead & 0x0F) << 12 | UInt32(base[index + 1] & 0x3F) << 6
            | UInt32(base[index + 2] & 0x3F)
          guard isInert(value) else { return false }
          index += 3
          continue
        }
        let (value, length) = scalar(in: bytes, at: index)
        guard isInert(value) else { return false }
        index += length
      }
      return true
    }
  }

  static func isInert(_ value: UInt32) -> Bool {
    switch value {
    case 0x20...0x7E, 0x09, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xFF01...0xFF60:
      true
    default: false
    }
  }

  /// Whether two strings have the same bytes, compared with `memcmp`.
  static func same(_ left: String, _ right: String) -> Bool {
    left.utf8.count == right.utf8.count && compare(left, part: right, atEnd: false)
  }

  /// Whether the bytes of `text` start with those of `prefix`.
  static func starts(_ text: String, with prefix: String) -> Bool {
    compare(text, part: prefix, atEnd: false)
  }

  /// Whether the bytes of `text` end with those of `suffix`.
  static func ends(_ text: String, with suffix: String) -> Bool {
    compare(text, part: suffix, atEnd: true)
  }

  private static func compare(_ text: String, part: String, atEnd: Bool) -> Bool {
    let count = part.utf8.count
    guard text.utf8.count >= count else { return false }
    var text = text
    var part = part
    return text.withUTF8 { textBytes in
      part.withUTF8 { partBytes in
        guard let textBase = textBytes.baseAddress, let partBase = partBytes.baseAddress else {
          return true
        }
        let offset = atEnd ? textBytes.count - count : 0
        return memcmp(textBase + offset, partBase, count) == 0
      }
    }
  }

  /// Each word as UTF-8, once.
  static func encoded(_ words: [String]) -> [[UInt8]] {
    words.map { Array($0.utf8) }
  }
}
