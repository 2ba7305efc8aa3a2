import Foundation

/// Finds where one JSON value ends, accepting exactly what `JSONScanner.skipValue` accepts, in
/// one pass over its bytes and without a call per string.
///
/// An import checks and drops each exported claim's `history`, about half of every line.
/// Strings are scanned eight bytes at a time for quotes, backslashes and control characters,
/// and only words with a byte from 0x80 up go through `UTF8Automaton`, in the same pass. Every
/// structural byte is ASCII, so the automaton must be between characters at each quote and
/// backslash, which is the same verdict as decoding each string and validating the result.
struct JSONValuePass {
  /// The offset just past the value at `start` (after any spaces and tabs), or nil when
  /// `skipValue(depthLimit:)` would not pass it, so that it can say why. A `depthLimit` past
  /// 64 is not tracked here and also gives nil.
  static func end(
    ofValueIn bytes: UnsafeBufferPointer<UInt8>, from start: Int, depthLimit: Int
  ) -> Int? {
    guard let base = bytes.baseAddress, depthLimit <= 64 else { return nil }
    return UTF8Automaton.rows.withUnsafeBufferPointer { rows in
      guard let rows = rows.baseAddress else { return nil }
      let pass = JSONValuePass(base: base, count: bytes.count, rows: rows)
      return pass.end(ofValueFrom: start, depthLimit: depthLimit)
    }
  }

  /// The offset just past the closing quote of the string whose text starts at `start`, when
  /// it holds no escape, no control character and only UTF-8; else nil, for the scanner's
  /// general reader to decide. One pass where reading and then validating took two.
  static func end(ofPlainStringIn bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    return UTF8Automaton.rows.withUnsafeBufferPointer { rows in
      guard let rows = rows.baseAddress else { return nil }
      let pass = JSONValuePass(base: base, count: bytes.count, rows: rows)
      return pass.endOfString(from: start, allowingEscapes: false)
    }
  }

  private let base: UnsafePointer<UInt8>
  private let count: Int
  private let rows: UnsafePointer<UInt64>

  private static let quote = UInt8(ascii: "\"")
  private static let backslash = UInt8(ascii: "\\")

  /// Values nest in a loop rather than by recursion: `objects` has bit n set when the
  /// container n levels down is an object, so 64 levels fit in one word.
  private func end(ofValueFrom start: Int, depthLimit: Int) -> Int? {
    var index = start
    var depth = 0
    var objects: UInt64 = 0
    while true {
      // A value `depth` levels down; `skipValue` refuses one at its limit, even a scalar.
      guard depth < depthLimit, let byte = nextNonSpace(&index) else { return nil }
      switch byte {
      case Self.quote:
        guard let end = endOfString(from: index &+ 1) else { return nil }
        index = end
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        let isObject = byte == UInt8(ascii: "{")
        index &+= 1
        guard let next = nextNonSpace(&index) else { return nil }
        if next == byte &+ 2 {
          // `]` and `}` come two after their openers.
          index &+= 1
        } else {
          if isObject {
            objects |= 1 << UInt64(depth)
            guard let end = endOfKey(from: index) else { return nil }
            index = end
          } else {
            objects &= ~(1 << UInt64(depth))
          }
          depth &+= 1
          continue
        }
      case UInt8(ascii: "t"):
        guard let end = endOfLiteral("true", at: index) else { return nil }
        index = end
      case UInt8(ascii: "f"):
        guard let end = endOfLiteral("false", at: index) else { return nil }
        index = end
      case UInt8(ascii: "n"):
        guard let end = endOfLiteral("null", at: index) else { return nil }
        index = end
      default:
        // Numbers are short and rare here; the scanner's own reader keeps their grammar and
        // range check in one place.
        var scanner = JSONScanner(UnsafeBufferPointer(start: base + index, count: count &- index))
        guard (try? scanner.readNumber()) != nil else { return nil }
        index &+= scanner.position
      }
      // After a value: close containers until a comma leads to the next value.
      while true {
        guard depth > 0 else { return index }
        guard let byte = nextNonSpace(&index) else { return nil }
        let isObject = (objects >> UInt64(depth &- 1)) & 1 == 1
        if byte == UInt8(ascii: ",") {
          index &+= 1
          if isObject {
            guard let end = endOfKey(from: index) else { return nil }
            index = end
          }
          break
        }
        guard byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return nil }
        index &+= 1
        depth &-= 1
      }
    }
  }

  /// The first byte from `index` that is not a space or a tab, with `index` moved to it; nil
  /// at the end. A carriage return is returned like any byte, and nothing accepts it.
  @inline(__always)
  private func nextNonSpace(_ index: inout Int) -> UInt8? {
    while index < count {
      let byte = base[index]
      guard byte == 0x20 || byte == 0x09 else { return byte }
      index &+= 1
    }
    return nil
  }

  /// The offset after a key's string and its colon, from `index` (spaces may come first).
  private func endOfKey(from index: Int) -> Int? {
    var index = index
    guard nextNonSpace(&index) == Self.quote, var end = endOfString(from: index &+ 1),
      nextNonSpace(&end) == UInt8(ascii: ":")
    else { return nil }
    return end &+ 1
  }

  /// The offset after `literal` at `index`, when no letter follows it.
  private func endOfLiteral(_ literal: StaticString, at index: Int) -> Int? {
    let length = literal.utf8CodeUnitCount
    guard index &+ length <= count, memcmp(base + index, literal.utf8Start, length) == 0
    else { return nil }
    let end = index &+ length
    if end < count, JSONScanner.isLetter(base[end]) { return nil }
    return end
  }

  /// The offset after the closing quote of the string whose text starts at `start`, or nil
  /// when the string is unterminated, holds a control character or a bad escape, or is not
  /// UTF-8. Inlined: most of a history's strings are a few bytes, where a call costs as much
  /// as the scan.
  @inline(__always)
  private func endOfString(from start: Int, allowingEscapes: Bool = true) -> Int? {
    var index = start
    var state = UTF8Automaton.accept
    while true {
      while index &+ 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        let ends = WordScan.jsonStringEnds(word)
        if ends == 0 {
          if word & WordScan.high != 0 || state & 63 != UTF8Automaton.accept {
            state = step(state, through: index, bytes: 8)
          }
          index &+= 8
          continue
        }
        // The lowest flag is exact: the bytes below it are plain text.
        let plain = ends.trailingZeroBitCount >> 3
        let below = word & ~(UInt64.max << UInt64(plain << 3))
        if below & WordScan.high != 0 || state & 63 != UTF8Automaton.accept {
          state = step(state, through: index, bytes: plain)
        }
        index &+= plain
        break
      }
      guard index < count else { return nil }
      let byte = base[index]
      if byte == Self.quote || byte == Self.backslash {
        // Both are ASCII: a character cut short before them is invalid UTF-8.
        guard state & 63 == UTF8Automaton.accept else { return nil }
        if byte == Self.quote { return index &+ 1 }
        guard allowingEscapes, let end = endOfEscape(at: index) else { return nil }
        index = end
      } else {
        guard byte >= 0x20 else { return nil }
        state = rows[Int(byte)] &>> state
        index &+= 1
      }
    }
  }

  /// `state` after the `bytes` bytes from `index`, each read from memory: three instructions
  /// a byte, where taking them out of a word in a register needs a fourth.
  @inline(__always)
  private func step(_ state: UInt64, through index: Int, bytes: Int) -> UInt64 {
    var state = state
    for offset in 0..<bytes {
      state = rows[Int(base[index &+ offset])] &>> state
    }
    return state
  }

  /// The offset after the escape whose backslash is at `index`, or nil where
  /// `readEscapedString` refuses it: an unknown escape, a bad or lone `\u` surrogate, `\u0000`.
  private func endOfEscape(at index: Int) -> Int? {
    guard index &+ 1 < count else { return nil }
    switch base[index &+ 1] {
    case Self.quote, Self.backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
      UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      return index &+ 2
    case UInt8(ascii: "u"):
      guard let high = hex4(at: index &+ 2) else { return nil }
      switch high {
      case 0, 0xDC00...0xDFFF: return nil
      case 0xD800...0xDBFF:
        guard index &+ 7 < count, base[index &+ 6] == Self.backslash,
          base[index &+ 7] == UInt8(ascii: "u"), let low = hex4(at: index &+ 8),
          (0xDC00...0xDFFF).contains(low)
        else { return nil }
        return index &+ 12
      default: return index &+ 6
      }
    default: return nil
    }
  }

  /// The value of four hex digits of either case at `index`.
  private func hex4(at index: Int) -> UInt32? {
    guard index &+ 4 <= count else { return nil }
    var value: UInt32 = 0
    for offset in 0..<4 {
      let byte = base[index &+ offset]
      let digit: UInt8
      switch byte {
      case 48...57: digit = byte &- 48
      case 65...70: digit = byte &- 55
      case 97...102: digit = byte &- 87
      default: return nil
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }
}
