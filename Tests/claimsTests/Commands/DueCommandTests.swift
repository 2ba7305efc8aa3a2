import Foundation
import Testing

@testable import claims

/// A `due --count` command line and the one line it prints.
struct DueCountCase: Sendable, CustomTestStringConvertible {
  let arguments: [String]
  let line: String

  var testDescription: String { (["due"] + arguments).joined(separator: " ") }
}

/// Claims around today (2026-08-01): two overdue, one due today, three later, one resolved and
/// one without a deadline.
struct DueFixture {
  let sandbox: Sandbox
  let ids: [String: String]

  init() throws {
    sandbox = try Sandbox()
    var ids: [String: String] = [:]
    for (name, deadline) in [
      ("recent", "2026-07-15"), ("old", "2026-03-31"), ("today", "2026-08-01"),
      ("soon", "2026-08-20"), ("edge", "2026-08-31"), ("later", "2026-10-15"),
      ("resolved", "2026-05-01"),
    ] {
      ids[name] = try sandbox.add(
        "Claim \(name) will come true", "--source", "Bloomberg", "--said", "2026-01-01", "--by",
        deadline)
    }
    ids["none"] = try sandbox.add(
      "特斯拉收购xAI的可能性极大", "--source", "量子位", "--said", "2026-01-01")
    self.ids = ids
    let result = sandbox.run(["resolve", ids["resolved"] ?? "", "true"])
    try #require(result.status == .success, result.report)
  }

  /// The short names of the table's rows, in order.
  func rows(_ arguments: [String]) throws -> [String] {
    let result = sandbox.run(["due"] + arguments)
    try #require(result.status == .success, result.report)
    let names = Dictionary(uniqueKeysWithValues: ids.map { ($1, $0) })
    return result.stdout.split(separator: "\n").dropFirst().map {
      names[String($0.prefix(10))] ?? String($0)
    }
  }
}

@Suite struct DueCommandTests {
  @Test func listsOverdueClaimsOldestFirst() throws {
    let fixture = try DueFixture()
    #expect(try fixture.rows([]) == ["old", "recent"])
    let lines = fixture.sandbox.run(["due"]).stdout.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("ID          DUE         LATE") == true)
    #expect(lines[1].contains("2026-03-31  123d"))
    #expect(lines[2].contains("2026-07-15   17d"))
  }

  @Test func withinAddsTheClaimsFallingDueSoon() throws {
    let fixture = try DueFixture()
    #expect(try fixture.rows(["--within", "30"]) == ["old", "recent", "today", "soon", "edge"])
    #expect(try fixture.rows(["--within", "29"]) == ["old", "recent", "today", "soon"])
    #expect(try fixture.rows(["--within", "0"]) == ["old", "recent", "today"])
    #expect(
      try fixture.rows(["--within", "80"]) == ["old", "recent", "today", "soon", "edge", "later"])
    let table = fixture.sandbox.run(["due", "--within", "30"]).stdout
    #expect(table.contains("2026-08-20  in 19d"))
  }

  static let counts: [DueCountCase] = [
    .init(arguments: ["--count"], line: "2 overdue, 3 due within 30 days\n"),
    .init(arguments: ["--count", "--within", "29"], line: "2 overdue, 2 due within 29 days\n"),
    .init(arguments: ["--count", "--within", "1"], line: "2 overdue, 1 due within 1 day\n"),
    .init(arguments: ["--count", "--within", "0"], line: "2 overdue, 1 due within 0 days\n"),
    .init(arguments: ["--count", "--within", "80"], line: "2 overdue, 4 due within 80 days\n"),
    .init(
      arguments: ["--count", "--today", "2026-01-02"], line: "0 overdue, 0 due within 30 days\n"),
    .init(
      arguments: ["--count", "--within", "29", "--json"],
      line: #"{"overdue":2,"due_soon":2,"within_days":29}"# + "\n"),
  ]

  @Test(arguments: counts)
  func countPrintsOneLine(_ c: DueCountCase) throws {
    let fixture = try DueFixture()
    let result = fixture.sandbox.run(["due"] + c.arguments)
    #expect(result == CLI.Result(status: .success, stdout: c.line, stderr: ""))
  }

  @Test func countSaysHowManyAreOverdueAndDueSoon() throws {
    let sandbox = try Sandbox()
    for deadline in ["2026-07-31", "2026-08-10", "2026-08-31", "2026-09-01"] {
      try sandbox.add(
        "Due \(deadline) will happen", "--source", "Bloomberg", "--said", "2026-01-01", "--by",
        deadline)
    }
    #expect(sandbox.run(["due", "--count"]).stdout == "1 overdue, 2 due within 30 days\n")
  }

  @Test func jsonListsTheSameClaims() throws {
    let fixture = try DueFixture()
    let result = fixture.sandbox.run(["due", "--json", "--within", "30"])
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(
      array.map { $0["id"] as? String }
        == ["old", "recent", "today", "soon", "edge"].map { fixture.ids[$0] })
    // Beside each claim, what the table shows: days late (negative: due ahead), the impact
    // of an overdue claim (null for one due soon), and its subject (null without one).
    let table = fixture.sandbox.run(["due", "--within", "30"]).stdout
    for object in array {
      let late = try #require(object["days_late"] as? Int)
      let id = try #require(object["id"] as? String)
      let row = try #require(table.split(separator: "\n").first { $0.hasPrefix(id) })
      #expect(row.contains(late > 0 ? " \(late)d " : " in \(-late)d "), "\(row)")
      if late > 0 {
        let impact = try #require(object["impact"] as? Double)
        #expect(row.contains(String(format: " %.3f ", impact)), "\(row)")
      } else {
        #expect(object["impact"] is NSNull)
      }
      #expect(object["subject"] is NSNull || object["subject"] is String)
    }
  }

  @Test func nothingDueSaysSo() throws {
    let sandbox = try Sandbox()
    try sandbox.add(
      "Apple will ship glasses", "--source", "Bloomberg", "--said", "2026-01-01", "--by", "2027")
    // On standard error, as `list` says no claim matches, so a pipe counts no line.
    let nothing = sandbox.run(["due"])
    #expect(nothing.status == .success && nothing.stdout.isEmpty, nothing.report)
    #expect(nothing.stderr == "claims: nothing is overdue\n", nothing.report)
    #expect(
      sandbox.run(["due", "--within", "7"]).stderr
        == "claims: nothing is overdue or due within 7 days\n")
    #expect(
      sandbox.run(["due", "--within", "1"]).stderr
        == "claims: nothing is overdue or due within 1 day\n")
    // The walk on a terminal says so the same way.
    let walk = sandbox.run(["due", "--resolve"], terminal: ScriptedConversation("").terminal())
    #expect(walk.stdout.isEmpty && walk.stderr == "claims: nothing is overdue\n", walk.report)
  }

  /// Below 0 or past a hundred years: the message says which numbers are taken.
  @Test(arguments: ["-3", "36501"])
  func refusesAWindowOutOfRange(_ days: String) throws {
    let fixture = try DueFixture()
    let result = fixture.sandbox.run(["due", "--within", days])
    #expect(result.status == .usage, result.report)
    #expect(
      result.stderr.hasPrefix(
        "claims: error: --within: '\(days)' is not a whole number of days from 0 to 36500"),
      result.report)
  }
}
