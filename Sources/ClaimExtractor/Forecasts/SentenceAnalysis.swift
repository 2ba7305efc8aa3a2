import ClaimLedger
import Foundation

/// One sentence taken apart: its cues, its clauses, its time frames, and which clauses forecast.
struct SentenceAnalysis {
  /// A cue found in the sentence.
  struct Found: Equatable {
    let word: String
    let kind: Cue.Kind
    let range: Range<Int>
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

  private let found: [Found]
  private let clauses: [Range<Int>]
  private let frames: [(frame: TimeFrame, offset: Int)]
  private let context: TimeContext
  private let isFramed: Bool
  private let bytes: UnsafeBufferPointer<UInt8>

  init(
    sentence: String, bytes: UnsafeBufferPointer<UInt8>, scanner: CueScanner,
    context: TimeContext, isFramed: Bool
  ) {
    self.bytes = bytes
    self.context = context
    self.isFramed = isFramed
    found = scanner.hits(in: bytes).map { hit in
      Found(word: scanner.cues[hit.cue].word, kind: scanner.cues[hit.cue].kind, range: hit.range)
    }
    clauses = SentenceSplitter.clauses(in: bytes)
    frames = SentenceAnalysis.locate(
      TimeFrameFinder.frames(in: sentence, context: context), in: bytes)
  }

  /// Whether the whole sentence is out: a question, a summary, a belief held in the past, or
  /// advice with a threatened consequence.
  var isDismissed: Bool {
    if let last = lastNonSpaceByte, last == UInt8(ascii: "?") || endsWithFullWidthQuestion {
      return true
    }
    let firstTrigger = found.first { SentenceAnalysis.isTrigger($0.kind) }?.range.lowerBound ?? 0
    for cue in found {
      switch cue.kind {
      case .question: return true
      case .meta: return true
      case .past where ["曾", "曾经", "曾經"].contains(cue.word) && cue.range.lowerBound < firstTrigger:
        return true
      case .advice where cue.range.lowerBound < firstTrigger && containsOtherwise:
        return true
      default: continue
      }
    }
    return false
  }

  /// Whether a condition word comes before the segment's first forecast word.
  func isConditional(before segment: Segment) -> Bool {
    let firstTrigger = segment.triggers.first?.range.lowerBound ?? segment.range.upperBound
    return found.contains { $0.kind == .condition && $0.range.lowerBound < firstTrigger }
  }

  /// The forecasts of the sentence, split where a new window begins or a clause is excluded.
  func segments() -> [Segment] {
    let hasLiveFrame = frames.contains { !isPast($0.frame) }
    let allowsWeak = hasLiveFrame || isFramed
    var result: [Segment] = []
    var current: (first: Int, last: Int, triggers: [Found])?
    var pendingStart: Int?
    var lastTriggers: [Found] = []

    func close() {
      guard let open = current else { return }
      let range = clauses[open.first].lowerBound..<clauses[open.last].upperBound
      let frame = frameForSegment(clauses: open.first...open.last, triggers: open.triggers)
      result.append(Segment(range: trimmed(range), triggers: open.triggers, timeFrame: frame))
      current = nil
    }

    var continuesPast = false
    for (index, clause) in clauses.enumerated() {
      // "财务困境：" or "经济预测：" names the topic of a list item; the forecast follows it.
      if index == 0, clauses.count > 1, isLabel(clause) { continue }
      let triggers = liveTriggers(in: clause, allowsWeak: allowsWeak)
      var role = role(of: clause, triggers: triggers)
      if role == .forecast, continuesPast, liveFrame(in: clause) == nil { role = .pastFramed }
      if role == .pastFramed {
        continuesPast = true
      } else if liveFrame(in: clause) != nil {
        continuesPast = false
      }
      switch role {
      case .excluded, .pastFramed:
        close()
        pendingStart = nil
      case .neutral:
        if current != nil {
          current?.last = index
        } else if pendingStart == nil {
          pendingStart = index
        }
      case .dated where lastTriggers.isEmpty:
        if current != nil {
          current?.last = index
        } else if pendingStart == nil {
          pendingStart = index
        }
      case .forecast, .dated:
        let carried = triggers.isEmpty ? lastTriggers : triggers
        let ownFrame = liveFrame(in: clause)
        if let open = current {
          let openFrame = frameForSegment(clauses: open.first...open.last, triggers: open.triggers)
          if let ownFrame, let openFrame, ownFrame.deadline != openFrame.deadline {
            close()
            current = (index, index, carried)
          } else {
            current?.last = index
            current?.triggers += triggers
          }
        } else {
          current = (pendingStart ?? index, index, carried)
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
    let inside = found.filter { clause.contains($0.range.lowerBound) }
    let firstTrigger = triggers.first?.range.lowerBound ?? clause.upperBound
    // Advice governs the clause when it comes first: "必须…" yes, "likely to … who think X should" no.
    if inside.contains(where: { $0.kind == .advice && $0.range.lowerBound < firstTrigger }) {
      return .excluded
    }
    if inside.contains(where: { $0.kind == .framing }) { return .excluded }
    if isYearSummary(clause) { return .excluded }
    let clauseFrames = frames.filter { clause.contains($0.offset) }
    if clauseFrames.contains(where: { isPast($0.frame) }) { return .pastFramed }
    let hasFutureFrame = !clauseFrames.isEmpty
    let hasPlan = triggers.contains { $0.kind == .plan }
    if inside.contains(where: { $0.kind == .past }), !hasFutureFrame, !hasPlan {
      return .excluded
    }
    if !triggers.isEmpty { return .forecast }
    return hasFutureFrame ? .dated : .neutral
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
    let inside = found.filter { clause.contains($0.range.lowerBound) }
    let clauseHasFrame = frames.contains { clause.contains($0.offset) && !isPast($0.frame) }
    return inside.filter { cue in
      guard SentenceAnalysis.isTrigger(cue.kind) else { return false }
      if cue.kind == .plan { return clauseHasFrame }
      if SentenceAnalysis.weakWords.contains(cue.word) { return allowsWeak }
      if cue.word == "将" || cue.word == "將" {
        // 将 as 把: "将AI插件化", "能够将…融为一体".
        let marksObject = inside.contains {
          $0.kind == .objectMarkerVerb && $0.range.lowerBound > cue.range.lowerBound
        }
        return !marksObject && !hasObjectThenPreposition(after: cue.range, within: clause)
          && !follows(["能", "能够", "能夠", "可", "可以", "并", "並"], at: cue.range)
      }
      return true
    }
  }

  /// Words that hedge without looking ahead by themselves; they count only in a sentence that
  /// names a live window or in an article framed as forecasts.
  private static let weakWords: Set<String> = [
    "可能", "也许", "也許", "或许", "或許", "说不定", "說不定", "could", "may", "might", "would",
    "possibly", "perhaps", "maybe", "predicted", "预判", "預判", "恐怕", "预测", "預測", "很难", "很難",
  ]

  private static func isTrigger(_ kind: Cue.Kind) -> Bool {
    kind == .future || kind == .hedge || kind == .negatedFuture || kind == .plan
  }

  // MARK: - Time frames

  private func isPast(_ frame: TimeFrame) -> Bool {
    guard let published = context.published else { return false }
    return frame.deadline < published
  }

  private func liveFrame(in clause: Range<Int>) -> TimeFrame? {
    frames.first { clause.contains($0.offset) && !isPast($0.frame) }?.frame
  }

  /// The window of a segment: named in its forecast clauses, else anywhere in it.
  private func frameForSegment(clauses range: ClosedRange<Int>, triggers: [Found]) -> TimeFrame? {
    let spans = range.map { clauses[$0] }
    let forecastClauses = spans.filter { span in
      triggers.contains { span.contains($0.range.lowerBound) }
    }
    for span in forecastClauses { if let frame = liveFrame(in: span) { return frame } }
    for span in spans { if let frame = liveFrame(in: span) { return frame } }
    return nil
  }

  /// Finds where each frame's words sit in the sentence, in order.
  private static func locate(_ frames: [TimeFrame], in bytes: UnsafeBufferPointer<UInt8>)
    -> [(frame: TimeFrame, offset: Int)]
  {
    var located: [(frame: TimeFrame, offset: Int)] = []
    var from = 0
    for frame in frames {
      let needle = Array(frame.words.utf8)
      if let offset = firstIndex(of: needle, in: bytes, from: from) {
        located.append((frame, offset))
        from = offset + needle.count
      } else if let offset = firstIndex(of: needle, in: bytes, from: 0) {
        located.append((frame, offset))
      }
    }
    return located
  }

  private static func firstIndex(
    of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Int? {
    guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count
    else { return nil }
    for index in start...(bytes.count - needle.count) where bytes[index] == needle[0] {
      if (0..<needle.count).allSatisfy({ bytes[index + $0] == needle[$0] }) { return index }
    }
    return nil
  }

  // MARK: - Bytes

  /// "二零二六年将是…的一年", "2026 will be a year of …": a frame, not an outcome.
  private func isYearSummary(_ clause: Range<Int>) -> Bool {
    let text = UnsafeBufferPointer(rebasing: bytes[clause])
    if Self.firstIndex(of: Array("将是".utf8), in: text, from: 0) != nil
      || Self.firstIndex(of: Array("將是".utf8), in: text, from: 0) != nil
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
      let tail = Array(text[max(0, end - 6)..<end])
      return tail == Array("一年".utf8) || tail == Array("之年".utf8)
    }
    return Self.firstIndex(of: Array("will be a year".utf8), in: text, from: 0) != nil
  }

  /// 将 as 把 puts an object between itself and the verb's preposition: "将矩阵约束在…",
  /// "将残差流扩展为…"; the future 将 is followed by its verb at once ("将在", "将为…带来").
  private func hasObjectThenPreposition(after range: Range<Int>, within clause: Range<Int>) -> Bool
  {
    let prepositions: Set<Unicode.Scalar> = ["在", "为", "為", "成", "到", "至", "于", "於", "给", "給"]
    var offset = range.upperBound
    var characters = 0
    for scalar in String(decoding: bytes[range.upperBound..<clause.upperBound], as: UTF8.self)
      .unicodeScalars
    {
      if characters >= 3, prepositions.contains(scalar) {
        // A forecast word before the preposition starts a verb phrase: not an object.
        let between = range.upperBound..<offset
        return !found.contains {
          SentenceAnalysis.isTrigger($0.kind) && between.contains($0.range.lowerBound)
        }
      }
      characters += 1
      offset += String(scalar).utf8.count
    }
    return false
  }

  private func follows(_ words: [String], at range: Range<Int>) -> Bool {
    words.contains { word in
      let needle = Array(word.utf8)
      let start = range.lowerBound - needle.count
      return start >= 0 && Array(bytes[start..<range.lowerBound]) == needle
    }
  }

  private var lastNonSpaceByte: UInt8? {
    bytes.last { !SentenceSplitter.isSpace($0) && $0 != UInt8(ascii: "\"") }
  }

  private var endsWithFullWidthQuestion: Bool {
    let tail = Array(bytes.suffix(6))
    return tail.count >= 3 && tail.suffix(3) == [0xEF, 0xBC, 0x9F]
      || tail.count >= 6 && Array(tail.prefix(3)) == [0xEF, 0xBC, 0x9F]
  }

  private var containsOtherwise: Bool {
    let text = String(decoding: bytes, as: UTF8.self)
    return ["否则", "否則", "otherwise", "or else"].contains { text.contains($0) }
  }

  /// `range` without the clause punctuation at its end.
  private func trimmed(_ range: Range<Int>) -> Range<Int> {
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
  fileprivate static let punctuationAndSpaces = CharacterSet.punctuationCharacters.union(
    .whitespacesAndNewlines)
}
