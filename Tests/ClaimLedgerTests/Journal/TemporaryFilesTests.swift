import Foundation
import Testing

@testable import ClaimLedger

@Suite struct TemporaryFilesTests {
  /// The number of a process that has ended.
  static func endedProcess() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  static func names(in folder: String) throws -> Set<String> {
    Set(try FileManager.default.contentsOfDirectory(atPath: folder))
  }

  @Test func theTemporaryIsHiddenBesideTheFileAndNamedForTheProcess() {
    #expect(
      TemporaryFiles.path(replacing: "/tmp/Reports/scorecard-2026.md", process: 42, nonce: 0xAB)
        == "/tmp/Reports/.scorecard-2026.md.tmp-42-000000ab")
    #expect(
      TemporaryFiles.path(replacing: "ledger.jsonl", process: 7, nonce: 0x9F3A_61C0)
        == "./.ledger.jsonl.tmp-7-9f3a61c0")
    #expect(TemporaryFiles.writer(of: "42-000000ab") == 42)
    for odd in ["+42-000000ab", "042-000000ab", "42-000000AB", "42-00ab", "42", "x-000000ab"] {
      #expect(TemporaryFiles.writer(of: Substring(odd)) == nil, "\(odd)")
    }
  }

  /// Gone means both: no process of that number here, and nobody holding the file's lock (a
  /// writer in another process namespace has a number that looks free).
  @Test func anEndedWritersFileIsRemovedAndALiveOnesKept() throws {
    let folder = try DigestCacheTests.temporaryDirectory()
    let target = folder + "/scorecard-2026.md"
    let ended = try Self.endedProcess()
    try #require(TemporaryFiles.isGone(ended))
    let abandoned = TemporaryFiles.path(replacing: target, process: ended, nonce: 1)
    let lockedElsewhere = TemporaryFiles.path(replacing: target, process: ended, nonce: 2)
    let kept = [
      TemporaryFiles.path(replacing: target, process: getppid(), nonce: 3), lockedElsewhere,
      // Another file's, and names not of this form.
      TemporaryFiles.path(replacing: folder + "/scorecard-all.md", process: ended, nonce: 4),
      folder + "/.scorecard-2026.md.tmp-x", folder + "/.scorecard-2026.md.tmp-+\(ended)-00000005",
      folder + "/scorecard-2026.md.tmp-\(ended)-00000006",
    ]
    for path in kept + [abandoned] {
      try Data("half".utf8).write(to: URL(fileURLWithPath: path))
    }
    let holder = open(lockedElsewhere, O_RDONLY)
    try #require(holder >= 0 && flock(holder, LOCK_EX) == 0)
    defer { close(holder) }
    TemporaryFiles.removeAbandoned(replacing: target)
    #expect(try Self.names(in: folder) == Set(kept.map { ($0 as NSString).lastPathComponent }))
  }

  @Test func aCacheFileIsReplacedWholeAndLeavesNoTemporary() throws {
    let folder = try DigestCacheTests.temporaryDirectory()
    let target = folder + "/sha256-1-2"
    let abandoned = TemporaryFiles.path(replacing: target, process: try Self.endedProcess())
    try Data("half".utf8).write(to: URL(fileURLWithPath: abandoned))
    DigestCache.replace(target, with: Data("first\n".utf8))
    DigestCache.replace(target, with: Data("second\n".utf8))
    #expect(try Self.names(in: folder) == ["sha256-1-2"])
    #expect(FileManager.default.contents(atPath: target) == Data("second\n".utf8))
  }
}
