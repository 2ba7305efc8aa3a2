/// What a claim says and who said it: the fields a `claim` entry records and later entries amend.
public struct Claim: Hashable, Sendable {
  /// The forecast in a short normalised form ("OpenAI acquires Pinterest by 2026-12-31").
  public var text: String {
    get { storedText.string }
    set { storedText = StoredText(newValue) }
  }
  /// The words as the source wrote them.
  public var quote: String? {
    get { storedQuote?.string }
    set { storedQuote = newValue.map(StoredText.init) }
  }
  /// `text`, `quote` and `url` as read from the journal: bytes until someone asks for them.
  var storedText: StoredText
  var storedQuote: StoredText?
  var storedURL: StoredText?
  /// Who made the forecast.
  public var source: String
  /// The outlet that relayed it, when not the source itself.
  public var via: String?
  public var url: String? {
    get { storedURL?.string }
    set { storedURL = newValue.map(StoredText.init) }
  }
  /// The day it was said (published); nil only when no date could be found.
  public var said: Day?
  public var deadline: Day?
  /// True for "if … then …" forecasts; a failed condition voids them. Declared beside the
  /// days, whose padding it fills.
  public var isConditional: Bool
  /// The words that set the deadline ("2026年下半年").
  public var deadlineText: String?
  public var confidence: Confidence
  /// The hedge word the confidence came from.
  public var hedge: String?
  /// BCP 47 tag of the quote: `zh-Hans`, `zh-Hant`, `en`.
  public var lang: String?
  public var tags: [String]
  /// The article it was extracted from.
  public var document: String?

  public init(
    text: String, quote: String? = nil, source: String, via: String? = nil, url: String? = nil,
    said: Day?, deadline: Day? = nil, deadlineText: String? = nil, confidence: Confidence,
    hedge: String? = nil, lang: String? = nil, tags: [String] = [], isConditional: Bool = false,
    document: String? = nil
  ) {
    self.init(
      storedText: StoredText(text), storedQuote: quote.map(StoredText.init), source: source,
      via: via, storedURL: url.map(StoredText.init), said: said, deadline: deadline,
      deadlineText: deadlineText,
      confidence: confidence, hedge: hedge, lang: lang, tags: tags, isConditional: isConditional,
      document: document)
  }

  /// A claim whose text and quote are kept as the journal reader stored them.
  init(
    storedText: StoredText, storedQuote: StoredText?, source: String, via: String?,
    storedURL: StoredText?, said: Day?, deadline: Day?, deadlineText: String?,
    confidence: Confidence,
    hedge: String?, lang: String?, tags: [String], isConditional: Bool, document: String?
  ) {
    self.storedText = storedText
    self.storedQuote = storedQuote
    self.source = source
    self.via = via
    self.storedURL = storedURL
    self.said = said
    self.deadline = deadline
    self.deadlineText = deadlineText
    self.confidence = confidence
    self.hedge = hedge
    self.lang = lang
    self.tags = tags
    self.isConditional = isConditional
    self.document = document
  }

  /// Calls `body` with the UTF-8 of the text and of the quote (nil when there is none), read
  /// where they are kept: readers of every claim's words then decode no `String`.
  public func withTextUTF8<Result>(
    _ body: (_ text: UnsafeRawBufferPointer, _ quote: UnsafeRawBufferPointer?) -> Result
  ) -> Result {
    storedText.withUTF8 { text in
      guard let storedQuote else { return body(text, nil) }
      return storedQuote.withUTF8 { quote in body(text, quote) }
    }
  }

  /// The id this claim gets: from its source, said date and quote (or text when unquoted).
  public var derivedID: ClaimID {
    ClaimID(source: source, said: said, words: quote ?? text)
  }

  /// This claim with the changed fields of `changes` applied.
  public func applying(_ changes: ClaimChanges) -> Claim {
    var claim = self
    if let value = changes.text { claim.text = value }
    if let value = changes.quote { claim.quote = value }
    if let value = changes.source { claim.source = value }
    if let value = changes.via { claim.via = value }
    if let value = changes.url { claim.url = value }
    if let value = changes.said { claim.said = value }
    if let value = changes.deadline {
      claim.deadline = value
      // A plain new date replaces the words that set the old one.
      claim.deadlineText = changes.deadlineText
    } else if let value = changes.deadlineText {
      claim.deadlineText = value
    }
    if let value = changes.confidence {
      claim.confidence = value
      // A new number given without a word is no longer read from the old word.
      claim.hedge = changes.hedge
    } else if let value = changes.hedge {
      claim.hedge = value
    }
    if let value = changes.lang { claim.lang = value }
    if let value = changes.tags { claim.tags = value }
    if let value = changes.isConditional { claim.isConditional = value }
    if let value = changes.document { claim.document = value }
    return claim
  }

  /// The names of the fields (as the journal names them) in which `other` differs, in the
  /// journal's order: what `check` tells the user to amend when two lines record one claim.
  public func differingFields(from other: Claim) -> [String] {
    differences(from: other).map(\.field)
  }

  /// Each field whose value differs from `other`'s, with both values as a message shows them:
  /// texts quoted and cut at 60 characters, a missing value as `none`.
  public func differences(from other: Claim) -> [(field: String, this: String, other: String)] {
    func shown(_ text: String?) -> String {
      guard let text else { return "none" }
      // On one line: a message is one line per problem, which a break in a value would fake.
      let flat = text.replacingScalars { scalar in
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\u{85}", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}": " "
        default: nil
        }
      }
      return "'" + (flat.count > 60 ? flat.prefix(59) + "…" : flat) + "'"
    }
    func shown(_ day: Day?) -> String { day?.description ?? "none" }
    let fields: [(String, Bool, String, String)] = [
      ("text", text == other.text, shown(text), shown(other.text)),
      ("quote", quote == other.quote, shown(quote), shown(other.quote)),
      ("source", source == other.source, shown(source), shown(other.source)),
      ("via", via == other.via, shown(via), shown(other.via)),
      ("url", url == other.url, shown(url), shown(other.url)),
      ("said", said == other.said, shown(said), shown(other.said)),
      ("deadline", deadline == other.deadline, shown(deadline), shown(other.deadline)),
      (
        "deadline_text", deadlineText == other.deadlineText, shown(deadlineText),
        shown(other.deadlineText)
      ),
      (
        "confidence", confidence == other.confidence, "\(confidence.value)",
        "\(other.confidence.value)"
      ),
      ("hedge", hedge == other.hedge, shown(hedge), shown(other.hedge)),
      ("lang", lang == other.lang, shown(lang), shown(other.lang)),
      (
        "tags", tags == other.tags, shown(tags.isEmpty ? nil : tags.joined(separator: ";")),
        shown(other.tags.isEmpty ? nil : other.tags.joined(separator: ";"))
      ),
      (
        "conditional", isConditional == other.isConditional, "\(isConditional)",
        "\(other.isConditional)"
      ),
      ("document", document == other.document, shown(document), shown(other.document)),
    ]
    return fields.filter { !$0.1 }.map { ($0.0, $0.2, $0.3) }
  }
}

/// The fields an `accept` or `amend` entry changes; nil means unchanged.
public struct ClaimChanges: Hashable, Sendable {
  public var text: String?
  public var quote: String?
  public var source: String?
  public var via: String?
  public var url: String?
  public var said: Day?
  public var deadline: Day?
  public var deadlineText: String?
  public var confidence: Confidence?
  public var hedge: String?
  public var lang: String?
  public var tags: [String]?
  public var isConditional: Bool?
  public var document: String?

  public init(
    text: String? = nil, quote: String? = nil, source: String? = nil, via: String? = nil,
    url: String? = nil, said: Day? = nil, deadline: Day? = nil, deadlineText: String? = nil,
    confidence: Confidence? = nil, hedge: String? = nil, lang: String? = nil,
    tags: [String]? = nil, isConditional: Bool? = nil, document: String? = nil
  ) {
    self.text = text
    self.quote = quote
    self.source = source
    self.via = via
    self.url = url
    self.said = said
    self.deadline = deadline
    self.deadlineText = deadlineText
    self.confidence = confidence
    self.hedge = hedge
    self.lang = lang
    self.tags = tags
    self.isConditional = isConditional
    self.document = document
  }

  /// True when no field changes.
  public var isEmpty: Bool {
    self == ClaimChanges()
  }
}

/// How and when a claim was settled.
public struct Resolution: Hashable, Sendable {
  public var outcome: Outcome
  /// Required for `void`. Declared beside the outcome, so the two share a word with the day.
  public var reason: VoidReason?
  /// The day it was settled.
  public var on: Day
  /// A link or a quote that settles it.
  public var evidence: String? {
    get { storedEvidence?.string }
    set { storedEvidence = newValue.map(StoredText.init) }
  }
  /// `evidence` as read from the journal: bytes until someone reads it, so loading a ledger
  /// makes no string per resolution, and the fold that copies a resolution shares the
  /// journal's text block instead of touching a string of its own.
  var storedEvidence: StoredText?
  public var note: String?

  public init(
    outcome: Outcome, on: Day, evidence: String? = nil, reason: VoidReason? = nil,
    note: String? = nil
  ) {
    self.init(
      outcome: outcome, on: on, storedEvidence: evidence.map(StoredText.init), reason: reason,
      note: note)
  }

  /// A resolution whose evidence is kept as the journal reader stored it.
  init(outcome: Outcome, on: Day, storedEvidence: StoredText?, reason: VoidReason?, note: String?) {
    self.outcome = outcome
    self.on = on
    self.storedEvidence = storedEvidence
    self.reason = reason
    self.note = note
  }
}
