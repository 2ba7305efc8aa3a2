/// Cuts a line of text into sentences, and a sentence into clauses, by scanning its UTF-8 bytes.
///
/// Chinese ends sentences with 。！？；… and English with . ! ? ; — but a full stop inside a
/// number (`3.5`), an abbreviation (`U.S.`, `Mr.`) or a link does not end a sentence.
/// Closing quotes and brackets after the end stay with the sentence they close.
enum SentenceSplitter {
  /// Byte ranges of the sentences of `bytes`, trimmed of surrounding spaces.
  static func sentences(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    // Room for sentences of about 40 bytes, so a paragraph's list is not grown step by step.
    ranges.reserveCapacity(bytes.count / 40 + 1)
    var start = 0
    var index = 0
    let count = bytes.count
    while index < count {
      // Eight bytes at a time up to the next byte that could end a sentence.
      if index + 8 <= count, let base = bytes.baseAddress {
        let ends = mayEndSentence(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        if ends == 0 {
          index += 8
          continue
        }
        index += ends.trailingZeroBitCount / 8
      }
      let byte = bytes[index]
      var end: Int?  // the index just past the terminator
      if byte < 0x80 {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"):
          end = index + 1
        case UInt8(ascii: "."):
          if endsSentence(bytes, at: index, sentenceStart: start) { end = index + 1 }
        default: break
        }
      } else if byte == 0xE2 || byte == 0xE3 || byte == 0xEF,
        let width = terminatorWidth(bytes, at: index)
      {
        end = index + width
      }
      guard var stop = end else {
        index += 1
        continue
      }
      // Runs of terminators (。。, ?!, ……) and closing quotes stay with the sentence.
      while stop < count, let width = closingWidth(bytes, at: stop) { stop += width }
      append(start..<stop, of: bytes, to: &ranges)
      start = stop
      index = stop
    }
    append(start..<count, of: bytes, to: &ranges)
    return ranges
  }

  /// Byte ranges of the clauses of a sentence: cut after ，,：:；and dashes, but not inside
  /// numbers (`1,000`, `10:30`) nor between adjectives (`a cheaper, lighter headset`).
  static func clauses(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    var index = 0
    let count = bytes.count
    var joined = false
    while index < count {
      let byte = bytes[index]
      var width = 0
      if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") {
        let before = index > 0 ? bytes[index - 1] : 0
        let after = index + 1 < count ? bytes[index + 1] : 0
        let isJoined =
          byte == UInt8(ascii: ",") && isLower(before)
          && joinsAdjectives(bytes, comma: index, chained: joined)
        joined = isJoined
        if !(isDigit(before) && isDigit(after)) && !isJoined { width = 1 }
      } else if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBC {
        // ，(EF BC 8C) ：(EF BC 9A)
        if bytes[index + 2] == 0x8C || bytes[index + 2] == 0x9A { width = 3 }
      } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80,
        bytes[index + 2] == 0x94
      {
        width = 3  // — (an em dash)
      }
      if width > 0 {
        append(start..<(index + width), of: bytes, to: &ranges)
        start = index + width
        index = start
      } else {
        index += 1
      }
    }
    append(start..<count, of: bytes, to: &ranges)
    return ranges
  }

  /// A high bit in the first byte of `word` (in memory order) that is `!`, `.`, `;`, `?` or the
  /// lead byte of a CJK terminator (E2, E3, EF), and possibly in later bytes; 0 when none is.
  @inline(__always)
  private static func mayEndSentence(_ littleEndianWord: UInt64) -> UInt64 {
    let word = UInt64(littleEndian: littleEndianWord)
    let ones: UInt64 = 0x0101_0101_0101_0101
    // A zero byte in each of these marks a byte sought: E2 or E3, EF, ; or ?, ., !.
    let zeros =
      hasZeroByte((word | ones) ^ (ones * 0xE3)) | hasZeroByte(word ^ (ones * 0xEF))
      | hasZeroByte((word | ones * 0x04) ^ (ones * 0x3F)) | hasZeroByte(word ^ (ones * 0x2E))
      | hasZeroByte(word ^ (ones * 0x21))
    return zeros
  }

  /// The high bit of the first zero byte of `word` is set, and none is set before it.
  @inline(__always)
  private static func hasZeroByte(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    return (word &- ones) & ~word & (ones * 0x80)
  }

  private static func append(
    _ range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>, to ranges: inout [Range<Int>]
  ) {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, isSpace(bytes[lower]) { lower += 1 }
    while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
    if lower < upper { ranges.append(lower..<upper) }
  }

  /// The width of a CJK sentence terminator at `index`: 。！？；… (and their full-width forms).
  private static func terminatorWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    guard index + 2 < bytes.count else { return nil }
    let (b0, b1, b2) = (bytes[index], bytes[index + 1], bytes[index + 2])
    if b0 == 0xE3, b1 == 0x80, b2 == 0x82 { return 3 }  // 。
    if b0 == 0xEF, b1 == 0xBC, b2 == 0x81 || b2 == 0x9F || b2 == 0x9B { return 3 }  // ！？；
    if b0 == 0xE2, b1 == 0x80, b2 == 0xA6 { return 3 }  // …
    return nil
  }

  /// The width of a byte sequence that closes a sentence already ended: a repeated terminator,
  /// a closing quote or bracket.
  private static func closingWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    let byte = bytes[index]
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"),
      UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "."):
      return 1
    default: break
    }
    if let width = terminatorWidth(bytes, at: index) { return width }
    guard index + 2 < bytes.count else { return nil }
    let (b1, b2) = (bytes[index + 1], bytes[index + 2])
    // ” ’ (E2 80 9D / 99), 」』 (E3 80 8D / 8F), ） (EF BC 89), 》(E3 80 8B)
    if byte == 0xE2, b1 == 0x80, b2 == 0x9D || b2 == 0x99 { return 3 }
    if byte == 0xE3, b1 == 0x80, b2 == 0x8D || b2 == 0x8F || b2 == 0x8B { return 3 }
    if byte == 0xEF, b1 == 0xBC, b2 == 0x89 { return 3 }
    return nil
  }

  /// Whether the full stop at `index` ends a sentence.
  private static func endsSentence(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, sentenceStart: Int
  ) -> Bool {
    let next = index + 1 < bytes.count ? bytes[index + 1] : UInt8(ascii: " ")
    // 3.5, example.com, U.S.A: no space after the stop means it is inside a token.
    if !(isSpace(next) || next >= 0x80 || next == UInt8(ascii: "\"")
      || next == UInt8(ascii: ")") || next == UInt8(ascii: "'"))
    {
      return false
    }
    // The word before the stop.
    var wordStart = index
    while wordStart > sentenceStart, !isSpace(bytes[wordStart - 1]), bytes[wordStart - 1] < 0x80 {
      wordStart -= 1
    }
    let word = bytes[wordStart..<index]
    if word.isEmpty { return true }
    // "U.S." and "e.g.": a dotted abbreviation, unless it is in capitals and a word that opens
    // sentences follows ("…in the U.S. Should you…"); "A." a single initial.
    if word.contains(UInt8(ascii: ".")) && word.count <= 5 {
      let isCapitals = word.allSatisfy { isUpper($0) || $0 == UInt8(ascii: ".") }
      return isCapitals && opensSentence(bytes, at: index)
    }
    if word.count == 1, let letter = word.first, isUpper(letter) { return false }
    if word.contains(UInt8(ascii: "/")) && word.contains(UInt8(ascii: ":")) { return false }
    return !abbreviations.contains(key(lowercasing: word))
  }

  /// Whether the word after the stop at `index` is a capitalised word that opens sentences
  /// and does not go on a name ("The", "Should", "But"; not "Steel" of "U.S. Steel").
  private static func opensSentence(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    var start = index + 1
    while start < bytes.count, isSpace(bytes[start]) { start += 1 }
    var end = start
    while end < bytes.count, bytes[end] | 0x20 >= UInt8(ascii: "a"),
      bytes[end] | 0x20 <= UInt8(ascii: "z")
    {
      end += 1
    }
    guard end > start, isUpper(bytes[start]) else { return false }
    let word = key(lowercasing: bytes[start..<end])
    // A word too long to pack has the key 0: the few long openers are compared as text.
    guard word == 0 else { return sentenceOpeners.contains(word) }
    let text = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
    return longSentenceOpeners.contains(text)
  }

  private static let longSentenceOpeners: Set<String> = [
    "meanwhile", "nevertheless", "furthermore", "additionally", "separately", "elsewhere",
  ]

  private static let sentenceOpeners: Set<UInt64> = Set(
    [
      "the", "a", "an", "but", "and", "so", "yet", "should", "will", "would", "could", "can",
      "it", "its", "this", "that", "these", "those", "we", "i", "he", "she", "they", "there",
      "if", "when", "what", "how", "why", "is", "are", "do", "does", "still", "however",
      "our", "their", "his", "her",
    ].map { key(lowercasing: Array($0.utf8)) })

  /// Abbreviations as `key(lowercasing:)` packs them: compared as integers, since every English
  /// sentence end is checked against them.
  private static let abbreviations: [UInt64] = [
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "corp", "co", "ltd", "vs", "etc",
    "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "gen", "gov", "sen", "rep", "approx", "est", "fig", "al",
  ].map { key(lowercasing: Array($0.utf8)) }

  /// Up to eight bytes, lower-cased, packed into an integer; 0 for a longer word, which is no
  /// abbreviation.
  private static func key(lowercasing word: some Collection<UInt8>) -> UInt64 {
    guard word.count <= 8 else { return 0 }
    return word.reduce(0) { $0 << 8 | UInt64(isUpper($1) ? $1 + 32 : $1) }
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  private static func isUpper(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
  }
}
