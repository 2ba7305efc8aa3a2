import Foundation
import Testing

@testable import claims

/// `--json` on the commands that write: each prints the claims it wrote as the next reading of
/// the ledger shows them, and the commands with no JSON output refuse the flag.
@Suite struct WriteCommandJSONTests {
  /// Two proposed claims written as `extract` would, for `accept` and `reject`.
  static let proposals = [
    JournalLine.claim("aaaa000001", text: "Apple ships glasses", status: "proposed"),
    JournalLine.claim("bbbb000002", text: "Nvidia buys Arm", status: "proposed"),
  ]

  /// What `show ID --json` prints now, to compare with what a write printed.
  private func shown(_ id: String, in sandbox: Sandbox) throws -> String {
    let result = sandbox.run(["show", id, "--json"])
    try #require(result.status == .success, result.report)
    return result.stdout
  }

  @Test func eachWritePrintsTheClaimAsTheLedgerNowHoldsIt() throws {
    let sandbox = try Sandbox()
    let added = sandbox.run([
      "add", "Tesla buys xAI", "--source", "The Information", "--said", "2026-01-21", "--by",
      "2026-06-30", "--hedge", "可能性极大", "--tag", "ai", "--json",
    ])
    #expect(added.status == .success, added.report)
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])
    let id = try #require(object["id"] as? String)
    #expect(object["status"] as? String == "open")
    #expect(added.stdout == (try shown(id, in: sandbox)))
    let steps: [[String]] = [
      ["amend", id, "--confidence", "0.6", "--note", "re-read"],
      ["resolve", id, "false", "--on", "2026-07-01", "--evidence", "https://example.com/a"],
      ["reopen", id, "--note", "wrong claim"],
      ["resolve", id, "void", "--reason", "ambiguous"],
    ]
    for step in steps {
      let result = sandbox.run(step + ["--json"])
      #expect(result.status == .success, result.report)
      #expect(result.stdout == (try shown(id, in: sandbox)), "after \(step[0])")
    }
    let last = try #require(try sandbox.showJSON(id))
    #expect(last["status"] as? String == "resolved")
    #expect(last["outcome"] as? String == "void")
    #expect((last["history"] as? [Any])?.count == 5)
  }

  @Test func acceptAndRejectPrintAnArrayOfTheClaimsTheyDecided() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger(Self.proposals)
    let accepted = sandbox.run(["accept", "aaaa", "--confidence", "0.9", "--json"])
    #expect(accepted.status == .success, accepted.report)
    #expect(accepted.stdout == "[\n" + (try shown("aaaa000001", in: sandbox)) + "]\n")
    let rejected = sandbox.run(["reject", "bbbb", "--reason", "not a forecast", "--json"])
    #expect(rejected.status == .success, rejected.report)
    let array = try #require(
      JSONSerialization.jsonObject(with: Data(rejected.stdout.utf8)) as? [[String: Any]])
    #expect(array.map { $0["status"] as? String } == ["rejected"])
    #expect(array.first?["reason"] as? String == "not a forecast")
    // A source whose claims are all decided: nothing left, an empty array.
    let none = sandbox.run(["reject", "--all", "--source", "The Information", "--json"])
    #expect(none.status == .success, none.report)
    #expect(none.stdout == "[]\n")
  }

  /// A repeated `add` writes nothing; with `--json` it shows the claim already there, as it
  /// stands (resolved here), not the one it was asked to add.
  @Test func aRepeatedAddShowsTheClaimAlreadyThere() throws {
    let sandbox = try Sandbox()
    let arguments = [
      "add", "Apple ships a foldable iPhone", "--source", "Ming-Chi Kuo", "--said", "2025-03-02",
      "--confidence", "70%",
    ]
    let id = try #require(
      sandbox.run(arguments).stdout.split(separator: "\n").first.map(String.init))
    #expect(
      sandbox.run(["resolve", id, "true", "--evidence", "https://example.com/b"]).status == .success
    )
    let before = try #require(sandbox.ledger())
    let again = sandbox.run(arguments + ["--json"])
    #expect(again.status == .success, again.report)
    #expect(again.stderr.contains("is in the ledger already"))
    #expect(again.stderr.contains("claims amend \(id)"))
    #expect(again.stdout == (try shown(id, in: sandbox)))
    #expect(sandbox.ledger() == before)
  }

  @Test func initSaysWhatItCreatedAndWhatItKept() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("claims-init-json-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    func initialize() throws -> [String: Any] {
      let result = CLI.run(
        ["init", "--json"], environment: ["CLAIMS_TODAY": Sandbox.today],
        workingDirectory: directory.path, terminal: .plain())
      try #require(result.status == .success, result.report)
      return try #require(
        JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }
    func actions(_ object: [String: Any]) -> [String: String] {
      let files = object["files"] as? [[String: String]] ?? []
      return Dictionary(
        uniqueKeysWithValues: files.compactMap { file in
          file["path"].flatMap { path in
            file["action"].map { ((path as NSString).lastPathComponent, $0) }
          }
        })
    }
    let first = try initialize()
    #expect((first["ledger"] as? String)?.hasSuffix("Claims/ledger.jsonl") == true)
    #expect(
      actions(first)
        == ["ledger.jsonl": "created", "sources.json": "created", ".gitattributes": "appended"])
    let second = try initialize()
    #expect(
      actions(second) == ["ledger.jsonl": "kept", "sources.json": "kept", ".gitattributes": "kept"])
  }

  @Test func importAndReportSummariseInJSON() throws {
    let sandbox = try Sandbox()
    try sandbox.add(
      "OpenAI acquires Pinterest", "--source", "The Information", "--said", "2026-01-21",
      "--by", "2026", "--hedge", "将")
    #expect(sandbox.run(["export", "--format", "csv", "--out", "claims.csv"]).status == .success)
    let imported = sandbox.run(["import", "claims.csv", "--json"])
    #expect(imported.status == .success, imported.report)
    let counts = try #require(
      JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any])
    #expect(counts["format"] as? String == "csv")
    #expect(counts["dry_run"] as? Bool == false)
    #expect(counts["imported"] as? Int == 0)
    #expect(counts["already_present"] as? Int == 1)
    #expect(counts["bad_rows"] as? Int == 0)
    let report = sandbox.run(["report", "--format", "json", "--out", "cards", "--json"])
    #expect(report.status == .success, report.report)
    let written = try #require(
      JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
    let paths = try #require(written["written"] as? [String])
    #expect(
      paths == ["scorecard-2026.json", "scorecard-all.json"].map { sandbox.path("cards/" + $0) })
    for path in paths {
      #expect(FileManager.default.fileExists(atPath: path), "\(path) was not written")
    }
    #expect((written["ledger_sha256"] as? String)?.count == 64)
  }

  /// Every command either prints JSON with `--json` or refuses the flag with a usage error; none
  /// takes it and prints text.
  @Test func commandsWithNoJSONRefuseTheFlag() throws {
    let sandbox = try Sandbox()
    let refusing = CLI.commands.map { $0.spec }.filter { !$0.printsJSON }.map(\.name)
    #expect(Set(refusing) == ["export", "completions", "help"])
    for arguments in [["export", "--format", "csv"], ["completions", "bash"], ["help"]] {
      let before = sandbox.ledger()
      let result = sandbox.run(arguments + ["--json"])
      #expect(result.status == .usage, result.report)
      #expect(result.stderr.contains("--json does not apply to 'claims \(arguments[0])'"))
      #expect(result.stdout.isEmpty)
      #expect(sandbox.ledger() == before)
      let help = sandbox.run(["help", arguments[0]])
      #expect(!help.stdout.contains("--json"), "help \(arguments[0]) lists --json")
    }
    #expect(sandbox.run(["help", "add"]).stdout.contains("--json"))
  }
}
