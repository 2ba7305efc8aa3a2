import Foundation

/// Text that is UTF-8 read as Windows-1252 and saved again as UTF-8, as Excel on Windows does
/// to a CSV without a byte order mark: "Café" becomes "CafÃ©" and "特斯拉" "ç‰¹æ–¯æ‹‰". Such a
/// file is valid UTF-8, so nothing else catches it; an import names the first place.
///
/// A letter from Â to ï is the code page's reading of a UTF-8 lead byte (C2 to EF); the
/// characters after it are read back into the bytes the code page gave them (U+00A0 to U+00BF,
/// and the marks and letters it puts at 0x80 to 0x9F), and the character those bytes make is
/// checked: only a letter of a European script, or a CJK, Korean or punctuation character,
/// counts. "Spaß“" would make U+07D3 and "déjà »" an overlong form, so correct text with such
/// neighbours is not taken for garbled.
enum Mojibake {
  /// The offset of the first suspect in `bytes`; nil when there is none. Only bytes 0xC3 are
  /// looked at closely, found with `memchr`: text in other scripts has none.
  static func firstSuspect(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    var from = 0
    while from < bytes.count, let found = memchr(base + from, 0xC3, bytes.count - from) {
      let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if at + 1 < bytes.count, isGarbled(bytes, leadAt: at) { return at }
      from = at + 1
    }
    return nil
  }

  /// Whether the letter at `at` (0xC3 and a second byte) and what follows read back into the
  /// UTF-8 of a likely character.
  private static func isGarbled(_ bytes: UnsafeBufferPointer<UInt8>, leadAt at: Int) -> Bool {
    let lead = UInt32(bytes[at + 1]) + 0x40  // Ã (C3 83) is 0xC3, ï (C3 AF) is 0xEF
    guard (0xC2...0xEF).contains(lead) else { return false }
    let continuations = lead < 0xE0 ? 1 : 2
    var index = at + 2
    var value = lead < 0xE0 ? lead & 0x1F : lead & 0x0F
    for _ in 0..<continuations {
      guard let (scalar, length) = scalar(in: bytes, at: index),
        let byte = codePageByte(of: scalar), (0x80...0xBF).contains(byte)
      else { return false }
      value = value << 6 | (byte & 0x3F)
      index += length
    }
    return continuations == 1 ? (0xA0...0x52F).contains(value) : isLikelyWide(value)
  }

  /// Characters of three UTF-8 bytes that text is likely to hold: punctuation, currency and
  /// letterlike symbols, CJK, kana, Hangul and full-width forms.
  private static func isLikelyWide(_ value: UInt32) -> Bool {
    [
      0x2000...0x206F, 0x20A0...0x20CF, 0x2100...0x214F, 0x3000...0x30FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xFF00...0xFFEF,
    ].contains { $0.contains(value) }
  }

  /// The scalar of one or two or three UTF-8 bytes at `index`, and its length; nil otherwise.
  private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int)
    -> (UInt32, Int)?
  {
    guard index < bytes.count else { return nil }
    let first = UInt32(bytes[index])
    if first < 0x80 { return (first, 1) }
    if (0xC2...0xDF).contains(first), index + 1 < bytes.count {
      return ((first & 0x1F) << 6 | UInt32(bytes[index + 1]) & 0x3F, 2)
    }
    if (0xE0...0xEF).contains(first), index + 2 < bytes.count {
      return (
        (first & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | UInt32(bytes[index + 2])
          & 0x3F, 3
      )
    }
    return nil
  }

  /// The Windows-1252 byte of a scalar from 0x80 up; nil for one the code page lacks.
  private static func codePageByte(of scalar: UInt32) -> UInt32? {
    if (0x80...0xFF).contains(scalar) { return scalar }
    return codePageHigh[scalar]
  }

  /// The characters Windows-1252 puts at 0x80 to 0x9F.
  private static let codePageHigh: [UInt32: UInt32] = [
    0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86,
    0x2021: 0x87, 0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C,
    0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95,
    0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
    0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
  ]

  /// The note for a suspect at `offset` of a file whose text starts at line `firstLine`:
  /// its line and the words around it.
  static func note(path: String, bytes: UnsafeBufferPointer<UInt8>, offset: Int, firstLine: Int)
    -> String
  {
    let line = firstLine + bytes[..<offset].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
    let start = max(0, offset - 12)
    var sample = String(decoding: bytes[start..<min(bytes.count, offset + 12)], as: UTF8.self)
    sample = sample.filter { !$0.isNewline && $0 != "\u{FFFD}" }
    return "\(path):\(line): the text looks like UTF-8 read as Windows-1252 ('…\(sample)…'), as "
      + "Excel does to a CSV without a byte order mark; if so, open the original instead, or "
      + "export with --bom"
  }
}
