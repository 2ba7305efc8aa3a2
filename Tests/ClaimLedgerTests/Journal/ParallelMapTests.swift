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
}
