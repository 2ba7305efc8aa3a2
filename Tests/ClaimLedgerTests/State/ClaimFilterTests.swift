import Testing

@testable import ClaimLedger

@Suite struct ClaimFilterTests {
  @Test func aFilterWithNoConditionKeepsEverything() {
    #expect(ClaimFilter().keepsEverything)
  }

  /// Each condition alone makes the filter look at claims; an export that skipped the filter
  /// for one of them would write claims it should not.
  @Test(arguments: 0..<9)
  func anyOneConditionMakesItChoose(condition: Int) throws {
    var filter = ClaimFilter()
    switch condition {
    case 0: filter.status = .open
    case 1: filter.outcome = .true
    case 2: filter.source = "Anna"
    case 3: filter.tag = "ai"
    case 4: filter.saidFrom = try Fixture.day("2026-01-01")
    case 5: filter.saidTo = try Fixture.day("2026-01-01")
    case 6: filter.dueBefore = try Fixture.day("2026-01-01")
    case 7: filter.isOverdueOnly = true
    default: filter.searchWords = ["chips"]
    }
    #expect(!filter.keepsEverything)
  }

  /// `--search` finds each word in the text, quote, source or via, ASCII letters in either
  /// case and full-width forms as their ASCII, read from the bytes as the ledger keeps them; a
  /// word with a non-ASCII letter that has case is compared on the lowercased text.
  @Test(arguments: [
    (["CHIPS"], [0]), (["nvidia", "chips"], [0]), (["芯片"], [1]), (["ai芯片"], [1]),
    (["élan"], [2]), (["ÉLAN", "paris"], [2]), (["❤️"], [3]), (["❤"], []), (["reuters"], [0]),
    (["kuo"], [1]), (["ｋｕｏ"], [1]), (["Ａi芯片出"], [1]), (["said"], [2]), (["chips", "芯片"], []),
    (["zzz"], []),
    // Whole characters, and canonically equal spellings, as `String`s compare them.
    (["cafe"], []), (["caf\u{E9}"], [4]), (["👍"], []), (["💻"], []), (["rises"], [4]),
  ])
  func searchFindsEveryWordInAnyText(words: [String], expected: [Int]) throws {
    let entries = try [
      Entry.Body.claim(
        Claim(
          text: "Nvidia ships Chips", source: "Ann", via: "Reuters",
          said: Fixture.day("2026-01-01"),
          confidence: Fixture.confidence(0.5)), status: .open),
      .claim(
        Claim(
          text: "ＡＩ芯片出货", source: "Ming-Chi Kuo", said: Fixture.day("2026-01-01"),
          confidence: Fixture.confidence(0.5)), status: .open),
      .claim(
        Claim(
          text: "Élan wins in Paris", quote: "as she said", source: "Bo",
          said: Fixture.day("2026-01-01"), confidence: Fixture.confidence(0.5)), status: .open),
      .claim(
        Claim(
          text: "Love ❤️ wins", source: "Cy", said: Fixture.day("2026-01-01"),
          confidence: Fixture.confidence(0.5)), status: .open),
      .claim(
        Claim(
          text: "Cafe\u{301} rises 👍🏽 and 👨‍💻", source: "Di", said: Fixture.day("2026-01-01"),
          confidence: Fixture.confidence(0.5)), status: .open),
    ].enumerated().map { index, body in
      try Fixture.entry(Fixture.id(bits: UInt64(index + 1) << 20), at: "2026-01-02T00:00:00Z", body)
    }
    // Read back from the journal's bytes, as a command reads the ledger.
    let journal = try Fixture.parse(Fixture.text(of: entries))
    let ledger = Ledger(journal: journal, path: Fixture.path)
    var filter = ClaimFilter()
    filter.searchWords = words
    let today = try Fixture.day("2026-11-25")
    let found = ledger.records.filter { filter.matches($0, today: today, aliases: SourceAliases()) }
    #expect(Set(found.map(\.id)) == Set(expected.map { entries[$0].id }))
  }
}
