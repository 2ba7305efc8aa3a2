import Dispatch

/// Every claim in a journal, folded to its current state, plus what the fold found amiss.
///
/// A claim's entries fold in order of their `at` time, file order breaking ties, so two
/// clones merged either way by git's union merge give the same state.
public struct Ledger: Sendable {
  /// Claims in the order they were first recorded (ties by id).
  public private(set) var records: [ClaimRecord]
  /// Problems met while folding: entries for unknown claims, transitions that do not apply,
  /// contradicting duplicates. `check` reports them; other commands go on.
  public private(set) var issues: [LedgerIssue]
  private var positions: ClaimIndex
  /// Where each record's entries start in the file, when the reader was asked to note it
  /// (`LedgerStore.loadHashing(locatingEntries:)`).
  public private(set) var entryOffsets: EntryOffsets?
  /// The journal's path, for locations.
  public let path: String

  /// Folds `journal`; `path` names the file in issue locations.
  public init(journal: Journal, path: String) {
    let fold = journal.entries.withUnsafeBufferPointer { entries in
      var fold = Fold(path: path, entries: entries, lines: journal.lines)
      fold.run(claimFlags: Fold.claimFlags(of: Fold.SharedEntries(buffer: entries, isOwned: false)))
      return fold
    }
    self.init(fold, path: path)
  }

  /// Folds what the reader parsed, moving the entries into the records' histories instead of
  /// copying them, so no entry is retained or released once more; `parsed` is left empty.
  init(parsed: ParsedJournal, path: String) {
    var fold = Fold(
      path: path, entries: parsed.buffer.entries, lines: parsed.lines, isOwned: true)
    fold.run(claimFlags: parsed.claimFlags, copies: parsed.claims)
    parsed.buffer.forgetMoved(releasing: fold.leftovers)
    self.init(fold, path: path)
    if let locations = parsed.locations {
      let positions = self.positions
      entryOffsets = EntryOffsets(locations, claimCount: records.count) {
        positions.position(of: $0)
      }
    }
  }

  private init(_ fold: Fold, path: String) {
    self.path = path
    records = fold.records
    issues = fold.issues
    if fold.didReorder {
      positions = ClaimIndex(capacity: records.count)
      for (position, record) in records.enumerated() {
        _ = positions.insert(record.id, at: position)
      }
    } else {
      positions = fold.index
    }
  }

  public var count: Int { records.count }

  /// Where the claim's `claim` entry is.
  public func location(of id: ClaimID) -> SourceLocation? {
    record(for: id).map { SourceLocation(path: path, line: Int($0.line)) }
  }

  public func record(for id: ClaimID) -> ClaimRecord? {
    positions.position(of: id).map { records[$0] }
  }

  /// Where the claim is in `records`.
  func position(of id: ClaimID) -> Int? {
    positions.position(of: id)
  }

  /// The one claim whose id starts with `prefix` (4 to 10 hex digits, as in git).
  public func record(withPrefix prefix: String) throws(LedgerError) -> ClaimRecord {
    guard let parsed = IDPrefix(prefix) else { throw .unknownClaim(prefix: prefix) }
    if parsed.length == ClaimID.digitCount, let id = ClaimID(bits: parsed.bits) {
      guard let record = record(for: id) else { throw .unknownClaim(prefix: prefix) }
      return record
    }
    let matches = records.filter { $0.id.hasPrefix(parsed) }.map(\.id)
    guard let first = matches.first else { throw .unknownClaim(prefix: prefix) }
    guard matches.count > 1 else { return records[positions.position(of: first) ?? 0] }
    throw .ambiguousPrefix(prefix: prefix, matches: matches.sorted())
  }
}

/// The fold itself: claims first, then every other entry applied to its claim in time order.
private struct Fold {
  let path: String
  /// Valid while the fold runs; the caller keeps the entries alive.
  let entries: SharedEntries
  let lines: [Int32]
  var records: [ClaimRecord] = []
  var issues: [LedgerIssue] = []
  var index = ClaimIndex(capacity: 0)
  /// Whether `records` was re-sorted, so `positions` no longer matches it.
  var didReorder = false
  /// With owned entries, the indices of those no history took (a second `claim` line, an
  /// entry for an unknown claim): the caller releases them.
  var leftovers: [Int] = []
  /// Claims recorded twice with different content: the issue that says so, and both lines'
  /// claims. Amends that leave both alike settle it.
  private var contradictedClaims: [(issue: Int, id: ClaimID, lines: (Entry.Body, Entry.Body))] =
    []

  init(path: String, entries: UnsafeBufferPointer<Entry>, lines: [Int32], isOwned: Bool = false) {
    self.path = path
    self.entries = SharedEntries(buffer: entries, isOwned: isOwned)
    self.lines = lines
  }

  /// Folds the entries; `isClaim` marks the `claim` entries among them, and `copies`, when the
  /// reader made them, holds those entries again, in the same order.
  mutating func run(claimFlags isClaim: [Bool], copies: ClaimCopies? = nil) {
    let entries = self.entries.buffer
    var claimEntryIndex = isClaim.indices.filter { isClaim[$0] }
    var knownOrder: Bool?
    let claimEntries = claimEntryIndex
    if let distinct = ClaimIndex(
      distinct: claimEntries.count,
      id: { [source = self.entries] in source.buffer[claimEntries[$0]].id })
    {
      index = distinct
      if let copies, copies.count == claimEntryIndex.count {
        (records, knownOrder) = Fold.makeRecords(movingFrom: copies)
      } else {
        records = Fold.makeRecords(self.entries, claimEntryIndex: claimEntryIndex)
      }
    } else {
      // Repeats leave some copies standing for no record; they are released with the journal.
      indexRepeatedClaims(&claimEntryIndex)
      records = Fold.makeRecords(self.entries, claimEntryIndex: claimEntryIndex)
    }
    let batches = Fold.batches(claimCount: records.count)
    let groups = Fold.followers(
      of: self.entries, isClaim: isClaim, index: index, batches: batches)
    for entryIndex in groups.unknown {
      leftovers.append(entryIndex)
      let entry = entries[entryIndex]
      report(
        .error, entryIndex, entry.id, "\(entry.kind.rawValue) entry for unknown claim \(entry.id)")
    }
    applyAll(claimEntryIndex: claimEntryIndex, batches: batches, followers: groups.byBatch)
    settleContradictedClaims()
    let isInOrder =
      knownOrder
      ?? records.indices.dropFirst().allSatisfy { Fold.recordOrder(records[$0 - 1], records[$0]) }
    if !isInOrder {
      records.sort(by: Fold.recordOrder)
      didReorder = true
    }
  }

  /// Indexes the claims one `claim` entry at a time in file order, when some id has more than
  /// one: each repeat is settled as it comes. `claimEntries` holds every `claim` entry on the
  /// way in, and the one that stands for each claim on the way out.
  private mutating func indexRepeatedClaims(_ claimEntries: inout [Int]) {
    let entries = self.entries.buffer
    index = ClaimIndex(capacity: claimEntries.count)
    var claimEntryIndex: [Int] = []
    claimEntryIndex.reserveCapacity(claimEntries.count)
    for entryIndex in claimEntries {
      let entry = entries[entryIndex]
      if let position = index.insert(entry.id, at: claimEntryIndex.count) {
        resolveDuplicateClaim(
          entries[claimEntryIndex[position]], entry, at: entryIndex, position: position,
          claimEntryIndex: &claimEntryIndex)
        continue
      }
      claimEntryIndex.append(entryIndex)
    }
    claimEntries = claimEntryIndex
  }

  /// Which entries are `claim` entries, read on all cores: the body sits behind a pointer,
  /// and looking at it costs a cache miss per entry.
  static func claimFlags(of source: SharedEntries) -> [Bool] {
    [Bool](unsafeUninitializedCapacity: source.buffer.count) { flags, initialized in
      let shared = SharedBuffer(buffer: flags)
      do {
        ParallelRanges.run(count: source.buffer.count) { range in
          for entryIndex in range {
            if case .claim = source.buffer[entryIndex].body {
              shared.buffer.initializeElement(at: entryIndex, to: true)
            } else {
              shared.buffer.initializeElement(at: entryIndex, to: false)
            }
          }
        }
      }
      initialized = source.buffer.count
    }
  }

  /// The record of each claim as its `claim` entry states it, built on all cores.
  private static func makeRecords(_ source: SharedEntries, claimEntryIndex: [Int])
    -> [ClaimRecord]
  {
    [ClaimRecord](unsafeUninitializedCapacity: claimEntryIndex.count) { records, initialized in
      let shared = SharedBuffer(buffer: records)
      do {
        ParallelRanges.run(count: claimEntryIndex.count) { range in
          for position in range {
            // Every index in `claimEntryIndex` names a `claim` entry, so every slot is filled.
            guard let record = ClaimRecord(claimEntry: source.buffer[claimEntryIndex[position]])
            else { continue }
            shared.buffer.initializeElement(at: position, to: record)
          }
        }
      }
      initialized = claimEntryIndex.count
    }
  }

  /// The record of each claim from the reader's copies, moved out of them on all cores; no
  /// body is read or retained here.
  ///
  /// Also says whether the records are in `recordOrder`, checked as each range is made.
  private static func makeRecords(movingFrom copies: ClaimCopies) -> (
    records: [ClaimRecord], isInOrder: Bool
  ) {
    let source = SharedEntries(buffer: copies.entries.entries, isOwned: true)
    let statuses = copies.statuses
    var rangeStarts: [(start: Int, isInOrder: Bool)] = []
    let records = [ClaimRecord](unsafeUninitializedCapacity: copies.count) {
      records, initialized in
      let shared = SharedBuffer(buffer: records)
      rangeStarts = ParallelMap.parts(count: copies.count) { range in
        var isInOrder = true
        for position in range {
          shared.buffer.initializeElement(
            at: position,
            to: ClaimRecord(claimEntry: source.take(position), status: statuses[position]))
          if position > range.lowerBound {
            isInOrder =
              isInOrder && recordOrder(shared.buffer[position - 1], shared.buffer[position])
          }
        }
        return (range.lowerBound, isInOrder)
      }
      initialized = copies.count
    }
    copies.entries.forgetMoved(releasing: [])
    // Within each range as it was made; then the pairs that straddle two ranges.
    let isInOrder = rangeStarts.allSatisfy { part in
      part.isInOrder
        && (part.start == 0 || recordOrder(records[part.start - 1], records[part.start]))
    }
    return (records, isInOrder)
  }

  /// A batch of claims the fold applies followers to on one core, by position.
  struct Batches {
    let count: Int
    let size: Int

    func range(_ batch: Int, of total: Int) -> Range<Int> {
      min(total, batch * size)..<min(total, (batch + 1) * size)
    }
  }

  /// One batch for a small ledger, else a few per core so that uneven batches even out.
  static func batches(claimCount: Int) -> Batches {
    let count = claimCount < 20_000 ? 1 : 4 * ProcessInfoCores.count
    return Batches(count: count, size: max(1, (claimCount + count - 1) / count))
  }

  /// An entry that follows a claim: the claim's position and the entry's index.
  struct Follower {
    let owner: Int32
    let entry: Int32
  }

  /// Every entry but the `claim` entries, looked up by id on all cores and sorted by the batch
  /// its claim folds in; each batch's list is in file order. Entries for no known claim are
  /// listed apart, in file order.
  private static func followers(
    of source: SharedEntries, isClaim: [Bool], index: ClaimIndex, batches: Batches
  ) -> (byBatch: [[Follower]], unknown: [Int]) {
    let parts = ParallelMap.parts(count: source.buffer.count) { range in
      var byBatch = [[Follower]](repeating: [], count: batches.count)
      var unknown: [Int] = []
      for entryIndex in range where !isClaim[entryIndex] {
        guard let position = index.position(of: source.buffer[entryIndex].id) else {
          unknown.append(entryIndex)
          continue
        }
        byBatch[position / batches.size].append(
          Follower(
            owner: Int32(truncatingIfNeeded: position),
            entry: Int32(truncatingIfNeeded: entryIndex)))
      }
      return (byBatch: byBatch, unknown: unknown)
    }
    let byBatch = ParallelMap.map(count: batches.count) { batch in
      parts.flatMap { $0.byBatch[batch] }
    }
    return (byBatch, parts.flatMap { $0.unknown })
  }

  /// What the fold reads of a follower ahead of folding it: when it was recorded, to order a
  /// claim's followers, and for a resolution the day it settles on, which, stored where the
  /// optimizer cannot drop the load, brings the entry's body into the cache before the fold
  /// applies it.
  struct FollowerTimes {
    let at: Timestamp
    let resolvedOn: Day?

    init(at: Timestamp, resolvedOn: Day?) {
      self.at = at
      self.resolvedOn = resolvedOn
    }

    init(_ entry: borrowing Entry) {
      at = entry.at
      if case .resolve(let resolution) = entry.body {
        resolvedOn = resolution.on
      } else {
        resolvedOn = nil
      }
    }
  }

  /// The entries while workers read them.
  struct SharedEntries: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Entry>
    /// Whether the fold may move entries out; each is taken at most once, by the one batch
    /// that folds its claim, after every other read of it.
    let isOwned: Bool

    /// The entry at `index`, moved out when the fold owns the entries, else copied.
    func take(_ index: Int) -> Entry {
      guard isOwned, let base = buffer.baseAddress else { return buffer[index] }
      return UnsafeMutablePointer(mutating: base + index).move()
    }
  }

  /// Folds every claim's followers, in batches of claims on all cores for a large ledger;
  /// issues are joined in batch order, so the result is the same as one pass.
  ///
  /// Each batch groups its followers by claim with a counting sort, which keeps file order, and
  /// lays its claims' histories end to end in one array; each record keeps a slice of it: a
  /// million claims then cost a few arrays, not a million.
  private mutating func applyAll(
    claimEntryIndex: [Int], batches: Batches, followers: [[Follower]]
  ) {
    let count = records.count
    let found = WorkerSlots<[LedgerIssue]>(count: batches.count)
    let entries = self.entries
    let lines = self.lines
    let path = self.path
    records.withUnsafeMutableBufferPointer { buffer in
      let shared = SharedRecords(buffer: buffer)
      DispatchQueue.concurrentPerform(iterations: batches.count) { batch in
        var issues: [LedgerIssue] = []
        let positions = batches.range(batch, of: count)
        guard !positions.isEmpty else {
          found.store(issues, at: batch)
          return
        }
        let (order, starts) = Fold.grouped(
          followers[batch], from: positions.lowerBound, count: positions.count)
        var histories: [Entry] = []
        histories.reserveCapacity(order.count + positions.count)
        var ends: [Int] = []
        ends.reserveCapacity(positions.count)
        // Followers lie anywhere in the file: what the fold needs first of each (its time, and
        // a resolution's day, which is in the entry's body) is read a few hundred claims ahead,
        // in a loop of loads that do not wait on each other, so that the misses overlap and
        // each entry and its body are in the cache when its claim folds. The values are kept
        // and used by the fold: loads whose values nothing reads are dropped by the optimizer.
        let lookahead = 256
        var warmed = 0
        var times = [FollowerTimes](
          repeating: FollowerTimes(at: Timestamp(millisecondsSinceEpoch: 0), resolvedOn: nil),
          count: order.count)
        for (offset, position) in positions.enumerated() {
          if offset >= warmed {
            let upTo = min(positions.count, offset + lookahead)
            for slot in starts[offset]..<starts[upTo] {
              times[slot] = FollowerTimes(entries.buffer[Int(order[slot])])
            }
            warmed = upTo
          }
          let group = starts[offset]..<starts[offset + 1]
          Fold.apply(
            claimAt: claimEntryIndex[position], followers: order[group], times: times[group],
            to: &shared.buffer[position], entries: entries, lines: lines, path: path,
            histories: &histories, issues: &issues)
          ends.append(histories.count)
        }
        var start = 0
        for (position, end) in zip(positions, ends) {
          shared.buffer[position].history = histories[start..<end]
          start = end
        }
        found.store(issues, at: batch)
      }
    }
    for batchIssues in found.values { issues += batchIssues ?? [] }
  }

  /// A batch's followers as entry indices grouped by claim, and where each claim's group starts
  /// (`count + 1` bounds); a counting sort, so each group stays in file order.
  private static func grouped(_ followers: [Follower], from first: Int, count: Int) -> (
    order: [Int32], starts: [Int]
  ) {
    var starts = [Int](repeating: 0, count: count + 1)
    for follower in followers { starts[Int(follower.owner) - first + 1] += 1 }
    for offset in 0..<count { starts[offset + 1] += starts[offset] }
    var next = starts
    var order = [Int32](repeating: 0, count: followers.count)
    for follower in followers {
      let offset = Int(follower.owner) - first
      order[next[offset]] = follower.entry
      next[offset] += 1
    }
    return (order, starts)
  }

  /// The records while batches fold them; each batch writes only its own range.
  private struct SharedRecords: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<ClaimRecord>
  }

  static func recordOrder(_ a: ClaimRecord, _ b: ClaimRecord) -> Bool {
    (a.recordedAt, a.id) < (b.recordedAt, b.id)
  }

  /// Two `claim` lines for one id: identical ones are harmless; different ones contradict,
  /// and the earlier-recorded one stands.
  private mutating func resolveDuplicateClaim(
    _ kept: Entry, _ other: Entry, at index: Int, position: Int, claimEntryIndex: inout [Int]
  ) {
    if kept.body == other.body {
      report(
        .warning, index, other.id, "claim \(other.id) is recorded twice with the same content")
      // The earlier copy stands whichever way a merge laid the two lines down.
      keep(index, if: other.at < kept.at, at: position, claimEntryIndex: &claimEntryIndex)
      return
    }
    let keptLine = lines[claimEntryIndex[position]]
    contradictedClaims.append((issues.count, other.id, (kept.body, other.body)))
    report(
      .error, index, other.id,
      "claim \(other.id) is recorded again with different content (first at line \(keptLine)); "
        + "amend the claim instead")
    keep(index, if: other.at < kept.at, at: position, claimEntryIndex: &claimEntryIndex)
  }

  /// A claim recorded again with different content (an edit of its line on one side of a
  /// merge) is settled by amends, as `check` tells the user to record them, once they set
  /// every field the two lines differ in: the claim then folds alike whichever line stands, so
  /// the error becomes a warning and the journal need not be edited.
  private mutating func settleContradictedClaims() {
    for (issue, id, lines) in contradictedClaims {
      guard let position = index.position(of: id) else { continue }
      guard case .claim(let first, let firstStatus) = lines.0,
        case .claim(let second, let secondStatus) = lines.1, firstStatus == secondStatus
      else {
        records[position].hasConflictingClaimLines = true
        issues[issue].message +=
          "; one records it proposed, the other open, which no amend changes"
        continue
      }
      let amends = records[position].history.compactMap { entry -> ClaimChanges? in
        if case .amend(let changes, _) = entry.body { changes } else { nil }
      }
      let firstNow = amends.reduce(first) { $0.applying($1) }
      let secondNow = amends.reduce(second) { $0.applying($1) }
      guard !amends.isEmpty, firstNow == secondNow else {
        records[position].hasConflictingClaimLines = true
        // What is left to amend, once the amends since are applied to both lines.
        // With both values, which only the raw file shows otherwise: the fold keeps one line.
        let differences = firstNow.differences(from: secondNow)
        if !differences.isEmpty {
          issues[issue].message +=
            "; the lines differ in "
            + differences.map { "\($0.field) (\($0.this), then \($0.other))" }
            .joined(separator: ", ")
        }
        continue
      }
      issues[issue].severity = .warning
      issues[issue].message += "; amends since settle it"
    }
  }

  /// Makes the `claim` entry at `index` the one that stands for its claim when `isEarlier`;
  /// the one that does not stand is left over.
  private mutating func keep(
    _ index: Int, if isEarlier: Bool, at position: Int, claimEntryIndex: inout [Int]
  ) {
    if isEarlier {
      leftovers.append(claimEntryIndex[position])
      claimEntryIndex[position] = index
    } else {
      leftovers.append(index)
    }
  }

  /// Folds the followers of one claim into its record, in place.
  ///
  /// Static and free of shared state, so disjoint claims fold on several cores at once.
  private static func apply(
    claimAt claimIndex: Int, followers: ArraySlice<Int32>, times: ArraySlice<FollowerTimes>,
    to record: inout ClaimRecord,
    entries shared: SharedEntries, lines: [Int32], path: String, histories: inout [Entry],
    issues: inout [LedgerIssue]
  ) {
    func report(
      _ index: Int, _ id: ClaimID, _ message: String, _ severity: LedgerIssue.Severity = .error
    ) {
      let location = SourceLocation(path: path, line: Int(lines[index]))
      issues.append(LedgerIssue(severity: severity, location: location, id: id, message: message))
    }
    record.line = lines[claimIndex]
    let historyStart = histories.count
    histories.append(shared.take(claimIndex))
    guard !followers.isEmpty else { return }
    // Usually already in time order, so no copy is sorted.
    var order = followers
    if !times.isSorted(by: { $0.at < $1.at }) {
      order = ArraySlice(
        zip(followers, times).sorted { ($0.1.at, $0.0) < ($1.1.at, $1.0) }.map(\.0))
    }
    var conflict: (index: Int, message: String)?
    var decisionConflict: (index: Int, message: String)?
    var problems: [String] = []
    var repeats: [String] = []
    let recordedAt = record.recordedAt
    // The entry whose resolution stands, and the latest acceptance or rejection, so a
    // contradiction names both lines.
    var standing: Int?
    var decided: Int?
    // The resolutions a later one found standing since the last reopen (rare, so nothing is
    // allocated for a claim resolved once), so a contradiction names them all; and one that
    // repeats the standing outcome with other details, reported unless a reopen settles it.
    var overruled: [(index: Int, outcome: Outcome)] = []
    var otherDetails: (index: Int, message: String)?
    // The latest entry that set the standing resolution or the said day: where a resolution
    // dated before the said day is reported, judged once all entries are in, so an amend or a
    // new resolution settles it.
    var datesSetAt: Int?
    // A resolution of a claim the fold found proposed or rejected, as a merge leaves one clone's
    // resolution of a claim the other reopened: reported unless a later decision settles it.
    var refusedResolution: (index: Int, message: String)?
    for slot in order {
      let index = Int(slot)
      let entry = shared.take(index)
      if entry.at < recordedAt {
        report(index, entry.id, "\(entry.kind.rawValue) entry is recorded before its claim")
      }
      switch entry.kind {
      case .resolve where record.status == .proposed || record.status == .rejected:
        refusedResolution = (index, Self.refusedResolution(of: record))
      case .accept, .reject, .reopen: refusedResolution = nil
      default: break
      }
      var outcomes: (earlier: Outcome, later: Outcome)?
      var decisions: (earlier: Entry.Kind, later: Entry.Kind)?
      // The status first: most resolutions find the claim open, and binding the entry's
      // resolution would copy it.
      if record.status == .resolved, case .resolve(let resolution) = entry.body,
        let earlier = record.resolution
      {
        if let standing { overruled.append((standing, earlier.outcome)) }
        if earlier.outcome == resolution.outcome {
          if let message = Self.repeatedResolution(
            earlier, resolution, id: record.id, lines: (standing.map { lines[$0] }, lines[index]))
          {
            otherDetails = (index, message)
          } else {
            repeats.append(
              "claim \(record.id) is resolved again alike (two clones resolved it?); "
                + "it changes nothing")
          }
        }
      }
      Fold.step(
        &record, with: entry, after: histories, from: historyStart,
        problems: &problems, repeats: &repeats, conflict: &outcomes, decisions: &decisions)
      if let decisions {
        let message =
          "claim \(record.id) is \(Self.pastTense(decisions.earlier))\(Self.at(decided, lines)), then "
          + "\(Self.pastTense(decisions.later)) at line \(lines[index]) (two clones decided "
          + "differently?); 'claims reopen', 'claims accept' or 'claims reject' settles it with "
          + "a new entry"
        decisionConflict = (index, message)
      }
      if let outcomes {
        let message =
          overruled.count > 1
          ? "claim \(record.id) is resolved \(overruled.count + 1) times: "
            + overruled.map { "\($0.outcome.rawValue) at line \(lines[$0.index])" }
            .joined(separator: ", ")
            + ", then \(outcomes.later.rawValue) at line \(lines[index]); "
            + "'claims resolve' settles it with a new entry"
          : "claim \(record.id) is resolved twice: \(outcomes.earlier.rawValue)\(Self.at(standing, lines)), "
            + "then \(outcomes.later.rawValue) at line \(lines[index]); "
            + "'claims resolve' settles it with a new entry"
        conflict = (index, message)
      }
      switch entry.body {
      case .resolve where record.status == .resolved:
        standing = index
        datesSetAt = index
      case .reopen:
        standing = nil
        decided = nil
        overruled.removeAll()
        otherDetails = nil
      case .accept(let changes):
        decided = index
        if changes.said != nil { datesSetAt = index }
      case .reject: decided = index
      case .amend(let changes, _) where changes.said != nil: datesSetAt = index
      default: break
      }
      for problem in problems { report(index, entry.id, problem) }
      for repeated in repeats { report(index, entry.id, repeated, .warning) }
      problems.removeAll(keepingCapacity: true)
      repeats.removeAll(keepingCapacity: true)
      // Last, so the entry moves into the history instead of being copied there.
      histories.append(entry)
    }
    if let conflict, record.hasConflictingResolutions {
      report(conflict.index, record.id, conflict.message)
    }
    if let decisionConflict, record.hasConflictingDecisions {
      report(decisionConflict.index, record.id, decisionConflict.message)
    }
    if let refusedResolution {
      report(refusedResolution.index, record.id, refusedResolution.message)
    }
    if let otherDetails, !record.hasConflictingResolutions {
      report(otherDetails.index, record.id, otherDetails.message, .warning)
    }
    if record.status == .resolved, let on = record.resolution?.on, let said = record.said,
      on < said, let index = datesSetAt ?? standing
    {
      report(
        index, record.id, "claim \(record.id) is resolved on \(on), before it was said (\(said))")
    }
  }

  /// What to say of a resolution that repeats the standing outcome: nil when it repeats it
  /// alike, else which details differ. The later one stands, which the user should know, since
  /// the day decides the scorecard's year and the evidence is what a reader checks.
  private static func repeatedResolution(
    _ earlier: Resolution, _ later: Resolution, id: ClaimID, lines: (Int32?, Int32)
  ) -> String? {
    var differing: [String] = []
    if earlier.on != later.on { differing.append("day \(earlier.on), then \(later.on)") }
    if earlier.reason != later.reason {
      differing.append(
        "reason \(earlier.reason?.rawValue ?? "none"), then \(later.reason?.rawValue ?? "none")")
    }
    if earlier.storedEvidence != later.storedEvidence { differing.append("evidence") }
    if earlier.note != later.note { differing.append("note") }
    guard !differing.isEmpty else { return nil }
    let first = lines.0.map { " at line \($0)" } ?? ""
    return
      "claim \(id) is resolved \(later.outcome.rawValue) twice with other details\(first) and at "
      + "line \(lines.1) (\(differing.joined(separator: "; "))); the later stands; "
      + "'claims reopen' and 'claims resolve' settle it"
  }

  /// What to say of a resolution that found the claim proposed or rejected, and which new
  /// entry settles it: the resolution is not applied, and only the user can say whether the
  /// claim should be accepted (and resolved again) or stay out of the record.
  private static func refusedResolution(of record: ClaimRecord) -> String {
    let settle =
      record.status == .proposed
      ? "'claims accept' (and 'claims resolve' again) or 'claims reject' settles it"
      : "'claims reopen' settles it (then accept and resolve it, or reject it again)"
    return
      "resolve of claim \(record.id), which is \(record.status.rawValue) (another clone "
      + "reopened or rejected it?); it is not applied; \(settle) with a new entry"
  }

  /// " at line N" for the earlier of two entries that disagree, to name both lines.
  private static func at(_ earlier: Int?, _ lines: [Int32]) -> String {
    earlier.map { " at line \(lines[$0])" } ?? ""
  }

  /// "accepted" or "rejected", for the message of two decisions that disagree.
  private static func pastTense(_ kind: Entry.Kind) -> String {
    kind == .accept ? "accepted" : "rejected"
  }

  /// The claim's decisions as `earlier` leaves them, with the status and disagreement the
  /// fold has reached. A plain proposal, the usual case, has none standing, so its entries
  /// are not replayed.
  private static func decisionState(of record: ClaimRecord, after earlier: ArraySlice<Entry>)
    -> DecisionState
  {
    if record.status == .proposed, !record.hasConflictingDecisions {
      return DecisionState(status: .proposed)
    }
    return DecisionState(
      status: record.status, hasConflictingDecisions: record.hasConflictingDecisions,
      standing: DecisionReplay(earlier).standing)
  }

  /// Applies one entry to a claim; problems go to `problems`, a contradicting resolution to
  /// `conflict` (reported only if no later `reopen` settles it), and a decision taken again,
  /// as two clones that each took it leave it after a merge, to `repeats`: harmless, and
  /// nothing a new entry could take back.
  ///
  /// The claim's entries so far are `histories[start...]`, passed whole and sliced only for a
  /// `reopen`: a slice per entry retained and released the array each time.
  private static func step(
    _ record: inout ClaimRecord, with entry: Entry, after histories: [Entry],
    from start: Int,
    problems: inout [String],
    repeats: inout [String],
    conflict: inout (earlier: Outcome, later: Outcome)?,
    decisions: inout (earlier: Entry.Kind, later: Entry.Kind)?
  ) {
    let id = record.id
    switch entry.body {
    case .claim:
      break
    case .accept(let changes):
      var state = decisionState(of: record, after: histories[start...])
      switch state.take(.accept) {
      case .took, .settled, .conflicted(isNew: false): break
      case .conflicted(isNew: true):
        decisions = (.reject, .accept)
        record.rejection = nil
      case .repeated:
        repeats.append(
          "claim \(id) is accepted again (two clones accepted it?); its corrections apply as an "
            + "amend's would")
      case .refused:
        problems.append("accept of claim \(id), which is \(record.status.rawValue), not proposed")
      }
      record.status = state.status
      record.hasConflictingDecisions = state.hasConflictingDecisions
      record.claim = record.claim.applying(changes)
    case .reject(let reason):
      var state = decisionState(of: record, after: histories[start...])
      switch state.take(.reject) {
      case .took, .settled: record.rejection = reason
      case .conflicted(let isNew): if isNew { decisions = (.accept, .reject) }
      case .repeated:
        repeats.append(
          "claim \(id) is rejected again (two clones rejected it?); the first reason stands")
      case .refused:
        problems.append("reject of claim \(id), which is \(record.status.rawValue), not proposed")
      }
      record.status = state.status
      record.hasConflictingDecisions = state.hasConflictingDecisions
    case .amend(let changes, let note):
      record.claim = record.claim.applying(changes)
      record.note = note ?? record.note
    case .resolve(let resolution):
      switch record.status {
      case .open:
        record.status = .resolved
        record.resolution = resolution
      case .resolved:
        if let current = record.resolution, current.outcome != resolution.outcome {
          record.hasConflictingResolutions = true
          conflict = (current.outcome, resolution.outcome)
        }
        record.resolution = resolution
      case .proposed, .rejected:
        // Reported once the claim is folded, unless a later decision settles it.
        break
      }
    case .reopen(let note):
      // See `DecisionState` for what a reopen undoes: a resolution always, without replaying
      // the claim's decisions (a claim resolved and reopened many times would replay them all
      // each time).
      if record.status == .resolved {
        record.status = .open
        record.resolution = nil
        record.hasConflictingResolutions = false
        record.note = note ?? record.note
        return
      }
      let earlier = histories[start...]
      var state = decisionState(of: record, after: earlier)
      guard state.take(.reopen) == .took else {
        // What a second clone's reopen of the same decision leaves after a merge.
        repeats.append(
          "reopen of claim \(id), which is \(record.status.rawValue) with no decision to undo "
            + "(two clones reopened it?); it changes nothing")
        return
      }
      record.rejection = nil
      // An acceptance undone (alone, or with the rejection it disagreed with) takes its
      // corrections with it.
      if let claim = DecisionReplay(ArraySlice(earlier + [entry])).claim { record.claim = claim }
      record.status = state.status
      record.hasConflictingDecisions = state.hasConflictingDecisions
      record.note = note ?? record.note
    }
  }

  private mutating func report(
    _ severity: LedgerIssue.Severity, _ index: Int, _ id: ClaimID, _ message: String
  ) {
    let location = SourceLocation(path: path, line: Int(lines[index]))
    issues.append(LedgerIssue(severity: severity, location: location, id: id, message: message))
  }
}

extension Collection {
  /// Whether every adjacent pair is in order; one pass, so a sorted journal is not re-sorted.
  func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
    var previous: Element?
    for element in self {
      if let previous, areInIncreasingOrder(element, previous) { return false }
      previous = element
    }
    return true
  }
}
