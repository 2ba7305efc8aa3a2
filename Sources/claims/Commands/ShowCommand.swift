import ClaimLedger

/// `claims show`: one claim, every field, and its whole history.
struct ShowCommand: Command {
  static let spec = CommandSpec(
    name: "show",
    abstract: "Show one claim with its whole history.",
    parameters: [.positional("id", help: "The claim's id, or a unique prefix of 4 or more digits.")]
  )

  var id: String

  init(_ input: ParsedInput) throws(UsageError) {
    id = try input.required("id")
  }

  func run(in context: Context) throws -> CommandOutput {
    let ledger = try context.loadLedger()
    let record = try ledger.record(withPrefix: id)
    if context.json {
      var json = JSONBuffer()
      record.writeJSON(into: &json)
      return CommandOutput(json.text + "\n", notes: context.notes(for: ledger))
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
    var text = terminal.paint("claim \(record.id)", .bold) + "\n"
    for (label, value) in rows {
      text += "  " + label.padding(toLength: 12, withPad: " ", startingAt: 0) + value + "\n"
    }
    text += "history\n"
    for entry in record.history {
      text += "  " + entry.at.description + "  " + HistoryLine.describe(entry) + "\n"
    }
    return CommandOutput(text, notes: context.notes(for: ledger))
  }

  private func statusLine(_ record: ClaimRecord, today: Day) -> String {
    if let resolution = record.resolution {
      return "resolved \(resolution.outcome.rawValue) on \(resolution.on)"
        + (record.hasConflictingResolutions ? " (conflicting resolutions: resolve it again)" : "")
    }
    if record.isOverdue(on: today), let deadline = record.claim.deadline {
      return "open, overdue by \(deadline.days(until: today)) days"
    }
    return record.status.rawValue
  }
}

/// One line of `show`'s history: what the entry did, in words.
enum HistoryLine {
  static func describe(_ entry: Entry) -> String {
    switch entry.body {
    case .claim(_, let status):
      return "recorded (\(status.rawValue))"
    case .accept(let changes):
      return "accepted" + changed(changes)
    case .reject(let reason):
      return "rejected" + (reason.map { ": \($0)" } ?? "")
    case .amend(let changes, let note):
      return "amended" + changed(changes) + (note.map { " — \($0)" } ?? "")
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

  private static func changed(_ changes: ClaimChanges) -> String {
    var parts: [String] = []
    if let value = changes.text { parts.append("text “\(value)”") }
    if let value = changes.quote { parts.append("quote “\(value)”") }
    if let value = changes.source { parts.append("source \(value)") }
    if let value = changes.via { parts.append("via \(value)") }
    if let value = changes.url { parts.append("url \(value)") }
    if let value = changes.said { parts.append("said \(value)") }
    if let value = changes.deadline { parts.append("deadline \(value)") }
    if let value = changes.confidence { parts.append("confidence \(value.percent)") }
    if let value = changes.tags { parts.append("tags \(value.joined(separator: ", "))") }
    return parts.isEmpty ? "" : ": " + parts.joined(separator: "; ")
  }
}
