import ClaimLedger

/// The walk of `claims due --resolve`: one overdue claim at a time, settled by a key.
///
/// As in `review`, each resolution or moved deadline is appended the moment it is made.
struct DuePrompt {
  let context: Context
  let conversation: any Conversation
  /// The overdue claims in the order to settle them.
  let queue: [ClaimRecord]
  /// Runs of `queue` about one subject; a run of more than one is offered one verdict for all.
  var groups: [Range<Int>] = []
  /// Names the subject of a group's header.
  var groupSubject: ((Claim) -> String?)?

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
    var offered: Set<Int> = []
    var listedGroup: Int?
    walk: while position < queue.count {
      let record = queue[position]
      let claim = record.claim
      if let group = groups.first(where: { $0.lowerBound == position }), group.count > 1,
        !offered.contains(position)
      {
        let isListed = listedGroup == position
        listedGroup = position
        switch try offerGroup(group, isListed: isListed, card: card, prompt: prompt) {
        case .settled(let count):
          tally.resolved += count
          position = group.upperBound
        case .skipped:
          conversation.write("skipped \(group.count) claims\n\n")
          tally.skipped += group.count
          position = group.upperBound
        case .oneByOne: offered.insert(position)
        case .again: break
        case .end: break walk
        }
        continue walk
      }
      if !isShown {
        var late = claim.deadline.map { "\($0.days(until: context.today))d late" } ?? "overdue"
        if record.hasConflictingResolutions { late += ", resolutions conflict" }
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
        switch askResolution(key, prompt: prompt) {
        case .settled(let resolution):
          guard try append(record, .resolve(resolution)) else { break }
          conversation.write(
            terminal.paint("resolved \(record.id) as \(resolution.outcome.rawValue)", .green)
              + "\n\n")
          tally.resolved += 1
        case .again: continue walk
        case .end: break walk
        }
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

  /// What one verdict key led to.
  enum Answer {
    case settled(Resolution)
    /// The question was dropped; show the prompt again.
    case again
    case end
  }

  /// Asks what a verdict key needs (a reason for void, evidence for the others) and builds the
  /// resolution, settled today.
  private func askResolution(_ key: Character, prompt: FieldPrompt) -> Answer {
    let outcome: Outcome = key == "t" ? .true : key == "f" ? .false : key == "p" ? .partial : .void
    var reason: VoidReason?
    if outcome == .void {
      let answer = prompt.ask("reason (\(VoidReason.expectation))", current: "") { word in
        VoidReason(argument: word).map { .success($0) }
          ?? .failure(FieldRefusal("'\(word)' is not \(VoidReason.expectation)"))
      }
      switch answer {
      case .value(let value): reason = value
      case .kept: return .again
      case .endOfInput: return .end
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
      return .again
    case .endOfInput: return .end
    }
    return .settled(
      Resolution(outcome: outcome, on: context.today, evidence: evidence, reason: reason))
  }

  /// What became of a group offered one verdict for all.
  enum GroupAnswer {
    /// This many claims of the group were resolved (others were settled meanwhile elsewhere).
    case settled(Int)
    case skipped
    case oneByOne
    case again
    case end
  }

  static let groupHelp = """
    a  one verdict and one piece of evidence for all of them (then t f p v)
    w  walk them one at a time
    s  skip them all for now
    q  quit

    """

  /// Lists the claims of `group` and offers to settle them all with one verdict.
  /// `isListed`: the claims are on screen already (the offer is asked again).
  private func offerGroup(
    _ group: Range<Int>, isListed: Bool, card: ClaimCard, prompt: FieldPrompt
  ) throws -> GroupAnswer {
    let terminal = context.terminal
    let subject = groupSubject ?? { _ in nil }
    var text =
      terminal.paint(
        "\(group.count) claims about \(subject(queue[group.lowerBound].claim) ?? "one subject")",
        .bold) + "\n"
    for record in queue[group] {
      text += card.paragraph("\(record.id)  \(record.claim.source): \(record.claim.text)")
    }
    if isListed { text = "" }
    conversation.write(text)
    conversation.write(terminal.paint("a w s ? q", .dim) + " > ")
    guard let key = conversation.readKey() else { return .end }
    conversation.write((key.isVisibleKey ? String(key) : "") + "\n")
    switch key {
    case "a":
      conversation.write(terminal.paint("verdict for all: t f p v", .dim) + " > ")
      guard let verdict = conversation.readKey() else { return .end }
      conversation.write((verdict.isVisibleKey ? String(verdict) : "") + "\n")
      guard "tfpv".contains(verdict) else {
        conversation.write("\(verdict.keyName) is not a verdict; nothing was recorded\n")
        return .again
      }
      switch askResolution(verdict, prompt: prompt) {
      case .settled(let resolution):
        let count = try appendAll(Array(queue[group]), .resolve(resolution))
        conversation.write(
          terminal.paint("resolved \(count) claims as \(resolution.outcome.rawValue)", .green)
            + "\n\n")
        return .settled(count)
      case .again: return .again
      case .end: return .end
      }
    case "w": return .oneByOne
    case "s": return .skipped
    case "?", "h":
      conversation.write(Self.groupHelp)
      return .again
    case "q", "\u{3}", "\u{4}": return .end
    default:
      conversation.write("\(key.keyName) does nothing here; ? lists the keys\n")
      return .again
    }
  }

  /// Appends `body` on each of `records` that is still unsettled (open, or resolved twice
  /// differently), in one locked write, and says how many; the others are named (another
  /// process settled them meanwhile).
  private func appendAll(_ records: [ClaimRecord], _ body: Entry.Body) throws -> Int {
    let stale = try context.store.update {
      (ledger: Ledger) throws(LedgerError) -> (entries: [Entry], result: [ClaimID]) in
      var entries: [Entry] = []
      var stale: [ClaimID] = []
      let stamp = context.stamp()
      for record in records {
        let fresh = try ledger.record(withPrefix: record.id.description)
        guard fresh.scoredStatus == .open else {
          stale.append(fresh.id)
          continue
        }
        entries += fresh.entries(recording: body, at: stamp)
      }
      return (entries, stale)
    }
    for id in stale {
      conversation.write(
        context.terminal.paint("claim \(id) is no longer open; nothing was recorded", .red) + "\n")
    }
    return records.count - stale.count
  }

  /// Appends `body` on `record`, which must still be unsettled; false, with the reason shown,
  /// when it is not (another process settled it meanwhile).
  private func append(_ record: ClaimRecord, _ body: Entry.Body) throws -> Bool {
    do {
      try context.store.update { (ledger: Ledger) throws(LedgerError) in
        let fresh = try ledger.record(withPrefix: record.id.description)
        guard fresh.scoredStatus == .open else {
          throw .invalidTransition(
            id: fresh.id, reason: "is \(fresh.status.rawValue) now, not open; nothing was recorded")
        }
        return (fresh.entries(recording: body, at: context.stamp()), ())
      }
      return true
    } catch .invalidTransition(let id, let reason) {
      conversation.write(context.terminal.paint("claim \(id) \(reason)", .red) + "\n\n")
      return false
    }
  }
}
