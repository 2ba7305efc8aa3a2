import ClaimLedger
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
