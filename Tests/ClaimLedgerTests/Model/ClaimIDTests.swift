import Testing

@testable import ClaimLedger

/// What identifies a claim: who said it, when, and in which words.
struct ClaimKey: Sendable, CustomTestStringConvertible {
  let source: String
  let said: String?
  let words: String
  var testDescription: String { "\(source) | \(said ?? "-") | \(words)" }

  func id() throws -> ClaimID {
    ClaimID(source: source, said: try said.map(Fixture.day), words: words)
  }
}

/// Two keys that must give the same id (or must not), and why.
struct ClaimKeyPair: Sendable, CustomTestStringConvertible {
  let why: String
  let first: ClaimKey
  let second: ClaimKey
  var testDescription: String { why }
}

/// A string read as a whole id or a prefix, and what it reads as (nil: rejected).
struct IDTextCase: Sendable, CustomTestStringConvertible {
  let text: String
  let expected: String?
  var testDescription: String { "\"\(text)\"" }
}

@Suite struct ClaimIDTests {
  static let base = ClaimKey(
    source: "The Information", said: "2026-01-21",
    words: "OpenAI will acquire Pinterest by the end of 2026")

  @Test func derivesTheSameIDEveryTime() throws {
    #expect(try Self.base.id() == Self.base.id())
  }

  /// Pinned once from an independent SHA-256 of
  /// "the information\n2026-01-21\nopenai will acquire pinterest by the end of 2026":
  /// changing the derivation would split every recorded claim from its later entries.
  @Test func derivationIsPinned() throws {
    #expect(try Self.base.id().description == "e54d3f09b3")
    let undated = ClaimKey(source: Self.base.source, said: nil, words: Self.base.words)
    #expect(try undated.id().description == "bc13853e25")
  }

  @Test func idIsTheFirstFortyBitsOfTheKeysSHA256() throws {
    let key = "the information\n2026-01-21\nopenai will acquire pinterest by the end of 2026"
    #expect(try Self.base.id().description == String(SHA256.hex(of: key.utf8).prefix(10)))
  }

  static let samePairs: [ClaimKeyPair] = [
    .init(
      why: "case of the source", first: base,
      second: ClaimKey(source: "THE INFORMATION", said: base.said, words: base.words)),
    .init(
      why: "spaces around and inside the source", first: base,
      second: ClaimKey(source: "  The\tInformation \n", said: base.said, words: base.words)),
    .init(
      why: "full-width letters and ideographic space in the source", first: base,
      second: ClaimKey(source: "Ｔｈｅ　Ｉｎｆｏｒｍａｔｉｏｎ", said: base.said, words: base.words)),
    .init(
      why: "case and runs of spaces in the words", first: base,
      second: ClaimKey(
        source: base.source, said: base.said,
        words: "openai  WILL acquire\nPinterest by the end of 2026 ")),
    .init(
      why: "full-width digits and letters in the words", first: base,
      second: ClaimKey(
        source: base.source, said: base.said,
        words: "ＯｐｅｎＡＩ will acquire Pinterest by the end of ２０２６")),
    .init(
      why: "full-width spacing in Chinese words",
      first: ClaimKey(source: "36氪", said: "2026-03-01", words: "小米 2026年 发布新车"),
      second: ClaimKey(source: "３６氪", said: "2026-03-01", words: "小米　2026年　发布新车")),
  ]

  @Test(arguments: samePairs)
  func normalisesTrivialDifferencesAway(_ pair: ClaimKeyPair) throws {
    #expect(try pair.first.id() == pair.second.id())
  }

  /// The same text typed on two systems: precomposed é (NFC) and e + U+0301 (NFD) are equal
  /// Swift strings and look identical, so they must not give two ids.
  @Test func normalisesComposedAndDecomposedAccentsAlike() throws {
    let composed = ClaimKey(
      source: "Société Générale", said: "2026-03-01", words: "Café prices rise")
    let decomposed = ClaimKey(
      source: "Socie\u{301}te\u{301} Ge\u{301}ne\u{301}rale", said: "2026-03-01",
      words: "Cafe\u{301} prices rise")
    #expect(composed.source == decomposed.source && composed.words == decomposed.words)
    #expect(try composed.id() == decomposed.id())
  }

  static let differentPairs: [ClaimKeyPair] = [
    .init(
      why: "another quote", first: base,
      second: ClaimKey(
        source: base.source, said: base.said,
        words: "OpenAI will acquire Pinterest by the end of 2027")),
    .init(
      why: "another day", first: base,
      second: ClaimKey(source: base.source, said: "2026-01-22", words: base.words)),
    .init(
      why: "no day", first: base,
      second: ClaimKey(source: base.source, said: nil, words: base.words)),
    .init(
      why: "another source", first: base,
      second: ClaimKey(source: "Bloomberg", said: base.said, words: base.words)),
    .init(
      why: "words glued together", first: base,
      second: ClaimKey(
        source: base.source, said: base.said,
        words: "OpenAI will acquire Pinterest by the endof 2026")
    ),
    .init(
      why: "text moved between source and words",
      first: ClaimKey(source: "a b", said: nil, words: "c"),
      second: ClaimKey(source: "a", said: nil, words: "b c")),
  ]

  @Test(arguments: differentPairs)
  func tellsDifferentClaimsApart(_ pair: ClaimKeyPair) throws {
    #expect(try pair.first.id() != pair.second.id())
  }

  @Test func claimDerivesItsIDFromTheQuoteWhenItHasOne() throws {
    var claim = try Fixture.claim(
      "OpenAI buys Pinterest", source: "The Information", said: "2026-01-21")
    let fromText = ClaimID(
      source: "The Information", said: try Fixture.day("2026-01-21"), words: "OpenAI buys Pinterest"
    )
    #expect(claim.derivedID == fromText)
    claim.quote = "OpenAI will acquire Pinterest by the end of 2026"
    #expect(claim.derivedID == (try Self.base.id()))
  }

  static let idTexts: [IDTextCase] = [
    .init(text: "0123456789", expected: "0123456789"),
    .init(text: "abcdef0123", expected: "abcdef0123"),
    .init(text: "ffffffffff", expected: "ffffffffff"),
    .init(text: "0000000000", expected: "0000000000"),
    .init(text: "ABCDEF0123", expected: nil),
    .init(text: "012345678", expected: nil),
    .init(text: "01234567890", expected: nil),
    .init(text: "g123456789", expected: nil),
    .init(text: " 123456789", expected: nil),
    .init(text: "０123456789", expected: nil),
    .init(text: "", expected: nil),
  ]

  @Test(arguments: idTexts)
  func readsExactlyTenLowercaseHexDigits(_ c: IDTextCase) {
    #expect(ClaimID(c.text)?.description == c.expected)
  }

  @Test func readsEveryByteAtEveryPlaceAsTheDigitRulesSay() {
    // Each of the 256 bytes in each of the ten places of an id: only 0…9 and a…f read, as
    // their values.
    let base = Array("0123456789".utf8)
    for place in 0..<ClaimID.digitCount {
      for value in 0...255 {
        var bytes = base
        bytes[place] = UInt8(value)
        let read = bytes.withUnsafeBufferPointer { ClaimID(bytes: $0) }
        let expected = String(decoding: bytes, as: UTF8.self)
        let isLowerHex = bytes.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
        #expect(read?.bits == (isLowerHex ? UInt64(expected, radix: 16) : nil), "\(bytes)")
      }
    }
  }

  @Test func printsFortyBitsAsTenDigitsWithLeadingZeros() {
    #expect(ClaimID(bits: 1)?.description == "0000000001")
    #expect(ClaimID(bits: 0xab_cdef_0123)?.description == "abcdef0123")
    #expect(ClaimID(bits: 1 << 40 - 1)?.description == "ffffffffff")
    #expect(ClaimID(bits: 1 << 40) == nil)
    #expect(ClaimID("abcdef0123")?.bits == 0xab_cdef_0123)
  }

  @Test func ordersByValue() throws {
    let ids = try ["abcdef0123", "0000000001", "abcdef0122"].map(Fixture.id)
    #expect(ids.sorted().map(\.description) == ["0000000001", "abcdef0122", "abcdef0123"])
  }

  static let prefixTexts: [IDTextCase] = [
    .init(text: "abcd", expected: "abcd"),
    .init(text: "ABCD", expected: "abcd"),
    .init(text: "abcdef012", expected: "abcdef012"),
    .init(text: "abcdef0123", expected: "abcdef0123"),
    .init(text: "abc", expected: nil),
    .init(text: "abcdef01234", expected: nil),
    .init(text: "abcg", expected: nil),
    .init(text: "ab d", expected: nil),
    .init(text: "", expected: nil),
  ]

  @Test(arguments: prefixTexts)
  func readsPrefixesOfFourToTenHexDigits(_ c: IDTextCase) {
    let prefix = IDPrefix(c.text)
    #expect(prefix?.description == c.expected)
    #expect(prefix?.length == c.expected?.count)
  }

  @Test(arguments: [
    ("abcd", true), ("ABCD", true), ("abcdef", true), ("abcdef0123", true), ("abce", false),
    ("bcde", false), ("abcdef0124", false), ("0abc", false),
  ])
  func matchesIDsThatStartWithThePrefix(_ text: String, _ matches: Bool) throws {
    let id = try Fixture.id("abcdef0123")
    let prefix = try #require(IDPrefix(text))
    #expect(id.hasPrefix(prefix) == matches)
  }

  @Test func leadingZeroDigitsCountInAPrefix() throws {
    let id = try Fixture.id("0000abcdef")
    #expect(id.hasPrefix(try #require(IDPrefix("0000"))))
    #expect(id.hasPrefix(try #require(IDPrefix("0000a"))))
    #expect(!id.hasPrefix(try #require(IDPrefix("000a"))))
  }
}
