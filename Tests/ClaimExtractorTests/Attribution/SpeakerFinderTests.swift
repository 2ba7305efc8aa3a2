import Testing

@testable import ClaimExtractor

@Suite struct SpeakerFinderTests {
  /// A comma counts as the character it is only when no mark joins it to what follows.
  @Test(arguments: [
    ("Jane Doe, the chief executive, said", true), ("no comma here", false), ("end,", true),
    ("a,\u{301}b", false), ("a,\u{301}b, c", true), ("中文，逗号", false),
  ])
  func findsACommaCharacter(_ text: String, _ expected: Bool) {
    #expect(SpeakerFinder.hasComma(text) == expected)
  }

  @Test(arguments: [
    ("市场消息：王五认为明年会涨", "王五"), ("「李四」表示明年会涨", nil), ("（赵六）认为明年会涨", nil),
    ("Jane Doe, the chief executive, said prices will rise", "Jane Doe"),
    // Speech verbs in any case and with punctuation around them; a word of a verb's length
    // and first letter that is no verb names no one.
    ("Jane Doe PREDICTED: prices will rise", "Jane Doe"), ("Jane Doe sayz prices will rise", nil),
    // 据 opens an attribution after punctuation or in 根据, not inside 数据.
    ("据知情人士透露，明年会涨", "知情人士"), ("市场消息，据路透社报道明年会涨", "路透社"),
    ("这些数据李四透露明年会涨", nil),
    // A capital opens a name only as a whole character: É is a capital, e with an accent
    // joined to it is not one.
    ("Analysts at Morgan Stanley said prices will rise", "Morgan Stanley"),
    ("prices will rise, said Élise Martin", "Élise Martin"),
    // A role before a name that follows the verb; a title before one that leads it.
    ("Oil prices will rise next year, said trader Ken Wu.", "Ken Wu"),
    ("The merger will close in 2027, said senior analyst Sara Kim.", "Sara Kim"),
    ("Governor Ana Silva said inflation will fall.", "Ana Silva"),
    ("Prices will rise, said the company.", nil),
  ])
  func namesEndAtPunctuation(_ sentence: String, _ expected: String?) {
    let finder = SpeakerFinder(lexicon: .builtIn)
    let found = finder.speaker(in: sentence)
    if let expected {
      #expect(found == .name(expected))
    } else {
      #expect(found == nil)
    }
  }
}
