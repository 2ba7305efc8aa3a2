import Testing

@testable import ClaimLedger

/// `check` reads the whole ledger and reports every problem, not just the first.
@Suite struct JournalInspectionTests {
  let directory: TemporaryDirectory
  let path: String
  let store: LedgerStore

  init() throws {
    directory = try TemporaryDirectory()
    path = directory.path("ledger.jsonl")
    store = LedgerStore(path: path)
  }

  static let good = JournalReaderTests.good

  @Test func collectsEveryMalformedLineAndTheTornTail() throws {
    let lines: [[UInt8]] = [
      Array(Self.good.utf8),
      Array((JournalReaderTests.reopen + ",}").utf8),
      [],
      Array(Self.good.utf8),
      [0xEF, 0xBB, 0xBF] + Array(Self.good.utf8),
      Array("<<<<<<< HEAD".utf8),
      Array(Self.good.utf8),
    ]
    let torn = Array(#"{"entry":"claim","id":"#.utf8)
    try write(lines.flatMap { $0 + [10] } + torn, toFile: path)

    let inspection = try store.inspect()
    let found = inspection.issues.map { issue in
      "\(issue.location?.description ?? "-") \(issue.severity.rawValue): \(issue.message)"
    }
    #expect(
      found == [
        "\(path):2:69 error: trailing comma",
        "\(path):3 warning: blank line",
        "\(path):5:1 error: byte-order mark at the start of the line",
        "\(path):6:1 error: merge-conflict marker; resolve the conflict by hand",
        "\(path):8 error: the last line is incomplete (a write was cut short); "
          + "'claims check --repair' sets it aside",
      ])
    #expect(inspection.tornLine == 8)
    #expect(inspection.journal.lines == [1, 4, 7])
    #expect(inspection.journal.entries.count == 3)
  }

  @Test func findsNothingWrongWithACleanLedger() throws {
    try LedgerStore.create(at: path)
    let entries = try EntrySample.allCases.map { try $0.entry() }
    try store.append(entries)
    let inspection = try store.inspect()
    #expect(inspection.issues.isEmpty)
    #expect(inspection.tornLine == nil)
    #expect(inspection.journal.entries == entries)
  }

  @Test func inspectsAnEmptyLedger() throws {
    try LedgerStore.create(at: path)
    let inspection = try store.inspect()
    #expect(
      inspection.issues.isEmpty && inspection.tornLine == nil && inspection.journal.entries.isEmpty)
  }

  @Test func reportsAFileThatIsOneTornLine() throws {
    try write(Array("{".utf8), toFile: path)
    let inspection = try store.inspect()
    #expect(inspection.tornLine == 1)
    #expect(inspection.issues.map(\.location) == [Location(path: path, line: 1)])
  }

  @Test(arguments: JournalReaderTests.malformed)
  func reportsWhatTheReaderRefusesAndReadsOn(_ c: MalformedLineCase) throws {
    let file = Array((Self.good + "\n").utf8) + c.bytes + Array(("\n" + Self.good + "\n").utf8)
    try write(file, toFile: path)
    let inspection = try store.inspect()
    let issue = try #require(inspection.issues.first)
    #expect(inspection.issues.count == 1)
    #expect(issue.severity == .error)
    #expect(issue.location == Location(path: path, line: 2, column: c.column))
    #expect(issue.message.contains(c.reason))
    #expect(inspection.journal.lines == [1, 3])
  }
}

/// A large ledger is inspected in slices on all cores: cut anywhere, it gives what one pass
/// gives, the same entries on the same lines and every problem at its line and column.
@Suite struct JournalInspectionSliceTests {
  @Test(arguments: [2, 3, 5, 8, 13, 40])
  func slicesGiveWhatOnePassGives(slices: Int) throws {
    var bytes: [UInt8] = []
    for index in 0..<60 {
      switch index % 7 {
      case 1: bytes += Array((JournalReaderTests.reopen + ",}").utf8)
      case 3: bytes += []
      case 5: bytes += Array("<<<<<<< HEAD".utf8)
      default:
        // Claims that differ, so entries out of order would show; a shared source and tag,
        // so values interned by different slices are compared too.
        var claim = try Fixture.claim("预计第\(index)家公司上市", source: "分析师")
        claim.tags = ["ipo"]
        let id = try Fixture.id(bits: UInt64(index + 1))
        let entry = try Fixture.entry(
          id, at: "2026-01-21T09:30:00.000Z", .claim(claim, status: .open))
        bytes += Array(entry.jsonLine.utf8)
      }
      bytes.append(10)
    }
    bytes += Array(#"{"entry":"claim","id":"#.utf8)
    let path = "ledger.jsonl"
    let whole = bytes.withUnsafeBufferPointer {
      JournalInspection(bytes: $0, path: path, slices: 1)
    }
    let sliced = bytes.withUnsafeBufferPointer {
      JournalInspection(bytes: $0, path: path, slices: slices)
    }
    // Nine trailing commas, nine blank lines, eight conflict markers and the torn tail.
    #expect(whole.issues.count == 27)
    #expect(whole.tornLine == 61)
    #expect(sliced.issues == whole.issues)
    #expect(sliced.tornLine == whole.tornLine)
    #expect(sliced.journal.entries == whole.journal.entries)
    #expect(sliced.journal.lines == whole.journal.lines)
    #expect(whole.journal.lines.count == 34)
  }
}
