import ClaimLedger
import ClaimReports
import Foundation
import Testing

@testable import claims

/// Ctrl-C or `kill` while a command writes: what it wrote is taken back, the message says so,
/// and the process ends by the signal.
///
/// In-process, the signal is raised at the test's own thread while it holds the stop signals,
/// so it is waiting when the command writes; the built binary is started with SIGTERM
/// blocked and sent one at once, which it finds when it writes.
@Suite struct StopSignalCommandTests {
  /// Runs `body` with `signal` waiting for this thread; the signal `body` left untaken, if any.
  func withStopWaiting(_ signal: Int32, _ body: () throws -> Void) rethrows -> Int32? {
    let hold = StopSignalHold()
    raise(signal)
    try body()
    return hold.takeStop()
  }

  func expectInterrupted(_ result: CLI.Result, by signal: Int32, _ sandbox: Sandbox) {
    #expect(result.status == .interrupted, result.report)
    #expect(result.stopSignal == signal)
    #expect(result.stderr.contains("stopped by \(StopSignalHold.name(of: signal))"), result.report)
  }

  @Test func anAddStoppedWhileWritingRecordsNothing() throws {
    let sandbox = try Sandbox()
    _ = try sandbox.add("A claim already there", "--source", "Kuo", "--confidence", "0.6")
    let before = try #require(sandbox.ledger())
    var result: CLI.Result?
    let left = withStopWaiting(SIGINT) {
      result = sandbox.run(["add", "A claim stopped", "--source", "Kuo", "--confidence", "0.6"])
    }
    #expect(left == nil)
    let stopped = try #require(result)
    expectInterrupted(stopped, by: SIGINT, sandbox)
    #expect(stopped.stderr.contains("nothing was recorded"))
    #expect(stopped.stdout.isEmpty)
    #expect(sandbox.ledger() == before)
  }

  @Test func anImportStoppedWhileWritingImportsNothing() throws {
    let sandbox = try Sandbox()
    var csv = "text,source,said,confidence\n"
    for number in 0..<200 { csv += "Claim \(number),The Information,2026-01-21,0.7\n" }
    try sandbox.write(csv, to: "sheet.csv")
    var result: CLI.Result?
    let left = withStopWaiting(SIGTERM) { result = sandbox.run(["import", "sheet.csv"]) }
    #expect(left == nil)
    expectInterrupted(try #require(result), by: SIGTERM, sandbox)
    #expect(sandbox.ledger()?.isEmpty == true)
    #expect(sandbox.run(["check"]).status == .success)
  }

  @Test func anExportStoppedWhileWritingLeavesTheOldFileAndNoTemporaryOne() throws {
    let sandbox = try Sandbox()
    _ = try sandbox.add("A claim to export", "--source", "Kuo", "--confidence", "0.6")
    try sandbox.write("old\n", to: "out/claims.csv")
    var result: CLI.Result?
    let left = withStopWaiting(SIGHUP) {
      result = sandbox.run(["export", "--format", "csv", "--out", "out/claims.csv"])
    }
    #expect(left == nil)
    expectInterrupted(try #require(result), by: SIGHUP, sandbox)
    #expect(sandbox.contents(of: "out/claims.csv") == "old\n")
    #expect(OutputPathTests.files(in: sandbox.path("out")) == ["claims.csv"])
  }

  /// The process: the message first, then the end by the signal, which a shell reads as 143.
  @Test func theBinaryEndsByTheSignalAfterTakingBackItsWrite() throws {
    let sandbox = try Sandbox()
    _ = try sandbox.add("A claim already there", "--source", "Kuo", "--confidence", "0.6")
    let before = try #require(sandbox.ledger())
    let ended = try SpawnedWithStopBlocked.run(
      ["add", "A claim stopped", "--source", "Kuo", "--confidence", "0.6"],
      environment: sandbox.environment,
      folder: sandbox.path("."), sending: SIGTERM)
    #expect(ended.signal == SIGTERM, "\(ended)")
    #expect(ended.stderr.contains("stopped by SIGTERM"), "\(ended)")
    #expect(ended.stdout.isEmpty)
    #expect(sandbox.ledger() == before)
  }
}

/// The built binary started with SIGTERM, SIGINT and SIGHUP blocked (a mask is inherited by
/// exec, which `Process` resets), sent `signal` at once, and waited for.
enum SpawnedWithStopBlocked {
  struct Ended: CustomStringConvertible {
    /// The signal the process ended by; nil when it exited.
    var signal: Int32?
    var exitStatus: Int32?
    var stdout: String
    var stderr: String
    var description: String {
      "signal \(signal.map(String.init) ?? "none"), exit \(exitStatus.map(String.init) ?? "none")"
        + "\nstdout: \(stdout)\nstderr: \(stderr)"
    }
  }

  static func run(
    _ arguments: [String], environment: [String: String], folder: String, sending signal: Int32
  ) throws -> Ended {
    let binary = try BuiltBinary.located().path
    let outPath = folder + "/spawn-stdout"
    let errPath = folder + "/spawn-stderr"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var mask = sigset_t()
    sigemptyset(&mask)
    for held in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&mask, held) }
    posix_spawnattr_setsigmask(&attributes, &mask)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    let words = [binary] + arguments
    let pairs = environment.map { "\($0.key)=\($0.value)" }
    let argv = words.map { strdup($0) } + [nil]
    let envp = pairs.map { strdup($0) } + [nil]
    defer {
      for word in argv + envp { free(word) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, binary, &actions, &attributes, argv, envp)
    try #require(spawned == 0, "posix_spawn: \(String(cString: strerror(spawned)))")
    kill(pid, signal)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    let termination = status & 0x7f
    let read = { (path: String) in
      String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
    return Ended(
      signal: termination != 0 && termination != 0x7f ? termination : nil,
      exitStatus: termination == 0 ? (status >> 8) & 0xff : nil,
      stdout: read(outPath), stderr: read(errPath))
  }
}
