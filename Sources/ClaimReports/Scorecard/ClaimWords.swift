import ClaimLedger

/// What one scan of a claim's words finds for the scorecard: the kind of event and any
/// negation (for echoes and time to truth), and the countable events and conditions that
/// decide two marks of its specificity.
///
/// The four word lists are searched as one, so each text is read once instead of four times;
/// a word list reports every word at every place, so the answers are those of four scans.
struct ClaimWords: Equatable {
  /// The kind of the word earliest in `ForecastEvent.words`, as `ForecastEvent(text:)` finds.
  var event: ForecastEvent?
  var isNegated = false
  /// A word of `Specificity.eventWords`.
  var hasCountableEvent = false
  /// A word of `Specificity.conditionWords`.
  var hasCondition = false

  /// The event words, then the negations (`EchoClusters.negationWords`), then the countable
  /// events, then the conditions.
  private static let eventCount = ForecastEvent.kinds.count
  private static let negationEnd = eventCount + EchoClusters.negationWords.count
  private static let countableEnd = negationEnd + Specificity.eventWords.count
  /// How many words each list above has, in that order.
  static let listCounts = [
    ForecastEvent.words.flatMap(\.words).count, EchoClusters.negationWords.count,
    Specificity.eventWords.count, Specificity.conditionWords.count,
  ]
  /// Every word searched for, in the order above.
  static let listedWords =
    ForecastEvent.words.flatMap(\.words) + EchoClusters.negationWords + Specificity.eventWords
    + Specificity.conditionWords
  private static let list = WordList(listedWords)

  /// Reads UTF-8 `text`.
  init(_ text: UnsafeRawBufferPointer) {
    var firstEvent = Int.max
    var isNegated = false
    var hasCountableEvent = false
    var hasCondition = false
    ClaimWords.list.scan(text) { index in
      if index < ClaimWords.eventCount {
        firstEvent = min(firstEvent, index)
      } else if index < ClaimWords.negationEnd {
        isNegated = true
      } else if index < ClaimWords.countableEnd {
        hasCountableEvent = true
      } else {
        hasCondition = true
      }
      return true
    }
    event = firstEvent < ClaimWords.eventCount ? ForecastEvent.kinds[firstEvent] : nil
    self.isNegated = isNegated
    self.hasCountableEvent = hasCountableEvent
    self.hasCondition = hasCondition
  }
}
