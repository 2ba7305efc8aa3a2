extension ClaimRecord {
  /// Writes the claim as the JSON object of `list --json` and `show --json`: the current
  /// fields in a fixed order, then its history as the journal's own entries.
  public func writeJSON(into json: inout JSONBuffer, includingHistory: Bool = true) {
    withClaim { claim in
      var bound = 600 &+ claim.jsonBound &+ (resolution?.jsonBound ?? 0)
      bound &+= JSONCursor.bound(rejection) &+ JSONCursor.bound(note)
      if includingHistory {
        for entry in history { bound &+= entry.jsonBound &+ 1 }
      }
      json.appendValue(maximum: bound) { out in
        write(claim, to: &out, includingHistory: includingHistory)
      }
    }
  }

  private func write(_ claim: Claim, to out: inout JSONCursor, includingHistory: Bool) {
    out.literal("{\"id\":")
    out.id(id)
    out.member(",\"text\":", claim.storedText)
    out.member(",\"quote\":", claim.storedQuote)
    out.member(",\"source\":", claim.source)
    out.member(",\"via\":", claim.via)
    out.member(",\"url\":", claim.storedURL)
    out.member(",\"said\":", claim.said)
    out.member(",\"deadline\":", claim.deadline)
    out.member(",\"deadline_text\":", claim.deadlineText)
    out.literal(",\"confidence\":")
    out.number(claim.confidence.value)
    out.member(",\"hedge\":", claim.hedge)
    out.member(",\"lang\":", claim.lang)
    out.literal(",\"tags\":")
    out.strings(claim.tags)
    out.literal(claim.isConditional ? ",\"conditional\":true" : ",\"conditional\":false")
    out.literal(",\"status\":")
    out.literal(status.quotedName)
    // Only when true: a merge left two resolutions and no later entry settles them.
    if hasConflictingResolutions { out.literal(",\"conflicting_resolutions\":true") }
    if hasConflictingDecisions { out.literal(",\"conflicting_decisions\":true") }
    if hasConflictingClaimLines { out.literal(",\"conflicting_claim_lines\":true") }
    out.literal(",\"outcome\":")
    if let outcome = resolution?.outcome { out.literal(outcome.quotedName) } else { out.null() }
    out.member(",\"resolved_on\":", resolution?.on)
    out.member(",\"evidence\":", resolution?.storedEvidence)
    out.literal(",\"reason\":")
    if let reason = resolution?.reason {
      out.literal(reason.quotedName)
    } else {
      out.string(rejection)
    }
    out.member(",\"note\":", resolution?.note ?? note)
    out.member(",\"document\":", claim.document)
    out.literal(",\"recorded_at\":")
    out.timestamp(recordedAt)
    if includingHistory {
      out.literal(",\"history\":[")
      var isFirst = true
      for entry in history {
        if !isFirst { out.byte(UInt8(ascii: ",")) }
        isFirst = false
        entry.write(to: &out)
      }
      out.byte(UInt8(ascii: "]"))
    }
    out.byte(UInt8(ascii: "}"))
  }
}
