import ClaimLedger
import Testing

@testable import ClaimReports

/// A ledger large enough that the builder lays its claims out in parts on all cores, with
/// sources, hedge words and tags that first appear in a late part: each must still count
/// under its own name once the parts are joined.
@Suite struct LargeLedgerTests {
  static let count = 20_000
  /// Claims from here on use names, a word and a tag no earlier claim uses.
  static let lateStart = 15_000

  static func specs() throws -> [ClaimSpec] {
    let likely = try #require(HedgeScale.standard.hedge(named: "likely"))
    let probably = try #require(HedgeScale.standard.hedge(named: "probably"))
    return (0..<count).map { index in
      let isLate = index >= lateStart
      let hedge: Hedge? = isLate ? likely : index % 2 == 0 ? probably : nil
      return ClaimSpec(
        text: "claim number \(index)", source: isLate ? "Late \(index % 3)" : "Early \(index % 5)",
        tags: isLate ? ["late topic"] : ["topic \(index % 4)"],
        confidence: hedge?.probability ?? 0.55, outcome: index % 3 == 0 ? .true : .false,
        hedge: hedge?.word)
    }
  }

  @Test func everySourceWordAndTagCountsUnderItsOwnName() throws {
    let specs = try LargeLedgerTests.specs()
    let records = try TestLedger.records(specs)
    let card = try TestLedger.builder(minResolved: 1).build(from: records)
    var expected: [String: (claims: Int, true: Int)] = [:]
    for spec in specs {
      expected[spec.source, default: (0, 0)].claims += 1
      if spec.outcome == .true { expected[spec.source, default: (0, 0)].true += 1 }
    }
    let found = Dictionary(
      uniqueKeysWithValues: (card.ranked + card.unranked).map {
        ($0.name, (claims: $0.counts.claims, true: $0.counts.true))
      })
    #expect(found.count == expected.count)
    for (name, counts) in expected {
      let seen = try #require(found[name], "\(name) is on the scorecard")
      #expect(seen.claims == counts.claims && seen.true == counts.true, "\(name)")
    }
    let words = Dictionary(uniqueKeysWithValues: card.hedgeTable.map { ($0.word, $0.count) })
    #expect(words["likely"] == LargeLedgerTests.count - LargeLedgerTests.lateStart)
    #expect(words["probably"] == LargeLedgerTests.lateStart / 2)

    let byTag = try TestLedger.builder(minResolved: 1, grouping: .tag).build(from: records)
    let tags = Dictionary(
      uniqueKeysWithValues: (byTag.ranked + byTag.unranked).map { ($0.name, $0.counts.claims) })
    #expect(tags["late topic"] == LargeLedgerTests.count - LargeLedgerTests.lateStart)
    #expect(tags["topic 0"] == LargeLedgerTests.lateStart / 4)
    #expect(tags.count == 5)
  }
}

extension LargeLedgerTests {
  /// Two spellings of one name (é as one scalar, and as e and an accent) count as one group,
  /// named by the first spelling among the claims the scorecard counts, whatever other
  /// claims of the ledger write first.
  @Test func aGroupIsNamedByTheFirstSpellingItCounts() throws {
    let decomposed = "Cafe\u{301} Research"
    let composed = "Caf\u{e9} Research"
    let records = try TestLedger.records([
      ClaimSpec(text: "counted elsewhere", source: decomposed, deadline: "2025-06-30"),
      ClaimSpec(text: "counted here", source: composed, deadline: "2026-06-30"),
      ClaimSpec(text: "counted here too", source: decomposed, deadline: "2026-09-30"),
    ])
    let card = try TestLedger.builder(year: 2026, today: "2026-12-31").build(from: records)
    let groups = card.ranked + card.unranked
    #expect(groups.count == 1)
    #expect(groups.first.map { Array($0.name.utf8) } == Array(composed.utf8))
    #expect(groups.first?.counts.claims == 2)
  }
}

extension LargeLedgerTests {
  /// Spellings are the same only byte for byte: canonically equivalent texts, texts that share
  /// a prefix, small and large, inline and on the heap, and a text with a copy of itself.
  @Test func spellingsCompareByTheirBytes() {
    let long = String(repeating: "预计在2026年下半年推出 ", count: 8)
    let pairs: [(String, String, Bool)] = [
      ("Caf\u{e9}", "Cafe\u{301}", false),
      ("", "", true),
      ("", "a", false),
      ("Tesla", "Tesla", true),
      ("Tesla", "Tesl", false),
      ("Tesla", "tesla", false),
      (long, long, true),
      (long, String(long.dropLast()) + "!", false),
      (long, long + "x", false),
      ("中文" + long, String("中文" + long), true),
    ]
    for (left, right, same) in pairs {
      #expect(Spelling.sameBytes(left, right) == same, "\(left) against \(right)")
      #expect((Spelling(text: left) == Spelling(text: right)) == same)
    }
  }
}
