import Foundation
import Testing

@testable import claims

/// The real binary, spawned as a person's shell would run it.
@Suite struct EndToEndTests {
  @Test func binaryIsBesideTheTestRunner() throws {
    let url = try BuiltBinary.located()
    #expect(FileManager.default.isExecutableFile(atPath: url.path))
    // What STYLE.md relies on: `swift test` on Linux runs the tests from the build folder.
    let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    #expect(url.deletingLastPathComponent().path == runner.deletingLastPathComponent().path)
    let run = try BuiltBinary.run(["--version"], environment: [:])
    #expect(run.status == 0, run.report)
    #expect(run.stdout == "claims \(CLI.version)\n")
  }

  @Test func addListResolveShowRoundTrip() throws {
    let sandbox = try Sandbox(initialised: false)
    let environment = sandbox.environment
    let created = try BuiltBinary.run(["init"], environment: environment)
    #expect(created.status == 0, created.report)
    #expect(sandbox.ledger() == Data())

    let added = try BuiltBinary.run(
      [
        "add", "特斯拉收购xAI的可能性极大", "--source", "量子位", "--said", "2026-02-01", "--by",
        "2026年上半年", "--tag", "ai",
      ], environment: environment)
    #expect(added.status == 0, added.report)
    let id = added.stdout.trimmingCharacters(in: .newlines)
    #expect(id.wholeMatch(of: /[0-9a-f]{10}/) != nil, added.report)

    let listed = try BuiltBinary.run(["list"], environment: environment)
    #expect(listed.status == 0, listed.report)
    #expect(
      listed.stdout == """
        ID          SAID        DUE         CONF  STATUS   SOURCE  TEXT
        \(id)  2026-02-01  2026-06-30   88%  overdue  量子位  特斯拉收购xAI的可能性极大

        """)

    let resolved = try BuiltBinary.run(
      ["resolve", String(id.prefix(4)), "false", "--on", "2026-07-01", "--evidence", "no deal"],
      environment: environment)
    #expect(resolved.status == 0, resolved.report)
    #expect(resolved.stdout == "resolved \(id) as false on 2026-07-01\n")

    let shown = try BuiltBinary.run(["show", id], environment: environment)
    #expect(shown.status == 0, shown.report)
    #expect(shown.stdout.hasPrefix("claim \(id)\n  status      resolved false on 2026-07-01\n"))
    #expect(shown.stdout.contains("  deadline    2026-06-30 (2026年上半年)\n"))
    #expect(shown.stdout.contains("resolved false on 2026-07-01; evidence: no deal\n"))
    #expect(shown.stderr.isEmpty)

    let lines = try sandbox.ledgerLines()
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.hasPrefix("{\"entry\":") && $0.hasSuffix("}") })
    let check = try BuiltBinary.run(["check"], environment: environment)
    #expect(check.status == 0, check.report)
  }

  @Test func usageErrorExits2WithUsageOnStandardError() throws {
    let sandbox = try Sandbox()
    let run = try BuiltBinary.run(["list", "--stauts", "open"], environment: sandbox.environment)
    #expect(run.status == 2, run.report)
    #expect(run.stdout.isEmpty)
    #expect(
      run.stderr.hasPrefix(
        "claims: error: unknown option '--stauts'; did you mean '--status'?\nusage: claims list "))
  }

  @Test func malformedLedgerExits65NamingTheLine() throws {
    let sandbox = try Sandbox(initialised: false)
    try sandbox.writeLedger([
      JournalLine.claim("abcd000001", text: "OpenAI will acquire Pinterest"), "{\"entry\":",
      JournalLine.claim("abcd000002", text: "Apple will ship glasses", source: "Bloomberg"),
    ])
    let list = try BuiltBinary.run(["list"], environment: sandbox.environment)
    #expect(list.status == 65, list.report)
    #expect(list.stdout.isEmpty)
    #expect(list.stderr.hasPrefix("claims: error: \(sandbox.ledgerPath):2:"), list.report)
    let check = try BuiltBinary.run(["check"], environment: sandbox.environment)
    #expect(check.status == 65, check.report)
    #expect(check.stdout.contains("\(sandbox.ledgerPath):2:"))
  }

  @Test func missingLedgerExits66() throws {
    let sandbox = try Sandbox(initialised: false)
    let run = try BuiltBinary.run(["due"], environment: sandbox.environment)
    #expect(run.status == 66, run.report)
    #expect(
      run.stderr == "claims: error: no ledger at \(sandbox.ledgerPath); 'claims init' creates one\n"
    )
    #expect(sandbox.ledger() == nil)
  }

  @Test func fullStandardOutputExits74WithAMessage() throws {
    let sandbox = try Sandbox()
    try sandbox.add("OpenAI will acquire Pinterest", "--source", "The Information")
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    defer { try? full.close() }
    let run = try BuiltBinary.run(["list"], environment: sandbox.environment, standardOutput: full)
    #expect(run.status == 74, run.report)
    #expect(
      run.stderr.hasPrefix("claims: error: cannot write the output: standard output"), run.report)
  }

  @Test func concurrentWritersLoseNothing() throws {
    let sandbox = try Sandbox()
    let writers = 4
    let addsEach = 100
    let script = """
      i=1
      while [ "$i" -le \(addsEach) ]; do
        "$0" add "writer $WRITER claim $i will come true" --source "Writer $WRITER" >/dev/null || exit 1
        i=$((i + 1))
      done
      """
    let started = try (1...writers).map { writer in
      try BuiltBinary.shell(
        script, environment: sandbox.environment.merging(["WRITER": "\(writer)"]) { $1 })
    }
    let runs = started.map { $0.finish() }
    for run in runs { #expect(run.status == 0, run.report) }

    let data = try #require(sandbox.ledger())
    #expect(data.last == UInt8(ascii: "\n"))
    let lines = try sandbox.ledgerLines()
    #expect(lines.count == writers * addsEach)
    #expect(lines.allSatisfy { $0.hasPrefix("{\"entry\":\"claim\",") && $0.hasSuffix("}") })
    #expect(Set(lines.map { $0.prefix(40) }).count == writers * addsEach)
    let check = try BuiltBinary.run(["check"], environment: sandbox.environment)
    #expect(check.status == 0, check.report)
    #expect(check.stdout.hasSuffix(": 400 entries, 400 claims, 0 errors, 0 warnings\n"))
  }

  @Test func identicalAddsAtOnceRecordOneClaim() throws {
    let sandbox = try Sandbox()
    let arguments = [
      "add", "OpenAI will acquire Pinterest", "--source", "The Information", "--said", "2026-01-21",
    ]
    let started = try (0..<8).map { _ in
      try BuiltBinary.start(arguments, environment: sandbox.environment)
    }
    let runs = started.map { $0.finish() }
    for run in runs { #expect(run.status == 0, run.report) }
    #expect(Set(runs.map(\.stdout)).count == 1)
    #expect(runs.filter { $0.stderr.contains("is in the ledger already") }.count == 7)
    #expect(try sandbox.ledgerLines().count == 1)
  }

  @Test func extractReadsAnArticleFromStandardInput() throws {
    let sandbox = try Sandbox()
    let running = try BuiltBinary.shell(
      """
      printf -- '---\\ndate: 2026-03-01\\n---\\n小米预计明年推出新车。\\n' | "$0" extract - --json
      """, environment: sandbox.environment)
    let run = running.finish()
    #expect(run.status == 0, run.report)
    #expect(run.stdout.contains("\"document\":\"- (extractor"), run.report)
    #expect(run.stdout.contains("\"deadline\":\"2027-12-31\""), run.report)
    #expect(try sandbox.ledgerLines().count == 1)
  }
}
