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

  /// A report's files are all written before any is renamed: a stop leaves every old one.
  @Test func aReportStoppedWhileWritingLeavesEveryOldScorecard() throws {
    let sandbox = try Sandbox()
    _ = try sandbox.add("A claim to score", "--source", "Kuo", "--confidence", "0.6")
    let first = sandbox.run(["report", "--out", "out"])
    try #require(first.status == .success, first.report)
    let names = OutputPathTests.files(in: sandbox.path("out"))
    try #require(names.count > 1)
    for name in names { try sandbox.write("old\n", to: "out/\(name)") }
    var result: CLI.Result?
    let left = withStopWaiting(SIGTERM) { result = sandbox.run(["report", "--out", "out"]) }
    #expect(left == nil)
    expectInterrupted(try #require(result), by: SIGTERM, sandbox)
    #expect(OutputPathTests.files(in: sandbox.path("out")) == names)
    for name in names { #expect(sandbox.contents(of: "out/\(name)") == "old\n", "\(name)") }
  }

  /// The process: the message first, then the end by the signal, which a shell reads as 143.
  /// The signal is sent once the child's main thread holds it, which it does from taking the
  /// ledger's lock, while it reads the ledger and then writes.
  @Test func theBinaryEndsByTheSignalAfterTakingBackItsWrite() throws {
    let sandbox = try Sandbox()
    var csv = "text,source,said,confidence\n"
    for number in 0..<20_000 { csv += "Claim \(number) comes true,Kuo,2026-01-21,0.6\n" }
    _ = try sandbox.importing(csv, as: "first.csv")
    let before = try #require(sandbox.ledger())
    try sandbox.write("text,source,said,confidence\nOne more,Kuo,2026-01-21,0.6\n", to: "more.csv")
    let ended = try Spawned.run(
      ["import", sandbox.path("more.csv")], environment: sandbox.environment,
      folder: sandbox.path("."), blocking: []
    ) { pid in
      try Self.untilHolding(SIGTERM, pid: pid)
      kill(pid, SIGTERM)
    }
    #expect(ended.signal == SIGTERM, "\(ended)")
    #expect(ended.stderr.contains("stopped by SIGTERM while writing"), "\(ended)")
    #expect(ended.stdout.isEmpty)
    #expect(sandbox.ledger() == before)
  }

  /// Waits until the main thread of `pid` blocks `signal`, as `/proc` shows it.
  static func untilHolding(_ signal: Int32, pid: Int32) throws {
    let started = Date()
    while true {
      let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
      let mask = status.split(separator: "\n").first { $0.hasPrefix("SigBlk:") }
        .flatMap {
          UInt64($0.dropFirst("SigBlk:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        }
      if let mask, mask & (1 << UInt64(signal - 1)) != 0 { return }
      try #require(
        Date().timeIntervalSince(started) < 30, "process \(pid) never held signal \(signal)")
      usleep(200)
    }
  }

  /// A stop the process ignores, or one its parent blocked, is not a stop: the command runs
  /// to its end as it did before (`nohup`, a script's background job).
  @Test func aSignalTheParentBlockedIsNoStop() throws {
    let sandbox = try Sandbox()
    let ended = try Spawned.run(
      ["add", "A claim not stopped", "--source", "Kuo", "--confidence", "0.6"],
      environment: sandbox.environment, folder: sandbox.path("."), blocking: [SIGTERM]
    ) { kill($0, SIGTERM) }
    #expect(ended.signal == nil && ended.exitStatus == 0, "\(ended)")
    #expect(ended.stderr.isEmpty, "\(ended)")
    #expect(try sandbox.ledgerLines().count == 1)
  }
}

/// The built binary started with just the signals `blocking` blocked (a mask is inherited by
/// exec, and `Process` passes on the mask of the thread that starts it, which a test thread
/// of Dispatch's has all blocked), handed to `meanwhile`, and waited for.
enum Spawned {
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
    _ arguments: [String], environment: [String: String], folder: String, blocking: [Int32],
    meanwhile: (Int32) throws -> Void
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
    for held in blocking { sigaddset(&mask, held) }
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
    var status: Int32 = 0
    do {
      try meanwhile(pid)
    } catch {
      kill(pid, SIGKILL)
      while waitpid(pid, &status, 0) < 0, errno == EINTR {}
      throw error
    }
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
