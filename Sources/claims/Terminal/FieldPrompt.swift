import ClaimLedger
import ClaimReports

/// Asks for one field at a time, the current value kept on Enter, and re-asks until the
/// answer is valid, so a bad value is refused at the prompt, not after.
struct FieldPrompt {
  let conversation: any Conversation
  let terminal: Terminal

  /// Why an answer was refused, shown before asking again.
  typealias Check<Value> = (String) -> Result<Value, FieldRefusal>

  /// The answer read by `check`, `nil` when Enter kept the current value, or `.none` at the
  /// end of input.
  func ask<Value>(
    _ label: String, current: String, check: Check<Value>
  ) -> Answer<Value> {
    while true {
      let shown = current.isEmpty ? "" : " [\(DisplayWidth.visible(current))]"
      guard let line = conversation.ask(terminal.paint(label, .bold) + shown + ": ") else {
        return .endOfInput
      }
      let answer = line.trimmingSpaces()
      if answer.isEmpty { return .kept }
      switch check(answer) {
      case .success(let value):
        return .value(value)
      case .failure(let refusal):
        conversation.write(terminal.paint("  \(refusal.message); try again", .red) + "\n")
      }
    }
  }

  enum Answer<Value> {
    case value(Value)
    case kept
    case endOfInput
  }

  /// Asks for the text, source, via, deadline and confidence of `claim`, in that order; nil at
  /// the end of input. `said` bounds the deadline: it cannot come before.
  func changes(to claim: Claim) -> ClaimChanges? {
    var changes = ClaimChanges()
    let text = ask("text", current: claim.text, check: Self.anyText)
    guard !text.isEnd else { return nil }
    if case .value(let value) = text, value != claim.text { changes.text = value }
    let source = ask("source", current: claim.source, check: Self.anyText)
    guard !source.isEnd else { return nil }
    if case .value(let value) = source, value != claim.source { changes.source = value }
    let via = ask("via", current: claim.via ?? "", check: Self.anyText)
    guard !via.isEnd else { return nil }
    if case .value(let value) = via, value != claim.via { changes.via = value }
    let deadline = ask(
      "deadline", current: claim.deadline?.description ?? "",
      check: { Self.deadline($0, said: claim.said) })
    guard !deadline.isEnd else { return nil }
    if case .value(let value) = deadline {
      changes.deadline = value.day
      changes.deadlineText = value.text
    }
    let confidence = ask(
      "confidence", current: claim.confidence.percent + (claim.hedge.map { " (\($0))" } ?? ""),
      check: { [text = changes.text ?? claim.text] in Self.confidence($0, forText: text) })
    guard !confidence.isEnd else { return nil }
    if case .value(let value) = confidence {
      changes.confidence = value.confidence
      changes.hedge = value.hedge
    }
    return changes
  }

  /// Any answer: it is trimmed, and an empty one keeps the current value before this is asked.
  static func anyText(_ answer: String) -> Result<String, FieldRefusal> {
    .success(answer)
  }

  /// A deadline as `--by` reads it, not before the day the claim was said.
  static func deadline(_ answer: String, said: Day?) -> Result<Deadline, FieldRefusal> {
    guard let deadline = Deadline(argument: answer) else {
      return .failure(FieldRefusal("'\(answer)' is not \(Deadline.expectation)"))
    }
    if let said, deadline.day < said {
      return .failure(FieldRefusal("\(deadline.day) is before the claim was said (\(said))"))
    }
    return .success(deadline)
  }

  /// A probability (0.7, 70%, 七成) or a hedge word from the table, read for a claim whose
  /// text is `text` as `add --hedge` reads it.
  static func confidence(_ answer: String, forText text: String) -> Result<
    (confidence: Confidence, hedge: String?), FieldRefusal
  > {
    if let value = Confidence(argument: answer) { return .success((value, nil)) }
    if let hedge = HedgeScale.standard.hedge(named: answer) {
      return .success((HedgeScale.confidence(of: hedge, forText: text), hedge.word))
    }
    return .failure(
      FieldRefusal("'\(answer)' is neither \(Confidence.expectation) nor a hedge word"))
  }
}

extension FieldPrompt.Answer {
  var isEnd: Bool {
    if case .endOfInput = self { return true }
    return false
  }
}

/// Why an answer at a prompt was refused, in a few words.
struct FieldRefusal: Error {
  var message: String
  init(_ message: String) { self.message = message }
}
