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
