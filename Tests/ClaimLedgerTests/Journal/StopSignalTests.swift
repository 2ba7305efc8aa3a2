import Foundation
import Testing

@testable import ClaimLedger

/// Ctrl-C or `kill` while the ledger is written: the write is taken back and the signal
/// reported, never half a line or half an import left behind.
///
/// Each test holds the stop signals on its own thread and raises one at itself, so the signal
/// is waiting when the write begins; the store's own hold must take it. Whatever is left is
/// taken before the test's hold ends, so a store that failed to take it fails the test instead
/// of ending the test process.
///
/// Serialized: one test makes SIGQUIT ignored for a moment, which another must not see.
@Suite(.serialized) struct StopSignalTests {
  let directory: TemporaryDirectory
  let path: String

  init() throws {
    directory = try TemporaryDirectory()
    path = directory.path("ledger.jsonl")
    try LedgerStore.create(at: path)
  }

  func claimEntry(_ text: String) throws -> Entry {
    let claim = try Fixture.claim(text)
    return try Fixture.entry(
      claim.derivedID, at: "2026-01-21T09:30:00Z", .claim(claim, status: .open))
  }

  /// Runs `body` with `signal` sent to this thread and held; returns a signal `body` left
  /// untaken.
  func withStopWaiting(_ signal: Int32, _ body: () throws -> Void) rethrows -> Int32? {
    let hold = StopSignalHold()
    raise(signal)
    try body()
    return hold.takeStop()
  }

  @Test func aHoldTakesEachSignalSentOnce() {
    let hold = StopSignalHold()
    #expect(hold.takeStop() == nil)
    for signal in StopSignalHold.signals {
      raise(signal)
      #expect(hold.takeStop() == signal)
      #expect(hold.takeStop() == nil)
    }
  }

  @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
  func anAppendAStopInterruptsIsTakenBack(signal: Int32) throws {
    let store = LedgerStore(path: path)
    try store.append([try claimEntry("kept")])
    let before = try contents(ofFile: path)
    let left = withStopWaiting(signal) {
      #expect(throws: LedgerError.interrupted(path: path, signal: signal)) {
        try store.append([try claimEntry("taken back")])
      }
    }
    #expect(left == nil)
    #expect(try contents(ofFile: path) == before)
    #expect(try store.load().count == 1)
  }

  @Test func anAddAStopInterruptsIsTakenBack() throws {
    let store = LedgerStore(path: path)
    let left = withStopWaiting(SIGTERM) {
      #expect(throws: LedgerError.interrupted(path: path, signal: SIGTERM)) {
        _ = try store.appendClaim(try claimEntry("taken back"))
      }
    }
    #expect(left == nil)
    #expect(try contents(ofFile: path).isEmpty)
  }

  /// Many small pieces: the stop is taken after the first, while its lines still wait for a
  /// block to fill, and the import leaves nothing; run again, it writes them all.
  @Test func anImportAStopInterruptsIsTakenBackWhole() throws {
    let store = LedgerStore(path: path)
    try store.append([try claimEntry("Claim 7")])
    let before = try contents(ofFile: path)
    var csv = "text,source,said,confidence\n"
    for number in 0..<40 { csv += "Claim \(number),The Information,2026-01-21,0.7\n" }
    let now = try Fixture.time("2026-02-01T10:00:00Z")
    let lines = try ClaimImport.lines(
      ImportFile(bytes: Array(csv.utf8)), path: "sheet.csv", format: .csv, recordedAt: now,
      today: now.day, pieceSize: 64)
    try #require(lines.pieces.count > 4)
    let left = withStopWaiting(SIGINT) {
      #expect(throws: LedgerError.interrupted(path: path, signal: SIGINT)) {
        try store.importClaims(lines, isDryRun: false)
      }
    }
    #expect(left == nil)
    #expect(try contents(ofFile: path) == before)
    #expect(try store.importClaims(lines, isDryRun: false).added == 39)
  }

  /// One piece longer than a block: when the stop is taken, the head and a whole block are
  /// on the disk already (the block written straight to it), and the cut takes them back.
  @Test func anImportStoppedAfterABlockOnTheDiskIsTakenBackWhole() throws {
    let store = LedgerStore(path: path)
    try store.append([try claimEntry("kept")])
    let before = try contents(ofFile: path)
    let long = String(repeating: "预计明年营收同比增长，", count: 40)
    let count = (BlockWriter.blockSize + BlockWriter.alignment) / long.utf8.count + 100
    let claims = try (0..<count).map { number in
      let claim = try Fixture.claim("\(long)\(number)")
      return ImportedClaim(id: claim.derivedID, claim: claim, status: .open, line: number + 2)
    }
    let lines = ClaimImport.lines(
      from: ImportReading(format: .csv, claims: claims),
      at: try Fixture.time("2026-02-01T10:00:00Z"))
    try #require(lines.pieces.count == 1)
    try #require(lines.pieces[0].bytes.count > BlockWriter.blockSize + BlockWriter.alignment)
    let left = withStopWaiting(SIGTERM) {
      #expect(throws: LedgerError.interrupted(path: path, signal: SIGTERM)) {
        try store.importClaims(lines, isDryRun: false)
      }
    }
    #expect(left == nil)
    #expect(try contents(ofFile: path) == before)
  }

  @Test func aWriteWithNoStopIsKeptAndTheMaskIsAsBefore() throws {
    func blocked() -> [Int32] {
      var mask = sigset_t()
      pthread_sigmask(SIG_SETMASK, nil, &mask)
      return StopSignalHold.signals.filter { sigismember(&mask, $0) == 1 }
    }
    let before = blocked()
    let store = LedgerStore(path: path)
    try store.append([try claimEntry("kept")])
    #expect(try store.load().count == 1)
    #expect(blocked() == before)
  }

  /// `nohup`, `trap '' TERM` and a script's background jobs ignore a signal: it must not
  /// become a stop.
  @Test func anIgnoredSignalIsNotHeld() {
    let before = signal(SIGQUIT, SIG_IGN)
    defer { signal(SIGQUIT, before) }
    let hold = StopSignalHold()
    raise(SIGQUIT)
    #expect(hold.takeStop() == nil)
    // A thread that blocks every signal (Dispatch's) keeps even an ignored one pending; it
    // must not reach the next test on this thread.
    var quit = sigset_t()
    sigemptyset(&quit)
    sigaddset(&quit, SIGQUIT)
    var none = timespec(tv_sec: 0, tv_nsec: 0)
    _ = sigtimedwait(&quit, nil, &none)
  }

  /// A stop after the last look is taken when the outermost hold ends, not delivered, and kept
  /// for the process to end by once it has said what it did; an inner hold keeps nothing.
  @Test func aStopAfterTheLastLookIsKeptForLater() {
    #expect(StopSignalHold.takeDeferredStop() == nil)
    do {
      let outer = StopSignalHold()
      do {
        let inner = StopSignalHold()
        raise(SIGTERM)
        withExtendedLifetime(inner) {}
      }
      #expect(StopSignalHold.takeDeferredStop() == nil)
      withExtendedLifetime(outer) {}
    }
    #expect(StopSignalHold.takeDeferredStop() == SIGTERM)
    #expect(StopSignalHold.takeDeferredStop() == nil)
  }

  @Test func theMessageNamesTheSignalAndSaysNothingWasRecorded() {
    let message = LedgerError.interrupted(path: "Claims/ledger.jsonl", signal: SIGINT).description
    #expect(message.contains("SIGINT (Ctrl-C)"))
    #expect(message.contains("Claims/ledger.jsonl"))
    #expect(message.contains("nothing was recorded"))
  }
}
