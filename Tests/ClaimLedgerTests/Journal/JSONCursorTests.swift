import Foundation
import Testing

@testable import ClaimLedger

/// The JSON of entries and claims is written into room reserved from the lengths of their
/// texts; a control character takes six bytes (`\u0001`), the most a byte can take.
@Suite struct JSONCursorTests {
  static let worst = String(repeating: "\u{01}", count: 300)

  static func worstClaim() throws -> Claim {
    var claim = try Fixture.claim(worst, source: worst)
    claim.quote = worst
    claim.via = worst
    claim.url = worst
    claim.deadlineText = worst
    claim.hedge = worst
    claim.lang = worst
    claim.tags = [worst, worst, ""]
    claim.document = worst
    return claim
  }

  static func worstEntries() throws -> [Entry] {
    let id = try Fixture.id("0123456789")
    let changes = ClaimChanges(
      text: worst, quote: worst, source: worst, via: worst, url: worst,
      said: try Fixture.day("2026-01-01"), deadline: try Fixture.day("2026-06-30"),
      deadlineText: worst, confidence: try Fixture.confidence(0.123456789), hedge: worst,
      lang: worst, tags: [worst], isConditional: true, document: worst)
    let resolution = Resolution(
      outcome: .void, on: try Fixture.day("2026-07-01"), evidence: worst, reason: .ambiguous,
      note: worst)
    let bodies: [Entry.Body] = [
      .claim(try worstClaim(), status: .proposed), .accept(changes), .amend(changes, note: worst),
      .resolve(resolution), .reopen(note: worst), .reject(reason: worst),
    ]
    return try bodies.enumerated().map { index, body in
      try Fixture.entry(id, at: "2026-01-2\(index)T09:30:00.000Z", body)
    }
  }

  @Test func everyEntryOfTextThatIsAllEscapesFitsAndReadsBack() throws {
    for entry in try Self.worstEntries() {
      let line = entry.jsonLine
      #expect(line.utf8.count > 1_800)
      let location = Location(path: Fixture.path, line: 1)
      #expect(try JournalReader.entry(fromLine: line, at: location) == entry)
    }
  }

  /// The claim of `list --json`, its history included, with every text all escapes.
  @Test func aClaimOfTextThatIsAllEscapesFitsWithItsHistory() throws {
    let entries = try Self.worstEntries()
    let ledger = Ledger(journal: Fixture.journal(Array(entries.prefix(5))), path: Fixture.path)
    let record = try #require(ledger.records.first)
    #expect(record.history.count == 5)
    var json = JSONBuffer()
    record.writeJSON(into: &json)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
    #expect(object["text"] as? String == Self.worst)
    #expect(object["note"] as? String == Self.worst)
    #expect((object["history"] as? [Any])?.count == 5)
  }

  /// The quoted names written for enums are their raw values.
  @Test func quotedNamesSpellTheRawValues() {
    func spelled(_ name: StaticString) -> String { name.description }
    for kind in Entry.Kind.allCases { #expect(spelled(kind.quotedName) == "\"\(kind.rawValue)\"") }
    for status in Status.allCases {
      #expect(spelled(status.quotedName) == "\"\(status.rawValue)\"")
    }
    for outcome in Outcome.allCases {
      #expect(spelled(outcome.quotedName) == "\"\(outcome.rawValue)\"")
    }
    for reason in VoidReason.allCases {
      #expect(spelled(reason.quotedName) == "\"\(reason.rawValue)\"")
    }
  }
}
