import ClaimLedger
import SplitMix
import Testing

/// A text and the indices of the words of `WordListTests.words` found in it, in text order.
struct WordScanCase: Sendable, CustomTestStringConvertible {
  let text: String
  let expected: [Int]
  var testDescription: String { "\"\(text)\"" }
}

@Suite struct WordListTests {
  static let words = WordList(["ban", "%", "如果", "收购", "goes public", "ipo", "上市"])

  static let cases: [WordScanCase] = [
    .init(text: "Regulators BAN it", expected: [0]),
    .init(text: "urban areas", expected: []),
    .init(text: "涨了5%", expected: [1]),
    .init(text: "如果特斯拉收购", expected: [2, 3]),
    .init(text: "it Goes Public", expected: [4]),
    .init(text: "an IPO", expected: [5]),
    .init(text: "上市", expected: [6]),
    .init(text: "tipo", expected: []),
    .init(text: "", expected: []),
  ]

  @Test(arguments: cases)
  func findsEveryWordWhereItStarts(_ c: WordScanCase) {
    var found: [Int] = []
    WordListTests.words.scan(Array(c.text.utf8)) { index in
      found.append(index)
      return true
    }
    #expect(found == c.expected)
  }

  /// Every word at every place, one place and one word at a time: what a scan must report.
  static func referenceScan(_ words: [String], _ text: [UInt8]) -> [Int] {
    let encoded = words.map { Array($0.lowercased().utf8) }
    var found: [Int] = []
    for start in text.indices where text[start] & 0xC0 != 0x80 {
      let byte = WordList.lowered(text[start])
      if WordList.isLetter(byte), start > 0, WordList.isLetter(text[start - 1]) { continue }
      let fits = encoded.indices.filter { index in
        let word = encoded[index]
        return start + word.count <= text.count
          && word.indices.allSatisfy { WordList.lowered(text[start + $0]) == word[$0] }
      }
      found += fits.filter { encoded[$0].count == 1 } + fits.filter { encoded[$0].count > 1 }
    }
    return found
  }

  @Test func scanOfRandomBytesFindsWhatTheReferenceFinds() {
    let words = ["ban", "%", "如果", "收购", "ipo", "上市", "ab"]
    let list = WordList(words)
    let pieces = ["如", "果", "收", "购", "上", "市", "a", "B", "i", "P", "o", "%", " ", "n"].map {
      Array($0.utf8)
    }
    // Lead and continuation bytes on their own too, so characters are cut and mixed.
    let strays: [[UInt8]] = [[0xE5], [0xA6], [0x82], [0xE6, 0x94]]
    // The shared seeded generator, so a failure repeats.
    var random = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
    let all = pieces + strays
    for _ in 0..<2_000 {
      var text: [UInt8] = []
      for _ in 0..<random.below(12) { text += all[random.below(all.count)] }
      var found: [Int] = []
      list.scan(text) { index in
        found.append(index)
        return true
      }
      #expect(found == Self.referenceScan(words, text), "\(text)")
    }
  }

  @Test func startFilterKeepsEveryWordItWasGiven() {
    var starts = WordStarts()
    let words = ["ab", "收购", "ipo", "goes public"]
    for word in words { starts.insert(Array(word.utf8)) }
    for word in words {
      let bytes = Array(word.utf8)
      let third = bytes.count > 2 ? bytes[2] : nil
      #expect(starts.withFilter { $0.mayStart(bytes[0], bytes[1], third) })
    }
  }
}
