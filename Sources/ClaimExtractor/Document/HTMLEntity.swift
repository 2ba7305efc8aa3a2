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
