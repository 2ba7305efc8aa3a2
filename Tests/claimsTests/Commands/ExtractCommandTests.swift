import Foundation
import Testing

@testable import claims

@Suite struct ExtractCommandTests {
  /// A short article in front-matter Markdown with two forecasts and one past fact.
  static let article = """
    ---
    title: 电动车行业2027年展望
    date: 2026-05-10
    author: 车评周刊
    ---
    # 电动车行业2027年展望

    去年该品牌已经推出了三款新车。分析师认为，蔚来极有可能在2027年实现全年盈利。
    业内预计明年上半年固态电池将开始量产。

    """

  static func sandboxWithArticle() throws -> Sandbox {
    let sandbox = try Sandbox()
    try sandbox.write(article, to: "ev.md")
    return sandbox
  }

  @Test func proposesEachForecastOnceAndSaysWhatWasKnown() throws {
    let sandbox = try Self.sandboxWithArticle()
    let first = sandbox.run(["extract", sandbox.path("ev.md")])
    #expect(first.status == .success, first.report)
    #expect(first.stdout.contains("ev.md: 2 proposed, 0 known already"), first.report)
    let lines = try sandbox.ledgerLines()
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.contains("\"status\":\"proposed\"") })
    #expect(lines.allSatisfy { $0.contains("\"said\":\"2026-05-10\"") })
    let again = sandbox.run(["extract", sandbox.path("ev.md")])
    #expect(again.stdout.contains("ev.md: 0 proposed, 2 known already"), again.report)
    #expect(try sandbox.ledgerLines() == lines)
  }

  @Test func dryRunWritesNothingAndJSONPrintsClaimEntries() throws {
    let sandbox = try Self.sandboxWithArticle()
    let before = sandbox.ledger()
    let result = sandbox.run(["extract", sandbox.path("ev.md"), "--dry-run", "--json"])
    #expect(result.status == .success, result.report)
    #expect(sandbox.ledger() == before)
    let objects = try result.stdout.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(objects.count == 2)
    #expect(objects.map { $0["deadline"] as? String } == ["2027-12-31", "2027-06-30"])
    #expect(objects.first?["confidence"] as? Double == 0.88)
    #expect((objects.first?["document"] as? String)?.contains("ev.md") == true)
  }

  @Test func overridesWinOverWhatTheArticleSays() throws {
    let sandbox = try Self.sandboxWithArticle()
    let result = sandbox.run([
      "extract", sandbox.path("ev.md"), "--dry-run", "--json", "--source", "某券商",
      "--said", "2026-05-12", "--url", "https://example.com/ev",
    ])
    #expect(result.status == .success, result.report)
    #expect(result.stdout.contains("\"source\":\"某券商\""))
    #expect(result.stdout.contains("\"said\":\"2026-05-12\""))
    #expect(result.stdout.contains("\"url\":\"https://example.com/ev\""))
  }

  @Test func aBadFileIsReportedAndTheOthersStillRead() throws {
    let sandbox = try Self.sandboxWithArticle()
    try sandbox.write(Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1]), to: "picture.png")
    let result = sandbox.run([
      "extract", sandbox.path("picture.png"), sandbox.path("ev.md"),
    ])
    #expect(result.status == .dataError, result.report)
    #expect(result.stderr.contains("picture.png"))
    #expect(result.stdout.contains("ev.md: 2 proposed"))
    #expect(try sandbox.ledgerLines().count == 2)
  }

  /// No claim is queued as said after today, where `accept` would refuse it: an article dated
  /// ahead is an error of its own (the others are still read), unless `--said` gives the day.
  @Test func anArticleDatedAfterTodayNeedsSaid() throws {
    let sandbox = try Self.sandboxWithArticle()
    try sandbox.write(
      Self.article.replacingOccurrences(of: "2026-05-10", with: "2026-08-02"), to: "ahead.md")
    let result = sandbox.run(["extract", sandbox.path("ahead.md"), sandbox.path("ev.md")])
    #expect(result.status == .dataError, result.report)
    #expect(
      result.stderr.contains(
        "ahead.md is dated 2026-08-02, after today (2026-08-01); give the day its forecasts "
          + "were made with --said"), result.report)
    #expect(result.stdout.contains("ev.md: 2 proposed"), result.report)
    #expect(try sandbox.ledgerLines().count == 2)
    let said = sandbox.run(["extract", sandbox.path("ahead.md"), "--said", "2026-07-30"])
    #expect(said.status == .success, said.report)
    let future = sandbox.run(["extract", sandbox.path("ev.md"), "--said", "2026-08-02"])
    #expect(future.status == .usage, future.report)
    #expect(future.stderr.contains("--said 2026-08-02 is after today (2026-08-01)"))
  }

  @Test func aMissingFileExits66() throws {
    let sandbox = try Sandbox()
    let before = sandbox.ledger()
    let result = sandbox.run(["extract", sandbox.path("nowhere.md")])
    #expect(result.status == .noInput, result.report)
    #expect(result.stderr.contains("claims: error: no file at"))
    #expect(sandbox.ledger() == before)
  }

  /// A folder names no article, as a missing file does not: 66; a bad article among the
  /// files makes it 65.
  @Test func aFolderIsNoInputButABadArticleIsBadData() throws {
    let sandbox = try Sandbox()
    try sandbox.write("notes", to: "articles/x.md")
    let before = sandbox.ledger()
    let folder = sandbox.run(["extract", sandbox.path("articles")])
    #expect(folder.status == .noInput, folder.report)
    #expect(folder.stderr.contains("articles: it is a folder"), folder.report)
    try sandbox.write(Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]), to: "a.zip")
    let mixed = sandbox.run(["extract", sandbox.path("articles"), sandbox.path("a.zip")])
    #expect(mixed.status == .dataError, mixed.report)
    #expect(mixed.stderr.contains("a.zip is not a text file"), mixed.report)
    #expect(sandbox.ledger() == before)
  }

  @Test func aLinkIsNamedAsALink() throws {
    let sandbox = try Sandbox()
    let result = sandbox.run(["extract", "https://example.com/a.html"])
    #expect(result.status == .noInput, result.report)
    #expect(
      result.stderr
        == "claims: error: https://example.com/a.html is a link; extract reads saved articles, so"
        + " save it first (curl -o article.html 'https://example.com/a.html')\n")
  }

  @Test func noFileIsAUsageError() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.run(["extract"]).status == .usage)
  }
}

@Suite struct ReviewDecisionTests {
  static func proposed() throws -> (Sandbox, [String]) {
    let sandbox = try ExtractCommandTests.sandboxWithArticle()
    let result = sandbox.run(["extract", sandbox.path("ev.md"), "--json"])
    try #require(result.status == .success, result.report)
    let ids = try result.stdout.split(separator: "\n").map {
      try #require(
        (try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String)
    }
    return (sandbox, ids)
  }

  @Test func acceptOpensTheClaimWithCorrections() throws {
    let (sandbox, ids) = try Self.proposed()
    let result = sandbox.run(["accept", String(ids[0].prefix(5)), "--by", "2027-H2"])
    #expect(result == CLI.Result(status: .success, stdout: "accepted \(ids[0])\n", stderr: ""))
    let claim = try #require(try sandbox.showJSON(ids[0]))
    #expect(claim["status"] as? String == "open")
    #expect(claim["deadline"] as? String == "2027-12-31")
  }

  @Test func rejectKeepsTheClaimWithItsReason() throws {
    let (sandbox, ids) = try Self.proposed()
    let result = sandbox.run(["reject", ids[1], "--reason", "vague"])
    #expect(result.status == .success, result.report)
    let claim = try #require(try sandbox.showJSON(ids[1]))
    #expect(claim["status"] as? String == "rejected")
    #expect(claim["reason"] as? String == "vague")
  }

  @Test func acceptingAClaimThatIsNotProposedRecordsNothing() throws {
    let (sandbox, ids) = try Self.proposed()
    #expect(sandbox.run(["accept", ids[0]]).status == .success)
    let before = sandbox.ledger()
    let result = sandbox.run(["accept", ids[1], ids[0]])
    #expect(result.status == .failure, result.report)
    #expect(result.stderr.contains("not proposed"))
    #expect(sandbox.ledger() == before)
  }

  @Test func reviewListsTheQueueWithQuotes() throws {
    let (sandbox, ids) = try Self.proposed()
    let text = sandbox.run(["review"]).stdout
    #expect(text.hasPrefix("2 proposed claims to review"))
    #expect(text.contains("极有可能"))
    let json = sandbox.run(["review", "--json"]).stdout
    let array = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    #expect(array.map { $0["id"] as? String } == ids)
    #expect(array.allSatisfy { $0["quote"] is String })
    _ = sandbox.run(["reject", ids[0]])
    #expect(sandbox.run(["review", "--json"]).stdout.contains(ids[1]))
    #expect(!sandbox.run(["review", "--json"]).stdout.contains(ids[0]))
  }
}

extension ExtractCommandTests {
  /// Collects what a command shows on the progress line.
  final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
  }

  @Test func manyFilesShowProgressAndClearItAfter() throws {
    let sandbox = try Self.sandboxWithArticle()
    try sandbox.write(Self.article, to: "copy.md")
    let log = ProgressLog()
    var terminal = Terminal.plain()
    terminal.progress = { log.append($0) }
    let result = CLI.run(
      ["extract", sandbox.path("ev.md"), sandbox.path("copy.md"), "--dry-run"],
      environment: sandbox.environment, workingDirectory: sandbox.directory.path,
      clock: { Sandbox.now }, terminal: terminal)
    #expect(result.status == .success, "\(result.stderr)")
    #expect(log.all == ["[1/2] \(sandbox.path("ev.md"))", "[2/2] \(sandbox.path("copy.md"))", ""])
  }
}

extension ExtractCommandTests {
  @Test func aClaimInTwoArticlesOfOneRunIsRecordedOnce() throws {
    let sandbox = try Self.sandboxWithArticle()
    try sandbox.write(Self.article, to: "copy.md")
    let result = sandbox.run(["extract", sandbox.path("ev.md"), sandbox.path("copy.md")])
    #expect(result.status == .success, result.report)
    #expect(result.stdout.contains("copy.md: 0 proposed, 2 known already"), result.report)
    #expect(try sandbox.ledgerLines().count == 2)
    #expect(sandbox.run(["check"]).status == .success)
  }

  @Test func standardInputCanBeNamedOnce() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.run(["extract", "-", "-"]).status == .usage)
  }
}
