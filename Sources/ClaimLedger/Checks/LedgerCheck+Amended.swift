extension LedgerCheck {
  /// Claims an amend (or an acceptance's correction) made read as another claim: the same
  /// source, said day and words, so `add` and `extract` would give them the other's id.
  ///
  /// A claim keeps the id it was recorded with, so `add` of the corrected claim finds no match
  /// and records it again, and the one forecast is scored twice. Warned at the later of the
  /// two claims' lines, until one of them is rejected or voided as a duplicate.
  static func claimsAmendedIntoOthers(in ledger: Ledger) -> [LedgerIssue] {
    let records = ledger.records
    // The claims whose fields give another id now, found on all cores: each amended claim's
    // id is hashed from its normalised words.
    let amended = ParallelMap.parts(count: records.count) { range in
      range.compactMap { index -> (index: Int, derived: ClaimID)? in
        // Read in place: most claims were never amended, and a copy of each would retain it.
        guard
          records[index].history.contains(where: { $0.kind == .amend || $0.kind == .accept }),
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
      guard let other else {
        claimOf[derived] = index
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

  /// Rejected, or voided as a duplicate: out of every count already.
  private static func isLeftOut(_ record: ClaimRecord) -> Bool {
    record.status == .rejected || record.resolution?.reason == .duplicate
  }
}
