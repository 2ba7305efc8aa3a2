import ClaimLedger

/// A stretch of one sentence that states a forecast, with what the words say about it.
struct ForecastSpan: Sendable, Equatable {
  /// Byte range within the sentence.
  var range: Range<Int>
  /// The hedge word that sets the confidence, as the hedge table spells it ("likely").
  var hedge: String?
  var confidence: Double
  /// The hedge negates the outcome ("won't", "不会"): the claim is that it does not happen.
  var isNegated: Bool
  var isConditional: Bool
  /// The window the span names itself, if any.
  var timeFrame: TimeFrame?
}

/// Decides which parts of a sentence are forecasts: future or hedged, about a window that has
/// not closed, asserted rather than asked, urged or recalled.
struct ForecastDetector: Sendable {
  let scanner: CueScanner
  let hedges: HedgeScale
  let extraHedges: [String: Double]
  /// The probability each of the scanner's cues stands for, by its index.
  private let probabilities: [Double]

  init(
    scanner: CueScanner = .standard, hedges: HedgeScale = .standard,
    extraHedges: [String: Double] = [:]
  ) {
    self.scanner = scanner
    self.hedges = hedges
    self.extraHedges = extraHedges
    isTrigger = scanner.cues.map { SentenceAnalysis.isTrigger($0.kind) }
    probabilities = scanner.cues.map { cue in
      ForecastDetector.probability(
        of: cue.word, kind: cue.kind, hedges: hedges, extraHedges: extraHedges)
    }
  }

  /// Whether each of the scanner's cues, by its index, is a future, hedge or plan word.
  private let isTrigger: [Bool]

  /// Whether the sentence is worth a closer look: it holds a future, hedge or plan word. Its
  /// cues are left in `hits`, for `forecasts(in:hits:…)`.
  func isCandidate(_ bytes: UnsafeBufferPointer<UInt8>, hits: inout [CueScanner.Hit]) -> Bool {
    scanner.collect(&hits, in: bytes, noting: isTrigger)
  }

  /// The forecasts in `sentence`, in order.
  ///
  /// `isFramed`: the article or section is a list of forecasts for a year, so even a bare
  /// "may" or 可能 states one. `hits`: the sentence's cues, when they are known already.
  func forecasts(
    in sentence: String, hits: [CueScanner.Hit]? = nil, context: TimeContext, isFramed: Bool
  ) -> [ForecastSpan] {
    // A native string's own UTF-8, read in place.
    var text = sentence
    return text.withUTF8 { buffer in
      let analysis = SentenceAnalysis(
        sentence: sentence, bytes: buffer, hits: hits ?? scanner.hits(in: buffer),
        scanner: scanner, context: context, isFramed: isFramed)
      guard !analysis.isDismissed else { return [] }
      return analysis.segments().compactMap { span(for: $0, in: analysis) }
    }
  }

  private func span(for segment: SentenceAnalysis.Segment, in analysis: SentenceAnalysis)
    -> ForecastSpan?
  {
    // A number the words state wins over any hedge word; a word of chance without one
    // ("the odds of a recession") is too vague to make a forecast.
    let stated = StatedProbability.value(
      in: UnsafeBufferPointer(rebasing: analysis.bytes[segment.range]))
    let triggers = segment.triggers.filter {
      (stated != nil || !StatedProbability.nouns.contains($0.word))
        && (!HedgeScale.doubtingWords.contains($0.word)
          || analysis.doubtBearsOnForecast($0, among: segment.triggers))
    }
    guard let lastTrigger = triggers.last else { return nil }
    // "市场人士估计，" alone: the verb that reports a forecast, with the forecast left out (a
    // clause about the past) or in another segment.
    if triggers.allSatisfy({ $0.traits.contains(.reporting) }),
      analysis.isOnlyPunctuation(lastTrigger.range.upperBound..<segment.range.upperBound)
    {
      return nil
    }
    // "首款硬件设备（可能是AI智能笔）预计在…推出": a word inside an aside qualifies the aside,
    // not the claim, when the claim has a word of its own.
    let asides = analysis.asides(in: segment.range)
    let outside =
      asides.isEmpty
      ? triggers : triggers.filter { trigger in !Self.lies(trigger.range.lowerBound, in: asides) }
    let weighed = outside.isEmpty ? triggers : outside
    // A word of doubt qualifies the claim more than the tense does.
    let epistemic = weighed.first { $0.kind == .hedge }
    let negation = weighed.first { $0.kind == .negatedFuture }
    let future = weighed.first { $0.kind == .future || $0.kind == .plan }
    var chosen = epistemic ?? negation ?? future ?? weighed[0]
    // "'X will win,' predicts Y": the quoted words carry the speaker's own confidence, which
    // the reporting verb outside the quotation does not override.
    if chosen.traits.contains(.reporting), !analysis.isQuoted(chosen.range.lowerBound) {
      let quoted = triggers.filter { analysis.isQuoted($0.range.lowerBound) }
      if let inside = quoted.first(where: { $0.kind == .hedge })
        ?? quoted.first(where: { $0.kind == .negatedFuture }) ?? quoted.first
      {
        chosen = inside
      }
    }
    // "梁子健预料…有望…", "Lind expects prices could fall": a verb that reports an expectation
    // yields to the hedge on the outcome it reports.
    if chosen.traits.contains(.reporting),
      let inner = triggers.first(where: {
        $0.kind == .hedge && $0.range.lowerBound >= chosen.range.upperBound
          && !$0.traits.contains(.reporting)
      }),
      // "We expect growth in 2027, but margins could slip": a contrast ends what is reported.
      !analysis.hasContrast(in: chosen.range.upperBound..<inner.range.lowerBound)
    {
      chosen = inner
    }
    var confidence = probabilities[chosen.cue]
    if chosen.kind == .negatedFuture { confidence = 1 - confidence }
    // The number is the chance of what the words say, negation and all.
    if let stated { confidence = stated }
    return ForecastSpan(
      range: segment.range, hedge: stated == nil ? chosen.word : nil,
      confidence: min(1, max(0, (confidence * 100).rounded() / 100)),
      isNegated: negation != nil, isConditional: analysis.isConditional(before: segment),
      timeFrame: segment.timeFrame)
  }

  /// Whether `offset` is in one of `ranges`, which are in order and apart: a binary search.
  private static func lies(_ offset: Int, in ranges: [Range<Int>]) -> Bool {
    var low = 0
    var high = ranges.count
    while low < high {
      let middle = (low + high) / 2
      if ranges[middle].upperBound <= offset {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low < ranges.count && ranges[low].contains(offset)
  }

  /// The probability a hedge word stands for: the lexicon's, then the hedge table's, then a
  /// default by the kind of word.
  private static func probability(
    of word: String, kind: Cue.Kind, hedges: HedgeScale, extraHedges: [String: Double]
  ) -> Double {
    if let value = extraHedges[word] { return value }
    if let hedge = hedges.hedge(named: word) { return hedge.probability }
    switch kind {
    case .future: return 0.85
    case .plan: return 0.9
    case .negatedFuture: return 0.15
    default: return 0.6
    }
  }
}
