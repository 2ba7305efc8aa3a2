import Foundation
import Testing

@testable import claims

/// A resolution as typed, and the ledger line it must append.
struct ResolutionCase: Sendable, CustomTestStringConvertible {
  let arguments: [String]
  /// The fields after `"at"` in the appended line.
  let fields: String
  let outcome: String

  var testDescription: String { arguments.joined(separator: " ") }
}

/// A `resolve` command line that must fail, and how.
struct RefusedResolution: Sendable, CustomTestStringConvertible {
  let arguments: [String]
  let status: ExitStatus
  let message: String

  var testDescription: String { arguments.joined(separator: " ") }
}

@Suite struct ResolveCommandTests {
  /// An open claim said on 2026-01-21, due 2026-12-31.
  static func openClaim() throws -> (Sandbox, String) {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "OpenAI will acquire Pinterest", "--source", "The Information", "--said", "2026-01-21",
      "--by",
      "2026")
    return (sandbox, id)
  }

  static let resolutions: [ResolutionCase] = [
    .init(arguments: ["true"], fields: #""outcome":"true","on":"2026-08-01""#, outcome: "true"),
    .init(
      arguments: ["FALSE", "--on", "2026-07-01"], fields: #""outcome":"false","on":"2026-07-01""#,
      outcome: "false"),
    .init(
      arguments: ["partial", "--evidence", "https://example.com/a", "--note", "only half"],
      fields:
        #""outcome":"partial","on":"2026-08-01","evidence":"https://example.com/a","note":"only half""#,
      outcome: "partial"),
    .init(
      arguments: ["void", "--reason", "ambiguous"],
      fields: #""outcome":"void","on":"2026-08-01","reason":"ambiguous""#, outcome: "void"),
    .init(
      arguments: ["void", "--reason", "condition-failed", "--on", "2026-01-21"],
      fields: #""outcome":"void","on":"2026-01-21","reason":"condition-failed""#, outcome: "void"),
  ]

  @Test(arguments: resolutions)
  func appendsOneResolveLine(_ c: ResolutionCase) throws {
    let (sandbox, id) = try Self.openClaim()
    let before = try sandbox.ledgerLines()
    let result = sandbox.run(["resolve", String(id.prefix(5))] + c.arguments)
    #expect(result.status == .success, result.report)
    #expect(result.stdout.hasPrefix("resolved \(id) as \(c.outcome) on "))
    let lines = try sandbox.ledgerLines()
    #expect(Array(lines.dropLast()) == before)
    #expect(
      lines.last == #"{"entry":"resolve","id":"\#(id)","at":"\#(Sandbox.stamp)",\#(c.fields)}"#)
    let claim = try #require(try sandbox.showJSON(id))
    #expect(claim["status"] as? String == "resolved")
    #expect(claim["outcome"] as? String == c.outcome)
  }

  static let refused: [RefusedResolution] = [
    .init(
      arguments: ["void"], status: .usage, message: "a void resolution needs --reason"),
    .init(
      arguments: ["true", "--reason", "ambiguous"], status: .usage,
      message: "--reason goes with void only"),
    .init(
      arguments: ["void", "--reason", "boring"], status: .usage,
      message: "--reason: 'boring' is not"
    ),
    .init(arguments: ["maybe"], status: .usage, message: "<outcome>: 'maybe' is not"),
    .init(arguments: [], status: .usage, message: "missing <outcome>"),
    .init(
      arguments: ["true", "--on", "2026-08-02"], status: .usage,
      message: "--on 2026-08-02 is after today (2026-08-01)"),
    .init(
      arguments: ["true", "--on", "2026-01-20"], status: .failure,
      message: "was said on 2026-01-21; it cannot be resolved on 2026-01-20"),
    .init(arguments: ["true", "--evidence", " "], status: .usage, message: "--evidence is empty"),
  ]

  @Test(arguments: refused)
  func refusesAndLeavesTheLedgerAlone(_ c: RefusedResolution) throws {
    let (sandbox, id) = try Self.openClaim()
    let before = try #require(sandbox.ledger())
    let result = sandbox.run(["resolve", id] + c.arguments)
    #expect(result.status == c.status, result.report)
    #expect(result.stderr.hasPrefix("claims: error: "))
    #expect(result.stderr.contains(c.message), result.report)
    #expect(sandbox.ledger() == before)
  }

  @Test func resolvingAResolvedClaimFailsAndChangesNothing() throws {
    let (sandbox, id) = try Self.openClaim()
    #expect(sandbox.run(["resolve", id, "true"]).status == .success)
    let before = try #require(sandbox.ledger())
    for outcome in ["true", "false"] {
      let result = sandbox.run(["resolve", id, outcome])
      #expect(result.status == .failure, result.report)
      #expect(
        result.stderr
          == "claims: error: claim \(id) is resolved already (true on 2026-08-01); 'claims reopen' it first\n"
      )
      #expect(sandbox.ledger() == before)
    }
  }

  @Test func resolvingAProposedClaimFails() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger([
      JournalLine.claim("abcd000001", text: "OpenAI will acquire Pinterest", status: "proposed")
    ])
    let before = try #require(sandbox.ledger())
    let result = sandbox.run(["resolve", "abcd", "true"])
    #expect(result.status == .failure, result.report)
    #expect(result.stderr.contains("is proposed, not open"))
    #expect(sandbox.ledger() == before)
  }

  /// Three clones that each resolved the claim differently: `check` names every resolution,
  /// not only the last two.
  @Test func threeConflictingResolutionsAreAllNamed() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger([
      JournalLine.claim("abcd000001", text: "OpenAI will acquire Pinterest"),
      JournalLine.resolve(
        "abcd000001", at: "2026-07-04T10:00:00.000Z", outcome: "partial", on: "2026-07-04"),
      JournalLine.resolve(
        "abcd000001", at: "2026-07-03T10:00:00.000Z", outcome: "false", on: "2026-07-03"),
      JournalLine.resolve(
        "abcd000001", at: "2026-07-02T10:00:00.000Z", outcome: "true", on: "2026-07-02"),
    ])
    let check = sandbox.run(["check"])
    #expect(check.status == .dataError, check.report)
    #expect(
      check.stdout.contains(
        "claim abcd000001 is resolved 3 times: true at line 4, false at line 3, "
          + "then partial at line 2; 'claims resolve' settles it with a new entry"),
      check.report)
  }

  /// Two clones that resolved the claim alike but on other days: a warning names both lines
  /// and what differs (the later one stands), until a reopen and a new resolution settle it;
  /// a resolution repeated byte for byte is a warning of its own.
  @Test func aResolutionRepeatedWithOtherDetailsIsWarnedOfUntilSettled() throws {
    let sandbox = try Sandbox()
    let first = JournalLine.resolve(
      "abcd000001", at: "2026-07-02T10:00:00.000Z", outcome: "true", on: "2026-07-02")
    try sandbox.writeLedger([
      JournalLine.claim("abcd000001", text: "OpenAI will acquire Pinterest"), first,
      JournalLine.resolve(
        "abcd000001", at: "2026-07-05T10:00:00.000Z", outcome: "true", on: "2026-07-05"),
    ])
    let warned = sandbox.run(["check"])
    #expect(warned.status == .success, warned.report)
    #expect(
      warned.stdout.contains(
        "ledger.jsonl:3: warning: claim abcd000001 is resolved true twice with other details "
          + "at line 2 and at line 3 (day 2026-07-02, then 2026-07-05); the later stands; "
          + "'claims reopen' and 'claims resolve' settle it"), warned.report)
    #expect(sandbox.run(["reopen", "abcd", "--note", "two days"]).status == .success)
    #expect(sandbox.run(["resolve", "abcd", "true", "--on", "2026-07-02"]).status == .success)
    let settled = sandbox.run(["check"])
    #expect(settled.status == .success, settled.report)
    #expect(!settled.stdout.contains("other details"), settled.report)

    try sandbox.writeLedger([
      JournalLine.claim("abcd000001", text: "OpenAI will acquire Pinterest"), first, first,
    ])
    let repeated = sandbox.run(["check"])
    #expect(repeated.status == .success, repeated.report)
    #expect(
      repeated.stdout.contains(
        "ledger.jsonl:3: warning: claim abcd000001 is resolved again alike"), repeated.report)
  }

  /// A `claim` line repeated byte for byte (the same import on two clones) is a warning, as
  /// the same claim recorded twice at two times is.
  @Test func aClaimLineRepeatedByteForByteIsAWarning() throws {
    let sandbox = try Sandbox()
    let claim = JournalLine.claim("abcd000001", text: "OpenAI will acquire Pinterest")
    try sandbox.writeLedger([claim, claim])
    let check = sandbox.run(["check"])
    #expect(check.status == .success, check.report)
    #expect(
      check.stdout.contains(
        "ledger.jsonl:2: warning: claim abcd000001 is recorded twice with the same content"),
      check.report)
  }

  /// Also when the clone that resolved last had its clock years ahead: the new `reopen` must
  /// still fold after that resolution, or the conflict stays while `resolve` reports success.
  @Test(arguments: ["2026-07-03T10:00:00.000Z", "2030-05-01T00:00:00.000Z"])
  func resolvingAgainSettlesConflictingResolutions(_ laterStamp: String) throws {
    let sandbox = try Sandbox()
    // Two clones resolved the claim differently, and git's union merge kept both lines.
    try sandbox.writeLedger([
      JournalLine.claim("abcd000001", text: "OpenAI will acquire Pinterest"),
      JournalLine.resolve(
        "abcd000001", at: "2026-07-02T10:00:00.000Z", outcome: "true", on: "2026-07-02"),
      JournalLine.resolve(
        "abcd000001", at: laterStamp, outcome: "false", on: "2026-07-03"),
    ])
    let conflicted = sandbox.run(["check"])
    #expect(conflicted.status == .dataError, conflicted.report)
    #expect(
      conflicted.stdout.contains(
        "ledger.jsonl:3: error: claim abcd000001 is resolved twice: true at line 2, "
          + "then false at line 3; 'claims resolve' settles it with a new entry\n"))
    #expect(sandbox.run(["show", "abcd"]).stdout.contains("conflicting resolutions"))
    let conflicting = try #require(try sandbox.showJSON("abcd000001"))
    #expect(conflicting["conflicting_resolutions"] as? Bool == true)

    let result = sandbox.run(["resolve", "abcd", "partial", "--note", "settled after the merge"])
    #expect(result.status == .success, result.report)
    #expect(result.stdout == "resolved abcd000001 as partial on 2026-08-01\n")
    let lines = try sandbox.ledgerLines()
    #expect(lines.count == 5)
    #expect(lines[3].hasPrefix(#"{"entry":"reopen","id":"abcd000001","#))

    let clean = sandbox.run(["check"])
    #expect(clean.status == .success, clean.report)
    #expect(clean.stdout.hasPrefix("\(sandbox.ledgerPath): 5 entries, "))
    #expect(clean.stdout.hasSuffix(", 0 errors, 0 warnings\n"))
    let claim = try #require(try sandbox.showJSON("abcd000001"))
    #expect(claim["outcome"] as? String == "partial")
    #expect(claim["conflicting_resolutions"] == nil)
  }

  @Test func unknownAndAmbiguousIdsFailWithStatus1() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger([
      JournalLine.claim("abcd000001", text: "OpenAI will acquire Pinterest"),
      JournalLine.claim("abcd000002", text: "Apple will ship glasses", source: "Bloomberg"),
    ])
    let before = try #require(sandbox.ledger())
    let ambiguous = sandbox.run(["resolve", "abcd", "true"])
    #expect(ambiguous.status == .failure)
    #expect(ambiguous.stderr.contains("abcd000001, abcd000002"))
    let unknown = sandbox.run(["resolve", "abce", "true"])
    #expect(unknown.status == .failure)
    #expect(unknown.stderr == "claims: error: no claim has an id starting with 'abce'\n")
    // Too short to be an id at all: a bad value, as in every command that takes one.
    let short = sandbox.run(["resolve", "abc", "true"])
    #expect(short.status == .usage)
    #expect(sandbox.ledger() == before)
    #expect(sandbox.run(["resolve", "abcd000002", "true"]).status == .success)
  }
}

@Suite struct ReopenCommandTests {
  @Test func reopensAResolvedClaim() throws {
    let (sandbox, id) = try ResolveCommandTests.openClaim()
    #expect(sandbox.run(["resolve", id, "false"]).status == .success)
    let result = sandbox.run(["reopen", String(id.prefix(6)), "--note", "resolved the wrong claim"])
    #expect(result == CLI.Result(status: .success, stdout: "reopened \(id)\n", stderr: ""))
    #expect(
      try sandbox.ledgerLines().last
        == #"{"entry":"reopen","id":"\#(id)","at":"\#(Sandbox.stamp)","note":"resolved the wrong claim"}"#
    )
    let claim = try #require(try sandbox.showJSON(id))
    #expect(claim["status"] as? String == "open")
    #expect(claim["outcome"] is NSNull)
    let show = sandbox.run(["show", id]).stdout
    #expect(show.contains("  status      open\n"))
    #expect(show.contains("resolved false on 2026-08-01"))
    #expect(show.contains("reopened — resolved the wrong claim"))
    // Open again, so it can be resolved again.
    #expect(sandbox.run(["resolve", id, "true"]).status == .success)
  }

  @Test func reopeningAnOpenClaimFailsAndChangesNothing() throws {
    let (sandbox, id) = try ResolveCommandTests.openClaim()
    let before = try #require(sandbox.ledger())
    let result = sandbox.run(["reopen", id])
    #expect(result.status == .failure, result.report)
    #expect(
      result.stderr
        == "claims: error: claim \(id) is open with no decision to undo; there is nothing to reopen\n"
    )
    #expect(sandbox.ledger() == before)
  }

  @Test func reopenTakesEffectAfterAResolutionStampedLater() throws {
    let sandbox = try Sandbox()
    // The resolution came from a clone whose clock runs ahead of this one.
    try sandbox.writeLedger([
      JournalLine.claim("abcd000001", text: "OpenAI will acquire Pinterest"),
      JournalLine.resolve(
        "abcd000001", at: "2026-08-05T09:00:00.000Z", outcome: "true", on: "2026-08-01"),
    ])
    let result = sandbox.run(["reopen", "abcd"])
    #expect(result == CLI.Result(status: .success, stdout: "reopened abcd000001\n", stderr: ""))
    let claim = try #require(try sandbox.showJSON("abcd"))
    #expect(
      claim["status"] as? String == "open", "reopen printed success but the claim is not open")
    let check = sandbox.run(["check"])
    #expect(check.status == .success, check.report)
  }
}
