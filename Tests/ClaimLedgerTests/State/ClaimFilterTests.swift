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
    let claims = [
      ("Nvidia ships Chips", nil, "Ann", "Reuters"), ("ＡＩ芯片出货", nil, "Ming-Chi Kuo", nil),
      ("Élan wins in Paris", "as she said", "Bo", nil), ("Love ❤️ wins", nil, "Cy", nil),
      ("Cafe\u{301} rises 👍🏽 and 👨‍💻", nil, "Di", nil),
    ]
    let entries = try claims.enumerated().map { index, fields in
      let claim = Claim(
        text: fields.0, quote: fields.1, source: fields.2, via: fields.3,
        said: try Fixture.day("2026-01-01"), confidence: try Fixture.confidence(0.5))
      return try Fixture.entry(
        Fixture.id(bits: UInt64(index + 1) << 20), at: "2026-01-02T00:00:00Z",
        .claim(claim, status: .open))
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
