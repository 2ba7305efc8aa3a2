/// Byte classes the Markdown stripper asks about, on UTF-8 bytes.
enum MarkdownBytes {
  /// A space or a tab.
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 32 || byte == 9
  }

  /// Part of a word for the intraword `_` rule: ASCII letters and digits, and every byte of a
  /// non-ASCII character, so `变量_名` keeps its underscore as `snake_case` does.
  static func isWordByte(_ byte: UInt8) -> Bool {
    byte >= 0x80 || DateText.isDigit(byte) || DateText.isLetter(byte)
  }

  /// ASCII punctuation, which a backslash can escape.
  static func isPunctuation(_ byte: UInt8) -> Bool {
    (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte)
      || (123...126).contains(byte)
  }

  /// Whether the bytes at `start` begin `http://`, `https://` or `mailto:`, in any case.
  static func startsWithWebScheme(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int)
    -> Bool
  {
    for scheme in schemes where start + scheme.count <= end {
      var index = 0
      while index < scheme.count, bytes[start + index] | 0x20 == scheme[index] | 0x20 {
        index += 1
      }
      if index == scheme.count { return true }
    }
    return false
  }

  private static let schemes: [[UInt8]] = [
    Array("http://".utf8), Array("https://".utf8), Array("mailto:".utf8),
  ]

  /// The length of the ideographic space (U+3000) at `index`, or 0; Chinese text indents
  /// paragraphs with it.
  static func ideographicSpaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    index + 2 < bytes.count && bytes[index] == 0xE3 && bytes[index + 1] == 0x80
      && bytes[index + 2] == 0x80 ? 3 : 0
  }
}
