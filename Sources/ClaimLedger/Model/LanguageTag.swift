/// Guesses the BCP 47 tag of a quote: `zh-Hant`, `zh-Hans` or `en`.
public enum LanguageTag {
  /// Characters written differently in the two Chinese scripts, common in forecasts.
  private static let traditionalOnly = Set(
    "將會預計與為這們說國後時來對開關實際還過應無個發產業務機報導從經濟戰".unicodeScalars)
  private static let simplifiedOnly = Set(
    "将会预计与为这们说国后时来对开关实际还过应无个发产业务机报导从经济战".unicodeScalars)

  /// Nil when the text has neither Han characters nor Latin letters.
  public static func detect(_ text: String) -> String? {
    var han = 0
    var latin = 0
    var traditional = 0
    var simplified = 0
    // Scalars, not Characters: the tally needs no grapheme breaking, and this runs per claim.
    for scalar in text.unicodeScalars {
      if (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) {
        han += 1
        if traditionalOnly.contains(scalar) { traditional += 1 }
        if simplifiedOnly.contains(scalar) { simplified += 1 }
      } else if scalar.isASCII, scalar.properties.isAlphabetic {
        latin += 1
      }
    }
    if han > 0, han * 4 >= latin / 2 {
      return traditional > simplified ? "zh-Hant" : "zh-Hans"
    }
    return latin > 0 ? "en" : nil
  }
}
