import SplitMix
import Testing

@testable import ClaimLedger

/// The word-at-a-time scan `check` uses finds what the byte-by-byte one finds.
@Suite struct ControlCharacterScanTests {
  @Test func theWordScanAgreesWithTheByteScan() {
    var random = SplitMix64(seed: 17)
    let pieces: [[UInt8]] = [
      Array("plain ".utf8), Array("中文".utf8), Array("\n\t\r".utf8), [0x1B], [0x07], [0x7F],
      Array("\u{85}".utf8), Array("\u{9B}".utf8), Array("°£".utf8), Array("é".utf8),
    ]
    for _ in 0..<2000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...12, using: &random) {
        // Control pieces are rarer, so many texts hold none.
        let index = Int.random(in: 0..<pieces.count * 3, using: &random)
        bytes += pieces[index < 3 * 4 ? index % 4 : index % pieces.count]
      }
      let slow = FieldRules.firstControlCharacter(inUTF8: bytes)
      let fast = bytes.withUnsafeBytes { FieldRules.firstControlCharacter(in: $0) }
      #expect(fast == slow, "\(bytes)")
    }
  }

  @Test func tagsAndTheDocumentAreChecked() throws {
    var claim = Claim(
      text: "Rates fall", source: "Alpha", said: Day("2026-01-02"),
      confidence: Confidence(clamping: 0.7))
    claim.tags = ["ok", "a\u{1B}]0;x\u{07}b"]
    let entry = Entry(
      id: claim.derivedID, at: Timestamp(millisecondsSinceEpoch: 0),
      body: .claim(claim, status: .open))
    let ledger = Ledger(journal: Journal(entries: [entry], lines: [1]), path: "l.jsonl")
    let record = try #require(ledger.records.first)
    #expect(LedgerCheck.controlCharacter(in: record)?.field == "tags")
    #expect(LedgerCheck.controlCharacter(in: record)?.character == 0x1B)
    claim.tags = []
    claim.document = "d\u{1B}x"
    let other = Entry(
      id: claim.derivedID, at: Timestamp(millisecondsSinceEpoch: 0),
      body: .claim(claim, status: .open))
    let second = Ledger(journal: Journal(entries: [other], lines: [1]), path: "l.jsonl")
    #expect(
      LedgerCheck.controlCharacter(in: try #require(second.records.first))?.field == "document")
  }

  /// Blanking leaves no character `text` refuses, keeps everything else, and gives each control
  /// character one space (U+0085, two bytes, too).
  @Test func blankingLeavesTextTheRulesTake() throws {
    #expect(
      FieldRules.blankingControlCharacters("Kite\u{1B}[1m 中文\u{7F}\u{85}\tok\n")
        == "Kite [1m 中文  \tok\n")
    #expect(FieldRules.blankingControlCharacters("°£ é") == "°£ é")
    var random = SplitMix64(seed: 29)
    let pieces = ["a", "中", "\u{1B}", "\u{85}", "\u{9B}", "°", "\t", "\u{7F}", "é"]
    for _ in 0..<500 {
      let text = (0..<Int.random(in: 0...10, using: &random)).map { _ in
        pieces[Int.random(in: 0..<pieces.count, using: &random)]
      }.joined()
      let blanked = FieldRules.blankingControlCharacters(text)
      #expect(
        FieldRules.firstControlCharacter(inUTF8: blanked.utf8) == nil, "\(text.debugDescription)")
      #expect(blanked.unicodeScalars.count == text.unicodeScalars.count)
      _ = try FieldRules.text(blanked)
    }
  }
}
