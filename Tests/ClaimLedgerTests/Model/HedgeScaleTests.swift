import Testing

@testable import ClaimLedger

/// A hedge word as typed, and the probability the standard scale gives it (nil: unknown).
struct HedgeLookupCase: Sendable, CustomTestStringConvertible {
  let word: String
  let probability: Double?
  var testDescription: String { "\"\(word)\"" }
}

/// A sentence, and the hedge word found in it (nil: none).
struct HedgeSearchCase: Sendable, CustomTestStringConvertible {
  let text: String
  let word: String?
  var testDescription: String { "\"\(text)\"" }
}

@Suite struct HedgeScaleTests {
  static let lookups: [HedgeLookupCase] = [
    .init(word: "大概率", probability: 0.75),
    .init(word: "大機率", probability: 0.75),
    .init(word: "likely", probability: 0.7),
    .init(word: "  Likely ", probability: 0.7),
    .init(word: "LIKELY", probability: 0.7),
    .init(word: "极有可能", probability: 0.88),
    .init(word: "極有可能", probability: 0.88),
    .init(word: "可能性极大", probability: 0.88),
    .init(word: "可能", probability: 0.5),
    .init(word: "will", probability: 0.85),
    .init(word: "will not", probability: 0.15),
    .init(word: "isn't going to", probability: 0.15),
    .init(word: "unlikely", probability: 0.2),
    .init(word: "八成", probability: 0.85),
    .init(word: "perchance", probability: nil),
    .init(word: "大概", probability: nil),
    .init(word: "", probability: nil),
  ]

  @Test(arguments: lookups)
  func looksUpWordsIgnoringCaseAndSurroundingSpaces(_ c: HedgeLookupCase) {
    #expect(HedgeScale.standard.hedge(named: c.word)?.probability == c.probability)
  }

  static let searches: [HedgeSearchCase] = [
    .init(text: "明年上市的可能性极大", word: "可能性极大"),
    .init(text: "明年极有可能上市", word: "极有可能"),
    .init(text: "他认为可能会涨价", word: "可能会"),
    .init(text: "他说大概率会涨", word: "大概率"),
    .init(text: "小米不太可能造手机", word: "不太可能"),
    .init(text: "It will not happen this year", word: "will not"),
    .init(text: "It will happen this year", word: "will"),
    .init(text: "Prices will almost certainly rise", word: "almost certainly"),
    .init(text: "The outcome is uncertain", word: nil),
    .init(text: "It is unlikely to close", word: "unlikely"),
    .init(text: "This is likely.", word: "likely"),
    .init(text: "Likely, yes", word: "likely"),
    .init(text: "It was mayhem", word: nil),
    .init(text: "The mayor spoke", word: nil),
    .init(text: "Apple won't ship it", word: "won't"),
    .init(text: "Tesla isn't going to list this year", word: "isn't going to"),
    // Words that hedge only in a context the extractor checks are not read from a text.
    .init(text: "I think Apple might cut prices in 2027", word: "might"),
    .init(text: "The rally that starts in 2027 could fade", word: "could"),
    .init(text: "Apple is going to ship it", word: "is going to"),
    .init(text: "", word: nil),
  ]

  @Test(arguments: searches)
  func findsTheLongestHedgeAtWordBoundaries(_ c: HedgeSearchCase) {
    #expect(HedgeScale.standard.firstHedge(in: c.text)?.word == c.word)
  }

  @Test func notGoingToNegates() throws {
    #expect(try #require(HedgeScale.standard.hedge(named: "’re not going to")).isNegating)
    #expect(try !#require(HedgeScale.standard.hedge(named: "is going to")).isNegating)
  }

  @Test func listsLongerWordsFirst() {
    let lengths = HedgeScale.standard.hedges.map(\.word.count)
    #expect(lengths == lengths.sorted(by: >))
  }

  @Test func spellsEachWordOnce() {
    let words = HedgeScale.standard.hedges.map { $0.word.lowercased() }
    #expect(Set(words).count == words.count)
  }

  @Test func placesEveryPointValueInsideItsRange() {
    for hedge in HedgeScale.standard.hedges {
      #expect(hedge.range.contains(hedge.probability), "\(hedge.word)")
      #expect((0...1).contains(hedge.range.lowerBound) && (0...1).contains(hedge.range.upperBound))
    }
  }

  @Test func marksVagueWordsAsLowInformation() throws {
    #expect(try #require(HedgeScale.standard.hedge(named: "可能")).isLowInformation)
    #expect(try #require(HedgeScale.standard.hedge(named: "might")).isLowInformation)
    #expect(try !#require(HedgeScale.standard.hedge(named: "大概率")).isLowInformation)
  }
}
