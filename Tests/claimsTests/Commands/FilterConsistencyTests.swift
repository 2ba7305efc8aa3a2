import Foundation
import Testing

@testable import claims

/// A source, a tag or a deadline typed one way on one command and another way on another
/// means the same claims everywhere.
@Suite struct FilterConsistencyTests {
  @Test func aBatchDecisionMatchesSourceAndTagAsListDoes() throws {
    let sandbox = try BatchDecisionTests.proposals()
    let listed = sandbox.run(["list", "--source", "alpha ", "--status", "proposed", "--json"])
    #expect(listed.status == .success, listed.report)
    let listedIDs = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
    ).compactMap { $0["id"] as? String }
    #expect(listedIDs == ["abcd000001", "abcd000002", "abcd000003"])
    let result = sandbox.run(["reject", "--all", "--source", "ALPHA ", "--reason", "past-fact"])
    #expect(
      result.stdout == "rejected abcd000001\nrejected abcd000002\nrejected abcd000003\n",
      result.report)
  }

  /// A source typed in another case, width or spacing is the same source to every filter,
  /// as it is to claim ids.
  @Test func aSourceIsMatchedHoweverItIsTyped() throws {
    let sandbox = try Sandbox()
    let spellings = ["Goldman Sachs", "goldman sachs", "Goldman  Sachs", "ＧＯＬＤＭＡＮ SACHS"]
    for (index, spelling) in spellings.enumerated() {
      try sandbox.add(
        "Rates fall by \(index + 1) points", "--source", spelling, "--said", "2025-01-02", "--by",
        "2025-06-30", "--confidence", "0.7")
    }
    try sandbox.add(
      "Rates rise", "--source", "Morgan Stanley", "--said", "2025-01-02", "--confidence", "0.7")
    for typed in ["goldman sachs", "GOLDMAN   SACHS", "ｇｏｌｄｍａｎ sachs "] {
      let list = sandbox.run(["list", "--source", typed, "--json"])
      let claims = try #require(
        try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
      #expect(claims.count == 4, "\(typed): \(list.report)")
      let sources = sandbox.run(["sources", typed, "--json"])
      let rows = try #require(
        try JSONSerialization.jsonObject(with: Data(sources.stdout.utf8)) as? [[String: Any]])
      #expect(rows.map { $0["claims"] as? Int ?? 0 }.reduce(0, +) == 4, sources.report)
    }
  }

  @Test func aTagIsMatchedWithoutRegardToCaseOrOuterSpaces() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger([
      #"{"entry":"claim","id":"abcd000001","at":"2026-07-01T10:00:00.000Z","text":"Chips get cheaper","source":"Alpha","said":"2026-01-21","confidence":0.7,"tags":["AI"],"status":"proposed"}"#
    ])
    #expect(sandbox.run(["list", "--tag", " ai", "--json"]).stdout.contains("abcd000001"))
    let result = sandbox.run(["reject", "--all", "--tag", "ai ", "--reason", "past-fact"])
    #expect(result.stdout == "rejected abcd000001\n", result.report)
  }

  @Test func dueShowsEachSourceUnderItsCanonicalName() throws {
    let sandbox = try Sandbox()
    try sandbox.write(#"{"Ming-Chi Kuo": ["郭明錤", "Kuo"]}"#, to: "Claims/sources.json")
    try sandbox.add(
      "Apple ships a foldable phone", "--source", "郭明錤", "--said", "2025-01-02", "--by",
      "2025-12-31", "--confidence", "0.7")
    let due = sandbox.run(["due"])
    #expect(due.status == .success, due.report)
    #expect(due.stdout.contains("Ming-Chi Kuo"), due.report)
    #expect(!due.stdout.contains("郭明錤"), due.report)
    #expect(sandbox.run(["list"]).stdout.contains("Ming-Chi Kuo"))
  }

  @Test func deadlineWordsAreKeptTrimmed() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "Apple ships a foldable phone", "--source", "Kuo", "--said", "2026-01-02", "--by", " 2027 ",
      "--confidence", "0.7")
    let claim = try #require(try sandbox.showJSON(id))
    #expect(claim["deadline"] as? String == "2027-12-31")
    #expect(claim["deadline_text"] as? String == "2027")
    // The same words again change nothing.
    let amend = sandbox.run(["amend", id, "--by", "2027", "--note", "same"])
    #expect(amend.status != .success)
    #expect(amend.stderr.contains("nothing to amend"), amend.report)
  }
}

/// What a read command says of a ledger with problems, beside what `check` finds.
@Suite struct ProblemNoteTests {
  @Test func aReadCommandCountsWhatTheFoldMetAndPointsToCheckForTheRest() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger([
      // Its deadline is before it was said: only `check` reads dates so.
      #"{"entry":"claim","id":"abcd000001","at":"2026-07-01T10:00:00.000Z","text":"Chips get cheaper","source":"Alpha","said":"2026-05-01","deadline":"2026-03-31","confidence":0.7,"tags":[],"status":"open"}"#,
      // An entry for a claim the ledger does not hold: the fold meets it.
      #"{"entry":"resolve","id":"ffff000001","at":"2026-07-02T10:00:00.000Z","outcome":"true","on":"2026-07-02"}"#,
    ])
    let list = sandbox.run(["list"])
    #expect(list.status == .success, list.report)
    #expect(
      list.stderr
        == "claims: warning: 1 entry of the ledger did not fold cleanly; 'claims check' lists it "
        + "with any other problems\n", list.report)
    let check = sandbox.run(["check"])
    #expect(check.status == .dataError, check.report)
    #expect(check.stdout.contains(", 2 errors, "), check.report)
  }
}

/// A claim whose line was edited on one side of a merge: `show` says so, and `check` names
/// the fields to amend.
@Suite struct DifferingClaimLinesTests {
  /// A value with a line break is shown on the problem's one line, so it cannot pass for a
  /// problem of its own.
  @Test func checkKeepsEachDifferingValueOnItsLine() throws {
    let sandbox = try Sandbox()
    let line =
      #"{"entry":"claim","id":"e8db77aa16","at":"2026-01-01T00:00:00.000Z","text":"Rates fall","quote":"a","source":"A","said":"2025-01-02","confidence":0.7,"tags":[],"status":"open"}"#
    try sandbox.writeLedger([
      line,
      line.replacingOccurrences(of: #""quote":"a""#, with: #""quote":"b\n/x.jsonl:9: error: fake""#)
        .replacingOccurrences(of: "01T00", with: "02T00"),
    ])
    let check = sandbox.run(["check"])
    #expect(check.status == .dataError, check.report)
    #expect(
      !check.stdout.split(separator: "\n").contains { $0.hasPrefix("/x.jsonl") }, check.report)
    #expect(check.stdout.contains(#"quote ('a', then 'b\n/x.jsonl:9: error: fake')"#), check.report)
  }

  @Test func showMarksTheClaimAndCheckNamesTheFields() throws {
    let sandbox = try Sandbox()
    let line =
      #"{"entry":"claim","id":"abcd000001","at":"2026-07-01T10:00:00.000Z","text":"Chips get cheaper","source":"Alpha","said":"2026-05-01","confidence":0.7,"tags":[],"status":"open"}"#
    try sandbox.writeLedger([
      line,
      line.replacingOccurrences(of: "0.7", with: "0.8").replacingOccurrences(
        of: "10:00", with: "11:00"),
    ])
    let show = sandbox.run(["show", "abcd"])
    #expect(show.stdout.contains("recorded on two lines that differ"), show.report)
    let check = sandbox.run(["check"])
    #expect(check.status == .dataError, check.report)
    #expect(
      check.stdout.contains("; the lines differ in confidence (0.7, then 0.8)\n"), check.report)
  }
}

/// `show`'s history shows each change from the value that stood before it.
@Suite struct HistoryFromValueTests {
  @Test func anAcceptanceAfterAReopenChangesFromTheValueBeforeTheUndoneOne() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger([
      #"{"entry":"claim","id":"abcd000001","at":"2026-07-01T10:00:00.000Z","text":"Chips get cheaper","source":"Alpha","said":"2026-05-01","confidence":0.7,"tags":[],"status":"proposed"}"#,
      #"{"entry":"accept","id":"abcd000001","at":"2026-07-02T10:00:00.000Z","confidence":0.9}"#,
      #"{"entry":"reopen","id":"abcd000001","at":"2026-07-03T10:00:00.000Z"}"#,
      #"{"entry":"accept","id":"abcd000001","at":"2026-07-04T10:00:00.000Z","confidence":0.8}"#,
    ])
    let show = sandbox.run(["show", "abcd"])
    #expect(show.status == .success, show.report)
    let history = show.stdout.components(separatedBy: "history\n").last ?? ""
    let lines = history.split(separator: "\n").map { String($0) }
    #expect(lines.count == 4, show.report)
    #expect(lines.last?.hasSuffix("accepted: confidence 70% → 80%") == true, show.report)
    #expect(lines[1].hasSuffix("accepted: confidence 70% → 90%"), show.report)
  }
}

/// `check` reads the side files the other commands read.
@Suite struct SideFileCheckTests {
  @Test(arguments: [#"{"names": {"Nvidia": ["英伟达"]"#, #"{"entities": [1, 2"#])
  func aBrokenLexiconIsAnErrorNamingItsLine(_ text: String) throws {
    let sandbox = try Sandbox()
    try sandbox.write(text, to: "Claims/lexicon.json")
    let check = sandbox.run(["check"])
    #expect(check.status == .dataError, check.report)
    #expect(check.stdout.contains("lexicon.json:1"), check.report)
    #expect(check.stdout.contains(", 1 error, "), check.report)
  }
}
