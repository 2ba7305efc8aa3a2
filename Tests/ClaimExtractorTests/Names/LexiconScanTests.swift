import SplitMix
import Testing

@testable import ClaimExtractor

/// The lexicon's scan turns most places away by their first bytes; on any bytes, even cut and
/// mixed characters, it finds what trying every name at every place finds.
@Suite struct LexiconScanTests {
  static let names = [
    "收购": "Acquire", "收购案": "Deal", "上市": "IPO", "HP": "HP", "Apple": "Apple", "果": "Fruit",
  ]

  static func isWordByte(_ byte: UInt8) -> Bool {
    (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
  }

  /// Leftmost longest from each position that is not a continuation byte, with the boundary
  /// rule for names that start or end with a letter or digit; one-byte names never match.
  static func referenceNames(_ text: [UInt8]) -> [String] {
    let encoded = names.map { (bytes: Array($0.key.utf8), canonical: $0.value) }
      .filter { $0.bytes.count >= 2 }
      .sorted { $0.bytes.count > $1.bytes.count }
    var found: [String] = []
    var position = 0
    while position + 1 < text.count {
      let isAfterWord = position > 0 && isWordByte(text[position - 1])
      let match = encoded.first { name in
        let end = position + name.bytes.count
        guard text[position] & 0xC0 != 0x80, end <= text.count,
          Array(text[position..<end]) == name.bytes
        else { return false }
        if isWordByte(name.bytes[0]), isAfterWord { return false }
        if let last = name.bytes.last, isWordByte(last), end < text.count,
          isWordByte(text[end])
        {
          return false
        }
        return true
      }
      if let match {
        found.append(match.canonical)
        position += match.bytes.count
      } else {
        position += 1
      }
    }
    return found
  }

  @Test func scanOfRandomBytesFindsWhatTheReferenceFinds() {
    let lexicon = Lexicon(names: Self.names)
    let pieces = ["收", "购", "案", "上", "市", "果", "H", "P", "Apple", "x", "1", " "].map {
      Array($0.utf8)
    }
    // Lead and continuation bytes on their own too, so characters are cut and mixed.
    let strays: [[UInt8]] = [[0xE6], [0x94], [0xB6], [0xE4, 0xB8]]
    var random = SplitMix64(seed: 0x2545_F491_4F6C_DD1D)
    let all = pieces + strays
    for _ in 0..<3_000 {
      var text: [UInt8] = []
      for _ in 0..<random.below(12) { text += all[random.below(all.count)] }
      let found = text.withUnsafeBytes { lexicon.canonicalNames(in: $0) }
      #expect(found == Self.referenceNames(text), "\(text)")
    }
  }
}
