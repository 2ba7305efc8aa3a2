import ClaimLedger
import ClaimReports

/// `claims show`: one claim, every field, and its whole history.
struct ShowCommand: Command {
  static let spec = CommandSpec(
    name: "show",
    abstract: "Show one claim with its whole history.",
    parameters: [
      .positional("id", help: "The claim's id, or a unique prefix of 4 or more digits.")
        .completing(.claimIDs)
    ]
  )

  var id: String

  init(_ input: ParsedInput) throws(UsageError) {
    id = try input.required("id", as: IDPrefix.self).description
  }

  func run(in context: Context) throws -> CommandOutput {
    let ledger = try context.loadLedger()
    let record = try ledger.record(withPrefix: id)
    if context.json {
      return CommandOutput(ClaimJSON.object(record), notes: context.notes(for: ledger))
    }
    let claim = record.claim
    let terminal = context.terminal
    var rows: [(String, String)] = [
      ("status", statusLine(record, today: context.today)),
      ("text", claim.text),
    ]
    if let quote = claim.quote { rows.append(("quote", quote)) }
    rows.append(("source", claim.source + (claim.via.map { " (via \($0))" } ?? "")))
    if let url = claim.url { rows.append(("url", url)) }
    rows.append(("said", claim.said?.description ?? "unknown"))
    if let deadline = claim.deadline {
      rows.append(
        ("deadline", deadline.description + (claim.deadlineText.map { " (\($0))" } ?? "")))
    } else {
      rows.append(("deadline", "none"))
    }
    rows.append(("confidence", claim.confidence.percent + (claim.hedge.map { " (\($0))" } ?? "")))
    if let lang = claim.lang { rows.append(("lang", lang)) }
    if !claim.tags.isEmpty { rows.append(("tags", claim.tags.joined(separator: ", "))) }
    if claim.isConditional { rows.append(("conditional", "yes")) }
    if let document = claim.document { rows.append(("document", document)) }
    if let resolution = record.resolution {
      if let evidence = resolution.evidence { rows.append(("evidence", evidence)) }
      if let reason = resolution.reason { rows.append(("reason", reason.rawValue)) }
      if let note = resolution.note { rows.append(("note", note)) }
    }
    if let rejection = record.rejection { rows.append(("rejected", rejection)) }
    rows += try echoRows(of: record, in: ledger, context: context)
    var text = terminal.paint("claim \(record.id)", .bold) + "\n"
    // A value over several lines keeps its later lines under its first (a carriage return
    // counts as a line end, so none reaches the terminal raw).
    let indent = "\n" + String(repeating: " ", count: 14)
    for (label, value) in rows {
      let lines = DisplayWidth.visible(value).split(
        omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      text +=
        "  " + label.padding(toLength: 12, withPad: " ", startingAt: 0)
        + lines.joined(separator: indent) + "\n"
    }
    text += "history\n"
    let lines = zip(
      zip(
        record.history, HistoryLine.describe(record.history, before: record.fieldsBeforeEachEntry)),
      record.statusRefusingEachEntry
    ).map { described, refusedBy in
      // As a merge can leave it: written, but refused by the claim's status then. An
      // acceptance's corrections apply all the same, as an amend's would.
      let (entry, line) = described
      guard let refusedBy else { return line }
      return line
        + (entry.kind == .accept
          ? " (the claim was \(refusedBy.rawValue) then: only its corrections applied)"
          : " (not applied: the claim was \(refusedBy.rawValue) then)")
    }
    for (entry, line) in zip(record.history, lines) {
      let stamp = "  " + entry.at.description + "  "
      let lines = DisplayWidth.visible(line).split(
        omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      text +=
        stamp + lines.joined(separator: "\n" + String(repeating: " ", count: stamp.count)) + "\n"
    }
    return CommandOutput(text, notes: context.notes(for: ledger))
  }

  /// "echo of" the claim that said the forecast first, or "echoes" that repeated it later.
  private func echoRows(of record: ClaimRecord, in ledger: Ledger, context: Context) throws
    -> [(String, String)]
  {
    let all = ledger.records
    guard let index = all.firstIndex(where: { $0.id == record.id }) else { return [] }
    let clusters = try ClaimSubjects.echoClusters(of: all, context: context)
    let describe = { (position: Int) in
      let claim = all[position].claim
      return "\(all[position].id)  \(claim.source), \(claim.said?.description ?? "undated")"
    }
    if let origin = clusters.originOf[index] { return [("echo of", describe(origin))] }
    return (clusters.echoesOf[index] ?? []).enumerated().map { offset, position in
      (offset == 0 ? "echoes" : "", describe(position))
    }
  }

  private func statusLine(_ record: ClaimRecord, today: Day) -> String {
    let status = decisionLine(record, today: today)
    guard record.hasConflictingClaimLines else { return status }
    return status + " (recorded on two lines that differ: 'claims check' says how)"
  }

  private func decisionLine(_ record: ClaimRecord, today: Day) -> String {
    if let resolution = record.resolution {
      return "resolved \(resolution.outcome.rawValue) on \(resolution.on)"
        + (record.hasConflictingResolutions ? " (conflicting resolutions: resolve it again)" : "")
        + (record.hasConflictingDecisions
          ? " (accepted and rejected on two clones: accept it again, or reopen it)" : "")
    }
    if record.hasConflictingDecisions {
      return record.status.rawValue
        + " (accepted and rejected on two clones: accept, reject or reopen it again)"
    }
    if record.isOverdue(on: today), let deadline = record.claim.deadline {
      return "open, overdue by \(deadline.days(until: today)) days"
    }
    return record.status.rawValue
  }
}

/// The lines of `show`'s history: what each entry did, in words, with the values a
/// correction replaced.
enum HistoryLine {
  /// Each entry of `history` in words; `before` holds the claim's fields just before each
  /// (`ClaimRecord.fieldsBeforeEachEntry`), what a change is shown as changing from.
  static func describe(_ history: ArraySlice<Entry>, before: [Claim?]) -> [String] {
    zip(history, before).map { entry, current in
      switch entry.body {
      case .claim(_, let status):
        return "recorded (\(status.rawValue))"
      case .accept(let changes):
        return "accepted" + changed(changes, from: current)
      case .reject(let reason):
        return "rejected" + (reason.map { ": \($0)" } ?? "")
      case .amend(let changes, let note):
        return "amended" + changed(changes, from: current) + (note.map { " — \($0)" } ?? "")
      case .resolve(let resolution):
        var text = "resolved \(resolution.outcome.rawValue) on \(resolution.on)"
        if let reason = resolution.reason { text += " (\(reason.rawValue))" }
        if let evidence = resolution.evidence { text += "; evidence: \(evidence)" }
        if let note = resolution.note { text += " — \(note)" }
        return text
      case .reopen(let note):
        return "reopened" + (note.map { " — \($0)" } ?? "")
      }
    }
  }

  /// "text “old” → “new”; deadline 2026-12-31 → 2027-06-30".
  private static func changed(_ changes: ClaimChanges, from claim: Claim?) -> String {
    var parts: [String] = []
    func note(_ name: String, _ old: String?, _ new: String?, quoted: Bool = false) {
      // A correction that restates the value (an accept's `--source` as it was) changed nothing.
      guard let new, new != old else { return }
      let show = { (value: String) in quoted ? "“\(value)”" : value }
      parts.append("\(name) " + (old.map { show($0) + " → " } ?? "") + show(new))
    }
    note("text", claim?.text, changes.text, quoted: true)
    note("quote", claim?.quote, changes.quote, quoted: true)
    note("source", claim?.source, changes.source)
    note("via", claim?.via, changes.via)
    note("url", claim?.url, changes.url)
    note("said", claim?.said?.description, changes.said?.description)
    // A value with the words it was read from, which a change may keep or drop.
    func withWords(_ value: String?, _ words: String?) -> String? {
      value.map { value in words.map { "\(value) (\($0))" } ?? value }
    }
    if let deadline = changes.deadline {
      note(
        "deadline", withWords(claim?.deadline?.description, claim?.deadlineText),
        withWords(deadline.description, changes.deadlineText))
    } else {
      note("deadline words", claim?.deadlineText, changes.deadlineText)
    }
    if let confidence = changes.confidence {
      note(
        "confidence", withWords(claim?.confidence.percent, claim?.hedge),
        withWords(confidence.percent, changes.hedge))
    } else {
      note("hedge", claim?.hedge, changes.hedge)
    }
    note(
      "tags", claim.map { $0.tags.isEmpty ? "none" : $0.tags.joined(separator: ", ") },
      changes.tags.map { $0.isEmpty ? "none" : $0.joined(separator: ", ") })
    // Set with a new quote or text, whose language it follows.
    note("lang", claim.map { $0.lang ?? "none" }, changes.lang)
    note("conditional", claim.map { "\($0.isConditional)" }, changes.isConditional.map { "\($0)" })
    note("document", claim.map { $0.document ?? "none" }, changes.document)
    return parts.isEmpty ? "" : ": " + parts.joined(separator: "; ")
  }
}
