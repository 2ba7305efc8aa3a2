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

  /// Each word as UTF-8, once.
  static func encoded(_ words: [String]) -> [[UInt8]] {
    words.map { Array($0.utf8) }
  }
}
