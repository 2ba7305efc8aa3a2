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
  private var positions: [ClaimID: Int]
  /// The journal's path, for locations.
  public let path: String

  /// Folds `journal`; `path` names the file in issue locations.
  public init(journal: Journal, path: String) {
    var fold = Fold(path: path, journal: journal)
    fold.run()
    self.path = path
    records = fold.records
    issues = fold.issues
    positions = [:]
    positions.reserveCapacity(records.count)
    for (position, record) in records.enumerated() { positions[record.id] = position }
  }

  public var count: Int { records.count }

  /// Where the claim's `claim` entry is.
  public func location(of id: ClaimID) -> SourceLocation? {
    record(for: id).map { SourceLocation(path: path, line: Int($0.line)) }
  }

  public func record(for id: ClaimID) -> ClaimRecord? {
    positions[id].map { records[$0] }
  }

  /// The one claim whose id starts with `prefix` (4 to 10 hex digits, as in git).
  public func record(withPrefix prefix: String) throws(LedgerError) -> ClaimRecord {
    guard let parsed = IDPrefix(prefix) else { throw .unknownClaim(prefix: prefix) }
    if parsed.length == ClaimID.digitCount, let id = ClaimID(bits: parsed.bits) {
      guard let record = record(for: id) else { throw .unknownClaim(prefix: prefix) }
      return record
    }
    let matches = records.lazy.filter { $0.id.hasPrefix(parsed) }.prefix(10).map(\.id)
    switch matches.count {
    case 0: throw .unknownClaim(prefix: prefix)
    case 1: return records[positions[matches[matches.startIndex]] ?? 0]
    default: throw .ambiguousPrefix(prefix: prefix, matches: Array(matches).sorted())
    }
  }
}

/// The fold itself: claims first, then every other entry applied to its claim in time order.
private struct Fold {
  let path: String
  let journal: Journal
  var records: [ClaimRecord] = []
  var issues: [LedgerIssue] = []
  var positions: [ClaimID: Int] = [:]
  /// The latest contradicting resolution of the claim being folded; reported only if no
  /// `reopen` settles it later.
  var pendingConflict: (index: Int, message: String)?

  init(path: String, journal: Journal) {
    self.path = path
    self.journal = journal
  }

  mutating func run() {
    let entries = journal.entries
    positions.reserveCapacity(entries.count)
    var claimEntryIndex: [Int] = []
    var firstLines: [Int32] = []
    for (index, entry) in entries.enumerated() {
      guard case .claim(let claim, let status) = entry.body else { continue }
      if let position = positions[entry.id] {
        resolveDuplicateClaim(
          entries[claimEntryIndex[position]], entry, at: index, position: position,
          claimEntryIndex: &claimEntryIndex)
        continue
      }
      positions[entry.id] = records.count
      claimEntryIndex.append(index)
      firstLines.append(journal.lines[index])
      records.append(
        ClaimRecord(id: entry.id, claim: claim, status: status, recordedAt: entry.at, history: []))
    }
    var followers = [[Int]](repeating: [], count: records.count)
    for (index, entry) in entries.enumerated() {
      if case .claim = entry.body { continue }
      guard let position = positions[entry.id] else {
        report(
          .error, index, entry.id, "\(entry.kind.rawValue) entry for unknown claim \(entry.id)")
        continue
      }
      followers[position].append(index)
    }
    for position in records.indices {
      apply(claimAt: claimEntryIndex[position], followers: followers[position], to: position)
    }
    if !records.isSorted(by: Fold.recordOrder) {
      records.sort(by: Fold.recordOrder)
    }
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
      if kept.at != other.at {
        report(
          .warning, index, other.id, "claim \(other.id) is recorded twice with the same content")
      }
      // The earlier copy stands whichever way a merge laid the two lines down.
      if other.at < kept.at, case .claim(let claim, let status) = other.body {
        claimEntryIndex[position] = index
        records[position] = ClaimRecord(
          id: other.id, claim: claim, status: status, recordedAt: other.at, history: [])
      }
      return
    }
    let keptLine = journal.lines[claimEntryIndex[position]]
    report(
      .error, index, other.id,
      "claim \(other.id) is recorded again with different content (first at line \(keptLine)); "
        + "amend the claim instead")
    if other.at < kept.at, case .claim(let claim, let status) = other.body {
      claimEntryIndex[position] = index
      records[position] = ClaimRecord(
        id: other.id, claim: claim, status: status, recordedAt: other.at, history: [])
    }
  }

  private mutating func apply(claimAt claimIndex: Int, followers: [Int], to position: Int) {
    let entries = journal.entries
    var order = followers
    if !order.isSorted(by: { entries[$0].at < entries[$1].at }) {
      order.sort { (entries[$0].at, $0) < (entries[$1].at, $1) }
    }
    var record = records[position]
    record.line = journal.lines[claimIndex]
    pendingConflict = nil
    var history: [Entry] = [entries[claimIndex]]
    history.reserveCapacity(order.count + 1)
    for index in order {
      let entry = entries[index]
      history.append(entry)
      if entry.at < record.recordedAt {
        report(.error, index, entry.id, "\(entry.kind.rawValue) entry is recorded before its claim")
      }
      step(&record, with: entry, index: index)
    }
    if let conflict = pendingConflict, record.hasConflictingResolutions {
      report(.error, conflict.index, record.id, conflict.message)
    }
    record.history = history
    records[position] = record
  }

  private mutating func step(_ record: inout ClaimRecord, with entry: Entry, index: Int) {
    let id = record.id
    switch entry.body {
    case .claim:
      break
    case .accept(let changes):
      if record.status != .proposed {
        report(
          .error, index, id,
          "accept of claim \(id), which is \(record.status.rawValue), not proposed")
      } else {
        record.status = .open
      }
      record.claim = record.claim.applying(changes)
    case .reject(let reason):
      guard record.status == .proposed else {
        report(
          .error, index, id,
          "reject of claim \(id), which is \(record.status.rawValue), not proposed")
        return
      }
      record.status = .rejected
      record.rejection = reason
    case .amend(let changes, let note):
      record.claim = record.claim.applying(changes)
      record.note = note ?? record.note
    case .resolve(let resolution):
      if let said = record.claim.said, resolution.on < said {
        report(
          .error, index, id,
          "claim \(id) is resolved on \(resolution.on), before it was said (\(said))")
      }
      switch record.status {
      case .open:
        record.status = .resolved
        record.resolution = resolution
      case .resolved:
        if let current = record.resolution, current.outcome != resolution.outcome {
          record.hasConflictingResolutions = true
          pendingConflict = (
            index,
            "claim \(id) is resolved twice: \(current.outcome.rawValue), then "
              + "\(resolution.outcome.rawValue); 'claims resolve' settles it"
          )
        }
        record.resolution = resolution
      case .proposed, .rejected:
        report(.error, index, id, "resolve of claim \(id), which is \(record.status.rawValue)")
      }
    case .reopen(let note):
      guard record.status == .resolved else {
        report(.error, index, id, "reopen of claim \(id), which is not resolved")
        return
      }
      record.status = .open
      record.resolution = nil
      record.hasConflictingResolutions = false
      record.note = note ?? record.note
    }
  }

  private mutating func report(
    _ severity: LedgerIssue.Severity, _ index: Int, _ id: ClaimID, _ message: String
  ) {
    let location = SourceLocation(path: path, line: Int(journal.lines[index]))
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
