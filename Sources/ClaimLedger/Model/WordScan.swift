/// Searches UTF-8 text for any of a list of words, for the checks that read every claim.
public enum WordScan {
  /// Whether any of `words` (lower-case UTF-8) occurs in `bytes`, ASCII compared without case;
  /// a word that starts with an ASCII letter must start a word, so "ban" is not found in
  /// "urban". Chinese words match anywhere.
  public static func contains(_ words: [[UInt8]], in bytes: [UInt8]) -> Bool {
    firstMatch(words, in: bytes) != nil
  }

  /// The index in `words` of the first word (in list order) found in `bytes`.
  public static func firstMatch(_ words: [[UInt8]], in bytes: [UInt8]) -> Int? {
    guard !bytes.isEmpty else { return nil }
    for (index, word) in words.enumerated() {
      guard let first = word.first, word.count <= bytes.count else { continue }
      let isASCIIWord = first < 0x80 && isLetter(first)
      var start = 0
      while start + word.count <= bytes.count {
        if lowered(bytes[start]) == first, matches(word, in: bytes, at: start),
          !isASCIIWord || start == 0 || !isLetter(bytes[start - 1])
        {
          return index
        }
        start += 1
      }
    }
    return nil
  }

  private static func matches(_ word: [UInt8], in bytes: [UInt8], at start: Int) -> Bool {
    for offset in 1..<max(word.count, 1) where lowered(bytes[start + offset]) != word[offset] {
      return false
    }
    return true
  }

  /// ASCII upper case to lower case; every other byte as it is.
  public static func lowered(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
  }

  public static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }
}
