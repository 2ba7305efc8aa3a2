import Testing

@testable import ClaimExtractor

/// Lines are passed over eight bytes at a time up to the next byte that may be a mark; a mark
/// the word test misses would be left in the text.
@Suite struct InlineMarkdownMarksTests {
  static let marks: Set<UInt8> = Set("\\*_`[!<&".utf8)

  @Test func flagsEveryMarkAtEveryPlaceAndNoLetterDigitOrUTF8Byte() {
    for byte in UInt8.min...UInt8.max {
      for place in 0..<8 {
        // Filled with a letter, so only `byte` can be flagged.
        var word: UInt64 = 0x6161_6161_6161_6161
        word &= ~(0xFF << UInt64(8 * place))
        word |= UInt64(byte) << UInt64(8 * place)
        let flagged = InlineMarkdown.possibleMarks(UInt64(littleEndian: word))
        let isFlagged = flagged >> UInt64(8 * place + 7) & 1 != 0
        if Self.marks.contains(byte) { #expect(isFlagged, "byte \(byte) at \(place)") }
        let isOrdinary =
          byte >= 0x80 || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
          || (0x61...0x7A).contains(byte) || byte == 0x20 || byte == 0x2C || byte == 0x2E
        if isOrdinary { #expect(!isFlagged, "byte \(byte) at \(place)") }
        #expect(flagged & ~(0x80 << UInt64(8 * place)) == 0, "byte \(byte) at \(place)")
      }
    }
  }
}
