import ClaimLedger

/// How the claims of one group (a source, an outlet, a tag, or all of them) stand.
public struct TrackRecord: Sendable, Equatable {
  public let name: String
  public let counts: OutcomeCounts
  public let figures: ScoreFigures
  /// void / resolved (void included); nil with nothing resolved.
  public let voidRate: Double?
  /// Of the scored true claims, the share settled before their deadline; nil with none true.
  public let earlyShare: Double?
  /// 1 for the best; nil below the minimum of scored claims (and for totals).
  public let rank: Int?
  /// Of the counted claims, the share hedged with a low-information word (可能, could); nil
  /// with no claims.
  public let lowInformationShare: Double?
  /// Mean `Specificity.score` of the counted claims, 0…1; nil with no claims.
  public let meanSpecificity: Double?
  /// The group's claims that repeat a forecast someone said earlier (not scored unless echoes
  /// are counted).
  public let echoes: Int
  /// The group's forecasts that others repeated later: it said them first.
  public let echoedOriginals: Int

  public init(
    name: String, counts: OutcomeCounts, figures: ScoreFigures, voidRate: Double?,
    earlyShare: Double?, rank: Int?, lowInformationShare: Double? = nil,
    meanSpecificity: Double? = nil, echoes: Int = 0, echoedOriginals: Int = 0
  ) {
    self.name = name
    self.counts = counts
    self.figures = figures
    self.voidRate = voidRate
    self.earlyShare = earlyShare
    self.rank = rank
    self.lowInformationShare = lowInformationShare
    self.meanSpecificity = meanSpecificity
    self.echoes = echoes
    self.echoedOriginals = echoedOriginals
  }

  /// The same record with `rank` set.
  func ranked(_ rank: Int) -> TrackRecord {
    TrackRecord(
      name: name, counts: counts, figures: figures, voidRate: voidRate, earlyShare: earlyShare,
      rank: rank, lowInformationShare: lowInformationShare, meanSpecificity: meanSpecificity,
      echoes: echoes, echoedOriginals: echoedOriginals)
  }
}

/// Claim counts by where each claim stands on `today`.
///
/// `resolved` and the outcome counts hold only claims whose deadline has passed (or that have
/// none); resolved claims still before their deadline are `waiting`. So claims = resolved +
/// waiting + pending + overdue.
public struct OutcomeCounts: Hashable, Sendable {
  public internal(set) var claims = 0
  public internal(set) var resolved = 0
  public internal(set) var `true` = 0
  public internal(set) var partial = 0
  public internal(set) var `false` = 0
  public internal(set) var void = 0
  public internal(set) var pending = 0
  public internal(set) var overdue = 0
  public internal(set) var waiting = 0
  /// True claims settled before their deadline.
  public internal(set) var early = 0

  public init() {}

  /// Resolved claims that are scored: all but void.
  public var scored: Int { resolved - void }

  mutating func add(_ standing: ClaimStanding) {
    claims += 1
    switch standing {
    case .pending: pending += 1
    case .overdue: overdue += 1
    case .waiting: waiting += 1
    case .settled(let outcome, let isEarly):
      resolved += 1
      switch outcome {
      case .true:
        self.true += 1
        if isEarly { early += 1 }
      case .partial: partial += 1
      case .false: self.false += 1
      case .void: void += 1
      }
    }
  }
}

/// Where one claim stands on `today`, for counting and scoring.
enum ClaimStanding: Equatable {
  case pending
  case overdue
  /// Resolved true, false or partial, but the deadline is still ahead: not scored yet.
  case waiting
  /// Resolved and past its deadline (or without one): scored unless void. A void claim is
  /// settled when it is voided, deadline or not: it is never scored, so it has nothing to wait
  /// for, and its source's void rate counts it at once.
  case settled(Outcome, isEarly: Bool)

  /// Nil for proposed and rejected claims, which no scorecard counts, and for claims said after
  /// `today`. A resolution dated after `today` was not known then: the claim stands open, so a
  /// scorecard made with an earlier `--today` is what it would have been on that day.
  init?(status: Status, resolution: Resolution?, said: Day?, deadline: Day?, today: Day) {
    self.init(
      status: status, outcome: resolution?.outcome, on: resolution?.on, said: said,
      deadline: deadline, today: today)
  }

  /// The same, from the outcome and the day of the resolution (both nil when there is none).
  init?(status: Status, outcome: Outcome?, on: Day?, said: Day?, deadline: Day?, today: Day) {
    if let said, said > today { return nil }
    var status = status
    if status == .resolved, let on, on > today { status = .open }
    switch status {
    case .proposed, .rejected:
      return nil
    case .open:
      if let deadline, deadline < today { self = .overdue } else { self = .pending }
    case .resolved:
      guard let outcome, let on else { return nil }
      if let deadline, deadline >= today, outcome != .void {
        self = .waiting
      } else {
        let isEarly = deadline.map { on < $0 } ?? false
        self = .settled(outcome, isEarly: isEarly && outcome == .true)
      }
    }
  }
}

/// A group's counts and score sums while the builder folds the claims.
struct GroupTally {
  var counts = OutcomeCounts()
  /// Scores with each hedge word read at the table's value: the scorecard's own.
  var scores = ScoreTally()
  /// Scores with each hedge word read at the low and at the high end of its range.
  var low = ScoreTally()
  var high = ScoreTally()
  /// Scored claims whose confidence was read from a hedge word.
  var hedged = 0
  var lowInformation = 0
  var specificitySum = 0.0
  /// Claims that repeat an earlier forecast, and forecasts that others repeated later.
  var echoes = 0
  var originals = 0

  mutating func add(_ standing: ClaimStanding, _ traits: ClaimTraits) {
    counts.add(standing)
    if traits.isLowInformation { lowInformation += 1 }
    specificitySum += traits.specificity
    if case .settled(let outcome, _) = standing, let score = outcome.score {
      scores.add(confidence: traits.confidence, outcome: score)
      low.add(confidence: traits.use?.lowConfidence ?? traits.confidence, outcome: score)
      high.add(confidence: traits.use?.highConfidence ?? traits.confidence, outcome: score)
      if traits.use != nil { hedged += 1 }
    }
  }

  /// `isMeasuringSpecificity`: false leaves the mean specificity nil rather than 0.
  func record(named name: String, rank: Int?, isMeasuringSpecificity: Bool = true) -> TrackRecord {
    let claims = Double(counts.claims)
    return TrackRecord(
      name: name, counts: counts, figures: scores.figures,
      voidRate: counts.resolved > 0 ? Double(counts.void) / Double(counts.resolved) : nil,
      earlyShare: counts.true > 0 ? Double(counts.early) / Double(counts.true) : nil,
      rank: rank, lowInformationShare: claims > 0 ? Double(lowInformation) / claims : nil,
      meanSpecificity: claims > 0 && isMeasuringSpecificity ? specificitySum / claims : nil,
      echoes: echoes, echoedOriginals: originals)
  }
}
