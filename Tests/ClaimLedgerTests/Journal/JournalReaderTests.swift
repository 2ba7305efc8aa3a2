import Testing

@testable import ClaimLedger

/// A line the reader must refuse, where the error must point, and what it must say.
struct MalformedLineCase: Sendable, CustomTestStringConvertible {
  let name: String
  let bytes: [UInt8]
  /// 1-based byte column of the offending byte.
  let column: Int
  /// A part of the reason the message must contain.
  let reason: String
  var testDescription: String { name }

  static func text(_ name: String, _ line: String, column: Int, _ reason: String) -> Self {
    MalformedLineCase(name: name, bytes: Array(line.utf8), column: column, reason: reason)
  }

  static func bytes(_ name: String, _ bytes: [UInt8], column: Int, _ reason: String) -> Self {
    MalformedLineCase(name: name, bytes: bytes, column: column, reason: reason)
  }
}

@Suite struct JournalReaderTests {
  /// A valid `reopen` line without its closing brace: 67 bytes, so what follows starts at 68.
  static let reopen = #"{"entry":"reopen","id":"0123456789","at":"2026-01-21T09:30:00.000Z""#
  /// The start of a valid `claim` line up to the confidence: 103 bytes, so its value is at 117.
  static let claim =
    #"{"entry":"claim","id":"0123456789","at":"2026-01-21T09:30:00.000Z","text":"x","source":"y","#
    + #""said":null,"#
  static let resolve = #"{"entry":"resolve","id":"0123456789","at":"2026-01-21T09:30:00.000Z","#
  static let good = reopen + "}"

  static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

  static let malformed: [MalformedLineCase] = [
    .text("trailing comma", reopen + ",}", column: 69, "trailing comma"),
    .text(
      "trailing comma in an array", claim + #""confidence":0.7,"tags":["a",],"status":"open"}"#,
      column: 133, "trailing comma"),
    .text("duplicate key", reopen + #","id":"0123456789"}"#, column: 69, "duplicate field 'id'"),
    .bytes("byte-order mark", [0xEF, 0xBB, 0xBF] + utf8(good), column: 1, "byte-order mark"),
    .text("CRLF line end", good + "\r", column: 69, "carriage return"),
    .text("a lone CR (a blank CRLF line)", "\r", column: 1, "carriage return"),
    .bytes(
      "raw control character", utf8(reopen + #","note":"a"#) + [0x01] + utf8(#"b"}"#), column: 78,
      "raw control character 1 inside a string"),
    .bytes(
      "raw tab in a string", utf8(reopen + #","note":"a"#) + [0x09] + utf8(#"b"}"#), column: 78,
      "raw control character 9 inside a string"),
    .text("escaped NUL", reopen + #","note":"a\u0000b"}"#, column: 78, "NUL character (\\u0000)"),
    .text(
      "lone high surrogate", reopen + #","note":"\ud800"}"#, column: 77, "lone surrogate \\ud800"),
    .text(
      "lone low surrogate", reopen + #","note":"\udc00x"}"#, column: 77, "lone surrogate \\udc00"),
    .text(
      "high surrogate before a letter", reopen + #","note":"\ud800\u0041"}"#, column: 77,
      "lone surrogate \\ud800"),
    .bytes(
      "invalid UTF-8 byte", utf8(reopen + #","note":"a"#) + [0xFF] + utf8(#""}"#), column: 78,
      "invalid UTF-8"),
    .bytes(
      "truncated UTF-8 sequence", utf8(reopen + #","note":""#) + [0xE4, 0xB8] + utf8(#""}"#),
      column: 77, "invalid UTF-8"),
    .bytes(
      "overlong UTF-8", utf8(reopen + #","note":""#) + [0xC0, 0x80] + utf8(#""}"#), column: 77,
      "invalid UTF-8"),
    .bytes(
      "invalid UTF-8 outside a string", [0x7B, 0xFF] + utf8("}"), column: 2, "unexpected byte 255"),
    .text(
      "NaN", claim + #""confidence":NaN,"tags":[],"status":"open"}"#, column: 117,
      "expected a number"),
    .text(
      "1e999", claim + #""confidence":1e999,"tags":[],"status":"open"}"#, column: 117,
      "number 1e999 is out of range"),
    .text("two objects on one line", good + good, column: 69, "text after the end of the entry"),
    .bytes("NUL after the object", utf8(good) + [0], column: 69, "NUL byte"),
    .text(
      "unknown entry kind",
      #"{"entry":"delete","id":"0123456789","at":"2026-01-21T09:30:00.000Z"}"#,
      column: 10, "unknown entry kind 'delete'"),
    .text("unknown field", reopen + #","colour":"red"}"#, column: 69, "unknown field 'colour'"),
    .text("missing at", #"{"entry":"reopen","id":"0123456789"}"#, column: 1, "missing field 'at'"),
    .text(
      "missing confidence", claim + #""tags":[],"status":"open"}"#, column: 1,
      "missing field 'confidence'"),
    .text("missing on", resolve + #""outcome":"true"}"#, column: 1, "missing field 'on'"),
    .text("empty object", "{}", column: 1, "missing field 'entry'"),
    .text(
      "confidence as a string", claim + #""confidence":"0.7","tags":[],"status":"open"}"#,
      column: 117, "expected a number"),
    .text(
      "tags as a string", claim + #""confidence":0.7,"tags":"ai","status":"open"}"#, column: 128,
      "expected an array of strings"),
    .text(
      "conditional as a string",
      claim + #""confidence":0.7,"tags":[],"status":"open","conditional":"yes"}"#, column: 161,
      "expected true or false"),
    .text(
      "id as a number", #"{"entry":"reopen","id":123,"at":"2026-01-21T09:30:00.000Z"}"#, column: 24,
      "id must be 10 lowercase hex digits"),
    .text(
      "upper-case id", #"{"entry":"reopen","id":"ABCDEF0123","at":"2026-01-21T09:30:00.000Z"}"#,
      column: 24, "id must be 10 lowercase hex digits"),
    .text(
      "confidence 1.5", claim + #""confidence":1.5,"tags":[],"status":"open"}"#, column: 117,
      "confidence 1.5 is outside 0…1"),
    .text(
      "confidence just past 1, as written",
      claim + #""confidence":1.0000001,"tags":[],"status":"open"}"#,
      column: 117, "confidence 1.0000001 is outside 0…1"),
    .text(
      "confidence -0.1", claim + #""confidence":-0.1,"tags":[],"status":"open"}"#, column: 117,
      "confidence -0.1 is outside 0…1"),
    .text(
      "leading zero", claim + #""confidence":07,"tags":[],"status":"open"}"#, column: 118,
      "expected ',' or '}'"),
    .text("merge-conflict marker, ours", "<<<<<<< HEAD", column: 1, "merge-conflict marker"),
    .text("merge-conflict marker, middle", "=======", column: 1, "merge-conflict marker"),
    .text("merge-conflict marker, theirs", ">>>>>>> theirs", column: 1, "merge-conflict marker"),
    .text(
      "outcome on a claim",
      claim + #""confidence":0.7,"outcome":"true","tags":[],"status":"open"}"#,
      column: 121, "field 'outcome' does not belong in a 'claim' entry"),
    .text(
      "note on a reject, kind given last",
      #"{"note":"x","entry":"reject","id":"0123456789","at":"2026-01-21T09:30:00.000Z"}"#,
      column: 1,
      "field 'note' does not belong in a 'reject' entry"),
    .text(
      "impossible said date",
      #"{"entry":"claim","id":"0123456789","at":"2026-01-21T09:30:00.000Z","text":"x","source":"y","#
        + #""said":"2026-02-30","confidence":0.7,"tags":[],"status":"open"}"#, column: 99,
      "said must be a real date YYYY-MM-DD"),
    .text(
      "at at hour 25", #"{"entry":"reopen","id":"0123456789","at":"2026-01-21T25:30:00.000Z"}"#,
      column: 42, "at must be a UTC time"),
    .text(
      "id with a quote inside its ten bytes",
      #"{"entry":"reopen","id":"01234567\"9","at":"2026-01-21T09:30:00.000Z"}"#, column: 24,
      "id must be 10 lowercase hex digits"),
    .text(
      "at without its zone", #"{"entry":"reopen","id":"0123456789","at":"2026-01-21T09:30:00"}"#,
      column: 42, "at must be a UTC time"),
    .text(
      "status of a new claim", claim + #""confidence":0.7,"tags":[],"status":"resolved"}"#,
      column: 140, "status of a new claim must be 'open' or 'proposed', not 'resolved'"),
    .text(
      "unknown outcome", resolve + #""outcome":"yes","on":"2026-12-31"}"#, column: 80,
      "outcome must be true, false, partial or void, not 'yes'"),
    .text(
      "void without a reason", resolve + #""outcome":"void","on":"2026-12-31"}"#, column: 1,
      "a void resolution needs a reason"),
    .text(
      "reason on a true outcome",
      resolve + #""outcome":"true","on":"2026-12-31","reason":"duplicate"}"#,
      column: 1, "only a void resolution has a reason"),
    .text(
      "unknown void reason", resolve + #""outcome":"void","on":"2026-12-31","reason":"boring"}"#,
      column: 1, "unknown void reason 'boring'"),
    .text(
      "empty text",
      #"{"entry":"claim","id":"0123456789","at":"2026-01-21T09:30:00.000Z","text":"","source":"y","#
        + #""said":null,"confidence":0.7,"tags":[],"status":"open"}"#, column: 1, "text is empty"),
    .text("not JSON", "claim 0123456789 true", column: 1, "expected '{' at the start of the entry"),
    .text("spaces only", "   ", column: 4, "unexpected end of line"),
    .text("unterminated string", reopen + #","note":"abc}"#, column: 76, "unterminated string"),
    .text("invalid escape", reopen + #","note":"\x"}"#, column: 77, "invalid escape '\\x'"),
  ]

  @Test(arguments: malformed)
  func refusesAMalformedLineNamingLineAndColumn(_ c: MalformedLineCase) throws {
    let file = Self.utf8(Self.good + "\n") + c.bytes + Self.utf8("\n" + Self.good + "\n")
    let error = try #require(throws: LedgerError.self) { try Fixture.parse(file) }
    guard case .malformedEntry(let location, let reason) = error else {
      Issue.record("expected a malformed entry, got \(error)")
      return
    }
    #expect(location == Location(path: Fixture.path, line: 2, column: c.column))
    #expect(reason.contains(c.reason), "reason: \(reason)")
  }

  @Test(arguments: malformed.filter { String(validating: $0.bytes, as: UTF8.self) != nil })
  func refusesTheSameLineOnItsOwn(_ c: MalformedLineCase) throws {
    let line = try #require(String(validating: c.bytes, as: UTF8.self))
    let error = try #require(throws: LedgerError.self) {
      try JournalReader.entry(fromLine: line, at: Location(path: "x.jsonl", line: 9))
    }
    guard case .malformedEntry(let location, let reason) = error else {
      Issue.record("expected a malformed entry, got \(error)")
      return
    }
    #expect(location == Location(path: "x.jsonl", line: 9, column: c.column))
    #expect(reason.contains(c.reason), "reason: \(reason)")
  }

  @Test func namesTheMalformedLineAmongOthers() throws {
    let lines = [Self.good, Self.good, Self.reopen + ",}", Self.good, Self.good]
    let error = try #require(throws: LedgerError.self) {
      try Fixture.parse(lines.map { $0 + "\n" }.joined())
    }
    #expect(
      error
        == .malformedEntry(
          at: Location(path: Fixture.path, line: 3, column: 69), reason: "trailing comma"))
  }

  @Test func reportsTheFirstOfSeveralMalformedLines() throws {
    let lines = [Self.good, "{}", Self.good, "<<<<<<< HEAD"]
    let error = try #require(throws: LedgerError.self) {
      try Fixture.parse(lines.map { $0 + "\n" }.joined())
    }
    guard case .malformedEntry(let location, _) = error else {
      Issue.record("expected a malformed entry, got \(error)")
      return
    }
    #expect(location.line == 2)
  }

  @Test func refusesATornLastLineNamingIt() throws {
    let text = Self.good + "\n" + Self.good + "\n" + Self.good + "\n" + #"{"entry":"reo"#
    #expect(throws: LedgerError.tornLastLine(at: Location(path: Fixture.path, line: 4))) {
      try Fixture.parse(text)
    }
  }

  /// A whole entry without its newline is still refused, but named for what it is.
  @Test func refusesAWholeFileWithoutANewline() throws {
    let expected = LedgerError.lastLineWithoutNewline(at: Location(path: Fixture.path, line: 1))
    #expect(throws: expected) { try Fixture.parse(Self.good) }
  }

  @Test func aTornTailIsReportedBeforeAMalformedLine() throws {
    let whole = Self.good + "\n{}\n" + Self.good
    let expected = LedgerError.lastLineWithoutNewline(at: Location(path: Fixture.path, line: 3))
    #expect(throws: expected) { try Fixture.parse(whole) }
    let torn = Self.good + "\n{}\n" + Self.good.dropLast()
    #expect(throws: LedgerError.tornLastLine(at: Location(path: Fixture.path, line: 3))) {
      try Fixture.parse(torn)
    }
  }

  @Test func dropsATornTailWhenAskedTo() throws {
    let text = Self.good + "\n\n" + Self.good + "\n" + Self.good
    let journal = try Fixture.parse(text, allowingTornTail: true)
    #expect(journal.entries.count == 2)
    #expect(journal.lines == [1, 3])
    #expect(journal.blankLines == [2])
    #expect(try Fixture.parse(Self.good, allowingTornTail: true).entries.isEmpty)
  }

  @Test func toleratesAndReportsBlankLines() throws {
    let text = "\n" + Self.good + "\n\n\n" + Self.good + "\n\n"
    let journal = try Fixture.parse(text)
    #expect(journal.entries.count == 2)
    #expect(journal.lines == [2, 5])
    #expect(journal.blankLines == [1, 3, 4, 6])
  }

  @Test func readsAnEmptyFileAsAnEmptyJournal() throws {
    let journal = try Fixture.parse([UInt8]())
    #expect(journal.entries.isEmpty && journal.lines.isEmpty && journal.blankLines.isEmpty)
  }

  @Test func keepsFileOrderAndLineNumbers() throws {
    let entries = try EntrySample.allCases.map { try $0.entry() }
    let journal = try Fixture.parse(Fixture.text(of: entries))
    #expect(journal.entries == entries)
    #expect(journal.lines == entries.indices.map { Int32($0 + 1) })
  }
}
