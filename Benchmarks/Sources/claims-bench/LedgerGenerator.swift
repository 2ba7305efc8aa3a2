import ClaimLedger
import Foundation
import SplitMix

/// How many entries of each kind a generated ledger holds.
struct EntryCounts {
  var claims = 0
  var resolves = 0
  var amends = 0
  var reopens = 0

  var total: Int { claims + resolves + amends + reopens }

  mutating func count(_ kind: Entry.Kind) {
    switch kind {
    case .claim: claims += 1
    case .resolve: resolves += 1
    case .amend: amends += 1
    case .reopen: reopens += 1
    case .accept, .reject: break
    }
  }
}

/// Builds a ledger as six years of appending would leave it: claims recorded from 2020-01-01
/// to the eve of 2026-11-25 in time order, their resolutions, amendments and reopenings
/// interleaved at later times, so the file is in `at` order throughout.
///
/// About half the claims get resolved, 5 % amended and 1 % reopened; follow-up entries wait in
/// a heap until the claim sequence passes their time.
struct LedgerGenerator {
  static let millisecondsPerDay: Int64 = 86_400_000
  /// 2020-01-01, the first day a claim is said.
  static let firstDay = Day(daysSinceEpoch: 18_262)
  /// Noon UTC on 2026-11-24: nothing is recorded after it, so the benchmark's
  /// `--today 2026-11-25` sees every entry in the past.
  static let lastMoment: Int64 = 20_781 * millisecondsPerDay + millisecondsPerDay / 2

  private var random: SplitMix64
  private var pending = EntryHeap()
  private var ids: Set<ClaimID> = []
  private(set) var counts = EntryCounts()

  init(seed: UInt64) {
    random = SplitMix64(seed: seed)
  }

  /// Writes `claimCount` claims and their follow-up entries to `writer`.
  mutating func write(claimCount: Int, to writer: inout ChunkWriter) throws {
    ids.reserveCapacity(claimCount)
    let first = Int64(Self.firstDay.daysSinceEpoch) * Self.millisecondsPerDay
    let span = Self.lastMoment - first
    let slot = span / Int64(max(claimCount, 1))
    for index in 0..<claimCount {
      // One claim per time slot, jittered inside it, so claims come in `at` order.
      let at = first + Int64(Double(span) * Double(index) / Double(claimCount)) + random.below(slot)
      while let due = pending.firstTime, due <= at, let entry = pending.pop() {
        try emit(entry, to: &writer)
      }
      let (entry, claim) = makeClaim(at: at)
      try emit(entry, to: &writer)
      scheduleFollowUps(id: entry.id, at: at, claim: claim)
    }
    while let entry = pending.pop() {
      try emit(entry, to: &writer)
    }
  }

  private mutating func emit(_ entry: Entry, to writer: inout ChunkWriter) throws {
    counts.count(entry.kind)
    try writer.append(entry.jsonLine)
  }

  // MARK: - Claims

  private mutating func makeClaim(at: Int64) -> (Entry, Claim) {
    let recorded = Timestamp(millisecondsSinceEpoch: at)
    let languageDraw = random.below(20)
    let lang = languageDraw < 11 ? "zh-Hans" : languageDraw < 13 ? "zh-Hant" : "en"
    let chinese = lang != "en"
    let said = Day(
      daysSinceEpoch: max(
        Self.firstDay.daysSinceEpoch, recorded.day.daysSinceEpoch - random.below(21)))
    let deadline = random.chance(0.85) ? makeDeadline(after: said, chinese: chinese) : nil
    let hedge =
      random.chance(0.85)
      ? random.pick(chinese ? Vocabulary.chineseHedges : Vocabulary.englishHedges) : nil
    let isConditional = random.chance(0.03)
    let words = makeWords(chinese: chinese, deadline: deadline?.text, hedge: hedge?.word)
    let outlet = random.chance(0.55) ? random.pick(Vocabulary.outlets) : nil
    let domain = outlet?.domain ?? "news.example.cn"
    let firstTag = random.pick(Vocabulary.tags)
    let secondTag = random.chance(0.4) ? random.pick(Vocabulary.tags) : firstTag
    var claim = Claim(
      text: (isConditional ? conditionPrefix(chinese: chinese) : "") + words.text,
      quote: random.chance(0.75) ? words.quote : nil,
      source: random.pick(Vocabulary.sources),
      via: outlet?.name,
      url: random.chance(0.85) ? "https://\(domain)/a/\(said)/\(random.below(1 << 30)).html" : nil,
      said: said,
      deadline: deadline?.day,
      deadlineText: deadline?.text,
      confidence: hedge?.confidence ?? random.pick(Vocabulary.statedConfidences),
      hedge: hedge?.word,
      lang: lang,
      tags: secondTag == firstTag ? [firstTag] : [firstTag, secondTag],
      isConditional: isConditional)
    // Ids are 40 bits, so a million claims are likely to meet one collision; a real ledger
    // would hold two different claims apart the same way, by their words.
    var id = claim.derivedID
    var attempt = 1
    while ids.contains(id) {
      attempt += 1
      if let quote = claim.quote { claim.quote = quote + " (\(attempt))" }
      claim.text += " (\(attempt))"
      id = claim.derivedID
    }
    ids.insert(id)
    return (Entry(id: id, at: recorded, body: .claim(claim, status: .open)), claim)
  }

  /// A deadline one to sixty months after `said`: the end of a month or of a year, with the
  /// words a source would use for it.
  private mutating func makeDeadline(after said: Day, chinese: Bool) -> (day: Day, text: String)? {
    let (year, month, _) = said.components
    let target = year * 12 + (month - 1) + random.within(1...60)
    let (targetYear, targetMonth) = (target / 12, target % 12 + 1)
    if random.chance(0.4), let day = Day.endOfYear(targetYear) {
      return (day, chinese ? "\(targetYear)年底前" : "by the end of \(targetYear)")
    }
    guard let day = Day.endOfMonth(targetMonth, in: targetYear) else { return nil }
    let monthName = Vocabulary.monthNames[targetMonth - 1]
    return (
      day, chinese ? "\(targetYear)年\(targetMonth)月底前" : "by the end of \(monthName) \(targetYear)"
    )
  }

  /// The normalised text and the quote it came from, sharing their clauses; the text is cut
  /// to 60–150 characters.
  private mutating func makeWords(
    chinese: Bool, deadline: String?, hedge: String?
  ) -> (text: String, quote: String) {
    let targetLength = random.within(60...150)
    let subject = random.pick(Vocabulary.subjects)
    var text: String
    var quote: String
    if chinese {
      let predicate = fill(random.pick(Vocabulary.chinesePredicates))
      text = subject + (deadline ?? "") + predicate
      quote =
        random.pick(Vocabulary.chineseLeads) + subject + (deadline ?? "") + (hedge ?? "")
        + predicate
    } else {
      let (present, base) = englishForms(fill(random.pick(Vocabulary.englishPredicates)))
      let by = deadline.map { " " + $0 } ?? ""
      text = subject + " " + present + by
      quote =
        random.pick(Vocabulary.englishLeads) + subject + " " + (hedge.map { $0 + " " } ?? "")
        + base + by
    }
    var length = text.count
    while length < targetLength {
      let clause = makeClause(chinese: chinese)
      text += clause
      quote += clause
      length += clause.count
    }
    if length > 150 { text = String(text.prefix(150)) }
    return (text, quote)
  }

  /// One more clause for a claim, in the third person so it reads in text and quote alike.
  private mutating func makeClause(chinese: Bool) -> String {
    if chinese {
      let subject = random.chance(0.5) ? random.pick(Vocabulary.subjects) : ""
      return random.pick(Vocabulary.chineseConnectors) + subject
        + fill(random.pick(Vocabulary.chinesePredicates))
    }
    let (present, _) = englishForms(fill(random.pick(Vocabulary.englishPredicates)))
    return ", while " + random.pick(Vocabulary.subjects) + " " + present
  }

  private mutating func conditionPrefix(chinese: Bool) -> String {
    let subject = random.pick(Vocabulary.subjects)
    if chinese { return "若" + subject + fill(random.pick(Vocabulary.chinesePredicates)) + "，" }
    return "If " + subject + " " + englishForms(fill(random.pick(Vocabulary.englishPredicates))).0
      + ", "
  }

  /// Splits `reaches|reach a value` into its third-person and base forms.
  private func englishForms(_ predicate: String) -> (String, String) {
    let head = predicate.prefix { $0 != " " }
    let rest = predicate.dropFirst(head.count)
    let forms = head.split(separator: "|")
    let present = forms.first.map(String.init) ?? String(head)
    let base = forms.last.map(String.init) ?? present
    return (present + rest, base + rest)
  }

  /// Replaces `#` with a number, `@` with a product and `^` with a region.
  private mutating func fill(_ template: String) -> String {
    var result = ""
    for character in template {
      switch character {
      case "#": result += String(random.within(2...95))
      case "@": result += random.pick(Vocabulary.products)
      case "^": result += random.pick(Vocabulary.regions)
      default: result.append(character)
      }
    }
    return result
  }

  // MARK: - Follow-up entries

  private mutating func scheduleFollowUps(id: ClaimID, at: Int64, claim: Claim) {
    let hour: Int64 = 3_600_000
    let remaining = Self.lastMoment - at
    guard remaining > 2 * hour else { return }
    let deadlineStart = claim.deadline.map { Int64($0.daysSinceEpoch) * Self.millisecondsPerDay }
    let deadlinePassed = deadlineStart.map { $0 < Self.lastMoment - hour } ?? false
    if random.chance(deadlinePassed ? 0.72 : 0.3) {
      // Most claims are settled within months of their deadline; some early, by news.
      let earliest =
        deadlinePassed && random.chance(0.7) ? max(at + hour, deadlineStart ?? at) : at + hour
      let window = min(Self.lastMoment - earliest, 120 * Self.millisecondsPerDay)
      let resolvedAt = earliest + random.below(window)
      schedule(id, at: resolvedAt, .resolve(makeResolution(on: resolvedAt, claim: claim)))
      if random.chance(0.02), Self.lastMoment - resolvedAt > 2 * hour {
        let reopenedAt = resolvedAt + hour + random.below(Self.lastMoment - resolvedAt - hour)
        schedule(id, at: reopenedAt, .reopen(note: random.pick(Vocabulary.reopenNotes)))
        if random.chance(0.5), Self.lastMoment - reopenedAt > 2 * hour {
          let again = reopenedAt + hour + random.below(Self.lastMoment - reopenedAt - hour)
          schedule(id, at: again, .resolve(makeResolution(on: again, claim: claim)))
        }
      }
    }
    if random.chance(0.05) {
      let amendedAt = at + hour + random.below(remaining - hour)
      schedule(
        id, at: amendedAt, .amend(makeChanges(claim), note: random.pick(Vocabulary.amendNotes)))
    }
  }

  private mutating func schedule(_ id: ClaimID, at: Int64, _ body: Entry.Body) {
    pending.push(Entry(id: id, at: Timestamp(millisecondsSinceEpoch: at), body: body))
  }

  /// Outcomes about 40 % true, 32 % false, 16 % partial, 12 % void.
  private mutating func makeResolution(on moment: Int64, claim: Claim) -> Resolution {
    let day = Timestamp(millisecondsSinceEpoch: moment).day
    let draw = random.below(100)
    let outcome: Outcome = draw < 40 ? .true : draw < 72 ? .false : draw < 88 ? .partial : .void
    var reason: VoidReason?
    if outcome == .void {
      reason = claim.isConditional ? .conditionFailed : random.pick(VoidReason.allCases)
    }
    let domain = random.pick(Vocabulary.outlets).domain
    return Resolution(
      outcome: outcome, on: day,
      evidence: random.chance(0.7)
        ? "https://\(domain)/a/\(day)/\(random.below(1 << 30)).html" : nil,
      reason: reason,
      note: random.chance(0.15) ? random.pick(Vocabulary.resolveNotes) : nil)
  }

  /// One correction: a moved deadline, a re-read hedge, new tags or a fixed text.
  private mutating func makeChanges(_ claim: Claim) -> ClaimChanges {
    switch random.below(4) {
    case 0:
      let moved = (claim.deadline ?? claim.said ?? Self.firstDay).adding(
        days: random.within(30...400))
      return ClaimChanges(deadline: moved, deadlineText: moved.description)
    case 1:
      let chinese = claim.lang != "en"
      let hedge = random.pick(chinese ? Vocabulary.chineseHedges : Vocabulary.englishHedges)
      return ClaimChanges(confidence: hedge.confidence, hedge: hedge.word)
    case 2:
      return ClaimChanges(tags: [random.pick(Vocabulary.tags)])
    default:
      return ClaimChanges(text: claim.text.replacingOccurrences(of: "，", with: ", "))
    }
  }
}

/// Entries waiting for their time: a binary min-heap on `at`, ties in insertion order so the
/// file is the same on every run.
struct EntryHeap {
  private var items: [(at: Int64, order: Int, entry: Entry)] = []
  private var nextOrder = 0

  var firstTime: Int64? { items.first?.at }

  mutating func push(_ entry: Entry) {
    items.append((entry.at.millisecondsSinceEpoch, nextOrder, entry))
    nextOrder += 1
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard precedes(child, parent) else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> Entry? {
    guard !items.isEmpty else { return nil }
    items.swapAt(0, items.count - 1)
    let first = items.removeLast().entry
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < items.count, precedes(left, smallest) { smallest = left }
      if right < items.count, precedes(right, smallest) { smallest = right }
      guard smallest != parent else { break }
      items.swapAt(parent, smallest)
      parent = smallest
    }
    return first
  }

  private func precedes(_ a: Int, _ b: Int) -> Bool {
    (items[a].at, items[a].order) < (items[b].at, items[b].order)
  }
}

/// Collects lines and writes them in blocks of about 8 MB: few system calls, bounded memory.
struct ChunkWriter {
  static let blockSize = 8 << 20

  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private(set) var byteCount = 0

  init(handle: FileHandle) {
    self.handle = handle
    buffer.reserveCapacity(Self.blockSize + (64 << 10))
  }

  /// Adds `line` and its newline; writes the block once it is full.
  mutating func append(_ line: String) throws {
    buffer.append(contentsOf: line.utf8)
    buffer.append(UInt8(ascii: "\n"))
    if buffer.count >= Self.blockSize { try flush() }
  }

  mutating func flush() throws {
    guard !buffer.isEmpty else { return }
    try handle.write(contentsOf: buffer)
    byteCount += buffer.count
    buffer.removeAll(keepingCapacity: true)
  }
}
