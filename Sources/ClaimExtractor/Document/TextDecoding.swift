import ClaimLedger
import Foundation

/// Turns the raw bytes of an article into UTF-8 with `\n` line ends, or says why it cannot.
///
/// Every later stage works on the bytes this returns, so they are valid UTF-8, carry no
/// byte-order mark and no carriage returns: a line is exactly the bytes between two `\n`.
enum TextDecoding {
  /// The text of `bytes` as UTF-8 with LF line ends; the checks run cheapest first.
  static func utf8Text(_ bytes: [UInt8], path: String) throws(ExtractionError) -> [UInt8] {
    if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
      throw .notUTF8(at: SourceLocation(path: path, line: 1), likely: "UTF-16LE")
    }
    if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
      throw .notUTF8(at: SourceLocation(path: path, line: 1), likely: "UTF-16BE")
    }
    let start = hasUTF8ByteOrderMark(bytes) ? 3 : 0
    let problem: ExtractionError? = bytes.withUnsafeBufferPointer { whole in
      let text = UnsafeBufferPointer(rebasing: whole[start...])
      if isBlank(text) { return .empty(path: path) }
      if hasBinaryMagic(text) { return .binary(path: path) }
      if containsNUL(text) {
        if let likely = utf16Guess(text) {
          return .notUTF8(at: SourceLocation(path: path, line: 1), likely: likely)
        }
        return .binary(path: path)
      }
      if let offset = firstInvalidUTF8Offset(text) {
        let line = lineNumber(ofOffset: offset, in: text)
        return .notUTF8(
          at: SourceLocation(path: path, line: line), likely: EncodingGuess.likely(text, at: offset)
        )
      }
      return nil
    }
    if let problem { throw problem }
    let hasCarriageReturn = bytes.withUnsafeBufferPointer { whole in
      whole.baseAddress.map { memchr($0, 13, whole.count) != nil } ?? false
    }
    guard start > 0 || hasCarriageReturn else { return bytes }
    return normalizedLineEnds(bytes[start...])
  }

  private static func hasUTF8ByteOrderMark(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
  }

  /// Nothing but ASCII spaces and line ends: there is no text to read.
  private static func isBlank(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    text.allSatisfy { $0 == 32 || (9...13).contains($0) }
  }

  /// The signatures of the binary files most often passed by mistake: PNG, JPEG, GIF, PDF,
  /// ZIP (and so .docx and .epub) and gzip.
  private static func hasBinaryMagic(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let signatures: [[UInt8]] = [
      [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], Array("GIF8".utf8), Array("%PDF-".utf8),
      [0x50, 0x4B, 0x03, 0x04], [0x1F, 0x8B],
    ]
    return signatures.contains { signature in
      text.count >= signature.count && zip(signature, text).allSatisfy { $0 == $1 }
    }
  }

  private static func containsNUL(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = text.baseAddress else { return false }
    return memchr(base, 0, text.count) != nil
  }

  /// "UTF-16LE" or "UTF-16BE" when the NUL bytes near the start all sit at odd or all at even
  /// offsets, each beside a byte that is no control character, as the high bytes of Latin-1
  /// letters, digits and spaces do in UTF-16 without a byte-order mark (or line ends and
  /// tabs); a NUL beside another control byte makes a binary file.
  private static func utf16Guess(_ text: UnsafeBufferPointer<UInt8>) -> String? {
    let sample = UnsafeBufferPointer(rebasing: text[0..<min(text.count, 4096) & ~1])
    var evenZeros = 0
    var oddZeros = 0
    for (offset, byte) in sample.enumerated() where byte == 0 {
      let partner = sample[offset ^ 1]
      guard partner >= 0x20 && partner != 0x7F || partner == 9 || partner == 10 || partner == 13
      else { return nil }
      if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
    }
    let pairs = max(sample.count / 2, 1)
    if evenZeros == 0, oddZeros * 10 >= pairs { return "UTF-16LE" }
    if oddZeros == 0, evenZeros * 10 >= pairs { return "UTF-16BE" }
    return nil
  }

  /// The offset of the first byte that breaks UTF-8, or nil when all of `text` is valid.
  ///
  /// Eight ASCII bytes are checked at a time, since most articles are mostly ASCII or have
  /// long ASCII runs; this keeps a 100 MB input well under a second.
  static func firstInvalidUTF8Offset(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = text.baseAddress else { return nil }
    let count = text.count
    var index = 0
    while index < count {
      if index + 8 <= count {
        let word = UInt64(
          littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        if word & 0x8080_8080_8080_8080 == 0 {
          index += 8
          continue
        }
        // Two three-byte characters whose leads (E1…EC, EE, EF) allow any continuation
        // bytes: most of Chinese text, six bytes at a step.
        if word & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0 {
          let first = word & 0x0F
          let second = word >> 24 & 0x0F
          if first != 0, first != 0x0D, second != 0, second != 0x0D {
            index += 6
            continue
          }
        }
      }
      let lead = base[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      // Most CJK characters: three bytes, no lead with a narrower range for the second byte.
      if lead >= 0xE1, lead != 0xED, index + 3 <= count, base[index + 1] & 0xC0 == 0x80,
        base[index + 2] & 0xC0 == 0x80, lead <= 0xEF
      {
        index += 3
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0: (length, low) = (3, 0xA0)
      case 0xED: (length, high) = (3, 0x9F)
      case 0xE1...0xEF: length = 3
      case 0xF0: (length, low) = (4, 0x90)
      case 0xF4: (length, high) = (4, 0x8F)
      case 0xF1...0xF3: length = 4
      default: return index
      }
      guard index + length <= count, (low...high).contains(base[index + 1]) else { return index }
      for next in 2..<length where base[index + next] & 0xC0 != 0x80 { return index }
      index += length
    }
    return nil
  }

  /// The 1-based line of `offset`, counting a lone carriage return as a line end like `\n`.
  private static func lineNumber(ofOffset offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
    var line = 1
    for index in 0..<offset {
      let byte = text[index]
      if byte == 10 || (byte == 13 && (index + 1 == text.count || text[index + 1] != 10)) {
        line += 1
      }
    }
    return line
  }

  /// `\r\n` and a lone `\r` both become `\n`.
  private static func normalizedLineEnds(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == 13 {
        result.append(10)
        if index + 1 < bytes.endIndex, bytes[index + 1] == 10 { index += 1 }
      } else {
        result.append(byte)
      }
      index += 1
    }
    return result
  }
}
