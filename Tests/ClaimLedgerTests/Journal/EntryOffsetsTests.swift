import Foundation
import Testing

@testable import ClaimLedger

/// Where each claim's entries are in the file, noted while the ledger is read, and a claim
/// read back from there alone.
@Suite struct EntryOffsetsTests {
  /// The large journal in a file (read in parallel parts), with each line's offset.
  struct LargeFile {
    let directory: TemporaryDirectory
    let path: String
    let journal: LargeJournal
    /// Per claim id, the offsets of the lines of its entries, in file order.
    let expected: [ClaimID: [Int64]]

    init() throws {
      directory = try TemporaryDirectory()
      path = directory.path("ledger.jsonl")
      journal = try LargeJournal()
      try write(journal.bytes, toFile: path)
      var lineStarts: [Int64] = []
      var offset: Int64 = 0
      for line in journal.lines {
        lineStarts.append(offset)
        offset += Int64(line.count + 1)
      }
      var expected: [ClaimID: [Int64]] = [:]
      for (entry, line) in zip(journal.entries, journal.entryLines) {
        expected[entry.id, default: []].append(lineStarts[Int(line) - 1])
      }
      self.expected = expected
    }

    func store(settleSeconds: Int64 = -10) -> LedgerStore {
      LedgerStore(
        path: path,
        digestCache: DigestCache(
          directory: directory.path("cache"), settleSeconds: settleSeconds))
    }
  }

  @Test func eachClaimsEntriesAreFoundWhereTheirLinesStart() throws {
    let file = try LargeFile()
    let (ledger, digest) = try file.store().loadHashing(locatingEntries: true)
    // Waited for, so the hash thread's cache entry is written before the folder is removed.
    _ = try digest.value()
    let offsets = try #require(ledger.entryOffsets)
    #expect(offsets.claimCount == ledger.records.count)
    #expect(ledger.records.count > 100)
    for (place, record) in ledger.records.enumerated() {
      #expect(Array(offsets.offsets(ofClaimAt: place)) == file.expected[record.id])
    }
    // Entries of claims the ledger lacks are left out, as the fold leaves them out.
    let known = Set(ledger.records.map(\.id))
    let lines = file.expected.filter { known.contains($0.key) }.values.map(\.count).reduce(0, +)
    #expect(offsets.offsets.count == lines)
    #expect(lines < file.journal.entries.count)
  }

  @Test func offsetsAreNotedOnlyWhenAskedFor() throws {
    let file = try LargeFile()
    let (ledger, digest) = try file.store().loadHashing()
    _ = try digest.value()
    #expect(ledger.entryOffsets == nil)
    #expect(try file.store().load().entryOffsets == nil)
  }

  @Test func aClaimReadBackAloneIsTheClaimTheLedgerFolds() throws {
    let file = try LargeFile()
    let store = file.store()
    let (ledger, digest) = try store.loadHashing(locatingEntries: true)
    let sha256 = try digest.value()
    let offsets = try #require(ledger.entryOffsets)
    let vouched = try #require(try store.openVouched())
    #expect(vouched.sha256 == sha256)
    for (place, record) in ledger.records.enumerated() {
      let alone = try vouched.record(entriesAt: offsets.offsets(ofClaimAt: place), id: record.id)
      #expect(alone.claim == record.claim)
      #expect(alone.status == record.status)
      #expect(alone.resolution == record.resolution)
      #expect(alone.note == record.note)
      #expect(Array(alone.history) == Array(record.history))
    }
  }

  @Test func linesThatAreNotTheClaimsAreRefused() throws {
    let file = try LargeFile()
    let store = file.store()
    let (ledger, digest) = try store.loadHashing(locatingEntries: true)
    _ = try digest.value()
    let offsets = try #require(ledger.entryOffsets)
    let vouched = try #require(try store.openVouched())
    let first = try #require(ledger.records.first)
    let second = ledger.records[1]
    #expect(throws: LedgerError.self) {
      try vouched.record(entriesAt: offsets.offsets(ofClaimAt: 1), id: first.id)
    }
    // Not at a line's start: the middle of a line is no entry.
    let inside = try #require(offsets.offsets(ofClaimAt: 1).first) + 3
    #expect(throws: LedgerError.self) {
      try vouched.record(entriesAt: [inside], id: second.id)
    }
    // Past the end of the file.
    #expect(throws: LedgerError.self) {
      try vouched.record(entriesAt: [Int64(file.journal.bytes.count)], id: second.id)
    }
  }

  @Test func onlyAFileTheCacheVouchesForIsOpenedUnread() throws {
    let file = try LargeFile()
    #expect(try LedgerStore(path: file.path).openVouched() == nil)
    // Not yet hashed: nothing to vouch with.
    #expect(try file.store().openVouched() == nil)
    // Hashed, but changed too lately to be believed on `stat` alone.
    let unsettled = file.store(settleSeconds: 1000)
    _ = try unsettled.sha256()
    #expect(try unsettled.openVouched() == nil)
    let store = file.store()
    let sha256 = try store.sha256()
    #expect(try store.openVouched()?.sha256 == sha256)
    // Grown since: the file is not the one hashed.
    let handle = try #require(FileHandle(forWritingAtPath: file.path))
    handle.seekToEndOfFile()
    handle.write(Data("\n".utf8))
    try handle.close()
    #expect(try store.openVouched() == nil)
  }
}
