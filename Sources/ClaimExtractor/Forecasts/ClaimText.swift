import Foundation

/// The claim text when no known pattern rewrites it: the quote, tidied.
enum ClaimText {
  /// Drops an attribution in front ("据知情人士透露，"), stray Markdown marks and doubled spaces.
  static func plain(_ quote: String) -> String {
    var text = quote.replacingOccurrences(of: "**", with: "")
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
