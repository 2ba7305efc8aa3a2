import Foundation

/// The claim text when no known pattern rewrites it: the quote, tidied.
enum ClaimText {
  /// Drops an attribution in front ("据知情人士透露，"), stray Markdown marks and doubled spaces.
  static func plain(_ quote: String) -> String {
    var text = quote
    let bytes = Array(quote.utf8)
    let hasMarks = bytes.contains(UInt8(ascii: "*"))
    let hasDoubleSpace = zip(bytes, bytes.dropFirst()).contains { $0 == 0x20 && $1 == 0x20 }
    let isAttributed = quote.hasPrefix("据") || quote.hasPrefix("據")
    guard hasMarks || hasDoubleSpace || isAttributed || bytes.first == 0x20 || bytes.last == 0x20
    else { return quote }
    if hasMarks { text = text.replacingOccurrences(of: "**", with: "") }
    for opener in ["据", "據"] where text.hasPrefix(opener) {
      if let comma = text.firstIndex(where: { $0 == "，" || $0 == "," }),
        text.distance(from: text.startIndex, to: comma) <= 16
      {
        text = String(text[text.index(after: comma)...])
      }
    }
    while text.contains("  ") { text = text.replacingOccurrences(of: "  ", with: " ") }
    return text.trimmingCharacters(in: .whitespaces)
  }
}
