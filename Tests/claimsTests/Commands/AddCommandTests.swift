import ClaimLedger
import Foundation
import Testing

@testable import claims

/// Arguments a command must refuse with status 2 before the ledger is touched, and a piece of
/// the message.
struct RefusedArguments: Sendable, CustomTestStringConvertible {
  let label: String
  let arguments: [String]
  /// A piece of the error message.
  let message: String

  var testDescription: String { label }
}

/// A hedge word and the probability `--hedge` sets from the table.
struct HedgeCase: Sendable, CustomTestStringConvertible {
  let word: String
  let probability: Double

  var testDescription: String { word }
}

@Suite struct AddCommandTests {
  /// A text or source of spaces of any kind, format characters or a lone combining mark says
  /// nothing: refused as empty, the ledger unchanged. Emoji alone say something.
  @Test(arguments: ["\u{A0}", "\u{200B}", "\u{FEFF}", "\u{301}", "\u{202E}", "\u{3000}\u{A0}"])
  func aTextThatSaysNothingIsRefused(_ text: String) throws {
    let sandbox = try Sandbox()
    let before = sandbox.ledger()
    let noText = sandbox.run(["add", text, "--source", "Kuo", "--confidence", "0.5"])
    #expect(noText.status == .usage, noText.report)
    #expect(noText.stderr.contains("is empty"), noText.report)
    let noSource = sandbox.run(["add", "Apple ships", "--source", text, "--confidence", "0.5"])
    #expect(noSource.status == .usage, noSource.report)
    #expect(sandbox.ledger() == before)
    #expect(sandbox.run(["add", "🚀", "--source", "Kuo", "--confidence", "0.5"]).status == .success)
  }

  /// White space of any kind is trimmed from what is typed, a no-break space as an ideographic
  /// one; a tag given again in another case or with spaces is kept once.
  /// Today is UTC's day wherever the user is, so clones in two zones give the same claim the
  /// same said date and id: at any hour, a zone 14 hours ahead or one 12 hours behind is on
  /// another calendar day, and neither moves it.
  @Test(arguments: ["KIR-14", "XXX+12"])
  func todayIsTheSameDayInEveryZone(zone: String) throws {
    let sandbox = try Sandbox()
    func utcDay() throws -> String {
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = try #require(TimeZone(secondsFromGMT: 0))
      let parts = calendar.dateComponents([.year, .month, .day], from: Date())
      return String(
        format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
    let before = try utcDay()
    let run = try BuiltBinary.run(
      ["add", "Rain will fall", "--source", "Ann", "--confidence", "0.6", "--json"],
      environment: ["CLAIMS_LEDGER": sandbox.ledgerPath, "TZ": zone])
    let after = try utcDay()
    #expect(run.status == 0, run.report)
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let said = try #require(object?["said"] as? String, run.report)
    #expect([before, after].contains(said), "said \(said) in \(zone), UTC's day \(before)")
  }

  @Test func whiteSpaceIsTrimmedAndTagsKeptOnce() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "\u{A0}Apple ships a headset\u{2003}", "--source", "\u{A0}Kuo", "--confidence", "0.5",
      "--tag", "ai", "--tag", "AI", "--tag", " ai\u{A0}", "--tag", "chips")
    let claim = try #require(try sandbox.showJSON(id))
    #expect(claim["text"] as? String == "Apple ships a headset")
    #expect(claim["source"] as? String == "Kuo")
    #expect(claim["tags"] as? [String] == ["ai", "chips"])
  }

  /// A write cut short by the file size limit (`ulimit -f`, a full disk that needs no mount):
  /// status 74, and the ledger cut back to exactly what it held, so the next command finds no
  /// torn line. `resolve`, which appends after reading under the same lock, does the same.
  @Test func aWriteCutShortLeavesTheLedgerAsItWas() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add("A claim already there", "--source", "Kuo", "--confidence", "0.6")
    let before = try #require(sandbox.ledger())
    try #require(before.count < 512, "the ledger must start below the limit")
    let long = String(repeating: "w", count: 3_000)
    let script = """
      ulimit -f 1
      "$0" add "A long claim" --source Kuo --confidence 0.6 --quote "\(long)"
      echo "add $?"
      "$0" resolve \(id) true --evidence https://example.com/x --note "\(long)"
      echo "resolve $?"
      """
    let run = try BuiltBinary.shell(script, environment: sandbox.environment).finish()
    #expect(run.stdout.contains("add 74"), run.report)
    #expect(run.stdout.contains("resolve 74"), run.report)
    #expect(run.stderr.contains(sandbox.ledgerPath), run.report)
    #expect(sandbox.ledger() == before)
    let check = sandbox.run(["check"])
    #expect(check.status == .success, check.report)
  }

  @Test func printsTheIdAndWritesOneLineInTheJournalFormat() throws {
    let sandbox = try Sandbox()
    let result = sandbox.run([
      "add", "OpenAI acquires Pinterest", "--source", "The Information", "--said", "2026-01-21",
      "--by", "2026-12-31", "--confidence", "0.75",
    ])
    #expect(result.status == .success, result.report)
    #expect(result.stderr.isEmpty)
    let expected = ClaimID(
      source: "The Information", said: Day("2026-01-21"), words: "OpenAI acquires Pinterest")
    #expect(result.stdout == "\(expected)\n")
    #expect(result.stdout.wholeMatch(of: /[0-9a-f]{10}\n/) != nil)
    #expect(
      try sandbox.ledgerLines() == [
        JournalLine.claim(
          expected.description, at: Sandbox.stamp, text: "OpenAI acquires Pinterest")
      ])
  }

  @Test func recordsEveryOptionGiven() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "OpenAI acquires Pinterest", "--source", "The Information", "--via", "Best Partners TV",
      "--url", "https://www.youtube.com/watch?v=Hzu-Ot-mB1k", "--said", "2026-01-21", "--by",
      "二零二六年", "--hedge", "将", "--quote", "OpenAI将上演其发展史上最大规模的收购案", "--tag", "ai", "--tag",
      "acquisitions", "--conditional")
    #expect(
      try sandbox.ledgerLines() == [
        #"{"entry":"claim","id":"\#(id)","at":"2026-08-01T12:00:00.000Z","#
          + #""text":"OpenAI acquires Pinterest","quote":"OpenAI将上演其发展史上最大规模的收购案","#
          + #""source":"The Information","via":"Best Partners TV","#
          + #""url":"https://www.youtube.com/watch?v=Hzu-Ot-mB1k","said":"2026-01-21","#
          + #""deadline":"2026-12-31","deadline_text":"二零二六年","confidence":0.85,"hedge":"将","#
          + #""lang":"zh-Hans","tags":["ai","acquisitions"],"status":"open","conditional":true}"#
      ])
    // The id hashes the quote, not the text, when there is one.
    #expect(
      id
        == ClaimID(
          source: "The Information", said: Day("2026-01-21"),
          words: "OpenAI将上演其发展史上最大规模的收购案"
        ).description)
  }

  @Test func saidDefaultsToToday() throws {
    let sandbox = try Sandbox()
    try sandbox.add("Apple will ship glasses", "--source", "Bloomberg")
    #expect(try sandbox.ledgerLines().first?.contains(#""said":"2026-08-01""#) == true)
  }

  @Test func sameClaimTwiceIsOneLineAndANote() throws {
    let sandbox = try Sandbox()
    let first = sandbox.run(["add", "OpenAI will acquire Pinterest", "--source", "The Information"])
    let before = try #require(sandbox.ledger())
    // Case and spacing of the source and text do not split one claim in two.
    let second = sandbox.run([
      "add", "OpenAI  will acquire pinterest", "--source", "the information",
    ])
    #expect(second.status == .success, second.report)
    #expect(second.stdout == first.stdout)
    #expect(
      second.stderr.hasPrefix("claims: claim \(first.stdout.dropLast()) is in the ledger already"))
    #expect(sandbox.ledger() == before)
    #expect(try sandbox.ledgerLines().count == 1)
  }

  /// A claim added again that stands proposed or rejected: the note says where it stands and
  /// which command changes that, since `amend` does not.
  @Test func aClaimAddedAgainSaysWhereItStands() throws {
    let again = [
      "add", "Rain falls", "--source", "The Information", "--said", "2026-01-21",
      "--confidence", "0.6",
    ]
    // The id `add` gives these words, on a claim recorded proposed as `extract` records it.
    let id = String(try Sandbox().run(again).stdout.dropLast())
    let sandbox = try Sandbox()
    try sandbox.writeLedger([JournalLine.claim(id, text: "Rain falls", status: "proposed")])
    let proposed = sandbox.run(again)
    #expect(proposed.status == .success, proposed.report)
    #expect(proposed.stderr.contains("proposed for review; nothing was added (claims accept"))
    #expect(sandbox.run(["reject", id, "--reason", "vague"]).status == .success)
    let rejected = sandbox.run(again)
    #expect(rejected.stderr.contains("rejected (vague); nothing was added (claims reopen"))
  }

  /// A claim line written another way (keys in another order, spaces after the colons, as
  /// another tool or a hand writes JSON) is found too, and nothing is added twice.
  @Test func aClaimLineInAnotherKeyOrderIsFound() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add("OpenAI will acquire Pinterest", "--source", "The Information")
    let line = try #require(try sandbox.ledgerLines().first)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    let reordered = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    let spaced = String(decoding: reordered, as: UTF8.self).replacingOccurrences(
      of: "\":", with: "\": ")
    #expect(!spaced.hasPrefix(#"{"entry""#))
    // The kind first, as this tool writes it, but the time before the id.
    let kindFirst = line.replacingOccurrences(
      of: #"{"entry":"claim","id":"\#(id)","at":"#, with: #"{"entry":"claim","at":"#
    ).replacingOccurrences(of: #","text":"#, with: #","id":"\#(id)","text":"#)
    #expect(kindFirst.hasPrefix(#"{"entry":"claim","at":"#), "\(kindFirst)")
    for written in [spaced, kindFirst] {
      try sandbox.writeLedger([written])
      let again = sandbox.run([
        "add", "OpenAI will acquire Pinterest", "--source", "The Information",
      ])
      #expect(again.status == .success, again.report)
      #expect(again.stdout == id + "\n")
      #expect(try sandbox.ledgerLines() == [written])
      #expect(sandbox.run(["check"]).status == .success)
    }
  }

  @Test func quotesBackslashesAndNewlinesStayOnOneLine() throws {
    let sandbox = try Sandbox()
    let text = "Altman: \"OpenAI will buy Pinterest\"\\n\nsecond line\ttab"
    let id = try sandbox.add(text, "--source", "The Information", "--tag", "a\"b")
    let lines = try sandbox.ledgerLines()
    #expect(lines.count == 1)
    #expect(
      lines.first?.contains(#""text":"Altman: \"OpenAI will buy Pinterest\"\\n\nsecond line\ttab""#)
        == true)
    let claim = try #require(try sandbox.showJSON(id))
    #expect(claim["text"] as? String == text)
    #expect(claim["tags"] as? [String] == ["a\"b"])
    #expect(sandbox.run(["check"]).status == .success)
    // The table keeps one row per claim.
    #expect(sandbox.run(["list"]).stdout.split(separator: "\n").count == 2)
  }

  static let hedges: [HedgeCase] = [
    .init(word: "大概率", probability: 0.75),
    .init(word: "likely", probability: 0.7),
    .init(word: "Very Likely", probability: 0.88),
    .init(word: "或许", probability: 0.45),
    .init(word: "unlikely", probability: 0.2),
  ]

  @Test(arguments: hedges)
  func hedgeSetsTheConfidenceFromTheTable(_ c: HedgeCase) throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add("Apple ships glasses", "--source", "Bloomberg", "--hedge", c.word)
    let claim = try #require(try sandbox.showJSON(id))
    #expect(claim["confidence"] as? Double == c.probability)
    #expect((claim["hedge"] as? String)?.lowercased() == c.word.lowercased())
  }

  @Test func hedgeWordInTheTextSetsTheConfidence() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add("特斯拉收购xAI的可能性极大", "--source", "量子位")
    let claim = try #require(try sandbox.showJSON(id))
    #expect(claim["confidence"] as? Double == 0.88)
    #expect(claim["hedge"] as? String == "可能性极大")
    #expect(claim["lang"] as? String == "zh-Hans")
  }

  /// A negating word the text holds makes the claim the negated outcome: its confidence is one
  /// minus the word's value (不会 and won't are 0.15, unlikely 0.2). Given for a text without
  /// it, the word is the chance of the text's own outcome.
  @Test(arguments: [
    (["Tesla won't buy xAI in 2026"], 0.85, "won't"),
    (["特斯拉不会收购xAI", "--hedge", "不会"], 0.85, "不会"),
    (["Tesla is unlikely to buy xAI", "--hedge", "Unlikely"], 0.8, "unlikely"),
    (["特斯拉收购xAI", "--hedge", "不会"], 0.15, "不会"),
    (["Tesla buys xAI", "--quote", "Tesla won't buy xAI"], 0.15, "won't"),
    // Another negating word in the text, or the other apostrophe, words it negated too.
    (["Tesla won't buy xAI", "--quote", "特斯拉不会收购xAI"], 0.85, "不会"),
    (["Tesla won’t buy xAI", "--hedge", "won't"], 0.85, "won't"),
    (["Tesla won't buy xAI", "--confidence", "0.3", "--hedge", "won't"], 0.3, "won't"),
  ])
  func negatingHedgeInTheTextSetsOneMinusItsValue(
    _ arguments: [String], _ expected: Double, _ word: String
  ) throws {
    let sandbox = try Sandbox()
    let added = sandbox.run(["add"] + arguments + ["--source", "Musk"])
    try #require(added.status == .success, added.report)
    let claim = try #require(try sandbox.showJSON(added.stdout.trimmingCharacters(in: .newlines)))
    #expect(claim["confidence"] as? Double == expected)
    #expect(claim["hedge"] as? String == word)
  }

  @Test func confidenceWinsOverHedgeAndTheHedgeIsRecorded() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "Apple ships glasses", "--source", "Bloomberg", "--confidence", "60%", "--hedge", "likely")
    let claim = try #require(try sandbox.showJSON(id))
    #expect(claim["confidence"] as? Double == 0.6)
    #expect(claim["hedge"] as? String == "likely")
  }

  @Test func confidenceKeepsAHedgeWordNotInTheTable() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "Apple ships glasses", "--source", "Bloomberg", "--confidence", "七成", "--hedge", "看好")
    let claim = try #require(try sandbox.showJSON(id))
    #expect(claim["confidence"] as? Double == 0.7)
    #expect(claim["hedge"] as? String == "看好")
  }

  static let refused: [RefusedArguments] = [
    .init(
      label: "no hedge word and no confidence",
      arguments: ["Apple ships glasses", "--source", "Bloomberg"],
      message: "no hedge word found in the text"),
    .init(
      label: "hedge word not in the table",
      arguments: ["Apple ships glasses", "--source", "Bloomberg", "--hedge", "liekly"],
      message:
        "--hedge: 'liekly' is not in the hedge table (did you mean 'likely'?); give --confidence"),
    .init(
      label: "no source", arguments: ["Apple will ship glasses"],
      message: "--source NAME is required"),
    .init(
      label: "empty text", arguments: ["  ", "--source", "Bloomberg", "--confidence", "0.5"],
      message: "<text> is empty"),
    .init(
      label: "--by before --said",
      arguments: [
        "Apple will ship glasses", "--source", "Bloomberg", "--said", "2026-05-01", "--by",
        "2026-04-30",
      ],
      message: "--by 2026-04-30 is before --said 2026-05-01"),
    .init(
      label: "--by before today when --said is left out",
      arguments: ["Apple will ship glasses", "--source", "Bloomberg", "--by", "2026-07-31"],
      message: "--by 2026-07-31 is before the said date 2026-08-01"),
    .init(
      label: "--said after today",
      arguments: ["Apple will ship glasses", "--source", "Bloomberg", "--said", "2026-08-02"],
      message: "--said 2026-08-02 is after today (2026-08-01)"),
    .init(
      label: "--said not a date",
      arguments: ["Apple will ship glasses", "--source", "Bloomberg", "--said", "2026-02-30"],
      message: "--said: '2026-02-30' is not"),
    .init(
      label: "--url ftp",
      arguments: ["Apple will ship glasses", "--source", "Bloomberg", "--url", "ftp://x.com/a"],
      message: "--url: 'ftp://x.com/a' is not an http or https link"),
    .init(
      label: "--url without host",
      arguments: ["Apple will ship glasses", "--source", "Bloomberg", "--url", "https://"],
      message: "is not an http or https link"),
    .init(
      label: "--url with a space",
      arguments: [
        "Apple will ship glasses", "--source", "Bloomberg", "--url", "https://x.org/a b",
      ],
      message: "--url: 'https://x.org/a b' is not an http or https link"),
    .init(
      label: "--url with a quote and brackets",
      arguments: [
        "Apple will ship glasses", "--source", "Bloomberg", "--url", "https://x.org/a\"b<c>",
      ],
      message: "is not an http or https link"),
    .init(
      label: "--url javascript",
      arguments: [
        "Apple will ship glasses", "--source", "Bloomberg", "--url", "javascript:alert(1)",
      ],
      message: "is not an http or https link"),
    .init(
      label: "bell in text", arguments: ["Apple will\u{7} ship glasses", "--source", "Bloomberg"],
      message: "<text> contains the control character U+7"),
    .init(
      label: "escape in text",
      arguments: ["Apple will \u{1B}[31mship glasses", "--source", "Bloomberg"],
      message: "<text> contains the control character U+1B"),
    .init(
      label: "bell in source",
      arguments: ["Apple will ship glasses", "--source", "Bloom\u{7}berg"],
      message: "--source contains the control character U+7"),
    .init(
      label: "semicolon in a tag",
      arguments: ["Apple will ship glasses", "--source", "Bloomberg", "--tag", "ai;chips"],
      message: "--tag cannot hold ';', which joins tags in CSV"),
    .init(
      label: "delete in quote",
      arguments: ["Apple will ship glasses", "--source", "Bloomberg", "--quote", "a\u{7F}b"],
      message: "--quote contains the control character U+7F"),
    .init(
      label: "C1 control CSI in text",
      arguments: ["Apple will \u{9B}31mship glasses", "--source", "Bloomberg"],
      message: "<text> contains the control character U+9B"),
    .init(
      label: "confidence out of range",
      arguments: ["Apple ships glasses", "--source", "Bloomberg", "--confidence", "1.5"],
      message: "--confidence: '1.5' is not"),
  ]

  /// A message quoting what was typed shows a control character as `\u{1B}`, so an escape
  /// sequence in an argument or a file never reaches the terminal.
  @Test func aMessageNeverEchoesAControlCharacter() throws {
    let sandbox = try Sandbox()
    let result = sandbox.run(["add", "X happens", "--source", "S", "--by", "20\u{1B}[31m"])
    #expect(result.status == .usage, result.report)
    #expect(result.stderr.contains("'20\\u{1B}[31m'"), result.report)
    #expect(!result.stderr.unicodeScalars.contains("\u{1B}"))
  }

  @Test(arguments: refused)
  func refusesBadInputWithStatus2AndWritesNothing(_ c: RefusedArguments) throws {
    let sandbox = try Sandbox()
    try sandbox.add("OpenAI will acquire Pinterest", "--source", "The Information")
    let before = try #require(sandbox.ledger())
    let result = sandbox.run(["add"] + c.arguments)
    #expect(result.status == .usage, result.report)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("claims: error: "))
    #expect(result.stderr.contains(c.message), result.report)
    #expect(result.stderr.contains("usage: claims add <text>"))
    #expect(result.stderr.contains("see 'claims help add'"))
    #expect(sandbox.ledger() == before)
  }
}
