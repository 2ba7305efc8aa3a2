import Testing

@testable import ClaimLedger

@Suite struct DayCacheTests {
  /// Days across many years, so slots are shared, then impossible and malformed ones.
  static let texts: [String] =
    (1990...2040).flatMap { year in
      ["\(year)-01-01", "\(year)-02-28", "\(year)-02-29", "\(year)-06-30", "\(year)-12-31"]
    } + ["2026-02-30", "2026-13-01", "2026-00-10", "2026-1-01", "2026/01/01", "", "20260101xx"]

  @Test func aCachedDayIsTheDayTheBytesSpell() {
    var cache = DayCache()
    // Twice over: the second pass is answered from the cache where the first left a day.
    for _ in 0..<2 {
      for text in Self.texts {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
          let read = UnsafeBufferPointer(buffer)
          #expect(cache.day(read) == Day(bytes: read), "\(text)")
        }
      }
    }
  }
}
