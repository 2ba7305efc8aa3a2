import Foundation
import Testing

@testable import claims

/// Five claims covering every filter; today is 2026-08-01.
///
/// | name      | source              | said       | deadline   | tags     | state          |
/// |-----------|---------------------|------------|------------|----------|----------------|
/// | pinterest | The Information     | 2026-01-21 | 2026-12-31 | ai       | open           |
/// | tesla     | 《The Information》 | 2026-02-01 | 2026-06-30 | ai       | open, overdue  |
/// | glasses   | Bloomberg           | 2026-03-01 | 2026-09-30 | hardware | resolved true  |
/// | nvidia    | Bloomberg           | 2026-04-01 | 2026-07-15 |          | resolved false |
/// | hardware  | 量子位              | 2026-05-10 | 2026-07-31 | hardware | open, overdue  |
struct ListFixture {
  let sandbox: Sandbox
  /// Short name → id.
  let ids: [String: String]

  init() throws {
    sandbox = try Sandbox()
    try sandbox.write(
      #"{"The Information": ["《The Information》", "theinformation.com"]}"#,
      to: "Claims/sources.json")
    var ids: [String: String] = [:]
    ids["pinterest"] = try sandbox.add(
      "OpenAI will acquire Pinterest", "--source", "The Information", "--said", "2026-01-21",
      "--by", "2026", "--tag", "ai", "--quote", "OpenAI将上演其发展史上最大规模的收购案")
    ids["tesla"] = try sandbox.add(
      "特斯拉收购xAI的可能性极大", "--source", "《The Information》", "--said", "2026-02-01", "--by",
      "2026-06", "--tag", "AI")
    ids["glasses"] = try sandbox.add(
      "Apple ships glasses", "--source", "Bloomberg", "--said", "2026-03-01", "--by", "2026-Q3",
      "--confidence", "0.6", "--tag", "hardware")
    ids["nvidia"] = try sandbox.add(
      "Nvidia is worth $5T", "--source", "Bloomberg", "--said", "2026-04-01", "--by", "2026-07-15",
      "--confidence", "0.8", "--via", "Yahoo Finance")
    ids["hardware"] = try sandbox.add(
      "首款硬件设备预计在2026年下半年推出", "--source", "量子位", "--said", "2026-05-10", "--by",
      "2026-07-31", "--tag", "hardware")
    self.ids = ids
    for (name, outcome) in [("glasses", "true"), ("nvidia", "false")] {
      let result = sandbox.run(["resolve", ids[name] ?? "", outcome])
      try #require(result.status == .success, result.report)
    }
  }

  /// The short names of the claims `list --json` prints, in order.
  func listed(_ arguments: [String]) throws -> [String] {
    let result = sandbox.run(["list", "--json"] + arguments)
    try #require(result.status == .success, result.report)
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    let names = Dictionary(uniqueKeysWithValues: ids.map { ($1, $0) })
    return array.map { names[$0["id"] as? String ?? ""] ?? "?" }
  }
}
