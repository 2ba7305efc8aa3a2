import ClaimLedger

extension TimeText {
  /// The years a time expression can name; wider than any forecast, narrow enough to keep out
  /// most amounts (250, 8000).
  static let plausibleYears = 1900...2199

  /// A year at `offset`, four Arabic digits (2026) or four Chinese digits (二零二六, 二〇二六),
  /// that is not part of a longer number; what follows it is the caller's to judge.
  func year(at offset: Int) -> (value: Int, end: Int)? {
    if let (value, count, end) = digits(at: offset) {
      guard count == 4, TimeText.plausibleYears.contains(value) else { return nil }
      return (value, end)
    }
    guard TimeText.hanDigit(self[offset]) != nil,
      !TimeText.isChineseNumeral(self[offset - 1])
    else { return nil }
    var value = 0
    var end = offset
    // A year has four; a fifth is enough to turn a longer run away, before it can overflow.
    while let digit = TimeText.hanDigit(self[end]), end - offset < 5 {
      value = value * 10 + digit
      end += 1
    }
    guard end - offset == 4, !TimeText.isChineseNumeral(self[end]),
      TimeText.plausibleYears.contains(value)
    else { return nil }
    return (value, end)
  }

  /// A count at `offset` as durations write it: Arabic digits (18), Chinese numerals (十八, 两,
  /// 三十六); nil for zero, for ordinals (第三) and for numbers too large to be a span of time.
  func count(at offset: Int) -> (value: Int, end: Int)? {
    guard self[offset - 1] != "第" else { return nil }
    if let (value, _, end) = digits(at: offset) {
      return (1...9999).contains(value) ? (value, end) : nil
    }
    guard let first = self[offset], TimeText.isChineseNumeral(first),
      !TimeText.isChineseNumeral(self[offset - 1])
    else { return nil }
    var end = offset
    while TimeText.isChineseNumeral(self[end]) { end += 1 }
    guard let value = ChineseNumber.value(of: scalars[offset..<end]),
      value >= 1, value < 10_000, value == value.rounded()
    else { return nil }
    return (Int(value), end)
  }

  /// A small number 1…31 at `offset`, Arabic or Chinese, as months and days are written.
  func smallNumber(at offset: Int) -> (value: Int, end: Int)? {
    if let (value, count, end) = digits(at: offset) {
      return count <= 2 && (1...31).contains(value) ? (value, end) : nil
    }
    guard let (value, end) = count(at: offset), value <= 31 else { return nil }
    return (value, end)
  }

  /// A count written as English words: "three", "eighteen", "twenty-four", "a", "a couple of".
  func englishCount(at offset: Int) -> (value: Int, end: Int)? {
    if let (value, _, end) = digits(at: offset) {
      return (1...9999).contains(value) ? (value, end) : nil
    }
    // Every count word below starts with one of these letters; most places start none.
    guard let first = self[offset], TimeText.countWordStarts.contains(first) else { return nil }
    if let end = firstWord(TimeText.couples, at: offset)?.end {
      return (2, end)
    }
    if let end = match(word: "a dozen", at: offset) { return (12, end) }
    if let end = firstWord(TimeText.articles, at: offset)?.end { return (1, end) }
    for (index, word) in TimeText.tens.enumerated() {
      guard
        let end = match(TimeText.hyphenatedTens[index], at: offset) ?? match(word: word, at: offset)
      else {
        continue
      }
      let tens = (index + 2) * 10
      guard self[end - 1] == "-" else { return (tens, end) }
      guard let (unit, unitEnd) = smallWord(at: end), unit < 10 else { return nil }
      return (tens + unit, unitEnd)
    }
    return smallWord(at: offset)
  }

  private func smallWord(at offset: Int) -> (value: Int, end: Int)? {
    for (index, word) in TimeText.units.enumerated() {
      if let end = match(word: word, at: offset) { return (index + 1, end) }
    }
    return nil
  }

  static let units = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
  ]

  static let tens = ["twenty", "thirty", "forty", "fifty", "sixty"]
  private static let hyphenatedTens = tens.map { $0 + "-" }
  private static let couples = ["a couple of", "couple of", "a couple"]
  private static let articles = ["a", "an"]
  private static let countWordStarts = ScalarSet(
    (units + tens + couples + articles + ["a dozen"]).compactMap(\.unicodeScalars.first))

  /// 〇, 零 and 一…九: the digits a year is spelled with one by one.
  static func hanDigit(_ scalar: Unicode.Scalar?) -> Int? {
    // 两 counts things; a year is never spelled with it.
    guard let scalar, scalar != "两", scalar != "兩" else { return nil }
    return ChineseNumeral.digit(of: scalar)
  }

  static func isChineseNumeral(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return false }
    return ChineseNumber.isNumeral(scalar)
  }
}
