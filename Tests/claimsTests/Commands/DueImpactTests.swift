import Foundation
import Testing

@testable import claims

@Suite struct DueImpactTests {
  /// Overdue on 2026-08-01: three claims about OpenAI from three sources (one in Chinese through
  /// the lexicon's 苹果 → Apple is about Apple), and one with no known name.
  ///
  /// Bloomberg has two scored claims (0.8 true, 0.8 true: Brier 0.04); the others none.
  static func sandbox() throws -> (Sandbox, [String: String]) {
    let sandbox = try Sandbox()
    var ids: [String: String] = [:]
    for (name, text, source, deadline, confidence) in [
      ("info", "OpenAI acquires Pinterest", "The Information", "2026-03-31", "0.7"),
      ("bloomberg", "OpenAI buys Pinterest", "Bloomberg", "2026-02-28", "0.9"),
      ("qbit", "OpenAI 收购 Pinterest", "量子位", "2026-06-30", "0.6"),
      ("apple", "苹果发布眼镜", "36氪", "2026-05-31", "0.8"),
      ("vague", "Prices will rise", "Blog", "2026-01-31", "0.55"),
    ] {
      ids[name] = try sandbox.add(
        text, "--source", source, "--said", "2026-01-01", "--by", deadline, "--confidence",
        confidence)
    }
    for index in 1...2 {
      let id = try sandbox.add(
        "Scored \(index)", "--source", "Bloomberg", "--said", "2025-01-01", "--by", "2025",
        "--confidence", "0.8")
      try #require(sandbox.run(["resolve", id, "true", "--evidence", "x"]).status == .success)
    }
    return (sandbox, ids)
  }

  func rows(_ sandbox: Sandbox, _ ids: [String: String], _ arguments: [String]) -> [String] {
    let names = Dictionary(uniqueKeysWithValues: ids.map { ($1, $0) })
    let lines = sandbox.run(["due"] + arguments).stdout.split(separator: "\n").dropFirst()
    return lines.map { line in
      names.first { line.contains($0.key) }?.value ?? String(line)
    }
  }

  @Test func overdueClaimsComeInOrderOfImpact() throws {
    let (sandbox, ids) = try DueImpactTests.sandbox()
    // apple 0.8 → 0.64; info 0.7 → 0.49; qbit 0.6 → 0.36; vague 0.55 → 0.3025 (no scores:
    // max(p², (1 − p)²)). bloomberg 0.9 with two scores, Brier 0.04: max(|0.01 − 0.04|,
    // |0.81 − 0.04|) / 3 = 0.2567, last though oldest but one.
    #expect(rows(sandbox, ids, []) == ["apple", "info", "qbit", "vague", "bloomberg"])
    let table = sandbox.run(["due"]).stdout
    #expect(table.contains("IMPACT"))
    #expect(table.contains("0.640") && table.contains("0.257"))
  }

  @Test func bySubjectGathersTheClaimsAboutOneName() throws {
    let (sandbox, ids) = try DueImpactTests.sandbox()
    // OpenAI: 0.49 + 0.36 + 0.2567 = 1.1067, then Apple 0.64, then the unnamed 0.3025.
    #expect(
      rows(sandbox, ids, ["--by-subject"]) == ["info", "qbit", "bloomberg", "apple", "vague"])
    let lines = sandbox.run(["due", "--by-subject"]).stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("SUBJECT  ID") == true)
    #expect(
      lines[1].hasPrefix("OpenAI ") && lines[4].hasPrefix("Apple ") && lines[5].hasPrefix("—"))
  }

  /// Claims due soon are gathered by subject as well, after the overdue ones: each group comes
  /// where its soonest claim falls, its claims by deadline, and each row and JSON object names
  /// its subject.
  @Test func bySubjectGathersTheClaimsDueSoonToo() throws {
    let (sandbox, ids) = try DueImpactTests.sandbox()
    var soon = ids
    for (name, text, deadline) in [
      ("soonA", "OpenAI ships a phone", "2026-08-10"),
      ("soonB", "Apple ships glasses", "2026-08-20"),
      ("soonC", "OpenAI opens a store", "2026-09-15"),
      ("soonD", "Rates fall", "2026-08-15"),
    ] {
      soon[name] = try sandbox.add(
        text, "--source", "Blog", "--said", "2026-07-01", "--by", deadline, "--confidence", "0.7")
    }
    let overdue = ["info", "qbit", "bloomberg", "apple", "vague"]
    #expect(
      rows(sandbox, soon, ["--within", "60"])
        == ["apple", "info", "qbit", "vague", "bloomberg", "soonA", "soonD", "soonB", "soonC"])
    #expect(
      rows(sandbox, soon, ["--within", "60", "--by-subject"])
        == overdue + ["soonA", "soonC", "soonD", "soonB"])
    let result = sandbox.run(["due", "--within", "60", "--by-subject", "--json"])
    let objects = try #require(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    let subjects = objects.suffix(4).map { $0["subject"] as? String }
    #expect(subjects == ["OpenAI", "OpenAI", nil, "Apple"])
  }

  @Test func oneVerdictSettlesAWholeGroup() throws {
    let (sandbox, ids) = try DueImpactTests.sandbox()
    let before = try sandbox.ledgerLines()
    let script =
      "x" + "a" + "q"  // an unknown key, then a verdict key that is not one
      + "a" + "t" + "https://example.com/deal\n"  // one verdict and evidence for all three
      + "s" + "f" + "a quote\n"  // Apple is a group of one: the usual keys
    let conversation = ScriptedConversation(script)
    let result = sandbox.run(
      ["due", "--resolve", "--by-subject"], terminal: conversation.terminal())
    #expect(result.status == .success, result.report)
    #expect(result.stdout == "resolved 4, moved 0, skipped 1; 1 still overdue\n")
    #expect(conversation.output.contains("3 claims about OpenAI"))
    #expect(conversation.output.contains("'q' is not a verdict; nothing was recorded"))
    #expect(conversation.output.contains("resolved 3 claims as true"))
    // Listed once, however often the offer is asked again.
    #expect(conversation.output.components(separatedBy: "3 claims about OpenAI").count == 2)
    #expect(try sandbox.ledgerLines().count == before.count + 4)
    for name in ["info", "qbit", "bloomberg"] {
      let claim = try #require(try sandbox.showJSON(ids[name] ?? ""))
      #expect(claim["outcome"] as? String == "true")
      #expect(claim["evidence"] as? String == "https://example.com/deal")
    }
    #expect(try sandbox.showJSON(ids["apple"] ?? "")?["status"] as? String == "open")
    #expect(try sandbox.showJSON(ids["vague"] ?? "")?["outcome"] as? String == "false")
    #expect(sandbox.run(["check"]).status == .success)
  }

  @Test func aGroupCanBeWalkedOneByOneOrSkipped() throws {
    let (sandbox, ids) = try DueImpactTests.sandbox()
    let conversation = ScriptedConversation("w" + "t" + "x\n" + "q")
    let result = sandbox.run(
      ["due", "--resolve", "--by-subject"], terminal: conversation.terminal())
    #expect(result.stdout == "resolved 1, moved 0, skipped 0; 4 still overdue\n")
    #expect(try sandbox.showJSON(ids["info"] ?? "")?["outcome"] as? String == "true")
    #expect(try sandbox.showJSON(ids["qbit"] ?? "")?["status"] as? String == "open")
    // With info settled OpenAI weighs 0.36 + 0.2567 = 0.6167, below Apple's 0.64: Apple is
    // skipped alone, then the two OpenAI claims together.
    let skipping = ScriptedConversation("s" + "s" + "q")
    let skipped = sandbox.run(["due", "--resolve", "--by-subject"], terminal: skipping.terminal())
    #expect(skipped.stdout == "resolved 0, moved 0, skipped 3; 4 still overdue\n")
    #expect(skipping.output.contains("2 claims about OpenAI"))
  }
}
