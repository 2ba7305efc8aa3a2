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
  /// Every cue's bytes, one after another (ASCII lower-cased unless the cue is case-sensitive).
  private let patternBytes: [UInt8]
  /// Per cue: where its bytes start in `patternBytes` (the high 32 bits), how many there are
  /// (bits 8…31), and flags (the low 8 bits, `caseSensitive` and `wholeWord`). Flat integers,
  /// so checking a candidate reads no array of arrays and makes no retain or release.
  private let patternInfo: [UInt64]
  private static let caseSensitive: UInt64 = 1
  /// Starts with an ASCII letter or digit, so it must not be preceded or followed by one.
  private static let wholeWord: UInt64 = 2
  /// Patterns by their first two bytes (lower-cased for ASCII), longest first: entry
  /// `(b0 << 8) | b1` holds `start << 32 | count` into `candidates`, 0 when none starts so.
  /// Two bytes rather than one, because nearly every byte of Chinese text could start a
  /// pattern but few pairs do; one flat table, so the scan makes no retain or release.
  private let pairTable: [UInt64]
  /// Per byte pair, the third bytes (their low six bits, lower-cased) that continue a pattern
  /// starting so; all bits for a pair that is a whole pattern. In Chinese a pair is the start
  /// of 64 characters and the third byte tells which, so most pairs stop here.
  private let thirdBytes: [UInt64]
  private let candidates: [Int32]

  init(cues: [Cue]) {
    self.cues = cues
    let patterns = cues.map { cue in
      cue.isCaseSensitive ? Array(cue.word.utf8) : Array(cue.word.utf8).map(CueScanner.lower)
    }
    var info: [UInt64] = []
    var start = 0
    for (cue, pattern) in zip(cues, patterns) {
      let isWholeWord = pattern.first.map { $0 < 0x80 && CueScanner.isWordByte($0) } ?? false
      let flags =
        (cue.isCaseSensitive ? CueScanner.caseSensitive : 0)
        | (isWholeWord ? CueScanner.wholeWord : 0)
      info.append(UInt64(start) << 32 | UInt64(pattern.count) << 8 | flags)
      start += pattern.count
    }
    patternBytes = patterns.flatMap { $0 }
    patternInfo = info
    var byPair: [Int: [Int]] = [:]
    for (index, pattern) in patterns.enumerated() where pattern.count >= 2 {
      byPair[CueScanner.pairKey(pattern[0], pattern[1]), default: []].append(index)
    }
    let lengths = patterns.map(\.count)
    // Longest first; on a tie the case-sensitive pattern ("May" the month) is the more exact.
    let exact = cues.map(\.isCaseSensitive)
    var table = [UInt64](repeating: 0, count: 1 << 16)
    var third = [UInt64](repeating: 0, count: 1 << 16)
    var flat: [Int32] = []
    for (key, list) in byPair.sorted(by: { $0.key < $1.key }) {
      let ordered = list.sorted {
        if lengths[$0] != lengths[$1] { return lengths[$0] > lengths[$1] }
        if exact[$0] != exact[$1] { return exact[$0] }
        return $0 < $1
      }
      table[key] = UInt64(flat.count) << 32 | UInt64(ordered.count)
      flat.append(contentsOf: ordered.map { Int32($0) })
      for candidate in ordered {
        let pattern = patterns[candidate]
        third[key] |= pattern.count > 2 ? CueScanner.thirdBit(pattern[2]) : ~0
      }
    }
    pairTable = table
    thirdBytes = third
    candidates = flat
  }

  private static func pairKey(_ first: UInt8, _ second: UInt8) -> Int {
    Int(lower(first)) << 8 | Int(lower(second))
  }

  private static func thirdBit(_ byte: UInt8) -> UInt64 {
    1 << UInt64(lower(byte) & 63)
  }

  static let standard = CueScanner(cues: Cue.all)

  /// Whether `bytes` holds a cue whose entry in `wanted` (by the cue's index) is true; stops at
  /// the first. A flag per cue rather than a set of kinds, so a hit costs no hashing.
  func contains(cueIn wanted: [Bool], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var found = false
    scan(bytes) { hit in
      if wanted[hit.cue] {
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
      thirdBytes.withUnsafeBufferPointer { third in
        candidates.withUnsafeBufferPointer { candidates in
          patternBytes.withUnsafeBufferPointer { patterns in
            patternInfo.withUnsafeBufferPointer { info in
              scan(
                bytes, table: table, third: third, candidates: candidates, patterns: patterns,
                info: info, visit)
            }
          }
        }
      }
    }
  }

  private func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt64>,
    third: UnsafeBufferPointer<UInt64>, candidates: UnsafeBufferPointer<Int32>,
    patterns: UnsafeBufferPointer<UInt8>,
    info: UnsafeBufferPointer<UInt64>, _ visit: (Hit) -> Bool
  ) {
    let count = bytes.count
    var index = 0
    while index < count - 1 {
      let byte = bytes[index]
      // No cue starts inside a character (a UTF-8 continuation byte) or, when it starts with
      // a letter or digit, inside a word: those places cannot match and are passed over.
      if byte & 0xC0 == 0x80
        || index > 0 && CueScanner.isWordByte(byte) && CueScanner.isWordByte(bytes[index - 1])
      {
        index += 1
        continue
      }
      let key = CueScanner.pairKey(byte, bytes[index + 1])
      let entry = table[key]
      guard entry != 0,
        index + 2 >= count || third[key] & CueScanner.thirdBit(bytes[index + 2]) != 0
      else {
        index += 1
        continue
      }
      var matched = 0
      let start = Int(entry >> 32)
      for slot in start..<(start + Int(entry & 0xFFFF_FFFF)) {
        let candidate = Int(candidates[slot])
        guard
          CueScanner.matches(info[candidate], patterns: patterns, in: bytes, at: index)
        else { continue }
        matched = Int(info[candidate] >> 8 & 0xFF_FFFF)
        guard visit(Hit(cue: candidate, range: index..<(index + matched))) else { return }
        break
      }
      index += max(matched, 1)
    }
  }

  /// Whether the pattern `info` describes is at `index`.
  @inline(__always)
  private static func matches(
    _ info: UInt64, patterns: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>,
    at index: Int
  ) -> Bool {
    let start = Int(info >> 32)
    let length = Int(info >> 8 & 0xFF_FFFF)
    guard index + length <= bytes.count else { return false }
    let isCaseSensitive = info & caseSensitive != 0
    for offset in 0..<length {
      let byte = bytes[index + offset]
      if (isCaseSensitive ? byte : lower(byte)) != patterns[start + offset] { return false }
    }
    // ASCII words stand alone: "will" is not in "goodwill", "may" not in "mayor".
    guard info & wholeWord != 0 else { return true }
    let before = index > 0 ? bytes[index - 1] : 0x20
    let after = index + length < bytes.count ? bytes[index + length] : 0x20
    return !isWordByte(before) && !isWordByte(after)
  }

  static func lower(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
  }

  /// ASCII letters, digits and _, tested as bits of two masks: the scan asks this of nearly
  /// every byte.
  @inline(__always)
  private static func isWordByte(_ byte: UInt8) -> Bool {
    let digits: UInt64 = 0x03FF_0000_0000_0000  // 0x30…0x39
    let letters: UInt64 = 0x07FF_FFFE_87FF_FFFE  // 0x41…0x5A, 0x5F, 0x61…0x7A
    return byte < 0x80 && (byte < 0x40 ? digits : letters) >> UInt64(byte & 63) & 1 != 0
  }
}
