/// The well-formed UTF-8 of Unicode Table 3-7 as a shift-based automaton: each state is a bit
/// offset, and `rows[byte]` holds the next state of every state, six bits each, at that
/// state's offset. One step is `state = rows[byte] &>> state`; only the low six bits of
/// `state` count, and the shift masks the rest away.
///
/// The error state is offset 0, and every row keeps 0 there, so an error stays an error.
enum UTF8Automaton {
  static let error: UInt64 = 0
  /// Between characters: the only state a valid text ends in.
  static let accept: UInt64 = 6
  /// Continuation bytes still expected: one, two or three of 80…BF.
  private static let tail1: UInt64 = 12
  private static let tail2: UInt64 = 18
  private static let tail3: UInt64 = 24
  /// After E0 (A0…BF next, not overlong), ED (80…9F, not a surrogate), F0 (90…BF, not
  /// overlong) and F4 (80…8F, not past U+10FFFF).
  private static let afterE0: UInt64 = 30
  private static let afterED: UInt64 = 36
  private static let afterF0: UInt64 = 42
  private static let afterF4: UInt64 = 48

  /// Next states by byte, packed per state.
  static let rows: [UInt64] = (0...255).map { value in
    let byte = UInt8(value)
    var row: UInt64 = 0
    for state in [accept, tail1, tail2, tail3, afterE0, afterED, afterF0, afterF4] {
      row |= next(from: state, on: byte) << state
    }
    return row
  }

  /// The transition function itself, written as the table's ranges.
  private static func next(from state: UInt64, on byte: UInt8) -> UInt64 {
    let isContinuation = (0x80...0xBF).contains(byte)
    switch state {
    case accept:
      switch byte {
      case 0x00...0x7F: return accept
      case 0xC2...0xDF: return tail1
      case 0xE0: return afterE0
      case 0xE1...0xEC, 0xEE...0xEF: return tail2
      case 0xED: return afterED
      case 0xF0: return afterF0
      case 0xF1...0xF3: return tail3
      case 0xF4: return afterF4
      default: return error
      }
    case tail1: return isContinuation ? accept : error
    case tail2: return isContinuation ? tail1 : error
    case tail3: return isContinuation ? tail2 : error
    case afterE0: return (0xA0...0xBF).contains(byte) ? tail1 : error
    case afterED: return (0x80...0x9F).contains(byte) ? tail1 : error
    case afterF0: return (0x90...0xBF).contains(byte) ? tail2 : error
    case afterF4: return (0x80...0x8F).contains(byte) ? tail2 : error
    default: return error
    }
  }
}
