/// One sentence as scalars, folded for matching, that still knows where each scalar came from.
///
/// Full-width forms (２０２６, Ｑ３) fold to ASCII and ASCII letters to lower case, one scalar for
/// one scalar, so the offsets of a match cut its exact words out of the original text.
struct TimeText {
  /// The folded scalars; offsets into this array are what the grammar works with.
  let scalars: [Unicode.Scalar]
  private let original: String
  /// The UTF-8 offset in `original` where each scalar starts, and one past the end.
  private let offsets: [Int]

  /// Decodes the UTF-8 of `text` directly: a `String` guarantees it valid, and every candidate
  /// sentence is read this way.
  init(_ text: String) {
    var original = text
    let (scalars, offsets) = original.withUTF8 { bytes in
      // Written in place, as trivial values: a sentence has at most as many scalars as bytes.
      var scalars: [Unicode.Scalar] = []
      let offsets = [Int](unsafeUninitializedCapacity: bytes.count + 1) { offsets, offsetCount in
        scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, count in
          var index = 0
          while index < bytes.count {
            offsets[count] = index
            let (value, length) = ByteText.scalar(in: bytes, at: index)
            scalars[count] = TimeText.folded(value)
            count += 1
            index += length
          }
          offsets[count] = bytes.count
          offsetCount = count + 1
        }
      }
      return (scalars, offsets)
    }
    self.scalars = scalars
    self.offsets = offsets
    self.original = original
  }

  var count: Int { scalars.count }

  /// The scalar at `offset`, or nil outside the text, so look-behind and look-ahead need no checks.
  subscript(_ offset: Int) -> Unicode.Scalar? {
    offset >= 0 && offset < scalars.count ? scalars[offset] : nil
  }

  /// Where the Chinese unit `unit` (年, 月, 日) stands after a number that ends at `offset`:
  /// right there, or after one space when the number is in digits, as text set from a PDF or
  /// by some editors spaces digits from Chinese ("2026 年 3 月 5 日").
  func unit(_ unit: Unicode.Scalar, at offset: Int) -> Int? {
    if self[offset] == unit { return offset }
    guard self[offset] == " ", self[offset + 1] == unit, TimeText.isDigit(self[offset - 1])
    else { return nil }
    return offset + 1
  }

  /// The original words between two offsets, as written (full width and capitals kept).
  func words(_ range: Range<Int>) -> String {
    let utf8 = original.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: offsets[range.lowerBound])
    let end = utf8.index(utf8.startIndex, offsetBy: offsets[range.upperBound])
    return String(decoding: utf8[start..<end], as: UTF8.self)
  }

  /// Whether the scalar at `offset` was an upper-case Latin letter before folding.
  func isCapital(at offset: Int) -> Bool {
    guard offset >= 0, offset < scalars.count else { return false }
    let utf8 = original.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: offsets[offset])
    let lead = utf8[start]
    if lead >= 0x41, lead <= 0x5A { return true }
    // Ａ…Ｚ are U+FF21…U+FF3A: EF BC A1…BA.
    guard lead == 0xEF, offsets[offset + 1] - offsets[offset] == 3 else { return false }
    let second = utf8[utf8.index(after: start)]
    let third = utf8[utf8.index(start, offsetBy: 2)]
    return second == 0xBC && third >= 0xA1 && third <= 0xBA
  }

  /// The end of `literal` when the text has it at `offset`; a space in `literal` matches a run of
  /// white space, and letters must be given in lower case.
  func match(_ literal: String, at offset: Int) -> Int? {
    // Most tries fail on the first scalar: its first UTF-8 byte turns them away without
    // decoding the literal.
    guard
      let head = literal.utf8.withContiguousStorageIfAvailable({ $0.first }) ?? literal.utf8.first
    else { return offset }
    if head != 0x20 {
      guard let scalar = self[offset], TimeText.leadByte(scalar) == head else { return nil }
    }
    var position = offset
    for scalar in literal.unicodeScalars {
      if scalar == " " {
        guard TimeText.isSpace(self[position]) else { return nil }
        position = skipSpaces(from: position)
      } else {
        guard self[position] == scalar else { return nil }
        position += 1
      }
    }
    return position
  }

  /// Like `match(_:at:)`, but the match must end a word: "year" does not match in "years".
  func match(word literal: String, at offset: Int) -> Int? {
    guard let end = match(literal, at: offset), !TimeText.isWordScalar(self[end]) else {
      return nil
    }
    return end
  }

  /// The first of `literals` found at `offset`; list longer literals before their prefixes.
  func firstMatch(_ literals: [String], at offset: Int) -> (literal: String, end: Int)? {
    for literal in literals {
      if let end = match(literal, at: offset) { return (literal, end) }
    }
    return nil
  }

  /// The first of `literals` found at `offset` as whole words.
  func firstWord(_ literals: [String], at offset: Int) -> (literal: String, end: Int)? {
    for literal in literals {
      if let end = match(word: literal, at: offset) { return (literal, end) }
    }
    return nil
  }

  /// The offset after any white space starting at `offset`.
  func skipSpaces(from offset: Int) -> Int {
    var position = offset
    while TimeText.isSpace(self[position]) { position += 1 }
    return position
  }

  /// The offset after a word and the white space that follows it, or nil when no space follows.
  func afterSpace(_ offset: Int) -> Int? {
    TimeText.isSpace(self[offset]) ? skipSpaces(from: offset) : nil
  }

  /// The Latin word that ends, spaces apart, right before `offset` ("the" in "the H2"); nil
  /// when no space or no letter stands there.
  func word(before offset: Int) -> String? {
    wordWithStart(before: offset)?.word
  }

  /// The word that ends, spaces aside, right before `offset`, and where it starts.
  func wordWithStart(before offset: Int) -> (word: String, start: Int)? {
    var end = offset
    while TimeText.isSpace(self[end - 1]) { end -= 1 }
    guard end < offset else { return nil }
    var start = end
    while TimeText.isLetter(self[start - 1]) { start -= 1 }
    guard start < end else { return nil }
    return (String(String.UnicodeScalarView(scalars[start..<end])), start)
  }

  /// Whether a Latin word or number can start at `offset` (nothing alphanumeric just before it).
  func isWordStart(_ offset: Int) -> Bool {
    !TimeText.isWordScalar(self[offset - 1])
  }

  /// A whole run of up to nine ASCII digits; what comes before it is the caller's to judge
  /// (`isInsideNumber(_:)` where the run starts an expression).
  func digits(at offset: Int) -> (value: Int, count: Int, end: Int)? {
    guard TimeText.isDigit(self[offset]), !TimeText.isDigit(self[offset - 1]) else { return nil }
    var value = 0
    var end = offset
    while let scalar = self[end], TimeText.isDigit(scalar), end - offset < 9 {
      value = value * 10 + Int(scalar.value - 48)
      end += 1
    }
    guard !TimeText.isDigit(self[end]) else { return nil }
    // 2026.5 and 2,026 are numbers, not what a time word counts.
    if self[end] == "." || self[end] == ",", TimeText.isDigit(self[end + 1]) { return nil }
    return (value, end - offset, end)
  }

  /// Whether the scalar before `offset` makes a number start there part of something longer:
  /// a decimal (1.4), a grouped number (2,026), a model or id (Qwen3-8B), or a currency ($2026).
  func isInsideNumber(_ offset: Int) -> Bool {
    guard let before = self[offset - 1] else { return false }
    if TimeText.isWordScalar(before) || "._$¥€£#@".unicodeScalars.contains(before) { return true }
    if before == "," || before == "-" || before == "/" || before == ":" {
      return TimeText.isWordScalar(self[offset - 2])
    }
    return false
  }

  static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return scalar.value >= 48 && scalar.value <= 57
  }

  static func isLetter(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return scalar.value >= 97 && scalar.value <= 122
  }

  /// An ASCII letter or digit: what Latin words and numbers are made of after folding.
  static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
    isDigit(scalar) || isLetter(scalar)
  }

  static func isSpace(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return scalar == " " || scalar == "\t" || scalar == "\u{A0}" || scalar == "\u{3000}"
  }

  /// The first UTF-8 byte of `scalar`.
  @inline(__always)
  static func leadByte(_ scalar: Unicode.Scalar) -> UInt8 {
    let value = scalar.value
    if value < 0x80 { return UInt8(value) }
    if value < 0x800 { return UInt8(0xC0 | value >> 6) }
    if value < 0x10000 { return UInt8(0xE0 | value >> 12) }
    return UInt8(0xF0 | value >> 18)
  }

  private static func folded(_ decoded: UInt32) -> Unicode.Scalar {
    var value = decoded
    if value >= 0xFF01, value <= 0xFF5E { value -= 0xFEE0 }
    if value >= 65, value <= 90 { value += 32 }
    return Unicode.Scalar(value) ?? "\u{FFFD}"
  }
}
