import Foundation
import Testing

@testable import claims

@Suite struct CheckCommandTests {
  static let lines = [
    JournalLine.claim("abcd000001", text: "OpenAI will acquire Pinterest"),
    JournalLine.claim("abcd000002", text: "Apple will ship glasses", source: "Bloomberg"),
    JournalLine.claim("abcd000003", text: "Nvidia will be worth $5T", source: "Bloomberg"),
    JournalLine.resolve(
      "abcd000002", at: "2026-07-02T10:00:00.000Z", outcome: "true", on: "2026-07-02"),
    JournalLine.claim("abcd000004", text: "特斯拉收购xAI的可能性极大", source: "量子位", lang: "zh-Hans"),
  ]

  /// A control character is named at the line of the entry that wrote it (a resolution's
  /// evidence at the resolution, an amended text at the amend), once for each field holding
  /// one, not only the first.
  @Test func aControlCharacterIsNamedAtTheLineThatWroteIt() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger([
      JournalLine.claim("abcd000001", text: "Plain will happen"),
      #"{"entry":"resolve","id":"abcd000001","at":"2026-07-06T00:00:00.000Z","outcome":"true","on":"2026-07-01","evidence":"bad \u001b[31m evidence","note":"a\u0007b"}"#,
      JournalLine.claim("abcd000002", text: "Other will happen"),
      #"{"entry":"amend","id":"abcd000002","at":"2026-07-06T00:00:00.000Z","text":"Amended \u001b will happen","note":"n"}"#,
    ])
    let check = sandbox.run(["check"])
    #expect(check.status == .success, check.report)
    let warnings = check.stdout.split(separator: "\n").filter { $0.contains("control character") }
    #expect(warnings.count == 3, check.report)
    #expect(
      warnings.contains {
        $0.contains("ledger.jsonl:2: warning: claim abcd000001") && $0.contains("in its evidence")
      },
      check.report)
    #expect(
      warnings.contains {
        $0.contains("ledger.jsonl:2: warning: claim abcd000001") && $0.contains("in its note")
      },
      check.report)
    #expect(
      warnings.contains {
        $0.contains("ledger.jsonl:4: warning: claim abcd000002") && $0.contains("in its text")
      },
      check.report)
  }

  /// A claim amended to read as another (its source corrected, then the corrected claim added
  /// again, which `add` cannot match to the first) is one forecast counted twice: a warning
  /// naming both, until one is voided as a duplicate.
  @Test func aClaimAmendedIntoAnotherIsAWarningUntilOneIsLeftOut() throws {
    let sandbox = try Sandbox()
    let first = try sandbox.add(
      "Rates will fall", "--source", "Wrong Source", "--said", "2026-01-01", "--confidence", "0.6")
    try #require(
      sandbox.run(["amend", first, "--source", "Right Source", "--note", "fix"]).status == .success)
    let second = try sandbox.add(
      "Rates will fall", "--source", "Right Source", "--said", "2026-01-01", "--confidence", "0.6")
    #expect(second != first)
    let check = sandbox.run(["check"])
    #expect(check.status == .success, check.report)
    #expect(
      check.stdout.contains(
        "ledger.jsonl:3: warning: claims \(first) and \(second) read alike (the same source, "
          + "said day and words, since an amend)"), check.report)
    let voided = sandbox.run(["resolve", second, "void", "--reason", "duplicate"])
    try #require(voided.status == .success, voided.report)
    let after = sandbox.run(["check"])
    #expect(after.stdout.hasSuffix("0 errors, 0 warnings\n"), after.report)
  }

  /// One sentence holding two forecasts gives two claims quoting it, which an amend may set:
  /// their texts differ, so they are no duplicate.
  @Test func twoClaimsQuotingOneSentenceAreNoDuplicate() throws {
    let sandbox = try Sandbox()
    let quote = "Apple will likely ship a foldable iPhone in 2026 and a foldable iPad in 2027."
    _ = try sandbox.add(
      "Apple ships a foldable iPhone", "--source", "Kuo", "--said", "2026-01-01", "--quote", quote,
      "--confidence", "0.7")
    let ipad = try sandbox.add(
      "Apple ships a foldable iPad", "--source", "Kuo", "--said", "2026-01-01", "--confidence",
      "0.7")
    try #require(
      sandbox.run(["amend", ipad, "--quote", quote, "--note", "q"]).status == .success)
    let check = sandbox.run(["check"])
    #expect(check.stdout.hasSuffix("0 errors, 0 warnings\n"), check.report)
  }

  @Test func cleanLedgerPassesWithASummaryLine() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger(Self.lines)
    let result = sandbox.run(["check"])
    #expect(result.status == .success, result.report)
    #expect(result.stdout == "\(sandbox.ledgerPath): 5 entries, 4 claims, 0 errors, 0 warnings\n")
    #expect(result.stderr.isEmpty)
  }

  @Test func summaryCountsInTheSingular() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger([Self.lines[0]])
    let result = sandbox.run(["check"])
    #expect(result.status == .success, result.report)
    #expect(result.stdout == "\(sandbox.ledgerPath): 1 entry, 1 claim, 0 errors, 0 warnings\n")
  }

  @Test func emptyLedgerIsClean() throws {
    let sandbox = try Sandbox()
    let result = sandbox.run(["check"])
    #expect(result.status == .success, result.report)
    #expect(result.stdout.hasSuffix(": 0 entries, 0 claims, 0 errors, 0 warnings\n"))
  }

  @Test func malformedLineIsNamedByFileAndLine() throws {
    let sandbox = try Sandbox()
    var lines = Self.lines
    lines[2] = #"{"entry":"claim","id":"abcd000003","#
    try sandbox.writeLedger(lines)
    let before = try #require(sandbox.ledger())
    let result = sandbox.run(["check"])
    #expect(result.status == .dataError, result.report)
    #expect(result.stdout.contains("ledger.jsonl:3:"))
    #expect(result.stdout.contains("\(sandbox.ledgerPath):3:"))
    #expect(result.stdout.hasSuffix(": 4 entries, 3 claims, 1 error, 0 warnings\n"))
    for command in [["list"], ["show", "abcd000001"], ["due"], ["sources"]] {
      let other = sandbox.run(command)
      #expect(other.status == .dataError, other.report)
      #expect(other.stderr.hasPrefix("claims: error: \(sandbox.ledgerPath):3:"), other.report)
    }
    #expect(sandbox.ledger() == before)
  }

  /// A `sources.json` that gives one spelling two names is an error of `check` with its line,
  /// and stops a report rather than merging sources one way or the other.
  @Test func aliasesInConflictAreAnErrorWithTheirLine() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger(Self.lines)
    try sandbox.write(
      "{\n  \"Bloomberg\": [\"bbg\"],\n  \"BBG\": []\n}\n", to: "Claims/sources.json")
    let result = sandbox.run(["check"])
    #expect(result.status == .dataError, result.report)
    let sources = sandbox.path("Claims/sources.json")
    #expect(result.stdout.contains("\(sources):2: error: 'bbg' stands for both"), result.report)
    let json = sandbox.run(["check", "--json"])
    #expect(json.stdout.contains("\"file\":\"\(sources)\",\"line\":2"), json.report)
    let report = sandbox.run(["report", "--format", "json", "--out", sandbox.path("Reports")])
    #expect(report.status == .dataError, report.report)
    #expect(report.stderr.hasPrefix("claims: error: \(sources):2:"), report.report)
  }

  /// A whole last entry without its newline is named as such, and the repair only adds it.
  @Test func repairEndsAWholeLastLineWithItsNewline() throws {
    let sandbox = try Sandbox()
    let text = Self.lines.joined(separator: "\n")
    try sandbox.writeLedger(bytes: Data(text.utf8))
    let checked = sandbox.run(["check"])
    #expect(checked.status == .dataError, checked.report)
    #expect(
      checked.stdout.contains(":5: error: the last line is a whole entry without its newline"))
    let listed = sandbox.run(["list"])
    #expect(
      listed.status == .dataError && listed.stderr.contains("adds the newline"), listed.report)
    let repaired = sandbox.run(["check", "--repair"])
    #expect(repaired.status == .success, repaired.report)
    #expect(repaired.stdout.hasPrefix("repaired: ended line 5, a whole entry, with its newline\n"))
    #expect(sandbox.ledger() == Data((text + "\n").utf8))
  }

  /// A last line without its newline that closes its object but is no valid entry was
  /// written whole (an edit, not a cut write): its own fault is named, at its column, by every
  /// command and by `check`; the repair still sets it aside. One cut short inside a string
  /// holding a brace is still torn.
  @Test func anUnendedLineThatIsNoEntryIsNamedByItsFault() throws {
    let sandbox = try Sandbox()
    let bad =
      #"{"entry":"resolve","id":"abcd000002","at":"2026-07-02T10:00:00.000Z","outcome":"true","#
      + #""on":"2026-07-02","bogus":1}"#
    let column = bad.utf8.count - #""bogus":1}"#.utf8.count + 1
    for ending in ["", "\r"] {
      let text = Self.lines.prefix(3).joined(separator: "\n") + "\n" + bad + ending
      try sandbox.writeLedger(bytes: Data(text.utf8))
      let listed = sandbox.run(["list"])
      #expect(listed.status == .dataError, listed.report)
      #expect(listed.stderr.contains("ledger.jsonl:4:"), listed.report)
      #expect(listed.stderr.contains("it is the last line, without its newline"), listed.report)
      #expect(!listed.stderr.contains("cut short"), listed.report)
      let checked = sandbox.run(["check"])
      #expect(checked.stdout.contains("ledger.jsonl:4:"), checked.report)
      #expect(!checked.stdout.contains("cut short"), checked.report)
      if ending.isEmpty {
        #expect(
          listed.stderr.contains("ledger.jsonl:4:\(column): unknown field 'bogus'"), listed.report)
      }
    }
    let repaired = sandbox.run(["check", "--repair"])
    #expect(repaired.status == .success, repaired.report)
    #expect(repaired.stdout.hasPrefix("repaired: moved the torn line 4"), repaired.report)
    let cut = Self.lines[0] + "\n" + #"{"entry":"amend","id":"abcd000001","note":"a}"#
    try sandbox.writeLedger(bytes: Data(cut.utf8))
    #expect(sandbox.run(["list"]).stderr.contains("a write was cut short"))
  }

  /// With `--json`, what the repair did is in the object: the line, whether it was moved or
  /// ended, its bytes and where they went; `null` when there was nothing to repair.
  @Test func repairWithJSONSaysWhatItDid() throws {
    let sandbox = try Sandbox()
    let text = Self.lines.joined(separator: "\n") + "\n{\"ent"
    try sandbox.writeLedger(bytes: Data(text.utf8))
    let repaired = sandbox.run(["check", "--repair", "--json"])
    #expect(repaired.status == .success, repaired.report)
    let object = try JSONSerialization.jsonObject(with: Data(repaired.stdout.utf8)) as? NSDictionary
    let repair = try #require(object?["repaired"] as? NSDictionary, repaired.report)
    #expect(repair["line"] as? Int == Self.lines.count + 1)
    #expect(repair["action"] as? String == "moved")
    #expect(repair["bytes"] as? Int == 5)
    let savedTo = try #require(repair["saved_to"] as? String)
    #expect(FileManager.default.contents(atPath: savedTo) == Data("{\"ent".utf8))
    let again = sandbox.run(["check", "--repair", "--json"])
    let second = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? NSDictionary
    #expect(second?["repaired"] is NSNull, again.report)
  }

  @Test func everyProblemIsListedInLineOrder() throws {
    let sandbox = try Sandbox()
    var lines = Self.lines
    lines[1] = "not json"
    lines[3] =
      #"{"entry":"resolve","id":"abcd000002","at":"2026-07-02T10:00:00.000Z","outcome":"yes","on":"2026-07-02"}"#
    lines.append("")
    lines.append(
      JournalLine.claim(
        "abcd000005", text: "Late claim will happen", said: "2026-07-01", deadline: "2026-06-01"))
    try sandbox.writeLedger(lines)
    let result = sandbox.run(["check"])
    #expect(result.status == .dataError, result.report)
    let reported = result.stdout.split(separator: "\n").dropLast().map {
      $0.dropFirst(sandbox.ledgerPath.count + 1).prefix { $0 != ":" }
    }
    #expect(reported == ["2", "4", "6", "7"], "\(result.stdout)")
    #expect(result.stdout.contains(":6: warning: blank line"))
    #expect(result.stdout.hasSuffix(", 3 errors, 1 warning\n"))
  }

  /// A language tag of the wrong shape is a warning at its claim's line; the claim still
  /// loads, and the status stays 0.
  @Test func aMisshapenLanguageTagIsAWarning() throws {
    let sandbox = try Sandbox()
    var lines = Self.lines
    lines.append(JournalLine.claim("abcd000005", text: "Tesla ships", lang: "English please"))
    try sandbox.writeLedger(lines)
    let result = sandbox.run(["check"])
    #expect(result.status == .success, result.report)
    #expect(
      result.stdout.contains(
        ":6: warning: claim abcd000005 has lang 'English please', which is not a language tag"),
      result.report)
    #expect(result.stdout.hasSuffix(", 0 errors, 1 warning\n"), result.report)
  }

  /// A claim said after today (recorded with a clock or `--today` ahead, which `add` now
  /// refuses) is a warning, as a resolution after today is.
  @Test func aClaimSaidAfterTodayIsAWarning() throws {
    let sandbox = try Sandbox()
    var lines = Self.lines
    lines.append(
      JournalLine.claim("abcd000005", text: "Tesla ships", said: "2030-06-01", deadline: nil))
    try sandbox.writeLedger(lines)
    let result = sandbox.run(["check"])
    #expect(result.status == .success, result.report)
    #expect(
      result.stdout.contains(":6: warning: claim abcd000005 is said on 2030-06-01, after today"),
      result.report)
    #expect(result.stdout.hasSuffix(", 0 errors, 1 warning\n"), result.report)
  }

  /// A date or language problem is named at the line that caused it: the amend that moved a
  /// deadline before the said day or set a misshapen language tag, the resolution dated after
  /// today. A said day amended past a resolution (one clone resolved, the other amended) is an
  /// error at the amend; a resolution dated before an amended said day is named once, by the
  /// fold, at the resolution.
  @Test func aDateProblemIsNamedAtTheLineThatCausedIt() throws {
    let sandbox = try Sandbox()
    let amend = { (id: String, field: String) in
      "{\"entry\":\"amend\",\"id\":\"\(id)\",\"at\":\"2026-07-03T10:00:00.000Z\",\(field)}"
    }
    let lines =
      Self.lines + [
        amend("abcd000001", #""deadline":"2026-01-01""#),
        amend("abcd000003", #""lang":"English please""#),
        amend("abcd000002", #""said":"2026-07-05""#),
        JournalLine.resolve(
          "abcd000004", at: "2026-07-04T10:00:00.000Z", outcome: "true", on: "2026-09-01"),
        JournalLine.claim("abcd000005", text: "Rain in Paris", deadline: nil),
        amend("abcd000005", #""said":"2026-05-01""#),
        JournalLine.resolve(
          "abcd000005", at: "2026-07-05T10:00:00.000Z", outcome: "true", on: "2026-04-01"),
      ]
    try sandbox.writeLedger(lines)
    let result = sandbox.run(["check", "--today", "2026-08-01"])
    #expect(result.status == .dataError, result.report)
    for expected in [
      ":6: error: claim abcd000001 has its deadline 2026-01-01 before it was said (2026-01-21)",
      ":7: warning: claim abcd000003 has lang 'English please'",
      ":8: error: claim abcd000002 is resolved on 2026-07-02, before it was said (2026-07-05)",
      ":9: warning: claim abcd000004 is resolved on 2026-09-01, after today",
      ":12: error: claim abcd000005 is resolved on 2026-04-01, before it was said (2026-05-01)",
    ] {
      #expect(result.stdout.contains(expected), "\(expected)\n\(result.report)")
    }
    #expect(result.stdout.components(separatedBy: "claim abcd000005").count == 2, result.report)

    // Judged on the claim as it stands: an amend of the said day, or a new resolution,
    // settles it. A later amend laid first in the file (as a union merge may) is the one named.
    let settling = [
      #"{"entry":"amend","id":"abcd000002","at":"2026-07-06T10:00:00.000Z","said":"2026-06-01"}"#,
      #"{"entry":"reopen","id":"abcd000005","at":"2026-07-06T10:00:00.000Z"}"#,
      JournalLine.resolve(
        "abcd000005", at: "2026-07-07T10:00:00.000Z", outcome: "true", on: "2026-06-01"),
      amend("abcd000001", #""deadline":"2026-12-30""#)
        .replacingOccurrences(of: "2026-07-03", with: "2026-07-02"),
    ]
    try sandbox.writeLedger(lines + settling)
    let settled = sandbox.run(["check", "--today", "2026-08-01"])
    #expect(!settled.stdout.contains("abcd000002"), settled.report)
    #expect(!settled.stdout.contains("abcd000005"), settled.report)
    // The deadline of line 6 (later in time) stands, not that of line 16.
    #expect(settled.stdout.contains(":6: error: claim abcd000001 has its deadline"), settled.report)
  }

  @Test func jsonListsTheIssues() throws {
    let sandbox = try Sandbox()
    var lines = Self.lines
    lines[2] = "{"
    try sandbox.writeLedger(lines)
    let result = sandbox.run(["check", "--json"])
    #expect(result.status == .dataError, result.report)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["ledger"] as? String == sandbox.ledgerPath)
    #expect(object["entries"] as? Int == 4)
    let issues = try #require(object["issues"] as? [[String: Any]])
    #expect(issues.count == 1)
    #expect(issues.first?["severity"] as? String == "error")
    #expect(issues.first?["line"] as? Int == 3)
  }

  @Test func tornLastLineStopsEveryCommandUntilRepaired() throws {
    let sandbox = try Sandbox()
    let whole = Data(Self.lines.map { $0 + "\n" }.joined().utf8)
    let tornBytes = Data(#"{"entry":"claim","id":"abcd0000"#.utf8)
    try sandbox.writeLedger(bytes: whole + tornBytes)

    let check = sandbox.run(["check"])
    #expect(check.status == .dataError, check.report)
    #expect(check.stdout.contains("\(sandbox.ledgerPath):6: error: the last line is incomplete"))

    let commands: [[String]] = [
      ["list"], ["show", "abcd000001"], ["due"], ["sources"],
      ["add", "Apple will ship a car", "--source", "Bloomberg"], ["resolve", "abcd000001", "true"],
      ["reopen", "abcd000002"], ["amend", "abcd000001", "--text", "x", "--note", "n"],
    ]
    for command in commands {
      let result = sandbox.run(command)
      #expect(result.status == .dataError, "\(command): \(result.report)")
      #expect(
        result.stderr.hasPrefix(
          "claims: error: \(sandbox.ledgerPath):6: the last line is incomplete"),
        "\(command): \(result.report)")
      #expect(sandbox.ledger() == whole + tornBytes, "\(command) changed the ledger")
    }

    let repair = sandbox.run(["check", "--repair"])
    #expect(repair.status == .success, repair.report)
    #expect(
      repair.stdout.hasPrefix("repaired: moved the torn line 6 (\(tornBytes.count) bytes) to "))
    #expect(sandbox.ledger() == whole)
    let folder = sandbox.path("Claims")
    let aside = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
      $0.hasPrefix("ledger.jsonl.torn-")
    }
    #expect(aside.count == 1)
    let saved = try #require(aside.first)
    #expect(FileManager.default.contents(atPath: folder + "/" + saved) == tornBytes)
    #expect(repair.stdout.contains(folder + "/" + saved))

    let clean = sandbox.run(["check"])
    #expect(clean.status == .success, clean.report)
    #expect(clean.stdout.hasSuffix(": 5 entries, 4 claims, 0 errors, 0 warnings\n"))
    #expect(sandbox.run(["list"]).status == .success)
  }

  @Test func repairOfACleanLedgerChangesNothing() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger(Self.lines)
    let before = try #require(sandbox.ledger())
    let result = sandbox.run(["check", "--repair"])
    #expect(result.status == .success, result.report)
    #expect(!result.stdout.contains("repaired"))
    #expect(sandbox.ledger() == before)
    let files = try FileManager.default.contentsOfDirectory(atPath: sandbox.path("Claims"))
    #expect(files.sorted() == ["ledger.jsonl", "sources.json"])
  }

  /// Damage that is not an unended last line is not the repair's to mend: it says so, and
  /// what to do, and changes nothing.
  @Test func aRepairWithNothingToMendSaysWhatToDo() throws {
    let sandbox = try Sandbox()
    try sandbox.add("Here", "--source", "S", "--confidence", "0.5")
    try sandbox.write(
      String(decoding: try #require(sandbox.ledger()), as: UTF8.self) + "<<<<<<< HEAD\n",
      to: "Claims/ledger.jsonl")
    let before = sandbox.ledger()
    let result = sandbox.run(["check", "--repair"])
    #expect(result.status == .dataError)
    #expect(
      result.stdout.hasSuffix(
        "nothing was repaired: --repair mends only an unended last line; correct or remove the "
          + "lines named above in an editor (a copy of the ledger first), then run 'claims "
          + "check' again\n"), result.report)
    #expect(sandbox.ledger() == before)
    #expect(!sandbox.run(["check"]).stdout.contains("nothing was repaired"))
  }
}
