/// Finds every cue in a sentence in one pass over its UTF-8 bytes.
///
/// Matching is leftmost-longest, so 将会 wins over 将 and 机会 hides the 会 inside it. Patterns
/// are indexed by their first two bytes; few byte pairs of Chinese text start a pattern,
/// which keeps the scan close to a plain byte loop.
struct CueScanner: Sendable {
  /// A cue found at a byte range of the scanned text.
  struct Hit: Sendable, Equatable {
    let cue: Int
    let range: Range<Int>
  }

  let cues: [Cue]
  private let patterns: [[UInt8]]
  /// Patterns by their first two bytes (lower-cased for ASCII), longest first: entry
  /// `(b0 << 8) | b1` holds `start << 32 | count` into `candidates`, 0 when none starts so.
  /// Two bytes rather than one, because nearly every byte of Chinese text could start a
  /// pattern but few pairs do; one flat table, so the scan makes no retain or release.
  private let pairTable: [UInt64]
  private let candidates: [Int32]

  init(cues: [Cue]) {
    self.cues = cues
    patterns = cues.map { cue in
      cue.isCaseSensitive ? Array(cue.word.utf8) : Array(cue.word.utf8).map(CueScanner.lower)
    }
    var byPair: [Int: [Int]] = [:]
    for (index, pattern) in patterns.enumerated() where pattern.count >= 2 {
      byPair[CueScanner.pairKey(pattern[0], pattern[1]), default: []].append(index)
    }
    let lengths = patterns.map(\.count)
    // Longest first; on a tie the case-sensitive pattern ("May" the month) is the more exact.
    let exact = cues.map(\.isCaseSensitive)
    var table = [UInt64](repeating: 0, count: 1 << 16)
    var flat: [Int32] = []
    for (key, list) in byPair.sorted(by: { $0.key < $1.key }) {
      let ordered = list.sorted {
        if lengths[$0] != lengths[$1] { return lengths[$0] > lengths[$1] }
        if exact[$0] != exact[$1] { return exact[$0] }
        return $0 < $1
      }
      table[key] = UInt64(flat.count) << 32 | UInt64(ordered.count)
      flat.append(contentsOf: ordered.map { Int32($0) })
    }
    pairTable = table
    candidates = flat
  }

  private static func pairKey(_ first: UInt8, _ second: UInt8) -> Int {
    Int(lower(first)) << 8 | Int(lower(second))
  }

  static let standard = CueScanner(cues: Cue.all)

  /// Whether `bytes` holds a cue of one of `kinds`; stops at the first.
  func contains(_ kinds: Set<Cue.Kind>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var found = false
    scan(bytes) { hit in
      if kinds.contains(cues[hit.cue].kind) {
        found = true
        return false
      }
      return true
    }
    return found
  }

  /// Every cue in `bytes`, in order.
  func hits(in bytes: UnsafeBufferPointer<UInt8>) -> [Hit] {
    var hits: [Hit] = []
    scan(bytes) { hit in
      hits.append(hit)
      return true
    }
    return hits
  }

  /// Calls `visit` with each hit until it returns false.
  private func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ visit: (Hit) -> Bool) {
    let count = bytes.count
    guard count >= 2 else { return }
    pairTable.withUnsafeBufferPointer { table in
      candidates.withUnsafeBufferPointer { candidates in
        var index = 0
        while index < count - 1 {
          let entry = table[CueScanner.pairKey(bytes[index], bytes[index + 1])]
          guard entry != 0 else {
            index += 1
            continue
          }
          var matched = 0
          let start = Int(entry >> 32)
          for slot in start..<(start + Int(entry & 0xFFFF_FFFF)) {
            let candidate = Int(candidates[slot])
            guard matches(candidate, in: bytes, at: index) else { continue }
            matched = patterns[candidate].count
            guard visit(Hit(cue: candidate, range: index..<(index + matched))) else { return }
            break
          }
          index += max(matched, 1)
        }
      }
    }
  }

  private func matches(_ candidate: Int, in bytes: UnsafeBufferPointer<UInt8>, at index: Int)
    -> Bool
  {
    let pattern = patterns[candidate]
    guard index + pattern.count <= bytes.count else { return false }
    let isCaseSensitive = cues[candidate].isCaseSensitive
    for offset in 0..<pattern.count {
      let byte = bytes[index + offset]
      if (isCaseSensitive ? byte : CueScanner.lower(byte)) != pattern[offset] { return false }
    }
    // ASCII words stand alone: "will" is not in "goodwill", "may" not in "mayor".
    guard let first = pattern.first, first < 0x80, CueScanner.isWordByte(first) else {
      return true
    }
    let before = index > 0 ? bytes[index - 1] : 0x20
    let after = index + pattern.count < bytes.count ? bytes[index + pattern.count] : 0x20
    return !CueScanner.isWordByte(before) && !CueScanner.isWordByte(after)
  }

  static func lower(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
  }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
      || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
  }
}
