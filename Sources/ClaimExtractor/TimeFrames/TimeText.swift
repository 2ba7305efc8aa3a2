/// One sentence as scalars, folded for matching, that still knows where each scalar came from.
///
/// Full-width forms (２０２６, Ｑ３) fold to ASCII and ASCII letters to lower case, one scalar for
/// one scalar, so the offsets of a match cut its exact words out of the original text.
struct TimeText {
  /// The folded scalars; offsets into this array are what the grammar works with.
  let scalars: [Unicode.Scalar]
  private let original: String.UnicodeScalarView
  private let offsets: [String.Index]

  init(_ text: String) {
    let view = text.unicodeScalars
    var scalars: [Unicode.Scalar] = []
    var offsets: [String.Index] = []
    scalars.reserveCapacity(text.utf8.count)
    offsets.reserveCapacity(text.utf8.count + 1)
    var index = view.startIndex
    while index < view.endIndex {
      offsets.append(index)
      scalars.append(TimeText.folded(view[index]))
      view.formIndex(after: &index)
    }
    offsets.append(view.endIndex)
    self.scalars = scalars
    self.offsets = offsets
    original = view
  }

  var count: Int { scalars.count }

  /// The scalar at `offset`, or nil outside the text, so look-behind and look-ahead need no checks.
  subscript(_ offset: Int) -> Unicode.Scalar? {
    offset >= 0 && offset < scalars.count ? scalars[offset] : nil
  }

  /// The original words between two offsets, as written (full width and capitals kept).
  func words(_ range: Range<Int>) -> String {
    String(original[offsets[range.lowerBound]..<offsets[range.upperBound]])
  }

  /// Whether the scalar at `offset` was an upper-case Latin letter before folding.
  func isCapital(at offset: Int) -> Bool {
    guard offset >= 0, offset < scalars.count else { return false }
    let value = original[offsets[offset]].value
    return (65...90).contains(value) || (0xFF21...0xFF3A).contains(value)
  }

  /// The end of `literal` when the text has it at `offset`; a space in `literal` matches a run of
  /// white space, and letters must be given in lower case.
  func match(_ literal: String, at offset: Int) -> Int? {
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

  private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    var value = scalar.value
    if value >= 0xFF01, value <= 0xFF5E { value -= 0xFEE0 }
    if value >= 65, value <= 90 { value += 32 }
    return Unicode.Scalar(value) ?? scalar
  }
}
