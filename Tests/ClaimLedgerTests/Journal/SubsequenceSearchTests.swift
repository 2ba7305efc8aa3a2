import Foundation
import Testing

@testable import ClaimLedger

@Suite struct SubsequenceSearchTests {
  /// `memmem` and the search without it find the same first place as a plain scan, from
  /// any start, over random bytes of a small alphabet so that near misses are common.
  @Test func bothSearchesFindTheFirstPlaceFromAnyStart() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % bound
    }
    for _ in 0..<300 {
      let haystack = (0..<next(200)).map { _ in UInt8(97 + next(3)) }
      let needle = (0..<(1 + next(4))).map { _ in UInt8(97 + next(3)) }
      let start = next(max(haystack.count, 1))
      let expected = haystack.indices.first { index in
        index >= start && index + needle.count <= haystack.count
          && Array(haystack[index..<index + needle.count]) == needle
      }
      haystack.withUnsafeBytes { bytes in
        #expect(SubsequenceSearch.firstIndex(of: needle, in: bytes, from: start) == expected)
        #expect(SubsequenceSearch.plainFirstIndex(of: needle, in: bytes, from: start) == expected)
      }
    }
  }
}
