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

/// The HTML character references that turn up in scraped articles.
enum HTMLEntity {
  private static let named: [(name: [UInt8], text: [UInt8])] = [
    ("amp", "&"), ("lt", "<"), ("gt", ">"), ("quot", "\""), ("apos", "'"),
    // A no-break space becomes a plain space: later stages split words on spaces.
    ("nbsp", " "),
  ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

  /// The UTF-8 of the reference starting with `&` at `start`, and the position after its `;`.
  static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int
  ) -> ([UInt8], Int)? {
    var semicolon = start + 1
    while semicolon < end, semicolon - start <= 10, bytes[semicolon] != UInt8(ascii: ";") {
      semicolon += 1
    }
    guard semicolon < end, bytes[semicolon] == UInt8(ascii: ";"), semicolon > start + 1 else {
      return nil
    }
    let name = UnsafeBufferPointer(rebasing: bytes[start + 1..<semicolon])
    if let entry = named.first(where: { $0.name.elementsEqual(name) }) {
      return (entry.text, semicolon + 1)
    }
    guard name[0] == UInt8(ascii: "#"), let scalar = numericScalar(name.dropFirst()) else {
      return nil
    }
    return (Array(String(Character(scalar)).utf8), semicolon + 1)
  }

  /// `39` or `x27`, a decimal or hexadecimal code point other than NUL.
  private static func numericScalar(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar?
  {
    guard let first = digits.first else { return nil }
    let isHex = first | 0x20 == UInt8(ascii: "x")
    let text = String(decoding: isHex ? digits.dropFirst() : digits, as: UTF8.self)
    guard !text.isEmpty, let code = UInt32(text, radix: isHex ? 16 : 10), code != 0 else {
      return nil
    }
    return Unicode.Scalar(code)
  }
}
