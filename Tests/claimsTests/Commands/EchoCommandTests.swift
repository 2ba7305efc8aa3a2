import Foundation
import Testing

@testable import claims

@Suite struct EchoCommandTests {
  /// One forecast said by The Information, then relayed in English and in Chinese (the built-in
  /// lexicon knows OpenAI and Pinterest), and a near miss about another event; all resolved
  /// true, due 2025.
  static func sandbox() throws -> (Sandbox, [String]) {
    let sandbox = try Sandbox()
    var ids: [String] = []
    for (text, source, said, confidence) in [
      ("OpenAI acquires Pinterest", "The Information", "2025-01-21", "0.8"),
      ("OpenAI will buy Pinterest", "Bloomberg", "2025-01-22", "0.9"),
      ("OpenAI收购Pinterest", "量子位", "2025-01-25", "0.6"),
      ("OpenAI launches a device", "Bloomberg", "2025-01-20", "0.7"),
    ] {
      let id = try sandbox.add(
        text, "--source", source, "--said", said, "--by", "2025", "--confidence", confidence)
      try #require(sandbox.run(["resolve", id, "true", "--evidence", "x"]).status == .success)
      ids.append(id)
    }
    return (sandbox, ids)
  }

  @Test func showListsEchoesAndWhatAnEchoRepeats() throws {
    let (sandbox, ids) = try EchoCommandTests.sandbox()
    let original = sandbox.run(["show", ids[0]]).stdout
    #expect(original.contains("  echoes      \(ids[1])  Bloomberg, 2025-01-22\n"))
    #expect(original.contains("              \(ids[2])  量子位, 2025-01-25\n"))
    let echo = sandbox.run(["show", ids[2]]).stdout
    #expect(echo.contains("  echo of     \(ids[0])  The Information, 2025-01-21\n"))
    #expect(!sandbox.run(["show", ids[3]]).stdout.contains("echo"))
  }

  @Test func listOriginalsHidesTheEchoes() throws {
    let (sandbox, ids) = try EchoCommandTests.sandbox()
    let all = sandbox.run(["list"]).stdout
    let originals = sandbox.run(["list", "--originals"]).stdout
    #expect(ids.allSatisfy { all.contains($0) })
    #expect(originals.contains(ids[0]) && originals.contains(ids[3]))
    #expect(!originals.contains(ids[1]) && !originals.contains(ids[2]))
    let json = sandbox.run(["list", "--originals", "--json"]).stdout
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    #expect(array.map { $0["id"] as? String } == [ids[0], ids[3]])
  }

  /// With a cache folder, `show` and `list --originals` find what they find without one, when
  /// the cache is filled, when it is read, and after an amend changes a claim's words.
  @Test func theTextFactsCacheChangesNoEcho() throws {
    let (sandbox, ids) = try EchoCommandTests.sandbox()
    let cached = ["XDG_CACHE_HOME": sandbox.path("cache")]
    func views(_ environment: [String: String]) -> [String] {
      [
        sandbox.run(["show", ids[0]], environment: environment).stdout,
        sandbox.run(["show", ids[1]], environment: environment).stdout,
        sandbox.run(["list", "--originals"], environment: environment).stdout,
      ]
    }
    func kept() throws -> Data? {
      let folder = sandbox.path("cache/claims")
      let name = try FileManager.default.contentsOfDirectory(atPath: folder).first {
        $0.hasPrefix("text-facts-")
      }
      return name.flatMap { FileManager.default.contents(atPath: folder + "/" + $0) }
    }
    let plain = views([:])
    #expect(plain[1].contains("echo of"))
    #expect(views(cached) == plain)
    let filled = try #require(try kept())
    #expect(views(cached) == plain)
    let amend = sandbox.run([
      "amend", ids[1], "--text", "Bloomberg expects rain", "--note", "misread the article",
    ])
    #expect(amend.status == .success, amend.report)
    let amended = views([:])
    #expect(!amended[1].contains("echo of"))
    #expect(views(cached) == amended)
    // The amended claim was read again and its new reading kept.
    #expect(try kept() != filled)
  }

  @Test func reportScoresAForecastOnceUnlessEchoesCount() throws {
    let (sandbox, _) = try EchoCommandTests.sandbox()
    func totals(_ extra: [String]) throws -> [String: Any] {
      let result = sandbox.run(["report", "--year", "2025", "--format", "json"] + extra)
      try #require(result.status == .success, result.report)
      let data = try #require(
        FileManager.default.contents(atPath: sandbox.path("Reports/scorecard-2025.json")))
      let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      return try #require(top["totals"] as? [String: Any]).merging(
        ["echoes_listed": (top["echoes"] as? [Any])?.count ?? -1]) { a, _ in a }
    }
    // The acquisition and the launch: two forecasts scored; with echoes, all four.
    let once = try totals([])
    #expect(once["scored"] as? Int == 2 && once["echoes"] as? Int == 2)
    #expect(once["echoes_listed"] as? Int == 1)
    let every = try totals(["--count-echoes"])
    #expect(every["scored"] as? Int == 4)
  }

  /// As of a day before the relays were said, the first forecast is nobody's original yet: a
  /// scorecard for that day lists no echo, and counts none.
  @Test func echoesSaidAfterTodayAreNotYetEchoes() throws {
    let (sandbox, _) = try EchoCommandTests.sandbox()
    let result = sandbox.run(["report", "--format", "json", "--today", "2025-01-21"])
    try #require(result.status == .success, result.report)
    let data = try #require(
      FileManager.default.contents(atPath: sandbox.path("Reports/scorecard-all.json")))
    let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(top["echoed_total"] as? Int == 0)
    #expect((top["echoes"] as? [Any])?.isEmpty == true)
    let totals = try #require(top["totals"] as? [String: Any])
    #expect(totals["echoes"] as? Int == 0 && totals["claims"] as? Int == 2)
  }
}
