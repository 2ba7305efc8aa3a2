import Foundation
import Testing

@testable import ClaimLedger

/// `ParallelMap.parts` cuts 0..<count into consecutive parts in order, none of them empty:
/// with many cores, a part size rounded up left trailing parts that started at `count`, and
/// the fold read the record a part starts at.
@Suite struct ParallelMapTests {
  @Test(arguments: [(0, 64), (1, 64), (999, 1), (1_025, 16), (2_000, 64), (10_000, 300)])
  func partsCoverTheCountInOrderWithNoEmptyPart(count: Int, aimed: Int) {
    let ranges = ParallelMap.parts(count: count, aimingAt: aimed) { $0 }
    #expect(ranges.first?.lowerBound == 0)
    #expect(ranges.last?.upperBound == count)
    #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    #expect(count == 0 ? ranges.count == 1 : ranges.allSatisfy { !$0.isEmpty })
    #expect(ranges.count <= aimed)
  }

  /// Counts the values alive, from every thread.
  final class Census: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var alive: Int { lock.withLock { count } }
    func change(by delta: Int) { lock.withLock { count += delta } }
  }

  final class Tracked: Sendable {
    let number: Int
    let census: Census

    init(_ number: Int, _ census: Census) {
      self.number = number
      self.census = census
      census.change(by: 1)
    }

    deinit {
      census.change(by: -1)
    }
  }

  /// Each value is made once, where it stays, in order; none is left behind or freed twice.
  @Test(arguments: [0, 1, 1_023, 1_025, 100_003])
  func mapMakesEachValueOnceInOrder(count: Int) {
    let census = Census()
    do {
      let values = ParallelMap.map(count: count) { (Tracked($0, census), "value \($0)") }
      #expect(values.count == count)
      #expect(values.indices.allSatisfy { values[$0].0.number == $0 })
      #expect(values.indices.allSatisfy { values[$0].1 == "value \($0)" })
      #expect(census.alive == count)
    }
    #expect(census.alive == 0)
  }
}
