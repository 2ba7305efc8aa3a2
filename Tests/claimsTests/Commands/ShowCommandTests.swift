import Foundation
import Testing

@testable import claims

@Suite struct ShowCommandTests {
  /// A claim with every optional field, resolved with evidence.
  static func resolvedClaim() throws -> (Sandbox, String) {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "OpenAI acquires Pinterest", "--source", "The Information", "--via", "Best Partners TV",
      "--url", "https://www.youtube.com/watch?v=Hzu-Ot-mB1k", "--said", "2026-01-21", "--by",
      "2026年上半年", "--hedge", "将", "--quote", "OpenAI将上演其发展史上最大规模的收购案", "--tag", "ai", "--tag",
      "acquisitions")
    let result = sandbox.run([
      "resolve", String(id.prefix(4)), "false", "--on", "2026-07-01", "--evidence",
      "https://example.com/no-deal", "--note", "no deal by June",
    ])
    try #require(result.status == .success, result.report)
    return (sandbox, id)
  }

  @Test func printsEveryFieldAndTheHistory() throws {
    let (sandbox, id) = try Self.resolvedClaim()
    let result = sandbox.run(["show", id])
    #expect(result.status == .success, result.report)
    #expect(result.stderr.isEmpty)
    #expect(
      result.stdout == """
        claim \(id)
          status      resolved false on 2026-07-01
          text        OpenAI acquires Pinterest
          quote       OpenAI将上演其发展史上最大规模的收购案
          source      The Information (via Best Partners TV)
          url         https://www.youtube.com/watch?v=Hzu-Ot-mB1k
          said        2026-01-21
          deadline    2026-06-30 (2026年上半年)
          confidence  85% (将)
          lang        zh-Hans
          tags        ai, acquisitions
          evidence    https://example.com/no-deal
          note        no deal by June
        history
          2026-08-01T12:00:00.000Z  recorded (open)
          2026-08-01T12:00:00.000Z  resolved false on 2026-07-01; evidence: https://example.com/no-deal — no deal by June

        """)
  }

  /// Entries the claim's status refused, as a merge can leave them, are marked in the history:
  /// a reopen with nothing to undo as not applied, an acceptance of an open claim as applying
  /// only its corrections, which the fold keeps.
  @Test func entriesTheStatusRefusedAreMarked() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger([
      JournalLine.claim("abcd000001", text: "Rates fall"),
      #"{"entry":"accept","id":"abcd000001","at":"2026-02-01T00:00:00.000Z","text":"Rates fall sharply"}"#,
      #"{"entry":"reopen","id":"abcd000001","at":"2026-02-02T00:00:00.000Z"}"#,
    ])
    let shown = sandbox.run(["show", "abcd000001"])
    #expect(shown.status == .success, shown.report)
    #expect(
      shown.stdout.contains("(the claim was open then: only its corrections applied)"),
      shown.report)
    #expect(shown.stdout.contains("(not applied: the claim was open then)"), shown.report)
    #expect(shown.stdout.contains("text        Rates fall sharply"), shown.report)
  }

  /// A value over several lines keeps its later lines under the first, not at the margin.
  @Test func aMultiLineValueStaysInItsColumn() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "Apple ships glasses\nand a headset", "--source", "Bloomberg", "--said", "2026-01-21",
      "--confidence", "0.6")
    let result = sandbox.run(["show", id])
    #expect(result.status == .success, result.report)
    #expect(
      result.stdout.contains("  text        Apple ships glasses\n              and a headset\n"))
    let resolved = sandbox.run(["resolve", id, "true", "--evidence", "first\r\nsecond"])
    try #require(resolved.status == .success, resolved.report)
    let shown = sandbox.run(["show", id]).stdout
    #expect(shown.contains("  evidence    first\n              second\n"), "\(shown)")
    #expect(!shown.unicodeScalars.contains("\r"))
    let history = shown.split(separator: "\n").drop { $0 != "history" }
    #expect(history.allSatisfy { $0 == "history" || $0.hasPrefix("  ") }, "\(shown)")
  }

  @Test func acceptsAUniquePrefixInAnyCase() throws {
    let (sandbox, id) = try Self.resolvedClaim()
    let full = sandbox.run(["show", id]).stdout
    #expect(sandbox.run(["show", String(id.prefix(4))]).stdout == full)
    #expect(sandbox.run(["show", String(id.prefix(7)).uppercased()]).stdout == full)
  }

  @Test func overdueClaimSaysByHowManyDays() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "Apple will ship glasses", "--source", "Bloomberg", "--said", "2026-03-01", "--by",
      "2026-07-22")
    #expect(sandbox.run(["show", id]).stdout.contains("  status      open, overdue by 10 days\n"))
  }

  @Test func jsonHasTheFieldsAndTheJournalEntries() throws {
    let (sandbox, id) = try Self.resolvedClaim()
    let result = sandbox.run(["show", id, "--json"])
    #expect(result.status == .success, result.report)
    #expect(result.stdout.hasSuffix("}\n"))
    let claim = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(claim["id"] as? String == id)
    #expect(claim["status"] as? String == "resolved")
    #expect(claim["outcome"] as? String == "false")
    #expect(claim["resolved_on"] as? String == "2026-07-01")
    #expect(claim["evidence"] as? String == "https://example.com/no-deal")
    #expect(claim["note"] as? String == "no deal by June")
    #expect(claim["via"] as? String == "Best Partners TV")
    #expect(claim["deadline"] as? String == "2026-06-30")
    #expect(claim["confidence"] as? Double == 0.85)
    let history = try #require(claim["history"] as? [[String: Any]])
    #expect(history.map { $0["entry"] as? String } == ["claim", "resolve"])
    #expect(history.allSatisfy { $0["at"] as? String == Sandbox.stamp })
    #expect(history.last?["on"] as? String == "2026-07-01")
  }

  @Test func unknownIdFailsWithStatus1() throws {
    let (sandbox, _) = try Self.resolvedClaim()
    let result = sandbox.run(["show", "ffffffffff"])
    #expect(result.status == .failure)
    #expect(result.stderr == "claims: error: no claim has an id starting with 'ffffffffff'\n")
  }
}
