import ClaimLedger
import Testing

@testable import ClaimReports

/// `testNames` over bytes, as a lexicon that reads stored text in place would find them.
let testNameScan: NameScan = { testNames(in: String(decoding: $0, as: UTF8.self)) }

@Suite struct ClaimTextFactsTests {
  /// Claims whose words decide each mark of specificity, the kind of event and negation, in
  /// the text or only in the quote.
  static let specs: [ClaimSpec] = [
    .init(text: "OpenAI acquires Pinterest", said: "2026-01-21"),
    .init(text: "OpenAI won't acquire Pinterest", said: "2026-01-22"),
    .init(text: "如果特斯拉收购 Pinterest", said: "2026-01-23", deadlineText: "年底前"),
    .init(text: "Nvidia stays ahead", said: "2026-01-24", quote: "Nvidia 营收超过 100 亿"),
    .init(text: "Things get better", quote: "only if Tesla ships on time"),
    .init(text: "Tesla revenue reaches 100 billion", outcome: .true),
    .init(text: "It rains", said: nil, isConditional: true),
    .init(text: "Pinterest lists on the NYSE", status: .rejected),
  ]

  @Test func oneScanOfTheBytesSaysWhatTheSeparateReadersSay() throws {
    let records = try TestLedger.records(ClaimTextFactsTests.specs)
    let facts = ClaimTextFacts(records, names: testNames)
    for (index, record) in records.enumerated() {
      let claim = record.claim
      #expect(facts.events[index] == ForecastEvent(text: claim.text), "\(claim.text)")
      let expected = Specificity(claim, subject: testNames(claim).first).score
      #expect(facts.specificity[index] == expected, "\(claim.text)")
    }
  }

  @Test func namesFromBytesGiveTheSameFacts() throws {
    let records = try TestLedger.records(
      ClaimTextFactsTests.specs + EchoClustersTests.specs)
    // As the lexicon's finder does: the names in the text, else those in the quote.
    let fromClaims = ClaimTextFacts(records) { claim in
      let inText = testNames(in: claim.text)
      return inText.isEmpty ? claim.quote.map { testNames(in: $0) } ?? [] : inText
    }
    let fromBytes = ClaimTextFacts(records, names: { _ in [] }, nameScan: testNameScan)
    #expect(fromBytes.events == fromClaims.events)
    #expect(fromBytes.specificity == fromClaims.specificity)
    #expect(fromBytes.echoes == fromClaims.echoes)
    #expect(!fromBytes.echoes.echoesOf.isEmpty)
  }

  static let texts = [
    "OpenAI won't acquire Pinterest", "如果特斯拉收购", "revenue up 5%", "urban bans",
    "Tesla ships unless it rains", "不会上市", "", "market cap above 1 trillion",
  ]

  @Test(arguments: texts)
  func wordsAreThoseOfEachList(_ text: String) {
    let bytes = Array(text.utf8)
    let words = bytes.withUnsafeBytes { ClaimWords($0) }
    #expect(words.event == ForecastEvent(text: text))
    var isNegated = false
    EchoClusters.signals.scan(bytes) { index in
      if index >= ForecastEvent.kinds.count { isNegated = true }
      return true
    }
    #expect(words.isNegated == isNegated)
    #expect(words.hasCountableEvent == WordList(Specificity.eventWords).contains(in: bytes))
    #expect(words.hasCondition == WordList(Specificity.conditionWords).contains(in: bytes))
  }
}
