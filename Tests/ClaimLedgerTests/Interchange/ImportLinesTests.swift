import Foundation
import SplitMix
import Testing

@testable import ClaimLedger

/// The shared seeded generator, so a failing case can be run again, with this file's draws.
private struct Dice {
  var random: SplitMix64

  init(state: UInt64) { random = SplitMix64(seed: state) }

  mutating func next() -> UInt64 { random.next() }

  mutating func pick<Element>(_ options: [Element]) -> Element {
    options[Int(next() % UInt64(options.count))]
  }

  mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }

  /// Text made of pieces that CSV and JSON treat specially: Chinese, emoji, quotes, commas,
  /// semicolons, line breaks (not in `oneLine` text), combining marks, formula characters and
  /// spaces; now and then a control character, which every field refuses.
  mutating func text(_ pieces: Int, oneLine: Bool = false) -> String {
    var parts = [
      "预测", "苹果", "😀", "👩‍💻", "\"", ",", "，", ";", "；", " ", "a", "Fed", "=1", "'", "''", "-2",
      "@x", "e\u{301}", "\u{301}", "\u{3000}", "86%", "\\", "/", "©",
    ]
    if !oneLine { parts += ["\n", "\r\n", "\t", "\r"] }
    var text = (0..<(1 + Int(next() % UInt64(pieces)))).map { _ in pick(parts) }.joined()
    if chance(3) {
      text += pick(["\u{7}", "\u{0}", "\u{7F}", "\u{85}", "\u{9F}", "\u{2028}", "\n", "\t"])
    }
    return text
  }
}

/// One claim's cells by column, some good, some in forms only the general reader takes, some
/// bad.
/// Cells of a random row; with `columnWide`, cells a CSV reads by its whole column too:
/// confidences such as `70` (percentages without the sign), and dates that could be either
/// way round (`1/5/2026`), which the file's other dates may settle.
private func randomCells(_ dice: inout Dice, columnWide: Bool = true) -> [String: String] {
  var cells: [String: String] = [:]
  cells["id"] = dice.pick([
    String(format: "%010llx", dice.next() % (1 << 40)), String(format: "%010llx", dice.next()),
    "", "ABCDEF0123", " 0123456789", "12345",
  ])
  cells["text"] = dice.chance(90) ? dice.text(8) : dice.pick(["", " ", "\u{3000}x"])
  cells["quote"] = dice.chance(50) ? dice.text(8) : ""
  cells["source"] = dice.chance(95) ? dice.text(3, oneLine: true) : ""
  if dice.chance(10) { cells["source"] = dice.pick([" Ann", "Ann ", "Ann\u{3000}", "An\tn"]) }
  cells["via"] = dice.chance(30) ? dice.text(2, oneLine: true) : ""
  cells["url"] =
    dice.chance(30)
    ? dice.pick([
      "https://example.com/" + dice.text(2), "https://example.com/a?b=1#c", "http://a-b.cn",
      "ftp://example.com", "HTTPS://EXAMPLE.COM/X", "https://a b", "https://example.com:8080/x",
      "https://例子.com", "https:///x", "https://example.com/%41", "https://example.com/[x]",
    ]) : ""
  cells["said"] = dice.pick(
    [
      "2026-01-05", "2025-12-31", "", "2026-13-01", " 2026-01-02", "2026-01-02T10:00:00Z",
      "0999-01-01", "2027-01-01", "2026-03-02", "2026/1/5", "05.01.2026", "13/1/2026",
      "2026.1.5 10:00", "2026年1月5日", "46000",
    ] + (columnWide ? ["1/5/2026"] : []))
  cells["deadline"] = dice.pick(["", "2026-12-31", "2027-02-29", "2026-06-30 ", "2025-06-01"])
  // Words that name a period give a claim without a deadline its day.
  cells["deadline_text"] =
    dice.chance(30) ? dice.pick([dice.text(2, oneLine: true), "2026-Q3", "2027"]) : ""
  cells["confidence"] = dice.pick(
    [
      "0.7", "0.75", "0.123456789012345", "1", "0", "0.05", "0.001", "0.0001", "70%", "七成",
      "1.0", "0.70", "", "x", "1.5", "０.７", " 0.6", "70 %", "150", "1e2",
    ] + (columnWide ? ["70", "100"] : []))
  cells["hedge"] = dice.chance(20) ? dice.pick(["likely", "可能", "十有八九"]) : ""
  cells["lang"] = dice.pick(["zh-Hans", "en", "", "zh-Hant"])
  cells["tags"] = dice.pick([
    "", "trade", "trade;ai", ";;经济;政治;", "a;\u{301}b", "é;x", dice.text(3, oneLine: true),
    "a; b ;c", "a ;b", "ai, ml", "x\u{3000};y",
    "a\nb;c",
  ])
  cells["conditional"] = dice.pick(["", "true", "false", "TRUE", "yes", "no", "1", "0", "maybe"])
  let settled = dice.pick([
    ("open", "", "", ""), ("", "", "", ""), ("proposed", "", "", ""), ("rejected", "", "", "dup"),
    ("rejected", "", "", ""), ("resolved", "true", "2026-03-01", ""),
    ("resolved", "false", "2026-03-01", ""), ("resolved", "void", "2026-03-01", "ambiguous"),
    ("resolved", "void", "2026-03-01", ""), ("resolved", "partial", "2026-03-01", "annulled"),
    ("resolved", "true", "", ""), ("", "true", "2026-03-01", ""), ("open", "true", "", ""),
    ("Resolved", "TRUE", "2026-03-01", ""), ("resolved", "true", "2020-01-01", ""),
    ("resolved", "true", "2026-03-01", "bogus"), ("closed", "", "", ""),
    ("resolved", "false", "2026-12-30", ""),
  ])
  cells["status"] = settled.0
  cells["outcome"] = settled.1
  cells["resolved_on"] = settled.2
  cells["reason"] = settled.3
  cells["evidence"] = dice.chance(40) ? dice.text(4) : ""
  cells["note"] = dice.chance(30) ? dice.text(4) : ""
  cells["document"] = dice.chance(20) ? dice.text(2, oneLine: true) : ""
  cells["recorded_at"] = dice.pick([
    "2026-01-21T09:30:00.000Z", "2026-01-21T09:30:00.000Z", "", "2026-01-21T09:30:00Z",
    "2027-01-01T00:00:00.000Z", "junk", " 2026-01-21T09:30:00.000Z", "9999-12-31T23:59:59.999Z",
  ])
  return cells
}

@Suite struct ImportLinesTests {
  let now = Timestamp(millisecondsSinceEpoch: 1_780_000_000_123)

  /// The byte path's lines, ids and problems, and those of the general reader alone.
  func bothWays(_ text: String, format: ImportFormat) throws -> (
    fast: ImportLines, slow: ImportLines
  ) {
    let bytes = Array(text.utf8)
    let fast = try ClaimImport.lines(
      ImportFile(bytes: bytes), path: "sheet", format: format, recordedAt: now, today: now.day,
      pieceSize: 2_048)
    var slow = ClaimImport.lines(
      from: try ClaimImport.read(bytes, path: "sheet", format: format, today: now.day), at: now)
    // As `lines` does for CSV and JSON Lines: ids given twice with other values are bad rows.
    slow.problems = ImportError.inLineOrder(
      slow.problems + ClaimImport.differingRepeats(in: slow.pieces, path: "sheet"))
    if let note = ClaimImport.textConfidenceNote(
      slow.pieces, path: "sheet", isJSON: format == .jsonl)
    {
      slow.notes.append(note)
    }
    if let note = ClaimImport.commaTagsNote(slow.pieces, path: "sheet") {
      slow.notes.append(note)
    }
    return (fast, slow)
  }

  func expectSame(_ fast: ImportLines, _ slow: ImportLines) {
    #expect(fast.problems == slow.problems)
    #expect(fast.notes == slow.notes)
    #expect(fast.pieces.flatMap(\.ids) == slow.pieces.flatMap(\.ids))
    let fastText = String(decoding: fast.pieces.flatMap(\.bytes), as: UTF8.self)
    let slowText = String(decoding: slow.pieces.flatMap(\.bytes), as: UTF8.self)
    #expect(fastText == slowText)
    #expect(fast.pieces.flatMap(\.unwritable).count == slow.pieces.flatMap(\.unwritable).count)
  }

  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func csvRowsGiveTheLinesAndProblemsOfTheGeneralReader(seed: UInt64) throws {
    var dice = Dice(state: seed)
    let columns = ClaimExport.csvColumns.filter { name in
      seed != 4 || ["text", "source", "said"].contains(name) || dice.chance(85)
    }
    var csv = (seed == 3 ? "\u{FEFF}\r\n" : "") + columns.joined(separator: ",") + "\r\n"
    for _ in 0..<400 {
      // A bare `70` would make the column percentages and its `0.7` a bad row, and the whole
      // reader take the file.
      let cells = randomCells(&dice, columnWide: false)
      var row = columns.map { CSVField.text(cells[$0] ?? "") }
      if dice.chance(2) { row.removeLast() }
      csv += row.joined(separator: ",") + dice.pick(["\r\n", "\n", "\r\n"])
      if dice.chance(2) { csv += "\r\n" }
      // A row a spreadsheet left after its cells were cleared, of its own width or not.
      if dice.chance(3) {
        csv += String(repeating: ",", count: dice.pick([3, columns.count - 1])) + "\r\n"
      }
    }
    let (fast, slow) = try bothWays(csv, format: .csv)
    #expect(fast.pieces.count > 1)
    #expect(fast.claimCount > 10)
    expectSame(fast, slow)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func jsonLinesGiveTheLinesAndProblemsOfTheGeneralReader(seed: UInt64) throws {
    var dice = Dice(state: seed)
    var text = ""
    for _ in 0..<400 {
      let cells = randomCells(&dice)
      var json = JSONBuffer()
      json.beginObject()
      for name in ClaimExport.csvColumns where dice.chance(97) {
        let value = cells[name] ?? ""
        json.key(name)
        switch name {
        case "confidence" where dice.chance(60) && Double(value) != nil:
          json.raw(Array(value.utf8))
        case "conditional" where dice.chance(50):
          json.raw(Array(dice.pick(["true", "false", "1", "null"]).utf8))
        case "tags" where dice.chance(10):
          json.strings([value])
        case "tags" where dice.chance(60):
          json.strings(value.split(separator: ";").map(String.init))
        case _ where value.isEmpty && dice.chance(50):
          json.null()
        default:
          json.string(value)
        }
      }
      if dice.chance(50) {
        json.key("history")
        json.raw(
          Array(#"[{"entry":"claim","at":"x","tags":["a"],"n":1.5e3},{"deep":[[{}]]}]"#.utf8))
      }
      json.endObject()
      var line = String(decoding: json.bytes, as: UTF8.self)
      if dice.chance(3) { line = line.replacingOccurrences(of: "é", with: #"\u00e9"#) }
      if dice.chance(2) { line = String(line.dropLast()) }
      if dice.chance(2) {
        line = line.replacingOccurrences(of: #""source":"#, with: #""id":"1","source":"#)
      }
      if dice.chance(2) {
        line = line.replacingOccurrences(of: "}", with: #","history":[],"history":1}"#)
      }
      text += line + dice.pick(["\n", "\r\n", "\n", "\n \n"])
    }
    let (fast, slow) = try bothWays(text, format: .jsonl)
    #expect(fast.pieces.count > 1)
    #expect(fast.claimCount > 10)
    expectSame(fast, slow)
  }

  /// A plain exported row, and the same row with one unusual cell: the general reader refuses
  /// it at that cell when `add` would refuse it too, and the byte path, which takes the plain
  /// row itself, gives the same lines and problems either way.
  @Test(
    arguments: [
      ("said", "2026-05-29", "said"), ("deadline", "2025-12-31", "deadline"),
      ("resolved_on", "2026-06-01", "resolved_on"), ("source", "Ann ", nil),
      ("source", "An\nn", nil), ("via", "V\u{1B}W", "via"), ("text", "A\u{7F} happens", "text"),
      ("quote", "A \u{85} B", "quote"), ("note", "two\r\nlines", nil), ("text", "two\nlines", nil),
      ("url", "ftp://example.com/x", "url"), ("url", "HTTPS://EXAMPLE.COM/X", nil),
      ("tags", "a; b", nil), ("tags", "a ;b", nil), ("tags", "a\u{2028};b", nil),
      ("tags", "a\nb", nil), ("tags", "a;\u{7}", "tags"),
      ("deadline_text", "end\u{9F}", "deadline_text"), ("source", " ", "source"),
      ("lang", "hello world!", "lang"), ("lang", "en_US", "lang"), ("lang", "zh-Hant", nil),
      ("lang", "x-house", nil), ("hedge", "kinda maybe", nil), ("id", "ABCDEF0123", nil),
      ("url", "https://example.com/a b", "url"), ("url", "https://example.com/\"x\"", "url"),
      ("url", "https://example.com/<x>", "url"), ("url", "https://example.com/q?a|b{c}", nil),
    ] as [(String, String, String?)])
  func aCellAddWouldRefuseIsRefusedBothWays(column: String, value: String, refusedAt: String?)
    throws
  {
    let columns = ClaimExport.csvColumns
    var cells = Dictionary(uniqueKeysWithValues: columns.map { ($0, "") })
    cells["id"] = "0123456789"
    cells["text"] = "A happens"
    cells["source"] = "Ann"
    cells["said"] = "2026-01-05"
    cells["deadline"] = "2026-05-01"
    cells["confidence"] = "0.7"
    cells["lang"] = "en"
    cells["status"] = "resolved"
    cells["outcome"] = "true"
    cells["resolved_on"] = "2026-05-02"
    let header = columns.joined(separator: ",") + "\r\n"
    func csv(_ cells: [String: String]) -> String {
      header + columns.map { CSVField.text(cells[$0] ?? "") }.joined(separator: ",") + "\r\n"
    }
    let (plainFast, plainSlow) = try bothWays(csv(cells), format: .csv)
    #expect(plainFast.claimCount == 1 && plainSlow.claimCount == 1)
    #expect(plainFast.pieces.allSatisfy { $0.claimsReadBack == 0 })
    cells[column] = value
    if column == "said" {
      // Said after today, and nothing else out of order: open, due after it.
      (cells["status"], cells["outcome"], cells["resolved_on"]) = ("open", "", "")
      cells["deadline"] = "2026-12-31"
    }
    let (fast, slow) = try bothWays(csv(cells), format: .csv)
    expectSame(fast, slow)
    if let refusedAt {
      let index = try #require(columns.firstIndex(of: refusedAt))
      let before = columns[..<index].map { CSVField.text(cells[$0] ?? "") + "," }.joined()
      let column = before.utf8.count + 1
      let columns = slow.problems.map { problem -> Int? in
        guard case .badValue(let location, _) = problem else { return nil }
        return location.column
      }
      #expect(columns == [column], "\(slow.problems)")
    } else {
      #expect(slow.problems.isEmpty && slow.claimCount == 1, "\(slow.problems)")
    }
  }

  /// An open row's reason, evidence and resolution day are read by the general path whatever
  /// the status: a NUL in any of them, or a control character in the reason, is refused there,
  /// so the byte path must leave such a row to it.
  @Test(arguments: [
    ("reason", "a\u{7}b"), ("reason", "a\u{0}b"), ("evidence", "a\u{0}b"),
    ("resolved_on", "2026\u{0}"),
  ])
  func anOpenRowsUnusedCellsAreCheckedBothWays(column: String, value: String) throws {
    let header = ClaimExport.csvColumns.joined(separator: ",") + "\r\n"
    var cells = Dictionary(uniqueKeysWithValues: ClaimExport.csvColumns.map { ($0, "") })
    cells["id"] = "0123456789"
    cells["text"] = "A happens"
    cells["source"] = "Ann"
    cells["said"] = "2026-01-05"
    cells["confidence"] = "0.7"
    cells["lang"] = "en"
    cells["status"] = "open"
    cells[column] = value
    let row = ClaimExport.csvColumns.map { CSVField.text(cells[$0] ?? "") }.joined(separator: ",")
    let (fast, slow) = try bothWays(header + row + "\r\n", format: .csv)
    expectSame(fast, slow)
    #expect(slow.claimCount == 0 && slow.problems.count == 1, "\(slow.problems)")
  }

  /// A JSON list of tags can hold what a CSV cell cannot: a tag with `;` (which a CSV
  /// export would split in two) or nothing but spaces is refused both ways; a plain list goes
  /// the byte path.
  @Test(arguments: [(#"["ai","chips"]"#, true), (#"["ai;chips"]"#, false), (#"["ai"," "]"#, false)])
  func aTagListIsCheckedBothWays(tags: String, isTaken: Bool) throws {
    let line =
      #"{"id":"0123456789","text":"A happens","source":"Ann","said":"2026-01-05","#
      + #""confidence":0.7,"lang":"en","tags":"# + tags + "}\n"
    let (fast, slow) = try bothWays(line, format: .jsonl)
    expectSame(fast, slow)
    #expect(slow.claimCount == (isTaken ? 1 : 0))
    if isTaken { #expect(fast.pieces.allSatisfy { $0.claimsReadBack == 0 }) }
  }

  /// A value of a JSON type no claim field takes is a bad value at its key, both ways, rather
  /// than read as `1`, as nothing, or passed over for a hedge word in the text.
  @Test(arguments: [
    ("confidence", "true", "confidence is true; it must be text in quotes"),
    ("source", "false", "source is false; it must be text in quotes"),
    ("said", "20260105", "said is a number; it must be text in quotes"),
    ("confidence", "[0.5]", "confidence is a list or an object; it must be text"),
    ("via", #"{"a":"b"}"#, "via is a list or an object; it must be text"),
    ("tags", #"[2024,"ai"]"#, "tags must be a list of strings"),
    ("tags", #"{"a":"b"}"#, "tags must be a list of strings"),
  ])
  func aValueOfTheWrongTypeIsRefusedBothWays(key: String, value: String, reason: String) throws {
    var members = [
      ("id", #""0123456789""#), ("text", #""A will happen""#), ("source", #""Ann""#),
      ("said", #""2026-01-05""#), ("confidence", "0.7"), ("lang", #""en""#),
    ]
    if let place = members.firstIndex(where: { $0.0 == key }) {
      members[place].1 = value
    } else {
      members.append((key, value))
    }
    let line = "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    let column = try #require(line.range(of: "\"\(key)\":")).lowerBound.utf16Offset(in: line) + 1
    let (fast, slow) = try bothWays(line + "\n", format: .jsonl)
    expectSame(fast, slow)
    #expect(
      slow.problems == [
        .badValue(at: SourceLocation(path: "sheet", line: 1, column: column), reason: reason)
      ], "\(slow.problems)")
  }

  /// Every white-space scalar at either end of a tag, and texts and tags of invisible
  /// characters alone: the byte path gives what the general path gives, in JSON Lines and CSV.
  @Test(arguments: [
    "\u{A0}", "\u{85}", "\u{1680}", "\u{2003}", "\u{200A}", "\u{2028}", "\u{202F}", "\u{205F}",
    "\u{3000}", "\u{200B}", "\u{FEFF}", "\u{301}", "\u{2060}",
  ])
  func whiteSpaceAndInvisibleTextReadAlikeBothWays(_ scalar: String) throws {
    let tagPairs = [scalar + "ai", "ai" + scalar, scalar, "中文" + scalar]
    for tag in tagPairs {
      let escapedTag = tag.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
      let json =
        #"{"id":"30cffa16f6","text":"Rates fall","source":"Alice","said":"2025-01-02","#
        + #""confidence":0.7,"lang":"en","tags":[""# + escapedTag + #"","AI"],"#
        + #""conditional":false,"status":"open"}"# + "\n"
      let (fast, slow) = try bothWays(json, format: .jsonl)
      expectSame(fast, slow)
      let csv = "text,source,said,confidence,tags\nRates fall,Alice,2025-01-02,0.7,\(tag);AI\n"
      let (fastCSV, slowCSV) = try bothWays(csv, format: .csv)
      expectSame(fastCSV, slowCSV)
    }
    let blank = "text,source,said,confidence\n\(scalar),Alice,2025-01-02,0.7\n"
    let (fast, slow) = try bothWays(blank, format: .csv)
    expectSame(fast, slow)
  }

  @Test func anExportReadsBackWholeThroughTheBytePath() throws {
    var dice = Dice(state: 9)
    var csv = ClaimExport.csvColumns.joined(separator: ",") + "\r\n"
    for _ in 0..<50 {
      var cells = randomCells(&dice)
      cells["id"] = String(format: "%010llx", dice.next() % (1 << 40))
      cells["text"] = "预测" + dice.text(6)
      cells["source"] = "刘军"
      cells["said"] = "2026-01-05"
      cells["deadline"] = "2026-12-31"
      cells["confidence"] = "0.75"
      cells["conditional"] = "false"
      cells["lang"] = "zh-Hans"
      cells["status"] = "open"
      // An open claim's export has no outcome and nothing of a resolution.
      cells["outcome"] = ""
      cells["resolved_on"] = ""
      cells["reason"] = ""
      cells["evidence"] = ""
      cells["tags"] = "trade;经济"
      cells["url"] = "https://example.com/a"
      cells["recorded_at"] = "2026-01-21T09:30:00.000Z"
      // An export holds what the ledger holds: no control character but line breaks and tabs
      // in prose, nothing to trim (and no ideographic space, which with a combining mark after
      // it is a `Character` that is not trimmed, but which the byte path declines). Removed scalar by scalar: a control character followed by
      // a combining mark is one `Character`, which `replacingOccurrences` would not match.
      for (name, value) in cells {
        let isProse = ["text", "quote", "evidence", "note"].contains(name)
        let kept = value.unicodeScalars.filter { scalar in
          scalar.properties.generalCategory != .control && scalar != "\u{2028}"
            && scalar != "\u{3000}"
            || isProse && (scalar == "\n" || scalar == "\t")
        }
        cells[name] = String(String.UnicodeScalarView(kept)).trimmingSpaces()
      }
      csv += ClaimExport.csvColumns.map { CSVField.text(cells[$0] ?? "") }.joined(separator: ",")
      csv += "\r\n"
    }
    let bytes = Array(csv.utf8)
    // Every row goes the byte path: reading it needs no `RowFields` and makes the same lines.
    let lines = try ClaimImport.lines(bytes, path: "s", format: .csv, recordedAt: now)
    #expect(lines.claimCount == 50)
    #expect(lines.pieces.allSatisfy { $0.claimsReadBack == 0 })
    let reading = try ClaimImport.read(bytes, path: "s", format: .csv, today: now.day)
    var expected = ""
    for claim in reading.claims {
      for entry in claim.entries(at: now) { expected += entry.jsonLine + "\n" }
    }
    #expect(lines.claimCount == 50)
    #expect(String(decoding: lines.pieces.flatMap(\.bytes), as: UTF8.self) == expected)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func rowsAreCutBlockByBlockWhereTheWholeReaderCutsThem(seed: UInt64) {
    var dice = Dice(state: seed)
    var csv = "a,b\r\n"
    for _ in 0..<300 {
      csv += CSVField.text(dice.text(4)) + "," + CSVField.text(dice.text(4))
      csv += dice.pick(["\r\n", "\n", "\r"])
    }
    let bytes = Array(csv.utf8)
    // Every row end, from the reader that sees the whole file at once.
    let rowEnds = CSVReader.rowEnds(in: bytes, from: 5, line: 2, pieces: bytes.count)
    let cuts = ClaimImport.csvCuts(
      ImportFile(bytes: bytes), from: 5, line: 2, pieceSize: 256, blockSize: 7)
    #expect(cuts.count > 10)
    for cut in cuts {
      #expect(rowEnds.contains { $0 == cut }, "\(cut)")
    }
  }

  @Test func statusesAreReadByTheirBytes() {
    for status in Status.allCases {
      let word = Array(status.rawValue.utf8)
      #expect(word.withUnsafeBufferPointer { ImportLineWriter.status(spelledBy: $0) } == status)
    }
  }

  /// The byte tests of the first and last scalar against Unicode's own white space, over
  /// every scalar of the first two planes.
  @Test func theEndsOfATextAreTrimmableExactlyWhenTheyAreWhiteSpace() {
    for value in UInt32(0x80)...0x2_FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let isWhite = scalar.properties.isWhitespace
      let scalarBytes = Array(String(Character(scalar)).utf8)
      let starts = (scalarBytes + [0x61]).withUnsafeBufferPointer {
        ImportLineWriter.startsWithTrimmable($0)
      }
      let ends = ([0x61] + scalarBytes).withUnsafeBufferPointer {
        ImportLineWriter.endsWithTrimmable($0)
      }
      #expect(starts == isWhite, "U+\(String(value, radix: 16))")
      #expect(ends == isWhite, "U+\(String(value, radix: 16))")
    }
  }

  @Test func aPlainProbabilityIsWrittenBackAsItsOwnDigits() {
    var dice = Dice(state: 5)
    var plainCount = 0
    for _ in 0..<2_000 {
      let digits = 1 + Int(dice.next() % 16)
      var text = dice.pick(["0.", "0.0", "0.00", "0.000"])
      for _ in 0..<digits { text += String(dice.next() % 10) }
      let isPlain = Array(text.utf8).withUnsafeBufferPointer {
        ImportLineWriter.isPlainProbability($0)
      }
      guard isPlain else { continue }
      plainCount += 1
      var json = JSONBuffer()
      json.number(Confidence(text: text)?.value ?? -1)
      #expect(json.text == text, "\(text)")
    }
    // Most draws end in a digit other than 0 and are short enough to be plain.
    #expect(plainCount > 1_000)
  }

  @Test func aBadByteInAHistoryIsNamedAtItsLineAndColumn() throws {
    let good = #"{"text":"预测","source":"刘军","said":"2026-01-05","confidence":0.7,"lang":"zh-Hans","#
    let prefix = good + #""history":[{"entry":"claim","text":"预测"#
    let bytes =
      Array((good + #""history":[]}"# + "\n" + prefix).utf8) + [0xE9, 0x41]
      + Array(#""}]}"#.utf8)
    let lines = try ClaimImport.lines(
      ImportFile(bytes: bytes), path: "sheet", format: .jsonl, recordedAt: now, today: now.day,
      pieceSize: 2_048)
    #expect(
      lines.problems == [
        .malformed(
          at: SourceLocation(path: "sheet", line: 2, column: prefix.utf8.count + 1),
          reason: "not valid JSON: invalid UTF-8")
      ])
    #expect(lines.claimCount == 1)
  }

  /// A hedge word outside the hedge table sets no confidence: without one the row is refused
  /// at the hedge cell, as `add --hedge` refuses it, even when the text holds a known hedge
  /// that would contradict it; with one it is recorded as written.
  @Test func anUnknownHedgeNeedsAConfidence() throws {
    let header = "text,source,said,hedge,confidence\r\n"
    let refused = try bothWays(
      header + "Tesla will likely ship,Ann,2026-01-05,kinda maybe,\r\n", format: .csv)
    expectSame(refused.fast, refused.slow)
    #expect(
      refused.slow.problems == [
        .badValue(
          at: SourceLocation(path: "sheet", line: 2, column: 39),
          reason: "hedge 'kinda maybe' is not in the hedge table; give a confidence with it to "
            + "record it anyway")
      ])
    let taken = try bothWays(
      header + "Tesla will likely ship,Ann,2026-01-05,kinda maybe,0.6\r\n", format: .csv)
    #expect(taken.slow.problems.isEmpty && taken.slow.claimCount == 1)
    let known = try bothWays(
      header + "Tesla will ship,Ann,2026-01-05,very likely,\r\n", format: .csv)
    #expect(known.slow.problems.isEmpty && known.slow.claimCount == 1)
  }

  /// An id given twice with other values is a bad row naming both lines, whatever the piece
  /// each falls in; the same row twice is only a repeat, counted and skipped when written.
  @Test(arguments: [ImportFormat.csv, .jsonl])
  func anIdGivenTwiceWithOtherValuesIsABadRow(format: ImportFormat) throws {
    func row(_ number: Int, id: String = "", text: String) -> String {
      let id = id.isEmpty ? String(format: "%010x", number) : id
      return format == .csv
        ? "\(id),\(text),Ann,2026-01-05,0.7\r\n"
        : #"{"id":"\#(id)","text":"\#(text)","source":"Ann","said":"2026-01-05","confidence":0.7}"#
          + "\n"
    }
    var text = format == .csv ? "id,text,source,said,confidence\r\n" : ""
    let header = format == .csv ? 1 : 0
    text += row(0, id: "ffffffffab", text: "X will happen")
    for number in 1...200 { text += row(number, text: "Claim \(number) will happen") }
    text += row(0, id: "ffffffffab", text: "X will happen")
    text += row(0, id: "ffffffffab", text: "Y will happen")
    let lines = try ClaimImport.lines(
      ImportFile(bytes: Array(text.utf8)), path: "sheet", format: format, recordedAt: now,
      today: now.day, pieceSize: 2_048)
    #expect(lines.pieces.count > 1)
    #expect(
      lines.problems == [
        .badValue(
          at: SourceLocation(path: "sheet", line: header + 203, column: 1),
          reason: "id ffffffffab is on line \(header + 1) already, with other values; keep one "
            + "of the two rows")
      ], "\(lines.problems)")
    #expect(lines.claimCount == 203)
  }

  @Test func aBadRowIsNamedAtItsLineAndColumnInAnyPiece() throws {
    var csv = "text,source,said,confidence,lang\r\n"
    for number in 0..<300 { csv += "Claim \(number) 预测,刘军,2026-01-05,0.7,zh-Hans\r\n" }
    csv += "Bad claim,刘军,2026-02-30,0.7,zh-Hans\r\n"
    let (fast, _) = try bothWays(csv, format: .csv)
    #expect(
      fast.problems == [
        .badValue(
          at: SourceLocation(path: "sheet", line: 302, column: 14),
          reason: "said '2026-02-30' is not a date such as 2026-12-31")
      ])
  }
}
