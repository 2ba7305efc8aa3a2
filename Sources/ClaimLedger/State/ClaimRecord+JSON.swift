extension ClaimRecord {
  /// Writes the claim as the JSON object of `list --json` and `show --json`: the current
  /// fields in a fixed order, then its history as the journal's own entries.
  public func writeJSON(into json: inout JSONBuffer, includingHistory: Bool = true) {
    let claim = self.claim
    json.beginObject()
    json.key("id")
    json.string(id.description)
    for (name, value) in [
      ("text", claim.text as String?), ("quote", claim.quote), ("source", claim.source),
      ("via", claim.via), ("url", claim.url), ("said", claim.said?.description),
      ("deadline", claim.deadline?.description), ("deadline_text", claim.deadlineText),
    ] {
      json.key(name)
      json.optionalString(value)
    }
    json.key("confidence")
    json.number(claim.confidence.value)
    json.key("hedge")
    json.optionalString(claim.hedge)
    json.key("lang")
    json.optionalString(claim.lang)
    json.key("tags")
    json.strings(claim.tags)
    json.key("conditional")
    json.bool(claim.isConditional)
    json.key("status")
    json.string(status.rawValue)
    json.key("outcome")
    json.optionalString(resolution?.outcome.rawValue)
    json.key("resolved_on")
    json.optionalString(resolution?.on.description)
    json.key("evidence")
    json.optionalString(resolution?.evidence)
    json.key("reason")
    json.optionalString(resolution?.reason?.rawValue ?? rejection)
    json.key("note")
    json.optionalString(resolution?.note ?? note)
    json.key("document")
    json.optionalString(claim.document)
    json.key("recorded_at")
    json.string(recordedAt.description)
    if includingHistory {
      json.key("history")
      json.beginArray()
      for entry in history { entry.writeJSON(into: &json) }
      json.endArray()
    }
    json.endObject()
  }
}
