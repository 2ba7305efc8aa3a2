import Foundation

/// A probability the words state as a number ("a 60% chance", "70% probability", "七成把握",
/// "可能性为70%", "三成机会", "百分之七十的可能"), which says how sure the speaker is better than
/// any hedge word beside it.
///
/// A number counts only next to a word of chance: "revenue grows 70%" and "七成用户" state no
/// probability. Read with regular expressions, run only on forecasts whose bytes hold a word of
/// chance and a number mark (%, 成, 百分之, "1 in 5"): few of them.
enum StatedProbability {
  /// The words of chance a stated number makes a hedge of; alone they are too vague to make a
  /// forecast ("the odds of a recession").
  static let nouns: Set<String> = [
    "chance", "chances", "probability", "likelihood", "odds", "把握", "概率", "几率", "幾率", "机率",
    "機率", "胜算", "勝算", "可能性为", "可能性為", "可能性是", "可能性约", "可能性約",
    "可能性达", "可能性達", "可能性高达", "可能性高達", "成机会", "成機會", "成可能",
    // "可能性趋近于60%", "可能性超过六成": how near the chance comes.
    "可能性趋近", "可能性趨近", "可能性接近", "可能性超过", "可能性超過", "可能性逾",
  ]

  /// The first probability `text` states, from 0 to 1.
  static func value(in text: String) -> Double? {
    var text = text
    return text.withUTF8 { value(in: $0) }
  }

  /// The same for a span's UTF-8 as the detector holds it: no `String` is made unless the
  /// bytes hold the marks every pattern needs, since regular expressions run on every forecast
  /// cost a third of an article's scan.
  static func value(in raw: UnsafeBufferPointer<UInt8>) -> Double? {
    func has(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      ByteText.firstIndex(of: needle, in: bytes, from: 0) != nil
    }
    // The marks are rare and need no case folding; most forecasts stop here.
    let hasNumberMark = markers.contains { has($0, in: raw) }
    guard hasNumberMark || inWords.contains(where: { has($0, in: raw) }) else { return nil }
    let folded = raw.map { (65...90).contains($0) ? $0 | 0x20 : $0 }
    let hasChance = folded.withUnsafeBufferPointer { bytes in
      (hasNumberMark || oddsWords.contains { has($0, in: bytes) })
        && chanceWords.contains { has($0, in: bytes) }
    }
    guard hasChance else { return nil }
    let text = String(decoding: raw, as: UTF8.self)
    let range = NSRange(text.startIndex..., in: text)
    var best: (location: Int, value: Double)?
    for pattern in patterns {
      guard let match = pattern.expression.firstMatch(in: text, range: range),
        let value = pattern.read(match, text), (0...1).contains(value)
      else { continue }
      if best.map({ match.range.location < $0.location }) ?? true {
        best = (match.range.location, value)
      }
    }
    return best?.value
  }

  /// What some pattern needs: a percent sign, 成 or 百分之, or the "in" of "odds of 1 in 5"
  /// beside odds or chance; looked for in lower case.
  private static let markers = ByteText.encoded([
    "%", "％", "percent", "Percent", "PERCENT", "per cent", "Per Cent", "成", "百分之",
  ])
  private static let inWords = ByteText.encoded([
    " in ", " In ", " IN ", "-in-", "-In-", "thirds", "Thirds", "-third", "-quarter", "50-50",
    "50/50", "fifty-fifty", "Fifty-fifty",
  ])
  private static let oddsWords = ByteText.encoded([
    "odds", "chance", "probabilit", "likelihood",
  ])
  /// Every pattern has one of these words of chance.
  private static let chanceWords = ByteText.encoded([
    "chance", "probabilit", "likelihood", "odds", "risk", "可能", "概率", "几率", "幾率", "机率", "機率", "把握",
    "胜算", "勝算", "机会", "機會", "希望",
  ])

  private struct Pattern: @unchecked Sendable {
    let expression: NSRegularExpression
    let read: @Sendable (NSTextCheckingResult, String) -> Double?
  }

  private static let percent = #"(\d{1,3}(?:\.\d+)?)\s?(?:%|％|percent\b|per cent\b)"#
  private static let englishNoun = #"(?:chances?|probability|likelihood|odds|risk)"#
  private static let chineseNoun = #"(?:可能性?|概率|几率|幾率|机率|機率|把握|胜算|勝算|机会|機會|希望)"#
  /// A Chinese noun of chance and what links it to the number after it, longest first. Not 把握
  /// or 胜算, which are verbs and adjectives too (有把握超过15%的目标, 把握七成份额).
  private static let chanceThenLink =
    #"(?:可能性|概率|几率|幾率|机率|機率)\s*"#
    + #"(?:大约为|大約為|约为|約為|趋近于|趨近於|接近|超过|超過|将近|將近|高达|高達|仅为|僅為|只有|大约|大約|为|為|是|约|約|达|達|逾|在)?\s*"#
  private static let chineseChanceAfterNumber =
    #"的?\s*(?:可能性|概率|几率|幾率|机率|機率|把握|胜算|勝算)|的\s*(?:可能|机会|機會|希望)"#

  private static let patterns: [Pattern] = [
    // "a 60% chance", "60 percent probability"
    regex(percent + #"\s+"# + englishNoun) { match, text in number(match, 1, text) },
    // "the probability of a recession is 70%", "odds at about 30 percent"; a number after "to"
    // ("rates rising to 5%") is a target, not the chance, and no number but a year ("the odds
    // of a cut before 2028 at 10%") may come between.
    regex(
      englishNoun
        + #"\b(?:[^.;%\d]|\b(?:19|20)\d\d\b){0,60}?\b(?:is|are|was|at|of|stands at|put at)\s+"#
        + #"(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+)?"# + percent
    ) { match, text in number(match, 1, text) },
    // "70%的可能", "70％概率"; 可能 and 机会 alone after a number are other words
    // ("提升至30%可能需要三年").
    regex(percent + #"\s*(?:"# + chineseChanceAfterNumber + ")") { match, text in
      number(match, 1, text)
    },
    // "可能性为70%", "概率约为30%", "可能性趋近于60%"
    regex(chanceThenLink + percent) { match, text in number(match, 1, text) },
    // "机率约为六成", "把握超过八成", "可能性逾七成五"
    regex(chanceThenLink + #"([一二两兩三四五六七八九])成([一二三四五六七八九])?"#) { match, text in
      guard let tens = digit(match, 1, text) else { return nil }
      return (Double(tens) * 10 + Double(digit(match, 2, text) ?? 0)) / 100
    },
    // "七成把握", "三成机会", "七成五的可能"
    regex(#"([一二两兩三四五六七八九])成([一二三四五六七八九])?\s*的?\s*"# + chineseNoun) { match, text in
      guard let tens = digit(match, 1, text) else { return nil }
      return (Double(tens) * 10 + Double(digit(match, 2, text) ?? 0)) / 100
    },
    // "百分之七十的可能", "百分之30的概率"
    regex(#"百分之([零一二两兩三四五六七八九十百\d]{1,4})\s*的?\s*"# + chineseNoun) { match, text in
      guard let range = Range(match.range(at: 1), in: text) else { return nil }
      let digits = String(text[range])
      return (Double(digits) ?? ChineseNumber.value(of: digits)).map { $0 / 100 }
    },
    // "odds of 1 in 5", "the odds are one in four"
    regex(
      #"(?:odds|chances?)\b[^.;]{0,40}?\b(?:are|is|of|at)\s+(?:about\s+|roughly\s+)?"#
        + fraction(#"\s+in\s+"#) + #"\b"#
    ) { match, text in ratio(match, text) },
    // "a one-in-three chance", "a 1-in-4 probability"
    regex(fraction(#"[-\s]in[-\s]"#) + #"\s+"# + englishNoun) { match, text in ratio(match, text) },
    // "a two-thirds chance", "a one-quarter probability"
    regex(
      #"\b(one|two|three|four|a)[-\s](third|thirds|quarter|quarters|fifth|fifths)\s+"#
        + englishNoun
    ) { match, text in
      guard let hit = count(match, 1, text), let out = count(match, 2, text) else { return nil }
      return hit / out
    },
    // "a 50-50 chance", "fifty-fifty odds"
    regex(#"\b(?:50-50|50/50|fifty-fifty)\s+"# + englishNoun) { _, _ in 0.5 },
  ].compactMap { $0 }

  /// How many patterns there are; a test checks that each compiled.
  static let patternCount = 11

  /// "1 in 5" or "one in five" with `separator` for " in ": the two numbers as groups 1 and 2.
  private static func fraction(_ separator: String) -> String {
    let number = #"(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred)"#
    return #"\b"# + number + separator + number
  }

  /// Groups 1 and 2 as a ratio, in digits or words.
  private static func ratio(_ match: NSTextCheckingResult, _ text: String) -> Double? {
    guard let hit = count(match, 1, text), let out = count(match, 2, text), out > 0 else {
      return nil
    }
    return hit / out
  }

  /// Group `index` as a count in digits or a small number word ("three", "thirds": 3).
  private static func count(_ match: NSTextCheckingResult, _ index: Int, _ text: String)
    -> Double?
  {
    guard let range = Range(match.range(at: index), in: text) else { return nil }
    let word = text[range].lowercased()
    if let value = Double(word) { return value }
    let stem = word.hasSuffix("s") ? String(word.dropLast()) : word
    return numberWords[stem]
  }

  private static let numberWords: [String: Double] = [
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "hundred": 100, "third": 3, "quarter": 4,
    "fifth": 5,
  ]
  static var compiledCount: Int { patterns.count }

  /// The patterns are constants, checked by a test: one that failed to compile is left out
  /// rather than stop the extractor.
  private static func regex(
    _ pattern: String, _ read: @escaping @Sendable (NSTextCheckingResult, String) -> Double?
  ) -> Pattern? {
    (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])).map {
      Pattern(expression: $0, read: read)
    }
  }

  /// Group `index` as a number.
  private static func raw(_ match: NSTextCheckingResult, _ index: Int, _ text: String) -> Double? {
    guard let range = Range(match.range(at: index), in: text) else { return nil }
    return Double(text[range])
  }

  /// Group `index` as a percentage, divided by 100.
  private static func number(_ match: NSTextCheckingResult, _ index: Int, _ text: String)
    -> Double?
  {
    raw(match, index, text).map { $0 / 100 }
  }

  /// Group `index` as one Chinese digit (一 … 九, 两).
  private static func digit(_ match: NSTextCheckingResult, _ index: Int, _ text: String) -> Int? {
    guard match.range(at: index).location != NSNotFound,
      let range = Range(match.range(at: index), in: text)
    else { return nil }
    return "一二三四五六七八九".firstIndex(of: text[range].first ?? " ").map {
      "一二三四五六七八九".distance(from: "一二三四五六七八九".startIndex, to: $0) + 1
    } ?? (["两", "兩"].contains(String(text[range])) ? 2 : nil)
  }
}
