import Foundation

/// Text that is UTF-8 read as Windows-1252 and saved again as UTF-8, as Excel on Windows does
/// to a CSV without a byte order mark: "Café" becomes "CafÃ©" and "特斯拉" "ç‰¹æ–¯æ‹‰". Such a
/// file is valid UTF-8, so nothing else catches it; an import names the first place.
///
/// What gives it away is a letter from À to ï (the code page's reading of a UTF-8 lead byte,
/// C2 to EF) followed at once by the code page's reading of a continuation byte: a character
/// from U+00A0 to U+00BF, or one of the punctuation marks and letters the code page puts at
/// 0x80 to 0x9F (‚ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ ƒ €).
enum Mojibake {
  /// The offset of the first suspect pair in `bytes`; nil when there is none. Only bytes
  /// 0xC3 are looked at closely, found with `memchr`: text in other scripts has none.
  static func firstSuspect(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    var from = 0
    while from < bytes.count, let found = memchr(base + from, 0xC3, bytes.count - from) {
      let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      if at + 3 < bytes.count, (0x82...0xAF).contains(bytes[at + 1]),
        isContinuationByteAsRead(bytes[(at + 2)...].prefix(3))
      {
        return at
      }
      from = at + 1
    }
    return nil
  }

  /// Whether `next` starts with the UTF-8 of a character Windows-1252 gives a byte from 0x80
  /// to 0xBF.
  private static func isContinuationByteAsRead(_ next: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    let bytes = Array(next)
    guard let lead = bytes.first, bytes.count >= 2 else { return false }
    switch lead {
    case 0xC2: return (0xA0...0xBF).contains(bytes[1])
    case 0xC5: return [0x92, 0x93, 0xA0, 0xA1, 0xB8, 0xBD, 0xBE].contains(bytes[1])
    case 0xC6: return bytes[1] == 0x92
    case 0xCB: return bytes[1] == 0x86 || bytes[1] == 0x9C
    case 0xE2:
      guard bytes.count >= 3 else { return false }
      switch (bytes[1], bytes[2]) {
      case (0x80, 0x93...0xBA), (0x82, 0xAC), (0x84, 0xA2): return true
      default: return false
      }
    default: return false
    }
  }

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
