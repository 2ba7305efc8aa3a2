import ClaimLedger

/// The corrections `amend` and `accept` were asked for. A hedge word given alone is read for
/// each claim as the correction leaves it worded: a negating word its text holds counts one
/// minus its value, as `add` reads it.
struct ClaimCorrection {
  /// The changes, with a word given alone read as its own value.
  var requested: ClaimChanges
  let confidence: ConfidenceArgument?

  var isEmpty: Bool { requested.isEmpty }

  /// The changes to record for `claim`. A number or a date given again as the claim has it
  /// keeps the word or the words it was read from, which a new value would replace: restating
  /// a value changes nothing.
  func changes(for claim: Claim) -> ClaimChanges {
    var changes = requested
    if let confidence, case .word = confidence {
      (changes.confidence, changes.hedge) = confidence.value(
        forText: claim.applying(requested).text)
    }
    if changes.confidence == claim.confidence, changes.hedge == nil {
      changes.hedge = claim.hedge
    }
    // New words for a confidence read from its hedge word: read the word again for them, so
    // a text that gains or loses its negation gets the confidence `add` would give it.
    if changes.confidence == nil, let text = changes.text, let word = claim.hedge,
      let hedge = HedgeScale.standard.hedge(named: word),
      HedgeUse(hedge: hedge, confidence: claim.confidence.value) != nil
    {
      let value = HedgeScale.confidence(of: hedge, forText: text)
      if value != claim.confidence { (changes.confidence, changes.hedge) = (value, word) }
    }
    // New words in another language: the claim's language follows them, read as `add` reads
    // it (from the quote, else the text).
    if changes.text != nil || changes.quote != nil, changes.lang == nil {
      let changed = claim.applying(changes)
      let lang = LanguageTag.detect(changed.quote ?? changed.text)
      if lang != claim.lang { changes.lang = lang }
    }
    // The same tags in another order are the tags the claim has: no filter, count or score
    // reads their order.
    if let tags = changes.tags, tags.sorted() == claim.tags.sorted() { changes.tags = claim.tags }
    // A date given again as the claim has it keeps its words, unless the extractor only
    // implied it from the article: a person giving it states it.
    if let deadline = changes.deadline, deadline == claim.deadline, changes.deadlineText == nil,
      !(claim.deadlineText?.hasPrefix(Specificity.impliedDeadlinePrefix) ?? false)
    {
      changes.deadlineText = claim.deadlineText
    }
    return changes
  }
}

/// The options that correct a claim's fields, shared by `amend` and `accept`.
enum ClaimChangesArgument {
  static let parameters: [Parameter] = [
    .option("--text", value: "TEXT", help: "The forecast in short."),
    .option("--quote", value: "TEXT", help: "The source's own words."),
    .option("--source", value: "NAME", help: "Who made the forecast."),
    .option("--via", value: "OUTLET", help: "The outlet that relayed it."),
    .option("--url", value: "URL", help: "Where it was published."),
    .option("--said", value: "DATE", help: "When it was said."),
    .option(
      "--by", value: "DEADLINE", help: "The deadline: a date or 2027, 2026-06, 2026-Q3, 2026-H2."),
    .option("--confidence", value: "P", help: "How sure it sounded: 0.7, 70% or 七成."),
    .option("--hedge", value: "WORD", help: "Set the confidence from a hedge word."),
    .option("--tag", value: "TAG", help: "Replace the tags with these.", repeatable: true),
    .option(
      "--conditional", value: "yes|no", help: "Whether it holds only if a condition is met."),
  ]

  /// The changes the options ask for; empty when none was given.
  static func read(_ input: ParsedInput) throws(UsageError) -> ClaimCorrection {
    var changes = ClaimChanges(
      text: try input.text("--text"), quote: try input.text("--quote"),
      source: try input.text("--source"), via: try input.text("--via"),
      url: try input.link("--url"), said: try input.option("--said", as: Day.self))
    if let deadline = try input.option("--by", as: Deadline.self) {
      changes.deadline = deadline.day
      changes.deadlineText = deadline.text
    }
    let confidence = try ConfidenceArgument.read(input)
    if let confidence {
      (changes.confidence, changes.hedge) = confidence.value(forText: changes.text ?? "")
    }
    let tags = try input.tags("--tag")
    if !tags.isEmpty { changes.tags = tags }
    if let word = input.option("--conditional") {
      switch word.trimmingSpaces().lowercased() {
      case "yes", "true": changes.isConditional = true
      case "no", "false": changes.isConditional = false
      default:
        throw UsageError("--conditional: '\(word)' is not yes or no", command: input.spec.name)
      }
    }
    return ClaimCorrection(requested: changes, confidence: confidence)
  }

  /// Refuses a `--said` after today as `add` does, as a bad value (exit 2): no claim can be
  /// said in the future, whatever the ledger holds.
  static func refuseFutureSaid(
    _ changes: ClaimChanges, today: Day, command: String
  ) throws(UsageError) {
    if let said = changes.said, said > today {
      throw UsageError("--said \(said) is after today (\(today))", command: command)
    }
  }

  /// `check`, and for a proposal becoming a claim of the ledger, a said date after today (an
  /// article dated ahead, or a typo in it), which `add` and `import` refuse too.
  static func checkAcceptance(
    _ changes: ClaimChanges, on record: ClaimRecord, today: Day
  ) throws(LedgerError) {
    try check(changes, on: record, today: today)
    if let said = record.claim.applying(changes).said, said > today {
      throw .invalidTransition(
        id: record.id,
        reason: "was said on \(said), after today; set the day it was said (--said, or e in review)"
      )
    }
  }

  /// Refuses changes that would leave the claim impossible, by the date rules `add` and
  /// `import` follow: a deadline before it was said, said after today, or resolved before it
  /// was said.
  static func check(
    _ changes: ClaimChanges, on record: ClaimRecord, today: Day
  ) throws(LedgerError) {
    let changed = record.claim.applying(changes)
    if let said = changed.said, let deadline = changed.deadline, deadline < said {
      throw .invalidTransition(
        id: record.id, reason: "would have its deadline \(deadline) before its said date \(said)")
    }
    if let said = changes.said, said > today {
      throw .invalidTransition(id: record.id, reason: "cannot be said on \(said), after today")
    }
    if let said = changed.said, let on = record.resolution?.on, on < said {
      throw .invalidTransition(
        id: record.id, reason: "was resolved on \(on), before the said date \(said) it would have")
    }
  }
}
