/// Checks on folded claims that the fold itself does not make: impossible dates; and language
/// tags of the wrong shape and control characters in texts (warnings: the reader takes them,
/// and an import refuses them).
public enum LedgerCheck {
  /// Problems with each claim's dates, located at the claim's first line.
  ///
  /// Each record's dates are read in place and its line only for a problem: a million claims
  /// would otherwise copy every record and claim, retaining and releasing each of its texts,
  /// and probe the index for every one.
  ///
  /// The records are read in parts on all cores (every text is scanned), the issues joined in
  /// record order.
  public static func issues(in ledger: Ledger, today: Day) -> [LedgerIssue] {
    ParallelMap.parts(count: ledger.records.count) { range in
      issues(in: ledger, range, today: today)
    }.flatMap { $0 }
  }

  private static func issues(in ledger: Ledger, _ range: Range<Int>, today: Day) -> [LedgerIssue] {
    var issues: [LedgerIssue] = []
    let records = ledger.records
    for index in range {
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
      if let (field, character) = controlCharacter(in: records[index]) {
        issues.append(
          LedgerIssue(
            severity: .warning, location: location(), id: id,
            message: "claim \(id) has the control character "
              + "U+\(String(character, radix: 16, uppercase: true)) in its \(field), which a "
              + "terminal would act on and an import refuses"
              + (amendable.contains(field) ? "; amend it" : "")))
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

  /// The fields `claims amend` sets.
  static let amendable: Set<String> = [
    "text", "quote", "source", "via", "url", "deadline_text", "hedge", "tags",
  ]

  /// The first of the claim's texts holding a control character (`FieldRules.text` refuses
  /// them on the way in; a line written by hand or merged from elsewhere may hold one as a
  /// JSON escape), and the character. Each text is scanned where it is kept, eight bytes at a
  /// time, with no copy: `check` reads every text of the ledger so.
  static func controlCharacter(in record: ClaimRecord) -> (field: String, character: UInt32)? {
    func scan(_ name: String, _ text: String?) -> (String, UInt32)? {
      guard var text else { return nil }
      return text.withUTF8 { bytes in
        FieldRules.firstControlCharacter(in: UnsafeRawBufferPointer(bytes)).map { (name, $0) }
      }
    }
    let found: (String, UInt32)? = record.withClaim { claim in
      if let inWords = claim.withTextUTF8({ text, quote in
        FieldRules.firstControlCharacter(in: text).map { ("text", $0) }
          ?? quote.flatMap { FieldRules.firstControlCharacter(in: $0) }.map { ("quote", $0) }
      }) {
        return inWords
      }
      if let found = scan("source", claim.source) ?? scan("via", claim.via)
        ?? claim.storedURL.flatMap({ url in
          url.withUTF8 { FieldRules.firstControlCharacter(in: $0) }.map { ("url", $0) }
        }) ?? scan("deadline_text", claim.deadlineText)
        ?? scan("hedge", claim.hedge) ?? scan("document", claim.document)
      {
        return found
      }
      for tag in claim.tags {
        if let found = scan("tags", tag) { return found }
      }
      return nil
    }
    return found ?? scan("evidence", record.resolution?.evidence)
      ?? scan("note", record.resolution?.note) ?? scan("note", record.note)
      ?? scan("reason", record.rejection)
  }
}
