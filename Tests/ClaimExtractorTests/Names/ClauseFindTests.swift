import Testing

@testable import ClaimExtractor

@Suite struct ClauseFindTests {
  static let lists: [WordList] = [
    ClaimPhrasing.acquisitionWords, ClaimPhrasing.metricWords, ClaimPhrasing.thresholdVerbWords,
    ClaimPhrasing.launchVerbWords, ClaimPhrasing.lawVerbWords,
  ]

  /// The earliest word, then the longest, then the first listed: each word searched on its own.
  static func expected(_ words: WordList, in clause: Clause, range: Range<Int>) -> (
    word: String, start: Int, end: Int
  )? {
    var best: (word: String, start: Int, end: Int)?
    let bytes = clause.bytes
    for (word, encoded) in zip(words.words, words.encoded) where !encoded.isEmpty {
      guard range.count >= encoded.count else { continue }
      for start in range.lowerBound...(range.upperBound - encoded.count) {
        let end = start + encoded.count
        guard bytes[start..<end].elementsEqual(encoded) else { continue }
        let isWord = { (byte: UInt8) in Clause.isWordByte(byte) }
        if isWord(encoded[0]), start > 0, isWord(bytes[start - 1]) { continue }
        if isWord(encoded[encoded.count - 1]), end < bytes.count, isWord(bytes[end]) { continue }
        if best.map({ start < $0.start || (start == $0.start && end > $0.end) }) ?? true {
          best = (word, start, end)
        }
        break
      }
    }
    return best
  }

  @Test func findsWhatSearchingEachWordFinds() {
    let fillers = ["公司", "将", "年", " ", "Apple", "will", "x", "，", "reached", "2027", "の"]
    for list in Self.lists {
      #expect(list.byFirstByte != nil)
      let pieces = list.words + fillers
      // Eight pieces per clause, picked by stepping through the list at coprime strides.
      for trial in 0..<300 {
        let text = (0..<8).map { pieces[(trial * 7 + $0 * (trial % 13 + 3)) % pieces.count] }
          .joined()
        let clause = Clause(text, lexicon: .builtIn)
        let count = clause.bytes.count
        for range in [0..<count, (count / 3)..<count, 0..<(count / 2)] {
          let found = clause.find(list, in: range)
          let reference = Self.expected(list, in: clause, range: range)
          #expect(found?.word == reference?.word, "\(text) \(range)")
          #expect(found?.start == reference?.start, "\(text) \(range)")
          #expect(found?.end == reference?.end, "\(text) \(range)")
        }
      }
    }
  }
}
