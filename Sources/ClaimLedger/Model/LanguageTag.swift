/// Guesses the BCP 47 tag of a quote: `zh-Hant`, `zh-Hans` or `en`.
public enum LanguageTag {
  /// Characters written differently in the two Chinese scripts, common in forecasts.
  private static let traditionalOnly = HanSet(
    "將會預計與為這們說國後時來對開關實際還過應無個發產業務機報導從經濟戰")
  private static let simplifiedOnly = HanSet(
    "将会预计与为这们说国后时来对开关实际还过应无个发产业务机报导从经济战")

  /// Nil when the text has neither Han characters nor Latin letters.
  public static func detect(_ text: String) -> String? {
    var han = 0
    var latin = 0
    var traditional = 0
    var simplified = 0
    // Scalars, not Characters: the tally needs no grapheme breaking, and this runs per claim.
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) {
        han += 1
        if traditionalOnly.contains(value) { traditional += 1 }
        if simplifiedOnly.contains(value) { simplified += 1 }
      } else if value < 0x80, (value | 0x20) >= 0x61, (value | 0x20) <= 0x7A {
        latin += 1
      }
    }
    if han > 0, han * 4 >= latin / 2 {
      return traditional > simplified ? "zh-Hant" : "zh-Hans"
    }
    return latin > 0 ? "en" : nil
  }
}

/// A few characters of the CJK Unified Ideographs block, as one bit each: a lookup is a shift
/// and a mask, where a `Set` hashed every character of every quote.
private struct HanSet: Sendable {
  private static let first: UInt32 = 0x4E00
  private static let last: UInt32 = 0x9FFF
  private var words = [UInt64](repeating: 0, count: Int(last - first) / 64 + 1)

  init(_ characters: String) {
    for scalar in characters.unicodeScalars where (Self.first...Self.last).contains(scalar.value) {
      let offset = Int(scalar.value - Self.first)
      words[offset / 64] |= 1 << UInt64(offset % 64)
    }
  }

  func contains(_ value: UInt32) -> Bool {
    guard (Self.first...Self.last).contains(value) else { return false }
    let offset = Int(value - Self.first)
    return words[offset / 64] >> UInt64(offset % 64) & 1 != 0
  }
}
