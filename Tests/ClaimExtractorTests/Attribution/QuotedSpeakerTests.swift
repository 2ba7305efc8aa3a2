import Testing

@testable import ClaimExtractor

/// A sentence with what stands before and after it on its line, and on the next line.
struct QuotedCase: Sendable, CustomTestStringConvertible {
  /// The line is these three, one after another.
  let before: String, sentence: String, after: String
  var nextLine: String?
  let expected: String?
  var testDescription: String { before + sentence + after }
}

@Suite struct QuotedSpeakerTests {
  static let plant = "\"The plant will open in 2029.\""

  static let cases: [QuotedCase] = [
    // A credit after the closing mark: Chinese name and verb, English either order, a dash.
    .init(before: "", sentence: "“明年出口有望增长一成。”", after: "陈浩说。", expected: "陈浩"),
    .init(before: "", sentence: "「新廠將於明年投產。」", after: "王芳在會上表示。", expected: "王芳"),
    .init(
      before: "", sentence: "\"Rates will fall.\"", after: " Mara Lind said.", expected: "Mara Lind"
    ),
    .init(
      before: "", sentence: "\"Rates will fall.",
      after: " Then they will rise,\" said pundit Ken Wu.",
      expected: "Ken Wu"),
    .init(before: "", sentence: plant, after: " — Jonas Berg", expected: "Jonas Berg"),
    .init(
      before: "", sentence: plant, after: " -- Oil Minister Jonas Berg, at the summit",
      expected: "Jonas Berg"),
    .init(before: "", sentence: plant, after: "", nextLine: "– Jonas Berg", expected: "Jonas Berg"),
    // The speaker who introduces a quotation speaks each of its sentences.
    .init(before: "陈浩表示：“今年是转型之年。", sentence: "明年出口有望增长一成。”", after: "", expected: "陈浩"),
    .init(
      before: "Mara Lind said: \"This year is hard. ", sentence: "Rates will fall.\"", after: "",
      expected: "Mara Lind"),
    // No credit: a sentence outside any quotation, a long sentence after the quotation, a
    // dash before words that are no name, a quotation the author introduces without a verb.
    .init(before: "", sentence: "明年出口有望增长一成。", after: "陈浩说。", expected: nil),
    .init(
      before: "", sentence: "\"Rates will fall.\"",
      after: " Mara Lind said this on Monday to a room full of bankers in Oslo.", expected: nil),
    .init(before: "", sentence: plant, after: " — and the town is ready", expected: nil),
    .init(before: "", sentence: plant, after: "", nextLine: "The town is ready.", expected: nil),
    .init(before: "新闻稿：", sentence: "“新厂将于明年投产。”", after: "", expected: nil),
  ]

  @Test(arguments: cases)
  func namesWhoTheQuotationIsCreditedTo(_ c: QuotedCase) {
    let start = c.before.utf8.count
    let line = Array((c.before + c.sentence + c.after).utf8)
    let finder = SpeakerFinder(lexicon: .builtIn)
    let found = finder.quotedSpeaker(
      of: start..<(start + c.sentence.utf8.count), in: line,
      nextLine: c.nextLine.map { Array($0.utf8) })
    #expect(found == c.expected.map { .name($0) })
  }

  @Test func aDashAfterAClosingQuoteInTheSentenceNamesItsSpeaker() {
    let finder = SpeakerFinder(lexicon: .builtIn)
    #expect(finder.speaker(in: "\"Prices will rise\" — Ana Reyes") == .name("Ana Reyes"))
    #expect(finder.speaker(in: "Prices will rise — Ana Reyes") == nil)
  }

  @Test func anArticleCreditsAQuotationAfterItOrOnTheNextLine() throws {
    let claims = try ExtractorTests.proposals(
      """
      ---
      author: Desk
      ---
      “明年出口有望增长一成。”陈浩说。

      > "The plant will open in 2029."
      > — Jonas Berg
      """)
    #expect(claims.map(\.source) == ["陈浩", "Jonas Berg"])
  }
}
