import ClaimLedger
import Foundation
import Testing

@testable import claims

/// The folded claims of `list --json` without what an import cannot keep: the history, and
/// unless `keepingRecordedAt` (an export's own file keeps it) the time each claim was recorded.
func foldedClaims(_ sandbox: Sandbox, keepingRecordedAt: Bool = false) throws -> [NSDictionary] {
  let result = sandbox.run(["list", "--json"])
  try #require(result.status == .success, result.report)
  let array = try #require(
    try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
  return
    array
    .map { object -> [String: Any] in
      var object = object
      object["history"] = nil
      if !keepingRecordedAt { object["recorded_at"] = nil }
      return object
    }
    .sorted { ($0["id"] as? String ?? "") < ($1["id"] as? String ?? "") }
    .map { NSDictionary(dictionary: $0) }
}

@Suite struct InterchangeRoundTripTests {
  static let cases: [(UInt64, String)] = (1...12).flatMap { seed in
    [(UInt64(seed), "csv"), (UInt64(seed), "jsonl")]
  }

  @Test(arguments: cases)
  func exportThenImportGivesTheSameClaims(seed: UInt64, format: String) throws {
    let original = try Sandbox()
    try LedgerStore(path: original.ledgerPath).append(RandomLedger.entries(seed: seed, count: 40))
    let exported = original.run(["export", "--format", format, "--out", "claims.\(format)"])
    try #require(exported.status == .success, exported.report)
    let before = try foldedClaims(original, keepingRecordedAt: true)
    #expect(before.count > 30)

    let copy = try Sandbox()
    try copy.write(try #require(original.contents(of: "claims.\(format)")), to: "in.\(format)")
    let imported = copy.run(["import", "in.\(format)"])
    #expect(imported.status == .success, imported.report)
    #expect(imported.stdout.hasPrefix("imported \(before.count) claims"))
    let after = try foldedClaims(copy, keepingRecordedAt: true)
    #expect(after.count == before.count)
    for (old, new) in zip(before, after) {
      #expect(old == new, "\(old)\n≠\n\(new)")
    }
    #expect(copy.run(["check"]).status == .success)
  }
}

@Suite struct ImportCommandTests {
  /// Imports `csv` into a ledger holding one claim on a tmpfs of `size` (skipped where `mount`
  /// is not allowed) that the import fills up part-way through its write: status 74 naming
  /// the ledger, and the ledger cut back to exactly what it held, so no claim is left without
  /// the resolution its row carried.
  func expectImportCutBack(onDiskOf size: String, importing csv: String) throws {
    let sandbox = try Sandbox()
    try OutputPathTests.withSmallDisk(in: sandbox, options: "size=\(size)") { disk in
      let ledgerPath = disk + "/ledger.jsonl"
      let onDisk = ["CLAIMS_LEDGER": ledgerPath]
      try #require(FileManager.default.createFile(atPath: ledgerPath, contents: Data()))
      let added = sandbox.run(
        [
          "add", "A claim already there", "--source", "Kuo", "--said", "2026-01-02",
          "--confidence", "0.6",
        ], environment: onDisk)
      try #require(added.status == .success, added.report)
      let before = try #require(FileManager.default.contents(atPath: ledgerPath))
      try sandbox.write(csv, to: "many.csv")
      let result = sandbox.run(["import", "many.csv"], environment: onDisk)
      #expect(result.status == .ioError, result.report)
      #expect(result.stderr.contains(ledgerPath), result.report)
      #expect(FileManager.default.contents(atPath: ledgerPath) == before)
      let check = sandbox.run(["check"], environment: onDisk)
      #expect(check.status == .success, check.report)
    }
  }

  /// 2,000 resolved claims on a 64 KiB disk: the write fails in the page cache.
  @Test func anImportTheDiskCannotHoldLeavesTheLedgerAsItWas() throws {
    var csv = "text,source,said,confidence,outcome,resolved_on\r\n"
    for number in 0..<2_000 {
      csv +=
        "Claim number \(number) comes true,Source \(number % 7),2026-01-02,0.6,true,2026-03-01\r\n"
    }
    try expectImportCutBack(onDiskOf: "64k", importing: csv)
  }

  /// About 10 MB of lines on a 6 MiB disk, which takes direct writes: the disk fills part-way
  /// through a block written straight to it, and the blocks written before go too.
  @Test func anImportThatFillsTheDiskPastADirectBlockLeavesTheLedgerAsItWas() throws {
    let long = String(repeating: "The chip plant opens on time and at full output. ", count: 20)
    var csv = "text,source,said,confidence\n"
    for number in 0..<9_000 { csv += "\(long)\(number),Kuo,2026-01-02,0.6\n" }
    try expectImportCutBack(onDiskOf: "6m", importing: csv)
  }

  /// A NUL, which the journal cannot hold, is a bad value like any other: named by file, line
  /// and column, stopping the import, and skipped with `--skip-bad`.
  @Test func aCellWithANulIsABadRowNamedByItsPlace() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "text,source,said,confidence\nA good claim,Kuo,2026-01-02,0.6\n"
        + "A bad \u{0} claim,Kuo,2026-01-02,0.6\n", to: "nul.csv")
    let refused = sandbox.run(["import", "nul.csv"])
    #expect(refused.status == .dataError, refused.report)
    #expect(refused.stderr.contains("nul.csv:3:1: text holds a NUL character"), refused.report)
    #expect(try sandbox.ledgerLines().isEmpty)
    let skipped = sandbox.run(["import", "nul.csv", "--skip-bad"])
    #expect(skipped.status == .success, skipped.report)
    #expect(skipped.stdout.hasPrefix("imported 1 claim"), skipped.report)
    #expect(try sandbox.ledgerLines().count == 1)
  }

  /// `--skip-bad` skips bad rows among good ones, but a file of nothing but bad rows is
  /// refused with it too, as most likely the wrong file or format.
  @Test func aFileOfOnlyBadRowsIsRefusedEvenWithSkipBad() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "text,source,said,confidence\nOne,Kuo,2026-01-02,1.6\nTwo,Kuo,2026-13-02,0.6\n",
      to: "bad.csv")
    let refused = sandbox.run(["import", "bad.csv", "--skip-bad"])
    #expect(refused.status == .dataError, refused.report)
    #expect(refused.stderr.contains("bad.csv: every row is bad (2)"), refused.report)
    #expect(refused.stderr.contains("bad.csv:2:"), refused.report)
    #expect(try sandbox.ledgerLines().isEmpty)
    let json = sandbox.run(["import", "bad.csv", "--skip-bad", "--json"])
    #expect(json.status == .dataError, json.report)
    #expect(json.stdout.contains("\"refused\":true"), json.report)
  }

  /// A confidence below 0.0001 is written with an exponent (`5e-05`), as JSON numbers are; an
  /// import of either export reads it back.
  @Test(arguments: ["csv", "jsonl"])
  func aTinyConfidenceSurvivesExportAndImport(format: String) throws {
    let sandbox = try Sandbox()
    try sandbox.add(
      "A long shot", "--source", "Kuo", "--said", "2026-01-02", "--confidence", "0.00005")
    let exported = sandbox.run(["export", "--format", format, "--out", "out.\(format)"])
    try #require(exported.status == .success, exported.report)
    let copy = try Sandbox()
    try copy.write(try #require(sandbox.contents(of: "out.\(format)")), to: "in.\(format)")
    let imported = copy.run(["import", "in.\(format)"])
    #expect(imported.status == .success, imported.report)
    #expect(try foldedClaims(copy).first?["confidence"] as? Double == 0.00005)
  }

  /// A line of two carriage returns is not blank: both readers of JSON Lines take off one
  /// line end, and what is left is refused by its line.
  @Test func aJSONLineOfCarriageReturnsIsRefusedByItsLine() throws {
    let sandbox = try Sandbox()
    let line = #"{"text":"A claim","source":"Kuo","said":"2026-01-02","confidence":0.6}"#
    try sandbox.write(
      line + "\n\r\r\n" + line.replacingOccurrences(of: "A claim", with: "B") + "\n", to: "cr.jsonl"
    )
    let result = sandbox.run(["import", "cr.jsonl"])
    #expect(result.status == .dataError, result.report)
    #expect(result.stderr.contains("cr.jsonl:2:"), result.report)
    #expect(try sandbox.ledgerLines().isEmpty)
  }

  /// A spreadsheet's deadline may be a period as `add --by` takes it, kept as the deadline's
  /// words; a confidence taken from a hedge word in the text records the word, as `add` does.
  @Test func aSpreadsheetDeadlineMayBeAPeriodAndAHedgeIsRecorded() throws {
    let sandbox = try Sandbox()
    let csv =
      "text,source,said,deadline,confidence,hedge\n"
      + "Apple likely ships glasses,Bloomberg,2026-01-21,2026-Q3,,\n"
      + "特斯拉收购xAI,量子位,2026-01-21,2027年上半年,0.8,\n"
      + "Nvidia passes $6T,Reuters,2026-01-21,2026-06-30T12:00:00Z,0.5,\n"
      + "Bad deadline,Reuters,2026-01-21,soon,0.5,\n"
      + "OpenAI buys Pinterest,Reuters,2026-01-21,2026,,大概率\n"
      + "Tesla won't buy xAI,Musk,2026-01-21,2026,,\n"
      + "特斯拉不会收购xAI,Musk,2026-01-21,2026,,不会\n"
    try sandbox.write(csv, to: "sheet.csv")
    let refused = sandbox.run(["import", "sheet.csv"])
    #expect(refused.status == .dataError)
    #expect(refused.stderr.contains("sheet.csv:5:"), refused.report)
    #expect(refused.stderr.contains("deadline 'soon' is not a date"), refused.report)
    let result = sandbox.run(["import", "sheet.csv", "--skip-bad"])
    #expect(result.status == .success, result.report)
    let claims = try foldedClaims(sandbox)
    let byText = Dictionary(claims.map { ($0["text"] as? String ?? "", $0) }) { $1 }
    let apple = try #require(byText["Apple likely ships glasses"])
    #expect(apple["deadline"] as? String == "2026-09-30")
    #expect(apple["deadline_text"] as? String == "2026-Q3")
    #expect(apple["hedge"] as? String == "likely")
    #expect(byText["特斯拉收购xAI"]?["deadline"] as? String == "2027-06-30")
    #expect(byText["特斯拉收购xAI"]?["deadline_text"] as? String == "2027年上半年")
    #expect(byText["Nvidia passes $6T"]?["deadline"] as? String == "2026-06-30")
    #expect(byText["Nvidia passes $6T"]?["deadline_text"] is NSNull)
    // A hedge column without a confidence sets it from the table, as `add --hedge` does.
    let openAI = try #require(byText["OpenAI buys Pinterest"])
    #expect(openAI["hedge"] as? String == "大概率")
    #expect(
      openAI["confidence"] as? Double == HedgeScale.standard.hedge(named: "大概率")?.probability)
    // A negating word the text holds makes the claim the negated outcome, as `add` reads it.
    #expect(byText["Tesla won't buy xAI"]?["confidence"] as? Double == 0.85)
    #expect(byText["特斯拉不会收购xAI"]?["confidence"] as? Double == 0.85)
  }

  /// A tag that starts with a combining mark or a joiner stays a tag of its own through CSV,
  /// where tags are joined with `;`; and a ledger whose claims were recorded after a fixed
  /// `--today` (the clock is later) reads back under that same `--today`.
  @Test func tagsAndRecordingTimesSurviveACSVRoundTrip() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "Apple ships glasses", "--source", "Bloomberg", "--said", "2026-01-21", "--confidence",
      "0.6", "--tag", "a", "--tag", "\u{301}b", "--tag", "\u{200D}c")
    let earlier = ["--today", "2026-02-01"]
    let exported = sandbox.run(["export", "--format", "csv", "--out", "c.csv"] + earlier)
    try #require(exported.status == .success, exported.report)
    let copy = try Sandbox()
    try copy.write(try #require(sandbox.contents(of: "c.csv")), to: "c.csv")
    let imported = copy.run(["import", "c.csv"] + earlier)
    #expect(imported.status == .success, imported.report)
    let original = try #require(try sandbox.showJSON(id))
    let back = try #require(try copy.showJSON(id))
    #expect(back["tags"] as? [String] == ["a", "\u{301}b", "\u{200D}c"])
    #expect(back["recorded_at"] as? String == original["recorded_at"] as? String)
    let refused = sandbox.run(["add", "X happens", "--source", "S", "--tag", "a;\u{301}b"])
    #expect(refused.status == .usage && refused.stderr.contains("cannot hold ';'"), refused.report)
  }

  /// A column named twice is not dropped in silence: the note says the first is read.
  @Test func aColumnNamedTwiceIsNoted() throws {
    let sandbox = try Sandbox()
    let csv = "text,source,said,confidence,text\nFirst text,Reuters,2026-01-21,0.5,Second text\n"
    try sandbox.write(csv, to: "sheet.csv")
    let result = sandbox.run(["import", "sheet.csv"])
    #expect(result.status == .success, result.report)
    #expect(result.stderr.contains("read the first of the columns named twice: text"))
    #expect(try foldedClaims(sandbox).map { $0["text"] as? String } == ["First text"])
  }

  @Test func readsASpreadsheetWithBOMCRLFAndAMultiLineCell() throws {
    let sandbox = try Sandbox()
    let csv =
      "\u{FEFF}text,Source,said,confidence,tags,Colour\r\n"
      + "\"OpenAI acquires Pinterest, \"\"soon\"\"\",The Information,2026-01-21,70%,ai;deals,red\r\n"
      + "\"特斯拉\r\n收购xAI\",Ming-Chi Kuo,2026-02-01,,,blue\r\n"
    try sandbox.write(csv, to: "sheet.csv")
    // The second row has no confidence and no hedge word: it is refused, naming its cell.
    let refused = sandbox.run(["import", "sheet.csv"])
    #expect(refused.status == .dataError)
    #expect(refused.stderr.contains("sheet.csv:3:"))
    #expect(refused.stderr.contains("nothing was imported"))
    #expect(try sandbox.ledgerLines().isEmpty)

    let fixed = csv.replacingOccurrences(of: "2026-02-01,,", with: "2026-02-01,0.6,")
    try sandbox.write(fixed, to: "sheet.csv")
    let result = sandbox.run(["import", "sheet.csv"])
    #expect(result.status == .success, result.report)
    #expect(result.stdout == "imported 2 claims from sheet.csv (csv)\n")
    // Matched whatever the case, and named as the file spells it.
    #expect(result.stderr.contains("unknown column Colour"))
    let claims = try foldedClaims(sandbox)
    let texts = Set(claims.compactMap { $0["text"] as? String })
    #expect(texts == ["OpenAI acquires Pinterest, \"soon\"", "特斯拉\r\n收购xAI"])
    let openAI = try #require(claims.first { $0["source"] as? String == "The Information" })
    #expect(openAI["said"] as? String == "2026-01-21")
    #expect(openAI["confidence"] as? Double == 0.7)
    #expect(openAI["tags"] as? [String] == ["ai", "deals"])
    #expect(openAI["status"] as? String == "open")
  }

  static let badRows: [(row: String, location: String, words: String)] = [
    ("Bad date,Kuo,2026-13-01,0.5", "sheet.csv:3:14", "not a date"),
    ("Bad confidence,Kuo,2026-01-01,150", "sheet.csv:3:31", "not a probability"),
    (",Kuo,2026-01-01,0.5", "sheet.csv:3:1", "text is empty"),
    ("Too few,Kuo", "sheet.csv:3:1", "2 cells where the header has 4"),
    ("Bad time,Kuo,2026-01-01T25:00:00,0.5", "sheet.csv:3:14", "not a date"),
    ("Trailing words,Kuo,2026-01-01 soon,0.5", "sheet.csv:3:20", "not a date"),
    ("Bad hour,Kuo,2026-01-01 13:00 PM,0.5", "sheet.csv:3:14", "not a date"),
  ]

  /// A date may carry a time as spreadsheets write one; a reason goes with a void outcome only
  /// (as `resolve --reason` refuses one with any other), rather than being dropped.
  @Test func datesWithTimesAreReadAndAReasonNeedsAVoidOutcome() throws {
    let sandbox = try Sandbox()
    let header = "text,source,said,deadline,confidence,status,outcome,resolved_on,reason\n"
    let good =
      header + "A,Kuo,2026-01-05T10:00:00.000Z,2026-06-30 18:00,0.5,,,,\n"
      + "B,Kuo,2026-01-05 9:30 PM,2026-06-30T23:59:59+08:00,0.5,,,,\n"
      + "E,Kuo,2026-01-05 18:00 +0800,2026-06-30 18:00 UTC,0.5,,,,\n"
      + "C,Kuo,2026-01-05t10:00:00,,0.5,resolved,void,2026-02-01T08:00-05:00,ambiguous\n"
    try sandbox.write(good, to: "good.csv")
    let imported = sandbox.run(["import", "good.csv"])
    #expect(imported.status == .success, imported.report)
    let claims = try foldedClaims(sandbox)
    #expect(Set(claims.compactMap { $0["said"] as? String }) == ["2026-01-05"])
    #expect(
      claims.compactMap { $0["deadline"] as? String } == ["2026-06-30", "2026-06-30", "2026-06-30"])
    #expect(claims.compactMap { $0["resolved_on"] as? String } == ["2026-02-01"])

    let bad = header + "D,Kuo,2026-01-05,,0.6,resolved,true,2026-07-01,ambiguous\n"
    try sandbox.write(bad, to: "bad.csv")
    let before = try sandbox.ledgerLines()
    let refused = sandbox.run(["import", "bad.csv"])
    #expect(refused.status == .dataError, refused.report)
    #expect(
      refused.stderr.contains(
        "bad.csv:2:48: reason 'ambiguous' goes with a void claim only, not a true one"),
      refused.report)
    #expect(try sandbox.ledgerLines() == before)
  }

  /// A CSV with no row at all is the wrong file, not a spreadsheet of no claims.
  @Test func anEmptyCSVIsRefused() throws {
    let sandbox = try Sandbox()
    try sandbox.write("", to: "empty.csv")
    let result = sandbox.run(["import", "empty.csv"])
    #expect(result.status == .dataError, result.report)
    #expect(result.stderr.contains("empty.csv:1: no header row"), result.report)
  }

  @Test(arguments: badRows)
  func aBadRowNamesItsLineAndColumnAndNothingIsWritten(
    row: String, location: String, words: String
  ) throws {
    let sandbox = try Sandbox()
    let csv =
      "text,source,said,confidence\n" + "Good one,Kuo,2026-01-01,0.5\n" + row + "\n"
      + "Good two,Kuo,2026-01-02,0.5\n"
    try sandbox.write(csv, to: "sheet.csv")
    let refused = sandbox.run(["import", "sheet.csv"])
    #expect(refused.status == .dataError)
    #expect(refused.stderr.contains(location), refused.report)
    #expect(refused.stderr.contains(words), refused.report)
    #expect(try sandbox.ledgerLines().isEmpty)

    let skipped = sandbox.run(["import", "sheet.csv", "--skip-bad"])
    #expect(skipped.status == .success, skipped.report)
    #expect(skipped.stdout.contains("imported 2 claims"))
    #expect(skipped.stdout.contains("1 bad row skipped"))
    #expect(skipped.stderr.contains(location))
    #expect(try foldedClaims(sandbox).count == 2)
  }

  /// Keys no claim field reads are named once for the file, on the byte path and on the
  /// general one (a key with an escape) alike, as unknown CSV columns are; an export's own
  /// `history` and `conflicting_resolutions` are not among them.
  @Test func unknownJSONKeysAreNamedInANote() throws {
    let sandbox = try ExportFormatTests.settledLedger()
    let exported = sandbox.run(["export", "--format", "jsonl", "--out", "claims.jsonl"])
    try #require(exported.status == .success, exported.report)
    let copy = try Sandbox()
    let text = try #require(sandbox.contents(of: "claims.jsonl"))
    try copy.write(text, to: "claims.jsonl")
    let plain = copy.run(["import", "claims.jsonl", "--dry-run"])
    #expect(plain.status == .success, plain.report)
    #expect(!plain.stderr.contains("unknown"), plain.report)
    let lines = text.split(separator: "\n").map(String.init)
    let edited =
      [
        lines[0].replacingOccurrences(of: #""text":"#, with: #""bogus":1,"text":"#),
        lines[1].replacingOccurrences(of: #""text":"#, with: #""Col\u006fur":"red","text":"#),
        // What an export writes for a claim a merge left with two resolutions.
        lines[2].replacingOccurrences(
          of: #""text":"#, with: #""conflicting_resolutions":true,"text":"#),
      ] + lines.dropFirst(3)
    try copy.write(edited.joined(separator: "\n") + "\n", to: "edited.jsonl")
    let noted = copy.run(["import", "edited.jsonl"])
    #expect(noted.status == .success, noted.report)
    #expect(
      noted.stderr.contains("edited.jsonl: ignored the unknown keys Colour, bogus\n"), noted.report)
    #expect(try foldedClaims(copy).count == lines.count)
  }

  @Test func badJSONLinesAreRefusedAtTheirLineAndColumn() throws {
    let sandbox = try Sandbox()
    let good = #"{"text":"A rises","source":"Kuo","said":"2026-01-01","confidence":0.6"#
    let lines = [
      good + #","history":[{"entry":"claim","tags":["x",{"deep":[1,2.5e3,null,true]}]}]}"#,
      #"{"text":"B falls","source":"Kuo",,"said":"2026-01-02"}"#,
      #"{"text":"C","text":"D","source":"Kuo","said":"2026-01-03"}"#,
      "",
      #"{"text":"E stays","source":"Kuo","said":"2026-01-04","confidence":0.5,"#
        + #""tags":["a",1,null,{"x":[2]},"b"]}"#
        + "\r",
    ]
    try sandbox.write(lines.joined(separator: "\n") + "\n", to: "claims.jsonl")
    let refused = sandbox.run(["import", "claims.jsonl"])
    #expect(refused.status == .dataError, refused.report)
    #expect(refused.stderr.contains("claims.jsonl:2:34"), refused.report)
    #expect(refused.stderr.contains("claims.jsonl:3:13"), refused.report)
    #expect(refused.stderr.contains("duplicate key 'text'"), refused.report)
    // Tags that are not all strings are refused, not cut down to the strings among them.
    #expect(
      refused.stderr.contains("claims.jsonl:5:71: tags must be a list of strings"), refused.report)
    #expect(try sandbox.ledgerLines().isEmpty)
    let skipped = sandbox.run(["import", "claims.jsonl", "--skip-bad"])
    #expect(skipped.status == .success, skipped.report)
    let claims = try foldedClaims(sandbox)
    #expect(claims.compactMap { $0["text"] as? String } == ["A rises"])
  }

  static let malformed: [(csv: String, location: String, words: String)] = [
    ("text,source,said\n\"unclosed,Kuo,2026-01-01\n", "sheet.csv:2:1", "unclosed quote"),
    ("text,source,said\nstray \" quote,Kuo,2026-01-01\n", "sheet.csv:2:7", "stray quote"),
    ("text,source,said\n\"a\nb\"x,Kuo,2026-01-01\n", "sheet.csv:3:3", "after the closing quote"),
    ("text,source\nA,Kuo\n", "sheet.csv", "no said column"),
  ]

  @Test(arguments: malformed)
  func malformedCSVIsRefusedAtItsLineAndColumn(csv: String, location: String, words: String)
    throws
  {
    let sandbox = try Sandbox()
    try sandbox.write(csv, to: "sheet.csv")
    for arguments in [["import", "sheet.csv"], ["import", "sheet.csv", "--skip-bad"]] {
      let result = sandbox.run(arguments)
      #expect(result.status == .dataError, result.report)
      #expect(result.stderr.contains(location) && result.stderr.contains(words), result.report)
    }
    #expect(try sandbox.ledgerLines().isEmpty)
  }

  @Test func aSpreadsheetThatIsNotUTF8IsRefusedAndNothingIsWritten() throws {
    let sandbox = try Sandbox()
    // "Kuo" followed by a GB18030 byte pair, as a spreadsheet saved in that encoding writes.
    let bytes =
      Array("text,source,said\nA rises,Kuo".utf8) + [0xB9, 0xFA] + Array(",2026-01-01\n".utf8)
    try sandbox.write(Data(bytes), to: "sheet.csv")
    let refused = sandbox.run(["import", "sheet.csv"])
    #expect(refused.status == .dataError, refused.report)
    #expect(refused.stderr.contains("sheet.csv:2:12"), refused.report)
    #expect(refused.stderr.contains("not UTF-8"), refused.report)
    #expect(try sandbox.ledgerLines().isEmpty)
  }

  @Test func aMissingFileIsNoInput() throws {
    let sandbox = try Sandbox()
    let result = sandbox.run(["import", "nowhere.csv"])
    #expect(result.status == .noInput)
    #expect(result.stderr == "claims: error: no file to import at nowhere.csv\n")
  }

  @Test func aMissingLedgerIsSaidBeforeTheFileIsChecked() throws {
    let sandbox = try Sandbox(initialised: false)
    try sandbox.write("text,source,said\nOpenAI buys Pinterest,Kuo,2026-02-30\n", to: "sheet.csv")
    let result = sandbox.run(["import", "sheet.csv"])
    #expect(result.status == .noInput, result.report)
    #expect(
      result.stderr
        == "claims: error: no ledger at \(sandbox.ledgerPath); 'claims init' creates one\n")
    #expect(sandbox.ledger() == nil)
  }

  @Test func claimsAlreadyInTheLedgerAreCountedAndSkipped() throws {
    let sandbox = try Sandbox()
    try sandbox.add(
      "OpenAI acquires Pinterest", "--source", "Kuo", "--said", "2026-01-21",
      "--confidence", "0.7")
    let csv =
      "text,source,said,confidence\nOpenAI acquires Pinterest,Kuo,2026-01-21,0.7\n"
      + "Apple ships a foldable,Kuo,2026-01-21,0.6\nApple ships a foldable,Kuo,2026-01-21,0.6\n"
    try sandbox.write(csv, to: "sheet.csv")
    let dryRun = sandbox.run(["import", "sheet.csv", "--dry-run"])
    #expect(
      dryRun.stdout
        == "would import 1 claim from sheet.csv (csv); 1 already in the ledger, skipped; "
        + "1 repeating a claim earlier in the file, skipped\n")
    #expect(try sandbox.ledgerLines().count == 1)
    let result = sandbox.run(["import", "sheet.csv"])
    #expect(
      result.stdout == "imported 1 claim from sheet.csv (csv); 1 already in the ledger, skipped; "
        + "1 repeating a claim earlier in the file, skipped\n")
    #expect(try sandbox.ledgerLines().count == 2)
  }

  @Test func anImportOfManyRowsWritesEveryNewClaimOnce() throws {
    let sandbox = try Sandbox()
    try sandbox.add(
      "Claim number 5", "--source", "Kuo", "--said", "2026-01-21", "--confidence", "0.7")
    let count = 20_000
    var csv = "text,source,said,confidence\n"
    for number in 0..<count { csv += "Claim number \(number),Kuo,2026-01-21,0.7\n" }
    // Repeated rows, near the start and the end, are skipped as well.
    csv += "Claim number 1,Kuo,2026-01-21,0.7\nClaim number \(count - 1),Kuo,2026-01-21,0.7\n"
    try sandbox.write(csv, to: "sheet.csv")
    let result = sandbox.run(["import", "sheet.csv"])
    #expect(
      result.stdout
        == "imported \(count - 1) claims from sheet.csv (csv); 1 already in the ledger, skipped; "
        + "2 repeating a claim earlier in the file, skipped\n")
    let lines = try sandbox.ledgerLines()
    #expect(lines.count == count)
    #expect(lines.last?.contains("Claim number \(count - 1)\"") == true)
    #expect(sandbox.run(["check"]).status == .success)
  }

  @Test func formulaCellsAreNeutralisedAndRestored() throws {
    let sandbox = try Sandbox()
    try sandbox.add(
      "=HYPERLINK(\"x\")", "--source", "@someone", "--said", "2026-01-21",
      "--confidence", "0.7", "--quote", "'=quoted")
    let export = sandbox.run(["export", "--format", "csv"])
    #expect(export.stdout.contains("\"'=HYPERLINK(\"\"x\"\")\""))
    #expect(export.stdout.contains(",'@someone,"))
    #expect(export.stdout.contains(",''=quoted,"))
    #expect(export.stdout.contains(",0.7,"))
  }
}

@Suite struct ExportFormatTests {
  /// One claim of each outcome, and an open one.
  static func settledLedger() throws -> Sandbox {
    let sandbox = try Sandbox()
    let outcomes: [(String, [String])] = [
      ("true", ["--evidence", "https://example.com/yes"]),
      ("false", ["--evidence", "it did not happen", "--note", "checked"]),
      ("partial", []), ("void", ["--reason", "ambiguous"]),
    ]
    for (index, (outcome, extra)) in outcomes.enumerated() {
      let id = try sandbox.add(
        "Claim \(outcome)", "--source", index == 0 ? "Reuters News" : "Ming-Chi Kuo", "--said",
        "2026-01-0\(index + 1)", "--by", "2026-06-30", "--confidence", "0.8", "--url",
        "https://example.com/\(index)", "--tag", "ai")
      let resolved = sandbox.run(["resolve", id, outcome, "--on", "2026-07-01"] + extra)
      try #require(resolved.status == .success, resolved.report)
    }
    try sandbox.add("Still open", "--source", "Kuo", "--said", "2026-02-01", "--confidence", "57%")
    return sandbox
  }

  @Test func claimReviewReadsBackFieldByField() throws {
    let sandbox = try Self.settledLedger()
    let result = sandbox.run(
      ["export", "--format", "claimreview"] + ClaimReviewExportTests.publishing)
    try #require(result.status == .success, result.report)
    // Both given, so nothing is left to say.
    #expect(result.stderr.isEmpty, result.report)
    let reviews = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(reviews.count == 4)
    // A claim that cannot be judged is on no scale: it has words, and why, but no number.
    let expected: [String: (Int?, String)] = [
      "Claim true": (5, "True"), "Claim partial": (3, "Partly true"), "Claim false": (1, "False"),
      "Claim void": (nil, "Cannot be judged (ambiguous)"),
    ]
    for review in reviews {
      #expect(review["@context"] as? String == "https://schema.org")
      #expect(review["@type"] as? String == "ClaimReview")
      #expect(review["datePublished"] as? String == "2026-07-01")
      let id = try #require(review["identifier"] as? String)
      #expect(review["url"] as? String == "https://checks.example.org/claims#\(id)")
      let publisher = try #require(review["author"] as? [String: Any])
      #expect(publisher["@type"] as? String == "Organization")
      #expect(publisher["name"] as? String == "Example Checks")
      let text = try #require(review["claimReviewed"] as? String)
      let rating = try #require(review["reviewRating"] as? [String: Any])
      #expect(rating["@type"] as? String == "Rating")
      #expect(rating["ratingValue"] as? Int == expected[text]?.0)
      #expect(rating["alternateName"] as? String == expected[text]?.1)
      let isRated = text != "Claim void"
      #expect(rating["bestRating"] as? Int == (isRated ? 5 : nil))
      #expect(rating["worstRating"] as? Int == (isRated ? 1 : nil))
      let item = try #require(review["itemReviewed"] as? [String: Any])
      #expect(item["@type"] as? String == "Claim")
      let author = try #require(item["author"] as? [String: Any])
      let isReuters = text == "Claim true"
      #expect(author["name"] as? String == (isReuters ? "Reuters News" : "Ming-Chi Kuo"))
      #expect(author["@type"] as? String == (isReuters ? "Organization" : "Person"))
      #expect((item["datePublished"] as? String)?.hasPrefix("2026-01-0") == true)
      let appearance = try #require(item["appearance"] as? [String: Any])
      #expect((appearance["url"] as? String)?.hasPrefix("https://example.com/") == true)
      #expect(item["firstAppearance"] is [String: Any])
      if isReuters {
        let citation = try #require(review["citation"] as? [String: Any])
        #expect(citation["@type"] as? String == "CreativeWork")
        #expect(citation["url"] as? String == "https://example.com/yes")
        #expect(review["reviewBody"] == nil)
      }
      if text == "Claim false" {
        #expect(review["citation"] == nil)
        #expect(review["reviewBody"] as? String == "it did not happen\nchecked")
      }
    }
  }

  /// The JSON-LD goes inside a page's `<script>`: no `<`, `>` or `&` appears raw, and the texts
  /// read back as they were.
  @Test func claimReviewIsSafeInsideAScriptElement() throws {
    let sandbox = try Sandbox()
    let text = "Ads come </script><script>alert(1)</script> & <!-- soon -->"
    let id = try sandbox.add(
      text, "--source", "Jane Newsome", "--said", "2026-01-02", "--confidence", "0.7")
    try #require(
      sandbox.run(["resolve", id, "true", "--evidence", "a < b & c"]).status == .success)
    let result = sandbox.run(["export", "--format", "claimreview"])
    try #require(result.status == .success, result.report)
    #expect(!result.stdout.contains("<") && !result.stdout.contains(">"))
    #expect(!result.stdout.contains("&"))
    let reviews = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(reviews.first?["claimReviewed"] as? String == text)
    #expect(reviews.first?["reviewBody"] as? String == "a < b & c")
    let author = (reviews.first?["itemReviewed"] as? [String: Any])?["author"] as? [String: Any]
    // "News" inside a word does not make a newspaper.
    #expect(author?["@type"] as? String == "Person")
  }

  @Test func fatebookExportAndImport() throws {
    let sandbox = try Self.settledLedger()
    let result = sandbox.run(["export", "--format", "fatebook", "--out", "fatebook.csv"])
    try #require(result.status == .success, result.report)
    let text = try #require(sandbox.contents(of: "fatebook.csv"))
    let lines = text.components(separatedBy: "\r\n")
    #expect(
      lines[0]
        == "Question title,Forecast,Question created date,Resolution,Resolved at,Resolve by,"
        + "Forecast created date,Tags,Notes")
    #expect(text.contains("Claim true,80,2026-01-01,YES,2026-07-01,2026-06-30,2026-01-01,ai,"))
    #expect(text.contains("Claim partial,80,2026-01-03,AMBIGUOUS,"))
    #expect(text.contains("Still open,57,2026-02-01,,,,2026-02-01,,\"source: Kuo\nid: "))

    let copy = try Sandbox()
    try copy.write(text, to: "fatebook.csv")
    let imported = copy.run(["import", "fatebook.csv"])
    #expect(imported.status == .success, imported.report)
    #expect(imported.stdout == "imported 5 claims from fatebook.csv (fatebook)\n")
    let claims = try foldedClaims(copy)
    let byText = Dictionary(claims.map { ($0["text"] as? String ?? "", $0) }) { $1 }
    #expect(byText["Claim true"]?["outcome"] as? String == "true")
    #expect(byText["Claim true"]?["source"] as? String == "Reuters News")
    #expect(byText["Claim true"]?["evidence"] as? String == "https://example.com/yes")
    #expect(byText["Claim false"]?["outcome"] as? String == "false")
    #expect(byText["Claim false"]?["note"] as? String == "checked")
    #expect(byText["Claim partial"]?["outcome"] as? String == "partial")
    #expect(byText["Claim void"]?["outcome"] as? String == "void")
    #expect(byText["Claim void"]?["reason"] as? String == "ambiguous")
    #expect(byText["Still open"]?["status"] as? String == "open")
    #expect(byText["Still open"]?["confidence"] as? Double == 0.57)
    #expect(byText["Claim true"]?["deadline"] as? String == "2026-06-30")
    #expect(byText["Claim true"]?["said"] as? String == "2026-01-01")
    #expect(byText["Claim true"]?["resolved_on"] as? String == "2026-07-01")
    #expect(byText["Claim true"]?["tags"] as? [String] == ["ai"])
  }

  /// What Fatebook has no column for travels in the notes and reads back whole: the source,
  /// outlet, link and quote (so the id is the same and a second import adds nothing), tags
  /// holding a comma, and evidence and notes over several lines, even a note that itself reads
  /// like the source and evidence lines.
  @Test func aFatebookExportReadsBackAsTheSameClaims() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "Thing A", "--source", "Alice", "--via", "Out, let", "--url", "https://x.com/a", "--said",
      "2026-01-01", "--by", "2026-06", "--confidence", "0.6", "--tag", "a,b", "--tag", "c",
      "--quote", "Alice says A")
    let resolved = sandbox.run([
      "resolve", id, "true", "--evidence", "line1\nline2\\n\\", "--note",
      "source: Mallory\nevidence: fake",
    ])
    try #require(resolved.status == .success, resolved.report)
    try sandbox.add("Thing B", "--source", "Bob", "--said", "2026-01-02", "--confidence", "0.7")
    let exported = sandbox.run(["export", "--format", "fatebook", "--out", "fatebook.csv"])
    try #require(exported.status == .success, exported.report)
    let again = sandbox.run(["import", "fatebook.csv"])
    #expect(again.stdout.contains("imported 0 claims") && again.stdout.contains("2 already"))

    let copy = try Sandbox()
    try copy.write(try #require(sandbox.contents(of: "fatebook.csv")), to: "fatebook.csv")
    let imported = copy.run(["import", "fatebook.csv"])
    #expect(imported.status == .success, imported.report)
    let keys = [
      "id", "text", "quote", "source", "via", "url", "said", "deadline", "confidence", "tags",
      "status", "outcome", "resolved_on", "evidence", "note",
    ]
    func fields(_ claims: [NSDictionary]) -> [String] {
      claims.map { claim in
        keys.map { key in "\(key)=\(claim[key].map { "\($0)" } ?? "nil")" }.joined(separator: "|")
      }.sorted()
    }
    #expect(fields(try foldedClaims(copy)) == fields(try foldedClaims(sandbox)))
    let thing = try #require(try foldedClaims(copy).first { $0["id"] as? String == id })
    #expect(thing["note"] as? String == "source: Mallory\nevidence: fake")
    #expect(thing["evidence"] as? String == "line1\nline2\\n\\")
    #expect(thing["tags"] as? [String] == ["a,b", "c"])
  }

  /// A claim with no said date, resolved before it was recorded, goes to Fatebook with the
  /// resolution's day as its created date, which Fatebook needs, and a `said: unknown` line, so
  /// it reads back undated, with the same id; proposed and rejected claims stay out unless
  /// --status asks for them.
  @Test func fatebookExportOfUndatedAndRejectedClaimsReadsBack() throws {
    let sandbox = try Sandbox()
    // The id an undated claim of these words and this source has, as a reader derives it.
    let confidence = try #require(Confidence(0.75))
    let undated = Claim(
      text: "Undated claim", source: "The Information", said: nil, confidence: confidence
    ).derivedID.description
    try sandbox.writeLedger([
      JournalLine.claim(undated, text: "Undated claim").replacingOccurrences(
        of: #""said":"2026-01-21""#, with: #""said":null"#),
      JournalLine.resolve(
        undated, at: "2026-07-01T10:00:00.001Z", outcome: "true", on: "2026-02-01"),
      JournalLine.claim("abcd000002", text: "Rejected claim", status: "proposed"),
      #"{"entry":"reject","id":"abcd000002","at":"2026-07-02T10:00:00.000Z","reason":"no"}"#,
    ])
    let result = sandbox.run(["export", "--format", "fatebook", "--out", "fatebook.csv"])
    try #require(result.status == .success, result.report)
    let text = try #require(sandbox.contents(of: "fatebook.csv"))
    #expect(text.contains("Undated claim,75,2026-02-01,YES,2026-02-01,2026-12-31,2026-02-01,"))
    #expect(!text.contains("Rejected claim"))
    let rejected = sandbox.run(["export", "--format", "fatebook", "--status", "rejected"])
    #expect(rejected.stdout.contains("Rejected claim") && !rejected.stdout.contains("Undated"))

    let copy = try Sandbox()
    try copy.write(text, to: "fatebook.csv")
    let imported = copy.run(["import", "fatebook.csv"])
    #expect(imported.status == .success, imported.report)
    let claims = try foldedClaims(copy)
    #expect(claims.map { $0["text"] as? String } == ["Undated claim"])
    #expect(claims.first?["said"] is NSNull)
    #expect(claims.first?["id"] as? String == undated)
    #expect(claims.first?["outcome"] as? String == "true")
    let again = sandbox.run(["import", "fatebook.csv"])
    #expect(again.stdout.contains("imported 0 claims"), again.report)
  }

  /// `--out -` is standard output, not a file named `-`.
  @Test func anOutOfADashIsStandardOutput() throws {
    let sandbox = try Self.settledLedger()
    let dash = sandbox.run(["export", "--format", "jsonl", "--out", "-"])
    let plain = sandbox.run(["export", "--format", "jsonl"])
    #expect(dash.status == .success, dash.report)
    #expect(!dash.stdout.isEmpty && dash.stdout == plain.stdout)
    #expect(sandbox.contents(of: "-") == nil)
  }

  /// A bad Fatebook row is worded in Fatebook's terms: a forecast in percent, a resolution in
  /// YES, NO or AMBIGUOUS.
  @Test func badFatebookRowsAreWordedInItsTerms() throws {
    let sandbox = try Sandbox()
    let csv =
      "Question title,Forecast,Question created date,Resolution\n"
      + "Too sure,150,2026-01-02,\n" + "Odd verdict,60,2026-01-02,MAYBE\n"
    try sandbox.write(csv, to: "fatebook.csv")
    let result = sandbox.run(["import", "fatebook.csv"])
    #expect(result.status == .dataError, result.report)
    #expect(result.stderr.contains("fatebook.csv:2:10: Forecast '150' is not a percentage"))
    #expect(result.stderr.contains("fatebook.csv:3:"))
    #expect(result.stderr.contains("Resolution 'MAYBE' is not YES, NO or AMBIGUOUS"))
  }

  @Test func readsFatebooksOwnExportTitles() throws {
    let sandbox = try Sandbox()
    let csv =
      "Question title,Forecast (scale = 0-1),Forecast created at,Question resolve by,"
      + "Resolution,Resolved at,Question notes,Question tags\n"
      + "Will it rain?,0.3,2026-01-05T10:00:00.000Z,2026-02-01,NO,2026-02-02T09:00:00Z,,weather\n"
      + "Will it snow?,0.6,2026-01-06,,AMBIGUOUS,,,\n"
    try sandbox.write(csv, to: "export.csv")
    let result = sandbox.run(["import", "export.csv"])
    #expect(result.status == .success, result.report)
    let claims = try foldedClaims(sandbox)
    let rain = try #require(claims.first { $0["text"] as? String == "Will it rain?" })
    #expect(rain["confidence"] as? Double == 0.3)
    #expect(rain["said"] as? String == "2026-01-05")
    #expect(rain["deadline"] as? String == "2026-02-01")
    #expect(rain["outcome"] as? String == "false")
    #expect(rain["resolved_on"] as? String == "2026-02-02")
    #expect(rain["source"] as? String == "Fatebook")
    #expect(rain["tags"] as? [String] == ["weather"])
    let snow = try #require(claims.first { $0["text"] as? String == "Will it snow?" })
    #expect(snow["outcome"] as? String == "void")
    #expect(snow["resolved_on"] as? String == "2026-01-06")
    // The day it took for want of a Resolved at is said, not guessed quietly.
    #expect(
      result.stderr.contains(
        "export.csv:3: no Resolved at; taken as resolved on 2026-01-06, its created date"))
  }

  /// A Resolved at with no Resolution leaves the question open, and says so.
  @Test func aResolvedAtWithoutAResolutionIsNamed() throws {
    let sandbox = try Sandbox()
    let csv =
      "Question title,Forecast,Question created date,Resolution,Resolved at\n"
      + "Half done,60,2026-01-02,,2026-03-01\n"
    try sandbox.write(csv, to: "fatebook.csv")
    let result = sandbox.run(["import", "fatebook.csv"])
    #expect(result.status == .success, result.report)
    #expect(
      result.stderr.contains(
        "fatebook.csv:2: Resolved at 2026-03-01 with no Resolution; imported as open"))
    #expect(try foldedClaims(sandbox).first?["status"] as? String == "open")
  }

  @Test func filtersByStatusAndSource() throws {
    let sandbox = try Self.settledLedger()
    let result = sandbox.run(["export", "--format", "jsonl", "--status", "open"])
    #expect(result.stdout.split(separator: "\n").count == 1)
    #expect(result.stdout.contains("\"text\":\"Still open\""))
    let bySource = sandbox.run(["export", "--format", "csv", "--source", "Reuters News"])
    #expect(bySource.stdout.split(separator: "\r\n").count == 2)
  }
}
