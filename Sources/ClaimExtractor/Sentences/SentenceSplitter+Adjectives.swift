/// A comma between two adjectives of one noun phrase ("a cheaper, lighter headset"), which
/// cuts no clause: cutting there would part the verb from the window after the noun.
extension SentenceSplitter {
  /// Whether the comma at `comma` sits between adjectives: after a word that looks like one and
  /// follows a determiner (or an adjective joined the same way, `chained`), and before a word
  /// in lower case that opens no clause and is followed by another word (the noun).
  static func joinsAdjectives(
    _ bytes: UnsafeBufferPointer<UInt8>, comma: Int, chained: Bool
  ) -> Bool {
    guard comma + 2 < bytes.count, bytes[comma + 1] == 0x20, isLower(bytes[comma + 2]) else {
      return false
    }
    let before = word(endingAt: comma, in: bytes)
    guard before.count >= 3, looksAdjectival(UnsafeBufferPointer(rebasing: bytes[before])) else {
      return false
    }
    var previousEnd = before.lowerBound
    guard previousEnd >= 2, bytes[previousEnd - 1] == 0x20 else { return false }
    previousEnd -= 1
    if !(chained && bytes[previousEnd - 1] == UInt8(ascii: ",")) {
      let previous = word(endingAt: previousEnd, in: bytes)
      let text = UnsafeBufferPointer(rebasing: bytes[previous])
      guard determiners.contains(where: { same(text, $0) }) else { return false }
    }
    let after = word(startingAt: comma + 2, in: bytes)
    let text = UnsafeBufferPointer(rebasing: bytes[after])
    guard !clauseOpeners.contains(where: { same(text, $0) }) else { return false }
    // The noun after the second adjective (a further word in lower case), or a third one.
    guard after.upperBound + 1 < bytes.count else { return false }
    return bytes[after.upperBound] == 0x20 && isLower(bytes[after.upperBound + 1])
      || bytes[after.upperBound] == UInt8(ascii: ",")
  }

  static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

  private static func isLetter(_ byte: UInt8) -> Bool {
    byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A || byte == UInt8(ascii: "-")
  }

  private static func word(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var start = end
    while start > 0, isLetter(bytes[start - 1]) { start -= 1 }
    return start..<end
  }

  private static func word(startingAt start: Int, in bytes: UnsafeBufferPointer<UInt8>)
    -> Range<Int>
  {
    var end = start
    while end < bytes.count, isLetter(bytes[end]) { end += 1 }
    return start..<end
  }

  /// An adjective's ending (cheaper, smallest, powerful, foldable, electric, …) or a short
  /// common adjective.
  private static func looksAdjectival(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    adjectiveEndings.contains { ending in
      word.count > ending.count + 1 && word.suffix(ending.count).elementsEqual(ending)
    } || shortAdjectives.contains { same(word, $0) }
  }

  private static func same(_ word: UnsafeBufferPointer<UInt8>, _ other: [UInt8]) -> Bool {
    word.count == other.count && zip(word, other).allSatisfy { $0 | 0x20 == $1 }
  }

  private static let adjectiveEndings = ByteText.encoded([
    "er", "est", "ful", "ous", "ive", "al", "ic", "able", "ible", "less", "ish", "ed",
  ])
  private static let shortAdjectives = ByteText.encoded([
    "new", "big", "small", "cheap", "fast", "slow", "thin", "light", "long", "short", "high",
    "low", "large", "old", "young", "bold", "safe", "smart", "clean", "green", "compact",
    "affordable", "quiet", "strong", "weak", "wide", "narrow",
  ])
  private static let determiners = ByteText.encoded([
    "a", "an", "the", "its", "their", "his", "her", "our", "your", "this", "that", "these",
    "those", "two", "three", "several", "more", "some",
  ])
  /// Words that open a clause or a phrase of their own after a comma.
  private static let clauseOpeners = ByteText.encoded([
    "and", "or", "but", "nor", "so", "yet", "which", "who", "whom", "whose", "that", "while",
    "whereas", "although", "though", "because", "since", "if", "unless", "when", "where", "as",
    "with", "without", "including", "according", "said", "says", "say", "the", "a", "an", "it",
    "they", "he", "she", "we", "i", "you", "not", "then", "also", "analysts", "in", "on", "at",
    "by", "for", "from", "to", "of",
  ])
}
