import Testing

@testable import ClaimLedger

/// One entry of each kind, several with text that JSON must escape or must leave alone.
enum EntrySample: String, CaseIterable, Sendable {
  case fullClaim, minimalClaim, proposedClaim, hardTextClaim, controlCharacterClaim
  case acceptWithChanges, emptyAccept, reject, rejectWithoutReason
  case amendEverything, amendNote, resolveTrue, resolveVoid, resolveWithEvidence, reopen, bareReopen

  static let id = "0123456789"
  static let at = "2026-01-21T09:30:00.000Z"

  func entry() throws -> Entry {
    let id = try Fixture.id(Self.id)
    let at = Self.at
    switch self {
    case .fullClaim:
      return try Fixture.entry(id, at: at, .claim(try Self.richClaim(), status: .open))
    case .minimalClaim:
      return try Fixture.entry(id, at: at, .claim(try Fixture.claim(said: nil), status: .open))
    case .proposedClaim:
      return try Fixture.entry(id, at: at, .claim(try Fixture.claim(), status: .proposed))
    case .hardTextClaim:
      var claim = try Fixture.claim(Self.hardText, source: "他说 \"quoted\" \\ source")
      claim.quote = "第一行\n第二行\t制表符 \r 回车"
      claim.tags = ["emoji 🚀", "quote \"", "back\\slash", "", "中文"]
      return try Fixture.entry(id, at: at, .claim(claim, status: .open))
    case .controlCharacterClaim:
      let claim = try Fixture.claim("bell \u{07} escape \u{1B} unit separator \u{1F} delete \u{7F}")
      return try Fixture.entry(id, at: at, .claim(claim, status: .open))
    case .acceptWithChanges:
      let changes = ClaimChanges(
        text: "改过的文字", deadline: try Fixture.day("2026-12-31"),
        confidence: try Fixture.confidence(0.85),
        tags: ["并购"])
      return try Fixture.entry(id, at: at, .accept(changes))
    case .emptyAccept:
      return try Fixture.entry(id, at: at, .accept(ClaimChanges()))
    case .reject:
      return try Fixture.entry(id, at: at, .reject(reason: "不是预测 / not a forecast"))
    case .rejectWithoutReason:
      return try Fixture.entry(id, at: at, .reject(reason: nil))
    case .amendEverything:
      let changes = ClaimChanges(
        text: "t", quote: "q", source: "s", via: "v", url: "https://example.com/a?b=c&d=\"e\"",
        said: try Fixture.day("2026-01-01"), deadline: try Fixture.day("2026-06-30"),
        deadlineText: "2026年上半年", confidence: try Fixture.confidence(0.3), hedge: "或将",
        lang: "zh-Hans", tags: [], isConditional: false, document: "articles/a.md")
      return try Fixture.entry(id, at: at, .amend(changes, note: "typo\nfixed"))
    case .amendNote:
      return try Fixture.entry(id, at: at, .amend(ClaimChanges(isConditional: true), note: nil))
    case .resolveTrue:
      return try Fixture.entry(
        id, at: at, .resolve(try Fixture.resolution(.true, on: "2026-11-30")))
    case .resolveVoid:
      let resolution = try Fixture.resolution(.void, on: "2026-12-31", reason: .conditionFailed)
      return try Fixture.entry(id, at: at, .resolve(resolution))
    case .resolveWithEvidence:
      let resolution = Resolution(
        outcome: .partial, on: try Fixture.day("2026-12-31"),
        evidence: "https://example.com/新闻?id=1",
        note: "只完成了一半 😅")
      return try Fixture.entry(id, at: at, .resolve(resolution))
    case .reopen:
      return try Fixture.entry(id, at: at, .reopen(note: "resolved by mistake \\ 误判"))
    case .bareReopen:
      return try Fixture.entry(id, at: at, .reopen(note: nil))
    }
  }

  static let hardText = "OpenAI 将在 2026 年收购 Pinterest 🚀👩‍💻 \"引号\" \\反斜杠\\ </script> \u{2028} é"

  static func richClaim() throws -> Claim {
    Claim(
      text: "OpenAI 收购 Pinterest", quote: "他说：\"大概率\"", source: "The Information", via: "36氪",
      url: "https://example.com/a/b", said: try Fixture.day("2026-01-21"),
      deadline: try Fixture.day("2026-12-31"), deadlineText: "2026年底",
      confidence: try Fixture.confidence(0.75), hedge: "大概率", lang: "zh-Hans", tags: ["ai", "并购"],
      isConditional: true, document: "articles/a.md")
  }
}

@Suite struct EntryJSONTests {
  static let location = Location(path: Fixture.path, line: 7)

  @Test(arguments: EntrySample.allCases)
  func everyEntryReadsBackAsWritten(_ sample: EntrySample) throws {
    let entry = try sample.entry()
    let line = entry.jsonLine
    #expect(!line.contains("\n"))
    #expect(try JournalReader.entry(fromLine: line, at: Self.location) == entry)
  }

  @Test(arguments: EntrySample.allCases)
  func everyEntryReadsBackFromAJournal(_ sample: EntrySample) throws {
    let entry = try sample.entry()
    let journal = try Fixture.parse(Fixture.text(of: [entry, entry]))
    #expect(journal.entries == [entry, entry])
    #expect(journal.lines == [1, 2])
  }

  @Test func writesAClaimWithFixedKeyOrderAndUnescapedText() throws {
    let entry = try EntrySample.fullClaim.entry()
    let expected =
      #"{"entry":"claim","id":"0123456789","at":"2026-01-21T09:30:00.000Z","#
      + #""text":"OpenAI 收购 Pinterest","quote":"他说：\"大概率\"","source":"The Information","#
      + #""via":"36氪","url":"https://example.com/a/b","said":"2026-01-21","deadline":"2026-12-31","#
      + #""deadline_text":"2026年底","confidence":0.75,"hedge":"大概率","lang":"zh-Hans","#
      + #""tags":["ai","并购"],"status":"open","conditional":true,"document":"articles/a.md"}"#
    #expect(Array(entry.jsonLine.utf8) == Array(expected.utf8))
  }

  @Test func writesAMinimalClaimWithNullSaidAndEmptyTags() throws {
    let entry = try EntrySample.minimalClaim.entry()
    let expected =
      #"{"entry":"claim","id":"0123456789","at":"2026-01-21T09:30:00.000Z","#
      + #""text":"OpenAI acquires Pinterest by 2026-12-31","source":"The Information","said":null,"#
      + #""confidence":0.7,"tags":[],"status":"open"}"#
    #expect(entry.jsonLine == expected)
  }

  @Test func writesOtherKindsWithOnlyTheirFields() throws {
    #expect(
      try EntrySample.resolveVoid.entry().jsonLine
        == #"{"entry":"resolve","id":"0123456789","at":"2026-01-21T09:30:00.000Z","#
        + #""outcome":"void","on":"2026-12-31","reason":"condition-failed"}"#)
    #expect(
      try EntrySample.acceptWithChanges.entry().jsonLine
        == #"{"entry":"accept","id":"0123456789","at":"2026-01-21T09:30:00.000Z","#
        + #""text":"改过的文字","deadline":"2026-12-31","confidence":0.85,"tags":["并购"]}"#)
    #expect(
      try EntrySample.bareReopen.entry().jsonLine
        == #"{"entry":"reopen","id":"0123456789","at":"2026-01-21T09:30:00.000Z"}"#)
    #expect(
      try EntrySample.amendNote.entry().jsonLine
        == #"{"entry":"amend","id":"0123456789","at":"2026-01-21T09:30:00.000Z","#
        + #""conditional":true}"#)
  }

  @Test func escapesOnlyWhatJSONRequires() throws {
    let line = try EntrySample.hardTextClaim.entry().jsonLine
    #expect(line.contains(#""OpenAI 将在 2026 年收购 Pinterest 🚀👩‍💻 \"引号\" \\反斜杠\\ </script> "#))
    #expect(line.contains(#""quote":"第一行\n第二行\t制表符 \r 回车""#))
    #expect(!line.contains(#"\/"#))
    #expect(!line.contains(#"\u00e9"#))
    let controls = try EntrySample.controlCharacterClaim.entry().jsonLine
    #expect(controls.contains(#""text":"bell \u0007 escape \u001b unit separator \u001f delete "#))
  }

  @Test func readsKeysInAnyOrderWithSpacesAndEscapes() throws {
    let line =
      #"  { "at" : "2026-01-21T09:30:00Z" ,"# + "\t"
      + #""note":"\u00E9\u00e9 \/ \ud83d\ude80 \b\f", "id":"0123456789", "entry" : "reopen" }  "#
    let entry = try JournalReader.entry(fromLine: line, at: Self.location)
    #expect(entry.kind == .reopen)
    #expect(entry.at == (try Fixture.time("2026-01-21T09:30:00.000Z")))
    #expect(entry.body == .reopen(note: "éé / 🚀 \u{08}\u{0C}"))
  }

  @Test func readsAbsentOptionalFieldsAsNullOnes() throws {
    let withNulls =
      #"{"entry":"claim","id":"0123456789","at":"2026-01-21T09:30:00.000Z","text":"x","#
      + #""quote":null,"source":"y","via":null,"url":null,"said":null,"deadline":null,"#
      + #""deadline_text":null,"confidence":1,"hedge":null,"lang":null,"tags":[],"status":"open","#
      + #""document":null}"#
    let without =
      #"{"entry":"claim","id":"0123456789","at":"2026-01-21T09:30:00.000Z","text":"x","#
      + #""source":"y","confidence":1.0,"status":"open"}"#
    let first = try JournalReader.entry(fromLine: withNulls, at: Self.location)
    #expect(first == (try JournalReader.entry(fromLine: without, at: Self.location)))
    guard case .claim(let claim, .open) = first.body else {
      Issue.record("not an open claim: \(first)")
      return
    }
    #expect(claim.said == nil && claim.tags.isEmpty && !claim.isConditional)
  }

  @Test func reportsTheColumnOfAFailureOnTheGivenLine() {
    let line = #"{"entry":"reopen","id":"0123456789","at":"2026-01-21T09:30:00.000Z",}"#
    #expect(
      throws: LedgerError.malformedEntry(
        at: Location(path: Fixture.path, line: 7, column: 69), reason: "trailing comma")
    ) {
      try JournalReader.entry(fromLine: line, at: Self.location)
    }
  }

  @Test func namesTheKindByItsJournalWord() throws {
    let kinds = try EntrySample.allCases.map { try $0.entry().kind.rawValue }
    #expect(Set(kinds) == Set(Entry.Kind.allCases.map(\.rawValue)))
    #expect(
      Entry.Kind.allCases.map(\.rawValue) == [
        "claim", "accept", "reject", "amend", "resolve", "reopen",
      ])
  }
}
