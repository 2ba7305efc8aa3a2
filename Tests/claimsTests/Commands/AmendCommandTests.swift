import Foundation
import Testing

@testable import claims

@Suite struct AmendCommandTests {
  /// An open claim with a period deadline and a hedge word.
  static func claim() throws -> (Sandbox, String) {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "OpenAI acquires Pinterest", "--source", "The Information", "--said", "2026-01-21", "--by",
      "2026", "--hedge", "大概率", "--tag", "ai")
    return (sandbox, id)
  }

  @Test func appendsTheChangedFieldsAndTheNote() throws {
    let (sandbox, id) = try Self.claim()
    let before = try sandbox.ledgerLines()
    let result = sandbox.run([
      "amend", String(id.prefix(4)), "--text", "OpenAI buys Pinterest", "--by", "2027-H1", "--note",
      "better wording",
    ])
    #expect(result == CLI.Result(status: .success, stdout: "amended \(id)\n", stderr: ""))
    let lines = try sandbox.ledgerLines()
    #expect(Array(lines.dropLast()) == before)
    #expect(
      lines.last
        == #"{"entry":"amend","id":"\#(id)","at":"\#(Sandbox.stamp)","text":"OpenAI buys Pinterest","#
        + #""deadline":"2027-06-30","deadline_text":"2027-H1","note":"better wording"}"#)
    let claim = try #require(try sandbox.showJSON(id))
    #expect(claim["text"] as? String == "OpenAI buys Pinterest")
    #expect(claim["deadline"] as? String == "2027-06-30")
    #expect(claim["note"] as? String == "better wording")
    // The id does not change: it was derived when the claim was recorded.
    #expect(claim["id"] as? String == id)
  }

  /// A value given again as the claim has it keeps the words it was read from, so it changes
  /// nothing and is refused; a new date over words shows the words it drops.
  @Test func restatedValuesKeepTheirWords() throws {
    let (sandbox, id) = try Self.claim()
    for arguments in [["--by", "2026-12-31"], ["--confidence", "75%"], ["--confidence", "0.75"]] {
      let result = sandbox.run(["amend", id] + arguments + ["--note", "same"])
      #expect(result.status == .failure, result.report)
      #expect(result.stderr.contains("there is nothing to amend"), result.report)
    }
    let moved = sandbox.run([
      "amend", id, "--by", "2026-11-30", "--confidence", "0.6", "--note", "n",
    ])
    #expect(moved.status == .success, moved.report)
    let show = sandbox.run(["show", id]).stdout
    #expect(show.contains("deadline 2026-12-31 (2026) → 2026-11-30"), "\(show)")
    #expect(show.contains("confidence 75% (大概率) → 60%"), "\(show)")
  }

  /// A claim recorded on two lines that differ (a merge after an edit) is an error in `check`
  /// until amends make both alike; restating the value shown does that, so it is taken, not
  /// refused as changing nothing.
  @Test func restatingTheShownValueSettlesTwoLinesThatDiffer() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger([
      JournalLine.claim("abcd000001", text: "Same will happen", confidence: "0.6"),
      JournalLine.claim("abcd000001", text: "Same will happen", confidence: "0.7"),
    ])
    let before = sandbox.run(["check"])
    #expect(before.status == .dataError, before.report)
    #expect(try sandbox.showJSON("abcd000001")?["confidence"] as? Double == 0.6)
    let amended = sandbox.run(["amend", "abcd", "--confidence", "0.6", "--note", "keep 60%"])
    #expect(amended.status == .success, amended.report)
    let after = sandbox.run(["check"])
    #expect(after.status == .success, after.report)
    #expect(after.stdout.contains("amends since settle it"), after.report)
    // Once settled, restating is refused again.
    let again = sandbox.run(["amend", "abcd", "--confidence", "0.6", "--note", "again"])
    #expect(again.status == .failure, again.report)
  }

  /// The history names every field a change set: the language a new quote brought, a first
  /// tag (from none), and not a value restated as it was.
  @Test func historyNamesTheLanguageAFirstTagAndNoRestatedValue() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "OpenAI acquires Pinterest", "--source", "The Information", "--said", "2026-01-21",
      "--confidence", "0.6")
    let quoted = sandbox.run(["amend", id, "--quote", "苹果将推出折叠屏iPhone", "--note", "q"])
    try #require(quoted.status == .success, quoted.report)
    let tagged = sandbox.run(["amend", id, "--tag", "ai", "--note", "t"])
    try #require(tagged.status == .success, tagged.report)
    let show = sandbox.run(["show", id]).stdout
    #expect(show.contains("; lang en → zh-Hans — q\n"), "\(show)")
    #expect(show.contains("amended: tags none → ai — t\n"), "\(show)")
    // An acceptance that restates the source shows no change of it.
    let queue = try ReviewCommandTests.queue()
    let accepted = queue.run(["accept", "abcd000001", "--source", "The Information"])
    try #require(accepted.status == .success, accepted.report)
    let card = queue.run(["show", "abcd000001"]).stdout
    #expect(!card.contains("The Information → The Information"), "\(card)")
  }

  /// Two clones' lines that differ in the condition or the article are settled by amends too:
  /// `--conditional yes|no` and `--document` set what `add` and `extract` set.
  @Test func conditionAndDocumentCanBeAmended() throws {
    let (sandbox, id) = try Self.claim()
    var line = try #require(try sandbox.ledgerLines().first)
    line = line.replacingOccurrences(
      of: #""status":"open""#, with: #""status":"open","conditional":true,"document":"a.md""#)
    line = line.replacing(#/"at":"[^"]*"/#, with: #""at":"2026-07-01T00:00:00.000Z""#)
    try sandbox.writeLedger(try sandbox.ledgerLines() + [line])
    let conflicting = sandbox.run(["check"])
    #expect(conflicting.status == .dataError, conflicting.report)
    #expect(conflicting.stdout.contains("conditional (false, then true)"), conflicting.report)
    let amended = sandbox.run([
      "amend", id, "--conditional", "yes", "--document", "a.md", "--note", "as the article says",
    ])
    #expect(amended.status == .success, amended.report)
    let settled = sandbox.run(["check"])
    #expect(settled.status == .success, settled.report)
    #expect(settled.stdout.contains("amends since settle it"), settled.report)
    let claim = try #require(try sandbox.showJSON(id))
    #expect(claim["conditional"] as? Bool == true)
    #expect(claim["document"] as? String == "a.md")
    let off = sandbox.run(["amend", id, "--conditional", "no", "--note", "unconditional"])
    #expect(off.status == .success, off.report)
    #expect(try sandbox.showJSON(id)?["conditional"] as? Bool == false)
    let bad = sandbox.run(["amend", id, "--conditional", "maybe", "--note", "x"])
    #expect(bad.status == .usage && bad.stderr.contains("'maybe' is not yes or no"), bad.report)
  }

  @Test func historyShowsTheOldAndTheNewValues() throws {
    let (sandbox, id) = try Self.claim()
    let result = sandbox.run([
      "amend", id, "--text", "OpenAI buys Pinterest", "--by", "2027-H1", "--source", "Reuters",
      "--note", "better wording",
    ])
    #expect(result.status == .success, result.report)
    let show = sandbox.run(["show", id]).stdout
    #expect(show.contains("  text        OpenAI buys Pinterest\n"))
    #expect(show.contains("  deadline    2027-06-30 (2027-H1)\n"))
    #expect(show.contains("amended: "))
    #expect(show.contains("better wording"))
    // The earlier values stay visible in the history (DESIGN: "the earlier values stay in the
    // journal and in show's history").
    let history = try #require(show.components(separatedBy: "history\n").last)
    for old in ["OpenAI acquires Pinterest", "2026-12-31", "The Information"] {
      #expect(history.contains(old), "the old value \(old) is not in show's history:\n\(history)")
    }
    for new in ["OpenAI buys Pinterest", "2027-06-30", "Reuters"] {
      #expect(history.contains(new), "the new value \(new) is not in show's history:\n\(history)")
    }
    let json = try #require(try sandbox.showJSON(id))
    let entries = try #require(json["history"] as? [[String: Any]])
    #expect(entries.first?["text"] as? String == "OpenAI acquires Pinterest")
    #expect(entries.first?["deadline"] as? String == "2026-12-31")
    #expect(entries.last?["text"] as? String == "OpenAI buys Pinterest")
    #expect(entries.last?["source"] as? String == "Reuters")
  }

  @Test func plainDateReplacesThePeriodWords() throws {
    let (sandbox, id) = try Self.claim()
    #expect(sandbox.run(["amend", id, "--by", "2027-03-31", "--note", "n"]).status == .success)
    let claim = try #require(try sandbox.showJSON(id))
    #expect(claim["deadline"] as? String == "2027-03-31")
    #expect(claim["deadline_text"] as? String != "2026")
    // The deadline row has no words; the history names those the amend dropped.
    let show = sandbox.run(["show", id]).stdout
    #expect(show.contains("  deadline    2027-03-31\n"), "\(show)")
    #expect(show.contains("deadline 2026-12-31 (2026) → 2027-03-31"), "\(show)")
  }

  @Test func newConfidenceDropsTheOldHedgeWord() throws {
    let (sandbox, id) = try Self.claim()
    #expect(sandbox.run(["amend", id, "--confidence", "0.6", "--note", "n"]).status == .success)
    let claim = try #require(try sandbox.showJSON(id))
    #expect(claim["confidence"] as? Double == 0.6)
    // 大概率 reads as 75%; a claim must not say its 60% came from it.
    #expect(claim["hedge"] as? String != "大概率")
    #expect(!sandbox.run(["show", id]).stdout.contains("60% (大概率)"))
  }

  @Test func newHedgeSetsConfidenceFromTheTable() throws {
    let (sandbox, id) = try Self.claim()
    #expect(sandbox.run(["amend", id, "--hedge", "unlikely", "--note", "n"]).status == .success)
    let claim = try #require(try sandbox.showJSON(id))
    #expect(claim["confidence"] as? Double == 0.2)
    #expect(claim["hedge"] as? String == "unlikely")
  }

  /// New words in another language carry the claim's language with them, as `add` reads it.
  @Test func newWordsSetTheLanguage() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add("特斯拉收购xAI", "--source", "量子位", "--confidence", "0.6")
    #expect(try sandbox.showJSON(id)?["lang"] as? String == "zh-Hans")
    let result = sandbox.run(["amend", id, "--text", "Tesla acquires xAI", "--note", "English"])
    #expect(result.status == .success, result.report)
    #expect(try sandbox.showJSON(id)?["lang"] as? String == "en")
    // The quote, when there is one, says what language the source spoke.
    let quoted = try sandbox.add(
      "特斯拉收购xAI", "--source", "量子位", "--confidence", "0.6", "--quote", "特斯拉将收购xAI")
    _ = sandbox.run(["amend", quoted, "--text", "Tesla acquires xAI", "--note", "English"])
    #expect(try sandbox.showJSON(quoted)?["lang"] as? String == "zh-Hans")
  }

  /// A deadline the extractor only implied from the article's framing becomes one a person
  /// stated when the same date is given: the framing's words go.
  @Test func aDateGivenForAnImpliedDeadlineStatesIt() throws {
    let sandbox = try Sandbox()
    let line = JournalLine.claim("abcd000001", text: "Rates fall").replacingOccurrences(
      of: #""deadline":"2026-12-31","#,
      with: #""deadline":"2026-12-31","deadline_text":"implied by the article's framing: 2026","#)
    try sandbox.writeLedger([line])
    let result = sandbox.run(["amend", "abcd", "--by", "2026-12-31", "--note", "stated"])
    #expect(result.status == .success, result.report)
    let claim = try #require(try sandbox.showJSON("abcd000001"))
    #expect(claim["deadline_text"] is NSNull)
  }

  /// New words for a confidence read from a negating word read it again: the text that gains
  /// the negation is 85 % sure, the one that loses it 15 %.
  @Test func newWordsReadTheHedgeAgain() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add("Tesla buys xAI", "--source", "Musk", "--hedge", "won't")
    #expect(try sandbox.showJSON(id)?["confidence"] as? Double == 0.15)
    let negated = sandbox.run(["amend", id, "--text", "Tesla won't buy xAI", "--note", "n"])
    #expect(negated.status == .success, negated.report)
    #expect(try sandbox.showJSON(id)?["confidence"] as? Double == 0.85)
    #expect(try sandbox.showJSON(id)?["hedge"] as? String == "won't")
    let plain = sandbox.run(["amend", id, "--text", "Tesla buys xAI soon", "--note", "n"])
    #expect(plain.status == .success, plain.report)
    #expect(try sandbox.showJSON(id)?["confidence"] as? Double == 0.15)
    // A number given outright is not read again.
    let given = try sandbox.add("Apple ships glasses", "--source", "Kuo", "--confidence", "0.6")
    _ = sandbox.run(["amend", given, "--text", "Apple won't ship glasses", "--note", "n"])
    #expect(try sandbox.showJSON(given)?["confidence"] as? Double == 0.6)
  }

  /// A word given alone is read for the claim as the amend leaves it worded: a negating word
  /// the new text holds counts one minus its value.
  @Test func negatingHedgeReadsForTheAmendedText() throws {
    let (sandbox, id) = try Self.claim()
    let amended = sandbox.run([
      "amend", id, "--text", "OpenAI won't buy Pinterest", "--hedge", "won't", "--note", "n",
    ])
    #expect(amended.status == .success, amended.report)
    let claim = try #require(try sandbox.showJSON(id))
    #expect(claim["confidence"] as? Double == 0.85)
    #expect(claim["hedge"] as? String == "won't")
  }

  static let refused: [RefusedArguments] = [
    .init(label: "nothing to change", arguments: ["--note", "why"], message: "nothing to change"),
    .init(
      label: "no note", arguments: ["--text", "OpenAI buys Pinterest"],
      message: "--note TEXT is required"),
    .init(
      label: "blank note", arguments: ["--text", "OpenAI buys Pinterest", "--note", " "],
      message: "--note is empty"),
    .init(
      label: "impossible date", arguments: ["--by", "2026-02-30", "--note", "n"],
      message: "--by: '2026-02-30' is not"),
    .init(
      label: "file url", arguments: ["--url", "file:///etc/passwd", "--note", "n"],
      message: "is not an http or https link"),
    .init(
      label: "escape in text", arguments: ["--text", "bad\u{1B}[2J", "--note", "n"],
      message: "control character"),
  ]

  @Test(arguments: refused)
  func refusesWithStatus2(_ c: RefusedArguments) throws {
    let (sandbox, id) = try Self.claim()
    let before = try #require(sandbox.ledger())
    let result = sandbox.run(["amend", id] + c.arguments)
    #expect(result.status == .usage, result.report)
    #expect(result.stderr.hasPrefix("claims: error: "))
    #expect(result.stderr.contains(c.message), result.report)
    #expect(sandbox.ledger() == before)
  }

  @Test func refusesADeadlineBeforeTheSaidDate() throws {
    let (sandbox, id) = try Self.claim()
    let before = try #require(sandbox.ledger())
    let result = sandbox.run(["amend", id, "--by", "2025-12-31", "--note", "n"])
    #expect(result.status == .failure, result.report)
    #expect(result.stderr.contains("deadline 2025-12-31 before its said date 2026-01-21"))
    #expect(sandbox.ledger() == before)
  }

  /// A said date after the claim's resolution is refused, as `import` refuses such a row.
  @Test func refusesASaidDateAfterTheResolution() throws {
    let (sandbox, id) = try Self.claim()
    let resolved = sandbox.run(["resolve", id, "true", "--on", "2026-03-01"])
    try #require(resolved.status == .success, resolved.report)
    let before = try #require(sandbox.ledger())
    let result = sandbox.run(["amend", id, "--said", "2026-04-01", "--note", "n"])
    #expect(result.status == .failure, result.report)
    #expect(result.stderr.contains("resolved on 2026-03-01, before the said date 2026-04-01"))
    #expect(sandbox.ledger() == before)
  }
}
