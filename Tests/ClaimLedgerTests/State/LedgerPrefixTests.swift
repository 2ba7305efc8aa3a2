import Testing

@testable import ClaimLedger

/// A prefix typed on the command line and what it must name.
struct PrefixCase: Sendable, CustomTestStringConvertible {
  enum Expected: Sendable, Equatable {
    case claim(String)
    case ambiguous([String])
    case unknown
  }

  let prefix: String
  let expected: Expected
  var testDescription: String { "\"\(prefix)\"" }
}

@Suite struct LedgerPrefixTests {
  /// Two ids share `abcd00000`, a third shares only `abcd`, a fourth nothing.
  static let ids: [UInt64] = [0xab_cd00_0001, 0xab_cd00_0002, 0xab_cd10_0000, 0x12_3450_0000]

  static func ledger() throws -> Ledger {
    let entries = try ids.enumerated().map { index, bits in
      try Fixture.entry(
        Fixture.id(bits: bits), at: "2026-01-2\(index)T00:00:00Z",
        .claim(try Fixture.claim("claim \(index)"), status: .open))
    }
    return Ledger(journal: Fixture.journal(entries), path: Fixture.path)
  }

  static let cases: [PrefixCase] = [
    .init(prefix: "1234", expected: .claim("1234500000")),
    .init(prefix: "abcd1", expected: .claim("abcd100000")),
    .init(prefix: "abcd000002", expected: .claim("abcd000002")),
    .init(prefix: "ABCD000002", expected: .claim("abcd000002")),
    .init(prefix: "abcd", expected: .ambiguous(["abcd000001", "abcd000002", "abcd100000"])),
    .init(prefix: "abcd00000", expected: .ambiguous(["abcd000001", "abcd000002"])),
    .init(prefix: "ABCD0", expected: .ambiguous(["abcd000001", "abcd000002"])),
    .init(prefix: "ffff", expected: .unknown),
    .init(prefix: "abcd000003", expected: .unknown),
    .init(prefix: "abc", expected: .unknown),
    .init(prefix: "12", expected: .unknown),
    .init(prefix: "", expected: .unknown),
    .init(prefix: "zzzz", expected: .unknown),
    .init(prefix: "abcd0000011", expected: .unknown),
  ]

  @Test(arguments: cases)
  func findsTheOneClaimAPrefixNames(_ c: PrefixCase) throws {
    let ledger = try Self.ledger()
    let found: PrefixCase.Expected
    do {
      found = .claim(try ledger.record(withPrefix: c.prefix).id.description)
    } catch .ambiguousPrefix(let prefix, let matches) {
      #expect(prefix == c.prefix)
      found = .ambiguous(matches.map(\.description))
    } catch .unknownClaim(let prefix) {
      #expect(prefix == c.prefix)
      found = .unknown
    } catch {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(found == c.expected)
  }

  @Test func ambiguityMessageListsTheCandidates() throws {
    let error = try #require(throws: LedgerError.self) {
      try Self.ledger().record(withPrefix: "abcd0")
    }
    #expect(
      error.description == "'abcd0' names 2 claims (abcd000001, abcd000002); give more digits")
  }
}
