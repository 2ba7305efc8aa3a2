import Testing

@testable import ClaimReports

@Suite struct TextSlotsTests {
  @Test func givesBackWhatWasRememberedForTheSameText() {
    var slots = TextSlots()
    slots.remember(3, for: "36氪")
    slots.remember(4, for: "Reuters")
    #expect(slots.value(for: "36氪") == 3)
    #expect(slots.value(for: String("Reuters".reversed().reversed())) == 4)
    #expect(slots.value(for: "Bloomberg") == nil)
  }

  @Test func aTextThatTakesAnotherTextsSlotReplacesIt() {
    var slots = TextSlots()
    let texts = (0..<10_000).map { "source \($0)" }
    for (index, text) in texts.enumerated() { slots.remember(index, for: text) }
    // Every answer given is the right one; some texts were pushed out by later ones.
    var kept = 0
    for (index, text) in texts.enumerated() {
      guard let value = slots.value(for: text) else { continue }
      #expect(value == index)
      kept += 1
    }
    #expect(kept > 0 && kept < texts.count)
  }
}
