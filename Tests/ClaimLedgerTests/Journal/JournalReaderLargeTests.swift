import Testing

@testable import ClaimLedger

/// A journal over 1 MiB, so the reader cuts it into slices parsed in parallel, built together
/// with what a single sequential pass must find in it.
struct LargeJournal {
  var lines: [[UInt8]] = []
  var entries: [Entry] = []
  var entryLines: [Int32] = []
  var blankLines: [Int] = []

  /// About 1.6 MiB: 8,000 entries of every kind with multi-byte text, a blank line every 97.
  init(entryCount: Int = 8000) throws {
    let base = try Fixture.time("2026-01-01T00:00:00Z").millisecondsSinceEpoch
    for index in 0..<entryCount {
      if index % 97 == 50 {
        lines.append([])
        blankLines.append(lines.count)
      }
      let id = try Fixture.id(bits: UInt64(index % 1000) * 1_000_003)
      let at = Timestamp(millisecondsSinceEpoch: base + Int64(index) * 1000)
      let body: Entry.Body
      switch index % 4 {
      case 0:
        let claim = try Fixture.claim(
          "第\(index)条：OpenAI 将收购 Pinterest \"\(index)\" \\ 🚀 "
            + String(repeating: "填充", count: index % 40),
          source: "Source \(index % 13)", confidence: Double(index % 101) / 100)
        body = .claim(claim, status: index % 8 == 0 ? .open : .proposed)
      case 1:
        body = .amend(ClaimChanges(tags: ["t\(index)", "标签"]), note: "note\n\(index)")
      case 2:
        body = .resolve(try Fixture.resolution(.false, on: "2026-12-31"))
      default:
        body = .reopen(note: String(repeating: "x", count: index % 300))
      }
      let entry = Entry(id: id, at: at, body: body)
      lines.append(Array(entry.jsonLine.utf8))
      entries.append(entry)
      entryLines.append(Int32(lines.count))
    }
  }

  var bytes: [UInt8] {
    var bytes: [UInt8] = []
    for line in lines {
      bytes.append(contentsOf: line)
      bytes.append(UInt8(ascii: "\n"))
    }
    return bytes
  }
}

@Suite struct JournalReaderLargeTests {
  @Test func parsesInSlicesToTheSameEntriesAndLinesAsOnePass() throws {
    let large = try LargeJournal()
    let bytes = large.bytes
    try #require(bytes.count > 1 << 20)
    let journal = try Fixture.parse(bytes)
    #expect(journal.entries.count == large.entries.count)
    #expect(journal.entries == large.entries)
    #expect(journal.lines == large.entryLines)
    #expect(journal.blankLines == large.blankLines)
  }

  @Test(arguments: [2, 1234, 2600, 4000, 6001, 8049])
  func namesTheGlobalLineOfAnErrorDeepInside(_ line: Int) throws {
    var large = try LargeJournal()
    try #require(large.lines.count >= line)
    large.lines[line - 1] = Array((JournalReaderTests.reopen + ",}").utf8)
    let error = try #require(throws: LedgerError.self) { try Fixture.parse(large.bytes) }
    #expect(
      error
        == .malformedEntry(
          at: Location(path: Fixture.path, line: line, column: 69), reason: "trailing comma"))
  }

  @Test func reportsTheEarliestErrorWhenSeveralSlicesFail() throws {
    var large = try LargeJournal()
    large.lines[7900] = Array("{}".utf8)
    large.lines[5000] = Array("<<<<<<< HEAD".utf8)
    large.lines[1500] = Array("=======".utf8)
    let error = try #require(throws: LedgerError.self) { try Fixture.parse(large.bytes) }
    guard case .malformedEntry(let location, let reason) = error else {
      Issue.record("expected a malformed entry, got \(error)")
      return
    }
    #expect(location.line == 1501)
    #expect(reason.contains("merge-conflict marker"))
  }

  @Test func findsATornTailAtTheEndOfALargeFile() throws {
    let large = try LargeJournal()
    let torn = large.bytes + Array(#"{"entry":"cla"#.utf8)
    #expect(
      throws: LedgerError.tornLastLine(
        at: Location(path: Fixture.path, line: large.lines.count + 1))
    ) {
      try Fixture.parse(torn)
    }
    let journal = try Fixture.parse(torn, allowingTornTail: true)
    #expect(journal.entries == large.entries)
    #expect(journal.lines == large.entryLines)
  }
}
