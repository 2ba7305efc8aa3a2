import Foundation
import Testing

@testable import claims

@Suite struct DueResolveTests {
  /// Four open claims overdue on 2026-08-01, the oldest deadline first, and one not due yet.
  static func overdue() throws -> (Sandbox, [String]) {
    let sandbox = try Sandbox()
    var ids: [String] = []
    for (index, deadline) in ["2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"].enumerated() {
      ids.append(
        try sandbox.add(
          "Claim \(index + 1)", "--source", "S", "--said", "2026-01-21", "--by", deadline,
          "--confidence", "0.7"))
    }
    try sandbox.add(
      "Not yet", "--source", "S", "--said", "2026-01-21", "--by", "2026-12-31", "--confidence",
      "0.7")
    return (sandbox, ids)
  }

  func claim(_ id: String, in sandbox: Sandbox) throws -> [String: Any] {
    try #require(try sandbox.showJSON(id))
  }

  @Test func resolvesWithEvidenceVoidsWithAReasonAndMovesADeadline() throws {
    let (sandbox, ids) = try Self.overdue()
    let before = try sandbox.ledgerLines()
    let script =
      "t" + "\n" + "t" + "https://example.com/deal\n"  // no evidence is refused, then given
      + "v" + "unclear\n" + "retracted\n" + "\n"  // a bad reason is re-asked
      + "l" + "2026-07-01\n" + "2026-Q4\n" + "\n"  // a past deadline is re-asked
      + "s"
    let conversation = ScriptedConversation(script)
    let result = sandbox.run(["due", "--resolve"], terminal: conversation.terminal())
    #expect(result.status == .success, result.report)
    #expect(result.stdout == "resolved 2, moved 1, skipped 1; 1 still overdue\n")
    #expect(conversation.output.contains("[1/4] \(ids[0])"))
    #expect(conversation.output.contains("evidence is needed"))
    #expect(conversation.output.contains("'unclear' is not"))
    #expect(conversation.output.contains("2026-07-01 is past already"))
    #expect(try sandbox.ledgerLines().count == before.count + 3)

    let first = try claim(ids[0], in: sandbox)
    #expect(first["outcome"] as? String == "true")
    #expect(first["evidence"] as? String == "https://example.com/deal")
    let second = try claim(ids[1], in: sandbox)
    #expect(second["outcome"] as? String == "void")
    #expect(second["reason"] as? String == "retracted")
    let third = try claim(ids[2], in: sandbox)
    #expect(third["status"] as? String == "open")
    #expect(third["deadline"] as? String == "2026-12-31")
    #expect(third["note"] as? String == "not settled yet")
    #expect(try claim(ids[3], in: sandbox)["status"] as? String == "open")
    #expect(sandbox.run(["check"]).status == .success)
  }

  @Test func quittingKeepsWhatWasSettled() throws {
    let (sandbox, ids) = try Self.overdue()
    let conversation = ScriptedConversation("f" + "a quote\n" + "q")
    let result = sandbox.run(["due", "--resolve"], terminal: conversation.terminal())
    #expect(result.stdout == "resolved 1, moved 0, skipped 0; 3 still overdue\n")
    #expect(try claim(ids[0], in: sandbox)["outcome"] as? String == "false")
    #expect(try claim(ids[1], in: sandbox)["status"] as? String == "open")
  }

  @Test func withoutATerminalItLists() throws {
    let (sandbox, ids) = try Self.overdue()
    let result = sandbox.run(["due", "--resolve"])
    #expect(result.status == .success, result.report)
    #expect(result.stdout.contains(ids[0]))
    #expect(sandbox.run(["due", "--resolve", "--count"]).status == .usage)
  }

  /// Two clones resolved one claim differently and git's union merge kept both lines.
  static func conflicted() throws -> Sandbox {
    let sandbox = try Sandbox()
    try sandbox.writeLedger([
      JournalLine.claim("abcd000001", text: "Resolved twice", deadline: "2026-06-30"),
      JournalLine.claim("abcd000002", text: "Plainly overdue", deadline: "2026-06-30"),
      JournalLine.resolve(
        "abcd000001", at: "2026-07-02T10:00:00.000Z", outcome: "true", on: "2026-07-02"),
      JournalLine.resolve(
        "abcd000001", at: "2026-07-03T10:00:00.000Z", outcome: "false", on: "2026-07-03"),
    ])
    return sandbox
  }

  /// Such a claim is unsettled: `due` lists and counts it, marked, as `sources` counts it
  /// overdue, and `list` says `conflict` where it would say an outcome.
  @Test func aClaimResolvedTwiceDifferentlyIsDueAndMarked() throws {
    let sandbox = try Self.conflicted()
    let due = sandbox.run(["due"])
    #expect(due.status == .success, due.report)
    let rows = due.stdout.split(separator: "\n")
    #expect(rows.count == 3, due.report)
    #expect(
      rows.contains {
        $0.hasPrefix("abcd000001") && $0.hasSuffix("(resolutions conflict) Resolved twice")
      })
    #expect(rows.contains { $0.hasPrefix("abcd000002") && $0.hasSuffix("  Plainly overdue") })
    #expect(sandbox.run(["due", "--count"]).stdout == "2 overdue, 0 due within 30 days\n")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(sandbox.run(["due", "--json"]).stdout.utf8))
        as? [[String: Any]])
    let listed = try #require(json.first { $0["id"] as? String == "abcd000001" })
    #expect(listed["conflicting_resolutions"] as? Bool == true)
    #expect(listed["days_late"] as? Int == 32)
    let overdue = sandbox.run(["list", "--overdue"]).stdout.split(separator: "\n").dropFirst()
    #expect(overdue.map { String($0.prefix(10)) }.sorted() == ["abcd000001", "abcd000002"])
    let open = sandbox.run(["list", "--overdue", "--status", "open"]).stdout
    #expect(open.split(separator: "\n").dropFirst().count == 2, "\(open)")
    let list = sandbox.run(["list"]).stdout
    #expect(
      list.split(separator: "\n").contains {
        $0.hasPrefix("abcd000001") && $0.contains("  conflict  ")
      })
  }

  /// Settling it from the walk records a reopen and the new resolution, so `check` is clean;
  /// before, the walk refused it as no longer open.
  @Test func theWalkSettlesConflictingResolutions() throws {
    let sandbox = try Self.conflicted()
    #expect(sandbox.run(["check"]).status == .dataError)
    let conversation = ScriptedConversation("p" + "https://example.com/settled\n" + "s")
    let result = sandbox.run(["due", "--resolve"], terminal: conversation.terminal())
    #expect(result.status == .success, result.report)
    #expect(conversation.output.contains("resolutions conflict"), "\(conversation.output)")
    #expect(result.stdout == "resolved 1, moved 0, skipped 1; 1 still overdue\n")
    let lines = try sandbox.ledgerLines()
    #expect(lines.count == 6)
    #expect(lines[4].hasPrefix(#"{"entry":"reopen","id":"abcd000001","#))
    #expect(lines[5].hasPrefix(#"{"entry":"resolve","id":"abcd000001","#))
    let check = sandbox.run(["check"])
    #expect(check.status == .success, check.report)
    let claim = try claim("abcd000001", in: sandbox)
    #expect(claim["outcome"] as? String == "partial")
    #expect(claim["conflicting_resolutions"] == nil)
  }
}
