import ClaimLedger
import ClaimReports
import Foundation
import Testing

@testable import claims

@Suite struct ReviewCommandTests {
  static let ids = ["abcd000001", "abcd000002", "abcd000003", "abcd000004", "abcd000005"]

  /// Five proposed claims, recorded in id order, so the walk meets them in that order.
  static func queue() throws -> Sandbox {
    let sandbox = try Sandbox()
    var lines = try sandbox.ledgerLines()
    for (index, id) in ids.enumerated() {
      lines.append(
        JournalLine.claim(
          id, at: "2026-07-0\(index + 1)T10:00:00.000Z", text: "Claim \(index + 1)",
          status: "proposed"))
    }
    try sandbox.writeLedger(lines)
    return sandbox
  }

  /// The entries appended after the five claims, as (kind, id) pairs.
  static func decisions(in sandbox: Sandbox) throws -> [String] {
    let lines = try sandbox.ledgerLines()
    let index = try #require(lines.firstIndex { $0.contains(ids[4]) })
    return lines[(index + 1)...].map { line in
      let kind = line.split(separator: "\"")[3]
      let id = line.split(separator: "\"")[7]
      return "\(kind) \(id)"
    }
  }

  func status(_ id: String, in sandbox: Sandbox) throws -> String? {
    try sandbox.showJSON(id)?["status"] as? String
  }

  /// A proposal said after today (an article dated ahead) is not accepted as it stands; with
  /// the right day given, it is.
  @Test func aProposalSaidAfterTodayIsAcceptedOnlyWithTheRightDay() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger([
      JournalLine.claim(
        "abcd000001", text: "Claim ahead", said: "2027-01-05", deadline: "2027-12-31",
        status: "proposed")
    ])
    let before = try #require(sandbox.ledger())
    let refused = sandbox.run(["accept", "abcd000001"])
    #expect(refused.status == .failure, refused.report)
    #expect(refused.stderr.contains("was said on 2027-01-05, after today"), refused.report)
    #expect(sandbox.ledger() == before)
    let accepted = sandbox.run(["accept", "abcd000001", "--said", "2026-07-05"])
    #expect(accepted.status == .success, accepted.report)
  }

  @Test func theWalkWritesExactlyTheDecisionsMade() throws {
    let sandbox = try Self.queue()
    let script =
      "a"  // accept 1
      // Edit 2: keep text, source and via; a bad deadline, then a good one; keep confidence.
      + "e" + "\n\n\n" + "2026-13-45\n" + "2027-Q1\n" + "\n" + "a"
      + "r" + "2\n"  // reject 3 as past-fact
      + "s"  // skip 4
      + "u"  // undo the rejection of 3
      + "q"
    let conversation = ScriptedConversation(script)
    let result = sandbox.run(["review"], terminal: conversation.terminal())
    #expect(result.status == .success, result.report)
    #expect(result.stdout == "accepted 2, rejected 0, skipped 1, undid 1; 3 still proposed\n")
    #expect(conversation.unread.isEmpty)
    let shown = conversation.output
    #expect(shown.contains("[1/5] abcd000001"))
    #expect(shown.contains("'2026-13-45' is not"))
    #expect(shown.contains("try again"))
    #expect(shown.contains("undid the reject of abcd000003"))
    #expect(
      try Self.decisions(in: sandbox) == [
        "accept abcd000001", "accept abcd000002", "reject abcd000003", "reopen abcd000003",
      ])
    let edited = try #require(try sandbox.showJSON(Self.ids[1]))
    #expect(edited["deadline"] as? String == "2027-03-31")
    #expect(edited["deadline_text"] as? String == "2027-Q1")
    #expect(try status(Self.ids[0], in: sandbox) == "open")
    #expect(try status(Self.ids[2], in: sandbox) == "proposed")
    #expect(try status(Self.ids[3], in: sandbox) == "proposed")
    #expect(sandbox.run(["check"]).status == .success)
  }

  /// Each decision of a walk carries the time it was made, read from the clock as it is
  /// taken, not the time the walk began.
  @Test func eachDecisionIsStampedWhenItIsMade() throws {
    let sandbox = try Self.queue()
    let ticks = Ticks(start: Sandbox.now)
    let conversation = ScriptedConversation("a" + "r" + "2\n" + "q")
    let result = CLI.run(
      ["review"], environment: sandbox.environment, workingDirectory: sandbox.directory.path,
      clock: { ticks.next() }, terminal: conversation.terminal())
    #expect(result.status == .success, result.report)
    let stamps = try sandbox.ledgerLines().suffix(2).map { line in
      String(line.split(separator: "\"")[11])
    }
    #expect(stamps.count == 2)
    #expect(Set(stamps).count == 2, "\(stamps)")
    #expect(stamps == stamps.sorted())
  }

  /// A clock that moves a second on at each reading.
  final class Ticks: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(start: Date) { current = start }

    func next() -> Date {
      lock.lock()
      defer { lock.unlock() }
      current += 1
      return current
    }
  }

  @Test func undoingAnAcceptanceDropsItsEditsAndShowsTheClaimAgain() throws {
    let sandbox = try Self.queue()
    let conversation = ScriptedConversation(
      "e" + "New words\n\n\n\n\n" + "a" + "u" + "r" + "\n" + "q")
    let result = sandbox.run(["review"], terminal: conversation.terminal())
    #expect(result.status == .success, result.report)
    #expect(
      try Self.decisions(in: sandbox) == [
        "accept abcd000001", "reopen abcd000001", "reject abcd000001",
      ])
    let claim = try #require(try sandbox.showJSON(Self.ids[0]))
    #expect(claim["text"] as? String == "Claim 1")
    #expect(claim["status"] as? String == "rejected")
    // Shown first, again with the edit, and again after the undo.
    #expect(conversation.output.components(separatedBy: "[1/5] abcd000001").count == 4)
  }

  @Test func theLatestDecisionCanBeUndoneAtTheEndOfTheQueue() throws {
    let sandbox = try Self.queue()
    let conversation = ScriptedConversation("ssssa" + "u" + "s")
    let result = sandbox.run(["review"], terminal: conversation.terminal())
    #expect(result.stdout == "accepted 0, rejected 0, skipped 5, undid 1; 5 still proposed\n")
    #expect(conversation.output.contains("end of the queue"))
    #expect(conversation.unread.isEmpty)
    #expect(try Self.decisions(in: sandbox) == ["accept abcd000005", "reopen abcd000005"])
  }

  @Test func quittingMidWayKeepsWhatWasDecided() throws {
    let sandbox = try Self.queue()
    let conversation = ScriptedConversation("aq" + "a")
    let result = sandbox.run(["review"], terminal: conversation.terminal())
    #expect(result.stdout == "accepted 1, rejected 0, skipped 0; 4 still proposed\n")
    #expect(conversation.unread == "a")
    #expect(try Self.decisions(in: sandbox) == ["accept abcd000001"])
  }

  @Test func ctrlCAndTheEndOfInputQuitCleanly() throws {
    for script in ["r7\n\u{3}", "r7\n"] {
      let sandbox = try Self.queue()
      let result = sandbox.run(["review"], terminal: ScriptedConversation(script).terminal())
      #expect(result.status == .success, result.report)
      #expect(try Self.decisions(in: sandbox) == ["reject abcd000001"])
      #expect(sandbox.run(["check"]).status == .success)
    }
  }

  @Test func aNumberPicksAUsualReasonAndAWordIsKept() throws {
    let sandbox = try Self.queue()
    _ = sandbox.run(["review"], terminal: ScriptedConversation("r1\nrnot now\nq").terminal())
    #expect(
      sandbox.ledger().map { String(decoding: $0, as: UTF8.self) }?.contains(
        #""reason":"not-a-forecast""#) == true)
    let second = try #require(try sandbox.showJSON(Self.ids[1]))
    #expect(second["status"] as? String == "rejected")
    #expect(sandbox.contents(of: "Claims/ledger.jsonl")?.contains(#""reason":"not now""#) == true)
  }

  @Test func theEditorFormSetsTheFieldsAndABadValueChangesNothing() throws {
    let sandbox = try Self.queue()
    let conversation = ScriptedConversation(
      "E" + "q",
      editor: { form in
        form.contains("deadline: 2026-12-31")
          ? form.replacingOccurrences(of: "deadline: 2026-12-31", with: "deadline: soon")
          : nil
      })
    _ = sandbox.run(["review"], terminal: conversation.terminal())
    #expect(conversation.output.contains("deadline: 'soon' is not"))
    let editing = ScriptedConversation(
      "Ea", editor: { $0.replacingOccurrences(of: "source: The Information", with: "source: FT") })
    _ = sandbox.run(["review"], terminal: editing.terminal())
    #expect(try sandbox.showJSON(Self.ids[0])?["source"] as? String == "FT")
    #expect(try Self.decisions(in: sandbox) == ["accept abcd000001"])
  }

  @Test(arguments: [80, 160])
  func cardsFitTheTerminalsWidth(_ width: Int) throws {
    let sandbox = try Sandbox()
    var lines = try sandbox.ledgerLines()
    let text = String(repeating: "分析师认为比亚迪极有可能在欧洲建成第二座工厂，", count: 6)
    lines.append(JournalLine.claim("abcd000001", text: text, status: "proposed"))
    try sandbox.writeLedger(lines)
    let conversation = ScriptedConversation("q")
    _ = sandbox.run(["review"], terminal: conversation.terminal(width: width))
    let shown = conversation.output.split(separator: "\n").map(String.init)
    #expect(shown.allSatisfy { DisplayWidth.of($0) <= width })
    #expect(shown.contains { DisplayWidth.of($0) > width - 4 })
  }

  @Test func withoutATerminalOrWithJSONItLists() throws {
    let sandbox = try Self.queue()
    let plain = sandbox.run(["review"])
    #expect(plain.stdout.hasPrefix("5 proposed claims to review"))
    let conversation = ScriptedConversation("aaaaa")
    let json = sandbox.run(["review", "--json"], terminal: conversation.terminal())
    #expect(json.stdout.hasPrefix("["))
    #expect(conversation.unread == "aaaaa")
    #expect(try Self.decisions(in: sandbox).isEmpty)
  }

  @Test func showsTheSentencesAroundTheQuoteFromTheArticle() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "Markets were calm.\n\nAnalysts met on Monday. 公司预计明年上市。 Shares rose after that. The end.\n",
      to: "articles/a.md")
    var lines = try sandbox.ledgerLines()
    lines.append(
      #"{"entry":"claim","id":"abcd000009","at":"2026-07-01T10:00:00.000Z","text":"公司明年上市","#
        + #""quote":"公司预计明年上市。","source":"S","said":"2026-01-21","confidence":0.7,"#
        + #""lang":"zh-Hans","tags":[],"status":"proposed","document":"articles/a.md (extractor 1)"}"#
    )
    try sandbox.writeLedger(lines)
    let conversation = ScriptedConversation("q")
    _ = sandbox.run(["review"], terminal: conversation.terminal())
    #expect(
      conversation.output.contains(
        "Analysts met on Monday. 公司预计明年上市。 Shares rose after that."))
    #expect(!conversation.output.contains("calm"))
  }
}

@Suite struct ArticleExcerptTests {
  @Test func keepsToTheQuotesParagraph() throws {
    let text = "Before. First said.\n\nThe quote here. After it. Later.\n\nNext paragraph."
    let excerpt = try #require(ArticleExcerpt.around("The quote here.", in: text))
    #expect(excerpt == ArticleExcerpt(before: "", quote: "The quote here.", after: "After it."))
    let last = try #require(ArticleExcerpt.around("Later.", in: text))
    #expect(last == ArticleExcerpt(before: "After it.", quote: "Later.", after: ""))
  }

  @Test func chineseRunsOnWithoutSpaces() {
    let excerpt = ArticleExcerpt(before: "市场回暖。", quote: "公司将上市。", after: "Shares rose.")
    #expect(excerpt.joined == "市场回暖。公司将上市。 Shares rose.")
  }

  @Test func theDocumentFieldNamesTheFile() {
    #expect(ArticleExcerpt.documentPath("a b/x.md (extractor 1)") == "a b/x.md")
    #expect(ArticleExcerpt.documentPath("-") == "-")
  }
}

@Suite struct TextWrapTests {
  @Test func wrapsChineseByDisplayWidth() {
    let lines = TextWrap.lines(String(repeating: "预", count: 50), width: 80)
    #expect(lines.map { $0.count } == [40, 10])
  }

  @Test func wrapsEnglishAtSpaces() {
    #expect(TextWrap.lines("one two three four", width: 9) == ["one two", "three", "four"])
  }
}
