import ClaimLedger
import Foundation
import Testing

@testable import claims

@Suite struct ReportCommandTests {
  static let formats = ["md", "html", "csv", "json"]

  @Test func writesThisYearsAndTheAllYearsScorecardsBesideClaims() throws {
    let fixture = try ListFixture()
    let result = fixture.sandbox.run(["report"])
    #expect(result.status == .success, result.report)
    let expected = ["2026", "all"].flatMap { year in
      Self.formats.map { "scorecard-\(year).\($0)" }
    }
    let printed = result.stdout.split(separator: "\n").map {
      ($0.split(separator: "/").last).map(String.init) ?? ""
    }
    #expect(printed == expected)
    for name in expected {
      #expect(fixture.sandbox.contents(of: "Reports/\(name)") != nil, "\(name) was not written")
    }
  }

  @Test func aReportKeepsAFilesModeAndClearsWhatAKilledReportLeft() throws {
    let fixture = try ListFixture()
    let sandbox = fixture.sandbox
    #expect(sandbox.run(["report", "--format", "md"]).status == .success)
    let card = sandbox.path("Reports/scorecard-2026.md")
    try #require(chmod(card, 0o600) == 0)
    let ended = Process()
    ended.executableURL = URL(fileURLWithPath: "/bin/true")
    try ended.run()
    ended.waitUntilExit()
    let abandoned = sandbox.path(
      "Reports/.scorecard-2026.md.tmp-\(ended.processIdentifier)-0badf00d")
    try Data("half a card".utf8).write(to: URL(fileURLWithPath: abandoned))
    let result = sandbox.run(["report", "--format", "md"])
    #expect(result.status == .success, result.report)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: sandbox.path("Reports")).sorted() == [
        "scorecard-2026.md", "scorecard-all.md",
      ])
    let mode = try #require(
      try FileManager.default.attributesOfItem(atPath: card)[.posixPermissions] as? Int)
    #expect(mode == 0o600)
  }

  @Test func yearAndFormatChooseTheFiles() throws {
    let fixture = try ListFixture()
    let result = fixture.sandbox.run([
      "report", "--year", "2026", "--format", "json,md", "--out", fixture.sandbox.path("out"),
    ])
    #expect(result.status == .success, result.report)
    // In the order the formats were asked for.
    #expect(result.stdout == "wrote out/scorecard-2026.json\nwrote out/scorecard-2026.md\n")
    #expect(fixture.sandbox.contents(of: "out/scorecard-2026.md") != nil)
    #expect(fixture.sandbox.contents(of: "out/scorecard-2026.html") == nil)
    #expect(fixture.sandbox.contents(of: "out/scorecard-all.json") == nil)
  }

  @Test func theJSONNamesTheLedgerItsDayAndItsFigures() throws {
    let fixture = try ListFixture()
    _ = fixture.sandbox.run(["report", "--year", "2026", "--format", "json"])
    let text = try #require(fixture.sandbox.contents(of: "Reports/scorecard-2026.json"))
    let card = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let ledger = try #require(fixture.sandbox.ledger())
    #expect(card["ledger"] as? String == SHA256.hex(of: ledger))
    // sources.json changes the figures, so it is named too; there is no lexicon.json.
    let aliases = try #require(fixture.sandbox.contents(of: "Claims/sources.json"))
    let sideFiles = try #require(card["side_files"] as? [String: String])
    #expect(sideFiles == ["sources.json": SHA256.hex(of: Array(aliases.utf8))])
    #expect(card["generated"] as? String == Sandbox.today)
    #expect(card["year"] as? Int == 2026)
    let sources = try #require(card["sources"] as? [[String: Any]])
    // The Information and 《The Information》 are one source through sources.json.
    #expect(
      Set(sources.compactMap { $0["source"] as? String }) == [
        "Bloomberg", "The Information", "量子位",
      ])
    let bloomberg = try #require(sources.first { $0["source"] as? String == "Bloomberg" })
    // Only the false claim (due 2026-07-15) is past its deadline on 2026-08-01.
    #expect(bloomberg["resolved"] as? Int == 1)
    #expect(bloomberg["false"] as? Int == 1)
    #expect(bloomberg["rank"] is NSNull)
  }

  @Test func theSameLedgerAndDayGiveTheSameBytes() throws {
    let fixture = try ListFixture()
    _ = fixture.sandbox.run(["report"])
    let first = Self.formats.map { fixture.sandbox.contents(of: "Reports/scorecard-all.\($0)") }
    _ = fixture.sandbox.run(["report"])
    let second = Self.formats.map { fixture.sandbox.contents(of: "Reports/scorecard-all.\($0)") }
    #expect(first == second)
    #expect(first.allSatisfy { $0 != nil })
  }

  /// With a cache folder, the words' readings are kept there, and the scorecards of a run
  /// that fills the cache, of one that reads it, and of one after an append are those made
  /// with no cache at all.
  @Test func theTextFactsCacheNeverChangesAScorecard() throws {
    let fixture = try ListFixture()
    let cached = ["XDG_CACHE_HOME": fixture.sandbox.path("cache")]
    func cards(_ environment: [String: String]) -> [String?] {
      let result = fixture.sandbox.run(["report", "--format", "json,md"], environment: environment)
      #expect(result.status == .success, result.report)
      return ["2026", "all"].flatMap { year in
        ["json", "md"].map { fixture.sandbox.contents(of: "Reports/scorecard-\(year).\($0)") }
      }
    }
    let plain = cards([:])
    #expect(plain.allSatisfy { $0 != nil })
    #expect(cards(cached) == plain)
    let folder = fixture.sandbox.path("cache/claims")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(files.contains { $0.hasPrefix("text-facts-") })
    #expect(cards(cached) == plain)
    try fixture.sandbox.add(
      "Nvidia will ship 5 million chips", "--source", "Bloomberg", "--said", "2026-02-01",
      "--by", "2026-06-30")
    let grown = cards([:])
    #expect(grown != plain)
    #expect(cards(cached) == grown)
  }

  /// Once the digest cache vouches for the ledger's digest (the file has stood unchanged for
  /// two seconds), a report keeps a scoring snapshot for that digest; and a report that reads
  /// the whole ledger with the digest known (here, with no snapshot to use) names it in the
  /// text facts file, so the next such report takes the readings whole.
  @Test func theCachesNameTheLedgersDigest() throws {
    let fixture = try ListFixture()
    let cached = ["XDG_CACHE_HOME": fixture.sandbox.path("cache")]
    Thread.sleep(forTimeInterval: 3.1)
    var digest: String?
    let folder = fixture.sandbox.path("cache/claims")
    func cacheFile(_ prefix: String) throws -> String {
      folder + "/"
        + (try #require(
          try FileManager.default.contentsOfDirectory(atPath: folder).first {
            $0.hasPrefix(prefix)
          }))
    }
    var outputs: [String] = []
    for run in 0..<3 {
      if run == 2 { try FileManager.default.removeItem(atPath: try cacheFile("scoring-")) }
      let result = fixture.sandbox.run(
        ["report", "--format", "json", "--json"], environment: cached)
      #expect(result.status == .success, result.report)
      let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
      digest = (object as? [String: Any])?["ledger_sha256"] as? String
      outputs.append(try #require(fixture.sandbox.contents(of: "Reports/scorecard-all.json")))
      let snapshot = try #require(FileManager.default.contents(atPath: try cacheFile("scoring-")))
      #expect(snapshot.range(of: Data(try #require(digest).utf8)) != nil)
    }
    #expect(Set(outputs).count == 1)
    let bytes = try #require(FileManager.default.contents(atPath: try cacheFile("text-facts-")))
    #expect(bytes.range(of: Data(try #require(digest).utf8)) != nil)
  }

  @Test func anEmptyLedgerGivesAFriendlyScorecard() throws {
    let sandbox = try Sandbox()
    let result = sandbox.run(["report", "--year", "2030"])
    #expect(result.status == .success, result.report)
    let markdown = try #require(sandbox.contents(of: "Reports/scorecard-2030.md"))
    #expect(markdown.hasPrefix("# "))
    let json = try #require(sandbox.contents(of: "Reports/scorecard-2030.json"))
    #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
  }

  @Test(arguments: [
    ["--format", "pdf"], ["--year", "twenty"], ["--by", "month"], ["--group", "colour"],
    ["--min-resolved", "-1"],
  ])
  func badOptionsAreUsageErrors(_ options: [String]) throws {
    let sandbox = try Sandbox()
    let result = sandbox.run(["report"] + options)
    #expect(result.status == .usage, result.report)
    #expect(sandbox.contents(of: "Reports/scorecard-all.md") == nil)
  }

  @Test func anOutputThatCannotBeCreatedExits73() throws {
    let sandbox = try Sandbox()
    try sandbox.write("a file where the folder should be", to: "blocked")
    let result = sandbox.run(["report", "--out", sandbox.path("blocked")])
    #expect(result.status == .cannotCreate, result.report)
    #expect(result.stderr.contains("blocked"))
  }
}
