/// Reads the two written forms of an amount off the UTF-8 bytes of a clause, as
/// `Amount.first(in:from:)` describes them: a byte scan instead of two `Regex` patterns, whose
/// search cost most of a claim's phrasing.
struct AmountReader {
  let bytes: UnsafeBufferPointer<UInt8>

  /// The first Chinese reading at or after `offset`, nil when the first number found is none.
  func chinese(from offset: Int) -> Amount? {
    var start = offset
    while start < bytes.count {
      let (value, length) = scalar(at: start)
      if AmountReader.isDigit(value) || AmountReader.isChineseNumeral(value) {
        return chinese(at: start)
      }
      start += length
    }
    return nil
  }

  /// The first English reading at or after `offset`.
  func english(from offset: Int) -> Amount? {
    var start = offset
    while start < bytes.count {
      if let amount = english(at: start) { return amount }
      start += scalar(at: start).length
    }
    return nil
  }

  // MARK: Chinese

  private static let chineseCurrencies: [(word: [UInt8], unit: Amount.Unit)] = [
    (Array("美元".utf8), .dollars), (Array("美金".utf8), .dollars), (Array("人民币".utf8), .yuan),
    (Array("人民幣".utf8), .yuan), (Array("元".utf8), .yuan),
  ]

  /// Digits with a fraction, spaces and 万/亿, or a run of numerals; then spaces and a currency.
  private func chinese(at start: Int) -> Amount? {
    var index = start
    if AmountReader.isDigit(scalar(at: start).value) {
      index = asciiDigits(from: index)
      if isByte(UInt8(ascii: "."), at: index), isASCIIDigit(at: index + 1) {
        index = asciiDigits(from: index + 1)
      }
      index = whitespace(from: index)
      index = scalars(from: index, while: AmountReader.isLargeUnit)
    } else {
      index = scalars(from: index, while: AmountReader.isChineseNumeral)
    }
    let numberEnd = index
    index = whitespace(from: index)
    var unit = Amount.Unit.count
    if let currency = AmountReader.chineseCurrencies.first(where: { has($0.word, at: index) }) {
      unit = currency.unit
      index += currency.word.count
    }
    let number = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[start..<numberEnd]), as: UTF8.self)
    guard let value = ChineseNumber.value(of: number.filter { $0 != " " }) else { return nil }
    return Amount(value: value, unit: unit, utf8Range: start..<index)
  }

  // MARK: English

  private static let dollarSign = Array("$".utf8)
  private static let usDollarSign = Array("US$".utf8)
  private static let yenSign = Array("¥".utf8)
  private static let scales: [(word: [UInt8], scale: Double)] = [
    (Array("trillion".utf8), 1e12), (Array("billion".utf8), 1e9), (Array("million".utf8), 1e6),
    (Array("thousand".utf8), 1e3), (Array("tn".utf8), 1e12), (Array("bn".utf8), 1e9),
  ]
  private static let dollars = Array("dollars".utf8)
  private static let yuan = Array("yuan".utf8)

  /// `$`, `US$` or `¥`, one space, digits, spaces, a scale and "dollars" or "yuan", at `start`.
  private func english(at start: Int) -> Amount? {
    var sign: Amount.Unit?
    var index = start
    if has(AmountReader.dollarSign, at: index) {
      (sign, index) = (.dollars, index + 1)
    } else if has(AmountReader.usDollarSign, at: index) {
      (sign, index) = (.dollars, index + 3)
    } else if has(AmountReader.yenSign, at: index) {
      (sign, index) = (.yuan, index + 2)
    }
    let afterSpace = whitespace(from: index, atMost: 1)
    if afterSpace > index, isASCIIDigit(at: afterSpace) {
      index = afterSpace
    } else if !isASCIIDigit(at: index) {
      return nil
    }
    let numberStart = index
    while index < bytes.count,
      AmountReader.isDigit(UInt32(bytes[index]))
        || bytes[index] == UInt8(ascii: ",")
    {
      index += 1
    }
    if isByte(UInt8(ascii: "."), at: index), isASCIIDigit(at: index + 1) {
      index = asciiDigits(from: index + 1)
    }
    let digits = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[numberStart..<index]), as: UTF8.self)
    guard let number = Double(digits.filter { $0 != "," }) else { return nil }
    index = whitespace(from: index)
    var scale = 1.0
    if let word = AmountReader.scales.first(where: { has($0.word, at: index) }) {
      scale = word.scale
      index += word.word.count
    } else if let letterScale = scaleLetter(at: index) {
      scale = letterScale
      index += 1
    }
    var spoken: Amount.Unit?
    let afterSpaces = whitespace(from: index)
    if afterSpaces > index {
      if has(AmountReader.dollars, at: afterSpaces) {
        (spoken, index) = (.dollars, afterSpaces + AmountReader.dollars.count)
      } else if has(AmountReader.yuan, at: afterSpaces) {
        (spoken, index) = (.yuan, afterSpaces + AmountReader.yuan.count)
      }
    }
    let unit: Amount.Unit =
      switch (sign, spoken) {
      case (.yuan?, _), (_, .yuan?): .yuan
      case (.some, _), (_, .dollars?): .dollars
      default: .count
      }
    return Amount(value: number * scale, unit: unit, utf8Range: start..<index)
  }

  /// T, B, M or K standing as a word of its own ("$5B", not "5Bn" or "5B's").
  private func scaleLetter(at index: Int) -> Double? {
    guard index < bytes.count else { return nil }
    let scale: Double
    switch bytes[index] {
    case UInt8(ascii: "T"): scale = 1e12
    case UInt8(ascii: "B"): scale = 1e9
    case UInt8(ascii: "M"): scale = 1e6
    case UInt8(ascii: "K"): scale = 1e3
    default: return nil
    }
    return endsWord(after: index + 1) ? scale : nil
  }

  /// Whether a word of letters ends before `index`, by the Unicode rules for word boundaries
  /// that a pattern's `\b` follows: not before a letter, a digit, `_`, or a mark that joins
  /// the letter; not before `'`, `.` or `:` with a letter after it ("B's").
  private func endsWord(after index: Int) -> Bool {
    guard index < bytes.count else { return true }
    let (next, length) = scalar(at: index)
    guard let scalar = Unicode.Scalar(next) else { return true }
    if AmountReader.isJoining(scalar) || AmountReader.isWordLetter(scalar)
      || scalar.properties.numericType == .decimal || AmountReader.isConnector(scalar)
    {
      return false
    }
    guard AmountReader.isMidWord(scalar), index + length < bytes.count,
      let after = Unicode.Scalar(self.scalar(at: index + length).value)
    else { return true }
    return !AmountReader.isWordLetter(after)
  }

  // MARK: Bytes and scalars

  /// The scalar at `index` and its length in bytes.
  private func scalar(at index: Int) -> (value: UInt32, length: Int) {
    ByteText.scalar(in: bytes, at: index)
  }

  private func scalars(from start: Int, while belongs: (UInt32) -> Bool) -> Int {
    var index = start
    while index < bytes.count {
      let (value, length) = scalar(at: index)
      guard belongs(value) else { break }
      index += length
    }
    return index
  }

  /// After the white space at `start`, at most `limit` characters of it; `\r\n` is one.
  private func whitespace(from start: Int, atMost limit: Int = .max) -> Int {
    var index = start
    var taken = 0
    while index < bytes.count, taken < limit {
      let (value, length) = scalar(at: index)
      guard AmountReader.isWhitespace(value) else { break }
      index += length
      if value == 13, isByte(10, at: index) { index += 1 }
      taken += 1
    }
    return index
  }

  private func asciiDigits(from start: Int) -> Int {
    var index = start
    while isASCIIDigit(at: index) { index += 1 }
    return index
  }

  private func isASCIIDigit(at index: Int) -> Bool {
    index < bytes.count && AmountReader.isDigit(UInt32(bytes[index]))
  }

  private func isByte(_ byte: UInt8, at index: Int) -> Bool {
    index < bytes.count && bytes[index] == byte
  }

  private func has(_ word: [UInt8], at index: Int) -> Bool {
    guard index + word.count <= bytes.count else { return false }
    for offset in 0..<word.count where bytes[index + offset] != word[offset] { return false }
    return true
  }

  private static func isDigit(_ value: UInt32) -> Bool {
    value >= 48 && value <= 57
  }

  /// 零〇一二两兩三四五六七八九十百千万萬亿億.
  private static func isChineseNumeral(_ value: UInt32) -> Bool {
    guard value >= 0x3007, let scalar = Unicode.Scalar(value) else { return false }
    return ChineseNumber.isNumeral(scalar)
  }

  /// 万萬亿億, which may follow Arabic digits.
  private static func isLargeUnit(_ value: UInt32) -> Bool {
    value == 0x4E07 || value == 0x842C || value == 0x4EBF || value == 0x5104
  }

  /// The characters `\s` matches: Unicode white space.
  private static func isWhitespace(_ value: UInt32) -> Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      true
    default: false
    }
  }

  /// A mark that joins the character before it (or a format control word breaking ignores).
  private static func isJoining(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .format: true
    default: scalar.value == 0x200D
    }
  }

  /// A letter that continues a Latin word: alphabetic, but not Chinese or Japanese script,
  /// which breaks from Latin letters, nor scripts written without spaces.
  private static func isWordLetter(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
    guard scalar.properties.isAlphabetic, !scalar.properties.isIdeographic else { return false }
    switch value {
    case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x3040...0x30FF, 0x31F0...0x31FF,
      0xFF66...0xFF9F:
      return false
    default: return true
    }
  }

  /// `_` and the other connectors that join words, and the narrow no-break space.
  private static func isConnector(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .connectorPunctuation || scalar.value == 0x202F
  }

  /// Marks that stay inside a word between two letters: `'`, `.`, `:`, `’`, `·` and kin.
  private static func isMidWord(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x27, 0x2E, 0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13,
      0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A:
      true
    default: false
    }
  }
}
