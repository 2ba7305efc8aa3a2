/// Checks on folded claims that the fold itself does not make: impossible dates.
public enum LedgerCheck {
  /// Problems with each claim's dates, located at the claim's first line.
  public static func issues(in ledger: Ledger, today: Day) -> [LedgerIssue] {
    var issues: [LedgerIssue] = []
    for record in ledger.records {
      let claim = record.claim
      let location = ledger.location(of: record.id)
      if let said = claim.said, let deadline = claim.deadline, deadline < said {
        issues.append(
          LedgerIssue(
            severity: .error, location: location, id: record.id,
            message: "claim \(record.id) has its deadline \(deadline) before it was said (\(said))")
        )
      }
      if let resolution = record.resolution, resolution.on > today {
        issues.append(
          LedgerIssue(
            severity: .warning, location: location, id: record.id,
            message: "claim \(record.id) is resolved on \(resolution.on), after today"))
      }
    }
    return issues
  }
}
