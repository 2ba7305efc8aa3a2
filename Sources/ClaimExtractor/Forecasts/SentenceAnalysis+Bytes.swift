import Foundation

/// Byte-level checks on a sentence: summaries, 将 as 把, closing punctuation.
extension SentenceAnalysis {
  /// "二零二六年将是…的一年", "2026 will be a year of …": a frame, not an outcome.
  func isYearSummary(_ clause: Range<Int>) -> Bool {
    let text = UnsafeBufferPointer(rebasing: bytes[clause])
    if ByteText.firstIndex(of: Self.willBe, in: text, from: 0) != nil
      || ByteText.firstIndex(of: Self.willBeTraditional, in: text, from: 0) != nil
    {
      var end = text.count
      while end > 0,
        SentenceSplitter.isSpace(text[end - 1]) || text[end - 1] < 0x80 && text[end - 1] != 0x20
      {
        end -= 1
      }
      // Drop closing punctuation (。！), then look for 一年 / 之年 at the end.
      while end >= 3, text[end - 3] == 0xE3 || text[end - 3] == 0xEF, text[end - 3] != 0xE4 {
        end -= 3
      }
      let tail = text[max(0, end - 6)..<end]
      return tail.elementsEqual(Self.aYear) || tail.elementsEqual(Self.theYearOf)
    }
    return ByteText.firstIndex(of: Self.willBeAYear, in: text, from: 0) != nil
  }

  /// "We see X falling to 2.5%", "we see rates at 4%": an outlook, not sight; within seven
  /// words after "we see" comes a verb in -ing (not a noun or preposition such as "during",
  /// "nothing" or "spending") or "at".
  func isOutlookSee(_ range: Range<Int>) -> Bool {
    var index = range.upperBound
    var words = 0
    while index < bytes.count, words < 7 {
      while index < bytes.count, bytes[index] == 0x20 { index += 1 }
      let start = index
      while index < bytes.count, bytes[index] | 0x20 >= 0x61, bytes[index] | 0x20 <= 0x7A {
        index += 1
      }
      let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
      guard !word.isEmpty else { return false }
      // A possessive ("policymakers' median forecast", "Fed's") goes on to its noun.
      let apostrophe =
        index < bytes.count && bytes[index] == 0x27
        ? 1
        : index + 2 < bytes.count && bytes[index] == 0xE2 && bytes[index + 1] == 0x80
          && bytes[index + 2] == 0x99 ? 3 : 0
      if apostrophe > 0 {
        index += apostrophe
        if index < bytes.count, bytes[index] == 0x73 { index += 1 }
      }
      // "at 3%", "at $50", "at around 4%": a level; "at our stores" is a place.
      if word.count == 2, word[0] == 0x61, word[1] == 0x74 {
        return bytes[index..<min(bytes.count, index + 12)].contains { $0 &- 0x30 < 10 }
      }
      if word.count > 4, word.suffix(3).elementsEqual("ing".utf8),
        !Self.ingNouns.contains(where: { $0.elementsEqual(word.lazy.map { $0 | 0x20 }) })
      {
        return true
      }
      words += 1
    }
    return false
  }

  /// Whether "projects" or "forecasts" at `range` is the verb of a forecaster's guidance: after
  /// its subject (a name, a pronoun, an adverb such as "now") and before an object, rather
  /// than a noun ("the projects", "growth forecasts are", "forecasts for 2027").
  func isGuidanceVerb(_ range: Range<Int>) -> Bool {
    let before = asciiWord(endingAt: range.lowerBound)
    let after = asciiWord(startingAt: range.upperBound)
    guard let before, let after, !Self.nounFollowers.contains(after.lowercased()) else {
      return false
    }
    let lowered = before.lowercased()
    if Self.guidanceSubjects.contains(lowered) { return true }
    // A name: "Goldman forecasts", "OPEC projects"; not "The forecasts" or "Its projects".
    return before.first?.isUppercase == true && !Self.determiners.contains(lowered)
  }

  /// The ASCII word that ends at `end`, spaces before `end` skipped.
  func asciiWord(endingAt end: Int) -> String? {
    var index = end
    while index > 0, bytes[index - 1] == 0x20 { index -= 1 }
    let stop = index
    while index > 0, Clause.isWordByte(bytes[index - 1]) { index -= 1 }
    return index < stop ? String(decoding: bytes[index..<stop], as: UTF8.self) : nil
  }

  /// The ASCII word that starts at `start`, spaces after `start` skipped.
  private func asciiWord(startingAt start: Int) -> String? {
    var index = start
    while index < bytes.count, bytes[index] == 0x20 { index += 1 }
    let first = index
    while index < bytes.count, Clause.isWordByte(bytes[index]) { index += 1 }
    return first < index ? String(decoding: bytes[first..<index], as: UTF8.self) : nil
  }

  /// Words that come before a verb of guidance: adverbs, pronouns and the forecasters'
  /// common nouns.
  private static let guidanceSubjects: Set<String> = [
    "now", "still", "also", "currently", "further", "it", "he", "she", "they", "we", "company",
    "firm", "bank", "management", "analysts", "economists", "strategists", "group", "agency",
    "fund", "government", "ministry", "administration", "office", "survey", "model",
  ]
  /// Words that turn a capitalised word before "forecasts" into a determiner, not a name.
  private static let determiners: Set<String> = [
    "the", "its", "their", "his", "her", "our", "my", "your", "these", "those", "this", "that",
    "such", "many", "some", "most", "all", "new", "latest", "earlier", "previous", "prior",
    "recent", "official", "other", "and", "or", "of", "in", "for", "with", "by", "on", "as",
  ]
  /// Words after "forecasts" or "projects" that show them to be nouns.
  private static let nounFollowers: Set<String> = [
    "are", "were", "is", "was", "have", "had", "has", "for", "of", "from", "by", "in", "on",
    "to", "that", "which", "and", "or", "show", "showed", "suggest", "suggested", "point",
    "pointed", "call", "called", "range", "vary", "made", "released", "published", "issued",
    "like", "such", "with", "at", "under", "so",
  ]

  /// Whether a word of contrast stands in `range`: but, however, 但, 不过, 然而.
  func hasContrast(in range: Range<Int>) -> Bool {
    guard range.lowerBound < range.upperBound else { return false }
    let text = UnsafeBufferPointer(rebasing: bytes[range])
    return Self.contrastWords.contains { word in
      var from = 0
      while let found = ByteText.firstIndex(of: word, in: text, from: from) {
        from = found + 1
        if word[0] < 0x80 {
          if found == 0 || !Clause.isWordByte(text[found - 1]) { return true }
          continue
        }
        // 不但 ("not only") and 但凡 ("whenever") hold 但 but contrast nothing.
        let after = text[(found + word.count)...]
        if word == Self.dan,
          found >= 3 && text[(found - 3)..<found].elementsEqual("不".utf8)
            || after.starts(with: "凡".utf8)
        {
          continue
        }
        return true
      }
      return false
    }
  }

  private static let dan = Array("但".utf8)
  private static let contrastWords = ByteText.encoded([
    "but ", "however", "although", "though ", "但", "不过", "不過", "然而", "可是",
  ])

  /// Whether the sentence tells of a habit ("Each year, the festival begins in July",
  /// "usually starts"), which a schedule in the present tense then states, not foresees. The
  /// whole sentence is read: the habit is often a clause of its own.
  func isHabitual() -> Bool {
    let text = bytes
    return Self.habitWords.contains { word in
      var from = 0
      while let found = ByteText.firstIndex(of: word, in: text, from: from) {
        let isWordStart = found == 0 || !Clause.isWordByte(text[found - 1])
        if isWordStart { return true }
        from = found + 1
      }
      return false
    }
  }

  private static let habitWords = ByteText.encoded([
    "each year", "every year", "annually", "usually", "typically", "always", "traditionally",
    "Each year", "Every year", "Usually", "Typically", "Traditionally", "every day", "every week",
    "every month", "every morning", "every night", "every evening", "every weekend",
    "every Monday", "every Tuesday", "every Wednesday", "every Thursday", "every Friday",
    "every Saturday", "every Sunday",
  ])

  /// Whether `clause` puts a figure on its outcome: a verb of crossing a level and a number
  /// close after it (可能超过50亿元, 或突破1万点, "could top $5 billion"). Such a hedge needs no
  /// window: the figure makes it checkable.
  func statesThreshold(in clause: Range<Int>) -> Bool {
    let text = UnsafeBufferPointer(rebasing: bytes[clause])
    for verb in Self.thresholdVerbs {
      var from = 0
      while let found = ByteText.firstIndex(of: verb, in: text, from: from) {
        let after = found + verb.count
        // An English verb starts a word ("desktop 27-inch" holds no "top"), and "top up" is
        // paying in.
        if verb[0] < 0x80,
          found > 0 && Clause.isWordByte(text[found - 1])
            || text[after...].starts(with: "up ".utf8)
        {
          from = found + 1
          continue
        }
        let near = text[after..<min(text.count, after + 12)]
        if near.contains(where: { $0 &- 0x30 < 10 })
          || String(decoding: near, as: UTF8.self).unicodeScalars.prefix(3).contains(
            where: ChineseNumber.isNumeral)
        {
          return true
        }
        from = found + 1
      }
    }
    return false
  }

  private static let thresholdVerbs = ByteText.encoded([
    "超过", "超過", "突破", "达到", "達到", "逾", "高于", "高於", "低于", "低於", "跌破", "升至", "降至", "增至",
    "exceed", "top ", "surpass", "reach ", "hit ", "fall below", "rise above",
    // A level held or crossed: 降息幅度可能保持在40BP左右, 可能升穿200点, "may stay above 3%".
    "保持在", "维持在", "維持在", "保持於", "維持於", "升穿", "跌穿", "stay above", "stay below",
    "remain above", "remain below", "stay at ", "remain at ",
  ])

  /// Words in -ing that are no verb of an outlook: prepositions, pronouns and common nouns.
  private static let ingNouns = [
    "during", "nothing", "something", "anything", "everything", "morning", "evening",
    "spring", "thing", "things", "spending", "pricing", "housing", "funding", "building",
    "earnings", "meeting", "offering", "trading", "lending", "banking", "shipping",
    "manufacturing", "hiring", "outstanding", "including", "according", "regarding",
    "following", "remaining", "ceiling", "setting", "warning", "signing", "opening", "ending",
  ].map { Array($0.utf8) }

  /// Whether `offset` lies inside a quotation: after an opening mark (", “, 「, 『) not yet
  /// closed.
  func isQuoted(_ offset: Int) -> Bool {
    var depth = 0
    var isStraightOpen = false
    var index = 0
    while index < min(offset, bytes.count) {
      let byte = bytes[index]
      if byte == 0x22 {
        isStraightOpen.toggle()
      } else if byte == 0xE2 || byte == 0xE3, index + 2 < bytes.count {
        switch (byte, bytes[index + 1], bytes[index + 2]) {
        case (0xE2, 0x80, 0x9C), (0xE3, 0x80, 0x8C), (0xE3, 0x80, 0x8E): depth += 1
        case (0xE2, 0x80, 0x9D), (0xE3, 0x80, 0x8D), (0xE3, 0x80, 0x8F): depth = max(0, depth - 1)
        default: break
        }
      }
      index += 1
    }
    return depth > 0 || isStraightOpen
  }

  /// The asides of `range`: the spans inside round brackets, half- or full-width, outermost
  /// only, in order. One pass, however many words are looked up in them after.
  func asides(in range: Range<Int>) -> [Range<Int>] {
    // Most segments hold no bracket: two searches with `memchr` say so.
    let segment = UnsafeBufferPointer(rebasing: bytes[range])
    guard
      ByteText.firstIndex(of: Self.openBracket, in: segment, from: 0) != nil
        || ByteText.firstIndex(of: Self.fullWidthOpenBracket, in: segment, from: 0) != nil
    else { return [] }
    var found: [Range<Int>] = []
    var depth = 0
    var opened = 0
    var index = range.lowerBound
    let end = min(range.upperBound, bytes.count)
    while index < end {
      let byte = bytes[index]
      var isOpen = byte == 0x28
      var isClose = byte == 0x29
      var width = 1
      if byte == 0xEF, index + 2 < end, bytes[index + 1] == 0xBC {
        isOpen = bytes[index + 2] == 0x88
        isClose = bytes[index + 2] == 0x89
        width = 3
      }
      if isOpen {
        if depth == 0 { opened = index + width }
        depth += 1
      } else if isClose, depth > 0 {
        depth -= 1
        if depth == 0 { found.append(opened..<index) }
      }
      index += isOpen || isClose ? width : 1
    }
    if depth > 0 { found.append(opened..<end) }
    return found
  }

  private static let openBracket = Array("(".utf8)
  private static let fullWidthOpenBracket = Array("（".utf8)

  private static let willBe = Array("将是".utf8)
  private static let willBeTraditional = Array("將是".utf8)
  private static let aYear = Array("一年".utf8)
  private static let theYearOf = Array("之年".utf8)
  private static let willBeAYear = Array("will be a year".utf8)

  /// 将 as 把 puts an object between itself and the verb's preposition: "将矩阵约束在…",
  /// "将残差流扩展为…"; the future 将 is followed by its verb at once ("将在", "将为…带来").
  func hasObjectThenPreposition(after range: Range<Int>, within clause: Range<Int>) -> Bool {
    var offset = range.upperBound
    var characters = 0
    var previous: Unicode.Scalar?
    for scalar in String(decoding: bytes[range.upperBound..<clause.upperBound], as: UTF8.self)
      .unicodeScalars
    {
      // A space, as text that spaces digits from Chinese has ("将缩减 35% 至 26 万吨"), is
      // neither a character of the object nor what comes before the preposition.
      if scalar == " " {
        offset += 1
        continue
      }
      // 将在, 将于, 将从: "will, in/from …", the future's own preposition, not an object's.
      if characters == 0, SentenceAnalysis.futurePrepositions.contains(scalar) { return false }
      // 成 ending a verb (完成, 达成, 形成) or after a number (回升两成: tenths) is no
      // preposition.
      let endsVerb =
        scalar == "成"
        && previous.map {
          SentenceAnalysis.verbsEndingInCheng.contains($0) || ChineseNumber.isNumeral($0)
            || ("0"..."9").contains($0)
        } == true
      // 至 or 到 after an amount joins a range (将维持在520亿至560亿), as "to" does; after a
      // verb of change it says where the object goes (将售价下调10%至899元).
      let joinsRange =
        (scalar == "至" || scalar == "到")
        && previous.map {
          ("0"..."9").contains($0) || ChineseNumber.isNumeral($0)
            || SentenceAnalysis.amountUnits.contains($0)
        } == true
        && !Self.changeVerbs.contains { verb in
          // Right after 将, or after an adverb (将进一步提升), the verb is the forecast's own:
          // 将提升30%至100万辆. After a noun it moves that object: 将售价下调10%至899元.
          let after = UnsafeBufferPointer(rebasing: bytes[range.upperBound..<offset])
          guard let at = ByteText.firstIndex(of: verb, in: after, from: 0) else { return false }
          let between = Array(after[..<at])
          return !between.isEmpty && !Self.changeAdverbs.contains(between)
        }
      if characters >= 3, SentenceAnalysis.objectPrepositions.contains(scalar), !endsVerb,
        !joinsRange
      {
        // A forecast word before the preposition starts a verb phrase: not an object.
        let between = range.upperBound..<offset
        return !found.contains {
          SentenceAnalysis.isTrigger($0.kind) && between.contains($0.range.lowerBound)
        }
      }
      characters += 1
      offset += UTF8.width(scalar)
      previous = scalar
    }
    return false
  }

  private static let objectPrepositions = ScalarSet("在为為成到至于於给給")
  /// Adverbs that may stand between 将 and its verb of change.
  private static let changeAdverbs = Set(
    ByteText.encoded([
      "进一步", "進一步", "大幅", "小幅", "逐步", "持续", "持續", "继续", "繼續", "再", "再次", "同比", "环比",
      "環比", "按年", "稳步", "穩步", "明显", "明顯", "显著", "顯著",
    ]))
  /// Verbs that move an object to a level: 将售价下调至899元.
  private static let changeVerbs = ByteText.encoded([
    "调", "調", "提升", "提高", "降低", "增加", "减少", "減少", "压缩", "壓縮", "扩大", "擴大", "缩减", "縮減",
  ])
  /// Units an amount ends with: 亿, 万, %, 元.
  private static let amountUnits = ScalarSet("亿億万萬千百%％元")
  private static let futurePrepositions = ScalarSet("在于於从從")
  /// 完成, 达成, 形成, 促成, 造成, 构成, 组成, 养成, 赞成: 成 as the end of a verb.
  private static let verbsEndingInCheng = ScalarSet("完达達形促造构構组組养養赞贊")

  func follows(_ words: [[UInt8]], at range: Range<Int>) -> Bool {
    words.contains { has($0, at: range.lowerBound - $0.count, before: range.lowerBound) }
  }

  /// Whether one of `words` comes right after `range`.
  func isFollowed(by words: [[UInt8]], at range: Range<Int>) -> Bool {
    words.contains { has($0, at: range.upperBound, before: bytes.count) }
  }

  /// Whether one of `words` occurs within `range`.
  func contains(_ words: [[UInt8]], in range: Range<Int>) -> Bool {
    guard range.lowerBound < range.upperBound else { return false }
    let slice = UnsafeBufferPointer(rebasing: bytes[range])
    return words.contains { ByteText.firstIndex(of: $0, in: slice, from: 0) != nil }
  }

  /// An English relative clause: "which …", "who …", "whose …".
  func isRelativeClause(_ clause: Range<Int>) -> Bool {
    Self.relativePronouns.contains { has($0, at: clause.lowerBound, before: clause.upperBound) }
  }

  private static let relativePronouns = ByteText.encoded(["which ", "who ", "whose "])

  /// A clause that goes on with the one before it: "and will ship in 2026", "并将于2026年上市",
  /// "which opens in 2027": its window may be the whole forecast's.
  func continuesThePrevious(_ clause: Range<Int>) -> Bool {
    var start = clause.lowerBound
    while start < clause.upperBound, bytes[start] == 0x20 { start += 1 }
    return Self.connectives.contains { has($0, at: start, before: clause.upperBound) }
  }

  /// Words that continue the clause before, and subjects that point back to it ("该手机将在2027年
  /// 上市", "it will ship in 2027"): the window is the whole forecast's.
  private static let connectives = ByteText.encoded([
    "and ", "which ", "that ", "who ", "but ", "while ", "so ", "then ", "it ", "it'll ", "this ",
    "these ", "they ", "its ", "并", "並", "且", "而且", "同时", "同時", "还", "還", "也", "再", "随后", "隨後",
    "然后", "然後", "该", "該", "这", "這", "其", "它", "此",
  ])

  /// Whether `word` is at `offset`, ending by `end`: compared in place, with no copy.
  private func has(_ word: [UInt8], at offset: Int, before end: Int) -> Bool {
    guard offset >= 0, offset + word.count <= end else { return false }
    for index in 0..<word.count where bytes[offset + index] != word[index] { return false }
    return true
  }

  /// Whether the sentence ends in ? or ？, closing quotes and brackets after it aside
  /// ("Will prices fall in 2027?”").
  var endsWithQuestion: Bool {
    var end = bytes.count
    while end > 0 {
      let last = bytes[end - 1]
      if SentenceSplitter.isSpace(last) || last == 0x22 || last == 0x27 || last == 0x29
        || last == 0x5D
      {
        end -= 1
      } else if Self.closingMarks.contains(where: { has($0, at: end - 3, before: end) }) {
        end -= 3
      } else {
        break
      }
    }
    if end >= 1, bytes[end - 1] == UInt8(ascii: "?") { return true }
    return has(Self.fullWidthQuestionMark, at: end - 3, before: end)
  }

  private static let fullWidthQuestionMark = Array("？".utf8)

  /// ” ’ 」 』 》 ） as UTF-8.
  private static let closingMarks: [[UInt8]] = ["”", "’", "」", "』", "》", "）"].map { Array($0.utf8) }

  var containsOtherwise: Bool {
    let text = String(decoding: bytes, as: UTF8.self)
    return ["否则", "否則", "otherwise", "or else"].contains { text.contains($0) }
  }

  /// "down from $65 this year", "高于今年的6%": a clause that sets the forecast before it
  /// against a reference. The window it names is the reference's, so it neither starts a
  /// forecast of its own nor dates the one it follows (`frameForSegment` passes over it).
  /// Single characters such as 比 are left to `isComparisonBase`, which reads them only right
  /// before a window (比今年): as openers they would take 比亚迪 for a comparison.
  func isComparison(_ clause: Range<Int>) -> Bool {
    var start = clause.lowerBound
    while start < clause.upperBound, SentenceSplitter.isSpace(bytes[start]) { start += 1 }
    let rest = UnsafeBufferPointer(rebasing: bytes[start..<clause.upperBound])
    return Self.comparisonOpeners.contains { opener in
      opener.count <= rest.count
        && zip(opener, rest).allSatisfy { expected, byte in
          // ASCII letters in either case; other bytes as they are.
          (byte &- 0x41 < 26 ? byte | 0x20 : byte) == expected
        }
    }
  }

  private static let comparisonOpeners = ByteText.encoded([
    "down from ", "up from ", "compared with ", "compared to ", "versus ", "vs ", "vs. ",
    "against ", "a rise from ", "a drop from ", "a fall from ", "a decline from ",
    "an increase from ", "高于", "高於", "低于", "低於", "相比", "相较", "相較",
  ])

  /// Whether a doubting word ("don't think", "doubt", 不认为) bears on a forecast after it:
  /// "to" or "that" right after it, or a word of future or doubt after it with no comma,
  /// "and" or "but" between ("I don't think Tesla will…", not "doesn't expect any layoffs
  /// and will hire"); and no word before it that makes it a noun ("despite doubts").
  func doubtBearsOnForecast(_ doubt: Found, among triggers: [Found]) -> Bool {
    if let before = wordBefore(doubt.range.lowerBound),
      Self.wordsBeforeNounDoubt.contains(before)
    {
      return false
    }
    let after = UnsafeBufferPointer(rebasing: bytes[doubt.range.upperBound...])
    if Self.objectOpeners.contains(where: { after.starts(with: $0) }) { return true }
    // "I'd be surprised if they fly before 2028": the outcome doubted follows "if".
    if doubt.word.hasSuffix(" if") { return true }
    guard
      let next = triggers.first(where: {
        $0.range.lowerBound >= doubt.range.upperBound && $0.kind != .negatedFuture
      })
    else { return false }
    let between = Array(bytes[doubt.range.upperBound..<next.range.lowerBound])
    return !Self.clauseBreaks.contains { ByteText.contains(between, $0) }
  }

  /// The lower-case ASCII word that ends right before `offset`, spaces apart.
  private func wordBefore(_ offset: Int) -> String? {
    var end = offset
    while end > 0, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
    var start = end
    while start > 0, bytes[start - 1] &- 0x41 < 26 || bytes[start - 1] &- 0x61 < 26 { start -= 1 }
    guard start < end else { return nil }
    return String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
  }

  private static let objectOpeners = ByteText.encoded([" to ", " that "])
  private static let clauseBreaks = ByteText.encoded([",", "，", " and ", " but ", "但", "而且"])
  private static let wordsBeforeNounDoubt: Set<String> = [
    "despite", "the", "some", "any", "of", "about", "over", "amid", "raised", "raise", "raises",
    "cast", "casts", "has", "have", "had", "their", "his", "her", "its", "our", "my", "your",
    "with", "growing", "lingering", "serious", "these", "those", "such",
  ]

  /// `range` without the clause punctuation at its end.
  func trimmed(_ range: Range<Int>) -> Range<Int> {
    var upper = range.upperBound
    while upper > range.lowerBound {
      if bytes[upper - 1] == UInt8(ascii: ",") || bytes[upper - 1] == UInt8(ascii: ":") {
        upper -= 1
      } else if upper - range.lowerBound >= 3, bytes[upper - 3] == 0xEF, bytes[upper - 2] == 0xBC,
        bytes[upper - 1] == 0x8C || bytes[upper - 1] == 0x9A
      {
        upper -= 3
      } else {
        break
      }
    }
    return range.lowerBound..<upper
  }
}

extension CharacterSet {
  static let punctuationAndSpaces = CharacterSet.punctuationCharacters.union(
    .whitespacesAndNewlines)
}
