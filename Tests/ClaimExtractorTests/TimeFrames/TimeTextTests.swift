import Testing

@testable import ClaimExtractor

@Suite struct TimeTextTests {
  @Test func foldsFullWidthAndCapitalsButKeepsTheWords() {
    let text = TimeText("Ｑ３ of 2026年 Über")
    #expect(text.count == 16)
    #expect(text[0] == "q")
    #expect(text[1] == "3")
    #expect(text.isCapital(at: 0))
    #expect(!text.isCapital(at: 3))
    #expect(!text.isCapital(at: 12))
    #expect(text.words(0..<2) == "Ｑ３")
    #expect(text.words(6..<11) == "2026年")
    #expect(text.words(12..<15) == "Übe")
    #expect(text.words(0..<16) == "Ｑ３ of 2026年 Über")
  }

  @Test func matchesLiteralsFromTheirFirstScalar() {
    let text = TimeText("by the  end of 2026年底")
    #expect(text.match("by the end", at: 0) == 11)
    #expect(text.match("the", at: 0) == nil)
    #expect(text.match(" the", at: 2) == 6)
    #expect(text.match("年底", at: 19) == 21)
    #expect(text.match("年末", at: 19) == nil)
    #expect(text.match("", at: 4) == 4)
  }

  @Test func aYearIsFourDigitsAndALongerRunIsNone() {
    #expect(TimeText("二零二六年").year(at: 0)?.value == 2026)
    #expect(TimeText("二零二六六年").year(at: 0) == nil)
    // Thirty digits would overflow an integer if they were all read.
    #expect(TimeText(String(repeating: "九", count: 30) + "年").year(at: 0) == nil)
    #expect(TimeText(String(repeating: "9", count: 30) + "年").year(at: 0) == nil)
  }

  @Test func scalarSetHoldsItsScalarsOnly() {
    let set = ScalarSet("年至q")
    #expect(set.contains("年"))
    #expect(set.contains("q"))
    #expect(!set.contains("Q"))
    #expect(!set.contains("𠀀"))
  }
}
