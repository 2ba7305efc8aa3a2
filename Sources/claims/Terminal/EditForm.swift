import ClaimLedger

/// The small form `E` opens in the person's editor: one `field: value` line per field.
enum EditForm {
  static let fields = ["text", "source", "via", "deadline", "confidence"]

  static func text(of claim: Claim) -> String {
    """
    # Change the values after the colons and save; lines starting with # are ignored.
    # deadline: a date or 2027, 2026-06, 2026-Q3, 2026-H2; confidence: 0.7, 70%, 七成 or a hedge word
    text: \(claim.text)
    source: \(claim.source)
    via: \(claim.via ?? "")
    deadline: \(claim.deadlineText ?? claim.deadline?.description ?? "")
    confidence: \(claim.hedge ?? claim.confidence.percent)

    """
  }

  /// The changes the edited form asks for; the first invalid value refuses the whole form.
  static func changes(from form: String, to claim: Claim) -> Result<ClaimChanges, FieldRefusal> {
    var values: [String: String] = [:]
    for line in form.split(separator: "\n") where !line.hasPrefix("#") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces)
      guard fields.contains(key) else { continue }
      values[key] = String(line[line.index(after: colon)...]).trimmingSpaces()
    }
    let original = text(of: claim)
    var current: [String: String] = [:]
    for line in original.split(separator: "\n") where !line.hasPrefix("#") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      current[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingSpaces()
    }
    var changes = ClaimChanges()
    func changed(_ key: String) -> String? {
      guard let value = values[key], !value.isEmpty, value != current[key] else { return nil }
      return value
    }
    changes.text = changed("text")
    changes.source = changed("source")
    changes.via = changed("via")
    if let answer = changed("deadline") {
      switch FieldPrompt.deadline(answer, said: claim.said) {
      case .success(let deadline):
        changes.deadline = deadline.day
        changes.deadlineText = deadline.text
      case .failure(let refusal):
        return .failure(FieldRefusal("deadline: \(refusal.message)"))
      }
    }
    if let answer = changed("confidence") {
      switch FieldPrompt.confidence(answer, forText: changes.text ?? claim.text) {
      case .success(let value):
        changes.confidence = value.confidence
        changes.hedge = value.hedge
      case .failure(let refusal):
        return .failure(FieldRefusal("confidence: \(refusal.message)"))
      }
    }
    return .success(changes)
  }
}
