extension LedgerCheck {
  /// Claims an amend (or an acceptance's correction) made read as another claim: the same
  /// source, said day and words, so `add` and `extract` would give them the other's id.
  ///
  /// A claim keeps the id it was recorded with, so `add` of the corrected claim finds no match
  /// and records it again, and the one forecast is scored twice. Warned at the later of the
  /// two claims' lines, until one of them is rejected or voided as a duplicate. Two claims
  /// quoting one sentence are two forecasts unless their texts are alike too.
  static func claimsAmendedIntoOthers(in ledger: Ledger) -> [LedgerIssue] {
    let records = ledger.records
    // The claims whose fields give another id now, found on all cores: each amended claim's
    // id is hashed from its normalised words.
    let amended = ParallelMap.parts(count: records.count) { range in
      range.compactMap { index -> (index: Int, derived: ClaimID)? in
        // Read in place: most claims were never amended, and a copy of each would retain it.
        guard records[index].history.contains(where: changesIdentity),
          !isLeftOut(records[index])
        else { return nil }
        let derived = records[index].claim.derivedID
        return derived == records[index].id ? nil : (index, derived)
      }
    }.joined()
    // Each id the amended claims' fields give now, and the first claim it names.
    var claimOf: [ClaimID: Int] = [:]
    var issues: [LedgerIssue] = []
    for (index, derived) in amended {
      let record = records[index]
      let other: Int?
      // The claim recorded with that id, unless an amend has made it read otherwise since.
      if let named = ledger.position(of: derived), !isLeftOut(records[named]),
        records[named].claim.derivedID == derived
      {
        other = named
      } else {
        other = claimOf[derived]
      }
      // One sentence may hold two forecasts, each a claim quoting it: alike only if their
      // texts are too.
      guard let other, sameText(records[other].claim, record.claim) else {
        if claimOf[derived] == nil { claimOf[derived] = index }
        continue
      }
      let (first, second) = records[other].line < record.line ? (other, index) : (index, other)
      let later = records[second]
      issues.append(
        LedgerIssue(
          severity: .warning, location: SourceLocation(path: ledger.path, line: Int(later.line)),
          id: later.id,
          message: "claims \(records[first].id) and \(later.id) read alike (the same source, "
            + "said day and words, since an amend), so one forecast is counted twice; if they "
            + "are one, 'claims resolve ID void --reason duplicate' (or 'claims reject ID "
            + "--reason duplicate' for a proposed one) leaves one of them out"))
    }
    return issues
  }

  /// An amend or an acceptance that changed a field the id is made from.
  private static func changesIdentity(_ entry: Entry) -> Bool {
    switch entry.body {
    case .amend(let changes, _), .accept(let changes):
      changes.source != nil || changes.said != nil || changes.quote != nil || changes.text != nil
    default: false
    }
  }

  /// Whether the two texts are one, as ids compare words (case, spacing, full-width forms).
  private static func sameText(_ a: Claim, _ b: Claim) -> Bool {
    ClaimID(source: "", said: nil, words: a.text) == ClaimID(source: "", said: nil, words: b.text)
  }

  /// Rejected, or voided as a duplicate: out of every count already.
  private static func isLeftOut(_ record: ClaimRecord) -> Bool {
    record.status == .rejected || record.resolution?.reason == .duplicate
  }
}
