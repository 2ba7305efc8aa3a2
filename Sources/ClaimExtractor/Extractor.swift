import ClaimLedger
import Foundation

/// What a person knows better than the article: who said it, when, and where.
public struct ExtractionOverrides: Sendable, Equatable {
  public var source: String?
  public var said: Day?
  public var url: String?

  public init(source: String? = nil, said: Day? = nil, url: String? = nil) {
    self.source = source
    self.said = said
    self.url = url
  }
}

/// A forecast found in an article, ready to be proposed for review.
public struct Proposal: Sendable, Equatable {
  /// The claim as it would be recorded, with status `proposed`.
  public let claim: Claim
  /// The claim's id, derived once: hashing its words is the costly part of an id.
  public let id: ClaimID
  /// The line of the article the quote is on.
  public let line: Int

  public init(claim: Claim, line: Int) {
    self.init(claim: claim, id: claim.derivedID, line: line)
  }

  /// A proposal whose id is known already; it must be `claim.derivedID`.
  init(claim: Claim, id: ClaimID, line: Int) {
    self.claim = claim
    self.id = id
    self.line = line
  }
}

/// Turns articles into proposed claims: read → metadata → sentences → forecasts → time frame →
/// speaker → confidence → normalised text.
///
/// A pure function of the article's bytes; it never opens the ledger, so it can run as a map
/// step over any number of documents.
public struct Extractor: Sendable {
  /// Written into each proposal's `document`, so a later extractor's proposals can be told apart.
  public static let version = "1"
  /// The hedge table the extractor reads confidences from: the one `--hedge` uses.
  public static let hedges = HedgeScale.standard

  public let lexicon: Lexicon
  let detector: ForecastDetector
  let speakers: SpeakerFinder

  public init(lexicon: Lexicon = .builtIn) {
    self.lexicon = lexicon
    // Hedge words from lexicon.json are cues like the built-in ones, with their own values.
    let extra = lexicon.hedges.keys.sorted().map { Cue($0, .hedge) }
    detector = ForecastDetector(
      scanner: extra.isEmpty ? .standard : CueScanner(cues: Cue.all + extra),
      extraHedges: lexicon.hedges)
    speakers = SpeakerFinder(lexicon: lexicon)
  }

  /// Reads an article's bytes and proposes the forecasts in it.
  public func proposals(
    fromBytes bytes: [UInt8], path: String, overrides: ExtractionOverrides = .init()
  ) throws(ExtractionError) -> [Proposal] {
    proposals(in: try DocumentReader.read(bytes, path: path), overrides: overrides)
  }

  /// The forecasts of a document read already, in the order they appear, without duplicates.
  public func proposals(in document: Document, overrides: ExtractionOverrides = .init())
    -> [Proposal]
  {
    let article = ArticleContext(document: document, overrides: overrides)
    var seen = Set<ClaimID>()
    // Which words were proposed already, where, by whom and how surely: an article that repeats
    // a forecast (a summary, a lead, the body) proposes it once, credited to the speaker a
    // statement names rather than one inferred or the section's own; two speakers named with
    // the same words each keep theirs. Hashing the words costs far less than deriving the id.
    var seenQuotes: [QuoteKey: [Stated]] = [:]
    // Read only when a forecast names a bare fiscal year: few articles have one.
    var fiscal: FiscalCalendar?
    var result: [Proposal] = []
    // Interviews label each answer with its speaker; elsewhere a label names a topic.
    let isInterview = document.sections.contains { section in
      section.lines.contains { SpeakerFinder.opensWithQuestionLabel($0.utf8) }
    }
    var earlierLines: [String] = []
    let names = SpeakerFinder.ArticleNames(
      people: document.metadata.people, organisations: document.metadata.organisations)
    for section in document.sections {
      let framing = article.framingYear(of: section)
      let context = TimeContext(
        published: article.published, framingYear: framing ?? article.yearHint)
      let defaultSpeaker = article.speaker(for: section)
      var memo = SpeakerFinder.Memo()
      for (lineIndex, line) in section.lines.enumerated() {
        // "2027年十大预测" titles the forecasts that follow; it is not one of them.
        if line.isHeading, TimeFrameFinder.framingYear(in: line.text) != nil { continue }
        let labelled =
          isInterview
          ? speakers.labelledSpeaker(
            of: line.utf8, after: earlierLines, interviewee: document.metadata.interviewee)
          : nil
        if isInterview { earlierLines.append(line.text) }
        forEachCandidate(in: line.utf8) { sentence, range, hits, clauseBefore in
          var spans = detector.forecasts(
            in: sentence, hits: hits, context: context, isFramed: framing != nil)
          guard !spans.isEmpty else { return }
          if let clauseBefore, spans.contains(where: { $0.timeFrame == nil }),
            let carried = Self.liveWindow(in: line.utf8[clauseBefore], context: context)
          {
            for index in spans.indices where spans[index].timeFrame == nil {
              spans[index].timeFrame = carried
            }
          }
          let (speaker, attribution) = speaker(
            of: sentence, at: range, line: lineIndex, in: section, labelled: labelled,
            names: names, memo: &memo)
          for span in spans {
            guard let confidence = Confidence(span.confidence) else { continue }
            let quote = Self.text(of: sentence, in: span.range)
            let key = QuoteKey(source: "", quote: quote)
            let source = article.overrides.source ?? speaker ?? defaultSpeaker.name
            let earlier = seenQuotes[key, default: []]
            if earlier.contains(where: { $0.source == source }) { continue }
            // Words said again replace where it stood a claim credited less surely; said again
            // by someone not named, they add none.
            let replaced = earlier.firstIndex { $0.attribution < attribution }
            if !earlier.isEmpty, replaced == nil, attribution < .named { continue }
            let id = ClaimID(source: source, said: article.published, words: quote)
            guard !seen.contains(id) else { continue }
            if let replaced { seen.remove(result[earlier[replaced].index].id) }
            seen.insert(id)
            if fiscal == nil, let frame = span.timeFrame,
              FiscalCalendar.fiscalYear(in: frame.words) != nil
            {
              fiscal = FiscalCalendar(document: document, context: context)
            }
            let claim = makeClaim(
              span, quote: quote, confidence: confidence, source: source, speaker: speaker,
              defaultSpeaker: defaultSpeaker, framing: framing, article: article,
              section: section, fiscal: fiscal)
            let proposal = Proposal(claim: claim, id: id, line: line.line)
            let stated = Stated(
              index: replaced.map { earlier[$0].index } ?? result.count, attribution: attribution,
              source: source)
            if let replaced {
              result[stated.index] = proposal
              seenQuotes[key]?[replaced] = stated
            } else {
              seenQuotes[key, default: []].append(stated)
              result.append(proposal)
            }
          }
        }
      }
    }
    return result
  }

  /// Where a forecast's words were proposed, credited to whom and how surely.
  private struct Stated {
    var index: Int
    var attribution: Attribution
    var source: String
  }

  /// How surely a sentence's speaker is known, from least to most.
  enum Attribution: Int, Comparable {
    /// No one is named: the section's own speaker.
    case section
    /// A pronoun, "the company" or an earlier sentence of the paragraph points to them.
    case inferred
    /// The sentence, its quotation or its interview label names them.
    case named

    static func < (left: Attribution, right: Attribution) -> Bool {
      left.rawValue < right.rawValue
    }
  }

  /// Who says the sentence at `range` of line `lineIndex` (nil for the section's own speaker),
  /// and how surely.
  ///
  /// The sentence's own words tell first. "We expect" is the author's unless the words are a
  /// quotation whose speaker is named outside the sentence (before it opens, after it closes,
  /// or on the next line after a dash) or an interview's labelled answer. A sentence that
  /// names no one goes on with the speaker of the sentence before it in its paragraph ("许岚预计，
  /// …。PPI则可能…"). "She", "they" and "the company" point back to whom they stand for.
  private func speaker(
    of sentence: String, at range: Range<Int>, line lineIndex: Int, in section: DocumentSection,
    labelled: String?, names: SpeakerFinder.ArticleNames, memo: inout SpeakerFinder.Memo
  ) -> (String?, Attribution) {
    let line = section.lines[lineIndex].utf8
    var found = memo.speaker(line: lineIndex, start: range.lowerBound) {
      speakers.speaker(in: sentence)
    }
    // A quotation's own speaker wins over "we" or "the company" inside it.
    if found.map({ if case .name = $0 { false } else { true } }) ?? true {
      let nextLine =
        section.lines.indices.contains(lineIndex + 1) ? section.lines[lineIndex + 1].utf8 : nil
      let quoted = speakers.quotedSpeaker(of: range, in: line, nextLine: nextLine)
      if case .name = quoted {
        found = quoted
      } else if found == nil || found == .author {
        // An interview's label speaks for "we" and for no one; "he" still points back.
        found = quoted ?? labelled.map { .name($0) } ?? found
      }
    }
    var offset = range.lowerBound
    var pointing = sentence
    if found == nil, !SpeakerFinder.speaksInFirstPerson(Array(sentence.utf8)),
      let earlier = speakers.earlierSpeaker(
        in: line, index: lineIndex, before: offset, memo: &memo)
    {
      offset = earlier.sentence.lowerBound
      guard case .name(let name) = earlier.found else {
        pointing = String(decoding: line[earlier.sentence], as: UTF8.self)
        let name = referent(of: earlier.found)
        return (name, name == nil ? .section : .inferred)
      }
      return (name, .inferred)
    }
    func referent(of found: SpeakerFinder.Found) -> String? {
      speakers.referent(
        of: found, in: section.lines, before: lineIndex, offset: offset, sentence: pointing,
        names: names, memo: &memo)
    }
    switch found {
    case .name(let name): return (name, .named)
    case .author, nil: return (nil, .section)
    case .some(let pointer):
      let name = referent(of: pointer)
      return (name, name == nil ? .section : .inferred)
    }
  }

  /// Calls `body` with each sentence of `text` that holds a forecast word, the byte range it
  /// takes, its cues (found in the same scan that picked it) and the range of the sentence
  /// before it when a semicolon ends that one, so its window can pass on; the other sentences
  /// are never turned into strings. Inlined: as a call of its own it copied the extractor and
  /// retained its parts once a sentence.
  @inline(__always)
  private func forEachCandidate(
    in text: [UInt8], _ body: (String, Range<Int>, [CueScanner.Hit], Range<Int>?) -> Void
  ) {
    var hits: [CueScanner.Hit] = []
    text.withUnsafeBufferPointer { buffer in
      var previous: Range<Int>?
      for range in SentenceSplitter.sentences(in: buffer) {
        defer { previous = range }
        let sentence = UnsafeBufferPointer(rebasing: buffer[range])
        guard detector.isCandidate(sentence, hits: &hits) else { continue }
        let clauseBefore = previous.flatMap { Self.endsInSemicolon($0, of: buffer) ? $0 : nil }
        body(String(decoding: sentence, as: UTF8.self), range, hits, clauseBefore)
      }
    }
  }

  /// Whether the sentence at `range` ends in a semicolon, ; or ；, spaces aside: the two halves
  /// of "预期2026年产业将成长14%；台积将持续超越产业" share a time.
  private static func endsInSemicolon(_ range: Range<Int>, of text: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    var end = range.upperBound
    while end > range.lowerBound, text[end - 1] == 0x20 { end -= 1 }
    guard end > range.lowerBound else { return false }
    if text[end - 1] == UInt8(ascii: ";") { return true }
    return end - range.lowerBound >= 3 && text[end - 3] == 0xEF && text[end - 2] == 0xBC
      && text[end - 1] == 0x9B
  }

  /// The last window of `clause` still open at publication: what a forecast after its
  /// semicolon that names none is about.
  private static func liveWindow(in clause: ArraySlice<UInt8>, context: TimeContext)
    -> TimeFrame?
  {
    guard let published = context.published else { return nil }
    let frames = TimeFrameFinder.frames(
      in: String(decoding: clause, as: UTF8.self), context: context)
    // Only windows, not bases of comparison ("较2027年目标仍有差距").
    let windows = Array(clause).withUnsafeBufferPointer { bytes in
      SentenceAnalysis.locate(frames, in: bytes).map(\.frame)
    }
    return windows.last { $0.deadline >= published }
  }

  /// The words of `text` in a range of its UTF-8 offsets.
  private static func text(of text: String, in range: Range<Int>) -> String {
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    let end = utf8.index(start, offsetBy: range.count)
    return String(decoding: utf8[start..<end], as: UTF8.self)
  }

  private func makeClaim(
    _ span: ForecastSpan, quote: String, confidence: Confidence, source: String,
    speaker: String?, defaultSpeaker: Speaker, framing: Int?, article: ArticleContext,
    section: DocumentSection, fiscal: FiscalCalendar?
  ) -> Claim {
    var deadline = span.timeFrame?.deadline
    var deadlineText = span.timeFrame?.words
    // "fiscal 2027" ends where the article said fiscal 2027 ends.
    if let frame = span.timeFrame, let stated = fiscal?.deadline(of: frame) {
      deadline = stated
    }
    // The framing year sets a deadline only while it is still ahead of the article.
    if deadline == nil, let framing, let end = Day.endOfYear(framing),
      article.published.map({ end >= $0 }) ?? true
    {
      deadline = end
      deadlineText = Specificity.impliedDeadlinePrefix + String(framing)
    }
    var via = defaultSpeaker.via
    if article.overrides.source == nil, let speaker, speaker != defaultSpeaker.name,
      defaultSpeaker.name != ArticleContext.unknownSpeaker
    {
      via = defaultSpeaker.name
    }
    if via == source { via = nil }
    // A doubt stands before the subject ("I don't think X will", 我不认为X会), where a rewritten
    // claim would drop it: the claim keeps the words that negate it.
    let isDoubted = span.hedge.map(HedgeScale.doubtingWords.contains) ?? false
    let text =
      (isDoubted ? nil : ClaimPhrasing.text(for: quote, lexicon: lexicon, deadline: deadline))
      ?? ClaimText.plain(quote)
    // A byline or a front matter field may hold a control character (an escape sequence pasted
    // from a terminal), which a claim may not: a space in a name, no link at all.
    let url = article.overrides.url ?? section.url ?? article.document.metadata.url
    return Claim(
      text: text, quote: quote, source: FieldRules.blankingControlCharacters(source),
      via: via.map(FieldRules.blankingControlCharacters),
      url: url.flatMap { FieldRules.firstControlCharacter(inUTF8: $0.utf8) == nil ? $0 : nil },
      said: article.published, deadline: deadline, deadlineText: deadlineText,
      confidence: confidence, hedge: span.hedge,
      lang: LanguageTag.detect(quote), tags: [], isConditional: span.isConditional,
      document: FieldRules.blankingControlCharacters(
        "\(article.document.path) (extractor \(Extractor.version))"))
  }
}
