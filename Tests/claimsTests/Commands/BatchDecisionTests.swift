import Foundation
import Testing

@testable import claims

@Suite struct BatchDecisionTests {
  /// Proposed claims: two from a.md by Alpha, one from b.md by Alpha, one from b.md by Beta.
  static func proposals() throws -> Sandbox {
    let sandbox = try Sandbox()
    var lines = try sandbox.ledgerLines()
    let rows = [
      ("abcd000001", "Alpha", "articles/a.md"), ("abcd000002", "Alpha", "articles/a.md"),
      ("abcd000003", "Alpha", "articles/b.md"), ("abcd000004", "Beta", "articles/b.md"),
    ]
    for (index, row) in rows.enumerated() {
      lines.append(
        "{\"entry\":\"claim\",\"id\":\"\(row.0)\",\"at\":\"2026-07-0\(index + 1)T10:00:00.000Z\","
          + "\"text\":\"Claim \(index + 1)\",\"source\":\"\(row.1)\",\"said\":\"2026-01-21\","
          + "\"confidence\":0.7,\"lang\":\"en\",\"tags\":[],\"status\":\"proposed\","
          + "\"document\":\"\(row.2) (extractor 1)\"}")
    }
    try sandbox.writeLedger(lines)
    return sandbox
  }

  func status(_ id: String, in sandbox: Sandbox) throws -> String? {
    try sandbox.showJSON(id)?["status"] as? String
  }

  @Test func acceptsEveryProposalFromAnArticle() throws {
    let sandbox = try Self.proposals()
    let result = sandbox.run(["accept", "--all", "--document", "articles/a.md"])
    #expect(
      result
        == CLI.Result(
          status: .success, stdout: "accepted abcd000001\naccepted abcd000002\n", stderr: ""))
    #expect(try status("abcd000003", in: sandbox) == "proposed")
  }

  @Test func rejectsEveryProposalOfASourceWithTheReason() throws {
    let sandbox = try Self.proposals()
    let result = sandbox.run(["reject", "--all", "--source", "Alpha", "--reason", "past-fact"])
    #expect(
      result.stdout == "rejected abcd000001\nrejected abcd000002\nrejected abcd000003\n",
      result.report)
    #expect(try sandbox.showJSON("abcd000003")?["reason"] as? String == "past-fact")
    #expect(try status("abcd000004", in: sandbox) == "proposed")
  }

  @Test func filtersCombine() throws {
    let sandbox = try Self.proposals()
    let result = sandbox.run([
      "reject", "--all", "--source", "Alpha", "--document", "articles/b.md",
    ])
    #expect(result.stdout == "rejected abcd000003\n", result.report)
  }

  /// A batch whose claims are all decided is a queue done; one that names no claim at all
  /// (a mistyped document) is a failure a script sees.
  @Test func aBatchThatSelectsNothingSaysSo() throws {
    let sandbox = try Self.proposals()
    let first = sandbox.run(["accept", "--all", "--document", "articles/a.md"])
    try #require(first.status == .success, first.report)
    let before = sandbox.ledger()
    let done = sandbox.run(["accept", "--all", "--document", "articles/a.md"])
    #expect(
      done == CLI.Result(status: .success, stdout: "", stderr: "claims: nothing to accept\n"))
    let mistyped = sandbox.run(["reject", "--all", "--document", "articles/none.md"])
    #expect(mistyped.status == .failure, mistyped.report)
    #expect(
      mistyped.stderr == "claims: error: no claim in the ledger is from articles/none.md\n",
      mistyped.report)
    #expect(sandbox.ledger() == before)
  }

  @Test(arguments: [
    ["accept", "--all"], ["reject", "--all", "--reason", "vague"],
    ["accept", "abcd000001", "--all", "--document", "articles/a.md"], ["reject"],
  ])
  func aBatchNeedsAFilterAndNoIds(_ arguments: [String]) throws {
    let sandbox = try Self.proposals()
    let before = sandbox.ledger()
    let result = sandbox.run(arguments)
    #expect(result.status == .usage, result.report)
    #expect(sandbox.ledger() == before)
  }

  /// A deadline or a tag may suit every claim of an article; one sentence's words do not.
  @Test(arguments: [
    ["accept", "--all", "--document", "articles/a.md", "--text", "Same text"],
    ["accept", "abcd000001", "abcd000002", "--quote", "Same words"],
  ])
  func wordsForOneClaimAreRefusedForMany(_ arguments: [String]) throws {
    let sandbox = try Self.proposals()
    let before = sandbox.ledger()
    let result = sandbox.run(arguments)
    #expect(result.status == .usage, result.report)
    #expect(result.stderr.contains("gives one claim its words"), result.report)
    #expect(sandbox.ledger() == before)
    let shared = sandbox.run(["accept", "--all", "--document", "articles/a.md", "--by", "2027"])
    #expect(shared.stdout == "accepted abcd000001\naccepted abcd000002\n", shared.report)
  }

  @Test func theOneByOneFormsStillWork() throws {
    let sandbox = try Self.proposals()
    #expect(
      sandbox.run(["accept", "abcd000001", "--by", "2027"]).stdout == "accepted abcd000001\n")
    #expect(
      sandbox.run(["reject", "abcd000002", "--reason", "vague"]).stdout == "rejected abcd000002\n")
  }
}
