import ClaimLedger

/// The walk of `claims due --resolve`: one overdue claim at a time, settled by a key.
///
/// As in `review`, each resolution or moved deadline is appended the moment it is made.
struct DuePrompt {
  let context: Context
  let conversation: any Conversation
  /// The overdue claims, oldest deadline first.
  let queue: [ClaimRecord]

  static let help = """
    t  true     f  false     p  partial   (each asks for evidence: a URL or a quote)
    v  void: asks a reason (ambiguous, annulled, condition-failed, retracted, duplicate)
    l  later: moves the deadline (an amend with a note)
    s  skip it for now
    ?  this help
    q  quit; every resolution is written already (Ctrl-C too)

    """

  /// Walks the queue and returns the summary printed at the end.
  func run() throws -> String {
    defer { conversation.end() }
    let terminal = context.terminal
    let card = ClaimCard(width: terminal.width ?? 80, terminal: terminal)
    let prompt = FieldPrompt(conversation: conversation, terminal: terminal)
    var tally = (resolved: 0, moved: 0, skipped: 0)
    var position = 0
    var isShown = false
    walk: while position < queue.count {
      let record = queue[position]
      let claim = record.claim
      if !isShown {
        let late = claim.deadline.map { "\($0.days(until: context.today))d late" } ?? "overdue"
        var text = card.header(
          position: position + 1, count: queue.count, id: record.id, note: late)
        text += card.paragraph(claim.text) + "\n"
        if let quote = claim.quote, quote != claim.text {
          text += card.paragraph("“\(quote)”") + "\n"
        }
        conversation.write(text + card.fields(of: claim) + "\n")
        isShown = true
      }
      conversation.write(terminal.paint("t f p v l s ? q", .dim) + " > ")
      guard let key = conversation.readKey() else { break }
      conversation.write((key.isVisibleKey ? String(key) : "") + "\n")
      switch key {
      case "t", "f", "p", "v":
        let outcome: Outcome =
          key == "t" ? .true : key == "f" ? .false : key == "p" ? .partial : .void
        var reason: VoidReason?
        if outcome == .void {
          let answer = prompt.ask("reason (\(VoidReason.expectation))", current: "") { word in
            VoidReason(argument: word).map { .success($0) }
              ?? .failure(FieldRefusal("'\(word)' is not \(VoidReason.expectation)"))
          }
          switch answer {
          case .value(let value): reason = value
          case .kept: continue walk
          case .endOfInput: break walk
          }
        }
        let evidence: String?
        switch prompt.ask(
          "evidence (a URL or a quote\(outcome == .void ? ", Enter for none" : "")", current: "",
          check: { .success($0) })
        {
        case .value(let value): evidence = value
        case .kept where outcome == .void: evidence = nil
        case .kept:
          conversation.write("evidence is needed to resolve it \(outcome.rawValue); not resolved\n")
          continue walk
        case .endOfInput: break walk
        }
        let resolution = Resolution(
          outcome: outcome, on: context.today, evidence: evidence, reason: reason)
        guard try append(record, .resolve(resolution)) else { break }
        conversation.write(
          terminal.paint("resolved \(record.id) as \(outcome.rawValue)", .green) + "\n\n")
        tally.resolved += 1
      case "l":
        let answer = prompt.ask("new deadline", current: "") {
          word -> Result<Deadline, FieldRefusal> in
          switch FieldPrompt.deadline(word, said: claim.said) {
          case .success(let deadline) where deadline.day < context.today:
            .failure(FieldRefusal("\(deadline.day) is past already; give a later one"))
          case let other: other
          }
        }
        guard case .value(let deadline) = answer else {
          if answer.isEnd { break walk }
          continue walk
        }
        let note: String
        switch prompt.ask("note", current: "not settled yet", check: { .success($0) }) {
        case .value(let value): note = value
        case .kept: note = "not settled yet"
        case .endOfInput: break walk
        }
        let changes = ClaimChanges(deadline: deadline.day, deadlineText: deadline.text)
        guard try append(record, .amend(changes, note: note)) else { break }
        conversation.write("moved \(record.id) to \(deadline.day)\n\n")
        tally.moved += 1
      case "s":
        conversation.write("skipped \(record.id)\n\n")
        tally.skipped += 1
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
      isShown = false
    }
    let left = queue.count - tally.resolved - tally.moved
    return
      "resolved \(tally.resolved), moved \(tally.moved), skipped \(tally.skipped); "
      + "\(left) still overdue\n"
  }

  /// Appends one entry on `record`, which must still be open; false, with the reason shown,
  /// when it is not (another process settled it meanwhile).
  private func append(_ record: ClaimRecord, _ body: Entry.Body) throws -> Bool {
    do {
      try context.store.update { (ledger: Ledger) throws(LedgerError) in
        let fresh = try ledger.record(withPrefix: record.id.description)
        guard fresh.status == .open else {
          throw .invalidTransition(
            id: fresh.id, reason: "is \(fresh.status.rawValue) now, not open; nothing was recorded")
        }
        return ([Entry(id: fresh.id, at: fresh.nextStamp(after: context.now), body: body)], ())
      }
      return true
    } catch .invalidTransition(let id, let reason) {
      conversation.write(context.terminal.paint("claim \(id) \(reason)", .red) + "\n\n")
      return false
    }
  }
}
