import ClaimReports
import Foundation
import Testing

@testable import claims

/// A `list` filter and the fixture claims it must show, by their short names.
struct ListFilterCase: Sendable, CustomTestStringConvertible {
  let arguments: [String]
  let expected: Set<String>

  var testDescription: String { arguments.joined(separator: " ") }
}

@Suite struct ListCommandTests {
  static let filters: [ListFilterCase] = [
    .init(arguments: [], expected: ["pinterest", "tesla", "glasses", "nvidia", "hardware"]),
    .init(arguments: ["--status", "open"], expected: ["pinterest", "tesla", "hardware"]),
    .init(arguments: ["--status", "resolved"], expected: ["glasses", "nvidia"]),
    .init(arguments: ["--status", "proposed"], expected: []),
    .init(arguments: ["--outcome", "true"], expected: ["glasses"]),
    .init(arguments: ["--outcome", "FALSE"], expected: ["nvidia"]),
    .init(arguments: ["--source", "Bloomberg"], expected: ["glasses", "nvidia"]),
    .init(arguments: ["--source", "bloomberg"], expected: ["glasses", "nvidia"]),
    .init(arguments: ["--source", "The Information"], expected: ["pinterest", "tesla"]),
    .init(arguments: ["--source", "the information"], expected: ["pinterest", "tesla"]),
    .init(arguments: ["--source", "《The Information》"], expected: ["pinterest", "tesla"]),
    .init(arguments: ["--source", "TheInformation.com"], expected: ["pinterest", "tesla"]),
    .init(arguments: ["--source", "量子位"], expected: ["hardware"]),
    .init(arguments: ["--source", "Reuters"], expected: []),
    .init(arguments: ["--tag", "ai"], expected: ["pinterest", "tesla"]),
    .init(arguments: ["--tag", "Hardware"], expected: ["glasses", "hardware"]),
    .init(arguments: ["--said-from", "2026-03-01"], expected: ["glasses", "nvidia", "hardware"]),
    .init(arguments: ["--said-to", "2026-02-01"], expected: ["pinterest", "tesla"]),
    .init(
      arguments: ["--said-from", "2026-02-01", "--said-to", "2026-04-01"],
      expected: ["tesla", "glasses", "nvidia"]),
    .init(arguments: ["--due-before", "2026-07-15"], expected: ["tesla"]),
    .init(arguments: ["--due-before", "2026-07-16"], expected: ["tesla", "nvidia"]),
    .init(arguments: ["--search", "pinterest"], expected: ["pinterest"]),
    .init(arguments: ["--search", "收购案"], expected: ["pinterest"]),
    .init(arguments: ["--search", "Apple glasses"], expected: ["glasses"]),
    .init(arguments: ["--search", "Apple Nvidia"], expected: []),
    .init(arguments: ["--search", "yahoo"], expected: ["nvidia"]),
    .init(arguments: ["--search", "硬件"], expected: ["hardware"]),
    .init(arguments: ["--overdue"], expected: ["tesla", "hardware"]),
    .init(arguments: ["--overdue", "--today", "2026-06-30"], expected: []),
    .init(arguments: ["--overdue", "--tag", "ai"], expected: ["tesla"]),
    .init(
      arguments: ["--status", "open", "--source", "the information", "--due-before", "2027-01-01"],
      expected: ["pinterest", "tesla"]),
  ]

  @Test(arguments: filters)
  func filterShowsOnlyTheClaimsThatPass(_ c: ListFilterCase) throws {
    let fixture = try ListFixture()
    #expect(Set(try fixture.listed(c.arguments)) == c.expected)
  }

  @Test func limitKeepsTheFirstClaimsInOrder() throws {
    let fixture = try ListFixture()
    let all = try fixture.listed([])
    #expect(all.count == 5)
    #expect(try fixture.listed(["--limit", "2"]) == Array(all.prefix(2)))
    #expect(try fixture.listed(["--limit", "0"]) == [])
    #expect(try fixture.listed(["--limit", "9"]) == all)
    // A count of claims, not of days: nothing caps it at a hundred years.
    #expect(try fixture.listed(["--limit", "100000"]) == all)
    #expect(try fixture.listed(["--status", "open", "--limit", "1"]).count == 1)
  }

  @Test func jsonIsAnArrayWithTheDesignKeysInOrder() throws {
    let fixture = try ListFixture()
    let result = fixture.sandbox.run(["list", "--json"])
    #expect(result.status == .success, result.report)
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(array.count == 5)
    let keys = [
      "id", "text", "quote", "source", "via", "url", "said", "deadline", "confidence", "hedge",
      "lang", "tags", "status", "outcome", "resolved_on", "evidence", "note", "document", "history",
    ]
    for object in array {
      for key in keys { #expect(object[key] != nil, "key \(key) is missing") }
    }
    // One claim per line between the brackets; the first occurrence of each key in a line is the
    // claim's own (history comes last).
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "[")
    #expect(lines.last == "]")
    for line in lines.dropFirst().dropLast() {
      let positions = keys.map { key in
        line.range(of: "\"\(key)\":").map {
          line.distance(from: line.startIndex, to: $0.lowerBound)
        }
          ?? -1
      }
      #expect(!positions.contains(-1))
      #expect(positions == positions.sorted(), "keys out of order in \(line)")
      #expect(line.hasPrefix("{\"id\":\""))
    }
    let glasses = try #require(array.first { $0["id"] as? String == fixture.ids["glasses"] })
    #expect(glasses["status"] as? String == "resolved")
    #expect(glasses["outcome"] as? String == "true")
    #expect(glasses["resolved_on"] as? String == "2026-08-01")
    #expect(glasses["deadline"] as? String == "2026-09-30")
    #expect(glasses["confidence"] as? Double == 0.6)
    #expect(glasses["tags"] as? [String] == ["hardware"])
    #expect((glasses["history"] as? [Any])?.count == 2)
    #expect(glasses["quote"] is NSNull)
  }

  @Test func jsonKeepsChineseAsIs() throws {
    let fixture = try ListFixture()
    let output = fixture.sandbox.run(["list", "--json", "--source", "量子位"]).stdout
    #expect(output.contains("首款硬件设备预计在2026年下半年推出"))
    #expect(!output.contains("\\u"))
  }

  @Test func emptyJsonIsAnEmptyArray() throws {
    let sandbox = try Sandbox()
    let result = sandbox.run(["list", "--json"])
    #expect(result.status == .success, result.report)
    let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any]
    #expect(array?.isEmpty == true)
  }

  @Test func tableColumnsLineUpWithChineseText() throws {
    let fixture = try ListFixture()
    let result = fixture.sandbox.run(["list"])
    #expect(result.status == .success, result.report)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 6)
    let header = try #require(lines.first)
    let textHeader = try #require(header.range(of: "TEXT"))
    let textColumn = DisplayWidth.of(String(header[..<textHeader.lowerBound]))
    let sourceHeader = try #require(header.range(of: "SOURCE"))
    let sourceColumn = DisplayWidth.of(String(header[..<sourceHeader.lowerBound]))
    let texts = [
      "OpenAI will acquire Pinterest", "特斯拉收购xAI的可能性极大", "Apple ships glasses",
      "Nvidia is worth $5T", "首款硬件设备预计在2026年下半年推出",
    ]
    let sources = ["The Information", "Bloomberg", "量子位"]
    for line in lines.dropFirst() {
      let text = try #require(texts.first { line.hasSuffix($0) }, "no claim text ends \(line)")
      #expect(
        DisplayWidth.of(String(line.dropLast(text.count))) == textColumn, "TEXT misaligned: \(line)"
      )
      let source = try #require(sources.first { line.contains("  \($0) ") }, "no source in \(line)")
      let start = try #require(line.range(of: "  \(source) ")).lowerBound
      #expect(
        DisplayWidth.of(String(line[..<start])) + 2 == sourceColumn, "SOURCE misaligned: \(line)")
    }
  }

  @Test func tableShowsStatusOutcomeAndCanonicalSource() throws {
    let fixture = try ListFixture()
    let lines = fixture.sandbox.run(["list"]).stdout.split(separator: "\n").map(String.init)
    func row(_ name: String) -> String {
      lines.first { $0.hasPrefix(fixture.ids[name] ?? "?") } ?? ""
    }
    #expect(row("tesla").contains("  overdue  "))
    #expect(row("tesla").contains("  The Information  "))
    #expect(!row("tesla").contains("《"))
    #expect(row("glasses").contains("  true  "))
    #expect(row("nvidia").contains("  false  "))
    #expect(row("pinterest").contains("  open  "))
    #expect(row("pinterest").contains("2026-01-21  2026-12-31"))
    #expect(row("glasses").contains("60%"))
  }

  @Test func noMatchPrintsNothingAndSaysSo() throws {
    let fixture = try ListFixture()
    let result = fixture.sandbox.run(["list", "--source", "Reuters"])
    #expect(result == CLI.Result(status: .success, stdout: "", stderr: "claims: no claims match\n"))
    let cut = fixture.sandbox.run(["list", "--status", "open", "--limit", "0"])
    let open = try fixture.listed(["--status", "open"]).count
    #expect(cut.stdout.isEmpty)
    #expect(cut.stderr == "claims: \(open) claims match; --limit 0 shows none\n", cut.report)
    let empty = try Sandbox()
    let none = empty.run(["list"])
    #expect(none.status == .success)
    #expect(none.stdout.isEmpty)
    #expect(none.stderr.contains("the ledger is empty"))
  }

  @Test(arguments: [
    ["--said-from", "2026-05-01", "--said-to", "2026-04-01"], ["--status", "done"],
    ["--outcome", "maybe"], ["--limit", "-1"], ["--due-before", "2026-02-30"], ["--overdue=yes"],
  ])
  func refusesBadFiltersWithStatus2(_ arguments: [String]) throws {
    let fixture = try ListFixture()
    let result = fixture.sandbox.run(["list"] + arguments)
    #expect(result.status == .usage, result.report)
    #expect(result.stderr.hasPrefix("claims: error: "))
    #expect(result.stderr.contains("usage: claims list"))
  }

  @Test func aBadLimitIsCalledACount() throws {
    let result = try ListFixture().sandbox.run(["list", "--limit", "x"])
    #expect(
      result.stderr.hasPrefix(
        "claims: error: --limit: 'x' is not a whole number of claims, 0 or more"))
  }

  @Test func findsTheLedgerWalkingUpFromTheWorkingFolder() throws {
    let fixture = try ListFixture()
    let sandbox = fixture.sandbox
    let nested = sandbox.directory.appendingPathComponent("notes/2026/ai")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    let result = CLI.run(
      ["list", "--json"], environment: ["CLAIMS_TODAY": Sandbox.today],
      workingDirectory: nested.path, clock: { Sandbox.now }, terminal: .plain())
    #expect(result.status == .success, result.report)
    let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any]
    #expect(array?.count == 5)
  }

  /// A `Claims/ledger.jsonl` that is a link to nothing (a sync folder not mounted) is the
  /// ledger meant: the walk stops at it and names it, rather than writing to one further up.
  @Test func theWalkStopsAtALedgerLinkToNothing() throws {
    let fixture = try ListFixture()
    let sandbox = fixture.sandbox
    let before = sandbox.ledger()
    func add(in folder: URL) -> CLI.Result {
      CLI.run(
        ["add", "Rain will fall", "--source", "Ann", "--confidence", "0.6"],
        environment: ["CLAIMS_TODAY": Sandbox.today], workingDirectory: folder.path,
        clock: { Sandbox.now }, terminal: .plain())
    }
    let nested = sandbox.directory.appendingPathComponent("team")
    try FileManager.default.createDirectory(
      at: nested.appendingPathComponent("Claims"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: nested.appendingPathComponent("Claims/ledger.jsonl").path,
      withDestinationPath: "/nonexistent/ledger.jsonl")
    let result = add(in: nested)
    #expect(result.status == .noInput, result.report)
    #expect(result.stderr.contains("team/Claims/ledger.jsonl"), result.report)
    #expect(result.stderr.contains("which does not exist"), result.report)
    #expect(sandbox.ledger() == before)
    // So is a `Claims` folder that is such a link.
    let linked = sandbox.directory.appendingPathComponent("synced")
    try FileManager.default.createDirectory(at: linked, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: linked.appendingPathComponent("Claims").path,
      withDestinationPath: "/nonexistent/Claims")
    let again = add(in: linked)
    #expect(again.status == .noInput, again.report)
    #expect(
      again.stderr.contains("synced/Claims is a link to /nonexistent/Claims, which does not exist"),
      again.report)
    #expect(sandbox.ledger() == before)
    let initialised = CLI.run(
      ["init"], environment: [:], workingDirectory: linked.path, clock: { Sandbox.now },
      terminal: .plain())
    #expect(initialised.status == .cannotCreate, initialised.report)
    #expect(initialised.stderr.contains("is a link to /nonexistent/Claims"), initialised.report)
  }

  /// A bad value from the environment names the variable, not the option it stands in for;
  /// an empty `--ledger` is an error rather than a quiet search for another ledger.
  @Test(
    arguments: [
      (["list"], ["CLAIMS_TODAY": "2026-13-01"], "CLAIMS_TODAY: '2026-13-01' is not"),
      (["list", "--today", "2026-13-01"], [:], "--today: '2026-13-01' is not"),
      (["list"], ["CLAIMS_LOCK_TIMEOUT": "abc"], "CLAIMS_LOCK_TIMEOUT: 'abc' is not a number"),
      (["list", "--ledger", ""], [:], "--ledger is empty"),
      (
        ["list", "--search", "\u{200B}\u{200F}"], [:],
        "--search holds nothing visible (U+200B U+200F)"
      ),
    ] as [([String], [String: String], String)])
  func aBadGlobalValueNamesWhereItCameFrom(
    arguments: [String], environment: [String: String], message: String
  ) throws {
    let sandbox = try ListFixture().sandbox
    let result = sandbox.run(arguments, environment: environment)
    #expect(result.status == .usage, result.report)
    #expect(result.stderr.hasPrefix("claims: error: \(message)"), result.report)
  }

  @Test func narrowScreenCutsTheTextWithAnEllipsis() throws {
    let fixture = try ListFixture()
    let result = fixture.sandbox.run(["list"], terminal: .plain(width: 80))
    #expect(result.status == .success, result.report)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 6)
    for line in lines {
      #expect(DisplayWidth.of(line) <= 80, "too wide: \(line)")
    }
    let tesla = try #require(lines.first { $0.hasPrefix(fixture.ids["tesla"] ?? "?") })
    #expect(tesla.hasSuffix("…"))
    #expect(tesla.contains("特斯拉"))
    #expect(!tesla.contains("极大"))
  }

  @Test func colourDoesNotMoveTheColumns() throws {
    let fixture = try ListFixture()
    let plain = fixture.sandbox.run(["list"]).stdout
    let colour = Terminal(isInteractive: false, usesColour: true, width: nil)
    let painted = fixture.sandbox.run(["list"], terminal: colour).stdout
    #expect(painted.contains("\u{1B}[31moverdue"))
    #expect(painted.contains("\u{1B}[32mtrue"))
    #expect(painted.replacing(/\x{1B}\[[0-9;]*m/, with: "") == plain)
  }

  @Test func relativeLedgerOptionIsReadFromTheWorkingFolder() throws {
    let fixture = try ListFixture()
    let result = fixture.sandbox.run(
      ["list", "--json", "--ledger", "Claims/ledger.jsonl"], environment: ["CLAIMS_LEDGER": ""])
    #expect(result.status == .success, result.report)
    let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
    #expect(Set(array?.compactMap { $0["id"] as? String } ?? []) == Set(fixture.ids.values))
  }
}
