import ClaimLedger
import Testing

@testable import ClaimReports

/// `testNames` over bytes, as a lexicon that reads stored text in place would find them.
let testNameScan: NameScan = { testNames(in: String(decoding: $0, as: UTF8.self)) }

@Suite struct ClaimTextFactsTests {
  /// Claims whose words decide each mark of specificity, the kind of event and negation, in
  /// the text or only in the quote, and the specificity each should get.
  static let specs: [ClaimSpec] = [
    .init(text: "OpenAI acquires Pinterest", said: "2026-01-21"),
    .init(text: "OpenAI won't acquire Pinterest", said: "2026-01-22"),
    .init(text: "如果特斯拉收购 Pinterest", said: "2026-01-23", deadlineText: "年底前"),
    .init(text: "Nvidia stays ahead", said: "2026-01-24", quote: "Nvidia 营收超过 100 亿"),
    .init(text: "Things get better", quote: "only if Tesla ships on time"),
    .init(text: "Tesla revenue reaches 100 billion", outcome: .true),
    .init(text: "It rains", said: nil, deadline: nil, isConditional: true),
    .init(text: "Pinterest lists on the NYSE", status: .rejected),
  ]
  /// Named, measurable, unconditional and a deadline recorded as a date; the third has deadline
  /// words and a condition; the fifth's name and condition are in its quote; the seventh has
  /// none, not even a deadline.
  static let specificity = [1, 1, 0.75, 1, 0.75, 1, 0, 1]

  @Test func eventsAndSpecificityComeFromOneScanOfTheWords() throws {
    let records = try TestLedger.records(ClaimTextFactsTests.specs)
    let facts = ClaimTextFacts(records, nameScan: testNameScan)
    for (index, record) in records.enumerated() {
      let claim = record.claim
      #expect(facts.events[index] == ForecastEvent(text: claim.text), "\(claim.text)")
    }
    #expect(facts.specificity == ClaimTextFactsTests.specificity)
  }

  @Test func namesComeFromTheTextElseFromTheQuote() throws {
    let records = try TestLedger.records(
      ClaimTextFactsTests.specs + EchoClustersTests.specs)
    for record in records {
      let claim = record.claim
      let inText = testNames(in: claim.text)
      let expected = inText.isEmpty ? claim.quote.map { testNames(in: $0) } ?? [] : inText
      #expect(claim.names(testNameScan) == expected, "\(claim.text)")
    }
    #expect(records[4].claim.names(testNameScan) == ["Tesla"])
    // The one read of the texts clusters the open and resolved claims by keys made here from
    // their names, words and figures, and leaves the others out.
    let facts = ClaimTextFacts(records, nameScan: testNameScan)
    let keys = records.map { record -> EchoClusters.Key? in
      guard record.status == .open || record.status == .resolved else { return nil }
      return record.withClaim { claim in
        claim.withTextUTF8 { text, _ in
          EchoClusters.Key(
            names: claim.names(testNameScan), words: ClaimWords(text), text: text,
            year: claim.deadline?.year)
        }
      }
    }
    #expect(facts.echoes == EchoClusters(records, keys: keys))
    #expect(facts.echoes == EchoClusters(records, nameScan: testNameScan))
    #expect(!facts.echoes.echoesOf.isEmpty)
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
    #expect(words.isNegated == WordList(EchoClusters.negationWords).contains(in: bytes))
    #expect(words.hasCountableEvent == WordList(Specificity.eventWords).contains(in: bytes))
    #expect(words.hasCondition == WordList(Specificity.conditionWords).contains(in: bytes))
  }
}
