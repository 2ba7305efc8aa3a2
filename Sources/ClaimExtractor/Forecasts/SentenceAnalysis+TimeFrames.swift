import Foundation

/// Where a sentence's time frames sit and which of them are still open.
extension SentenceAnalysis {
  func isPast(_ frame: TimeFrame) -> Bool {
    guard let published = context.published else { return false }
    return frame.deadline < published
  }

  /// The clause's window: its first live one, unless another follows a forecast word at once
  /// ("今年双11预售将于10月24日开启", "2027年度细则有望在年底前出台"): the time the forecast
  /// itself names wins over one that dates its subject.
  ///
  /// Two windows joined as alternatives or as a span ("二季度末或者三季度初", "Q3 or Q4",
  /// "2027至2028年") are one: the claim is due at the later end.
  func liveFrame(in clause: Range<Int>) -> TimeFrame? {
    var first: TimeFrame?
    var previousEnd = 0
    for located in frames(in: clause) where !isPast(located.frame) {
      let end = located.offset + located.frame.words.utf8.count
      defer { previousEnd = end }
      guard let chosen = first else {
        first = located.frame
        continue
      }
      // 明年至後年: the joiner may open the second window's own words.
      let opensWithJoiner = Self.spanOpeners.contains {
        located.frame.words.utf8.starts(with: $0)
      }
      if previousEnd <= located.offset,
        joinsAlternatives(previousEnd..<located.offset)
          || opensWithJoiner && bytes[previousEnd..<located.offset].allSatisfy({ $0 == 0x20 })
      {
        if located.frame.deadline > chosen.deadline { first = located.frame }
        continue
      }
      // 将2027年的目标: a window before 的 qualifies a noun, whatever comes before it.
      guard !Self.startsPossessive(at: end, in: bytes) else { continue }
      let followsCue = found.contains { cue in
        SentenceAnalysis.isTrigger(cue.kind) && cue.range.upperBound <= located.offset
          && located.offset - cue.range.upperBound <= 3
      }
      if followsCue { return located.frame }
    }
    return first
  }

  /// Whether the bytes between two windows join them as alternatives or a span: 或者, 或, 至,
  /// 到, "or", "to", a dash; after the first window's end or start (二季度末或者三季度初).
  private func joinsAlternatives(_ gap: Range<Int>) -> Bool {
    // Short by far in any case; a longer gap holds other words.
    guard gap.count <= 16 else { return false }
    var words = bytes[gap]
    if let part = Self.partsOfWindow.first(where: { words.starts(with: $0) }) {
      words = words.dropFirst(part.count)
    }
    while words.first == 0x20 { words = words.dropFirst() }
    while words.last == 0x20 { words = words.dropLast() }
    return Self.alternativeJoiners.contains { $0.elementsEqual(words.lazy.map(CueScanner.lower)) }
  }

  private static let spanOpeners = ByteText.encoded(["至", "到", "to ", "through "])

  /// The end, start or middle of a window, written after its words: 二季度末, 三季度初, 年底.
  private static let partsOfWindow = ByteText.encoded(["末", "初", "底", "中"])

  private static let alternativeJoiners = ByteText.encoded([
    "或者", "或", "或是", "至", "到", "or", "to", "through", "-", "–", "—", "~", "～",
  ])

  /// A segment while `segments` builds it, with its window kept up to date as clauses join:
  /// named in its forecast clauses (those holding one of its triggers), else anywhere in it but
  /// in a clause that compares with a reference ("…, down from $65 this year"). Working the
  /// window out again for each clause made a paragraph of one long sentence cubic.
  struct OpenSegment {
    var first: Int
    var last: Int
    var triggers: [Found]
    private var forecastFrame: TimeFrame?
    private var anyFrame: TimeFrame?

    var frame: TimeFrame? { forecastFrame ?? anyFrame }

    /// Clauses `first...last`, with `triggers`.
    init(
      _ first: Int, _ last: Int, triggers: [Found], in analysis: SentenceAnalysis,
      frames: [TimeFrame?]
    ) {
      self.first = first
      self.last = first
      self.triggers = triggers
      note(first, in: analysis, frames: frames)
      for index in (first + 1)..<(last + 1) {
        join(index, adding: [], in: analysis, frames: frames)
      }
    }

    /// Adds clause `index`, the next one, and its triggers.
    mutating func join(
      _ index: Int, adding triggers: [Found], in analysis: SentenceAnalysis, frames: [TimeFrame?]
    ) {
      last = index
      self.triggers += triggers
      note(index, in: analysis, frames: frames)
    }

    /// A clause's window counts when none before it did: the first one wins.
    private mutating func note(_ index: Int, in analysis: SentenceAnalysis, frames: [TimeFrame?]) {
      guard let frame = frames[index], forecastFrame == nil else { return }
      let clause = analysis.clauses[index]
      if triggers.contains(where: { clause.contains($0.range.lowerBound) }) {
        forecastFrame = frame
      } else if anyFrame == nil, !analysis.isComparison(clause) {
        anyFrame = frame
      }
    }
  }

  /// Finds where each frame's words sit in the sentence, in order.
  static func locate(_ frames: [TimeFrame], in bytes: UnsafeBufferPointer<UInt8>)
    -> [(frame: TimeFrame, offset: Int)]
  {
    var located: [(frame: TimeFrame, offset: Int)] = []
    var from = 0
    for frame in frames {
      var words = frame.words
      let found = words.withUTF8 { needle in
        (ByteText.firstIndex(of: needle, in: bytes, from: from)
          ?? ByteText.firstIndex(of: needle, in: bytes, from: 0))
          .map { ($0, needle.count) }
      }
      guard let (offset, length) = found else { continue }
      from = max(from, offset + length)
      // "比今年翻倍", "than last year", "创2018年以来新高": a base of comparison, not a window.
      if isComparisonBase(at: offset, in: bytes) || isSince(at: offset + length, in: bytes)
        || isChangeStart(offset..<(offset + length), in: bytes)
      {
        continue
      }
      located.append((frame, offset))
    }
    return located
  }

  private static let comparisonWords: [[UInt8]] = [
    "比", "較", "较", "than ", "比起", "相比", "优于", "優於", "好于", "好於", "高于", "高於", "低于", "低於",
    "多于", "多於", "少于", "少於", "胜于", "勝於",
  ].map { Array($0.utf8) }

  /// 由 or 从 before a window and 的 after it: the level a change starts from
  /// (由2025年的约22%提升至27%), not a window; "从2027年起" is one.
  private static let changeStarts: [[UInt8]] = ["由", "从", "從"].map { Array($0.utf8) }
  private static let possessive = Array("的".utf8)

  /// Whether 的 starts at `offset`.
  static func startsPossessive(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress, offset + 3 <= bytes.count else { return false }
    return memcmp(base + offset, possessive, 3) == 0
  }

  private static func isChangeStart(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    let start = spaced(before: range.lowerBound, in: bytes)
    guard let base = bytes.baseAddress,
      startsPossessive(at: spaced(after: range.upperBound, in: bytes), in: bytes)
    else { return false }
    return changeStarts.contains { word in
      start >= word.count && memcmp(base + start - word.count, word, word.count) == 0
    }
  }

  /// Whether a level that the window dates follows it (2021年高位, 2019年的水平, "2021
  /// highs", "2019 levels"): the mark an outcome is measured against, not its window. Asked of
  /// windows already over only: a live one before such a word dates the forecast (明年高位运行).
  static func isReferenceLevel(at end: Int, in bytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    var start = spaced(after: end, in: bytes)
    if startsPossessive(at: start, in: bytes) { start = spaced(after: start + 3, in: bytes) }
    let rest = UnsafeBufferPointer(rebasing: bytes[start...])
    return referenceLevels.contains { word in
      guard rest.starts(with: word) else { return false }
      // An English word must end there: "levels", not "level-headed".
      return word[0] >= 0x80 || rest.count == word.count || !Clause.isWordByte(rest[word.count])
    }
  }

  private static let referenceLevels = ByteText.encoded([
    "高位", "低位", "水平", "高点", "高點", "低点", "低點", "峰值", "新高", "新低", "纪录", "紀錄", "记录", "記錄",
    "历史高位", "歷史高位", "历史高点", "歷史高點", "历史新高", "歷史新高", "同期", "levels", "level", "highs",
    "lows", "peaks",
  ])

  /// `offset` moved back over one space, as text that spaces digits from Chinese has before a
  /// window ("较 2025 年"); the words around a window are looked for past it.
  private static func spaced(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    offset > 0 && bytes[offset - 1] == 0x20 ? offset - 1 : offset
  }

  /// `offset` moved on over one space ("2026 年 以来").
  private static func spaced(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    offset < bytes.count && bytes[offset] == 0x20 ? offset + 1 : offset
  }

  private static let sinceWords: [[UInt8]] = ["以来", "以來"].map { Array($0.utf8) }

  /// Whether 以来 follows the window that ends at `end`: the start of a span reaching to now.
  private static func isSince(at end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let rest = UnsafeBufferPointer(
      rebasing: bytes[min(spaced(after: end, in: bytes), bytes.count)...])
    return sinceWords.contains { rest.starts(with: $0) }
  }

  private static func isComparisonBase(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard let base = bytes.baseAddress else { return false }
    // "than" carries its space; a Chinese word may have one after it.
    let offsets = [offset, spaced(before: offset, in: bytes)]
    return comparisonWords.contains { word in
      offsets.contains { offset in
        offset >= word.count && memcmp(base + offset - word.count, word, word.count) == 0
      }
    }
  }

  /// Where a window stands beside a past verb of saying: right after one ("said in January",
  /// "told reporters in March") or right before one ("in January said", "1月表示").
  enum SayingSide {
    case afterVerb, beforeVerb
  }

  /// Whether the window `words` at `range` dates the verb that reports the forecast rather
  /// than the forecast. A window already over always does. One still to come does when it
  /// names no year and could only have been read forward for want of one: "said in December
  /// that…" and "12月表示" in a March article mean the December just past. A window that
  /// names its year or counts from now ("said next year will be hotter") stays the forecast's,
  /// and so does a bare one after the verb unless "that" follows it.
  static func datesSaying(
    _ words: String, at range: Range<Int>, isPast: Bool, in bytes: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard let side = sayingSide(of: range, in: bytes) else { return false }
    if isPast { return true }
    guard !namesItsYear(words), !namesRelativeYear(words) else { return false }
    if side == .beforeVerb { return true }
    let lowered = words.lowercased()
    if datingLeads.contains(where: { lowered.hasPrefix($0) }) { return true }
    var next = range.upperBound
    while next < bytes.count, bytes[next] == 0x20 { next += 1 }
    let rest = UnsafeBufferPointer(rebasing: bytes[next...])
    return rest.starts(with: "that ".utf8)
  }

  /// Prepositions that date an act: "said in December", "told reporters on Tuesday".
  private static let datingLeads = ["in ", "on ", "at ", "during ", "earlier "]

  /// Which side of a past verb of saying the window at `range` stands on, if it is next to one.
  static func sayingSide(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>)
    -> SayingSide?
  {
    var wordEnd = range.lowerBound
    for isAfterObject in [false, true] {
      while wordEnd > 0, bytes[wordEnd - 1] == 0x20 { wordEnd -= 1 }
      var start = wordEnd
      while start > 0, Clause.isWordByte(bytes[start - 1]) { start -= 1 }
      guard start < wordEnd else { break }
      let word = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<wordEnd]), as: UTF8.self
      )
      .lowercased()
      if isAfterObject ? word == "told" : sayingVerbs.contains(word) {
        // "will be announced in March" is the forecast's own event, not when it was said.
        var before = start
        while before > 0, bytes[before - 1] == 0x20 { before -= 1 }
        var first = before
        while first > 0, Clause.isWordByte(bytes[first - 1]) { first -= 1 }
        let previous = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[first..<before]), as: UTF8.self
        ).lowercased()
        return passiveMarks.contains(previous) ? nil : .afterVerb
      }
      // The person told may stand between: "told reporters in March".
      wordEnd = start
    }
    var next = range.upperBound
    while next < bytes.count, bytes[next] == 0x20 { next += 1 }
    let rest = UnsafeBufferPointer(rebasing: bytes[next...])
    if let filler = sayingFillers.first(where: { rest.starts(with: $0) }) {
      let isSaying = chineseSayingVerbs.contains {
        UnsafeBufferPointer(rebasing: rest[filler.count...]).starts(with: $0)
      }
      return isSaying ? .beforeVerb : nil
    }
    // 说不定 ("perhaps") holds 说 but says nothing.
    if chineseSayingVerbs.contains(where: { rest.starts(with: $0) }),
      !perhapsWords.contains(where: { rest.starts(with: $0) })
    {
      return .beforeVerb
    }
    var end = 0
    while end < rest.count, Clause.isWordByte(rest[end]) { end += 1 }
    let word = String(decoding: UnsafeBufferPointer(rebasing: rest[..<end]), as: UTF8.self)
    return sayingVerbs.contains(word.lowercased()) ? .beforeVerb : nil
  }

  /// Past verbs of saying: a window next to one is when it was said.
  private static let sayingVerbs: Set<String> = [
    "said", "told", "wrote", "added", "predicted", "warned", "argued", "noted", "stated",
    "announced", "testified", "explained", "remarked", "insisted", "cautioned", "reiterated",
    "signaled", "signalled", "acknowledged", "declared", "indicated", "suggested",
  ]

  /// Verbs of telling in Chinese; after 曾 they date the words, not a belief (`isDismissed`).
  static let chineseSayingVerbs = ByteText.encoded([
    "表示", "称", "稱", "指出", "透露", "说", "說", "强调", "強調", "坦言", "直言", "提到", "写道", "寫道",
  ])

  /// Words before a verb of saying that make it passive or still to come.
  private static let passiveMarks: Set<String> = [
    "be", "been", "being", "will", "to", "is", "are", "would", "ll",
  ]

  private static let perhapsWords = ByteText.encoded(["说不定", "說不定"])

  /// What may stand between a window and the verb of saying after it: 份 (1月份), 曾, 也, 时.
  private static let sayingFillers = ByteText.encoded([
    "份曾", "份也", "份", "曾", "也", "还", "還", "再次", "公开", "公開", "时", "時",
  ])

  /// Whether a window's words fix its year: four digits, a year in Chinese numerals, or a
  /// word that counts back from now (去年, "last year", "two years ago").
  static func namesItsYear(_ words: String) -> Bool {
    let scalars = Array(words.unicodeScalars)
    var digits = 0
    for scalar in scalars {
      digits = ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar) ? digits + 1 : 0
      if digits == 4 { return true }
    }
    if let year = scalars.firstIndex(of: "年"), year >= 2,
      scalars[(year - 2)..<year].allSatisfy({ ChineseNumber.isNumeral($0) })
    {
      return true
    }
    let lowered = words.lowercased()
    guard ByteText.isNormalizationInert(lowered) else {
      return backwardWords.contains(where: lowered.contains)
    }
    let bytes = Array(lowered.utf8)
    return backwardBytes.contains { ByteText.contains(bytes, $0) }
  }

  /// Whether `words` say which year relative to now (今年上半年, this year's first half): such a
  /// window is what it says even when it has closed, and is not moved to another year.
  static func namesRelativeYear(_ words: String) -> Bool {
    let lowered = words.lowercased()
    return relativeYearWords.contains(where: lowered.contains)
  }

  /// Whether `words` name a time just past (上月, yesterday): such a window is never moved a
  /// year on, whatever the clause says.
  static func namesJustPast(_ words: String) -> Bool {
    let lowered = words.lowercased()
    return justPastWords.contains(where: lowered.contains)
  }

  private static let justPastWords = [
    "上月", "上周", "上週", "上星期", "昨天", "昨日", "前天", "yesterday", "last",
  ]

  private static let relativeYearWords = [
    "今年", "明年", "本年", "后年", "後年", "this year", "next year", "this month", "next month",
    "本月", "下个月", "下個月", "下月",
  ]

  private static let backwardWords = [
    "last", "ago", "past", "previous", "去年", "前年", "过去", "過去", "此前", "以前", "上个", "上個",
  ]
  private static let backwardBytes = ByteText.encoded(backwardWords)
}
