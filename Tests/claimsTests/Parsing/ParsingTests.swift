import ClaimLedger
import Testing

@testable import claims

/// A command line the parser accepts, and what it should have sorted out of it.
struct AcceptedLine: Sendable, CustomTestStringConvertible {
  let words: [String]
  var id: String? = "abc"
  var more: String?
  var by: String?
  var tags: [String] = []
  var isDryRun = false
  var wantsHelp = false

  var testDescription: String { words.isEmpty ? "(nothing)" : words.joined(separator: " ") }
}

/// A command line the parser refuses, and the message it gives.
struct RefusedLine: Sendable, CustomTestStringConvertible {
  let words: [String]
  let message: String

  var testDescription: String { words.isEmpty ? "(nothing)" : words.joined(separator: " ") }
}

/// Two words and how many single-character edits turn one into the other.
struct DistanceCase: Sendable, CustomTestStringConvertible {
  let a: String
  let b: String
  let distance: Int

  var testDescription: String { "\"\(a)\" → \"\(b)\"" }
}

/// A deadline as typed, and the day it means (nil: refused).
struct DeadlineCase: Sendable, CustomTestStringConvertible {
  let text: String
  let expected: String?
  /// Whether the words are kept as `deadline_text` (they are unless they were a plain date).
  var keepsText = true

  var testDescription: String { "\"\(text)\"" }
}

/// A confidence as typed, and the probability it means (nil: refused).
struct ConfidenceArgumentCase: Sendable, CustomTestStringConvertible {
  let text: String
  let expected: Double?

  var testDescription: String { "\"\(text)\"" }
}

@Suite struct ParsingTests {
  /// The options every command takes may come before the command, as git's do; they are read
  /// as if typed after it, and never after a `--`.
  @Test func globalOptionsMayComeBeforeTheCommand() throws {
    let sandbox = try Sandbox()
    try sandbox.add("OpenAI will acquire Pinterest", "--source", "The Information")
    let after = sandbox.run(["list", "--ledger", sandbox.ledgerPath, "--json"])
    let before = sandbox.run(["--ledger", sandbox.ledgerPath, "--json", "list"])
    #expect(before.status == .success, before.report)
    #expect(before.stdout == after.stdout)
    #expect(
      CLI.commandFirst(["--today=2026-01-02", "add", "x", "--", "--json"])
        == ["add", "--today=2026-01-02", "x", "--", "--json"])
    #expect(CLI.commandFirst(["--json"]) == ["--json"])
  }

  /// A command with one of each kind of parameter, known to no registry.
  static let spec = CommandSpec(
    name: "demo", abstract: "A command for parser tests.",
    parameters: [
      .positional("id", help: "An id."),
      .positional("more", help: "An optional word.", optional: true),
      .option("--by", value: "DATE", help: "A deadline."),
      .option("--tag", value: "TAG", help: "A topic.", repeatable: true),
      .flag("--dry-run", help: "Change nothing."),
    ])

  static let accepted: [AcceptedLine] = [
    .init(words: ["abc"]),
    .init(words: ["abc", "--by", "2027"], by: "2027"),
    .init(words: ["--by", "2027", "abc"], by: "2027"),
    .init(words: ["abc", "--by=2027"], by: "2027"),
    .init(words: ["abc", "--by=2026年下半年"], by: "2026年下半年"),
    .init(words: ["abc", "--by", "-5"], by: "-5"),
    .init(words: ["--", "--by"], id: "--by"),
    .init(words: ["abc", "--", "--dry-run"], more: "--dry-run"),
    .init(words: ["abc", "def"], more: "def"),
    .init(words: ["-", "-5"], id: "-", more: "-5"),
    .init(words: ["abc", "--dry-run"], isDryRun: true),
    .init(words: ["--dry-run", "abc"], isDryRun: true),
    .init(words: ["abc", "--tag", "ai", "--tag=芯片", "--tag", "ipo"], tags: ["ai", "芯片", "ipo"]),
    .init(words: ["--help"], id: nil, wantsHelp: true),
    .init(words: ["-h"], id: nil, wantsHelp: true),
    .init(words: ["a", "b", "c", "--help"], id: nil, wantsHelp: true),
  ]

  @Test(arguments: accepted)
  func sortsWordsIntoPositionalsOptionsAndFlags(_ line: AcceptedLine) throws {
    let input = try ParsedInput(line.words, spec: Self.spec)
    #expect(input.wantsHelp == line.wantsHelp)
    guard !line.wantsHelp else { return }
    #expect(input.positional("id") == line.id)
    #expect(input.positional("more") == line.more)
    #expect(input.option("--by") == line.by)
    #expect(input.options("--tag") == line.tags)
    #expect(input.flag("--dry-run") == line.isDryRun)
  }

  static let refused: [RefusedLine] = [
    .init(words: ["abc", "--by", "2026", "--by", "2027"], message: "--by is given twice"),
    .init(words: ["abc", "--by=2026", "--by=2027"], message: "--by is given twice"),
    .init(words: ["abc", "--by="], message: "--by is empty"),
    .init(words: ["abc", "--by", " "], message: "--by is empty"),
    .init(words: ["abc", "--by"], message: "--by needs a value (DATE)"),
    .init(words: ["abc", "--by", "--dry-run"], message: "--by needs a value (DATE)"),
    .init(words: ["abc", "--dry-run=yes"], message: "--dry-run takes no value"),
    .init(
      words: ["abc", "--dry-rn"], message: "unknown option '--dry-rn'; did you mean '--dry-run'?"),
    .init(
      words: ["abc", "--bye", "2026"], message: "unknown option '--bye'; did you mean '--by'?"),
    .init(words: ["abc", "-by", "2026"], message: "unknown option '-by'; did you mean '--by'?"),
    .init(words: ["abc", "--colour"], message: "unknown option '--colour'"),
    .init(words: [], message: "missing <id>"),
    .init(words: ["--dry-run"], message: "missing <id>"),
    .init(words: ["abc", "def", "ghi"], message: "unexpected argument 'ghi'"),
    .init(words: ["abc", "def", "--", "ghi"], message: "unexpected argument 'ghi'"),
  ]

  @Test(arguments: refused)
  func refusesWithAMessageNamingTheProblem(_ line: RefusedLine) {
    #expect(throws: UsageError(line.message, command: "demo")) {
      try ParsedInput(line.words, spec: Self.spec)
    }
  }

  @Test func convertsTypedValuesAndNamesTheOptionWhenOneIsBad() throws {
    let input = try ParsedInput(["abc", "--by", "2026-Q3"], spec: Self.spec)
    #expect(try input.option("--by", as: Deadline.self)?.day == Day("2026-09-30"))
    let bad = try ParsedInput(["abc", "--by", "someday"], spec: Self.spec)
    #expect(
      throws: UsageError("--by: 'someday' is not \(Deadline.expectation)", command: "demo")
    ) {
      try bad.option("--by", as: Deadline.self)
    }
    #expect(throws: UsageError("<id>: 'abc' is not \(Day.expectation)", command: "demo")) {
      try input.required("id", as: Day.self)
    }
  }

  @Test func everyCommandTakesTheGlobalOptions() throws {
    let input = try ParsedInput(
      ["abc", "--ledger", "/tmp/l.jsonl", "--today=2026-08-01", "--json"], spec: Self.spec)
    #expect(input.option("--ledger") == "/tmp/l.jsonl")
    #expect(input.option("--today") == "2026-08-01")
    #expect(input.flag("--json"))
  }

  static let distances: [DistanceCase] = [
    .init(a: "", b: "", distance: 0),
    .init(a: "", b: "list", distance: 4),
    .init(a: "list", b: "", distance: 4),
    .init(a: "list", b: "list", distance: 0),
    // A swap of two neighbours is one edit; case does not count.
    .init(a: "lsit", b: "list", distance: 1),
    .init(a: "--HELP", b: "--help", distance: 0),
    .init(a: "lst", b: "list", distance: 1),
    .init(a: "lists", b: "list", distance: 1),
    .init(a: "kitten", b: "sitting", distance: 3),
    .init(a: "flaw", b: "lawn", distance: 2),
    .init(a: "--stauts", b: "--status", distance: 1),
    .init(a: "量子位", b: "量子", distance: 1),
    .init(a: "来源", b: "來源", distance: 1),
  ]

  @Test(arguments: distances)
  func distanceCountsCharacterEdits(_ c: DistanceCase) {
    #expect(Suggestion.distance(c.a, c.b) == c.distance)
    #expect(Suggestion.distance(c.b, c.a) == c.distance)
  }

  @Test func suggestsTheClosestNamesOrNothing() {
    let names = CLI.commands.map { $0.spec.name }
    #expect(Suggestion.phrase(for: "lst", among: names) == "; did you mean 'list'?")
    #expect(Suggestion.phrase(for: "resolv", among: names) == "; did you mean 'resolve'?")
    #expect(Suggestion.phrase(for: "xyzzyplugh", among: names) == "")
  }

  static let deadlines: [DeadlineCase] = [
    .init(text: "2026-12-31", expected: "2026-12-31", keepsText: false),
    .init(text: "2027", expected: "2027-12-31"),
    .init(text: "2026-06", expected: "2026-06-30"),
    .init(text: "2026-02", expected: "2026-02-28"),
    .init(text: "2028-02", expected: "2028-02-29"),
    .init(text: "2026-Q1", expected: "2026-03-31"),
    .init(text: "2026-Q3", expected: "2026-09-30"),
    .init(text: "2026-q4", expected: "2026-12-31"),
    .init(text: "2026-H1", expected: "2026-06-30"),
    .init(text: "2026-H2", expected: "2026-12-31"),
    .init(text: "2026年", expected: "2026-12-31"),
    .init(text: "二零二六年", expected: "2026-12-31"),
    .init(text: "二〇二六年", expected: "2026-12-31"),
    .init(text: "2026年底", expected: "2026-12-31"),
    .init(text: "2026年上半年", expected: "2026-06-30"),
    .init(text: "2026年下半年", expected: "2026-12-31"),
    .init(text: "2026年第三季度", expected: "2026-09-30"),
    .init(text: "2026年第1季度", expected: "2026-03-31"),
    .init(text: "2026年12月", expected: "2026-12-31"),
    .init(text: "2026年2月底", expected: "2026-02-28"),
    .init(text: "二〇二六年十一月", expected: "2026-11-30"),
    .init(text: "2026年3月15日", expected: "2026-03-15"),
    .init(text: "2026年十二月三十一日", expected: "2026-12-31"),
    .init(text: "2026年13月", expected: nil),
    .init(text: "2026年2月30日", expected: nil),
    .init(text: "2026年月", expected: nil),
    .init(text: "2026年+1月", expected: nil),
    .init(text: "２０２７", expected: "2027-12-31"),
    .init(text: "2026-13", expected: nil),
    .init(text: "2026-00", expected: nil),
    .init(text: "2026-02-30", expected: nil),
    .init(text: "2026-Q5", expected: nil),
    .init(text: "2026-H3", expected: nil),
    .init(text: "2026年第五季度", expected: nil),
    .init(text: String(repeating: "9", count: 40) + "年下半年", expected: nil),
    .init(text: "20266年", expected: nil),
    .init(text: "26", expected: nil),
    .init(text: "next year", expected: nil),
    .init(text: "", expected: nil),
  ]

  @Test(arguments: deadlines)
  func deadlineIsTheLastDayOfThePeriod(_ c: DeadlineCase) {
    let deadline = Deadline(argument: c.text)
    #expect(deadline?.day.description == c.expected)
    if c.expected != nil {
      #expect(deadline?.text == (c.keepsText ? c.text : nil))
    }
  }

  static let confidences: [ConfidenceArgumentCase] = [
    .init(text: "0.7", expected: 0.7),
    .init(text: "70%", expected: 0.7),
    .init(text: "７０％", expected: 0.7),
    .init(text: "七成", expected: 0.7),
    .init(text: "七成五", expected: 0.75),
    .init(text: "0", expected: 0),
    .init(text: "1", expected: 1),
    .init(text: "100%", expected: 1),
    .init(text: "1.5", expected: nil),
    .init(text: "101%", expected: nil),
    .init(text: "-5%", expected: nil),
    .init(text: "-0.5", expected: nil),
    .init(text: "seventy", expected: nil),
    .init(text: "0.7.1", expected: nil),
    .init(text: "", expected: nil),
  ]

  @Test(arguments: confidences)
  func confidenceReadsProbabilityPercentOrTenths(_ c: ConfidenceArgumentCase) {
    #expect(Confidence(argument: c.text)?.value == c.expected)
  }
}
