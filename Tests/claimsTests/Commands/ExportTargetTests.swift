import Dispatch
import Foundation
import Testing

@testable import claims

/// Reads a FIFO to its end on another thread, as the reader at a pipe's other end would.
final class FIFOReader: @unchecked Sendable {
  let path: String
  private let done = DispatchSemaphore(value: 0)
  private var bytes = Data()

  init(path: String) {
    self.path = path
    DispatchQueue.global().async { [self] in
      // Waits here until a writer opens the FIFO.
      bytes = FileHandle(forReadingAtPath: path)?.readDataToEndOfFile() ?? Data()
      done.signal()
    }
  }

  /// What was read. A writer that opens and closes at once stands in for one that never came,
  /// so a failed export ends the reader instead of leaving it waiting.
  func finish() -> String? {
    let descriptor = open(path, O_WRONLY | O_NONBLOCK)
    if descriptor >= 0 { close(descriptor) }
    guard done.wait(timeout: .now() + 20) == .success else { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// `export --out` writes into what is there when it is not a file to replace: a pipe or a
/// device keeps its kind, a folder is named as one, and a replaced file keeps its permissions.
@Suite struct ExportTargetTests {
  static func fileType(_ path: String, following: Bool = false) -> mode_t {
    var status = stat()
    let result = following ? stat(path, &status) : lstat(path, &status)
    return result == 0 ? status.st_mode & S_IFMT : 0
  }

  @Test func anExportIntoAFIFOIsWrittenIntoItAndLeavesItAFIFO() throws {
    let sandbox = try ExportFormatTests.settledLedger()
    let expected = sandbox.run(["export", "--format", "csv"]).stdout
    let fifo = sandbox.path("pipe.csv")
    try #require(mkfifo(fifo, 0o600) == 0)
    let reader = FIFOReader(path: fifo)
    let result = sandbox.run(["export", "--format", "csv", "--out", "pipe.csv"])
    let read = reader.finish()
    #expect(result.status == .success, result.report)
    #expect(result.stdout == "wrote 5 claims to pipe.csv\n", result.report)
    #expect(read == expected)
    #expect(Self.fileType(fifo) == S_IFIFO)
    #expect(!OutputPathTests.files(in: sandbox.directory.path).contains { $0.contains(".tmp-") })
  }

  /// A link to a pipe is followed: the pipe gets the bytes, and link and pipe stay as they were.
  @Test func anExportThroughALinkToAFIFOWritesIntoTheFIFO() throws {
    let sandbox = try ExportFormatTests.settledLedger()
    let expected = sandbox.run(["export", "--format", "jsonl"]).stdout
    let fifo = sandbox.path("pipe")
    try #require(mkfifo(fifo, 0o600) == 0)
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.path("claims.jsonl"), withDestinationPath: fifo)
    let reader = FIFOReader(path: fifo)
    let result = sandbox.run(["export", "--format", "jsonl", "--out", "claims.jsonl"])
    let read = reader.finish()
    #expect(result.status == .success, result.report)
    #expect(read == expected)
    #expect(Self.fileType(sandbox.path("claims.jsonl")) == S_IFLNK)
    #expect(Self.fileType(fifo) == S_IFIFO)
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: sandbox.path("claims.jsonl"))
        == fifo)
  }

  /// A descriptor's name (`/dev/fd/N`, as `/dev/stderr` is) leads to a file another process
  /// opened: it is appended to in place, not replaced by a file of the same name.
  @Test func anExportToADescriptorsFileWritesIntoThatFile() throws {
    let sandbox = try ExportFormatTests.settledLedger()
    let expected = sandbox.run(["export", "--format", "csv"]).stdout
    let path = sandbox.path("held.csv")
    // What the file held stays: the export is appended, as a shell's >> would.
    try sandbox.write("kept\n", to: "held.csv")
    let handle = try #require(FileHandle(forWritingAtPath: path))
    defer { try? handle.close() }
    var before = stat()
    try #require(stat(path, &before) == 0)
    let result = sandbox.run([
      "export", "--format", "csv", "--out", "/dev/fd/\(handle.fileDescriptor)",
    ])
    #expect(result.status == .success, result.report)
    #expect(sandbox.contents(of: "held.csv") == "kept\n" + expected)
    var after = stat()
    try #require(stat(path, &after) == 0)
    #expect(after.st_ino == before.st_ino)
  }

  /// Only the descriptor paths themselves are descriptors: other paths under /proc are files.
  @Test(arguments: [
    ("/dev/fd/3", true), ("/proc/self/fd/1", true), ("/proc/4242/fd/12", true),
    ("/proc/thread-self/fd/2", true), ("/proc/4242/task/4243/fd/2", true),
    ("/proc/self/cwd/out.csv", false), ("/proc/self/fd", false), ("/dev/fd/x", false),
    ("/tmp/proc/self/fd/1", false), ("/proc/self/root/tmp/x", false),
  ])
  func descriptorPathsAreTheFdFoldersOnly(_ path: String, _ expected: Bool) {
    #expect(ExportTarget.isDescriptorPath(path) == expected)
  }

  /// The ledger's side files are never replaced, and standard output that is the ledger (an
  /// export `>>` the ledger) is refused: nothing is written.
  @Test func theLedgerAndItsSideFilesAreNeverWritten() throws {
    let sandbox = try ExportFormatTests.settledLedger()
    try sandbox.write("{}\n", to: "Claims/sources.json")
    let refused = sandbox.run(["export", "--format", "csv", "--out", "Claims/sources.json"])
    #expect(refused.status == .cannotCreate, refused.report)
    #expect(refused.stderr.contains("it is sources.json beside the ledger"), refused.report)
    #expect(sandbox.contents(of: "Claims/sources.json") == "{}\n")
    // A side file not made yet is not made by an export either: the next command would read
    // the CSV as the lexicon.
    let absent = sandbox.run(["export", "--format", "csv", "--out", "./Claims/lexicon.json"])
    #expect(absent.status == .cannotCreate, absent.report)
    #expect(absent.stderr.contains("it is lexicon.json beside the ledger"), absent.report)
    #expect(!FileManager.default.fileExists(atPath: sandbox.path("Claims/lexicon.json")))
    let before = sandbox.ledger()
    let handle = try #require(FileHandle(forWritingAtPath: sandbox.ledgerPath))
    defer { try? handle.close() }
    try handle.seekToEnd()
    let run = try BuiltBinary.run(
      ["export", "--format", "jsonl"], environment: sandbox.environment, standardOutput: handle)
    #expect(run.status == ExitStatus.cannotCreate.rawValue, run.report)
    #expect(run.stderr.contains("which an export never writes into"), run.report)
    #expect(sandbox.ledger() == before)
  }

  /// The file is made beside its target and renamed, so a folder that takes no new file is
  /// named as the cause; and an export of no claim says so, as `list` does.
  @Test func aFolderThatTakesNoFileAndAnEmptyExportAreNamed() throws {
    let sandbox = try ExportFormatTests.settledLedger()
    let refused = sandbox.run(["export", "--format", "csv", "--out", "/proc/self/x.csv"])
    #expect(refused.status == .cannotCreate, refused.report)
    #expect(
      refused.stderr.contains(
        "cannot create /proc/self/x.csv: a new file cannot be made in its folder /proc/self ("),
      refused.report)
    let none = sandbox.run(["export", "--format", "csv", "--source", "nobody"])
    #expect(none.status == .success, none.report)
    #expect(none.stdout.split(separator: "\n").count == 1, none.report)
    #expect(none.stderr == "claims: no claims match\n", none.report)
    // Without a filter, the note says what the format leaves out.
    let open = try Sandbox()
    _ = try open.add("Rates will fall", "--source", "K", "--confidence", "0.6")
    let reviews = open.run(["export", "--format", "claimreview"])
    #expect(reviews.status == .success, reviews.report)
    #expect(
      reviews.stderr.contains("claims: no claim is resolved; the export holds no review\n"),
      reviews.report)
    let tooLong = sandbox.run([
      "export", "--format", "csv", "--out", String(repeating: "a", count: 250) + ".csv",
    ])
    #expect(tooLong.status == .cannotCreate, tooLong.report)
    #expect(
      tooLong.stderr.contains("its name leaves no room for the temporary file"), tooLong.report)
  }

  /// `--out /dev/stdout` is standard output, as `-` is: the export alone, no summary line.
  @Test func anOutOfDevStdoutIsStandardOutput() throws {
    let sandbox = try ExportFormatTests.settledLedger()
    let result = sandbox.run(["export", "--format", "jsonl", "--out", "/dev/stdout"])
    #expect(result.status == .success, result.report)
    #expect(result.stdout == sandbox.run(["export", "--format", "jsonl"]).stdout)
  }

  @Test(arguments: ["Reports", "Reports/"])
  func anOutThatIsAFolderSaysSo(out: String) throws {
    let sandbox = try ExportFormatTests.settledLedger()
    try FileManager.default.createDirectory(
      atPath: sandbox.path("Reports"), withIntermediateDirectories: true)
    let result = sandbox.run(["export", "--format", "csv", "--out", out])
    #expect(result.status == .cannotCreate, result.report)
    #expect(result.stderr.contains("it is a folder; --out names the file to write"), result.report)
    #expect(OutputPathTests.files(in: sandbox.path("Reports")).isEmpty)
  }

  @Test func anOutEndingInASlashThatIsNoFolderIsRefused() throws {
    let sandbox = try ExportFormatTests.settledLedger()
    let result = sandbox.run(["export", "--format", "csv", "--out", "missing/"])
    #expect(result.status == .cannotCreate, result.report)
    #expect(result.stderr.contains("a name ending in / names a folder"), result.report)
    #expect(!OutputPathTests.files(in: sandbox.directory.path).contains { $0.hasPrefix("missing") })
  }

  /// A replaced file keeps its permission bits: a read-only export stays read-only, a
  /// private one private.
  @Test(arguments: [0o444, 0o600, 0o640] as [Int])
  func aReplacedFileKeepsItsPermissions(mode: Int) throws {
    let sandbox = try ExportFormatTests.settledLedger()
    try sandbox.write("old\n", to: "claims.csv")
    try FileManager.default.setAttributes(
      [.posixPermissions: mode], ofItemAtPath: sandbox.path("claims.csv"))
    let result = sandbox.run(["export", "--format", "csv", "--out", "claims.csv"])
    #expect(result.status == .success, result.report)
    #expect(sandbox.contents(of: "claims.csv")?.hasPrefix("id,text,") == true)
    let attributes = try FileManager.default.attributesOfItem(atPath: sandbox.path("claims.csv"))
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == mode)
  }
}
