import Testing

@testable import ClaimExtractor

/// A sentence and the cue words the scanner should find in it, in order.
struct CueCase: Sendable, CustomTestStringConvertible {
  let text: String
  let words: [String]
  var testDescription: String { text }
}

@Suite struct CueScannerTests {
  static let cases: [CueCase] = [
    .init(text: "公司将会推出新品", words: ["将会"]),
    .init(text: "这是一个好机会", words: ["机会"]),
    .init(text: "大会将在明天召开", words: ["大会", "将"]),
    .init(text: "可能性极大", words: ["可能性极大"]),
    .init(text: "可能不会上市", words: ["可能", "不会"]),
    .init(text: "The goodwill will grow", words: ["will"]),
    .init(text: "The mayor may resign in May", words: ["may", "May"]),
    .init(text: "Sales WILL rise", words: ["will"]),
    .init(text: "騰訊預計明年會上線", words: ["預計", "會"]),
    // Capitals at the start of a cue, cues near the end of the text (fewer than eight bytes
    // left), and cues that start after a word is passed over.
    .init(text: "WiLL", words: ["will"]),
    .init(text: "MAY", words: ["may"]),
    .init(text: "他会", words: ["会"]),
    .init(text: "xwill willx will", words: ["will"]),
    .init(text: "abc可能性极大", words: ["可能性极大"]),
    .init(text: "Expects 2027年将会", words: ["expects", "将会"]),
  ]

  @Test(arguments: cases)
  func findsLeftmostLongestWords(_ c: CueCase) {
    let scanner = CueScanner.standard
    var text = c.text
    let words = text.withUTF8 { buffer in
      scanner.hits(in: buffer).map { scanner.cues[$0.cue].word }
    }
    #expect(words == c.words)
  }

  @Test func mayTheMonthIsADecoyAndMayTheVerbAHedge() {
    let scanner = CueScanner.standard
    var text = "It may rain in May"
    let kinds = text.withUTF8 { buffer in scanner.hits(in: buffer).map { scanner.cues[$0.cue].kind }
    }
    #expect(kinds == [.hedge, .decoy])
  }
}

extension CueScannerTests {
  /// 会 after a word that ends in the first character of a noun with 会 must stay a cue.
  @Test(arguments: ["明年会上线", "中国会加息", "员工会增加", "电商会放缓", "行业会长期低迷"])
  func futureHuiAfterAWordIsNotHiddenByANoun(_ text: String) {
    let scanner = CueScanner.standard
    var text = text
    let kinds = text.withUTF8 { buffer in scanner.hits(in: buffer).map { scanner.cues[$0.cue].kind }
    }
    #expect(kinds.contains(.future))
  }
}

extension CueScannerTests {
  /// Words are passed over eight bytes at a time: the first byte that is not a letter, digit
  /// or `_` must be found at each place it can fall.
  @Test func findsTheEndOfAWordInEightBytes() {
    for (text, end) in [
      ("abcdefgh", 8), ("Ab_9zZ0y", 8), ("abc defg", 3), ("ab-cdefg", 2),
      ("abcdefg@", 7), ("abcdefg[", 7), ("中abcdefg", 0), ("abcdefg`", 7), ("/abcdefg", 0),
    ] {
      let bytes = Array(text.utf8.prefix(8))
      let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
      let others = CueScanner.nonWordBytes(word)
      #expect((others == 0 ? 8 : others.trailingZeroBitCount / 8) == end, "\(text)")
    }
  }

  @Test(arguments: ["x wonderfullylongwordwill will", "Unbelievablywill will", "abcdefghijk will"])
  func findsACueAfterALongWord(_ text: String) {
    let scanner = CueScanner.standard
    var text = text
    let words = text.withUTF8 { buffer in scanner.hits(in: buffer).map { scanner.cues[$0.cue].word }
    }
    #expect(words == ["will"])
  }
}

extension CueScannerTests {
  /// The start filter may let a place through that starts no cue, but must never stop one that
  /// does: each cue's first three bytes, in capitals too, hash to a set bit.
  @Test func startFilterPassesTheStartOfEveryCue() {
    let filter = CueScanner.StartFilter(cues: Cue.all)
    for cue in Cue.all where cue.word.utf8.count >= 3 {
      for spelling in [cue.word, cue.word.uppercased()] {
        var text = spelling
        let start = text.withUTF8 { bytes in
          filter.words.withUnsafeBufferPointer {
            CueScanner.StartFilter.Bits(words: $0).next(in: bytes, from: 0)
          }
        }
        #expect(start == 0, "\(spelling)")
      }
    }
  }

  /// A Chinese character that starts no cue is its own code point in the hash, so a run of them
  /// is passed over to the last two bytes, which the filter leaves to the scan.
  @Test func startFilterClearsCharactersThatStartNoCue() {
    let filter = CueScanner.StartFilter(cues: Cue.all)
    var text = "牌牌牌牌"
    let start = text.withUTF8 { bytes in
      filter.words.withUnsafeBufferPointer {
        CueScanner.StartFilter.Bits(words: $0).next(in: bytes, from: 0)
      }
    }
    #expect(start == 10)
  }
}

extension CueScannerTests {
  /// One scan both picks a candidate sentence and keeps its cues: the same cues `hits(in:)`
  /// finds, the last text's only, and whether a wanted one is among them.
  @Test func collectsTheCuesOfEachTextInTurn() {
    let scanner = CueScanner.standard
    let wanted = scanner.cues.map { $0.kind == .future }
    var hits: [CueScanner.Hit] = []
    for (sentence, hasFuture) in [
      ("大会将在明天召开", true), ("这是一个好机会", false), ("Sales will rise", true),
    ] {
      var text = sentence
      text.withUTF8 { bytes in
        #expect(scanner.collect(&hits, in: bytes, noting: wanted) == hasFuture, "\(sentence)")
        #expect(hits == scanner.hits(in: bytes), "\(sentence)")
      }
    }
  }
}
