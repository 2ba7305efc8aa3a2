import Foundation
import Testing

@testable import ClaimLedger

/// A writer's lines must be in the file the ledger's path names when it says they are
/// recorded, and a lock that times out must name the process that holds it.
@Suite struct LockedFileIdentityTests {
  /// A new ledger in a folder of its own, held for appending.
  static func lockedLedger() throws -> (TemporaryDirectory, String, LockedFile) {
    let directory = try TemporaryDirectory()
    let path = directory.path("ledger.jsonl")
    try LedgerStore.create(at: path)
    return (directory, path, try LockedFile(path: path, mode: .append, timeout: 1))
  }

  /// A ledger replaced while a writer holds it (`git checkout` writes a new file and renames
  /// it into place) took the writer's lines with it: the sync says so instead of succeeding.
  @Test func aLedgerReplacedWhileWrittenFailsTheSync() throws {
    let (directory, path, file) = try Self.lockedLedger()
    try file.append(Array("{\"entry\":\"claim\"}\n".utf8))
    let replacement = directory.path("new.jsonl")
    try LedgerStore.create(at: replacement)
    #expect(rename(replacement, path) == 0)
    #expect {
      try file.sync()
    } throws: { error in
      guard case .writeFailed(let failed, let reason) = error as? LedgerError else { return false }
      return failed == path && reason.contains("removed or replaced")
    }
  }

  @Test func aLedgerRemovedWhileWrittenFailsTheSync() throws {
    let (directory, path, file) = try Self.lockedLedger()
    defer { withExtendedLifetime(directory) {} }
    try file.append(Array("{\"entry\":\"claim\"}\n".utf8))
    #expect(unlink(path) == 0)
    #expect(throws: LedgerError.self) { try file.sync() }
  }

  @Test func aLedgerLeftInPlaceSyncs() throws {
    let (directory, _, file) = try Self.lockedLedger()
    try file.append(Array("{}\n".utf8))
    try file.sync()
    // The folder goes when it does: keep it while the file is written.
    withExtendedLifetime(directory) {}
  }

  /// `/proc/locks` names a file by its device (major and minor in hex) and inode.
  @Test func theFileIsNamedByDeviceAndInode() {
    #expect(LockHolder.fileField(device: 0xfe00, inode: 16_662_658) == "fe:00:16662658")
    #expect(LockHolder.fileField(device: 0x0801, inode: 7) == "08:01:7")
  }

  @Test func theHolderIsFoundByDeviceAndInodeAndNamedOnOneLine() {
    let table = """
      1: FLOCK  ADVISORY  WRITE 300 00:2a:77 0 EOF
      2: POSIX  ADVISORY  WRITE 400 fe:00:77 0 EOF
      3: FLOCK  ADVISORY  WRITE 500 fe:00:77 0 EOF
      4: FLOCK  ADVISORY  WRITE 600 fe:00:88 0 EOF
      5: FLOCK  ADVISORY  WRITE 700 fe:00:99 0 EOF
      """
    // 600's arguments cannot be read (another user's, under hidepid); 700 has exited.
    let commands: [Int32: String] = [
      300: "other\0file", 500: "python3\0-c\0import x\nx.hold()", 600: "",
    ]
    let holder = LockHolder.describe(table: table, file: "fe:00:77") { commands[$0] }
    // Not 300, whose file has the same inode on another device, nor the POSIX lock.
    #expect(holder == "process 500 (python3 -c import x x.hold())")
    #expect(LockHolder.describe(table: table, file: "fe:00:88") { commands[$0] } == "process 600")
    #expect(
      LockHolder.describe(table: table, file: "fe:00:99") { commands[$0] }
        == "process 700, which has exited (a process it started holds the lock still)")
    #expect(LockHolder.describe(table: table, file: "fe:00:55") { commands[$0] } == nil)
  }

  /// On btrfs or an overlay, `/proc/locks` gives the file system's device, not the one `stat`
  /// gives: the inode alone then finds the holder.
  @Test func theHolderIsFoundByInodeWhenTheDevicesDiffer() {
    let table = "1: FLOCK  ADVISORY  WRITE 300 00:2a:77 0 EOF\n"
    let holder = LockHolder.describe(table: table, inode: 77) { _ in "claims\0add" }
    #expect(holder == "process 300 (claims add)")
    #expect(LockHolder.describe(table: table, inode: 7) { _ in "x" } == nil)
  }

  /// A ledger that cannot be opened for writing (permissions, a read-only file system) is a
  /// write's failure, saying reading still works; opened for reading, it is unreadable.
  @Test func aLedgerThatCannotBeWrittenSaysSo() throws {
    // A file this process can read: one it cannot read is unreadable for every command.
    let readable = FileManager.default.temporaryDirectory
      .appendingPathComponent("readable-\(UUID().uuidString)").path
    try Data().write(to: URL(fileURLWithPath: readable))
    defer { try? FileManager.default.removeItem(atPath: readable) }
    for code in [EACCES, EPERM, EROFS] {
      guard
        case .writeFailed(_, let reason) = LockedFile.openError(
          path: readable, errno: code, mode: .append)
      else {
        Issue.record("errno \(code) is not a write's failure")
        continue
      }
      #expect(reason.hasSuffix("(the ledger is read-only here; reading commands still work)"))
      guard case .unreadable = LockedFile.openError(path: readable, errno: code, mode: .read)
      else {
        Issue.record("errno \(code) on reading is not unreadable")
        continue
      }
    }
  }
}
