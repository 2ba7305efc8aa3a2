import SplitMix
import Testing

@testable import ClaimReports

/// A scorecard keeps the first few of many claims in one pass; for any total order that is
/// what sorting them all and taking a prefix gives.
@Suite struct FirstInOrderTests {
  /// Confidences with many repeats and days with some missing, ids breaking every tie, as the
  /// scorecard's orders are.
  struct Item: Equatable {
    let confidence: Double
    let day: Int?
    let id: Int
  }

  static func isMoreConfident(_ a: Item, _ b: Item) -> Bool {
    (b.confidence, a.id) < (a.confidence, b.id)
  }

  static func isSooner(_ a: Item, _ b: Item) -> Bool {
    (a.day ?? Int.max, a.id) < (b.day ?? Int.max, b.id)
  }

  @Test(arguments: Array(UInt64(1)...30))
  func keepsWhatSortingAndTakingAPrefixKeeps(_ seed: UInt64) {
    var random = SplitMix64(seed: seed)
    let count = random.below(400)
    let items = (0..<count).map { index in
      Item(
        confidence: Double(random.below(5)) / 4,
        day: random.below(5) == 0 ? nil : random.below(30), id: (index * 7_919) % 1_009)
    }
    for limit in [0, 1, 5, 50, count / 4, count, count + 3] {
      for order in [Self.isMoreConfident, Self.isSooner] {
        #expect(
          items.first(limit, by: order) == Array(items.sorted(by: order).prefix(limit)),
          "limit \(limit) of \(count)")
      }
    }
  }
}
