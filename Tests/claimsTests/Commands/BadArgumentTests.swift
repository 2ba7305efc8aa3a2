import Foundation
import Testing

@testable import claims

/// A value that is bad whatever the ledger holds is a usage error (exit 2), as in `add`; what
/// the ledger does not allow is exit 1. Neither writes anything.
@Suite struct BadArgumentTests {
  static func sandbox() throws -> (Sandbox, String) {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "Apple ships glasses", "--source", "Kuo", "--said", "2026-01-02", "--by", "2026-12-31",
      "--confidence", "0.6")
    return (sandbox, id)
  }

  @Test(arguments: [
    ["show", "zzzz"], ["show", "c39362dc67ff"], ["resolve", "abc", "true"],
    ["reopen", "xyz!"], ["amend", "12", "--confidence", "0.5", "--note", "n"],
    ["accept", "aaaa", "nothex"], ["reject", "g000"],
  ])
  func aMalformedIDIsABadValue(arguments: [String]) throws {
    let (sandbox, _) = try Self.sandbox()
    let before = sandbox.ledger()
    let result = sandbox.run(arguments)
    #expect(result.status == .usage, result.report)
    #expect(result.stderr.contains("is not a claim id: ids are 10 hex digits"), result.report)
    #expect(sandbox.ledger() == before)
  }

  /// Filters no claim can meet together are refused rather than answered with an empty list;
  /// "overdue", a state of open claims, points to --overdue.
  @Test(arguments: [
    (["--overdue", "--status", "resolved"], "--overdue lists open claims; it does not go with"),
    (["--outcome", "true", "--status", "open"], "--outcome lists resolved claims; it does not"),
    (["--overdue", "--outcome", "false"], "--overdue lists open claims and --outcome resolved"),
    (["--status", "Overdue"], "'overdue' is no status of its own; --overdue lists the open"),
  ])
  func filtersThatCannotMeetAreRefused(_ arguments: [String], _ message: String) throws {
    let (sandbox, _) = try Self.sandbox()
    let result = sandbox.run(["list"] + arguments)
    #expect(result.status == .usage, result.report)
    #expect(result.stderr.contains(message), result.report)
    #expect(sandbox.run(["list", "--overdue", "--status", "open"]).status == .success)
    #expect(sandbox.run(["list", "--outcome", "true", "--status", "resolved"]).status == .success)
  }

  @Test func aSaidDateAfterTodayIsABadValueForAmendAndAccept() throws {
    let (sandbox, id) = try Self.sandbox()
    try sandbox.writeLedger(
      try sandbox.ledgerLines() + [JournalLine.claim("aaaa000001", text: "P", status: "proposed")])
    let before = sandbox.ledger()
    for arguments in [
      ["amend", id, "--said", "2026-08-02", "--note", "typo"],
      ["accept", "aaaa", "--said", "2027-01-01"],
    ] {
      let result = sandbox.run(arguments)
      #expect(result.status == .usage, result.report)
      #expect(result.stderr.contains("--said 20"), result.report)
      #expect(result.stderr.contains("is after today (2026-08-01)"), result.report)
      #expect(sandbox.ledger() == before)
    }
  }

  /// An amend that would leave every field as it is writes nothing, as an amend of no field is
  /// refused; one that changes a field still goes through.
  @Test func anAmendThatChangesNothingIsRefused() throws {
    let (sandbox, id) = try Self.sandbox()
    let before = sandbox.ledger()
    let same = sandbox.run([
      "amend", id, "--by", "2026-12-31", "--confidence", "60%", "--note", "x",
    ])
    #expect(same.status == .failure, same.report)
    #expect(same.stderr.contains("has these values already; there is nothing to amend"))
    #expect(sandbox.ledger() == before)
    let changed = sandbox.run(["amend", id, "--by", "2026-11-30", "--note", "x"])
    #expect(changed.status == .success, changed.report)
    #expect(try sandbox.showJSON(id)?["deadline"] as? String == "2026-11-30")
    // The same tags in another order change nothing either; a new tag does.
    let tagged = sandbox.run(["amend", id, "--tag", "a", "--tag", "b", "--note", "x"])
    #expect(tagged.status == .success, tagged.report)
    let tagsBefore = sandbox.ledger()
    let reordered = sandbox.run(["amend", id, "--tag", "b", "--tag", "a", "--note", "x"])
    #expect(reordered.status == .failure, reordered.report)
    #expect(reordered.stderr.contains("there is nothing to amend"), reordered.report)
    #expect(sandbox.ledger() == tagsBefore)
  }

  @Test func dueCountTakesNoBySubject() throws {
    let (sandbox, _) = try Self.sandbox()
    let result = sandbox.run(["due", "--count", "--by-subject"])
    #expect(result.status == .usage, result.report)
    #expect(result.stderr.contains("--by-subject and --count do not go together"))
  }

  /// `due --json` names each claim's subject with `--by-subject` (null without it), and its
  /// impact in six places at most.
  @Test func dueJSONNamesSubjectsWithBySubject() throws {
    let (sandbox, _) = try Self.sandbox()
    try sandbox.add(
      "Prices rise", "--source", "Blog", "--said", "2026-01-02", "--by", "2026-03-31",
      "--confidence", "0.7")
    try sandbox.add(
      "Apple ships a ring", "--source", "Kuo", "--said", "2026-01-02", "--by", "2026-02-28",
      "--confidence", "0.7")
    let plain = sandbox.run(["due", "--json", "--within", "365"])
    let plainObjects = try #require(
      JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [[String: Any]])
    #expect(plainObjects.allSatisfy { $0["subject"] is NSNull })
    let result = sandbox.run(["due", "--json", "--within", "365", "--by-subject"])
    #expect(result.status == .success, result.report)
    let objects = try #require(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(objects.map { $0["subject"] as? String } == ["Apple", nil, "Apple"])
    // 0.7 with no scores: max(0.49, 0.09) / 1, written 0.49 rather than 0.48999999999999994.
    #expect(result.stdout.contains("\"impact\":0.49,"))
  }

  /// An empty option value is a slip (an unset variable in a script), refused by name rather
  /// than taken as a filter that matches nothing or a field that says nothing.
  @Test(arguments: [["list", "--source", ""], ["list", "--tag", " "], ["due", "--within", ""]])
  func anEmptyOptionValueIsRefused(arguments: [String]) throws {
    let (sandbox, _) = try Self.sandbox()
    let result = sandbox.run(arguments)
    #expect(result.status == .usage, result.report)
    #expect(result.stderr.hasPrefix("claims: error: \(arguments[1]) is empty\n"), result.report)
  }

  /// `--help` shows the help even beside a `--json` the command does not take.
  @Test func helpWinsOverARefusedJSON() throws {
    let (sandbox, _) = try Self.sandbox()
    let result = sandbox.run(["export", "--json", "--help"])
    #expect(result.status == .success, result.report)
    #expect(result.stdout.hasPrefix("Write the claims as CSV"))
  }

  /// `export --out` writes into a folder that exists, as a shell's `>` does; `report --out`
  /// makes its folder, but says which part of the path is in the way when it cannot.
  @Test func outputFoldersAreNamedWhenTheyCannotBeUsed() throws {
    let (sandbox, _) = try Self.sandbox()
    try sandbox.write("not a folder", to: "file")
    let missing = sandbox.run(["export", "--format", "csv", "--out", "typo/dir/x.csv"])
    #expect(missing.status == .cannotCreate, missing.report)
    #expect(missing.stderr.contains("there is no folder \(sandbox.path("typo/dir"))"))
    #expect(!FileManager.default.fileExists(atPath: sandbox.path("typo")))
    let inFile = sandbox.run(["report", "--out", "file/cards"])
    #expect(inFile.status == .cannotCreate, inFile.report)
    #expect(inFile.stderr.contains("\(sandbox.path("file")) is a file, not a folder"))
    #expect(!inFile.stderr.contains("NSCocoaErrorDomain"))
    let made = sandbox.run(["report", "--out", "new/cards", "--format", "json"])
    #expect(made.status == .success, made.report)
    #expect(sandbox.contents(of: "new/cards/scorecard-all.json") != nil)
  }
}
