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
