import Testing

@testable import ClaimLedger

/// How a cell or a file written by a spreadsheet in some locale is read.
@Suite struct SpreadsheetFormsTests {
  static func day(_ text: String) -> Day? { Day(text) }

  static let dates: [(String, SpreadsheetDate?)] = [
    ("2026/1/2", day("2026-01-02").map { .day($0) }),
    ("2026-1-2", day("2026-01-02").map { .day($0) }),
    ("2026.12.31", day("2026-12-31").map { .day($0) }),
    ("31.12.2026", day("2026-12-31").map { .day($0) }),
    ("2.1.2026", day("2026-01-02").map { .day($0) }),
    ("12/31/2026", day("2026-12-31").map { .day($0) }),
    ("31/12/2026", day("2026-12-31").map { .day($0) }),
    ("5/5/2026", day("2026-05-05").map { .day($0) }),
    (
      "1/2/2026 18:00",
      day("2026-01-02").flatMap { m in
        day("2026-02-01").map { .ambiguous(monthFirst: m, dayFirst: $0) }
      }
    ),
    (
      "1-2-2026",
      day("2026-01-02").flatMap { m in
        day("2026-02-01").map { .ambiguous(monthFirst: m, dayFirst: $0) }
      }
    ),
    ("30/2/2026", nil), ("2026/2/30", nil), ("1/2/26", nil), ("2026/1/2 soon", nil),
    ("2026/1", nil), ("1/2/2026/3", nil), ("2026/01/02x", nil), ("", nil),
  ]

  @Test(arguments: dates)
  func datesReadOnlyWhereTheirOrderIsPlain(text: String, expected: SpreadsheetDate?) {
    #expect(SpreadsheetDate.read(text) == expected)
  }

  static let layouts: [(String, CSVLayout)] = [
    ("text,source,said\r\n", CSVLayout()),
    ("\u{FEFF}text;source;said\n", CSVLayout(separator: UInt8(ascii: ";"), start: 3)),
    ("sep=;\r\ntext;source\r\n", CSVLayout(separator: UInt8(ascii: ";"), start: 7, line: 2)),
    ("\"sep=|\"\ntext|source\n", CSVLayout(separator: UInt8(ascii: "|"), start: 8, line: 2)),
    ("SEP=\t\ntext\tsource\n", CSVLayout(separator: 9, start: 6, line: 2)),
    ("sep=,\ntext,source\n", CSVLayout(start: 6, line: 2)),
    // Semicolons inside a comma file's header do not make it a semicolon file.
    ("text,\"a;b\",said\n", CSVLayout()),
    ("text\n", CSVLayout()),
    ("sep=x\ntext\n", CSVLayout()),
    // The separator whose cells are titles an import reads, though a title holds a comma.
    ("Text;Source;Said;Notes, misc\n", CSVLayout(separator: UInt8(ascii: ";"))),
    ("Text;Source;\"Notes, misc\"\n", CSVLayout(separator: UInt8(ascii: ";"))),
    // Tabs, as Excel's "Unicode text" has them once made UTF-8.
    ("text\tsource\tsaid\n", CSVLayout(separator: 9)),
    ("a\tb\n", CSVLayout(separator: 9)),
    // A `sep=` line LibreOffice saved again, with a separator per empty cell.
    ("sep=;;;;\ntext;source\n", CSVLayout(separator: UInt8(ascii: ";"), start: 9, line: 2)),
    ("Question title;Forecast\n", CSVLayout(separator: UInt8(ascii: ";"))),
  ]

  @Test(arguments: layouts)
  func theSeparatorIsFoundFromTheFirstLine(text: String, expected: CSVLayout) {
    #expect(CSVLayout(detecting: Array(text.utf8)) == expected)
  }

  @Test func rowsAreReadWithTheFoundSeparator() throws {
    let bytes = Array("sep=;\r\n\"a;b\";c,d\r\n1;\"2\"\"\"\r\n".utf8)
    let rows = try CSVReader.rows(bytes, layout: CSVLayout(detecting: bytes))
    #expect(rows.map(\.cells) == [["a;b", "c,d"], ["1", "2\""]])
    #expect(rows.map(\.line) == [2, 3])
    #expect(rows.map(\.columns) == [[1, 7], [1, 3]])
  }

  @Test(arguments: [
    ("0.7", 0.7), ("70%", 0.7), ("70", 0.7), ("70 %", 0.7), ("70\u{202F}%", 0.7), ("1", 1.0),
    ("100", 1.0), ("0,7", 0.7), ("12,5 %", 0.125), ("5e-05", 0.00005), ("12.5", 0.125),
    ("3", 0.03),
  ])
  func confidencesAsSpreadsheetsSaveThem(text: String, value: Double) {
    #expect(RowFields.confidence(text)?.value == value)
  }

  @Test(arguments: [
    "150", "1e2", "70 % %", "0,7,1", ",7", "7,", "-5", "seventy", "100.5", "1.5", "2,5",
  ])
  func confidencesThatAreNoneAreRefused(text: String) {
    #expect(RowFields.confidence(text) == nil)
  }

  @Test(arguments: [
    ("123456789", true), ("1.2E+09", true), ("1.23457e+09", true), ("12E9", true),
    ("0123456789", false), ("abc", false), ("", false), ("1.2E", false), ("E+09", false),
  ])
  func idsASpreadsheetTurnedIntoNumbersAreKnown(text: String, isNumber: Bool) {
    #expect(RowFields.looksLikeSpreadsheetNumber(text) == isNumber)
  }

  /// Fatebook's export writes minutes and seconds without their zero (`14:03:5`).
  @Test(arguments: [
    ("2026-01-05 14:03:5", true), ("2026-01-05 14:3:05", true), ("2026-01-05 9:03:05", true),
    ("2026-01-05 14:03:", false), ("2026-01-05 14:03:123", false), ("2026-01-05 14:60:5", false),
  ])
  func timesWithUnpaddedPartsStillGiveTheDay(text: String, isDate: Bool) {
    #expect(RowFields.dayOfDateTime(text) == (isDate ? Day("2026-01-05") : nil))
  }
}
