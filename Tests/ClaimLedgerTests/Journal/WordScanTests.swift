import Testing

@testable import ClaimLedger

@Suite struct WordScanTests {
  /// Bytes next to the ones JSON escapes, which must not be taken for them.
  static let plain: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xE4, 0x61]
  static let escaped: [UInt8] = [0x22, 0x5C, 0x00, 0x0A, 0x1F]

  @Test func aJSONStringNeedsEscapingExactlyWhenAByteDoes() {
    expectFlagsExactly(Self.escaped, among: Self.plain) { text in
      text.withUnsafeBufferPointer { JSONScanner.needsEscape($0) }
    }
  }

  @Test func theFirstFlaggedByteIsFoundWhereverItIs() {
    for length in 1...24 {
      for position in 0..<length {
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
        bytes[position] = UInt8(ascii: ",")
        let found = WordScan.firstFlagged(in: bytes, from: 0, by: WordScan.cellEnds)
        // Found exactly, or left to the byte-by-byte scan before it.
        #expect(found == position || (found <= position && length - found < 8), "\(bytes)")
      }
    }
  }
}
