import Testing

@testable import ClaimExtractor

/// A line and the sentences (or clauses) it should be cut into.
struct SplitCase: Sendable, CustomTestStringConvertible {
  let text: String
  let pieces: [String]
  var testDescription: String { text }
}

@Suite struct SentenceSplitterTests {
  static let sentenceCases: [SplitCase] = [
    .init(text: "明年会更好。后年未必！真的吗？", pieces: ["明年会更好。", "后年未必！", "真的吗？"]),
    .init(text: "第一句；第二句……第三句", pieces: ["第一句；", "第二句……", "第三句"]),
    .init(text: "他说：“会涨。”然后走了。", pieces: ["他说：“会涨。”", "然后走了。"]),
    .init(
      text: "Growth hit 3.5 percent. Rates will fall.",
      pieces: ["Growth hit 3.5 percent.", "Rates will fall."]),
    .init(
      text: "The U.S. economy will slow. Mr. Smith agrees.",
      pieces: ["The U.S. economy will slow.", "Mr. Smith agrees."]),
    // A dotted abbreviation in capitals ends a sentence before a word that opens one.
    .init(
      text: "It sells in the U.S. Should you buy one? U.S. Steel will not.",
      pieces: ["It sells in the U.S.", "Should you buy one?", "U.S. Steel will not."]),
    .init(text: "Costs fell, e.g. The rent.", pieces: ["Costs fell, e.g. The rent."]),
    .init(
      text: "It sells in the U.S. Meanwhile, Europe will cut prices.",
      pieces: ["It sells in the U.S.", "Meanwhile, Europe will cut prices."]),
    .init(
      text: "The U.S. Securities and Exchange Commission will act.",
      pieces: ["The U.S. Securities and Exchange Commission will act."]),
    .init(
      text: "See https://example.com/a.b for more. It will rain!",
      pieces: ["See https://example.com/a.b for more.", "It will rain!"]),
    .init(
      text: "\"It will ship next year.\" He smiled.",
      pieces: ["\"It will ship next year.\"", "He smiled."]),
    .init(text: "没有标点的一行", pieces: ["没有标点的一行"]),
    .init(text: "   ", pieces: []),
  ]

  /// Sentence ends are looked for eight bytes at a time: each must be seen wherever it falls.
  @Test(arguments: 0..<17)
  func findsEndsAtEveryAlignment(_ shift: Int) {
    let lead = String(repeating: "a", count: shift)
    var text = "\(lead)一。\(lead)b! \(lead)c? \(lead)d; \(lead)e. \(lead)f！\(lead)g…\(lead)h？x"
    let pieces = text.withUTF8 { buffer in
      SentenceSplitter.sentences(in: buffer).map {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[$0]), as: UTF8.self)
      }
    }
    let ends = ["一。", "b!", "c?", "d;", "e.", "f！", "g…", "h？"]
    #expect(pieces == ends.map { lead + $0 } + ["x"])
  }

  @Test(arguments: sentenceCases)
  func cutsSentences(_ c: SplitCase) {
    var text = c.text
    let pieces = text.withUTF8 { buffer in
      SentenceSplitter.sentences(in: buffer).map {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[$0]), as: UTF8.self)
      }
    }
    #expect(pieces == c.pieces)
  }

  static let clauseCases: [SplitCase] = [
    .init(text: "甲将上涨，乙会下跌", pieces: ["甲将上涨，", "乙会下跌"]),
    .init(text: "據悉,營收將翻倍", pieces: ["據悉,", "營收將翻倍"]),
    .init(
      text: "about 1,000 units: most will sell", pieces: ["about 1,000 units:", "most will sell"]),
    .init(text: "价格将在10:30公布", pieces: ["价格将在10:30公布"]),
    // Adjectives of one noun stay together; a comma before a clause or a name still cuts.
    .init(
      text: "Sony will ship a smaller, quieter console in 2027",
      pieces: ["Sony will ship a smaller, quieter console in 2027"]),
    .init(
      text: "a new, thinner, foldable phone ships soon",
      pieces: ["a new, thinner, foldable phone ships soon"]),
    .init(
      text: "It was a bigger year, and sales will grow",
      pieces: ["It was a bigger year,", "and sales will grow"]),
    .init(
      text: "They want a faster, cheaper", pieces: ["They want a faster,", "cheaper"]),
    .init(
      text: "Prices rose, costs fell in May", pieces: ["Prices rose,", "costs fell in May"]),
  ]

  @Test(arguments: clauseCases)
  func cutsClauses(_ c: SplitCase) {
    var text = c.text
    let pieces = text.withUTF8 { buffer in
      SentenceSplitter.clauses(in: buffer).map {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[$0]), as: UTF8.self)
      }
    }
    #expect(pieces == c.pieces)
  }
}
