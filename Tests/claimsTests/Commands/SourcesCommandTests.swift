import ClaimReports
import Foundation
import Testing

@testable import claims

@Suite struct SourcesCommandTests {
  @Test func countsEachCanonicalSource() throws {
    let fixture = try ListFixture()
    let result = fixture.sandbox.run(["sources"])
    #expect(result.status == .success, result.report)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 4)
    #expect(
      lines.first
        == "SOURCE           CLAIMS  PROPOSED  OPEN  OVERDUE  RESOLVED  TRUE  FALSE  PARTIAL  VOID  "
        + "REJECTED  SCORED  ACCURACY  BRIER  RANK"
    )
    // Most claims first, then by name; 《The Information》 counts as The Information.
    #expect(
      lines.dropFirst().map { $0.split(separator: " ").first.map(String.init) } == [
        "Bloomberg", "The", "量子位",
      ])
    #expect(!result.stdout.contains("《"))
    let words = lines.dropFirst().map { $0.split(separator: " ").suffix(14).map(String.init) }
    // Bloomberg's true claim is still before its deadline, so only the false one is scored:
    // accuracy 0 of 1, Brier (0.8 − 0)² = 0.640; one scored claim is too few to rank.
    #expect(
      words[0] == ["2", "0", "0", "0", "2", "1", "1", "0", "0", "0", "1", "0%", "0.640", "—"])
    #expect(words[1] == ["2", "0", "2", "1", "0", "0", "0", "0", "0", "0", "0", "—", "—", "—"])
    #expect(words[2] == ["1", "0", "1", "1", "0", "0", "0", "0", "0", "0", "0", "—", "—", "—"])
    // Right-aligned counts: every line is as wide as the header, Chinese names included.
    for line in lines {
      #expect(DisplayWidth.of(line) == DisplayWidth.of(lines[0]), "misaligned: \(line)")
    }
  }

  /// The track record is the scorecard's: a forecast said again by a later source is scored
  /// under the first only (`--count-echoes` scores both), and `--min-resolved` sets who ranks.
  @Test func scoresAsTheScorecardsDo() throws {
    let sandbox = try Sandbox()
    for (source, said, confidence) in [("Ana", "2026-01-01", "0.8"), ("Ben", "2026-02-01", "0.6")] {
      let id = try sandbox.add(
        "OpenAI acquires Pinterest", "--source", source, "--said", said, "--by", "2026-06-30",
        "--confidence", confidence)
      let resolved = sandbox.run(["resolve", id, "false", "--on", "2026-07-01"])
      try #require(resolved.status == .success, resolved.report)
    }
    func scored(_ arguments: [String]) throws -> [String: (Int, String)] {
      let result = sandbox.run(["sources", "--json"] + arguments)
      try #require(result.status == .success, result.report)
      let rows = try #require(
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
      return Dictionary(
        uniqueKeysWithValues: rows.map { row in
          (
            row["source"] as? String ?? "",
            (row["scored"] as? Int ?? -1, (row["rank"] as? Int).map(String.init) ?? "—")
          )
        })
    }
    // Ben echoes Ana: one claim each in the ledger, but only Ana's is scored.
    let plain = try scored([])
    #expect(plain["Ana"]?.0 == 1 && plain["Ben"]?.0 == 0)
    #expect(plain["Ana"]?.1 == "—")
    let echoes = try scored(["--count-echoes", "--min-resolved", "1"])
    #expect(echoes["Ana"]?.0 == 1 && echoes["Ben"]?.0 == 1)
    // Both 0 of 1 right, so equal shrunk accuracy; Ben's 60 % missed by less (Brier 0.36
    // against 0.64), so Ben ranks first whatever the names.
    #expect(echoes["Ben"]?.1 == "1" && echoes["Ana"]?.1 == "2")
  }

  /// One source is named without regard to case, as `list --source` takes it.
  @Test func oneSourceIsNamedWithoutRegardToCase() throws {
    let fixture = try ListFixture()
    for name in ["bloomberg", "BLOOMBERG", "Bloomberg"] {
      let result = fixture.sandbox.run(["sources", name])
      #expect(result.status == .success, result.report)
      let lines = result.stdout.split(separator: "\n")
      #expect(lines.count == 2 && lines[1].hasPrefix("Bloomberg "), result.report)
    }
  }

  @Test func jsonHasOneObjectPerSource() throws {
    let fixture = try ListFixture()
    let result = fixture.sandbox.run(["sources", "--json"])
    #expect(result.status == .success, result.report)
    #expect(
      result.stdout
        == "["
        + #"{"source":"Bloomberg","claims":2,"proposed":0,"open":0,"overdue":0,"resolved":2,"#
        + #""true":1,"false":1,"partial":0,"void":0,"rejected":0,"scored":1,"accuracy":0,"#
        + #""brier":0.64,"shrunk_accuracy":0.4,"rank":null},"#
        + #"{"source":"The Information","claims":2,"proposed":0,"open":2,"overdue":1,"resolved":0,"#
        + #""true":0,"false":0,"partial":0,"void":0,"rejected":0,"scored":0,"accuracy":null,"#
        + #""brier":null,"shrunk_accuracy":null,"rank":null},"#
        + #"{"source":"量子位","claims":1,"proposed":0,"open":1,"overdue":1,"resolved":0,"#
        + #""true":0,"false":0,"partial":0,"void":0,"rejected":0,"scored":0,"accuracy":null,"#
        + #""brier":null,"shrunk_accuracy":null,"rank":null}"#
        + "]\n")
    let array = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
    #expect(array?.count == 3)
  }

  @Test func emptyLedgerHasNoSources() throws {
    let sandbox = try Sandbox()
    let json = sandbox.run(["sources", "--json"])
    #expect(json.status == .success, json.report)
    #expect(
      (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.isEmpty == true)
    let table = sandbox.run(["sources"])
    #expect(table.status == .success)
    #expect(table.stdout.isEmpty)
  }

  /// A source that no claim names is said to be missing, not the whole ledger.
  @Test func anUnknownSourceIsNamedAsMissing() throws {
    let fixture = try ListFixture()
    let result = fixture.sandbox.run(["sources", "Reuters"])
    #expect(result.status == .success, result.report)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("no claim has the source 'Reuters'"))
    #expect(!result.stderr.contains("the ledger is empty"))
    let known = fixture.sandbox.run(["sources", "Bloomberg"])
    #expect(known.stdout.contains("Bloomberg"), known.report)
  }

  @Test func malformedSourcesFileIsBadData() throws {
    let fixture = try ListFixture()
    try fixture.sandbox.write(
      "{\"The Information\": \"theinformation.com\"}", to: "Claims/sources.json")
    let result = fixture.sandbox.run(["sources"])
    #expect(result.status == .dataError, result.report)
    #expect(
      result.stderr.hasPrefix("claims: error: \(fixture.sandbox.path("Claims/sources.json")):1: "))
  }

  /// A ledger of one overdue claim resolved true on one clone and false on another.
  static func conflictingResolutions() throws -> Sandbox {
    let sandbox = try Sandbox()
    try sandbox.writeLedger([
      #"{"entry":"claim","id":"e8db77aa16","at":"2026-01-01T00:00:00.000Z","text":"Rates fall","source":"A","said":"2025-01-02","deadline":"2025-06-30","confidence":0.7,"tags":[],"status":"open"}"#,
      #"{"entry":"resolve","id":"e8db77aa16","at":"2026-02-01T00:00:00.000Z","outcome":"true","on":"2025-07-01"}"#,
      #"{"entry":"resolve","id":"e8db77aa16","at":"2026-02-02T00:00:00.000Z","outcome":"false","on":"2025-07-01"}"#,
    ])
    return sandbox
  }

  /// A claim whose resolutions conflict counts as open, and as overdue when its deadline has
  /// passed, as any open claim does.
  @Test func aClaimWhoseResolutionsConflictIsOpenAndOverdue() throws {
    let sandbox = try Self.conflictingResolutions()
    let result = sandbox.run(["sources", "--json"])
    #expect(result.status == .success, result.report)
    let row = try #require(
      (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])?.first)
    #expect(row["open"] as? Int == 1, "\(row)")
    #expect(row["overdue"] as? Int == 1, "\(row)")
    #expect(row["resolved"] as? Int == 0, "\(row)")
  }

  /// `list`'s filters count a claim whose resolutions conflict as `sources` and `due` do: open,
  /// with no outcome chosen, so adding `--overdue` to `--status open` never finds more.
  @Test func listFiltersChooseNoOutcomeForAConflict() throws {
    let sandbox = try Self.conflictingResolutions()
    func ids(_ filters: [String]) throws -> [String] {
      let result = sandbox.run(["list", "--json"] + filters)
      try #require(result.status == .success, result.report)
      let array =
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
      return array?.compactMap { $0["id"] as? String } ?? []
    }
    #expect(try ids(["--status", "open"]) == ["e8db77aa16"])
    #expect(try ids(["--status", "open", "--overdue"]) == ["e8db77aa16"])
    #expect(try ids(["--status", "resolved"]).isEmpty)
    #expect(try ids(["--outcome", "false"]).isEmpty)
    #expect(try ids(["--outcome", "true"]).isEmpty)
    // An export goes by the later resolution, which it writes and names in a note.
    let exported = sandbox.run(["export", "--format", "jsonl", "--status", "resolved"])
    #expect(exported.stdout.contains("e8db77aa16"), exported.report)
  }

  /// A comma before a closing bracket is no JSON, though Foundation's parser takes it: named by
  /// its line, for `check` as for every command. Commas inside names are no such thing, and a
  /// byte order mark, which JSON lets a reader ignore, is ignored.
  @Test func aTrailingCommaInTheSourcesFileIsNamedByItsLine() throws {
    let fixture = try ListFixture()
    let path = fixture.sandbox.path("Claims/sources.json")
    try fixture.sandbox.write(
      "{\n  \"The Information\": [\"theinformation.com\",],\n  \"A, B\": [\"x]\"]\n}\n",
      to: "Claims/sources.json")
    for command in [["sources"], ["check"]] {
      let result = fixture.sandbox.run(command)
      #expect(result.status == .dataError, result.report)
      let said = result.stderr + result.stdout
      #expect(said.contains("\(path):2: "), result.report)
      #expect(said.contains("a comma before a closing bracket"), result.report)
    }
    try fixture.sandbox.write(
      "\u{FEFF}{\"The Information\": [\"theinformation.com\"], \"A, B\": [\"x,]\"]}\n",
      to: "Claims/sources.json")
    let taken = fixture.sandbox.run(["sources"])
    #expect(taken.status == .success, taken.report)
  }

  /// A source no claim has is named with `--hedges` too; and how a conflict is scored is said
  /// only when the ledger holds one, not for any entry that did not fold.
  @Test func anUnknownSourceAndAnUnrelatedProblemAreNamedAsTheyAre() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger([
      JournalLine.claim("abcd000001", text: "Apple ships glasses"),
      JournalLine.resolve("abcd00000f", at: JournalLine.earlier, outcome: "true", on: "2026-07-01"),
    ])
    let hedges = sandbox.run(["sources", "ghost", "--hedges", "--min-resolved", "0"])
    #expect(hedges.status == .success, hedges.report)
    #expect(hedges.stderr.contains("no claim has the source 'ghost'"), hedges.report)
    #expect(!hedges.stderr.contains("--min-resolved lowers"), hedges.report)
    let sources = sandbox.run(["sources"])
    #expect(sources.stderr.contains("did not fold cleanly"), sources.report)
    #expect(!sources.stderr.contains("resolutions conflict"), sources.report)
  }
}
