import ClaimLedger
import ClaimReports
import Foundation

/// The walk of `claims review` on a terminal: one proposed claim at a time, decided by a key.
///
/// Every decision is appended to the ledger the moment it is made, so quitting (or a crash)
/// loses nothing decided. `u` undoes the latest decision of this walk by appending a `reopen`,
/// which returns the claim to proposed as it was before (an acceptance's corrections dropped),
/// and shows it again.
struct ReviewPrompt {
  let context: Context
  let conversation: any Conversation
  /// The claims to walk, oldest first.
  let queue: [ClaimRecord]
  /// The folder article paths are relative to.
  let folder: String

  static let help = """
    a  accept the claim (with the edits made with e or E)
    e  edit text, source, via, deadline and confidence, one prompt each (Enter keeps a value)
    E  edit the same fields as a form in $VISUAL or $EDITOR
    r  reject it; asks a reason (a number from the list, a word, or Enter for none)
    s  skip it for now; it stays proposed
    u  undo the latest accept or reject of this walk (appends a reopen); shows that claim again
    ?  this help
    q  quit; every decision is written already (Ctrl-C too)

    """

  /// A decision this walk wrote, kept so `u` can undo it.
  private struct Decision {
    var position: Int
    var id: ClaimID
    var kind: Entry.Kind
  }

  /// Walks the queue and returns the summary printed at the end.
  func run() throws -> String {
    defer { conversation.end() }
    var records = queue
    var position = 0
    var decisions: [Decision] = []
    var tally = (accepted: 0, rejected: 0, skipped: 0, undone: 0)
    let terminal = context.terminal
    let card = ClaimCard(width: terminal.width ?? 80, terminal: terminal)
    let prompt = FieldPrompt(conversation: conversation, terminal: terminal)
    var pending = ClaimChanges()
    var isShown = false
    /// Undoes the latest decision and goes back to its claim; false when there is none.
    func undoLatest() throws -> Bool {
      guard let last = decisions.popLast() else { return false }
      records[last.position] = try undo(last)
      if last.kind == .accept { tally.accepted -= 1 } else { tally.rejected -= 1 }
      tally.undone += 1
      conversation.write("undid the \(last.kind.rawValue) of \(last.id); it is proposed again\n\n")
      position = last.position
      pending = ClaimChanges()
      isShown = false
      return true
    }
    walk: while true {
      guard position < records.count else {
        // The last decision can still be undone before the walk ends.
        guard !decisions.isEmpty else { break }
        conversation.write("end of the queue: u undoes the latest decision, any other key quits > ")
        guard let key = conversation.readKey() else { break }
        conversation.write((key.isVisibleKey ? String(key) : "") + "\n")
        guard key == "u", try undoLatest() else { break }
        continue walk
      }
      let record = records[position]
      let claim = record.claim.applying(pending)
      if !isShown {
        conversation.write(
          show(claim, record: record, position: position, card: card, edited: !pending.isEmpty))
        isShown = true
      }
      conversation.write(terminal.paint("a e E r s u ? q", .dim) + " > ")
      guard let key = conversation.readKey() else { break }
      conversation.write((key.isVisibleKey ? String(key) : "") + "\n")
      switch key {
      case "a":
        guard try decide(record, .accept(pending)) else { break }
        conversation.write(terminal.paint("accepted \(record.id)", .green) + "\n\n")
        decisions.append(Decision(position: position, id: record.id, kind: .accept))
        tally.accepted += 1
      case "r":
        // A no-break space keeps each number with its reason when the list wraps.
        let reasons = ReviewDecision.usualReasons.enumerated().map {
          "\($0.offset + 1)\u{A0}\($0.element)"
        }
        conversation.write(card.paragraph(reasons.joined(separator: "  "), colour: .dim))
        guard let answer = conversation.ask("reason: ") else { break walk }
        let reason = Self.reason(from: answer.trimmingSpaces())
        guard try decide(record, .reject(reason: reason)) else { break }
        conversation.write(
          terminal.paint("rejected \(record.id)", .yellow) + (reason.map { " (\($0))" } ?? "")
            + "\n\n")
        decisions.append(Decision(position: position, id: record.id, kind: .reject))
        tally.rejected += 1
      case "s":
        conversation.write("skipped \(record.id)\n\n")
        tally.skipped += 1
      case "e":
        guard let changes = prompt.changes(to: claim) else { break walk }
        pending = Self.merging(pending, changes)
        isShown = false
        continue walk
      case "E":
        let edited: String
        switch conversation.edit(EditForm.text(of: claim)) {
        case .success(let text): edited = text
        case .failure(let failure):
          conversation.write(terminal.paint(failure.message, .red) + "\n")
          continue walk
        }
        switch EditForm.changes(from: edited, to: claim) {
        case .success(let changes):
          pending = Self.merging(pending, changes)
          isShown = false
        case .failure(let refusal):
          conversation.write(terminal.paint(refusal.message, .red) + "; nothing changed\n")
        }
        continue walk
      case "u":
        if try !undoLatest() { conversation.write("nothing to undo in this walk\n") }
        continue walk
      case "?", "h":
        conversation.write(Self.help)
        continue walk
      case "q", "\u{3}", "\u{4}":
        break walk
      default:
        conversation.write("\(key.keyName) does nothing here; ? lists the keys\n")
        continue walk
      }
      position += 1
      pending = ClaimChanges()
      isShown = false
    }
    var summary = "accepted \(tally.accepted), rejected \(tally.rejected), skipped \(tally.skipped)"
    if tally.undone > 0 { summary += ", undid \(tally.undone)" }
    let left = records.count - decisions.count
    summary += "; \(left) still proposed\n"
    return summary
  }

  private func show(
    _ claim: Claim, record: ClaimRecord, position: Int, card: ClaimCard, edited: Bool
  ) -> String {
    var text = card.header(
      position: position + 1, count: queue.count, id: record.id,
      note: edited ? "edited" : "proposed")
    text += card.paragraph(claim.text)
    text += "\n"
    if let quote = claim.quote {
      if let document = claim.document,
        let excerpt = ArticleExcerpt.find(quote, document: document, in: folder)
      {
        // The article's words made visible before the quote is painted bold, so the paint's
        // own escape codes stand.
        var shown = excerpt
        shown.before = DisplayWidth.visible(excerpt.before)
        shown.quote = DisplayWidth.visible(excerpt.quote)
        shown.after = DisplayWidth.visible(excerpt.after)
        text += card.paragraph(
          painted: shown.joined(quote: context.terminal.paint(shown.quote, .bold)))
      } else if quote != claim.text {
        text += card.paragraph("“\(quote)”")
      }
      text += "\n"
    }
    return text + card.fields(of: claim) + "\n"
  }

  /// Appends one decision on `record`; false, with the reason shown, when the ledger refuses
  /// it (another process decided the claim meanwhile, or an edit contradicts its said date).
  private func decide(_ record: ClaimRecord, _ body: Entry.Body) throws -> Bool {
    do {
      try append(record, body)
      return true
    } catch .invalidTransition(let id, let reason) {
      conversation.write(context.terminal.paint("claim \(id) \(reason)", .red) + "\n\n")
      return false
    }
  }

  private func append(_ record: ClaimRecord, _ body: Entry.Body) throws(LedgerError) {
    try context.store.update { (ledger: Ledger) throws(LedgerError) in
      let records = try ReviewDecision.proposedRecords([record.id.description], in: ledger)
      if case .accept(let changes) = body, let fresh = records.first {
        try ClaimChangesArgument.checkAcceptance(changes, on: fresh, today: context.today)
      }
      let stamp = context.stamp()
      let entries = records.map { Entry(id: $0.id, at: $0.nextStamp(after: stamp), body: body) }
      return (entries, ())
    }
  }

  /// Appends the `reopen` that undoes `decision` and returns the claim as it now stands.
  private func undo(_ decision: Decision) throws -> ClaimRecord {
    try context.store.update { (ledger: Ledger) throws(LedgerError) in
      let record = try ledger.record(withPrefix: decision.id.description)
      guard record.reopenableDecision == decision.kind else {
        throw .invalidTransition(
          id: record.id, reason: "changed since it was decided here; nothing was undone")
      }
      let entry = Entry(
        id: record.id, at: record.nextStamp(after: context.stamp()),
        body: .reopen(note: "undone in review"))
      return ([entry], ())
    }
    return try context.store.load().record(withPrefix: decision.id.description)
  }

  /// A number picks from the usual reasons; any other word is kept as typed; empty is none.
  static func reason(from answer: String) -> String? {
    guard !answer.isEmpty else { return nil }
    if let number = Int(answer), ReviewDecision.usualReasons.indices.contains(number - 1) {
      return ReviewDecision.usualReasons[number - 1]
    }
    return answer
  }

  /// `later` on top of `earlier`: a field set in both takes the later value.
  static func merging(_ earlier: ClaimChanges, _ later: ClaimChanges) -> ClaimChanges {
    var changes = earlier
    if let text = later.text { changes.text = text }
    if let source = later.source { changes.source = source }
    if let via = later.via { changes.via = via }
    if let deadline = later.deadline {
      changes.deadline = deadline
      changes.deadlineText = later.deadlineText
    }
    if let confidence = later.confidence {
      changes.confidence = confidence
      changes.hedge = later.hedge
    }
    return changes
  }
}
