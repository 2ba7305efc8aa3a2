import Testing

@testable import ClaimLedger

@Suite struct ClaimFilterTests {
  @Test func aFilterWithNoConditionKeepsEverything() {
    #expect(ClaimFilter().keepsEverything)
  }

  /// Each condition alone makes the filter look at claims; an export that skipped the filter
  /// for one of them would write claims it should not.
  @Test(arguments: 0..<9)
  func anyOneConditionMakesItChoose(condition: Int) throws {
    var filter = ClaimFilter()
    switch condition {
    case 0: filter.status = .open
    case 1: filter.outcome = .true
    case 2: filter.source = "Anna"
    case 3: filter.tag = "ai"
    case 4: filter.saidFrom = try Fixture.day("2026-01-01")
    case 5: filter.saidTo = try Fixture.day("2026-01-01")
    case 6: filter.dueBefore = try Fixture.day("2026-01-01")
    case 7: filter.isOverdueOnly = true
    default: filter.searchWords = ["chips"]
    }
    #expect(!filter.keepsEverything)
  }
}
