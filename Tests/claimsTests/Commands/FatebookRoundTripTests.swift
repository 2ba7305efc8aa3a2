import ClaimLedger
import Foundation
import Testing

@testable import claims

/// What a Fatebook export carries back besides its columns: the claim's own id (an amended
/// claim's fields no longer give it), its void reason, hedge word, deadline words and
/// condition; and tags as Fatebook's own column joins them.
@Suite struct FatebookRoundTripTests {
  @Test(arguments: [
    ["--text", "Apple ships two headsets"], ["--source", "Mark Gurman"], ["--said", "2026-01-03"],
  ])
  func anAmendedClaimReadsBackAsItself(change: [String]) throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "Apple ships a headset", "--source", "Kuo", "--said", "2026-01-02", "--confidence", "0.6")
    let amended = sandbox.run(["amend", id] + change + ["--note", "typo"])
    try #require(amended.status == .success, amended.report)
    let exported = sandbox.run(["export", "--format", "fatebook", "--out", "fatebook.csv"])
    try #require(exported.status == .success, exported.report)
    let again = sandbox.run(["import", "fatebook.csv"])
    #expect(again.status == .success, again.report)
    #expect(
      again.stdout == "imported 0 claims from fatebook.csv (fatebook); 1 already in the "
        + "ledger, skipped\n", again.report)
    #expect(try foldedClaims(sandbox).count == 1)

    let copy = try Sandbox()
    try copy.write(try #require(sandbox.contents(of: "fatebook.csv")), to: "fatebook.csv")
    let imported = copy.run(["import", "fatebook.csv"])
    #expect(imported.status == .success, imported.report)
    #expect(try foldedClaims(copy).first?["id"] as? String == id)
  }

  /// Cells are trimmed as `add` trims its options, on the byte path (JSON Lines, CSV) and the
  /// general one alike, so ` Ann ` is the source `Ann`; and the language travels in Fatebook's
  /// notes, which the title alone may not tell. The Fatebook file then reads back as the same
  /// claims, and into the ledger it came from as nothing that differs.
  @Test func paddedCellsAreTrimmedAndTheLanguageTravels() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "text,source,said,confidence,lang\n  Rain falls in Paris  , Ann ,2026-01-01,0.5, fr \n",
      to: "a.csv")
    try sandbox.write(
      #"{"text":"Snow falls\t","source":"\u00a0Ann","said":"2026-01-01","confidence":0.5}"#
        + "\n", to: "b.jsonl")
    for file in ["a.csv", "b.jsonl"] {
      let imported = sandbox.run(["import", file])
      try #require(imported.status == .success, imported.report)
    }
    let claims = try foldedClaims(sandbox)
    #expect(
      Set(claims.compactMap { $0["text"] as? String }) == ["Rain falls in Paris", "Snow falls"])
    #expect(Set(claims.compactMap { $0["source"] as? String }) == ["Ann"])
    let exported = sandbox.run(["export", "--format", "fatebook", "--out", "fatebook.csv"])
    try #require(exported.status == .success, exported.report)
    let again = sandbox.run(["import", "fatebook.csv"])
    #expect(again.stderr.isEmpty, again.report)
    #expect(again.stdout.contains("2 already in the ledger"), again.report)
    let copy = try Sandbox()
    try copy.write(try #require(sandbox.contents(of: "fatebook.csv")), to: "fatebook.csv")
    let imported = copy.run(["import", "fatebook.csv"])
    #expect(imported.status == .success, imported.report)
    #expect(try foldedClaims(copy) == claims)
  }

  /// A forecast must be a plain percentage (`Double` alone would read `0x10` as 16); a created
  /// time with unpadded seconds, as Fatebook writes it, is a date.
  @Test func aForecastIsAPlainPercentageAndUnpaddedTimesAreDates() throws {
    let sandbox = try Sandbox()
    let header = "Question title,Forecast,Question created at,Resolution\n"
    try sandbox.write(header + "Apple ships a headset,0x10,2026-01-05 14:03:5,\n", to: "a.csv")
    let refused = sandbox.run(["import", "a.csv"])
    #expect(refused.status == .dataError, refused.report)
    #expect(
      refused.stderr.contains("a.csv:2:23: Forecast '0x10' is not a percentage from 0 to 100"),
      refused.report)
    try sandbox.write(header + "Apple ships a headset,16,2026-01-05 14:03:5,\n", to: "b.csv")
    let taken = sandbox.run(["import", "b.csv"])
    #expect(taken.status == .success, taken.report)
    let claim = try #require(try foldedClaims(sandbox).first)
    #expect(claim["said"] as? String == "2026-01-05")
    #expect(claim["confidence"] as? Double == 0.16)
  }

  /// Confidences keep every digit through Fatebook's percent column, the smallest and the
  /// surest too (they were rounded to a hundredth of a percent).
  @Test func confidencesKeepEveryDigit() throws {
    let sandbox = try Sandbox()
    let confidences = ["0.00001", "0.99999", "0.123456789", "0.7"]
    for (number, confidence) in confidences.enumerated() {
      _ = try sandbox.add(
        "Claim \(number) comes true", "--source", "Kuo", "--said", "2026-01-02", "--confidence",
        confidence)
    }
    let exported = sandbox.run(["export", "--format", "fatebook", "--out", "fatebook.csv"])
    try #require(exported.status == .success, exported.report)
    let copy = try Sandbox()
    try copy.write(try #require(sandbox.contents(of: "fatebook.csv")), to: "fatebook.csv")
    let imported = copy.run(["import", "fatebook.csv"])
    #expect(imported.status == .success, imported.report)
    let read = try foldedClaims(copy).compactMap { $0["confidence"] as? Double }
    #expect(Set(read) == Set(confidences.compactMap(Double.init)))
  }

  /// Fatebook's export has a row per option of a multiple-choice question and per forecaster:
  /// each option is a claim of its own, named after the title and resolved on its own, and
  /// each forecaster's row is a claim by them.
  @Test func optionsAndForecastersAreClaimsOfTheirOwn() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "Question title,Multiple choice option,Forecast created by,Forecast (scale = 0-1),"
        + "Forecast created at,Question created at,Question resolve by,Resolution,Resolved at\n"
        + "Who wins?,Red,Alice,0.6,2026-02-01 10:00:0,2026-02-01 09:00:0,2026-03-01 00:00:0,NO,"
        + "2026-03-02 10:00:0\n"
        + "Who wins?,Blue,Alice,0.4,2026-02-01 10:00:0,2026-02-01 09:00:0,2026-03-01 00:00:0,YES,"
        + "2026-03-02 10:00:0\n"
        + "Rain?,,Bob,0.2,2026-01-05 9:0:0,2026-01-05 8:0:0,2026-01-10 0:0:0,,\n"
        + "Rain?,,Alice,0.9,2026-01-06 9:0:0,2026-01-05 8:0:0,2026-01-10 0:0:0,,\n",
      to: "fatebook.csv")
    let imported = sandbox.run(["import", "fatebook.csv"])
    #expect(imported.status == .success, imported.report)
    let claims = try foldedClaims(sandbox)
    let summary = Set(
      claims.map {
        "\($0["text"] as? String ?? "") \($0["source"] as? String ?? "") "
          + "\($0["confidence"] as? Double ?? -1) \($0["outcome"] as? String ?? "open")"
      })
    #expect(
      summary == [
        "Who wins?: Red Alice 0.6 false", "Who wins?: Blue Alice 0.4 true", "Rain? Bob 0.2 open",
        "Rain? Alice 0.9 open",
      ], "\(claims)")
  }

  /// Fatebook's export has a row per forecast in no set order: a forecaster's claim is their
  /// first forecast by time, said on its day, not on the day the question was asked.
  @Test func eachForecastersClaimIsTheirFirstForecastOnItsDay() throws {
    let sandbox = try Sandbox()
    let header =
      "Question title,Forecast created by,Forecast (scale = 0-1),Forecast created at,"
      + "Question created at,Question resolve by,Resolution,Resolved at,Question notes\n"
    try sandbox.write(
      header + "Q?,Jane,0.2,2026-01-05 09:04:7,2026-01-05 09:04:7,2026-12-31 00:00:0,,,\n"
        + "Q?,Bob,0.8,2026-03-01 10:00:0,2026-01-05 09:04:7,2026-12-31 00:00:0,,,\n"
        + "R?,Jane,0.9,2026-03-01 10:00:0,2026-01-05 09:04:7,2026-12-31 00:00:0,,,\n"
        + "R?,Jane,0.2,2026-01-05 9:4:10,2026-01-05 09:04:7,2026-12-31 00:00:0,,,\n",
      to: "multi.csv")
    let imported = sandbox.run(["import", "multi.csv"])
    #expect(imported.status == .success, imported.report)
    let summary = Set(
      try foldedClaims(sandbox).map {
        "\($0["text"] as? String ?? "") \($0["source"] as? String ?? "") "
          + "\($0["confidence"] as? Double ?? -1) \($0["said"] as? String ?? "")"
      })
    #expect(
      summary == ["Q? Jane 0.2 2026-01-05", "Q? Bob 0.8 2026-03-01", "R? Jane 0.2 2026-01-05"])

    // A question asked again under one title (a weekly one) is a question of its own, and a
    // time written as a US spreadsheet writes it orders the forecasts too.
    let weekly = try Sandbox()
    try weekly.write(
      header + "Gym?,Jane,0.7,2026-01-05 09:00:0,2026-01-05 08:59:0,2026-01-11 00:00:0,YES,"
        + "2026-01-11 10:00:0,\n"
        + "Gym?,Jane,0.6,2026-01-12 09:00:0,2026-01-12 08:59:0,2026-01-18 00:00:0,NO,"
        + "2026-01-18 10:00:0,\n"
        + "S?,Jane,0.2,3/13/2026 10:00,1/13/2026 9:00,12/31/2026,,,\n"
        + "S?,Jane,0.4,2/13/2026 10:00,1/13/2026 9:00,12/31/2026,,,\n",
      to: "weekly.csv")
    let again = weekly.run(["import", "weekly.csv"])
    #expect(again.status == .success, again.report)
    let claims = Set(
      try foldedClaims(weekly).map {
        "\($0["text"] as? String ?? "") \($0["confidence"] as? Double ?? -1) "
          + "\($0["said"] as? String ?? "")"
      })
    #expect(claims == ["Gym? 0.7 2026-01-05", "Gym? 0.6 2026-01-12", "S? 0.4 2026-02-13"])

    // A forecast time that could be either way round is read as the file's other dates show;
    // where none show it, it is a bad cell.
    let ambiguous = try Sandbox()
    let rows =
      "X?,Alice,0.6,1/10/2026 9:00:00,12/30/2025 9:00:00,2/14/2026,,,\n"
      + "X?,Alice,0.3,1/9/2026 10:00:00,12/30/2025 9:00:00,2/14/2026,,,\n"
    try ambiguous.write(header + rows, to: "us.csv")
    let read = ambiguous.run(["import", "us.csv"])
    #expect(read.status == .success, read.report)
    #expect(read.stderr.contains("read dates such as 1/2/2026 month first"), read.report)
    let alice = try #require(try foldedClaims(ambiguous).first)
    #expect(alice["confidence"] as? Double == 0.3 && alice["said"] as? String == "2026-01-09")
    try ambiguous.write(
      header
        + rows.replacingOccurrences(of: "12/30/2025", with: "2025-12-30")
        .replacingOccurrences(of: "2/14/2026", with: "2026-02-14"), to: "unsettled.csv")
    let unsettled = ambiguous.run(["import", "unsettled.csv"])
    #expect(unsettled.status == .dataError, unsettled.report)
    #expect(unsettled.stderr.contains("could be 2026-01-10 (month first)"), unsettled.report)

    // Rows that differ in more than the forecast are refused at the later forecast's row,
    // naming the first forecast's, which may come later in the file.
    let differing = try Sandbox()
    try differing.write(
      header + "T?,Jane,0.3,2026-02-01 10:00:0,2026-01-05 09:00:0,2026-12-31 00:00:0,,,later\n"
        + "T?,Jane,0.2,2026-01-05 10:00:0,2026-01-05 09:00:0,2026-12-31 00:00:0,,,first\n",
      to: "t.csv")
    let refused = differing.run(["import", "t.csv"])
    #expect(refused.status == .dataError, refused.report)
    #expect(
      refused.stderr.contains(
        "t.csv:2:1: the question on line 3 (its first forecast) by the same forecaster is here "
          + "again"), refused.report)
  }

  /// Older exports title two columns `Question resolution` and `Question resolved at`; a
  /// typed `evidence:` line on a question not resolved stays in the note.
  @Test func olderTitlesAndEvidenceOfAnOpenQuestionAreRead() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "Question title,Forecast created by,Forecast (scale = 0-1),Forecast created at,"
        + "Question created at,Question resolution,Question resolve by,Question resolved at,"
        + "Question notes\n"
        + "Fed cuts?,Jane,0.6,2026-01-10 08:00:3,2026-01-10 08:00:3,YES,2026-03-31 00:00:0,"
        + "2026-03-20 18:30:45,evidence: the minutes\n"
        + "ECB cuts?,Jane,0.5,2026-01-10 08:00:3,2026-01-10 08:00:3,,2026-06-30 00:00:0,,"
        + "evidence: Lagarde hinted at it\n",
      to: "old.csv")
    let imported = sandbox.run(["import", "old.csv"])
    #expect(imported.status == .success, imported.report)
    #expect(!imported.stderr.contains("unknown column"), imported.report)
    let claims = try foldedClaims(sandbox)
    let fed = try #require(claims.first { $0["text"] as? String == "Fed cuts?" })
    #expect(fed["outcome"] as? String == "true" && fed["resolved_on"] as? String == "2026-03-20")
    #expect(fed["evidence"] as? String == "the minutes")
    let ecb = try #require(claims.first { $0["text"] as? String == "ECB cuts?" })
    #expect(ecb["status"] as? String == "open")
    #expect(ecb["note"] as? String == "evidence: Lagarde hinted at it")
  }

  @Test func theVoidReasonHedgeDeadlineWordsAndConditionReadBack() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "If rates fall, Apple likely ships glasses", "--source", "Kuo", "--said", "2026-01-02",
      "--by", "2026-Q3", "--hedge", "likely", "--conditional")
    let resolved = sandbox.run(["resolve", id, "void", "--reason", "condition-failed"])
    try #require(resolved.status == .success, resolved.report)
    let open = try sandbox.add(
      "Tesla ships a robotaxi", "--source", "Musk", "--said", "2026-01-05", "--confidence", "0.6",
      "--tag", "ai", "--tag", "m&a")
    let exported = sandbox.run(["export", "--format", "fatebook", "--out", "fatebook.csv"])
    try #require(exported.status == .success, exported.report)
    let text = try #require(sandbox.contents(of: "fatebook.csv"))
    // Fatebook's own Tags column joins with a comma and a space.
    #expect(text.contains(",\"ai, m&a\","), "\(text)")

    let copy = try Sandbox()
    try copy.write(text, to: "fatebook.csv")
    let imported = copy.run(["import", "fatebook.csv"])
    #expect(imported.status == .success, imported.report)
    let claims = try foldedClaims(copy)
    let void = try #require(claims.first { $0["id"] as? String == id })
    #expect(void["outcome"] as? String == "void")
    #expect(void["reason"] as? String == "condition-failed")
    #expect(void["hedge"] as? String == "likely")
    #expect(void["deadline_text"] as? String == "2026-Q3")
    #expect(void["conditional"] as? Bool == true)
    let tesla = try #require(claims.first { $0["id"] as? String == open })
    #expect(tesla["tags"] as? [String] == ["ai", "m&a"])
    // Field for field what the ledger it came from holds.
    #expect(claims == (try foldedClaims(sandbox)))
  }

  /// Fatebook takes every question for an open one: a proposed or rejected claim exported with
  /// `--status` reads back as it stood, the rejection's reason too, unless Fatebook resolved
  /// it since.
  @Test func proposedAndRejectedClaimsReadBackAsTheyStood() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "text,source,said,confidence,status,reason\n"
        + "Apple ships glasses,Kuo,2026-01-02,0.6,proposed,\n"
        + "Tesla ships a robotaxi,Musk,2026-01-05,0.7,rejected,not a forecast\n",
      to: "claims.csv")
    try #require(sandbox.run(["import", "claims.csv"]).status == .success)
    let claims = try foldedClaims(sandbox)
    for status in ["proposed", "rejected"] {
      let file = status + ".csv"
      let exported = sandbox.run([
        "export", "--format", "fatebook", "--status", status, "--out", file,
      ])
      try #require(exported.status == .success, exported.report)
      let text = try #require(sandbox.contents(of: file))
      #expect(text.contains("status: \(status)"), "\(text)")
      let again = sandbox.run(["import", file])
      #expect(again.stderr.isEmpty, again.report)
      #expect(again.stdout.contains("1 already in the ledger"), again.report)
      let copy = try Sandbox()
      try copy.write(text, to: file)
      let imported = copy.run(["import", file])
      try #require(imported.status == .success, imported.report)
      #expect(try foldedClaims(copy) == claims.filter { $0["status"] as? String == status })
    }
    let rejected = try #require(sandbox.contents(of: "rejected.csv"))
    #expect(rejected.contains("reason: not a forecast"), "\(rejected)")

    // Resolved in Fatebook since the export: the resolution stands.
    let copy = try Sandbox()
    try copy.write(
      rejected.replacingOccurrences(of: ",,,,2026-01-05,", with: ",YES,2026-03-01,,2026-01-05,"),
      to: "resolved.csv")
    let resolved = copy.run(["import", "resolved.csv"])
    try #require(resolved.status == .success, resolved.report)
    let claim = try #require(try foldedClaims(copy).first)
    #expect(claim["status"] as? String == "resolved")
    #expect(claim["outcome"] as? String == "true")
  }

  /// Tags as people and Fatebook's export write them: a space after each comma (or `;` in a
  /// spreadsheet) is not part of the tag.
  @Test func spacesAroundTagsAreTrimmed() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "Question title,Forecast,Question created date,Question tags\n"
        + "Will it rain?,30,2026-01-05,\"ai, m&a\"\n", to: "fatebook.csv")
    try sandbox.write(
      "text,source,said,confidence,tags\nA claim,Kuo,2026-01-02,0.6,ai; ml ;x\n", to: "sheet.csv")
    for file in ["fatebook.csv", "sheet.csv"] {
      let result = sandbox.run(["import", file])
      #expect(result.status == .success, result.report)
    }
    let tags = try foldedClaims(sandbox).compactMap { $0["tags"] as? [String] }
    #expect(Set(tags) == [["ai", "m&a"], ["ai", "ml", "x"]])
  }
}
