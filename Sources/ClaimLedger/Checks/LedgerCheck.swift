/// Checks on folded claims that the fold itself does not make: impossible dates; and language
/// tags of the wrong shape, control characters in texts (warnings: the reader takes them, and
/// an import refuses them) and claims an amend made read as another (warnings).
public enum LedgerCheck {
  /// Problems with each claim's dates and language tag.
  ///
  /// Each record's dates are read in place and its line only for a problem: a million claims
  /// would otherwise copy every record and claim, retaining and releasing each of its texts,
  /// and probe the index for every one.
  ///
  /// The records are read in parts on all cores (every text is scanned), the issues joined in
  /// record order.
  ///
  /// A control character is reported for each field that holds one, at the line of the entry
  /// that wrote it there when `journal` (the entries the ledger was folded from) is given: a
  /// resolution's evidence at the resolution's line, an amended text at the amend's.
  ///
  /// A date or language problem is reported, when `journal` is given, at the line of the
  /// entry, last in fold order, that set a field it concerns (the amend that moved the
  /// deadline before the said day, the resolution dated after today), else at the claim's
  /// line.
  public static func issues(in ledger: Ledger, today: Day, journal: Journal? = nil)
    -> [LedgerIssue]
  {
    let parts = ParallelMap.parts(count: ledger.records.count) { range in
      issues(in: ledger, range, today: today)
    }
    let dated = parts.flatMap(\.issues)
    let located =
      if let journal, !dated.isEmpty {
        locate(dated, in: ledger, journal: journal)
      } else {
        dated.map(\.issue)
      }
    let amended = claimsAmendedIntoOthers(in: ledger)
    let marked = parts.flatMap(\.controlCharacters)
    guard !marked.isEmpty else { return located + amended }
    let ids = Set(marked.map { ledger.records[$0.record].id })
    let lines = journal.map { writingLines($0, of: ids) } ?? [:]
    return located + amended + controlCharacterIssues(marked, in: ledger, lines: lines)
  }

  /// A field whose setting can make a claim's dates or language wrong.
  private enum SetField: Hashable {
    case said, deadline, resolution, lang
  }

  /// An issue found at the line of the claim `record`, and the fields whose last setting
  /// caused it.
  private struct DatedIssue {
    var issue: LedgerIssue
    var record: Int
    var fields: [SetField]
  }

  private struct SetKey: Hashable {
    var id: ClaimID
    var field: SetField
  }

  /// Each issue at the line of the entry, among those that last set its fields, that came last
  /// in fold order.
  private static func locate(_ dated: [DatedIssue], in ledger: Ledger, journal: Journal)
    -> [LedgerIssue]
  {
    let records = ledger.records
    // Each claim's standing `claim` line.
    let claimLines = Dictionary(
      dated.map { (records[$0.record].id, records[$0.record].line) },
      uniquingKeysWith: { first, _ in first })
    let setting = settingLines(journal, claimLines: claimLines)
    return dated.map { found in
      let id = records[found.record].id
      guard
        let line = found.fields.compactMap({ setting[SetKey(id: id, field: $0)] })
          .max(by: { $0.order < $1.order })?.line
      else { return found.issue }
      var issue = found.issue
      issue.location = SourceLocation(path: ledger.path, line: Int(line))
      return issue
    }
  }

  /// For the claims of `claimLines`, the line of the entry that set each field last in fold
  /// order (by time, file order breaking ties, as git's union merge may lay a later entry
  /// first); a `claim` line counts only where it is the one that stands.
  private static func settingLines(_ journal: Journal, claimLines: [ClaimID: Int32])
    -> [SetKey: (order: Int, line: Int32)]
  {
    var entries: [(entry: Entry, line: Int32)] = []
    for (entry, line) in zip(journal.entries, journal.lines) where claimLines[entry.id] != nil {
      entries.append((entry, line))
    }
    entries.sort { ($0.entry.at, $0.line) < ($1.entry.at, $1.line) }
    var lines: [SetKey: (order: Int, line: Int32)] = [:]
    for (order, (entry, line)) in entries.enumerated() {
      var fields: [SetField] = []
      switch entry.body {
      case .claim where line == claimLines[entry.id]: fields = [.said, .deadline, .lang]
      case .claim: break
      case .accept(let changes), .amend(let changes, _):
        if changes.said != nil { fields.append(.said) }
        if changes.deadline != nil { fields.append(.deadline) }
        if changes.lang != nil { fields.append(.lang) }
      case .resolve: fields = [.resolution]
      case .reject, .reopen: break
      }
      for field in fields { lines[SetKey(id: entry.id, field: field)] = (order, line) }
    }
    return lines
  }

  /// A field of a claim holding a control character.
  private struct MarkedField {
    var record: Int
    var field: String
    var character: UInt32
  }

  private static func issues(in ledger: Ledger, _ range: Range<Int>, today: Day) -> (
    issues: [DatedIssue], controlCharacters: [MarkedField]
  ) {
    var issues: [DatedIssue] = []
    var marked: [MarkedField] = []
    let records = ledger.records
    for index in range {
      let id = records[index].id
      func report(
        _ severity: LedgerIssue.Severity, _ message: String, setting fields: [SetField]
      ) {
        let location = SourceLocation(path: ledger.path, line: Int(records[index].line))
        issues.append(
          DatedIssue(
            issue: LedgerIssue(severity: severity, location: location, id: id, message: message),
            record: index, fields: fields))
      }
      if let said = records[index].said, let deadline = records[index].deadline, deadline < said {
        report(
          .error, "claim \(id) has its deadline \(deadline) before it was said (\(said))",
          setting: [.said, .deadline])
      }
      // Recorded with a clock or a --today ahead of the real day, as `add` refuses now.
      if let said = records[index].said, said > today {
        report(.warning, "claim \(id) is said on \(said), after today", setting: [.said])
      }
      if let resolvedOn = records[index].resolution?.on, resolvedOn > today {
        report(
          .warning, "claim \(id) is resolved on \(resolvedOn), after today", setting: [.resolution])
      }
      for (field, character) in controlCharacters(in: records[index]) {
        marked.append(MarkedField(record: index, field: field, character: character))
      }
      if let lang = records[index].lang, !LanguageTag.isWellFormed(lang.utf8) {
        report(
          .warning,
          "claim \(id) has lang '\(lang)', which is not a language tag such as en, "
            + "zh-Hans or zh-Hant", setting: [.lang])
      }
    }
    return (issues, marked)
  }

  /// One warning per marked field, at the line of the last entry of the claim that wrote a
  /// control character into that field, else at the claim's line.
  private static func controlCharacterIssues(
    _ marked: [MarkedField], in ledger: Ledger, lines: [FieldKey: Int32]
  ) -> [LedgerIssue] {
    marked.map { mark in
      let record = ledger.records[mark.record]
      let line = lines[FieldKey(id: record.id, field: mark.field)] ?? record.line
      return LedgerIssue(
        severity: .warning, location: SourceLocation(path: ledger.path, line: Int(line)),
        id: record.id,
        message: "claim \(record.id) has the control character "
          + "U+\(String(mark.character, radix: 16, uppercase: true)) in its \(mark.field), which "
          + "a terminal would act on and an import refuses"
          + (amendable.contains(mark.field) ? "; amend it" : ""))
    }
  }

  private struct FieldKey: Hashable {
    var id: ClaimID
    var field: String
  }

  /// For each of the claims `ids` and each field, the line of the last entry that wrote a
  /// control character into it.
  private static func writingLines(_ journal: Journal, of ids: Set<ClaimID>) -> [FieldKey: Int32] {
    var lines: [FieldKey: Int32] = [:]
    for (entry, line) in zip(journal.entries, journal.lines) where ids.contains(entry.id) {
      for (field, text) in texts(of: entry.body) {
        var text = text
        let holds = text.withUTF8 {
          FieldRules.firstControlCharacter(in: UnsafeRawBufferPointer($0)) != nil
        }
        if holds { lines[FieldKey(id: entry.id, field: field)] = line }
      }
    }
    return lines
  }

  /// The texts an entry writes, by the name of the field they end up in.
  private static func texts(of body: Entry.Body) -> [(String, String)] {
    func changed(_ changes: ClaimChanges) -> [(String, String?)] {
      [
        ("text", changes.text), ("quote", changes.quote), ("source", changes.source),
        ("via", changes.via), ("url", changes.url), ("deadline_text", changes.deadlineText),
        ("hedge", changes.hedge), ("document", changes.document),
      ] + (changes.tags ?? []).map { ("tags", $0) }
    }
    let pairs: [(String, String?)]
    switch body {
    case .claim(let claim, _):
      pairs =
        [
          ("text", claim.text), ("quote", claim.quote), ("source", claim.source),
          ("via", claim.via), ("url", claim.url), ("deadline_text", claim.deadlineText),
          ("hedge", claim.hedge), ("document", claim.document),
        ] + claim.tags.map { ("tags", $0) }
    case .accept(let changes): pairs = changed(changes)
    case .amend(let changes, let note): pairs = changed(changes) + [("note", note)]
    case .resolve(let resolution):
      pairs = [("evidence", resolution.evidence), ("note", resolution.note)]
    case .reject(let reason): pairs = [("reason", reason)]
    case .reopen(let note): pairs = [("note", note)]
    }
    return pairs.compactMap { field, text in text.map { (field, $0) } }
  }

  /// The fields `claims amend` sets.
  static let amendable: Set<String> = [
    "text", "quote", "source", "via", "url", "deadline_text", "hedge", "tags",
  ]

  /// Each of the claim's fields holding a control character, with the first such character.
  static func controlCharacters(in record: ClaimRecord) -> [(field: String, character: UInt32)] {
    guard controlCharacter(in: record) != nil else { return [] }
    // Every field only for a claim that has one: nearly none does.
    let texts =
      texts(of: .claim(record.claim, status: record.status))
      + [
        ("evidence", record.resolution?.evidence), ("note", record.resolution?.note),
        ("note", record.note), ("reason", record.rejection),
      ].compactMap { field, text in text.map { (field, $0) } }
    var found: [(field: String, character: UInt32)] = []
    for (field, text) in texts where !found.contains(where: { $0.field == field }) {
      var text = text
      if let character = text.withUTF8({
        FieldRules.firstControlCharacter(in: UnsafeRawBufferPointer($0))
      }) {
        found.append((field, character))
      }
    }
    return found
  }

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
