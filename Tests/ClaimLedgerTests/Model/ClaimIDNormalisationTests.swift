import Foundation
import Testing

@testable import ClaimLedger

@Suite struct ClaimIDNormalisationTests {
  /// The general rule the fast path must agree with.
  static func general(_ text: String) -> String {
    FullWidth.folded(text).precomposedStringWithCanonicalMapping.lowercased().split(
      whereSeparator: { $0.isWhitespace }
    ).joined(separator: " ")
  }

  @Test(arguments: [
    "OpenAI acquires  Pinterest ", "特斯拉收购xAI的可能性极大", "  騰訊宣布２月１日上線\t活動 ",
    "“Quoted” — text…", "MIXED Case 中文，標點。", "",
  ])
  func fastPathAgreesWithTheGeneralRule(_ text: String) {
    let folded = FullWidth.folded(text)
    #expect(ClaimID.simplyNormalised(folded) == Self.general(text))
  }

  @Test(arguments: ["Cafe\u{301}", "Ünïcode", "a\u{3000}b", "ｶﾞ", "x\u{A0}y"])
  func textOutsideTheSimpleSetTakesTheGeneralPath(_ text: String) {
    #expect(ClaimID.simplyNormalised(FullWidth.folded(text)) == nil)
    #expect(ClaimID.normalised(text) == Self.general(text))
  }

  @Test func randomMixturesAgree() {
    var generator = SystemRandomNumberGenerator()
    let pieces = ["A", "b", " ", "\t", "将", "會", "，", "。", "—", "“", "9", "Z", "  ", "ｘ"]
    for _ in 0..<500 {
      let text = (0..<12).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
      #expect(ClaimID.normalised(text) == Self.general(text), "\(text)")
    }
  }
}

extension ClaimIDNormalisationTests {
  /// `==` on Strings compares canonically, which hides reordered marks; compare the bytes.
  @Test(arguments: ["中\u{302B}\u{302A}文", "ab \u{302A}", "〆〇\u{302F}"])
  func combiningToneMarksTakeTheGeneralPath(_ text: String) {
    #expect(Array(ClaimID.normalised(text).utf8) == Array(Self.general(text).utf8))
  }
}
