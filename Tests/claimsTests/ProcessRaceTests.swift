import Foundation
import Testing

@testable import claims

/// Several real processes on one ledger at once, and a reader whose pipe closes early.
@Suite struct ProcessRaceTests {
  @Test func eightResolutionsOfOneClaimAtOnceRecordOne() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add("OpenAI will acquire Pinterest", "--source", "The Information")
    let started = try (0..<8).map { index in
      try BuiltBinary.start(
        ["resolve", id, index % 2 == 0 ? "true" : "false", "--on", Sandbox.today],
        environment: sandbox.environment)
    }
    let runs = started.map { $0.finish() }
    #expect(runs.filter { $0.status == 0 }.count == 1, "\(runs.map(\.report))")
    for run in runs where run.status != 0 {
      #expect(run.status == ExitStatus.failure.rawValue, run.report)
      #expect(run.stderr.contains("claim \(id) "), run.report)
    }
    let lines = try sandbox.ledgerLines()
    #expect(lines.count == 2)
    #expect(lines.last?.hasPrefix("{\"entry\":\"resolve\",\"id\":\"\(id)\"") == true)
    #expect(sandbox.run(["check"]).status == .success)
  }

  /// A writer waits on the lock while `check --repair` waits too, behind a lock this test holds
  /// on a ledger with a torn tail; then both are let go at once. Whichever wins, no line is
  /// glued onto the torn bytes, a write that was acknowledged is in the ledger, and a write
  /// that was refused changed nothing.
  @Test func aWriterWaitingBesideCheckRepairLosesNothing() throws {
    for attempt in 0..<4 {
      let sandbox = try Sandbox()
      _ = try sandbox.add("A rises", "--source", "Kuo", "--confidence", "0.6")
      let torn = Data(#"{"entry":"resolve","id":"ab"#.utf8)
      let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: sandbox.ledgerPath))
      try handle.seekToEnd()
      try handle.write(contentsOf: torn)
      try handle.close()
      let holder = open(sandbox.ledgerPath, O_RDONLY)
      try #require(holder >= 0 && flock(holder, LOCK_EX) == 0)
      let repair = try BuiltBinary.start(["check", "--repair"], environment: sandbox.environment)
      usleep(200_000)
      let writer = try BuiltBinary.start(
        ["add", "B falls \(attempt)", "--source", "Kuo", "--confidence", "0.6"],
        environment: sandbox.environment)
      usleep(200_000)
      flock(holder, LOCK_UN)
      close(holder)
      let repaired = repair.finish()
      let wrote = writer.finish()
      #expect(repaired.status == 0, repaired.report)
      let lines = try sandbox.ledgerLines()
      #expect(lines.allSatisfy { $0.hasPrefix("{\"entry\":") && $0.hasSuffix("}") }, "\(lines)")
      #expect(!lines.contains { $0.contains(#"{"entry":"resolve","id":"ab{"#) })
      #expect(sandbox.run(["check"]).status == .success, "\(lines)")
      if wrote.status == 0 {
        #expect(lines.contains { $0.contains("B falls \(attempt)") }, wrote.report)
      } else {
        // The writer came first and refused to write after a torn line.
        #expect(wrote.status == ExitStatus.dataError.rawValue, wrote.report)
        #expect(wrote.stderr.contains("check --repair"), wrote.report)
        #expect(!lines.contains { $0.contains("B falls") })
      }
      let saved = try FileManager.default.contentsOfDirectory(atPath: sandbox.path("Claims"))
        .filter { $0.contains(".torn-") }
      #expect(saved.count == 1, "the torn bytes are kept beside the ledger: \(saved)")
    }
  }

  /// `claims list | head -1`: the pipe closes under a writing process, which ends quietly.
  @Test func aReaderThatStopsReadingEndsItQuietly() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger(
      (0..<3000).map { JournalLine.claim(String(format: "abcd%06x", $0), text: "Claim \($0)") })
    let running = try BuiltBinary.shell(
      #""$0" list 2>"$ERRORS" | head -1"#,
      environment: sandbox.environment.merging(["ERRORS": sandbox.path("errors")]) { $1 })
    let run = running.finish()
    #expect(run.status == 0, run.report)
    #expect(run.stdout.hasPrefix("ID "), run.report)
    #expect(sandbox.contents(of: "errors") == "", "the writer complained: \(run.report)")
  }
}
