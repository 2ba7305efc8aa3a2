import ClaimLedger
import Foundation
import Testing

@testable import claims

/// Files as spreadsheets in other locales save them, and files that arrive through a pipe:
/// read when their meaning is plain, refused by line and column when it is not, and the
/// ledger untouched by a refusal.
@Suite struct SpreadsheetImportTests {
  /// Every way in keeps a tag once and trimmed, so a JSON list's `" ai "` and a cell's `ai; AI`
  /// give the same tags, and a CSV export of either reads back alike.
  @Test func tagsAreTrimmedAndKeptOnceFromEveryFormat() throws {
    let sandbox = try Sandbox()
    let fromJSON = try sandbox.importing(
      #"{"text":"Apple ships","source":"Kuo","said":"2026-01-02","confidence":0.5,"#
        + #""tags":[" ai ","AI","中文","中文 ","chips"]}"# + "\n", as: "t.jsonl")
    #expect(fromJSON.status == .success, fromJSON.report)
    let fromCSV = try sandbox.importing(
      "text,source,said,confidence,tags\nNvidia ships,Kuo,2026-01-02,0.5,ai; AI;中文;chips;CHIPS\n",
      as: "t.csv")
    #expect(fromCSV.status == .success, fromCSV.report)
    let tags = try foldedClaims(sandbox).compactMap { $0["tags"] as? [String] }
    #expect(tags == [["ai", "中文", "chips"], ["ai", "中文", "chips"]], "\(tags)")
  }

  /// Titles as a spreadsheet writes them ("Resolved On", "deadline-text") name the same
  /// columns as `resolved_on` and `deadline_text`.
  @Test func titlesWithSpacesOrHyphensNameTheSameColumns() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "Text,Source,Said,Confidence,Outcome,Resolved On,Deadline-Text\n"
        + "Apple ships,Kuo,2026-01-02,50%,true,2026-05-01,by May\n", as: "titles.csv")
    #expect(result.status == .success, result.report)
    let claim = try #require(try foldedClaims(sandbox).first)
    #expect(claim["resolved_on"] as? String == "2026-05-01")
    #expect(claim["deadline_text"] as? String == "by May")
  }

  /// A column without a title is not read, and the import says so, since a sheet may hold
  /// values there.
  @Test func aColumnWithoutATitleIsNamedAsIgnored() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "text,source,said,confidence,,\nApple ships,Kuo,2026-01-02,50%,important,data\n",
      as: "untitled.csv")
    #expect(result.status == .success, result.report)
    #expect(
      result.stderr.contains("ignored the columns without a title (column 5, 6)"), result.report)
  }

  /// A refused file still says what it ignored (an unknown column may be why a row is bad),
  /// and with --json prints the counts and each problem for a script to read.
  @Test func aRefusedImportNamesIgnoredColumnsAndPrintsItsProblemsAsJSON() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      "text,source,said,confidence,Resolved When\nA,Kuo,2026-02-30,50%,x\n", to: "bad.csv")
    for arguments in [["import", "bad.csv"], ["import", "bad.csv", "--dry-run", "--json"]] {
      let result = sandbox.run(arguments)
      #expect(result.status == .dataError, result.report)
      #expect(result.stderr.contains("ignored the unknown column Resolved When"), result.report)
      #expect(result.stderr.contains("claims: error: "), result.report)
    }
    let json = sandbox.run(["import", "bad.csv", "--json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["refused"] as? Bool == true)
    #expect(object["bad_rows"] as? Int == 1)
    #expect(object["imported"] as? Int == 0)
    let problems = try #require(object["problems"] as? [String])
    #expect(problems.count == 1)
    #expect(problems.first?.hasPrefix("bad.csv:2:") == true, "\(problems)")
    #expect(try sandbox.ledgerLines().isEmpty)
  }

  /// A tag that says nothing (a zero-width space, a word joiner) is refused on the way in,
  /// whichever path reads the row: a row in an export's own form too.
  @Test(arguments: ["\u{200B}", "\u{2060}", "\u{34F}"])
  func aTagThatSaysNothingIsRefusedByEveryPath(_ tag: String) throws {
    let sandbox = try Sandbox()
    for confidence in ["0.7", "0.70"] {
      let json = try sandbox.importing(
        #"{"id":"30cffa16f6","text":"Rates fall","source":"Alice","said":"2025-01-02","#
          + #""confidence":\#(confidence),"lang":"en","tags":[""# + tag
          + #""],"conditional":false,"status":"open"}"# + "\n", as: "t.jsonl")
      #expect(json.status == .dataError, json.report)
      #expect(json.stderr.contains("is empty"), json.report)
    }
    #expect(try sandbox.ledgerLines().isEmpty)
  }

  /// A cell that says nothing (a no-break space, a zero-width space) is a bad row, whichever
  /// path reads it.
  @Test func aTextThatSaysNothingIsABadRow() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "text,source,said,confidence\n\u{A0},Kuo,2026-01-02,0.5\nA claim,\u{200B},2026-01-02,0.5\n",
      as: "blank.csv")
    #expect(result.status == .dataError, result.report)
    #expect(result.stderr.contains("blank.csv:2:1: text is empty"), result.report)
    #expect(result.stderr.contains("blank.csv:3:"), result.report)
    #expect(try sandbox.ledgerLines().isEmpty)
  }

  static let semicolonFiles: [(name: String, csv: String)] = [
    ("plain", "text;source;said;confidence\r\nApple ships glasses;Kuo;2026-01-02;0,7\r\n"),
    (
      "named", "sep=;\r\ntext;source;said;confidence\r\n\"Apple ships glasses\";Kuo;2026-01-02;\r\n"
    ),
    ("quoted", "\"sep=;\"\n\"text\";\"source\";\"said\"\n\"Apple ships glasses\";Kuo;2026-01-02\n"),
    ("pipes", "sep=|\ntext|source|said\nApple ships glasses|Kuo|2026-01-02\n"),
  ]

  /// `;` from the header, or a `sep=X` first line; a cell with a comma (`0,7`, the decimal
  /// mark there) is one cell, and a confidence. Rows without one take it from `likely`.
  @Test(arguments: semicolonFiles)
  func cellsSeparatedByAnotherCharacterAreRead(name: String, csv: String) throws {
    let sandbox = try Sandbox()
    let likely = csv.replacingOccurrences(of: "Apple ships glasses", with: "Apple likely ships")
    let result = try sandbox.importing(likely, as: "\(name).csv")
    #expect(result.status == .success, result.report)
    let claims = try foldedClaims(sandbox)
    #expect(claims.map { $0["text"] as? String } == ["Apple likely ships"])
    #expect(claims.first?["source"] as? String == "Kuo")
    #expect(claims.first?["said"] as? String == "2026-01-02")
  }

  /// A Fatebook sheet saved in such a locale is still Fatebook's.
  @Test func aFatebookFileWithSemicolonsIsRecognised() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "sep=;\nQuestion title;Forecast;Question created date\nWill it rain?;30;2026-01-05\n",
      as: "fatebook.csv")
    #expect(result.status == .success, result.report)
    #expect(result.stdout.contains("(fatebook)"), result.report)
    #expect(try foldedClaims(sandbox).first?["confidence"] as? Double == 0.3)
  }

  /// A header of one cell is most likely a separator nobody named (tabs are found, as commas
  /// and semicolons are): the message says so, and a `sep=` line then reads the same file.
  @Test(arguments: ["|", "^"])
  func anUnknownSeparatorIsNamedAsTheLikelyCause(separator: String) throws {
    let sandbox = try Sandbox()
    let rows = [["text", "source", "said"], ["A rises", "Kuo", "2026-01-02"]]
    let csv = rows.map { $0.joined(separator: separator) + "\n" }.joined()
    let refused = try sandbox.importing(csv, as: "sheet.csv")
    #expect(
      refused.status == .dataError
        && refused.stderr.contains("sheet.csv: no text, source, said columns")
        && refused.stderr.contains("a first line such as sep=| names it"), refused.report)
    #expect(try sandbox.ledgerLines().isEmpty)
    try sandbox.write(
      "sep=\(separator)\n" + csv.replacingOccurrences(of: "A rises", with: "A likely rises"),
      to: "sheet.csv")
    #expect(sandbox.run(["import", "sheet.csv"]).status == .success)
    #expect(try foldedClaims(sandbox).count == 1)
  }

  /// Rows whose cells a spreadsheet cleared (`,,,,`) are skipped and counted, on the byte
  /// path and on the general one alike.
  @Test(arguments: ["0.6", "60%"])
  func emptyRowsAreSkippedAndCounted(confidence: String) throws {
    let rows = [
      "text,source,said,confidence,lang", ",,,,", "A rises,Kuo,2026-01-02,\(confidence),en",
      ",,", " , ,,,",
    ]
    let sandbox = try Sandbox()
    let result = try sandbox.importing(rows.map { $0 + "\r\n" }.joined(), as: "sheet.csv")
    #expect(
      result.status == .success && result.stdout.hasPrefix("imported 1 claim from sheet.csv")
        && result.stderr.contains("sheet.csv: skipped 3 empty rows"), result.report)
  }

  static let dates: [(cell: String, said: String?, words: String?)] = [
    ("2026/1/2", "2026-01-02", nil),
    ("2026.1.2", "2026-01-02", nil),
    ("02.01.2026", "2026-01-02", nil),
    ("13/1/2026", "2026-01-13", nil),
    ("1/13/2026", "2026-01-13", nil),
    ("3/3/2026", "2026-03-03", nil),
    ("2026/1/2 9:30 PM", "2026-01-02", nil),
    (
      "1/2/2026", nil, "said '1/2/2026' could be 2026-01-02 (month first) or 2026-02-01 (day first)"
    ),
    ("31/2/2026", nil, "not a date"),
    ("2026/13/1", nil, "not a date"),
  ]

  @Test(arguments: dates)
  func datesAreReadWhenTheirOrderIsPlain(cell: String, said: String?, words: String?) throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "text,source,said,confidence\nA rises,Kuo,\(cell),0.6\n", as: "sheet.csv")
    if let said {
      #expect(result.status == .success, result.report)
      #expect(try foldedClaims(sandbox).first?["said"] as? String == said)
    } else {
      #expect(result.status == .dataError, result.report)
      #expect(result.stderr.contains("sheet.csv:2:13: "), result.report)
      #expect(result.stderr.contains(words ?? ""), result.report)
      #expect(try sandbox.ledgerLines().isEmpty)
    }
  }

  /// A percentage as a spreadsheet saves one: `70 %` (with a space, as French locales put it)
  /// or a bare number over 1, from a column of percentages without the sign.
  @Test(arguments: [
    ("70", 0.7), ("70 %", 0.7), ("12.5", 0.125), ("100", 1.0), ("1", 1.0), ("0.7", 0.7),
    ("70\u{A0}%", 0.7), ("\"0,7\"", 0.7), ("\"12,5 %\"", 0.125),
  ])
  func aConfidenceMayBeAPercentageWithoutItsSign(cell: String, value: Double) throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "text,source,said,confidence\nA rises,Kuo,2026-01-02,\(cell)\n", as: "s.csv")
    #expect(result.status == .success, result.report)
    #expect(try foldedClaims(sandbox).first?["confidence"] as? Double == value)
  }

  @Test(arguments: ["1.2E+09", "123456789", "1.23457e+09"])
  func anIdASpreadsheetChangedIsNamedAsSuch(id: String) throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "id,text,source,said,confidence\n\(id),A,Kuo,2026-01-02,0.6\n", as: "s.csv")
    #expect(result.status == .dataError, result.report)
    #expect(result.stderr.contains("s.csv:2:1: id '\(id)' is not 10 hexadecimal digits"))
    #expect(
      result.stderr.contains("a spreadsheet may have changed it")
        && result.stderr.contains("format the id column as text"), result.report)
    // Not said of an id no spreadsheet would write.
    try sandbox.write("id,text,source,said,confidence\nxyz,A,Kuo,2026-01-02,0.6\n", to: "t.csv")
    #expect(!sandbox.run(["import", "t.csv"]).stderr.contains("spreadsheet"))
  }

  /// `import -` reads standard input, its format sniffed from the first line.
  @Test(arguments: [
    ("text,source,said,confidence\nA rises,Kuo,2026-01-02,0.6\n", "csv"),
    (#"{"text":"A rises","source":"Kuo","said":"2026-01-02","confidence":0.6}"# + "\n", "jsonl"),
    ("Question title,Forecast,Question created date\nA rises,60,2026-01-02\n", "fatebook"),
  ])
  func aDashReadsStandardInput(text: String, format: String) throws {
    let sandbox = try Sandbox()
    let result = try Self.importStandardInput(text, in: sandbox)
    #expect(result.status == .success, result.report)
    #expect(result.stdout == "imported 1 claim from <stdin> (\(format))\n", result.report)
    #expect(try foldedClaims(sandbox).first?["text"] as? String == "A rises")
  }

  /// Nothing on standard input (an export that matched no claim) imports nothing.
  @Test func emptyStandardInputImportsNothing() throws {
    let result = try Self.importStandardInput("", in: try Sandbox())
    #expect(result.status == .success, result.report)
    #expect(result.stdout == "imported 0 claims from <stdin> (jsonl)\n", result.report)
  }

  /// `import -` with `text` on standard input, through a pipe.
  static func importStandardInput(_ text: String, in sandbox: Sandbox) throws -> CLI.Result {
    let pipe = Pipe()
    try pipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    try pipe.fileHandleForWriting.close()
    var terminal = Terminal.plain()
    terminal.input = pipe.fileHandleForReading.fileDescriptor
    return sandbox.run(["import", "-"], terminal: terminal)
  }

  /// A ledger's own journal is refused at once, rather than read as claims whose resolutions
  /// and amends would be bad rows; and what only a resolution holds is refused on a row that
  /// is not resolved, rather than dropped.
  @Test func aJournalAndResolutionFieldsOfOpenRowsAreRefused() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "A rises", "--source", "Kuo", "--said", "2026-01-02", "--confidence", "0.6")
    _ = sandbox.run(["resolve", id, "true"])
    let copy = try Sandbox()
    try copy.write(try #require(sandbox.contents(of: "Claims/ledger.jsonl")), to: "old.jsonl")
    let journal = copy.run(["import", "old.jsonl", "--skip-bad"])
    #expect(journal.status == .dataError, journal.report)
    #expect(journal.stderr.contains("a ledger's journal, whose lines are entries"), journal.report)
    // Keys in another order and a blank line first (as `jq -S` writes it) are a journal too,
    // named at its first entry; an entry among claims is a bad row of its own.
    let lines = try #require(sandbox.contents(of: "Claims/ledger.jsonl")).split(separator: "\n")
    let sorted = try lines.map { line in
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      return String(decoding: data, as: UTF8.self)
    }
    try copy.write("\n" + sorted.joined(separator: "\n") + "\n", to: "sorted.jsonl")
    let reordered = copy.run(["import", "sorted.jsonl", "--skip-bad"])
    #expect(reordered.status == .dataError, reordered.report)
    #expect(reordered.stderr.contains("sorted.jsonl:2:1"), reordered.report)
    let export = sandbox.run(["export", "--format", "jsonl"])
    try copy.write(export.stdout + (sorted.first ?? "") + "\n", to: "mixed.jsonl")
    let mixed = copy.run(["import", "mixed.jsonl"])
    #expect(mixed.status == .dataError, mixed.report)
    #expect(mixed.stderr.contains("mixed.jsonl:2:1: a ledger's journal"), mixed.report)
    #expect(try copy.ledgerLines().isEmpty)
    let evidence = try copy.importing(
      "text,source,said,confidence,evidence\nB rises,Kuo,2026-01-02,0.6,https://e.example\n",
      as: "ev.csv")
    #expect(evidence.status == .dataError, evidence.report)
    #expect(evidence.stderr.contains("ev.csv:2:"), evidence.report)
    #expect(evidence.stderr.contains("a claim that is open has no evidence"), evidence.report)
    #expect(try copy.ledgerLines().isEmpty)
  }

  /// The built binary, reading a pipe as `-`, as `/dev/stdin` and as a FIFO's path (what a
  /// shell's `<(cat file)` gives).
  @Test func pipesAreReadByTheBuiltBinary() throws {
    let sandbox = try Sandbox()
    try sandbox.write("text,source,said,confidence\nA rises,Kuo,2026-01-02,0.6\n", to: "a.csv")
    try sandbox.write("text,source,said,confidence\nB rises,Kuo,2026-01-02,0.6\n", to: "b.csv")
    try sandbox.write("text,source,said,confidence\nC rises,Kuo,2026-01-02,0.6\n", to: "c.csv")
    let fifo = sandbox.path("d.pipe")
    try #require(mkfifo(fifo, 0o600) == 0)
    let script = """
      cd "\(sandbox.directory.path)" || exit 9
      cat a.csv | "$0" import - || exit 1
      cat b.csv | "$0" import /dev/stdin || exit 2
      cat c.csv > d.pipe &
      "$0" import d.pipe || exit 3
      wait
      """
    let run = try BuiltBinary.shell(script, environment: sandbox.environment).finish()
    #expect(run.status == 0, run.report)
    #expect(run.stdout.contains("imported 1 claim from <stdin> (csv)"), run.report)
    #expect(run.stdout.contains("imported 1 claim from /dev/stdin (csv)"), run.report)
    #expect(run.stdout.contains("imported 1 claim from d.pipe (csv)"), run.report)
    #expect(try foldedClaims(sandbox).count == 3)
  }

  /// `list --json` writes one JSON array, which is no file import reads: it says which is,
  /// whatever format was asked for.
  @Test(arguments: [[], ["--format", "jsonl"], ["--format", "csv"]])
  func aJSONArrayIsRefusedWithWhatToExportInstead(format: [String]) throws {
    let listed = try ExportFormatTests.settledLedger().run(["list", "--json"])
    try #require(listed.status == .success)
    let sandbox = try Sandbox()
    try sandbox.write(listed.stdout, to: "claims.json")
    let result = sandbox.run(["import", "claims.json"] + format)
    #expect(result.status == .dataError, result.report)
    #expect(
      result.stderr.contains("claims.json:1:1: a JSON array")
        && result.stderr.contains("'claims export --format jsonl' writes them"), result.report)
    #expect(try sandbox.ledgerLines().isEmpty)
  }

  @Test func aFolderIsNoFileToImport() throws {
    let sandbox = try Sandbox()
    let result = sandbox.run(["import", "Claims"])
    #expect(result.status == .noInput, result.report)
    #expect(
      result.stderr
        == "claims: error: cannot read Claims: it is a folder; name the file to import\n")
  }

  /// Titles a person gives the fields in their own sheet are read as those fields, and the
  /// import says how it read each; a unit after a title ("(%)") is left out.
  @Test func titlesPeopleGiveTheFieldsAreReadAndNamed() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "Claim,Who,Said,Probability (%),Due date,Link\n"
        + "Apple ships a foldable,Kuo,2026-01-02,30,2026-06-30,https://example.com/a\n",
      as: "mine.csv")
    #expect(result.status == .success, result.report)
    #expect(
      result.stderr.contains(
        "mine.csv: read the columns Claim as text, Who as source, Probability (%) as "
          + "confidence, Due date as deadline, Link as url"), result.report)
    let claim = try #require(try foldedClaims(sandbox).first)
    #expect(claim["confidence"] as? Double == 0.3)
    #expect(claim["deadline"] as? String == "2026-06-30")
    #expect(claim["source"] as? String == "Kuo")
    #expect(claim["url"] as? String == "https://example.com/a")
  }

  /// A row without a confidence takes one from a hedge word of its text, as `add` does; the
  /// import says so, so a column of confidences under a title no field reads is not replaced
  /// without a word.
  @Test func aConfidenceTakenFromTheTextIsNoted() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "text,source,said,Konfidenz\nApple will ship a foldable,Kuo,2026-01-02,30\n"
        + "Apple may ship a phone,Kuo,2026-01-02,40\n", as: "k.csv")
    #expect(result.status == .success, result.report)
    #expect(result.stderr.contains("ignored the unknown column Konfidenz"), result.report)
    #expect(
      result.stderr.contains(
        "k.csv: 2 claims had no confidence and took one from a hedge word of the text "
          + "(line 2: 'will', "), result.report)
    let plain = try sandbox.importing(
      "text,source,said,confidence\nApple will ship a watch,Kuo,2026-01-02,0.3\n", as: "p.csv")
    #expect(!plain.stderr.contains("hedge word"), plain.report)
  }

  /// An export edited in a spreadsheet and imported again adds nothing, as the ledger keeps
  /// the claims it has; the import names each claim whose row says otherwise, and what.
  @Test func anEditedExportImportedAgainNamesWhatDiffers() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "OpenAI acquires Pinterest", "--source", "Kuo", "--said", "2026-01-21", "--confidence",
      "0.7")
    try sandbox.add("Apple ships", "--source", "Kuo", "--said", "2026-01-21", "--confidence", "0.6")
    #expect(sandbox.run(["export", "--format", "csv", "--out", "all.csv"]).status == .success)
    let same = sandbox.run(["import", "all.csv"])
    #expect(
      same.stdout == "imported 0 claims from all.csv (csv); 2 already in the ledger, skipped\n")
    #expect(same.stderr.isEmpty, same.report)
    let header = "text,source,said,confidence,status,outcome,resolved_on\n"
    let edited = try sandbox.importing(
      header + "OpenAI acquires Pinterest,Kuo,2026-01-21,0.6,resolved,true,2026-07-01\n",
      as: "edited.csv")
    #expect(edited.status == .success, edited.report)
    #expect(edited.stdout.hasPrefix("imported 0 claims"))
    #expect(
      edited.stderr.contains(
        "edited.csv: 1 claim the ledger has already differs from its row, which was skipped "
          + "as the ledger keeps each claim it has: line 2 (\(id)): confidence 0.7 → 0.6, "
          + "status open → resolved, outcome none → true, resolved_on none → 2026-07-01; "
          + "'claims amend' and 'claims resolve' change a claim in the ledger"), edited.report)
    let json = sandbox.run(["import", "edited.csv", "--json", "--dry-run"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let differing = try #require(object["differing"] as? [[String: Any]])
    #expect(differing.first?["id"] as? String == id)
    #expect(differing.first?["line"] as? Int == 2)
    let fields = try #require(differing.first?["fields"] as? [[String: String]])
    #expect(fields.first == ["field": "confidence", "ledger": "0.7", "file": "0.6"])
    #expect(fields.count == 4)
    let claim = try #require(try sandbox.showJSON(id))
    #expect(claim["status"] as? String == "open")
    // A decision no amend makes names the commands that make it.
    let rejected = try sandbox.importing(
      header.replacingOccurrences(of: ",outcome,resolved_on", with: "")
        + "OpenAI acquires Pinterest,Kuo,2026-01-21,0.7,rejected\n", as: "rejected.csv")
    #expect(
      rejected.stderr.contains(
        "status open → rejected; 'claims amend', 'claims resolve', 'claims accept', "
          + "'claims reject' and 'claims reopen' change a claim in the ledger"), rejected.report)
  }

  /// Tags are joined by `;`; a cell of tags joined by commas is read as one tag, and a note
  /// says so, with the cell as it would be written, whichever path the row takes.
  @Test func tagsJoinedByCommasAreNamed() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "text,source,said,confidence,tags\nA ships,K,2026-01-02,0.5,\"ai, m&a\"\n"
        + "B ships,K,2026-01-02,0.5,ai;ml\nC ships,K,2026-01-02,0.5,\"x,y\"\n", as: "t.csv")
    #expect(result.status == .success, result.report)
    #expect(
      result.stderr.contains(
        "t.csv:2: read the tag 'ai, m&a' as one tag, comma and all (and 1 more row so); tags "
          + "are separated by ';', as in 'ai;m&a'"), result.report)
    let claims = try foldedClaims(sandbox)
    #expect(
      claims.first { $0["text"] as? String == "A ships" }?["tags"] as? [String] == ["ai, m&a"])
    let plain = try sandbox.importing(
      "text,source,said,confidence,tags\nD ships,K,2026-01-02,0.5,ai;ml\n", as: "p.csv")
    #expect(!plain.stderr.contains("as one tag"), plain.report)
  }

  /// A confidence a hair off certainty keeps to its side of it on import, as typed: over it is
  /// a bad cell, under it is not certain.
  @Test func aConfidenceAHairOffCertaintyKeepsToItsSide() throws {
    let sandbox = try Sandbox()
    let over = try sandbox.importing(
      "text,source,said,confidence\nc2,S,2026-01-01,1.0000000000000001\n"
        + "c3,S,2026-01-01,\"1,0000000000000001\"\n", as: "over.csv")
    #expect(over.status == .dataError, over.report)
    #expect(over.stderr.contains("over.csv:2:"), over.report)
    #expect(over.stderr.contains("over.csv:3:"), over.report)
    let fatebook = try sandbox.importing(
      "Question title,Forecast,Question created date\nq1,60,2026-01-01\n"
        + "q2,100.0000000000000001,2026-01-01\n", as: "fb.csv")
    #expect(fatebook.status == .dataError, fatebook.report)
    #expect(
      fatebook.stderr.contains("fb.csv:3:4: Forecast '100.0000000000000001' is not a percentage"),
      fatebook.report)
    let under = try sandbox.importing(
      "text,source,said,confidence\nc4,S,2026-01-01,\"0,99999999999999999999\"\n"
        + "c5,S,2026-01-01,0.99999999999999999999\n", as: "under.csv")
    #expect(under.status == .success, under.report)
    // Read from the text, as Foundation's JSON parser would round the number onto 1: each
    // claim and its history's claim entry.
    let json = sandbox.run(["list", "--json"]).stdout
    #expect(
      json.components(separatedBy: "\"confidence\":0.9999999999999999,").count == 5, "\(json)")
    let listed = sandbox.run(["list"])
    #expect(!listed.stdout.contains("100%"), listed.report)
  }

  /// A title one or two letters off a known column is named with it; a short title far from
  /// any is named alone.
  @Test func aMisspeltColumnIsNamedWithTheColumnItMayMean() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "Text,Source,Said,Confidnece,Tgas,By\nA will happen,Ann,2026-01-01,0.5,ai,x\n",
      as: "m.csv")
    #expect(
      result.stderr.contains(
        "ignored the unknown columns Confidnece (did you mean confidence?), Tgas (did you mean "
          + "tags?), By"), result.report)
    let missing = try sandbox.importing(
      "Text,Sorce,Said\nA will happen,Ann,2026-01-01\n", as: "s.csv")
    #expect(missing.status == .dataError, missing.report)
    #expect(
      missing.stderr.contains("no field reads: 'Sorce' (did you mean source?)"), missing.report)
  }

  /// A `recorded_at` saved by a spreadsheet in its own form of a date and time is read as
  /// the instant it names, a time without a zone as UTC.
  @Test(arguments: [
    ("2026-01-21 09:30:00", "2026-01-21T09:30:00.000Z"),
    ("2026-01-21T17:30:00+08:00", "2026-01-21T09:30:00.000Z"),
    ("1/21/2026 9:30 PM", "2026-01-21T21:30:00.000Z"),
    ("2026-01-21 9:30:05.25", "2026-01-21T09:30:05.250Z"),
    ("2026-01-21", "2026-01-21T00:00:00.000Z"),
  ])
  func aRecordedAtInASpreadsheetsFormIsTheInstantItNames(cell: String, recorded: String)
    throws
  {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "text,source,said,confidence,recorded_at\nA ships,K,2026-01-02,0.5,\(cell)\n", as: "r.csv")
    #expect(result.status == .success, result.report)
    let claim = try #require(try foldedClaims(sandbox, keepingRecordedAt: true).first)
    #expect(claim["recorded_at"] as? String == recorded, "\(claim)")
    let wrong = try sandbox.importing(
      "text,source,said,confidence,recorded_at\nB ships,K,2026-01-02,0.5,\(cell) soon\n",
      as: "w.csv")
    #expect(wrong.status == .dataError, wrong.report)
  }

  /// Deadline words that name a period, in a sheet without a deadline, give the claim the
  /// day `add --by` gives them, so it still falls due; other words leave it without one.
  @Test func deadlineWordsAloneGiveTheDeadlineTheyName() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "text,source,said,deadline text,confidence\nFoo ships,Bob,2026-01-02,2026-Q3,0.7\n"
        + "Bar ships,Bob,2026-01-02,soon,0.7\n", as: "d.csv")
    #expect(result.status == .success, result.report)
    let claims = try foldedClaims(sandbox)
    let foo = try #require(claims.first { $0["text"] as? String == "Foo ships" })
    #expect(foo["deadline"] as? String == "2026-09-30")
    #expect(foo["deadline_text"] as? String == "2026-Q3")
    let bar = try #require(claims.first { $0["text"] as? String == "Bar ships" })
    #expect(bar["deadline"] is NSNull)
  }

  /// Fatebook's export has a row per forecast, and the first is kept; rows of one question by
  /// one forecaster that differ in more than the forecast are two questions under one title,
  /// and are refused rather than one dropped unseen.
  @Test func fatebookRowsOfOneQuestionThatDifferInMoreThanTheForecastAreRefused() throws {
    let sandbox = try Sandbox()
    let header = "Question title,Forecast,Question created date,Resolve by,Resolution,Resolved at\n"
    let updates = try sandbox.importing(
      header + "Will Y?,60,2026-02-01,2026-03-01,YES,2026-03-02\n"
        + "Will Y?,30,2026-02-01,2026-03-01,YES,2026-03-02\n", as: "updates.csv")
    #expect(updates.status == .success, updates.report)
    #expect(updates.stdout.contains("1 repeating a claim earlier in the file, skipped"))
    let before = try sandbox.ledgerLines()
    let conflicting = try sandbox.importing(
      header + "Will X?,60,2026-02-01,2026-03-01,YES,2026-03-02\n"
        + "Will X?,30,2026-02-01,2026-03-01,NO,2026-03-02\n", as: "two.csv")
    #expect(conflicting.status == .dataError, conflicting.report)
    #expect(
      conflicting.stderr.contains(
        "two.csv:3:1: the question on line 2 by the same forecaster is here again, with more "
          + "than its forecast changed; keep one of the two rows"), conflicting.report)
    #expect(try sandbox.ledgerLines() == before)
  }

  /// The article a claim was extracted from travels in a Fatebook question's notes and reads
  /// back, so the round trip changes no claim.
  @Test func aFatebookRoundTripKeepsTheDocument() throws {
    let sandbox = try Sandbox()
    let line =
      #"{"text":"Apple ships","source":"Kuo","said":"2026-01-02","confidence":0.5,"#
      + #""document":"001_article.txt (extractor 1)"}"# + "\n"
    #expect(try sandbox.importing(line, as: "one.jsonl").status == .success)
    #expect(sandbox.run(["export", "--format", "fatebook", "--out", "fb.csv"]).status == .success)
    let again = sandbox.run(["import", "fb.csv"])
    #expect(again.stderr.isEmpty, again.report)
    let copy = try Sandbox()
    try copy.write(try #require(sandbox.contents(of: "fb.csv")), to: "fb.csv")
    #expect(copy.run(["import", "fb.csv"]).status == .success)
    let claim = try #require(try foldedClaims(copy).first)
    #expect(claim["document"] as? String == "001_article.txt (extractor 1)")
  }

  /// A confidence column whose numbers go over 1 holds percentages without the sign; a bare
  /// `1` or `0.5` in it could be either scale and is refused, where the row alone would have
  /// read it as a probability. A column of probabilities alone reads as before.
  @Test func aBareProbabilityInAColumnOfPercentagesIsRefused() throws {
    let sandbox = try Sandbox()
    let mixed = try sandbox.importing(
      "text,source,said,confidence\nA ships,K,2026-01-02,60\nB ships,K,2026-01-02,1\n"
        + "C ships,K,2026-01-02,0.5\nD ships,K,2026-01-02,50%\n", as: "mixed.csv")
    #expect(mixed.status == .dataError, mixed.report)
    #expect(
      mixed.stderr.contains(
        "mixed.csv:3:22: confidence '1' could be 1% or 100%: the column holds percentages "
          + "without the sign ('60' on line 2); write the sign"), mixed.report)
    #expect(mixed.stderr.contains("mixed.csv:4:22: confidence '0.5' could be 0.5% or 50%"))
    #expect(sandbox.ledger()?.isEmpty ?? true)
    // The same file in export form, whose rows the byte path takes, is held to the column too.
    let exportForm = try sandbox.importing(
      "id,text,source,said,confidence,lang,status\n"
        + "0123456789,A ships,K,2026-01-02,0.7,en,open\n"
        + "0123456780,B ships,K,2026-01-02,70,en,open\n", as: "form.csv")
    #expect(exportForm.status == .dataError, exportForm.report)
    #expect(exportForm.stderr.contains("form.csv:2:"), exportForm.report)
    let plain = try sandbox.importing(
      "text,source,said,confidence\nA ships,K,2026-01-02,0.6\nB ships,K,2026-01-02,1\n",
      as: "plain.csv")
    #expect(plain.status == .success, plain.report)
  }

  /// Fatebook's Forecast is in percent; a column with no value over 1 holds probabilities,
  /// and its 0.6 is refused rather than read as 0.6%.
  @Test func aFatebookForecastColumnOfProbabilitiesIsRefused() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "Question title,Forecast,Question created date\nWill X?,0.6,2026-02-01\n"
        + "Will Y?,0.3,2026-02-01\n", as: "fb.csv")
    #expect(result.status == .dataError, result.report)
    #expect(
      result.stderr.contains(
        "fb.csv:2:9: Forecast '0.6' would be 0.6%, as the column is in percent, but no forecast "
          + "in the column is over 1"), result.report)
    // A 1 beside them could be either: certain, or 1%.
    let certain = try sandbox.importing(
      "Question title,Forecast,Question created date\nWill X?,0.6,2026-02-01\n"
        + "Will Z?,1,2026-02-01\n", as: "fb1.csv")
    #expect(certain.status == .dataError, certain.report)
    #expect(
      certain.stderr.contains("fb1.csv:3:9: Forecast '1' could be 1% or 100%"), certain.report)
    let percent = try sandbox.importing(
      "Question title,Forecast,Question created date\nWill X?,60,2026-02-01\n"
        + "Will Y?,0.5,2026-02-01\n", as: "fb2.csv")
    #expect(percent.status == .success, percent.report)
    let tiny = try #require(try foldedClaims(sandbox).first { $0["text"] as? String == "Will Y?" })
    #expect(tiny["confidence"] as? Double == 0.005)
  }

  /// A date that could be either way round (`12/1/2026`) is read the way the file's other
  /// dates show (`9/30/2026` is month first), and a note says so; in a file showing both
  /// ways, or neither, it stays a bad value naming both readings.
  @Test func anAmbiguousDateIsReadAsTheFilesOtherDatesShow() throws {
    let sandbox = try Sandbox()
    let us = try sandbox.importing(
      "text,source,said,deadline,confidence\nA ships,K,1/2/2026,9/30/2026,0.6\n"
        + "B ships,K,3/4/2026,12/1/2026,0.6\n", as: "us.csv")
    #expect(us.status == .success, us.report)
    #expect(
      us.stderr.contains(
        "us.csv: read dates such as 1/2/2026 month first, as '9/30/2026' on line 2 shows"),
      us.report)
    let claims = try foldedClaims(sandbox)
    let b = try #require(claims.first { $0["text"] as? String == "B ships" })
    #expect(b["said"] as? String == "2026-03-04")
    #expect(b["deadline"] as? String == "2026-12-01")
    // The same in export form, whose other rows the byte path takes.
    let form = try sandbox.importing(
      "id,text,source,said,confidence,lang,status\n0123456789,C ships,K,2026-01-02,0.7,en,open\n"
        + "0123456780,D ships,K,2/3/2026,0.7,en,open\n0123456781,E ships,K,25/3/2026,0.7,en,open\n",
      as: "form.csv")
    #expect(form.status == .success, form.report)
    let d = try #require(try foldedClaims(sandbox).first { $0["text"] as? String == "D ships" })
    #expect(d["said"] as? String == "2026-03-02")
    let mixed = try sandbox.importing(
      "text,source,said,confidence\nF ships,K,9/30/2026,0.6\nG ships,K,30/9/2026,0.6\n"
        + "H ships,K,1/2/2026,0.6\n", as: "mixed.csv")
    #expect(mixed.status == .dataError, mixed.report)
    #expect(
      mixed.stderr.contains("mixed.csv:4:11: said '1/2/2026' could be 2026-01-02 (month first)"),
      mixed.report)
  }

  /// Dates as Chinese and Japanese locales write them, and a time with a narrow no-break
  /// space before PM (as newer systems write it), are read; a spreadsheet's day number is
  /// refused saying what it is.
  @Test func moreSpreadsheetDateFormsAreReadOrNamed() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "text,source,said,confidence\nA ships,K,2026年3月4日,0.6\n"
        + "B ships,K,2026-03-05 10:00\u{202F}PM,0.6\n", as: "cjk.csv")
    #expect(result.status == .success, result.report)
    let said = try foldedClaims(sandbox).compactMap { $0["said"] as? String }.sorted()
    #expect(said == ["2026-03-04", "2026-03-05"])
    let serial = try sandbox.importing(
      "text,source,said,confidence\nC ships,K,46000,0.6\n", as: "serial.csv")
    #expect(serial.status == .dataError)
    #expect(
      serial.stderr.contains(
        "serial.csv:2:11: said '46000' is a spreadsheet's number for a day (2025-12-09), not a "
          + "date: format the column as a date before saving"), serial.report)
  }

  /// `--bom` starts a CSV with UTF-8's byte order mark, so Excel on Windows reads it as UTF-8;
  /// the file reads back as the same claims. JSON takes none.
  @Test func anExportWithAByteOrderMarkReadsBack() throws {
    let sandbox = try Sandbox()
    try sandbox.add("Café opens in Zürich", "--source", "Müller", "--confidence", "0.6")
    try sandbox.add("特斯拉收购xAI", "--source", "彭博", "--confidence", "0.7")
    #expect(
      sandbox.run(["export", "--format", "csv", "--bom", "--out", "bom.csv"]).status == .success)
    let bytes = try #require(FileManager.default.contents(atPath: sandbox.path("bom.csv")))
    #expect(Array(bytes.prefix(5)) == [0xEF, 0xBB, 0xBF] + Array("id".utf8))
    let copy = try Sandbox()
    try copy.write(String(decoding: bytes, as: UTF8.self), to: "bom.csv")
    #expect(copy.run(["import", "bom.csv"]).status == .success)
    #expect(try foldedClaims(copy) == foldedClaims(sandbox))
    let json = sandbox.run(["export", "--format", "jsonl", "--bom"])
    #expect(json.status == .usage)
    #expect(json.stderr.hasPrefix("claims: error: --bom goes with --format csv or fatebook"))
  }

  /// A file whose UTF-8 was read as Windows-1252 and saved again (Excel opening a CSV with no
  /// byte order mark) is named at its first such line, by the byte path and the whole reader
  /// alike; accented letters as they should be are not.
  @Test func textReadAsTheWrongCodePageIsNamed() throws {
    let sandbox = try Sandbox()
    let garbled = "Caf\u{C3}\u{A9} opens,M\u{C3}\u{BC}ller"
    let files = [
      (
        "sheet.csv",
        "text,source,said,confidence\nPlain,K,2026-01-02,0.6\n"
          + "\(garbled),2026-01-02,0.6\n"
      ),
      (
        "form.csv",
        "id,text,source,said,confidence,lang,status\n"
          + "0123456780,Plain,K,2026-01-02,0.6,en,open\n"
          + "0123456789,\(garbled),2026-01-02,0.6,en,open\n"
      ),
    ]
    for (name, text) in files {
      let result = try sandbox.importing(text, as: name, ["--dry-run"])
      #expect(result.status == .success, result.report)
      #expect(
        result.stderr.contains("\(name):3: the text looks like UTF-8 read as Windows-1252"),
        "\(name): \(result.report)")
    }
    let fine = try sandbox.importing(
      "text,source,said,confidence\nCafé opens in Zürich,Müller,2026-01-02,0.6\n", as: "fine.csv")
    #expect(fine.stderr.isEmpty, fine.report)
  }

  /// A header without a required column names the titles it has that no field reads, one of
  /// which may be the column under another name; with `--json`, a file refused whole still
  /// prints its object.
  @Test func aRefusedHeaderNamesTheTitlesNoFieldReads() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "Txt,Source,Said,Confidence,\"Foo\nbar\"\nA,B,2026-01-01,0.5,x\n", as: "m.csv")
    #expect(result.status == .dataError)
    #expect(
      result.stderr
        == "claims: error: m.csv: no text column in the header row; the header's titles no "
        + "field reads: 'Txt' (did you mean text?), 'Foo\\nbar'\n", result.report)
    let json = sandbox.run(["import", "m.csv", "--json"])
    #expect(json.status == .dataError)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["refused"] as? Bool == true)
    #expect(object["bad_rows"] as? Int == 0)
    #expect((object["problems"] as? [String])?.first?.hasPrefix("m.csv: no text column") == true)
    // So does a file that is not there, with the status of its error.
    let missing = sandbox.run(["import", "missing.csv", "--json"])
    #expect(missing.status == .noInput, missing.report)
    let refused = try #require(
      try JSONSerialization.jsonObject(with: Data(missing.stdout.utf8)) as? [String: Any],
      missing.report)
    #expect(refused["refused"] as? Bool == true && refused["format"] as? String == "csv")
    #expect((refused["problems"] as? [String])?.count == 1)
  }

  /// Spaces around a `conditional` and a reason in capitals are read as their words; a bad
  /// cell is quoted as written.
  @Test func conditionalAndReasonCellsAreReadAsWritten() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "text,source,said,confidence,conditional,outcome,resolved_on,reason\n"
        + "A ships,K,2026-01-02,0.6, true ,void,2026-03-01,Retracted\n", as: "c.csv")
    #expect(result.status == .success, result.report)
    let claim = try #require(try foldedClaims(sandbox).first)
    #expect(claim["conditional"] as? Bool == true)
    #expect(claim["reason"] as? String == "retracted")
    let bad = try sandbox.importing(
      "text,source,said,confidence,conditional\nB ships,K,2026-01-02,0.6,Maybe\n", as: "b.csv")
    #expect(bad.stderr.contains("conditional 'Maybe' is not true or false"), bad.report)
  }

  /// A title that stands for a field is read as it only where the sheet has no column of the
  /// field's own name; titles whose cells may hold something else stay unread columns.
  @Test func anAliasGivesWayToTheFieldsOwnColumn() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "Author,text,source,said,confidence,Result,By\n"
        + "Jane Doe,A ships,Kuo,2026-01-02,0.6,Yes,Jane\n", as: "a.csv")
    #expect(result.status == .success, result.report)
    #expect(
      result.stderr.contains("ignored the unknown columns Author, Result, By"), result.report)
    let claim = try #require(try foldedClaims(sandbox).first)
    #expect(claim["source"] as? String == "Kuo")
    #expect(claim["status"] as? String == "open")
  }

  /// Correct European text beside curly quotes, no-break spaces and ellipses is not taken for
  /// garbled; a deadline that is a spreadsheet's day number is named as one.
  @Test func correctTextIsNotTakenForGarbledAndADeadlineNumberIsNamed() throws {
    let sandbox = try Sandbox()
    let result = try sandbox.importing(
      "text,source,said,confidence\n„Spaß“ wird es geben,K,2026-01-02,0.6\n"
        + "Il viendra déjà\u{A0}» au café…,K,2026-01-02,0.6\n", as: "eu.csv")
    #expect(result.status == .success, result.report)
    #expect(result.stderr.isEmpty, result.report)
    let deadline = try sandbox.importing(
      "text,source,said,deadline,confidence\nB ships,K,2026-01-02,46100,0.6\n", as: "d.csv")
    #expect(
      deadline.stderr.contains("deadline '46100' is a spreadsheet's number for a day"),
      deadline.report)
  }
}
