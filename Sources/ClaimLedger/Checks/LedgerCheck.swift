/// Checks on folded claims that the fold itself does not make: impossible dates, and language
/// tags of the wrong shape (a warning: the reader takes them, and an import refuses them).
public enum LedgerCheck {
  /// Problems with each claim's dates, located at the claim's first line.
  ///
  /// Each record's dates are read in place and its line only for a problem: a million claims
  /// would otherwise copy every record and claim, retaining and releasing each of its texts,
  /// and probe the index for every one.
  public static func issues(in ledger: Ledger, today: Day) -> [LedgerIssue] {
    var issues: [LedgerIssue] = []
    let records = ledger.records
    for index in records.indices {
      let id = records[index].id
      let location = { SourceLocation(path: ledger.path, line: Int(records[index].line)) }
      if let said = records[index].said, let deadline = records[index].deadline, deadline < said {
        issues.append(
          LedgerIssue(
            severity: .error, location: location(), id: id,
            message: "claim \(id) has its deadline \(deadline) before it was said (\(said))"))
      }
      if let resolvedOn = records[index].resolution?.on, resolvedOn > today {
        issues.append(
          LedgerIssue(
            severity: .warning, location: location(), id: id,
            message: "claim \(id) is resolved on \(resolvedOn), after today"))
      }
      if let lang = records[index].lang, !LanguageTag.isWellFormed(lang.utf8) {
        issues.append(
          LedgerIssue(
            severity: .warning, location: location(), id: id,
            message: "claim \(id) has lang '\(lang)', which is not a language tag such as en, "
              + "zh-Hans or zh-Hant"))
      }
    }
    return issues
  }
}
