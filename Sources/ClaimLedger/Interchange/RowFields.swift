/// One row's cells by column name, and the checks that turn them into a claim.
struct RowFields {
  var path: String
  var line: Int
  /// Dates after it are refused.
  var today: Day
  /// The cell's text, nil when the column is absent.
  var value: (String) -> String?
  var column: (String) -> Int
  /// Tags given as a list (JSON) rather than as text joined by `;`.
  var tags: [String]?
  /// Where the file's confidence column shows it holds percentages without the sign (`60`):
  /// a bare `1` or `0.5` in it could then be either scale, and is refused.
  var percentColumn: PercentColumn? = nil
  /// The order the file's dates show (`9/30/2026` is month first), by which a date that could
  /// be either (`1/2/2026`) is read.
  var dateOrder: DateOrderEvidence? = nil

  func fail(_ key: String, _ reason: String) -> ImportError {
    .badValue(at: SourceLocation(path: path, line: line, column: column(key)), reason: reason)
  }

  /// The cell's text, nil when absent or empty.
  func text(_ key: String) -> String? {
    guard let text = value(key), !text.isEmpty else { return nil }
    return text
  }

  /// The cell as `rule` takes it (`FieldRules`, as `add` checks its options); nil when absent
  /// or blank. A refusal names the cell.
  ///
  /// Typed rows are trimmed as `add` trims its options, so a spreadsheet's ` Ann ` is the
  /// source `Ann`. A row that names its id is a claim as a ledger held it (an export), read
  /// back as it was, so a round trip changes no claim.
  func checked(_ key: String, by rule: (String) throws(FieldRules.Refusal) -> String)
    throws(ImportError) -> String?
  {
    guard let cell = text(key) else { return nil }
    let text = isExported ? cell : cell.trimmingSpaces()
    guard !text.isEmpty else { return nil }
    do {
      return try rule(text)
    } catch {
      throw fail(key, "\(key) \(error)")
    }
  }

  /// Whether the row names its claim's id, as an export's rows do.
  var isExported: Bool {
    text("id") != nil
  }

  func required(_ key: String, by rule: (String) throws(FieldRules.Refusal) -> String)
    throws(ImportError) -> String
  {
    guard let text = try checked(key, by: rule) else { throw fail(key, "\(key) is empty") }
    return text
  }

  /// The tags, from a JSON list or a cell joined by `;`, each trimmed and checked as `add
  /// --tag` is, and each kept once, so every way in gives the same tags (a CSV export of a
  /// JSON list's `" ai "` reads back `ai`).
  func tagList() throws(ImportError) -> [String] {
    let given =
      tags?.map { $0.trimmingSpaces() }
      ?? (self.text("tags")?.unicodeScalars.split(separator: ";").map {
        String($0).trimmingSpaces()
      }
      .filter { !$0.isEmpty } ?? [])
    var checked: [String] = []
    for tag in given {
      do {
        checked.append(try FieldRules.tag(tag))
      } catch {
        throw fail("tags", "tag '\(tag)' \(error)")
      }
    }
    return FieldRules.distinctTags(checked)
  }

  func claim(detectingLanguage: Bool) throws(ImportError) -> ImportedClaim {
    // The one character the journal cannot hold (its reader refuses `\u0000`): refused here,
    // where the row and column are known, like any other bad value.
    for key in ClaimExport.csvColumns where value(key)?.utf8.contains(0) == true {
      throw fail(key, "\(key) holds a NUL character, which the ledger cannot store")
    }
    if let tags, tags.contains(where: { $0.utf8.contains(0) }) {
      throw fail("tags", "tags holds a NUL character, which the ledger cannot store")
    }
    let text = try required("text", by: FieldRules.required)
    let source = try required("source", by: FieldRules.required)
    let quote = try checked("quote", by: FieldRules.text)
    let said = try day("said")
    let (deadline, deadlineWords) = try deadlineCell()
    var hedge = try checked("hedge", by: FieldRules.text)
    let confidence: Confidence
    var confidenceWord: String?
    if let word = self.text("confidence") {
      guard let value = Self.confidence(word) else {
        throw fail("confidence", "confidence '\(word)' is not a probability such as 0.7 or 70%")
      }
      if let percentColumn, let number = PercentColumn.bareNumber(word), number > 0, number <= 1 {
        let trimmed = word.trimmingSpaces()
        throw fail(
          "confidence",
          "confidence '\(trimmed)' could be \(trimmed)% or \(DecimalFormat.percent(number))%: the "
            + "column holds percentages without the sign ('\(percentColumn.value)' on line "
            + "\(percentColumn.line)); write the sign")
      }
      confidence = value
    } else if let word = hedge, let named = HedgeScale.standard.hedge(named: word) {
      // A hedge column without a confidence, as `add --hedge` takes it.
      confidence = HedgeScale.confidence(of: named, forText: text)
    } else if let word = hedge {
      // As `add --hedge` refuses it: the text's own hedge would contradict the one named.
      throw fail(
        "hedge",
        "hedge '\(word)' is not in the hedge table; give a confidence with it to record it anyway")
    } else if let found = HedgeScale.standard.firstHedge(in: quote ?? text)
      ?? HedgeScale.standard.firstHedge(in: text)
    {
      confidence = HedgeScale.confidence(of: found, forText: text)
      hedge = hedge ?? found.word
      confidenceWord = found.word
    } else {
      throw fail("confidence", "no confidence, and no hedge word in the text to take one from")
    }
    var isConditional = false
    if let word = self.text("conditional") {
      switch word.trimmingSpaces().lowercased() {
      case "true", "yes", "1": isConditional = true
      case "false", "no", "0": isConditional = false
      default: throw fail("conditional", "conditional '\(word)' is not true or false")
      }
    }
    let lang =
      detectingLanguage
      ? LanguageTag.detect(quote ?? text) : try checked("lang", by: FieldRules.text)
    if let lang, !LanguageTag.isWellFormed(lang.utf8) {
      throw fail("lang", "lang '\(lang)' is not a language tag such as en, zh-Hans or zh-Hant")
    }
    let claim = Claim(
      text: text, quote: quote, source: source, via: try checked("via", by: FieldRules.text),
      url: try checked("url", by: FieldRules.link), said: said, deadline: deadline,
      deadlineText: try checked("deadline_text", by: FieldRules.text) ?? deadlineWords,
      confidence: confidence,
      hedge: hedge, lang: lang, tags: try tagList(), isConditional: isConditional,
      document: try checked("document", by: FieldRules.text))
    if let refusal = FieldRules.datesRefusal(
      said: said, deadline: deadline, resolvedOn: nil, today: today)
    {
      throw fail(refusal.key, refusal.description)
    }
    let id: ClaimID
    if let word = self.text("id") {
      // A spreadsheet may have written the digits in capitals.
      guard let parsed = ClaimID(word.trimmingSpaces().lowercased()) else {
        throw fail(
          "id",
          "id '\(word)' is not 10 hexadecimal digits"
            + (Self.looksLikeSpreadsheetNumber(word.trimmingSpaces())
              ? "; a spreadsheet may have changed it, reading it as a number (dropping leading "
                + "zeros, or writing 1.2E+09): format the id column as text before saving"
              : ""))
      }
      id = parsed
    } else {
      id = claim.derivedID
    }
    let outcome: Outcome?
    if let word = self.text("outcome") {
      guard let parsed = Outcome(rawValue: word.trimmingSpaces().lowercased()) else {
        throw fail("outcome", "outcome '\(word)' is not true, false, partial or void")
      }
      outcome = parsed
    } else {
      outcome = nil
    }
    var status: Status = outcome == nil ? .open : .resolved
    if let word = self.text("status") {
      guard let parsed = Status(rawValue: word.trimmingSpaces().lowercased()) else {
        throw fail("status", "status '\(word)' is not proposed, open, resolved or rejected")
      }
      status = parsed
    }
    var recordedAt: Timestamp?
    if let text = self.text("recorded_at") {
      // A spreadsheet that opened an export saves its times in its own form.
      guard let recorded = try instant("recorded_at", text.trimmingSpaces()) else {
        throw fail(
          "recorded_at", "recorded_at '\(text)' is not a time such as 2026-01-21T09:30:00Z")
      }
      // Later commands stamp their entries after a claim's latest, so a time a little after
      // today (a clock ahead, a `--today` behind the clock) folds in order; one far ahead is
      // a mistake that would push every later entry of the claim there too.
      guard recorded.day <= today.adding(days: 366) else {
        throw fail("recorded_at", "recorded at \(recorded), more than a year after today")
      }
      recordedAt = recorded
    }
    let reason = try checked("reason", by: FieldRules.text)
    let note = try checked("note", by: FieldRules.text)
    var imported = ImportedClaim(
      id: id, claim: claim, status: status, resolution: nil, rejection: nil, note: note,
      line: line, recordedAt: recordedAt)
    imported.confidenceWord = confidenceWord
    switch status {
    case .resolved:
      guard let outcome else { throw fail("outcome", "a resolved claim needs an outcome") }
      guard let on = try day("resolved_on") else {
        throw fail("resolved_on", "a resolved claim needs the day it was resolved")
      }
      if let refusal = FieldRules.datesRefusal(
        said: said, deadline: nil, resolvedOn: on, today: today)
      {
        throw fail(refusal.key, refusal.description)
      }
      var voidReason: VoidReason?
      if let reason {
        guard let parsed = VoidReason(rawValue: reason.trimmingSpaces().lowercased()) else {
          throw fail("reason", "reason '\(reason)' is not a reason a claim is void")
        }
        voidReason = parsed
      }
      if outcome == .void, voidReason == nil {
        throw fail(
          "reason",
          "a void claim needs a reason ("
            + VoidReason.allCases.map(\.rawValue).joined(separator: ", ") + ")")
      }
      if outcome != .void, let reason {
        throw fail("reason", "reason '\(reason)' goes with a void claim only, not a \(outcome) one")
      }
      imported.resolution = Resolution(
        outcome: outcome, on: on, evidence: try checked("evidence", by: FieldRules.text),
        reason: outcome == .void ? voidReason : nil, note: note)
      imported.note = nil
    case .open, .proposed, .rejected:
      if outcome != nil {
        throw fail("outcome", "a claim that is \(status.rawValue) has no outcome")
      }
      // What only a resolution holds would be lost without a word: refused, as an outcome is.
      for key in ["evidence", "resolved_on"] where self.text(key) != nil {
        throw fail(
          key,
          "a claim that is \(status.rawValue) has no \(key.replacingOccurrences(of: "_", with: " ")); give its outcome and status resolved"
        )
      }
      if status == .rejected {
        imported.rejection = reason
      } else if let reason {
        throw fail(
          "reason",
          "reason '\(reason)' goes with a void or rejected claim, not one that is \(status.rawValue)"
        )
      }
    }
    return imported
  }
}

extension FieldRules.DateRefusal {
  /// The column of an import row that holds the date at fault.
  var key: String {
    switch self {
    case .saidAfterToday: "said"
    case .deadlineBeforeSaid: "deadline"
    case .resolvedBeforeSaid, .resolvedAfterToday: "resolved_on"
    }
  }
}

/// A confidence column's first bare number over 1 (`60`), which shows the column holds
/// percentages without the sign.
struct PercentColumn: Sendable, Equatable {
  var line: Int
  var value: String

  /// The number a cell holds with no sign or other mark (`60`, `0.5`), nil for anything else.
  static func bareNumber(_ cell: String) -> Double? {
    let trimmed = cell.trimmingSpaces()
    guard RowFields.isPlainDecimal(trimmed) else { return nil }
    return Double(trimmed)
  }

  /// Whether a cell shows its column holds percentages: a bare number a row reads as one (over
  /// 1 and at most 100; under 10 only when whole, as `RowFields.confidence` reads them).
  static func showsPercentages(_ cell: String) -> Bool {
    bareNumber(cell).map { $0 > 1 && $0 <= 100 && ($0 >= 10 || $0 == $0.rounded()) } ?? false
  }

  /// The first cell of `cells` (each with its line) that shows the column holds percentages.
  static func find(in cells: some Sequence<(line: Int, cell: String)>) -> PercentColumn? {
    for (line, cell) in cells {
      if showsPercentages(cell) {
        return PercentColumn(line: line, value: cell.trimmingSpaces())
      }
    }
    return nil
  }
}
