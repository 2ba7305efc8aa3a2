extension ClaimRecord {
  /// Writes the claim as the JSON object of `list --json` and `show --json`: the current
  /// fields in a fixed order, then its history as the journal's own entries.
  public func writeJSON(into json: inout JSONBuffer, includingHistory: Bool = true) {
    withClaim { claim in writeJSON(claim, into: &json, includingHistory: includingHistory) }
  }

  private func writeJSON(_ claim: Claim, into json: inout JSONBuffer, includingHistory: Bool) {
    json.beginObject()
    json.key(ascii: "id")
    json.id(id)
    json.key(ascii: "text")
    json.string(claim.storedText)
    json.key(ascii: "quote")
    json.optionalString(claim.storedQuote)
    json.key(ascii: "source")
    json.string(claim.source)
    json.key(ascii: "via")
    json.optionalString(claim.via)
    json.key(ascii: "url")
    json.optionalString(claim.storedURL)
    json.key(ascii: "said")
    json.day(claim.said)
    json.key(ascii: "deadline")
    json.day(claim.deadline)
    json.key(ascii: "deadline_text")
    json.optionalString(claim.deadlineText)
    json.key(ascii: "confidence")
    json.number(claim.confidence.value)
    json.key(ascii: "hedge")
    json.optionalString(claim.hedge)
    json.key(ascii: "lang")
    json.optionalString(claim.lang)
    json.key(ascii: "tags")
    json.strings(claim.tags)
    json.key(ascii: "conditional")
    json.bool(claim.isConditional)
    json.key(ascii: "status")
    json.string(status.rawValue)
    json.key(ascii: "outcome")
    json.optionalString(resolution?.outcome.rawValue)
    json.key(ascii: "resolved_on")
    json.day(resolution?.on)
    json.key(ascii: "evidence")
    json.optionalString(resolution?.storedEvidence)
    json.key(ascii: "reason")
    json.optionalString(resolution?.reason?.rawValue ?? rejection)
    json.key(ascii: "note")
    json.optionalString(resolution?.note ?? note)
    json.key(ascii: "document")
    json.optionalString(claim.document)
    json.key(ascii: "recorded_at")
    json.timestamp(recordedAt)
    if includingHistory {
      json.key(ascii: "history")
      json.beginArray()
      for entry in history { entry.writeJSON(into: &json) }
      json.endArray()
    }
    json.endObject()
  }
}
