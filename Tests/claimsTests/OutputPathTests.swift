import Foundation
import Testing

@testable import claims

/// Where reports and exports land: names only from the year and format, never through a
/// planted symlink onto another file, and never half-written when the disk refuses.
@Suite struct OutputPathTests {
  static func sandboxWithAClaim() throws -> Sandbox {
    let sandbox = try Sandbox()
    try sandbox.add(
      "../../etc/passwd will / leak", "--source", "../Reports/x", "--said", "2026-01-02", "--by",
      "2026-03-31", "--confidence", "0.7")
    return sandbox
  }

  static func files(in directory: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
  }

  @Test func aSymlinkPlantedAtAReportPathIsReplacedAndItsTargetLeftAlone() throws {
    let sandbox = try Self.sandboxWithAClaim()
    try sandbox.write("victim\n", to: "victim.txt")
    try FileManager.default.createDirectory(
      atPath: sandbox.path("Reports"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.path("Reports/scorecard-2026.html"),
      withDestinationPath: sandbox.path("victim.txt"))
    let result = sandbox.run(["report", "--year", "2026"])
    #expect(result.status == .success, result.report)
    #expect(sandbox.contents(of: "victim.txt") == "victim\n")
    let attributes = try FileManager.default.attributesOfItem(
      atPath: sandbox.path("Reports/scorecard-2026.html"))
    #expect(attributes[.type] as? FileAttributeType == .typeRegular)
    #expect(
      Self.files(in: sandbox.path("Reports")) == [
        "scorecard-2026.csv", "scorecard-2026.html", "scorecard-2026.json", "scorecard-2026.md",
      ])
  }

  @Test func anExportOntoASymlinkLeavesItsTargetAlone() throws {
    let sandbox = try Self.sandboxWithAClaim()
    try sandbox.write("victim\n", to: "victim.txt")
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.path("claims.csv"), withDestinationPath: sandbox.path("victim.txt"))
    let result = sandbox.run(["export", "--format", "csv", "--out", "claims.csv"])
    #expect(result.status == .success, result.report)
    #expect(sandbox.contents(of: "victim.txt") == "victim\n")
    #expect(sandbox.contents(of: "claims.csv")?.hasPrefix("id,text,") == true)
  }

  @Test(arguments: ["Claims/ledger.jsonl", "Claims/../Claims/ledger.jsonl", "link.jsonl"])
  func anExportNeverReplacesTheLedger(_ out: String) throws {
    let sandbox = try Self.sandboxWithAClaim()
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.path("link.jsonl"), withDestinationPath: sandbox.path("Claims/ledger.jsonl"))
    let before = sandbox.contents(of: "Claims/ledger.jsonl")
    let result = sandbox.run(["export", "--format", "jsonl", "--out", out])
    #expect(result.status == .cannotCreate, result.report)
    #expect(result.stderr.contains("it is the ledger"), result.report)
    #expect(sandbox.contents(of: "Claims/ledger.jsonl") == before)
  }

  @Test func initNeverCreatesALedgerThroughASymlink() throws {
    let sandbox = try Sandbox(initialised: false)
    try FileManager.default.createDirectory(
      atPath: sandbox.path("Claims"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.path("Claims/ledger.jsonl"), withDestinationPath: sandbox.path("elsewhere"))
    let result = sandbox.run(["init"])
    #expect(result.status != .success, result.report)
    #expect(!FileManager.default.fileExists(atPath: sandbox.path("elsewhere")))
  }

  @Test(arguments: [["--year", "../../x"], ["--format", "html/../../x"], ["--year", "2026/.."]])
  func pathWordsInYearOrFormatAreUsageErrors(_ options: [String]) throws {
    let sandbox = try Self.sandboxWithAClaim()
    let result = sandbox.run(["report"] + options)
    #expect(result.status == .usage, result.report)
    #expect(Self.files(in: sandbox.path("Reports")).isEmpty)
    #expect(Self.files(in: sandbox.directory.path) == [".gitattributes", "Claims"])
  }

  /// As nobody (`setpriv`), since root writes through any mode: a read-only `Reports/` is
  /// status 73, the earlier scorecard stays, and no temporary file is left behind.
  @Test func aReadOnlyReportsFolderExits73AndLeavesNothingHalfWritten() throws {
    guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
      return
    }
    let sandbox = try Self.sandboxWithAClaim()
    let first = try BuiltBinary.run(["report", "--year", "2026"], environment: sandbox.environment)
    try #require(first.status == 0, first.report)
    let reports = sandbox.path("Reports")
    let before = sandbox.contents(of: "Reports/scorecard-2026.md")
    chmod(reports, 0o555)
    chmod(sandbox.directory.path, 0o755)
    let running = try BuiltBinary.shell(
      "exec /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups \"$0\" report --year 2026",
      environment: sandbox.environment)
    let run = running.finish()
    #expect(run.status == 73, run.report)
    #expect(run.stderr.contains("\(reports)/scorecard-2026."), run.report)
    #expect(sandbox.contents(of: "Reports/scorecard-2026.md") == before)
    #expect(Self.files(in: reports).allSatisfy { $0.hasPrefix("scorecard-2026.") })
    chmod(reports, 0o755)
  }

  /// A 64 KiB tmpfs filled to the brim (skipped where `mount` is not allowed): status 73 with
  /// the path, the earlier scorecard intact, no temporary file left.
  @Test func aFullDiskExits73AndLeavesTheEarlierReport() throws {
    let sandbox = try Self.sandboxWithAClaim()
    try Self.withSmallDisk(in: sandbox, options: "size=64k") { disk in
      let first = sandbox.run(["report", "--year", "2026", "--format", "md", "--out", disk])
      try #require(first.status == .success, first.report)
      let before = try #require(sandbox.contents(of: "disk/scorecard-2026.md"))
      let fill = try BuiltBinary.shell(
        "dd if=/dev/zero of=\"$DISK/fill\" bs=4k 2>/dev/null; true", environment: ["DISK": disk]
      ).finish()
      #expect(fill.status == 0)
      for format in ["md", "html"] {
        let result = sandbox.run(["report", "--year", "2026", "--format", format, "--out", disk])
        #expect(result.status == .cannotCreate, result.report)
        #expect(result.stderr.contains("\(disk)/scorecard-2026.\(format)"), result.report)
      }
      #expect(sandbox.contents(of: "disk/scorecard-2026.md") == before)
      #expect(Self.files(in: disk) == ["fill", "scorecard-2026.md"])
      let export = sandbox.run(["export", "--format", "jsonl", "--out", disk + "/claims.jsonl"])
      #expect(export.status == .cannotCreate, export.report)
      #expect(Self.files(in: disk) == ["fill", "scorecard-2026.md"])
    }
  }

  @Test func aReadOnlyDiskExits73() throws {
    let sandbox = try Self.sandboxWithAClaim()
    try Self.withSmallDisk(in: sandbox, options: "size=64k,ro") { disk in
      let result = sandbox.run(["report", "--year", "2026", "--out", disk])
      #expect(result.status == .cannotCreate, result.report)
      #expect(result.stderr.contains(disk), result.report)
      #expect(Self.files(in: disk).isEmpty)
    }
  }

  /// Runs `body` with a tmpfs mounted (with `options`) at the sandbox's `disk` folder, and
  /// unmounts it after; where `mount` is not allowed (not root, a container), skips `body`.
  static func withSmallDisk(
    in sandbox: Sandbox, options: String, _ body: (String) throws -> Void
  ) throws {
    let disk = sandbox.path("disk")
    try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
    let environment = ["DISK": disk, "OPTIONS": options]
    let mount = try BuiltBinary.shell(
      "mount -t tmpfs -o \"$OPTIONS\" tmpfs \"$DISK\" 2>/dev/null", environment: environment
    ).finish()
    guard mount.status == 0 else { return }
    defer { _ = try? BuiltBinary.shell("umount \"$DISK\"", environment: environment).finish() }
    try body(disk)
  }
}
