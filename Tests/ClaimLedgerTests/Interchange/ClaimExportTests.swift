import Testing

@testable import ClaimLedger

@Suite struct ClaimExportTests {
  /// A ledger of `count` claims, every third resolved and one text in each hundred with a comma
  /// and a quote, so rows of both shapes fall in every batch.
  static func ledger(count: Int) throws -> Ledger {
    var entries: [Entry] = []
    for index in 0..<count {
      let id = try Fixture.id(bits: UInt64(index + 1))
      let text =
        index % 100 == 7 ? "Firm \(index) says \"yes\", then ships" : "预计公司\(index)将在2027年上市"
      let claim = try Fixture.claim(text, source: "Source \(index % 13)")
      entries.append(
        try Fixture.entry(id, at: "2026-01-21T09:30:00.000Z", .claim(claim, status: .open)))
      if index % 3 == 0 {
        let resolution = try Fixture.resolution(.true, on: "2026-06-01")
        entries.append(try Fixture.entry(id, at: "2026-06-01T10:00:00.000Z", .resolve(resolution)))
      }
    }
    return Ledger(journal: Fixture.journal(entries), path: Fixture.path)
  }

  /// What `write` emits, piece by piece.
  static func pieces(
    _ positions: [Int], of records: [ClaimRecord], as format: ExportFormat
  ) -> [[UInt8]] {
    var pieces: [[UInt8]] = []
    ClaimExport.write(positions, of: records, as: format) { pieces.append($0) }
    return pieces
  }

  @Test(arguments: [ExportFormat.csv, .jsonl, .fatebook])
  func batchesJoinIntoTheRowsOneAtATime(format: ExportFormat) throws {
    let records = try Self.ledger(count: 2 * ClaimExport.batchSize + 10).records
    // Every other claim, so positions and records differ and order must hold; more than one
    // batch, so the next is rendered while the last is written.
    let positions = Array(stride(from: 1, to: records.count, by: 2))
    #expect(positions.count > ClaimExport.batchSize)
    let pieces = Self.pieces(positions, of: records, as: format)
    var expected: [UInt8] = []
    switch format {
    case .csv, .fatebook:
      var header = CSVRowWriter()
      let columns = format == .csv ? ClaimExport.csvColumns : ClaimExport.fatebookColumns
      for column in columns { header.plain(column) }
      header.endRow()
      expected = header.bytes
      for position in positions {
        var row = CSVRowWriter()
        if format == .csv {
          ClaimExport.csvRow(records[position], into: &row)
        } else {
          ClaimExport.fatebookRow(records[position], into: &row)
        }
        expected += row.bytes
      }
    default:
      for position in positions {
        var json = JSONBuffer()
        records[position].writeJSON(into: &json)
        expected += json.bytes + [10]
      }
    }
    #expect(pieces.joined().elementsEqual(expected))
    // Written as it is made, not as one piece.
    #expect(pieces.count > 2)
  }

  @Test func noClaimsGiveTheHeaderAlone() {
    let pieces = Self.pieces([], of: [], as: .csv)
    #expect(String(decoding: pieces.joined(), as: UTF8.self).hasPrefix("id,text,quote,"))
    #expect(Self.pieces([], of: [], as: .jsonl).joined().isEmpty)
  }

  static let quotable: [UInt8] = [UInt8(ascii: "\""), UInt8(ascii: ","), 13, 10]
  /// Bytes one bit or one step away from those that need quotes, and UTF-8 bytes whose low
  /// seven bits equal them.
  static let nearMisses: [UInt8] = [
    0x21, 0x23, 0x2B, 0x2D, 9, 11, 12, 14, 0xA2, 0xAC, 0x8A, 0x8D, 0xE4, 0x80, 0, 0x5C,
  ]

  @Test func quotingIsNeededExactlyWhenACellHoldsAQuoteACommaOrALineBreak() {
    expectFlagsExactly(Self.quotable, among: Self.nearMisses + [UInt8(ascii: "a")]) { cell in
      cell.withUnsafeBytes { CSVRowWriter.needsQuotes($0) }
    }
  }
}

@Suite struct AuthorTypeTests {
  @Test(arguments: [
    ("Reuters News", "Organization"), ("Jane Newsome", "Person"),
    ("The Information", "Organization"),
    ("Ming-Chi Kuo", "Person"), ("Goldman Sachs Research", "Organization"),
    ("财新网", "Organization"), ("Timothy Postman", "Person"), ("ARK Invest LLC", "Organization"),
  ])
  func guessesByWholeWords(name: String, type: String) {
    #expect(ClaimExport.authorType(name) == type)
  }
}
