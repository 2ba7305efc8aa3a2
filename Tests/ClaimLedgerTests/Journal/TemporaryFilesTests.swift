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
      TemporaryFiles.path(replacing: "/tmp/Reports/scorecard-2026.md", process: 42)
        == "/tmp/Reports/.scorecard-2026.md.tmp-42")
    #expect(TemporaryFiles.path(replacing: "ledger.jsonl", process: 7) == "./.ledger.jsonl.tmp-7")
  }

  @Test func anEndedWritersFileIsRemovedAndARunningOnesKept() throws {
    let folder = try DigestCacheTests.temporaryDirectory()
    let target = folder + "/scorecard-2026.md"
    let ended = try Self.endedProcess()
    try #require(TemporaryFiles.isGone(ended))
    let running = getppid()
    let kept = [
      TemporaryFiles.path(replacing: target, process: running),
      // Another file's, and names that are not a process number.
      TemporaryFiles.path(replacing: folder + "/scorecard-all.md", process: ended),
      folder + "/.scorecard-2026.md.tmp-x", folder + "/scorecard-2026.md.tmp-\(ended)",
    ]
    for path in kept + [TemporaryFiles.path(replacing: target, process: ended)] {
      try Data("half".utf8).write(to: URL(fileURLWithPath: path))
    }
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
