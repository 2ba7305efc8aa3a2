import ClaimLedger
import Foundation

/// One sentence taken apart: its cues, its clauses, its time frames, and which clauses forecast.
struct SentenceAnalysis {
  /// A cue found in the sentence.
  struct Found: Equatable {
    /// The cue's index in the scanner's list.
    let cue: Int
    let word: String
    let kind: Cue.Kind
    let range: Range<Int>
    let isWeak: Bool
    let mayMarkObject: Bool
    let traits: Cue.Traits
  }

  /// A run of clauses that makes one forecast.
  struct Segment {
    var range: Range<Int>
    var triggers: [Found]
    var timeFrame: TimeFrame?
  }

  /// What a clause contributes.
  private enum Role {
    /// It holds a live forecast word.
    case forecast
    /// It names a future window of its own but no forecast word ("2029年超越全人类总和").
    case dated
    /// It recalls, urges or frames; a forecast never runs across it.
    case excluded
    /// It speaks of a window already closed ("2025年烧钱将超…"); clauses that continue it
    /// without a window of their own ("收入也将…") speak of it too.
    case pastFramed
    case neutral
  }

  let found: [Found]
  let clauses: [Range<Int>]
  let frames: [(frame: TimeFrame, offset: Int)]
  /// The indices of `frames` by their offset, so that a clause's frames are found by a binary
  /// search: a scan per clause made a sentence of thousands of clauses quadratic. Nil when
  /// `frames` is in that order already, as it nearly always is.
  private let frameOrder: [Int]?
  /// In an undated article, where the windows that count from publication (明年, 2月1日,
  /// "next year") start: they give no deadline, but they show that a plan looks ahead, as
  /// they do in a dated article.
  private let undatedWindows: [Int]
  let context: TimeContext
  let isFramed: Bool
  let bytes: UnsafeBufferPointer<UInt8>

  /// `hits` are the scanner's cues in `bytes`, in order.
  init(
    sentence: String, bytes: UnsafeBufferPointer<UInt8>, hits: [CueScanner.Hit],
    scanner: CueScanner, context: TimeContext, isFramed: Bool
  ) {
    self.bytes = bytes
    self.context = context
    self.isFramed = isFramed
    found = hits.map { hit in
      let cue = scanner.cues[hit.cue]
      return Found(
        cue: hit.cue, word: cue.word, kind: cue.kind, range: hit.range, isWeak: cue.isWeak,
        mayMarkObject: cue.mayMarkObject, traits: cue.traits)
    }
    let clauses = SentenceSplitter.clauses(in: bytes)
    self.clauses = clauses
    // A window that names no year and comes out already closed was anchored to the wrong
    // year. In a clause that looks ahead ("will open in January", "将于2月1日发布" in a November
    // article; "the first half of the year" in a late-December article on next year) it means
    // the next one; elsewhere ("上半年营收增长20%") it reports the past, and is left out rather
    // than taken as proof the sentence speaks of the past.
    let published = context.published
    let found = self.found
    frames = SentenceAnalysis.locate(
      TimeFrameFinder.frames(in: sentence, context: context), in: bytes
    ).compactMap { located in
      let frame = located.frame
      // "said in January that…", "1月表示": when the words were said, not when they come true.
      if SentenceAnalysis.datesSaying(
        frame.words, at: located.offset..<(located.offset + frame.words.utf8.count),
        isPast: published.map({ frame.deadline < $0 }) ?? true, in: bytes)
      {
        return nil
      }
      guard let published, frame.deadline < published else { return located }
      // 升穿2021年高位, "return to 2021 levels": a past year that dates a reference level.
      if SentenceAnalysis.isReferenceLevel(
        at: located.offset + frame.words.utf8.count, in: bytes)
      {
        return nil
      }
      guard !SentenceAnalysis.namesItsYear(frame.words),
        !SentenceAnalysis.namesRelativeYear(frame.words)
      else { return located }
      let clause = clauses.first { $0.contains(located.offset) }
      let looksAhead = found.contains { cue in
        SentenceAnalysis.isTrigger(cue.kind) && clause?.contains(cue.range.lowerBound) == true
      }
      // The last forecast word of the window's clause before it.
      let trigger = found.last { cue in
        SentenceAnalysis.isTrigger(cue.kind) && cue.range.upperBound <= located.offset
          && clause?.contains(cue.range.lowerBound) == true
      }
      // "在10月19日的商家大会上宣布": a day before 的 dates a noun, an event gone by, unless a
      // forecast word comes before it (将于3月10日的发布会上推出).
      let end = located.offset + frame.words.utf8.count
      let datesEventGoneBy = SentenceAnalysis.startsPossessive(at: end, in: bytes) && trigger == nil
      // "is coming too late for farmers who lost their crops in May": a verb in the past
      // between the forecast word and the window dates something done.
      // So does one just before the window ("Workers hired in May will get raises").
      let lookBack = max(
        trigger?.range.upperBound ?? clause?.lowerBound ?? 0, located.offset - 24)
      // The forecast word itself may be the past one: "they predicted at the meeting in June".
      let datesPastVerb =
        trigger.map {
          SentenceAnalysis.hasPastVerb(in: $0.range.lowerBound..<located.offset, of: bytes)
        } ?? false
        || SentenceAnalysis.hasPastVerb(in: lookBack..<located.offset, of: bytes)
      guard looksAhead, !SentenceAnalysis.namesJustPast(frame.words), !datesEventGoneBy,
        !datesPastVerb,
        let later = frame.aYearLater, later.deadline >= published,
        later.start.map({ $0 > published }) ?? true
      else { return nil }
      return (later, located.offset)
    }
    // Only a plan word reads them; most sentences have none.
    undatedWindows =
      found.contains { $0.kind == .plan }
      ? SentenceAnalysis.undatedWindows(in: sentence, bytes: bytes, context: context) : []
    let frames = self.frames
    let isInOrder = zip(frames, frames.dropFirst()).allSatisfy { $0.offset <= $1.offset }
    frameOrder =
      isInOrder
      ? nil : frames.indices.sorted { (frames[$0].offset, $0) < (frames[$1].offset, $1) }
  }

  /// The offsets of the windows an undated article's sentence would have were it dated on a
  /// first of January: those still to come then look ahead whatever the year.
  private static func undatedWindows(
    in sentence: String, bytes: UnsafeBufferPointer<UInt8>, context: TimeContext
  ) -> [Int] {
    guard context.published == nil, context.framingYear == nil,
      let anchor = Day(year: 2000, month: 1, day: 1)
    else { return [] }
    var dated = context
    dated.published = anchor
    let ahead = TimeFrameFinder.frames(in: sentence, context: dated).filter { frame in
      frame.deadline >= anchor
    }
    return locate(ahead, in: bytes).map(\.offset)
  }

  /// Whether a verb of telling follows 曾 within a few characters: 曾透露, 曾多次表示,
  /// 曾公开表示.
  private func tellsWithin(_ range: Range<Int>) -> Bool {
    let end = min(bytes.count, range.upperBound + 12)
    return contains(SentenceAnalysis.chineseSayingVerbs, in: range.upperBound..<end)
  }

  /// Whether an undated article's `clause` names a window that counts from publication.
  func hasUndatedWindow(in clause: Range<Int>) -> Bool {
    undatedWindows.contains { clause.contains($0) }
  }

  /// The frames whose words start in `range`, in the order of `frames`.
  func frames(in range: Range<Int>) -> ArraySlice<(frame: TimeFrame, offset: Int)> {
    let order = frameOrder
    let count = frames.count
    func offset(at position: Int) -> Int { frames[order?[position] ?? position].offset }
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if offset(at: middle) < range.lowerBound {
        low = middle + 1
      } else {
        high = middle
      }
    }
    var end = low
    while end < count, offset(at: end) < range.upperBound { end += 1 }
    guard let order else { return frames[low..<end] }
    return ArraySlice(order[low..<end].sorted().map { frames[$0] })
  }

  /// Whether the whole sentence is out: a question, a summary, a disclaimer, a belief held in
  /// the past, or advice with a threatened consequence.
  var isDismissed: Bool {
    if endsWithQuestion { return true }
    let firstTrigger = found.first { SentenceAnalysis.isTrigger($0.kind) }?.range.lowerBound ?? 0
    for cue in found {
      switch cue.kind {
      // "他預計明年經濟可增長2.2%，並指出「…能否…」": a question in a clause after the forecast's
      // leaves the forecast standing.
      case .question
      where !clauses.contains { $0.contains(firstTrigger) && $0.contains(cue.range.lowerBound) }
        && cue.range.lowerBound > firstTrigger:
        continue
      case .question: return true
      case .meta: return true
      // "Nobody expects X, but Goldman predicts Y": an opinion no one holds is out of its own
      // clause only (`role(of:)`); a sentence saying it is no forecast is out whole.
      case .disclaimer where !SentenceAnalysis.isNobodyHolds(cue.word): return true
      // "他曾预计…" is a belief held once; "他曾透露，…将…" tells when a forecast was voiced.
      case .past
      where SentenceAnalysis.onceWords.contains(cue.word)
        && cue.range.lowerBound < firstTrigger
        && !tellsWithin(cue.range):
        return true
      case .advice where cue.range.lowerBound < firstTrigger && containsOtherwise:
        return true
      default: continue
      }
    }
    return false
  }

  /// Whether a condition word comes before the segment's first forecast word; a verb that
  /// reports the forecast ("华泰证券预测，如果…", "Analysts predict that, if…") is not where it
  /// starts.
  func isConditional(before segment: Segment) -> Bool {
    var firstTrigger = segment.triggers.first?.range.lowerBound ?? segment.range.upperBound
    // Past the reporting verb only when the condition follows it at once: "华泰证券预测，如果…"
    // yes; "预计明年GDP增长5%，如果…，增速可能更高" no (the first forecast stands unconditioned).
    if let first = segment.triggers.first, first.traits.contains(.reporting),
      let condition = found.first(where: {
        $0.kind == .condition && $0.range.lowerBound >= first.range.upperBound
      }),
      isOnlyPunctuation(first.range.upperBound..<condition.range.lowerBound),
      let next = segment.triggers.first(where: { $0.range.lowerBound > condition.range.lowerBound })
    {
      firstTrigger = next.range.lowerBound
    }
    return found.contains { $0.kind == .condition && $0.range.lowerBound < firstTrigger }
  }

  /// Whether `range` holds nothing but spaces, punctuation and "that".
  func isOnlyPunctuation(_ range: Range<Int>) -> Bool {
    guard range.lowerBound <= range.upperBound else { return false }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    let words = text.split { $0.isWhitespace || $0.isPunctuation }
    return words.allSatisfy { $0.lowercased() == "that" }
  }

  /// Whether `triggers` foresee an outcome themselves: a word of the future, said or denied,
  /// not only a hedge or a verb that reports a forecast ("预计，到2027年…将…" is one forecast).
  static func statesOutcome(_ triggers: [Found]) -> Bool {
    triggers.contains {
      ($0.kind == .future || $0.kind == .negatedFuture) && !$0.traits.contains(.reporting)
    }
  }

  /// Hedges that report a forecast someone makes rather than qualify it.
  static let reportingWords: Set<String> = [
    "预测", "預測", "预计", "預計", "预期", "預期", "预估", "預估", "估计", "估計", "预料", "預料",
    "predict", "predicts", "expect", "expects", "料",
  ]

  /// The forecasts of the sentence, split where a new window begins or a clause is excluded.
  func segments() -> [Segment] {
    let hasLiveFrame = frames.contains { !isPast($0.frame) }
    let allowsWeak = hasLiveFrame || isFramed
    let clauseFrames = clauses.map { liveFrame(in: $0) }
    // "二〇二六年公司營運將又是強勁成長的一年，營收將年增長近三十％": a forecast with no window of
    // its own takes the one an earlier clause of the sentence named, even a clause left out;
    // a comparison's window is a reference and passes on nothing.
    var earlierFrames: [TimeFrame?] = []
    earlierFrames.reserveCapacity(clauses.count)
    var latest: TimeFrame?
    for (index, clause) in clauses.enumerated() {
      earlierFrames.append(latest)
      if let frame = clauseFrames[index], !isComparison(clause) { latest = frame }
    }
    func window(of open: OpenSegment) -> TimeFrame? { open.frame ?? earlierFrames[open.first] }
    var result: [Segment] = []
    var current: OpenSegment?
    var pendingStart: Int?
    var lastTriggers: [Found] = []

    func close() {
      guard let open = current else { return }
      let range = clauses[open.first].lowerBound..<clauses[open.last].upperBound
      result.append(
        Segment(range: trimmed(range), triggers: open.triggers, timeFrame: window(of: open)))
      current = nil
    }

    func open(_ first: Int, _ last: Int, _ triggers: [Found]) {
      current = OpenSegment(first, last, triggers: triggers, in: self, frames: clauseFrames)
    }

    var continuesPast = false
    for (index, clause) in clauses.enumerated() {
      // "财务困境：" or "经济预测：" names the topic of a list item; the forecast follows it.
      if index == 0, clauses.count > 1, isLabel(clause) { continue }
      let triggers = liveTriggers(in: clause, allowsWeak: allowsWeak)
      let ownFrame = clauseFrames[index]
      var role = role(of: clause, triggers: triggers)
      if role == .forecast, continuesPast, ownFrame == nil { role = .pastFramed }
      if role == .pastFramed {
        continuesPast = true
      } else if ownFrame != nil {
        continuesPast = false
      }
      switch role {
      case .excluded, .pastFramed:
        close()
        pendingStart = nil
      case .neutral:
        if current != nil {
          current?.join(index, adding: [], in: self, frames: clauseFrames)
        } else if pendingStart == nil {
          pendingStart = index
        }
      case .dated where lastTriggers.isEmpty:
        if current != nil {
          current?.join(index, adding: [], in: self, frames: clauseFrames)
        } else if pendingStart == nil {
          pendingStart = index
        }
      case .forecast, .dated:
        let carried = triggers.isEmpty ? lastTriggers : triggers
        if let openSegment = current {
          let openFrame = window(of: openSegment)
          // "iPhone 16将开启升级周期，…，苹果将在未来一年迎来复兴": a clause with a forecast
          // word and a window of its own after a whole forecast with none is a second forecast;
          // the window is not the first one's.
          let startsOwnForecast =
            openFrame == nil && ownFrame != nil
            && SentenceAnalysis.statesOutcome(triggers)
            && SentenceAnalysis.statesOutcome(openSegment.triggers)
            && !continuesThePrevious(clause)
          if let ownFrame, let openFrame, ownFrame.deadline != openFrame.deadline {
            close()
            open(index, index, carried)
          } else if startsOwnForecast {
            close()
            open(index, index, carried)
          } else {
            current?.join(index, adding: triggers, in: self, frames: clauseFrames)
          }
        } else {
          open(pendingStart ?? index, index, carried)
        }
        pendingStart = nil
        lastTriggers = carried
      }
    }
    close()
    return result
  }

  // MARK: - Clauses

  private func role(of clause: Range<Int>, triggers: [Found]) -> Role {
    // "Ford, which lost $5B last year, said it would…": a relative clause describes the
    // subject; its past neither ends the forecast nor cuts the subject off.
    if triggers.isEmpty, isRelativeClause(clause) || isComparison(clause) { return .neutral }
    let inside = cues(in: clause)
    let firstTrigger = triggers.first?.range.lowerBound ?? clause.upperBound
    // Advice governs the clause when it comes first: "必须…" yes, "likely to … who think X should" no.
    if inside.contains(where: { $0.kind == .advice && $0.range.lowerBound < firstTrigger }) {
      return .excluded
    }
    if inside.contains(where: {
      $0.kind == .framing || $0.kind == .disclaimer || $0.kind == .denial
    }) {
      return .excluded
    }
    if isYearSummary(clause) { return .excluded }
    let clauseFrames = frames(in: clause)
    if clauseFrames.contains(where: { isPast($0.frame) }) { return .pastFramed }
    let hasFutureFrame = !clauseFrames.isEmpty
    let hasPlan = triggers.contains { $0.kind == .plan }
    if inside.contains(where: { $0.kind == .past }), !hasFutureFrame, !hasPlan {
      return .excluded
    }
    if !triggers.isEmpty { return .forecast }
    // "…on October 20, opening night of the 2026-27 season": a window after "of" names a
    // noun's time, not a second forecast's.
    let namesNounsTime = clauseFrames.allSatisfy {
      $0.frame.words.utf8.starts(with: "of ".utf8) || $0.frame.words.utf8.starts(with: "Of ".utf8)
    }
    return hasFutureFrame && !namesNounsTime ? .dated : .neutral
  }

  /// The cues that start in `clause`: one run of `found`, which is in sentence order.
  private func cues(in clause: Range<Int>) -> ArraySlice<Found> {
    let start = firstCue(from: clause.lowerBound)
    var end = start
    while end < found.count, found[end].range.lowerBound < clause.upperBound { end += 1 }
    return found[start..<end]
  }

  /// The index of the first cue that starts at or after `offset`, by a binary search.
  private func firstCue(from offset: Int) -> Int {
    var low = 0
    var high = found.count
    while low < high {
      let middle = (low + high) / 2
      if found[middle].range.lowerBound < offset {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low
  }

  /// A short first clause ending in a colon: a list item's label.
  private func isLabel(_ clause: Range<Int>) -> Bool {
    guard clause.count <= 36 else { return false }
    let end = clause.upperBound
    return bytes[end - 1] == UInt8(ascii: ":")
      || end >= 3 && bytes[end - 3] == 0xEF && bytes[end - 2] == 0xBC && bytes[end - 1] == 0x9A
  }

  /// The forecast words of a clause that really look ahead here.
  private func liveTriggers(in clause: Range<Int>, allowsWeak: Bool) -> [Found] {
    let inside = cues(in: clause)
    let clauseHasFrame = frames(in: clause).contains { !isPast($0.frame) }
    // Beside a firm forecast word, a weak hedge still qualifies it ("可能还会"). A word of
    // chance is firm only with a number beside it, which the detector checks, so it does not
    // make a firm word of a "may" here.
    let hasFirmWord = inside.contains {
      SentenceAnalysis.isTrigger($0.kind) && $0.kind != .plan
        && !$0.isWeak && !StatedProbability.nouns.contains($0.word)
    }
    // A figure on the outcome is looked for only when a weak word needs it.
    let allowsWeak =
      allowsWeak || hasFirmWord
      || inside.contains { $0.isWeak && SentenceAnalysis.isTrigger($0.kind) }
        && statesThreshold(in: clause)
    return inside.filter { cue in
      guard SentenceAnalysis.isTrigger(cue.kind) else { return false }
      if cue.kind != .hedge, isIdleModal(cue, in: clause, hasLiveFrame: clauseHasFrame) {
        return false
      }
      if cue.traits.contains(.schedule) || cue.traits.contains(.progressive), isHabitual() {
        return false
      }
      // "are arriving in record numbers this summer" is what is happening; "is coming later
      // this year", "is launching in October" a schedule.
      if cue.traits.contains(.launch), !hasWindowAhead(in: clause) { return false }
      // "is seen at $81", "projects earnings of $3.50", "see the rate rising to 4.3%": a figure
      // follows; "is seen at the Davos forum", "projects its logo onto…" are sights.
      if cue.traits.contains(.needsFigure), !hasFigure(after: cue.range, in: clause) {
        return false
      }
      // "Shoppers will see prices rising": the modal before "see" is the forecast's word.
      if cue.word == "see", let before = asciiWord(endingAt: cue.range.lowerBound),
        SentenceAnalysis.wordsBeforeSight.contains(before.lowercased())
      {
        return false
      }
      if cue.kind == .plan {
        return clauseHasFrame || hasUndatedWindow(in: clause) || datesByAppositive(clause)
      }
      if cue.traits.contains(.shouldBe), isAdvisingShouldBe(cue.range) { return false }
      // "I think it's important…" is an opinion, and "I think the team played well this
      // year" a judgement: a belief looks ahead only beside a window that is still wholly to
      // come or has no start, even in an article of forecasts.
      if cue.traits.contains(.belief) {
        return clauseHasFrame && !hasPastVerb(after: cue.range.upperBound)
      }
      if cue.isWeak {
        return allowsWeak && (!cue.traits.contains(.seeing) || isOutlookSee(cue.range))
          && (!cue.traits.contains(.guidance) || isGuidanceVerb(cue.range))
      }
      if cue.mayMarkObject {
        // An adverb right after 将 leaves no room for an object: 将大幅拉升至, 将进一步扩大; after
        // 已 or 正在 the 将 is 把 all the same (已将进一步的计划推迟).
        if isFollowed(by: SentenceAnalysis.adverbsAfterFuture, at: cue.range),
          !follows(SentenceAnalysis.doneWords, at: cue.range)
        {
          return true
        }
        // 将 as 把: "将AI插件化", "能够将…融为一体"; a verb right after 将 has no object
        // before it (将提升至30%).
        let marksObject = inside.contains {
          $0.kind == .objectMarkerVerb && $0.range.lowerBound > cue.range.upperBound
        }
        return !marksObject && !hasObjectThenPreposition(after: cue.range, within: clause)
          && !follows(SentenceAnalysis.abilityWords, at: cue.range)
          && !isFollowed(by: SentenceAnalysis.objectStarters, at: cue.range)
      }
      // A few characters back only: the adverb sits just before its 会, and a bounded look
      // keeps a clause of many 会 linear.
      if cue.traits.contains(.habitual), !clauseHasFrame,
        contains(
          SentenceAnalysis.chineseHabitWords,
          in: max(clause.lowerBound, cue.range.lowerBound - 24)..<cue.range.lowerBound)
          // "芯片会影响交付量是因为…": the 会 of a fact its clause goes on to explain.
          || contains(
            SentenceAnalysis.explainingWords, in: cue.range.upperBound..<clause.upperBound)
      {
        return false
      }
      return true
    }
  }

  /// Whether `clause` names a window that opens after publication or has no start: the time
  /// of a launch still to come.
  private func hasWindowAhead(in clause: Range<Int>) -> Bool {
    frames(in: clause).contains { located in
      guard !isPast(located.frame) else { return false }
      guard let start = located.frame.start, let published = context.published else {
        return true
      }
      return start > published
    }
  }

  /// Whether a digit follows `range` within its clause outside the clause's windows: a year
  /// that dates the sentence is no figure ("is seen at the Davos forum in January 2027").
  private func hasFigure(after range: Range<Int>, in clause: Range<Int>) -> Bool {
    let windows = frames(in: clause).map { $0.offset..<($0.offset + $0.frame.words.utf8.count) }
    return (range.upperBound..<clause.upperBound).contains { index in
      bytes[index] &- 0x30 < 10 && !windows.contains { $0.contains(index) }
    }
  }

  /// Whether the clause after `clause` is an aside on its object and it, or a window standing
  /// alone after it, names a live window: "Apple intends to launch a cheaper iPhone, a
  /// successor to the SE, in the spring of 2027"; "plans to open a plant, its first in Europe,
  /// in 2027".
  private func datesByAppositive(_ clause: Range<Int>) -> Bool {
    guard let index = clauses.firstIndex(of: clause), index + 1 < clauses.count,
      opens(clauses[index + 1], with: SentenceAnalysis.appositiveOpeners)
    else { return false }
    let aside = clauses[index + 1]
    let standalone = clauses.dropFirst(index + 2).first.flatMap {
      opens($0, with: SentenceAnalysis.windowOpeners) ? $0 : nil
    }
    let asideIsDated = frames(in: aside).contains { !isPast($0.frame) }
    guard !cues(in: aside).contains(where: { SentenceAnalysis.isTrigger($0.kind) }) else {
      return false
    }
    guard let standalone else { return asideIsDated }
    // "a rival to a model due in 2028, this year": two windows, the aside's its own.
    return !asideIsDated && frames(in: standalone).contains { !isPast($0.frame) }
  }

  /// Words after which "see" is sight, or a modal's: will see, to see, can see.
  static let wordsBeforeSight: Set<String> = [
    "will", "would", "could", "may", "might", "can", "to", "ll", "should", "must", "not",
  ]

  /// Whether `clause`, commas and spaces aside, opens with one of `words`.
  private func opens(_ clause: Range<Int>, with words: [[UInt8]]) -> Bool {
    var start = clause.lowerBound
    while start < clause.upperBound, bytes[start] == 0x20 || bytes[start] == UInt8(ascii: ",") {
      start += 1
    }
    let opening = UnsafeBufferPointer(rebasing: bytes[start..<clause.upperBound])
    return words.contains { opening.starts(with: $0) }
  }

  private static let appositiveOpeners = ByteText.encoded(["a ", "an ", "its ", "their "])
  private static let windowOpeners = ByteText.encoded([
    "in ", "by ", "before ", "from ", "this ", "next ", "later ", "early ", "late ",
  ])

  /// Words that hedge without looking ahead by themselves; they count only in a sentence that
  /// names a live window, in an article framed as forecasts, or in a clause that puts a figure
  /// on its outcome.
  static let weakWords = Set<String>([
    "可能", "也许", "也許", "或许", "或許", "说不定", "說不定", "could", "may", "might", "would",
    "possibly", "perhaps", "maybe", "predicted", "we see", "sees", "see", "real chance",
    "real possibility", "serious possibility", "预判", "預判", "恐怕", "预测", "預測", "很难", "很難",
    // Confidence in something, not in a future event, unless a window says when.
    "有信心", "有把握", "料", "目标价", "目標價",
  ]).union(HedgeScale.doubtingWords).union(HedgeScale.beliefWords).union(HedgeScale.guidanceWords)
    .union(HedgeScale.rumourWords).union(HedgeScale.expectedAtWords)
    .union(HedgeScale.orBeforeVerbWords)

  /// Words of belief: a forecast only with a window in their clause.
  static let beliefWords = Set(HedgeScale.beliefWords)

  /// Outlook words that read as sight unless an outcome in -ing or a level follows.
  static let seeingWords: Set<String> = ["we see", "sees", "see"]

  /// Whether a disclaimer says that no one holds an opinion ("nobody expects", 没有人认为),
  /// rather than that the sentence is no forecast.
  static func isNobodyHolds(_ word: String) -> Bool {
    nobodyOpeners.contains { word.hasPrefix($0) }
  }

  private static let nobodyOpeners = [
    "nobody", "no one", "few", "没有人", "沒有人", "没人", "沒人", "无人", "無人",
  ]

  /// 曾 and its forms: a belief held once, not a forecast made now.
  private static let onceWords: Set<String> = ["曾", "曾经", "曾經"]

  /// 能将, 可以将, 并将, 直接将, 已将: 将 after these is the verb's object marker, as 把.
  static let abilityWords = ByteText.encoded([
    "能", "能够", "能夠", "可", "可以", "并", "並", "直接", "已", "已经", "已經", "正在", "曾",
  ])

  /// 已, 正在, 曾: a 将 after them marks the object of something done or under way.
  static let doneWords = ByteText.encoded(["已", "已经", "已經", "正在", "曾"])

  /// 将其, 将原有, 将这一, 将整个: a pronoun or a determiner after 将 starts its object; the
  /// future 将 is followed by a verb, an adverb or a time.
  static let objectStarters = ByteText.encoded([
    "其", "原有", "原先", "原本", "这", "這", "该", "該", "此", "整个", "整個", "所有", "自身", "自己", "它",
    "那些", "上述", "前述",
  ])

  /// Adverbs that follow the future 将 and never start the object of 将 as 把.
  static let adverbsAfterFuture = ByteText.encoded([
    "进一步", "進一步", "大幅", "小幅", "逐步", "逐渐", "逐漸", "持续", "持續", "继续", "繼續", "再次", "再度",
    "稳步", "穩步", "明显", "明顯", "显著", "顯著", "全面", "正式", "首次", "首度", "陆续", "陸續", "率先",
    "加速", "加快", "有所", "大大", "不断", "不斷", "快速", "迅速", "同步", "更加", "较去年", "較去年", "分别",
    "分別",
  ])

  /// Adverbs of habit: "通常一开始会多下订单" tells what is usually done, not what will be.
  static let chineseHabitWords = ByteText.encoded([
    "通常", "往往", "总是", "總是", "经常", "經常", "常常", "向来", "向來", "一向", "每年都", "每次都", "有时候",
    "有時候", "有时", "有時", "时常", "時常", "不时", "不時", "每当", "每當",
  ])

  /// 是因为 and its kin after 会: the clause explains why something does happen.
  static let explainingWords = ByteText.encoded(["是因为", "是因為", "是由于", "是由於"])

  /// The forms of 会 a word of habit turns into "tends to": 将 and "will" stay forecasts.
  static let habitualModals: Set<String> = ["会", "會", "也会", "也會", "还会", "還會"]

  static func isTrigger(_ kind: Cue.Kind) -> Bool {
    kind == .future || kind == .hedge || kind == .negatedFuture || kind == .plan
  }
}
