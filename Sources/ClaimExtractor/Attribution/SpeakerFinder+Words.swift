import Foundation

/// English words read from a sentence's bytes: speech verbs, capitals, commas.
extension SpeakerFinder {
  /// Whether `word`, lower-cased without the ASCII punctuation around it ("Said." → "said"), is
  /// an English speech verb; compared in place, since this runs on every word of a forecast.
  static func isSpeechVerb(_ word: some BidirectionalCollection<UInt8>) -> Bool {
    var start = word.startIndex
    var end = word.endIndex
    while start < end, case let last = word[word.index(before: end)], last < 0x80, !isLetter(last) {
      end = word.index(before: end)
    }
    while start < end, word[start] < 0x80, !isLetter(word[start]) {
      start = word.index(after: start)
    }
    let bare = word[start..<end]
    // Most words are turned away by their first letter and length before any verb is compared.
    guard let first = bare.first, bare.count < 64,
      verbShapes[Int(CueScanner.lower(first))] >> UInt64(bare.count) & 1 != 0
    else { return false }
    return englishVerbBytes.contains { verb in
      verb.count == bare.count && zip(verb, bare).allSatisfy { $0 == CueScanner.lower($1) }
    }
  }

  static let englishVerbBytes = ByteText.encoded(englishVerbs)

  /// By a verb's first byte: bit `n` set when some verb starting with it has `n` bytes.
  static let verbShapes: [UInt64] = {
    var shapes = [UInt64](repeating: 0, count: 256)
    for verb in englishVerbBytes where verb.count < 64 {
      if let first = verb.first { shapes[Int(first)] |= 1 << UInt64(verb.count) }
    }
    return shapes
  }()

  /// `isSpeechVerb` on a word's bytes in place where the string keeps them contiguous.
  static func isSpeechVerb(_ word: Substring) -> Bool {
    word.utf8.withContiguousStorageIfAvailable { isSpeechVerb($0) }
      ?? isSpeechVerb(Array(word.utf8))
  }

  /// Whether a word of `bytes`, split as `englishSpeaker` splits them, is a speech verb.
  static func hasSpeechVerb(_ bytes: [UInt8]) -> Bool {
    var found = false
    forEachWord(in: bytes) { range in
      found = isSpeechVerb(bytes[range])
      return !found
    }
    return found
  }

  /// The byte ranges of the words of `bytes`: spaces, commas, straight quotes and “ ” (E2 80
  /// 9C / 9D) separate them.
  static func wordRanges(in bytes: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    // Room for words of about five bytes and a space, so the list is not grown step by step.
    ranges.reserveCapacity(bytes.count / 6 + 1)
    forEachWord(in: bytes) { range in
      ranges.append(range)
      return true
    }
    return ranges
  }

  /// Calls `body` with the range of each word of `bytes`, as `wordRanges` splits them, until
  /// it returns false.
  static func forEachWord(in bytes: [UInt8], _ body: (Range<Int>) -> Bool) {
    var start = 0
    var index = 0
    while index <= bytes.count {
      var separator = 0
      if index == bytes.count || bytes[index] == 0x20 || bytes[index] == 0x2C
        || bytes[index] == 0x22
      {
        separator = 1
      } else if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
        bytes[index + 2] == 0x9C || bytes[index + 2] == 0x9D
      {
        separator = 3
      }
      guard separator > 0 else {
        index += 1
        continue
      }
      if index > start, !body(start..<index) { return }
      index += separator
      start = index
    }
  }

  /// The words of `sentence`, split as `wordRanges` splits bytes.
  ///
  /// Splitting bytes is far cheaper than splitting Characters and agrees with it wherever no
  /// character joins its neighbour into one Character: in ASCII, CJK ideographs and their
  /// punctuation, which is what the check admits. Other text is split by Characters.
  static func words(of sentence: String) -> [Substring] {
    let utf8 = sentence.utf8
    guard ByteText.isNormalizationInert(sentence) else {
      return sentence.split(whereSeparator: {
        $0 == " " || $0 == "," || $0 == "\"" || $0 == "“" || $0 == "”"
      })
    }
    return wordRanges(in: Array(utf8)).map { range in
      let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
      return sentence[start..<utf8.index(start, offsetBy: range.count)]
    }
  }

  /// Whether one of the sentence's characters is a comma: a comma byte that no mark after it
  /// joins into a longer character (a mark before it that would, a rare "prepended" one, is not
  /// looked for). Bytes, not `Character`s, since whole sentences are asked.
  static func hasComma(_ sentence: String) -> Bool {
    var text = sentence
    return text.withUTF8 { bytes in
      for index in 0..<bytes.count where bytes[index] == UInt8(ascii: ",") {
        guard index + 1 < bytes.count,
          let next = Unicode.Scalar(ByteText.scalar(in: bytes, at: index + 1).value)
        else { return true }
        let joins =
          next.properties.isGraphemeExtend || next.value == 0x200D
          || next.properties.generalCategory == .spacingMark
        if !joins { return true }
      }
      return false
    }
  }

  /// Punctuation that ends a name before a speech verb, besides what `Character` calls
  /// punctuation: each is one scalar, so a character is one of them when its only scalar is.
  static func isNameStop(_ character: Character) -> Bool {
    let scalars = character.unicodeScalars
    guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex
    else { return false }
    return nameStops.contains(first)
  }

  static let nameStops = ScalarSet("，。：；、“”「」《》（）")

  /// Whether the first character of `word` is a capital. A word that opens with two ASCII
  /// bytes opens with an ASCII character, so its first byte answers without the grapheme
  /// breaking that `Character` needs.
  static func isCapitalised(_ word: Substring) -> Bool {
    let utf8 = word.utf8
    if let first = utf8.first, first < 0x80 {
      let second = utf8.dropFirst().first
      if second.map({ $0 < 0x80 }) ?? true { return first >= 0x41 && first <= 0x5A }
    }
    return word.first?.isUppercase == true
  }

  static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }
}
