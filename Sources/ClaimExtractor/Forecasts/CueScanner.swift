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
  /// Per cue: its first eight bytes (fewer for a shorter cue) as a little-endian word, and the
  /// mask of the bytes it has, so a candidate is turned away by one comparison.
  private let prefixes: [UInt64]
  private let prefixMasks: [UInt64]
  private static let caseSensitive: UInt64 = 1
  /// Starts with an ASCII letter or digit, so it must not be preceded or followed by one.
  private static let wholeWord: UInt64 = 2
  /// Patterns by their first two bytes as the text has them, longest first: entry
  /// `(b0 << 8) | b1` holds `start << 32 | count` into `candidates`, 0 when none starts so.
  /// Two bytes rather than one, because nearly every byte of Chinese text could start a
  /// pattern but few pairs do; one flat table, so the scan makes no retain or release.
  private let pairTable: [UInt64]
  /// Per byte pair, the third bytes (their low six bits, lower-cased) that continue a pattern
  /// starting so; all bits for a pair that is a whole pattern. In Chinese a pair is the start
  /// of 64 characters and the third byte tells which, so most pairs stop here.
  private let thirdBytes: [UInt64]
  private let candidates: [Int32]
  /// Per slot of `candidates`: the pattern's third byte lower-cased, or 0 when it has two; a
  /// candidate whose third byte differs is passed over before it is compared.
  private let candidateThirds: [UInt8]
  /// Where any cue may start, so the scan passes most bytes with one look at a small table.
  private let starts: StartFilter

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
    prefixes = patterns.map { pattern in
      pattern.prefix(8).enumerated().reduce(0) {
        $0 | UInt64($1.element) << (8 * UInt64($1.offset))
      }
    }
    prefixMasks = patterns.map { $0.count >= 8 ? ~0 : (1 << (8 * UInt64($0.count))) - 1 }
    // A pattern is filed under each way its first two bytes can be written: both cases of an
    // ASCII letter unless the cue is case-sensitive. The scan then looks pairs up as they are.
    var byPair: [Int: [Int]] = [:]
    for (index, pattern) in patterns.enumerated() where pattern.count >= 2 {
      let caseSensitive = cues[index].isCaseSensitive
      for first in CueScanner.spellings(of: pattern[0], caseSensitive: caseSensitive) {
        for second in CueScanner.spellings(of: pattern[1], caseSensitive: caseSensitive) {
          byPair[Int(first) << 8 | Int(second), default: []].append(index)
        }
      }
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
    candidateThirds = flat.map { candidate in
      let pattern = patterns[Int(candidate)]
      return pattern.count > 2 ? CueScanner.lower(pattern[2]) : 0
    }
    starts = StartFilter(cues: cues)
  }

  /// The bytes a pattern byte matches: a lower-case letter also as a capital, unless the cue is
  /// case-sensitive.
  static func spellings(of byte: UInt8, caseSensitive: Bool) -> [UInt8] {
    guard !caseSensitive, byte >= 0x61, byte <= 0x7A else { return [byte] }
    return [byte, byte - 32]
  }

  private static func thirdBit(_ byte: UInt8) -> UInt64 {
    1 << UInt64(lower(byte) & 63)
  }

  static let standard = CueScanner(cues: Cue.all)

  /// Replaces `hits` with every cue in `bytes`, in order; whether one of them has a true entry
  /// in `wanted`. The caller's array keeps its storage from one text to the next.
  func collect(
    _ hits: inout [Hit], in bytes: UnsafeBufferPointer<UInt8>, noting wanted: [Bool]
  ) -> Bool {
    hits.removeAll(keepingCapacity: true)
    var found = false
    scan(bytes) { hit in
      hits.append(hit)
      found = found || wanted[hit.cue]
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
    guard bytes.count >= 2 else { return }
    withTables { tables in scan(bytes, tables, visit) }
  }

  /// Calls `body` with the tables as buffers.
  private func withTables<Result>(_ body: (Tables) -> Result) -> Result {
    pairTable.withUnsafeBufferPointer { table in
      thirdBytes.withUnsafeBufferPointer { third in
        candidates.withUnsafeBufferPointer { candidates in
          patternBytes.withUnsafeBufferPointer { patterns in
            patternInfo.withUnsafeBufferPointer { info in
              prefixes.withUnsafeBufferPointer { prefixes in
                prefixMasks.withUnsafeBufferPointer { masks in
                  candidateThirds.withUnsafeBufferPointer { thirds in
                    starts.words.withUnsafeBufferPointer { starts in
                      let tables = Tables(
                        pairs: table, third: third, candidates: candidates, thirds: thirds,
                        patterns: patterns, info: info, prefixes: prefixes, masks: masks,
                        starts: StartFilter.Bits(words: starts))
                      return body(tables)
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The scanner's tables as buffers, so the scan makes no retain or release.
  private struct Tables {
    let pairs: UnsafeBufferPointer<UInt64>
    let third: UnsafeBufferPointer<UInt64>
    let candidates: UnsafeBufferPointer<Int32>
    let thirds: UnsafeBufferPointer<UInt8>
    let patterns: UnsafeBufferPointer<UInt8>
    let info: UnsafeBufferPointer<UInt64>
    let prefixes: UnsafeBufferPointer<UInt64>
    let masks: UnsafeBufferPointer<UInt64>
    let starts: StartFilter.Bits
  }

  private func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ tables: Tables, _ visit: (Hit) -> Bool) {
    let count = bytes.count
    var index = 0
    while index < count - 1 {
      // Where the filter is clear no cue starts, so the steps below would find nothing there.
      index = tables.starts.next(in: bytes, from: index)
      guard index < count - 1 else { return }
      let byte = bytes[index]
      // No cue starts inside a character (a UTF-8 continuation byte) or, when it starts with
      // a letter or digit, inside a word: those places cannot match and are passed over.
      let isWord = CueScanner.isWordByte(byte)
      if byte & 0xC0 == 0x80 || isWord && index > 0 && CueScanner.isWordByte(bytes[index - 1]) {
        index += 1
        continue
      }
      let key = Int(byte) << 8 | Int(bytes[index + 1])
      let entry = tables.pairs[key]
      var matched = 0
      if entry != 0,
        index + 2 >= count || tables.third[key] & CueScanner.thirdBit(bytes[index + 2]) != 0
      {
        let start = Int(entry >> 32)
        let thirdByte = index + 2 < count ? CueScanner.lower(bytes[index + 2]) : 0
        for slot in start..<(start + Int(entry & 0xFFFF_FFFF)) {
          let expected = tables.thirds[slot]
          if expected != 0, expected != thirdByte { continue }
          let candidate = Int(tables.candidates[slot])
          guard CueScanner.matches(candidate, tables, in: bytes, at: index) else { continue }
          matched = Int(tables.info[candidate] >> 8 & 0xFF_FFFF)
          guard visit(Hit(cue: candidate, range: index..<(index + matched))) else { return }
          break
        }
      }
      if matched > 0 {
        index += matched
        continue
      }
      // No cue here: the rest of the character, or of the word, cannot start one either.
      if byte >= 0xC0 {
        index += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
      } else {
        index += 1
        if isWord { index = CueScanner.wordEnd(in: bytes, from: index, before: count - 1) }
      }
    }
  }

  /// Whether cue `candidate` is at `index`: its first eight bytes in one comparison where the
  /// text has eight bytes left, then the rest byte by byte.
  @inline(__always)
  private static func matches(
    _ candidate: Int, _ tables: Tables, in bytes: UnsafeBufferPointer<UInt8>, at index: Int
  ) -> Bool {
    let info = tables.info[candidate]
    let start = Int(info >> 32)
    let length = Int(info >> 8 & 0xFF_FFFF)
    guard index + length <= bytes.count else { return false }
    let isCaseSensitive = info & caseSensitive != 0
    var offset = 0
    if index + 8 <= bytes.count, let base = bytes.baseAddress {
      var word = UInt64(
        littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
      if !isCaseSensitive { word = lowered(word) }
      guard word & tables.masks[candidate] == tables.prefixes[candidate] else { return false }
      offset = min(length, 8)
    }
    while offset < length {
      let byte = bytes[index + offset]
      if (isCaseSensitive ? byte : lower(byte)) != tables.patterns[start + offset] { return false }
      offset += 1
    }
    // ASCII words stand alone: "will" is not in "goodwill", "may" not in "mayor".
    guard info & wholeWord != 0 else { return true }
    let before = index > 0 ? bytes[index - 1] : 0x20
    let after = index + length < bytes.count ? bytes[index + length] : 0x20
    return !isWordByte(before) && !isWordByte(after)
  }

  /// The first byte at or after `start` (and before `limit`) that is not an ASCII letter, digit
  /// or `_`, eight bytes at a time.
  @inline(__always)
  private static func wordEnd(
    in bytes: UnsafeBufferPointer<UInt8>, from start: Int, before limit: Int
  )
    -> Int
  {
    var index = start
    if let base = bytes.baseAddress {
      while index + 8 <= limit {
        let others = nonWordBytes(
          UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)))
        guard others == 0 else { return index + others.trailingZeroBitCount / 8 }
        index += 8
      }
    }
    while index < limit, isWordByte(bytes[index]) { index += 1 }
    return index
  }

  /// The high bit set in each byte of `word` that is not an ASCII letter, digit or `_`.
  @inline(__always)
  static func nonWordBytes(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high = ones * 0x80
    let low = word & (ones * 0x7F)
    let folded = low | ones * 0x20
    // The high bit of each byte: at least the range's start, and above its end.
    let isLetter = (folded &+ ones * (0x80 - 0x61)) & ~(folded &+ ones * (0x80 - 0x7B))
    let isDigit = (low &+ ones * (0x80 - 0x30)) & ~(low &+ ones * (0x80 - 0x3A))
    let isUnderscore = ~((low ^ ones * 0x5F) &+ ones * 0x7F)
    return ~((isLetter | isDigit | isUnderscore) & ~word) & high
  }

  /// Eight bytes with their ASCII capitals lower-cased at once; other bytes are kept.
  @inline(__always)
  static func lowered(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let low = word & (ones * 0x7F)
    // The high bit of each byte: at least "A", above "Z", and ASCII.
    let atLeastA = low &+ ones * (0x80 - 0x41)
    let aboveZ = low &+ ones * (0x80 - 0x5B)
    let isCapital = atLeastA & ~aboveZ & ~word & (ones * 0x80)
    return word | isCapital >> 2
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
