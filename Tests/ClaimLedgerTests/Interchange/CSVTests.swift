import Testing

@testable import ClaimLedger

@Suite struct CSVTests {
  static let neutralised: [(value: String, cell: String)] = [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-5", "'-5"), ("@here", "'@here"), ("\tx", "'\tx"),
    ("\rx", "\"'\rx\""), ("'=1", "''=1"), ("''+x", "'''+x"), ("'hello", "'hello"),
    ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("", ""),
  ]

  @Test(arguments: neutralised)
  func textCellsAreNeutralisedAndReadBack(value: String, cell: String) throws {
    #expect(CSVField.text(value) == cell)
    let rows = try CSVReader.rows(Array((cell + ",x\r\n").utf8))
    #expect(rows.first.map { CSVField.decodeText($0.cells[0]) } == value)
  }

  @Test func aQuoteBeforeACombiningMarkIsDoubledToo() {
    // `"` and U+0301 make one Character; the quote must still be doubled.
    #expect(CSVField.text("a\"\u{301},b") == "\"a\"\"\u{301},b\"")
  }

  @Test func theByteWriterWritesWhatCSVFieldDoes() {
    // Every neutralising case, as text and as a plain cell, in one row; a second row after.
    let values =
      Self.neutralised.map(\.value) + ["中文,\"引号\"", "a\nb", "x", "a\"\u{301},b"]
    var writer = CSVRowWriter()
    for value in values { writer.text(value) }
    writer.text(nil)
    writer.endRow()
    for value in values { writer.plain(value) }
    writer.endRow()
    let expected =
      CSVField.row(values.map(CSVField.text) + [""]) + CSVField.row(values.map(CSVField.quoted))
    #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
  }

  @Test func aTextStoredAsJournalBytesIsWrittenAsItsString() {
    var arena = TextArena()
    for value in ["=SUM(A1)", "中,文", "plain", "'-x"] {
      let bytes = Array(value.utf8)
      let stored = bytes.withUnsafeBufferPointer { arena.store($0) }
      var writer = CSVRowWriter()
      writer.text(stored: stored)
      #expect(String(decoding: writer.bytes, as: UTF8.self) == CSVField.text(value))
    }
  }

  @Test func readsBOMCRLFAndMultiLineCells() throws {
    let text = "\u{FEFF}a,b\r\n\"1\r\n2\",\"中,文\"\r\nx,\n"
    let rows = try CSVReader.rows(Array(text.utf8))
    #expect(rows.map(\.cells) == [["a", "b"], ["1\r\n2", "中,文"], ["x", ""]])
    #expect(rows.map(\.line) == [1, 2, 4])
  }

  @Test func cellsSplitAtEveryAlignmentOfTheWordScan() throws {
    // Commas, doubled quotes, line breaks and stray quotes at each offset within and across
    // the eight-byte words the reader skips through. (A row of one empty cell is no row.)
    for length in 1..<20 {
      let run =
        String(repeating: "中x", count: length / 2) + String(repeating: "y", count: length % 2)
      let text = "\(run),\"\(run)\"\"\(run)\n\(run)\",\(run)\r\n\(run)\n"
      let rows = try CSVReader.rows(Array(text.utf8))
      #expect(rows.map(\.cells) == [[run, "\(run)\"\(run)\n\(run)", run], [run]], "\(length)")
      #expect(rows.map(\.line) == [1, 3])
      let stray = "\(run)\"z\n"
      #expect(throws: CSVReader.Failure.self, "\(length)") {
        try CSVReader.rows(Array(stray.utf8))
      }
      do {
        _ = try CSVReader.rows(Array(stray.utf8))
      } catch {
        #expect(error.column == run.count + 1)
      }
    }
  }

  /// Rows or the failure, as one comparable value.
  static func outcome(_ bytes: [UInt8], pieces: Int) -> String {
    do {
      return try CSVReader.rows(bytes, pieces: pieces).map {
        "\($0.line):\($0.cells):\($0.columns)"
      }.joined(separator: "|")
    } catch {
      return "failure \(error.line):\(error.column) \(error.reason)"
    }
  }

  @Test func readingInPiecesGivesWhatOnePassGives() {
    // Well-formed cells of every kind between separators, and now and then a quote out of
    // place.
    let cells = ["a", "中文", "12.5", "", "\"x,\ny\"", "\"say \"\"hi\"\"\"", "\"\"", "\"a\rb\""]
    let separators = [",", ",", ",", "\r\n", "\n", "\r"]
    let misplaced = ["\"", "x\"y", "\"open"]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var failures = 0
    for trial in 0..<400 {
      var text = trial % 3 == 0 ? "\u{FEFF}" : ""
      for index in 0..<(20 + next(200)) {
        if index > 0 { text += separators[next(separators.count)] }
        text += trial % 5 == 4 && next(40) == 0 ? misplaced[next(3)] : cells[next(cells.count)]
      }
      let bytes = Array(text.utf8)
      let whole = Self.outcome(bytes, pieces: 1)
      if whole.hasPrefix("failure") { failures += 1 }
      for pieces in [2, 3, 7] {
        #expect(Self.outcome(bytes, pieces: pieces) == whole, "\(text.debugDescription)")
      }
    }
    // Both kinds of input were tried.
    #expect(failures > 10 && failures < 300)
  }

  @Test(arguments: [
    (Array("a,中b".utf8) + [0xFF] + Array("c\n".utf8), 1, 5),
    (Array("x\n\"中,".utf8) + [0xC0, 0x80] + Array("\",y\n".utf8), 2, 4),
    (Array("x\n\"a\r\n中".utf8) + [0xE4, 0x41] + Array("\"\n".utf8), 3, 2),
  ])
  func textThatIsNotUTF8IsRefusedAtItsByte(bytes: [UInt8], line: Int, column: Int) {
    #expect(throws: CSVReader.Failure(line: line, column: column, reason: CSVReader.notUTF8)) {
      try CSVReader.rows(bytes)
    }
  }

  @Test func columnsCountCharactersNotBytes() {
    #expect(
      throws: CSVReader.Failure(
        line: 1, column: 5,
        reason: "stray quote in an unquoted cell (quote the whole cell and double it)")
    ) {
      try CSVReader.rows(Array("中文,a\"b\n".utf8))
    }
  }
}
