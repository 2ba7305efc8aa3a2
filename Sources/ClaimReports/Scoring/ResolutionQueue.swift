import ClaimLedger

/// Which open claims to settle first: those whose outcome would move their source's score most.
///
/// A confident claim from a source with few scored claims moves its Brier score a lot; a
/// middling claim from a source with hundreds hardly at all.
public enum ResolutionQueue {
  /// One claim (by its index in the records) and how much settling it could move the score.
  public struct Item: Sendable, Equatable {
    public let index: Int
    public let impact: Double
    public let subject: String?

    public init(index: Int, impact: Double, subject: String?) {
      self.index = index
      self.impact = impact
      self.subject = subject
    }
  }

  /// Claims about one subject, settled by one search; a claim with no subject stands alone.
  public struct Group: Sendable, Equatable {
    public let subject: String?
    public let items: [Item]

    public init(subject: String?, items: [Item]) {
      self.subject = subject
      self.items = items
    }

    /// The sum of its claims' impacts.
    public var impact: Double { items.reduce(0) { $0 + $1.impact } }
  }

  /// The most a claim of confidence `p` can move the mean Brier score B of a source with `n`
  /// scored claims: max over o ∈ {0, 1} of |(p − o)² − B| / (n + 1), B taken as 0 when n = 0.
  public static func impact(confidence p: Double, sourceBrier: Double?, sourceScored n: Int)
    -> Double
  {
    let brier = n > 0 ? sourceBrier ?? 0 : 0
    let ifTrue = (1 - p) * (1 - p)
    let ifFalse = p * p
    return max(abs(ifTrue - brier), abs(ifFalse - brier)) / Double(n + 1)
  }

  /// The claims at `indices`, largest impact first; then the oldest deadline, then the id.
  ///
  /// The sources' scores are those of `claims sources` (all years, aliases merged), but with
  /// echoes counted: finding them would read every claim's words, which `due` spares.
  public static func order(
    _ records: [ClaimRecord], indices: [Int], today: Day,
    canonical: @escaping @Sendable (String) -> String = { $0 },
    subject: (Claim) -> String? = { _ in nil }
  ) -> [Item] {
    let scores = sourceScores(records, today: today, canonical: canonical)
    // Each item with its sort key beside it: a comparison that read the deadline and id from
    // the records would go back to a million scattered records n log n times.
    var keyed = indices.map { index in
      records[index].withClaim { claim in
        let figures = scores[canonical(claim.source)]
        let item = Item(
          index: index,
          impact: impact(
            confidence: claim.confidence.value, sourceBrier: figures?.brier,
            sourceScored: figures?.scored ?? 0),
          subject: subject(claim))
        return (
          item: item, day: claim.deadline?.daysSinceEpoch ?? Int.max, id: records[index].id.bits
        )
      }
    }
    keyed.sort { a, b in
      if a.item.impact != b.item.impact { return a.item.impact > b.item.impact }
      return (a.day, a.id) < (b.day, b.id)
    }
    return keyed.map(\.item)
  }

  /// Each source's score sums, as its track record in `claims sources` has them (all years,
  /// aliases merged, scored claims only), in one pass over the records: the queue needs two
  /// figures of each source, not a whole scorecard with its calibration, years and lists.
  static func sourceScores(
    _ records: [ClaimRecord], today: Day, canonical: (String) -> String
  ) -> [String: ScoreFigures] {
    var tallies: [ScoreTally] = []
    var byCanonical: [String: Int] = [:]
    var byWritten: [String: Int] = [:]
    var names: [String] = []
    // By index, so a record is not copied (and its texts retained) to read its status.
    for index in records.indices {
      guard records[index].scoredStatus == .resolved,
        let resolution = records[index].scoredResolution
      else { continue }
      records[index].withClaim { claim in
        guard
          case .settled(let outcome, _) = ClaimStanding(
            status: .resolved, resolution: resolution, said: claim.said, deadline: claim.deadline,
            today: today),
          let score = outcome.score
        else { return }
        let slot: Int
        if let known = byWritten[claim.source] {
          slot = known
        } else {
          let name = canonical(claim.source)
          slot = byCanonical[name] ?? tallies.count
          if slot == tallies.count {
            tallies.append(ScoreTally())
            names.append(name)
            byCanonical[name] = slot
          }
          byWritten[claim.source] = slot
        }
        tallies[slot].add(confidence: claim.confidence.value, outcome: score)
      }
    }
    // One name per slot: `byCanonical` gives a name its slot once.
    return Dictionary(uniqueKeysWithValues: zip(names, tallies.map(\.figures)))
  }

  /// `items` (in queue order) gathered by subject; groups by total impact, then by their first
  /// claim's place in the queue.
  public static func grouped(_ items: [Item]) -> [Group] {
    var position: [String: Int] = [:]
    var groups: [(first: Int, subject: String?, items: [Item])] = []
    for (rank, item) in items.enumerated() {
      if let subject = item.subject, let index = position[subject] {
        groups[index].items.append(item)
        continue
      }
      if let subject = item.subject { position[subject] = groups.count }
      groups.append((rank, item.subject, [item]))
    }
    return groups.map { (first: $0.first, group: Group(subject: $0.subject, items: $0.items)) }
      .sorted { a, b in
        a.group.impact != b.group.impact ? a.group.impact > b.group.impact : a.first < b.first
      }.map(\.group)
  }
}
