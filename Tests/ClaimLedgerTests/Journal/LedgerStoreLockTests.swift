import Foundation
import Testing

@testable import ClaimLedger

/// A `flock` lock taken on the ledger through a descriptor of the test's own.
///
/// `flock` locks belong to the open file description, so a second `open` in the same process
/// competes with the store exactly as another process would.
final class HeldLock: Sendable {
  let descriptor: Int32

  init(path: String, exclusive: Bool) throws {
    descriptor = open(path, O_RDONLY | O_CLOEXEC)
    try #require(descriptor >= 0, "cannot open \(path)")
    try #require(flock(descriptor, exclusive ? LOCK_EX : LOCK_SH) == 0, "cannot lock \(path)")
  }

  func release() {
    flock(descriptor, LOCK_UN)
  }

  deinit {
    close(descriptor)
  }
}

/// Whether another descriptor could take an exclusive lock on `path` right now.
func canLockExclusively(_ path: String) throws -> Bool {
  let descriptor = open(path, O_RDONLY | O_CLOEXEC)
  try #require(descriptor >= 0, "cannot open \(path)")
  defer { close(descriptor) }
  return flock(descriptor, LOCK_EX | LOCK_NB) == 0
}

@Suite struct LedgerStoreLockTests {
  let directory: TemporaryDirectory
  let path: String
  let entry: Entry

  init() throws {
    directory = try TemporaryDirectory()
    path = directory.path("ledger.jsonl")
    try LedgerStore.create(at: path)
    let claim = try Fixture.claim("locked out")
    entry = try Fixture.entry(
      claim.derivedID, at: "2026-01-21T09:30:00Z", .claim(claim, status: .open))
  }

  @Test func aWriterGivesUpWhenTheLockIsHeldPastTheTimeout() throws {
    let lock = try HeldLock(path: path, exclusive: true)
    let store = LedgerStore(path: path, lockTimeout: 0.2)
    let started = Date()
    let error = try #require(throws: LedgerError.self) { try store.append([entry]) }
    let waited = Date().timeIntervalSince(started)
    guard case .locked(let lockedPath, let holder) = error else {
      Issue.record("expected .locked, got \(error)")
      return
    }
    #expect(lockedPath == path)
    #expect(waited >= 0.2 && waited < 5)
    // Linux names every `flock` in /proc/locks: where it can be read, the holder is named.
    if FileManager.default.isReadableFile(atPath: "/proc/locks") {
      #expect(holder?.hasPrefix("process \(getpid())") == true, "holder: \(holder ?? "none")")
    }
    #expect(try contents(ofFile: path).isEmpty)
    lock.release()
    try store.append([entry])
    #expect(try contents(ofFile: path) == Array((entry.jsonLine + "\n").utf8))
  }

  @Test func everyWritingPathRespectsTheLock() throws {
    let lock = try HeldLock(path: path, exclusive: true)
    let store = LedgerStore(path: path, lockTimeout: 0.1)
    let errors: [LedgerError?] = [
      #expect(throws: LedgerError.self) { try store.appendClaim(entry) },
      #expect(throws: LedgerError.self) {
        try store.update { _ throws(LedgerError) in (entries: [Entry](), result: 0) }
      },
      #expect(throws: LedgerError.self) {
        try store.repairTornTail(now: Timestamp(millisecondsSinceEpoch: 0))
      },
    ]
    for error in errors {
      guard case .locked = error else {
        Issue.record("expected .locked, got \(String(describing: error))")
        continue
      }
    }
    withExtendedLifetime(lock) {}
  }

  @Test func readersShareButWaitForAWriter() throws {
    let shared = try HeldLock(path: path, exclusive: false)
    let store = LedgerStore(path: path, lockTimeout: 0.1)
    #expect(try store.load().count == 0)
    let error = try #require(throws: LedgerError.self) { try store.append([entry]) }
    guard case .locked = error else {
      Issue.record("a shared lock must keep a writer out, got \(error)")
      return
    }
    shared.release()
    let exclusive = try HeldLock(path: path, exclusive: true)
    let readError = try #require(throws: LedgerError.self) { try store.load() }
    guard case .locked = readError else {
      Issue.record("an exclusive lock must keep a reader out, got \(readError)")
      return
    }
    withExtendedLifetime(exclusive) {}
  }

  @Test func aSecondWriterWaitsForTheFirst() async throws {
    let lock = try HeldLock(path: path, exclusive: true)
    let store = LedgerStore(path: path, lockTimeout: 10)
    let started = Date()
    let entry = self.entry
    let writer = Task.detached {
      try store.append([entry])
      return Date().timeIntervalSince(started)
    }
    try await Task.sleep(nanoseconds: 300_000_000)
    #expect(try contents(ofFile: path).isEmpty, "the writer must not write while the lock is held")
    lock.release()
    let finishedAfter = try await writer.value
    #expect(finishedAfter >= 0.3)
    #expect(try contents(ofFile: path) == Array((entry.jsonLine + "\n").utf8))
  }

  /// Waits until a writer holds the turnstile, as another descriptor sees it.
  func untilAWriterWaits() throws {
    let probe = open(path, O_RDONLY | O_CLOEXEC)
    try #require(probe >= 0)
    defer { close(probe) }
    let started = Date()
    while !WriterTurnstile.isHeldByWriter(descriptor: probe) {
      try #require(Date().timeIntervalSince(started) < 10, "the writer never reached the turnstile")
      usleep(1_000)
    }
  }

  /// A reader already in keeps a writer waiting; readers that come after the writer wait
  /// behind it, so a stream of overlapping readers cannot keep it out, and they read what it
  /// wrote. The writer and the later reader wait on threads of their own, not on the test
  /// pool's, which other tests need meanwhile.
  @Test func readersThatComeAfterAWaitingWriterWaitBehindIt() throws {
    let reader = try HeldLock(path: path, exclusive: false)
    let store = LedgerStore(path: path, lockTimeout: 10)
    let entry = self.entry
    let written = ThreadResult<Void>()
    let read = ThreadResult<Int>()
    DispatchQueue.global().async { written.set(Result { try store.append([entry]) }) }
    try untilAWriterWaits()
    DispatchQueue.global().async { read.set(Result { try store.load().count }) }
    let impatient = LedgerStore(path: path, lockTimeout: 0.2)
    let error = try #require(throws: LedgerError.self) { try impatient.load() }
    guard case .locked = error else {
      Issue.record("a reader behind a waiting writer must wait for it, got \(error)")
      return
    }
    #expect(try contents(ofFile: path).isEmpty)
    reader.release()
    try written.value()
    #expect(try read.value() == 1)
  }

  /// The turnstile taken by a descriptor of the test's own, as a writer takes it, and never
  /// followed by the ledger's lock: a writer stopped with Ctrl-Z while it waited.
  func stoppedWriter() throws -> Int32 {
    let descriptor = open(path, O_RDWR | O_CLOEXEC)
    try #require(descriptor >= 0)
    let turnstile = try #require(WriterTurnstile(descriptor: descriptor, exclusive: true))
    try #require(turnstile.tryEnter() == .entered)
    return descriptor
  }

  /// A writer stopped in the turnstile keeps nobody out for long: once nobody has held the
  /// ledger for half a second, the others pass without it.
  @Test func aStoppedWriterInTheTurnstileKeepsNobodyOut() throws {
    let stopped = try stoppedWriter()
    defer { close(stopped) }
    let store = LedgerStore(path: path, lockTimeout: 5)
    let started = Date()
    try store.append([entry])
    #expect(try store.load().count == 1)
    #expect(Date().timeIntervalSince(started) < 4)
  }

  /// A reader behind a writer that waits for another holder gives up at its timeout naming
  /// both: the waiting writer, and the process it waits for.
  @Test func aReaderBehindAWaitingWriterNamesWhatItWaitsFor() throws {
    let holder = try HeldLock(path: path, exclusive: false)
    let waiting = try stoppedWriter()
    defer { close(waiting) }
    let store = LedgerStore(path: path, lockTimeout: 0.3)
    let error = try #require(throws: LedgerError.self) { try store.load() }
    guard case .locked(_, let named) = error else {
      Issue.record("expected .locked, got \(error)")
      return
    }
    #expect(named?.hasPrefix("a writer waiting its turn") == true, "\(error)")
    if FileManager.default.isReadableFile(atPath: "/proc/locks") {
      #expect(named?.contains("which waits for process \(getpid())") == true, "\(error)")
    }
    withExtendedLifetime(holder) {}
  }

  @Test func theLockSurvivesOtherDescriptorsOfTheFileBeingClosed() throws {
    let store = LedgerStore(path: path, lockTimeout: 0.1)
    try store.append([entry])
    let held: Bool = try store.update { ledger throws(LedgerError) in
      // Foundation opens and closes its own descriptor: a classic fcntl lock would be gone now.
      _ = FileManager.default.contents(atPath: path)
      _ = try? String(contentsOfFile: path, encoding: .utf8)
      let stillHeld = (try? canLockExclusively(path)) == false
      return (entries: [Entry](), result: stillHeld && ledger.count == 1)
    }
    #expect(held)
    #expect(try canLockExclusively(path))
  }
}

/// What a thread of its own computed, handed to the test once it is done.
final class ThreadResult<Value>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var result: Result<Value, any Error>?

  func set(_ result: Result<Value, any Error>) {
    self.result = result
    done.signal()
  }

  /// Waits up to 30 s for the result.
  func value() throws -> Value {
    guard done.wait(timeout: .now() + 30) == .success, let result else {
      throw LedgerError.writeFailed(path: "", reason: "the thread did not finish")
    }
    return try result.get()
  }
}
