import Testing

@testable import ClaimLedger

@Suite struct LanguageTagTests {
  @Test(
    arguments: [
      ("特斯拉将会在2026年推出Robotaxi", "zh-Hans"), ("特斯拉將會在2026年推出Robotaxi", "zh-Hant"),
      ("OpenAI will acquire Pinterest", "en"), ("2026 — 100%", nil), ("", nil),
      ("苹果", "zh-Hans"), ("Apple 苹果 will ship a foldable iPhone next year", "en"),
      ("𠀀 are rare", "en"), ("㐀㐁", "zh-Hans"), ("Ｏｐｅｎ", nil), ("Çà et là", "en"),
    ] as [(String, String?)])
  func tagsByScriptAndLetters(text: String, tag: String?) {
    #expect(LanguageTag.detect(text) == tag)
  }

  /// The tally as sets of scalars and Unicode properties would keep it, to compare with.
  static func reference(_ text: String) -> String? {
    let traditional = Set("將會預計與為這們說國後時來對開關實際還過應無個發產業務機報導從經濟戰".unicodeScalars)
    let simplified = Set("将会预计与为这们说国后时来对开关实际还过应无个发产业务机报导从经济战".unicodeScalars)
    var han = 0
    var latin = 0
    var traditionalCount = 0
    var simplifiedCount = 0
    for scalar in text.unicodeScalars {
      if (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) {
        han += 1
        if traditional.contains(scalar) { traditionalCount += 1 }
        if simplified.contains(scalar) { simplifiedCount += 1 }
      } else if scalar.isASCII, scalar.properties.isAlphabetic {
        latin += 1
      }
    }
    if han > 0, han * 4 >= latin / 2 {
      return traditionalCount > simplifiedCount ? "zh-Hant" : "zh-Hans"
    }
    return latin > 0 ? "en" : nil
  }

  @Test func agreesWithSetsAndPropertiesOnMixedText() {
    let pieces =
      Array(
        "將会預计與为這们說国後时Aa Zz@[`{09中文字。，".unicodeScalars) + [
        "\u{3400}", "\u{9FFF}", "\u{4E00}", "\u{4DFF}", "\u{A000}",
      ]
    var state: UInt64 = 42
    for _ in 0..<3_000 {
      var text = String.UnicodeScalarView()
      state = state &* 6_364_136_223_846_793_005 &+ 1
      for _ in 0..<Int(state >> 59) {
        state = state &* 6_364_136_223_846_793_005 &+ 1
        text.append(pieces[Int(state >> 33) % pieces.count])
      }
      let string = String(text)
      #expect(LanguageTag.detect(string) == Self.reference(string), "\(string)")
    }
  }

  @Test(arguments: [
    ("en", true), ("EN", true), ("zh-Hans", true), ("zh-Hant-TW", true), ("de-CH-1901", true),
    ("sgn-BE-FR", true), ("x-house", true), ("i-klingon", true), ("en-a-bbb-x-a-ccc", true),
    ("english", true), ("", false), ("-", false), ("en-", false), ("-en", false),
    ("en--US", false), ("e", false), ("x", false), ("x-", false), ("hello world!", false),
    ("1en", false), ("en_US", false), ("abcdefghi", false), ("en-abcdefghi", false),
    ("中文", false), ("en\n", false),
  ])
  func aTagsShapeIsChecked(tag: String, isWellFormed: Bool) {
    #expect(LanguageTag.isWellFormed(tag.utf8) == isWellFormed)
  }
}
