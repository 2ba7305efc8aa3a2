import Testing

@testable import ClaimLedger

/// Ledger files large enough that `load` reads them in byte ranges on several cores: every
/// result must match one pass over the same bytes.
@Suite struct JournalFileReadTests {
  let directory: TemporaryDirectory
  let path: String

  init() throws {
    directory = try TemporaryDirectory()
    path = directory.path("ledger.jsonl")
  }

  func load(_ bytes: [UInt8], allowingTornTail: Bool = false) throws -> Journal {
    try write(bytes, toFile: path)
    return try LedgerStore(path: path).loadJournal(allowingTornTail: allowingTornTail)
  }

  @Test func readsTheSameEntriesLinesAndBlankLinesAsOnePass() throws {
    let large = try LargeJournal(entryCount: 12_000)
    let bytes = large.bytes
    try #require(bytes.count > 2 << 20)
    let journal = try load(bytes)
    #expect(journal.entries == large.entries)
    #expect(journal.lines == large.entryLines)
    #expect(journal.blankLines == large.blankLines)
  }

  @Test func aMalformedLineLateInTheFileIsReportedWithItsLineAndColumn() throws {
    var large = try LargeJournal(entryCount: 12_000)
    let index = large.lines.count - 40
    large.lines[index] = Array(#"{"entry":"reopen","id":"zz"}"#.utf8)
    let expected = LedgerError.malformedEntry(
      at: SourceLocation(path: path, line: index + 1, column: 24),
      reason: "id must be 10 lowercase hex digits")
    #expect(throws: expected) { try load(large.bytes) }
  }

  @Test func theFirstOfTwoMalformedLinesWins() throws {
    var large = try LargeJournal(entryCount: 12_000)
    large.lines[large.lines.count - 10] = Array("{".utf8)
    large.lines[100] = Array("{,".utf8)
    #expect(throws: LedgerError.self) { try load(large.bytes) }
    do {
      _ = try load(large.bytes)
    } catch {
      guard case .malformedEntry(let location, _) = error as? LedgerError else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(location.line == 101)
    }
  }

  @Test func aTornTailIsAnErrorOrLeftOut() throws {
    let large = try LargeJournal(entryCount: 12_000)
    let bytes = large.bytes + Array(#"{"entry":"reo"#.utf8)
    #expect(
      throws: LedgerError.tornLastLine(at: SourceLocation(path: path, line: large.lines.count + 1))
    ) {
      try load(bytes)
    }
    let journal = try load(bytes, allowingTornTail: true)
    #expect(journal.entries == large.entries)
  }

  @Test func aLineLongerThanAReadBlockIsReadWhole() throws {
    var large = try LargeJournal(entryCount: 2000)
    let claim = try Fixture.claim(String(repeating: "长", count: 3_500_000))
    let entry = try Fixture.entry(
      claim.derivedID, at: "2026-03-01T00:00:00Z", .claim(claim, status: .open))
    large.lines.insert(Array(entry.jsonLine.utf8), at: 1000)
    let journal = try load(large.bytes)
    #expect(journal.entries.count == large.entries.count + 1)
    #expect(journal.entries.contains(entry))
    #expect(journal.lines.last == Int32(large.lines.count))
  }
}

/// The decoder's shortcuts must agree with the plain definitions they stand for.
@Suite struct EntryFieldTests {
  @Test(arguments: EntryField.allCases)
  func everyFieldIsFoundByItsName(_ field: EntryField) {
    var bytes = Array(field.name.utf8)
    let found = bytes.withUnsafeMutableBufferPointer { EntryField(key: UnsafeBufferPointer($0)) }
    #expect(found == field)
    var line = bytes + Array(#"":"x","#.utf8)
    let inLine = line.withUnsafeMutableBufferPointer {
      EntryField(key: UnsafeBufferPointer(rebasing: $0[0..<bytes.count]), readable: $0.count)
    }
    #expect(inLine == field)
  }

  @Test func aKeyOneByteAwayFromAFieldIsNoField() {
    for field in EntryField.allCases {
      let name = Array(field.name.utf8)
      var nearMisses = [Array(name.dropLast()), name + [UInt8(ascii: "s")], [0x20] + name]
      for index in name.indices {
        var changed = name
        changed[index] ^= 0x20
        nearMisses.append(changed)
      }
      for key in nearMisses {
        // Alone, and followed by more of a line, as the decoder reads keys.
        for var bytes in [key, key + Array(#"":"x","#.utf8)] {
          let found = bytes.withUnsafeMutableBufferPointer {
            EntryField(
              key: UnsafeBufferPointer(rebasing: $0[0..<key.count]), readable: $0.count)
          }
          #expect(found == nil, "\(String(decoding: key, as: UTF8.self))")
        }
      }
    }
  }

  @Test func claimFieldMaskMatchesTheClaimFields() {
    let fields: [EntryField] = [
      .text, .quote, .source, .via, .url, .said, .deadline, .deadlineText, .confidence, .hedge,
      .lang, .tags, .conditional, .document,
    ]
    #expect(EntryField.claimFields == fields.reduce(0) { $0 | $1.bit })
    #expect(EntryField.common == EntryField.entry.bit | EntryField.id.bit | EntryField.at.bit)
    let resolve: [EntryField] = [.outcome, .on, .evidence, .reason, .note]
    #expect(
      EntryField.allowed(in: .resolve) == EntryField.common | resolve.reduce(0) { $0 | $1.bit })
    #expect(
      EntryField.allowed(in: .claim) == EntryField.common | EntryField.claimFields
        | EntryField.status.bit)
    #expect(EntryField.allowed(in: .reject) == EntryField.common | EntryField.reason.bit)
    #expect(
      EntryField.allowed(in: .amend) == EntryField.common | EntryField.claimFields
        | EntryField.note.bit)
    #expect(EntryField.allowed(in: .reopen) == EntryField.common | EntryField.note.bit)
  }

  @Test func wordsAreMatchedOnTheirBytesAsTheirRawValues() {
    func matches<T>(_ text: String, _ match: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
      var bytes = Array(text.utf8)
      return bytes.withUnsafeMutableBufferPointer { match(UnsafeBufferPointer($0)) }
    }
    for kind in Entry.Kind.allCases {
      #expect(matches(kind.rawValue, EntryDecoder.kind(spelledBy:)) == kind)
    }
    for outcome in Outcome.allCases {
      #expect(matches(outcome.rawValue, EntryDecoder.outcome(spelledBy:)) == outcome)
    }
    #expect(matches("claims", EntryDecoder.kind(spelledBy:)) == nil)
    #expect(matches("True", EntryDecoder.outcome(spelledBy:)) == nil)
  }

  @Test func repeatedTextsReadTheSameAcrossLinesWithAndWithoutEscapes() throws {
    let text = """
      {"entry":"claim","id":"0000000001","at":"2026-01-01T00:00:00Z","text":"a","source":"S\\u00e9","confidence":0.5,"tags":["x","y"],"status":"open"}
      {"entry":"claim","id":"0000000002","at":"2026-01-01T00:00:00Z","text":"b","source":"Sé","confidence":0.25,"tags":["x","y"],"status":"open"}
      {"entry":"claim","id":"0000000003","at":"2026-01-01T00:00:00Z","text":"c","source":"Sé","confidence":1,"tags":["x", "y"],"status":"open"}

      """
    let journal = try Fixture.parse(text)
    let claims = journal.entries.compactMap { entry -> Claim? in
      if case .claim(let claim, _) = entry.body { return claim }
      return nil
    }
    #expect(claims.map(\.source) == ["Sé", "Sé", "Sé"])
    #expect(claims.map(\.tags) == [["x", "y"], ["x", "y"], ["x", "y"]])
    #expect(claims.map(\.confidence.value) == [0.5, 0.25, 1])
  }
}
