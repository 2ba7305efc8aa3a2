import Foundation
import Testing

@testable import claims

@Suite struct SourcesHedgesTests {
  /// 36氪 says 大概率 (0.75) five times: 2 true, 1 partial, 2 false, all past their deadline on
  /// 2026-08-01; 机器之心 says 大概率 once, true.
  static func sandbox() throws -> Sandbox {
    let sandbox = try Sandbox()
    let outcomes = ["true", "true", "partial", "false", "false"]
    for (index, outcome) in outcomes.enumerated() {
      let id = try sandbox.add(
        "Claim \(index) comes true", "--source", "36氪", "--said", "2025-01-0\(index + 1)", "--by",
        "2025", "--hedge", "大概率")
      let result = sandbox.run([
        "resolve", id, outcome, "--evidence", "https://example.com/\(index)",
      ])
      try #require(result.status == .success, result.report)
    }
    let other = try sandbox.add(
      "Another claim", "--source", "机器之心", "--said", "2025-02-01", "--by", "2025", "--hedge",
      "大概率")
    try #require(sandbox.run(["resolve", other, "true", "--evidence", "x"]).status == .success)
    return sandbox
  }

  @Test func listsWhatASourcesWordsMeant() throws {
    let sandbox = try SourcesHedgesTests.sandbox()
    let result = sandbox.run(["sources", "36氪", "--hedges"])
    #expect(result.status == .success, result.report)
    // (1 + 1 + 0.5) / 5 = 50 %; Wilson at 2.5 of 5: centre 0.5 + 0.38416 = 0.88416, spread
    // 1.96 · √(0.05 + 0.038416) = 0.58282, over 1.76832 → 17 %…83 %; the table's 75 % is inside.
    #expect(
      result.stdout.split(separator: "\n").map(String.init) == [
        "WORD    SCORED  HAPPENED  95% INTERVAL  TABLE    RANGE",
        "大概率       5       50%       17%–83%    75%  65%–85%",
      ])
  }

  @Test func overAllSourcesTheWordPoolsAndTheMinimumApplies() throws {
    let sandbox = try SourcesHedgesTests.sandbox()
    let json = sandbox.run(["sources", "--hedges", "--json", "--min-resolved", "6"])
    #expect(json.status == .success, json.report)
    // Six claims of 大概率 over both sources: 3.5 of 6 = 0.5833; Wilson centre 0.5833 +
    // 3.8416/12 = 0.9035, spread 1.96 · √(0.0405 + 0.0267) = 0.5080, over 1.6403 → 0.2411…0.8605.
    #expect(
      json.stdout
        == #"[{"source":null,"word":"大概率","scored":6,"happened":0.5833,"happened_low":0.2411,"#
        + #""happened_high":0.8605,"assumed":0.75,"range_low":0.65,"range_high":0.85,"#
        + #""off_table":false}]"# + "\n")
    let few = sandbox.run(["sources", "机器之心", "--hedges"])
    #expect(few.status == .success && few.stdout.isEmpty)
    #expect(few.stderr.contains("no hedge word was read in 5 scored claims yet"))
  }

  @Test func aTableValueOutsideTheIntervalIsMarked() throws {
    let sandbox = try Sandbox()
    for index in 1...3 {
      let id = try sandbox.add(
        "Claim \(index)", "--source", "Pundit", "--said", "2025-01-0\(index)", "--by", "2025",
        "--hedge", "will")
      try #require(sandbox.run(["resolve", id, "false", "--evidence", "x"]).status == .success)
    }
    // 0 of 3: Wilson high (3.8416/6 + 1.96 · √(3.8416/36)) / 2.2805 = 0.5615, below 0.85.
    let result = sandbox.run(["sources", "Pundit", "--hedges", "--min-resolved", "3"])
    #expect(
      result.stdout.split(separator: "\n").last
        == "will *       3        0%        0%–56%    85%  75%–95%")
  }

  @Test func aSourceNameFiltersTheCounts() throws {
    let sandbox = try SourcesHedgesTests.sandbox()
    let result = sandbox.run(["sources", "机器之心"])
    #expect(result.status == .success, result.report)
    #expect(result.stdout.split(separator: "\n").count == 2)
    #expect(result.stdout.contains("机器之心") && !result.stdout.contains("36氪"))
  }
}
