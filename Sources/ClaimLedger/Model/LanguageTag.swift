/// Guesses the BCP 47 tag of a quote (`zh-Hant`, `zh-Hans` or `en`), and checks a tag's shape.
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

  /// Whether `tag` has the shape of a BCP 47 language tag (RFC 5646, section 2.1): subtags of
  /// one to eight ASCII letters or digits joined by single hyphens, the first a language of two
  /// to eight letters, or `x` or `i` (private use, grandfathered) with more after it. Checks
  /// the shape only, not the registry: `en`, `zh-Hant`, `de-CH-1901` and `x-house` pass,
  /// `English language`, `en_US` and `zh--Hans` do not.
  public static func isWellFormed<Bytes: Collection<UInt8>>(_ tag: Bytes) -> Bool {
    var subtags = 0
    var length = 0
    var languageLength = 0
    var languageIsLetters = true
    var singleton: UInt8 = 0
    for byte in tag {
      if byte == UInt8(ascii: "-") {
        guard length > 0 else { return false }
        if subtags == 0 { languageLength = length }
        subtags += 1
        length = 0
        continue
      }
      let lower = byte | 0x20
      let isLetter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
      guard isLetter || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
        return false
      }
      if subtags == 0 {
        languageIsLetters = languageIsLetters && isLetter
        if length == 0 { singleton = lower }
      }
      length += 1
      guard length <= 8 else { return false }
    }
    guard length > 0, languageIsLetters else { return false }
    if subtags == 0 { languageLength = length }
    if languageLength == 1 {
      return subtags > 0 && (singleton == UInt8(ascii: "x") || singleton == UInt8(ascii: "i"))
    }
    return true
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
