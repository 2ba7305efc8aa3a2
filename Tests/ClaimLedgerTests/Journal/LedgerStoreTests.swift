import Foundation
import Testing

@testable import ClaimLedger

/// The ledger file on disk: create, append, load, refuse torn tails and repair them.
@Suite struct LedgerStoreTests {
  let directory: TemporaryDirectory
  let path: String

  init() throws {
    directory = try TemporaryDirectory()
    path = directory.path("Claims/ledger.jsonl")
  }

  func createdStore() throws -> LedgerStore {
    try LedgerStore.create(at: path)
    return LedgerStore(path: path)
  }

  func claimEntry(_ text: String, at: String = "2026-01-21T09:30:00Z") throws -> Entry {
    let claim = try Fixture.claim(text)
    return try Fixture.entry(claim.derivedID, at: at, .claim(claim, status: .open))
  }

  @Test func createsAnEmptyLedgerAndItsFolder() throws {
    let store = try createdStore()
    #expect(try contents(ofFile: path).isEmpty)
    #expect(try store.load().count == 0)
  }

  @Test func appendsEntriesThatLoadBack() throws {
    let store = try createdStore()
    let claim = try claimEntry("OpenAI 收购 Pinterest")
    let resolve = try Fixture.entry(
      claim.id, at: "2026-12-31T12:00:00Z",
      .resolve(try Fixture.resolution(.true, on: "2026-12-30")))
    try store.append([claim])
    try store.append([resolve])
    let ledger = try store.load()
    #expect(ledger.count == 1)
    let record = try #require(ledger.record(for: claim.id))
    #expect(record.status == .resolved)
    #expect(Array(record.history) == [claim, resolve])
    #expect(try store.loadJournal().lines == [1, 2])
    #expect(try contents(ofFile: path) == Array(Fixture.text(of: [claim, resolve]).utf8))
  }

  func imported(_ text: String) throws -> ImportedClaim {
    let claim = try Fixture.claim(text)
    return ImportedClaim(id: claim.derivedID, claim: claim, status: .open, line: 1)
  }

  @Test func anImportAppendsTheClaimsTheLedgerLacksOnceEachInFileOrder() throws {
    let store = try createdStore()
    let first = try claimEntry("Claim already there")
    try store.append([first])
    let there = try imported("Claim already there")
    let second = try imported("Claim 2")
    let third = try imported("Claim 3")
    let now = try Fixture.time("2026-02-01T10:00:00Z")
    let reading = ImportReading(format: .csv, claims: [second, there, third, second])
    let lines = ClaimImport.lines(from: reading, at: now)
    let count = ImportCount(added: 2, present: 1, repeated: 1)
    #expect(try store.importClaims(lines, isDryRun: true) == count)
    #expect(try store.importClaims(lines, isDryRun: false) == count)
    let expected = Fixture.text(of: [first] + second.entries(at: now) + third.entries(at: now))
    #expect(String(decoding: try contents(ofFile: path), as: UTF8.self) == expected)
  }

  @Test func anImportInManyPiecesWritesTheNewClaimsOfEachInOrder() throws {
    let store = try createdStore()
    let there = try claimEntry("Claim 7")
    try store.append([there])
    var csv = "text,source,said,confidence,lang\n"
    for number in 0..<40 { csv += "Claim \(number),The Information,2026-01-21,0.7,\n" }
    csv += "Claim 3,The Information,2026-01-21,0.7,\n"
    let now = try Fixture.time("2026-02-01T10:00:00Z")
    let lines = try ClaimImport.lines(
      ImportFile(bytes: Array(csv.utf8)), path: "sheet.csv", format: .csv, recordedAt: now,
      today: now.day,
      pieceSize: 64)
    #expect(lines.pieces.count > 4)
    #expect(
      try store.importClaims(lines, isDryRun: false)
        == ImportCount(added: 39, present: 1, repeated: 1))
    let written = try (0..<40).filter { $0 != 7 }.flatMap {
      try imported("Claim \($0)").entries(at: now)
    }
    let expected = Fixture.text(of: [there] + written)
    #expect(String(decoding: try contents(ofFile: path), as: UTF8.self) == expected)
  }

  /// More than two blocks of new lines after a ledger whose size is no multiple of the
  /// alignment, with claims the ledger has among them: direct or cached, the same lines.
  @Test func aLongImportWritesTheSameLinesStraightToTheDiskAsThroughTheCache() throws {
    let long = String(repeating: "预计明年营收同比增长，", count: 30)
    var csv = "text,source,said,confidence,lang\n"
    let count = 2 * BlockWriter.blockSize / long.utf8.count + 50
    for number in 0..<count { csv += "\(long) \(number),The Information,2026-01-21,0.7,\n" }
    let now = try Fixture.time("2026-02-01T10:00:00Z")
    let lines = try ClaimImport.lines(
      ImportFile(bytes: Array(csv.utf8)), path: "sheet.csv", format: .csv, recordedAt: now,
      today: now.day)
    var ledgers: [[UInt8]] = []
    for direct in [true, false] {
      let path = directory.path("\(direct)/ledger.jsonl")
      try LedgerStore.create(at: path)
      let store = LedgerStore(path: path)
      try store.append([try claimEntry("\(long) 7"), try claimEntry("\(long) 12")])
      #expect(
        try store.importClaims(lines, isDryRun: false, direct: direct)
          == ImportCount(added: count - 2, present: 2))
      #expect(try store.load().count == count)
      ledgers.append(try contents(ofFile: path))
    }
    #expect(ledgers[0].count > 2 * BlockWriter.blockSize)
    #expect(ledgers[0] == ledgers[1])
  }

  @Test func anImportWithNothingNewWritesNothing() throws {
    let store = try createdStore()
    try store.append([try claimEntry("Claim already there")])
    let before = try contents(ofFile: path)
    let reading = ImportReading(format: .csv, claims: [try imported("Claim already there")])
    let lines = ClaimImport.lines(from: reading, at: try Fixture.time("2026-02-01T10:00:00Z"))
    #expect(try store.importClaims(lines, isDryRun: false) == ImportCount(added: 0, present: 1))
    #expect(try contents(ofFile: path) == before)
  }

  @Test func createRefusesAnExistingLedger() throws {
    let store = try createdStore()
    try store.append([try claimEntry("kept")])
    let before = try contents(ofFile: path)
    #expect(throws: LedgerError.cannotCreate(path: path, reason: "it exists already")) {
      try LedgerStore.create(at: path)
    }
    #expect(try contents(ofFile: path) == before)
  }

  @Test func appendNeverRewritesEarlierBytes() throws {
    let store = try createdStore()
    var expected: [UInt8] = []
    for index in 0..<5 {
      let before = try contents(ofFile: path)
      #expect(before == expected)
      let entries = try (0...index).map { try claimEntry("claim \(index)-\($0) 中文") }
      try store.append(entries)
      let after = try contents(ofFile: path)
      let added = Array(Fixture.text(of: entries).utf8)
      #expect(Array(after.prefix(before.count)) == before)
      #expect(Array(after.dropFirst(before.count)) == added)
      expected = before + added
    }
  }

  @Test func appendToATornLedgerFailsAndChangesNothing() throws {
    let store = try createdStore()
    try store.append([try claimEntry("one"), try claimEntry("two")])
    let torn = try contents(ofFile: path) + Array(#"{"entry":"claim","id":"01"#.utf8)
    try write(torn, toFile: path)
    #expect(throws: LedgerError.tornLastLine(at: Location(path: path, line: 3))) {
      try store.append([try claimEntry("three")])
    }
    #expect(throws: LedgerError.tornLastLine(at: Location(path: path, line: 3))) {
      try store.appendClaim(try claimEntry("three"))
    }
    #expect(throws: LedgerError.tornLastLine(at: Location(path: path, line: 3))) {
      try store.load()
    }
    #expect(try contents(ofFile: path) == torn)
  }

  @Test func repairSetsTheTornBytesAsideAndCutsThemOff() throws {
    let store = try createdStore()
    try store.append([try claimEntry("one"), try claimEntry("two")])
    let clean = try contents(ofFile: path)
    let tail = Array(#"{"entry":"claim","id":"01 中"#.utf8)
    let original = clean + tail
    try write(original, toFile: path)

    let repair = try #require(
      try store.repairTornTail(now: Fixture.time("2026-01-21T09:30:00.123Z")))
    #expect(repair.line == 3)
    #expect(repair.byteCount == tail.count)
    #expect(repair.savedTo == path + ".torn-20260121T093000.123Z")
    let repaired = try contents(ofFile: path)
    let saved = try contents(ofFile: try #require(repair.savedTo))
    #expect(repaired == clean)
    #expect(saved == tail)
    #expect(repaired + saved == original)

    #expect(try store.repairTornTail(now: Fixture.time("2026-01-21T09:31:00Z")) == nil)
    #expect(try contents(ofFile: path) == clean)
    #expect(try store.load().count == 2)
    try store.append([try claimEntry("three")])
    #expect(try store.load().count == 3)
  }

  /// A torn tail longer than the blocks it is looked for in is still found whole and named.
  @Test func aLongTornTailIsNamed() throws {
    let store = try createdStore()
    try store.append([try claimEntry("one")])
    let tail = Array(#"{"entry":"claim","text":""#.utf8) + [UInt8](repeating: 0x61, count: 200_000)
    try write(try contents(ofFile: path) + tail, toFile: path)
    #expect(throws: LedgerError.tornLastLine(at: SourceLocation(path: path, line: 2))) {
      try store.load()
    }
  }

  @Test func repairOfALedgerThatIsOneTornLineEmptiesIt() throws {
    let store = try createdStore()
    let original = Array(#"{"entry":"cl"#.utf8)
    try write(original, toFile: path)
    let repair = try #require(try store.repairTornTail(now: Fixture.time("2026-01-21T09:30:00Z")))
    #expect(repair.line == 1)
    #expect(try contents(ofFile: path).isEmpty)
    #expect(try contents(ofFile: try #require(repair.savedTo)) == original)
  }

  /// A last line that is a whole entry, only without its newline (as some editors save), is
  /// named as such by every reader, and the repair adds the newline: nothing is set aside.
  @Test func aWholeLastLineWithoutItsNewlineGetsItBack() throws {
    let store = try createdStore()
    try store.append([try claimEntry("one"), try claimEntry("two")])
    let clean = try contents(ofFile: path)
    try write(Array(clean.dropLast()), toFile: path)
    let expected = LedgerError.lastLineWithoutNewline(at: SourceLocation(path: path, line: 2))
    #expect(throws: expected) { try store.load() }
    #expect(throws: expected) { try store.appendClaim(try claimEntry("three")) }
    #expect(throws: expected) { try Fixture.parse(Array(clean.dropLast()), path: path) }
    let inspected = try store.inspect()
    #expect(inspected.issues.map(\.message) == [UnendedLine.wholeMessage])

    let repair = try #require(try store.repairTornTail(now: Fixture.time("2026-01-21T09:30:00Z")))
    #expect(repair.line == 2 && repair.savedTo == nil)
    #expect(try contents(ofFile: path) == clean)
    #expect(try store.load().count == 2)
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path("Claims"))
    #expect(files == ["ledger.jsonl"])
  }

  @Test func repairLeavesACleanLedgerAlone() throws {
    let store = try createdStore()
    #expect(try store.repairTornTail(now: Fixture.time("2026-01-21T09:30:00Z")) == nil)
    try store.append([try claimEntry("one")])
    let before = try contents(ofFile: path)
    #expect(try store.repairTornTail(now: Fixture.time("2026-01-21T09:30:00Z")) == nil)
    #expect(try contents(ofFile: path) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path("Claims"))
    #expect(leftovers == ["ledger.jsonl"])
  }

  @Test func loadingWithATornTailAllowedLeavesItOut() throws {
    let store = try createdStore()
    try store.append([try claimEntry("one")])
    try write(try contents(ofFile: path) + Array("{".utf8), toFile: path)
    #expect(try store.loadJournal(allowingTornTail: true).entries.count == 1)
  }

  @Test func appendClaimRecordsAClaimOnce() throws {
    let store = try createdStore()
    let entry = try claimEntry("OpenAI 收购 Pinterest")
    #expect(try store.appendClaim(entry) == .added)
    #expect(try store.appendClaim(entry) == .alreadyRecorded)
    var later = entry
    later.at = try Fixture.time("2027-01-01T00:00:00Z")
    #expect(try store.appendClaim(later) == .alreadyRecorded)
    #expect(try contents(ofFile: path) == Array((entry.jsonLine + "\n").utf8))
    #expect(try store.appendClaim(try claimEntry("another")) == .added)
    #expect(try store.load().count == 2)
  }

  /// A line that is not an entry's braces (a merge's conflict markers, a line of spaces, one
  /// ending in a carriage return) stops `add` with its line, even past the first 8 MiB block
  /// the scan reads, and nothing is appended; empty lines and braces with spaces around them
  /// are let be, as the loader lets them be. Each fault is named as the loader names it.
  @Test(arguments: [
    (3, "<<<<<<< HEAD"), (90_000, "<<<<<<< HEAD"), (5, "   "), (6, "CR"), (7, "BOM"),
  ])
  func appendClaimRefusesALedgerWithALineThatIsNoEntry(badLine: Int, bad: String) throws {
    let store = try createdStore()
    let line = Array(try claimEntry("filler").jsonLine.utf8)
    var bytes: [UInt8] = []
    for number in 1...100_000 {
      switch number {
      case badLine:
        bytes +=
          bad == "CR" ? line + [13] : bad == "BOM" ? [0xEF, 0xBB, 0xBF] + line : Array(bad.utf8)
      case 2: break
      case 4: bytes += [32, 9] + line + [32]
      default: bytes += line
      }
      bytes.append(10)
    }
    #expect(bytes.count > 8 << 20)
    try write(bytes, toFile: path)
    let (column, reason) =
      switch bad {
      case "CR": (line.count + 1, "carriage return (CRLF line ends are not allowed)")
      case "BOM": (1, "byte-order mark at the start of the line")
      case "   ": (4, "unexpected end of line, expected '{' at the start of the entry")
      default: (1, "merge-conflict marker; resolve the conflict by hand")
      }
    let expected = LedgerError.malformedEntry(
      at: SourceLocation(path: path, line: badLine, column: column), reason: reason)
    #expect(throws: expected) { try store.appendClaim(try claimEntry("new")) }
    #expect(try contents(ofFile: path) == bytes)
  }

  /// A line longer than the scan's block is checked for its braces too: at its start, in
  /// the reader's words, and at its end.
  @Test(arguments: [
    ("<<<<<<< HEAD ", "", 1, "merge-conflict marker"), ("{", " x", 1, "not a JSON object"),
  ])
  func appendClaimRefusesALongLineThatIsNoEntry(
    start: String, end: String, column: Int, reason: String
  ) throws {
    let store = try createdStore()
    try store.append([try claimEntry("kept")])
    var bytes = try contents(ofFile: path)
    bytes +=
      Array(start.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 9 << 20)
      + Array(end.utf8) + [10]
    try write(bytes, toFile: path)
    let error = try #require(throws: LedgerError.self) {
      try store.appendClaim(try claimEntry("new"))
    }
    guard case .malformedEntry(let location, let message) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(location.line == 2 && location.column == column)
    #expect(message.hasPrefix(reason), "\(message)")
    #expect(try contents(ofFile: path) == bytes)
  }

  @Test func appendClaimIsNotFooledByOtherEntriesOfTheSameID() throws {
    let store = try createdStore()
    let entry = try claimEntry("resolved first")
    try store.append([
      try Fixture.entry(entry.id, at: "2026-01-21T09:00:00Z", .reopen(note: nil))
    ])
    #expect(try store.appendClaim(entry) == .added)
  }

  @Test func refusesAnEntryThatWouldNotReadBack() throws {
    let store = try createdStore()
    try store.append([try claimEntry("kept")])
    let before = try contents(ofFile: path)
    let error = try #require(throws: LedgerError.self) {
      try store.append([try claimEntry("fine"), try claimEntry("NUL \u{0} inside")])
    }
    guard case .malformedEntry(let location, _) = error else {
      Issue.record("expected a malformed entry, got \(error)")
      return
    }
    #expect(location.path == "new entry")
    #expect(try contents(ofFile: path) == before)
  }

  @Test func updateDecidesAndAppendsUnderOneLock() throws {
    let store = try createdStore()
    let claim = try claimEntry("decided")
    try store.append([claim])
    let resolve = try Fixture.entry(
      claim.id, at: "2026-12-31T00:00:00Z",
      .resolve(try Fixture.resolution(.false, on: "2026-12-31")))
    let seen = try store.update { ledger throws(LedgerError) in
      (entries: [resolve], result: ledger.count)
    }
    #expect(seen == 1)
    #expect(try store.load().record(for: claim.id)?.outcome == .false)
    let unchanged = try store.update { _ throws(LedgerError) in (entries: [Entry](), result: "none")
    }
    #expect(unchanged == "none")
    #expect(try store.loadJournal().entries.count == 2)
  }

  @Test func hashesTheLedgerBytes() throws {
    let store = try createdStore()
    try store.append([try claimEntry("hashed")])
    #expect(try store.sha256() == SHA256.hex(of: try contents(ofFile: path)))
  }

  @Test func missingLedgerIsNotFound() {
    let store = LedgerStore(path: path)
    #expect(throws: LedgerError.notFound(path: path)) { try store.load() }
    #expect(throws: LedgerError.notFound(path: path)) { try store.append([]) }
    #expect(throws: LedgerError.notFound(path: path)) { try store.inspect() }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func aDirectoryIsNotAFile() throws {
    let folder = directory.path("Claims")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let store = LedgerStore(path: folder)
    #expect(throws: LedgerError.notAFile(path: folder)) { try store.load() }
    #expect(throws: LedgerError.notAFile(path: folder)) { try store.append([try claimEntry("x")]) }
  }
}
