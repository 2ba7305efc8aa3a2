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
}
