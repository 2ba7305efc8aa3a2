import Foundation

/// Finds a run of bytes in a buffer with glibc's `memmem`, which Glibc's Swift module leaves
/// out (it needs `_GNU_SOURCE`), so it is looked up by name as `Writeback` looks up its call;
/// where it is missing, `memchr` finds each candidate first byte and `memcmp` confirms it.
enum SubsequenceSearch {
  private typealias Memmem =
    @convention(c) (UnsafeRawPointer?, Int, UnsafeRawPointer?, Int) -> UnsafeMutableRawPointer?

  private static let memmem: Memmem? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "memmem") else { return nil }
    return unsafeBitCast(symbol, to: Memmem.self)
  }()

  /// Where `needle` first starts in `haystack` at or after `start`; nil when it does not.
  static func firstIndex(
    of needle: [UInt8], in haystack: UnsafeRawBufferPointer, from start: Int = 0
  ) -> Int? {
    guard let memmem else { return plainFirstIndex(of: needle, in: haystack, from: start) }
    guard let base = haystack.baseAddress, !needle.isEmpty, start < haystack.count else {
      return nil
    }
    return needle.withUnsafeBytes { pattern in
      memmem(base + start, haystack.count - start, pattern.baseAddress, pattern.count)
        .map { base.distance(to: UnsafeRawPointer($0)) }
    }
  }

  /// `firstIndex` without `memmem`.
  static func plainFirstIndex(
    of needle: [UInt8], in haystack: UnsafeRawBufferPointer, from start: Int = 0
  ) -> Int? {
    guard let base = haystack.baseAddress, let first = needle.first, start < haystack.count
    else { return nil }
    return needle.withUnsafeBytes { pattern -> Int? in
      guard let needleBase = pattern.baseAddress else { return nil }
      var from = start
      while from + pattern.count <= haystack.count,
        let candidate = memchr(base + from, Int32(first), haystack.count - from)
      {
        let at = base.distance(to: UnsafeRawPointer(candidate))
        guard at + pattern.count <= haystack.count else { return nil }
        if memcmp(base + at, needleBase, pattern.count) == 0 { return at }
        from = at + 1
      }
      return nil
    }
  }
}
