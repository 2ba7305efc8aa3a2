import ClaimLedger

/// Which year a claim belongs to: the year of its deadline, or the year it was said.
public enum ScorecardBasis: String, Sendable, CaseIterable {
  case due
  case said
}

/// What the rows of a scorecard stand for.
public enum Grouping: String, Sendable, CaseIterable {
  /// Who made the forecast.
  case source
  /// The outlet that relayed it; a claim with no outlet counts under its source.
  case via
  /// Each tag of the claim; untagged claims count under `Grouping.untagged`.
  case tag

  /// The row of claims that have no tags.
  public static let untagged = "(untagged)"
}

/// A year's (or all years') scores, ready for any renderer; renderers only format it.
public struct Scorecard: Sendable, Equatable {
  /// Nil for the all-years scorecard.
  public let year: Int?
  public let by: ScorecardBasis
  public let grouping: Grouping
  /// The `today` the scorecard was made on; censoring and overdue depend on it.
  public let generated: Day
  /// SHA-256 of the ledger file, hex, so anyone can check they score the same claims.
  public private(set) var ledgerSHA256: String
  /// The side files beside the ledger that change the figures (`sources.json` merges
  /// sources, `lexicon.json` names subjects), each with its SHA-256; empty when none exists.
  public private(set) var sideFiles: [SideFile] = []
  public let hedgeTableVersion: String
  /// Groups with fewer scored claims than this are listed apart, unranked.
  public let minResolved: Int
  /// Every selected claim counted once, whatever the grouping.
  public let totals: TrackRecord
  /// Groups with at least `minResolved` scored claims, best first.
  public let ranked: [TrackRecord]
  /// "Too few resolved to rank": most scored first, then by name.
  public let unranked: [TrackRecord]
  /// Ten bins of confidence over every scored claim.
  public let calibration: [CalibrationBin]
  /// Nil when nothing was scored.
  public let decomposition: BrierDecomposition?
  /// Per group per year, groups in the order of `ranked` then `unranked`, years ascending.
  public let byYear: [YearRecord]
  /// Confident and right: true claims above 50 %, most confident first.
  public let bestCalls: [ClaimLine]
  /// Confident and wrong: false claims above 50 %, most confident first.
  public let worstMisses: [ClaimLine]
  /// Open claims whose deadline has not passed, soonest deadline first.
  public let pending: ClaimList
  /// Open claims whose deadline has passed, longest overdue first.
  public let overdue: ClaimList
  /// Per group, each hedge word with at least `minResolved` scored claims read from it; groups
  /// in the order of `ranked` then `unranked`, words by count, then by word.
  public let hedgeReadings: [HedgeReading]
  /// The same over all groups: what each word turned out to mean.
  public let hedgeTable: [HedgeReading]
  /// The ranked groups scored with the hedge words read low, as in the table, and high.
  public let sensitivity: [HedgeSensitivity]
  /// Forecasts of the selection that others repeated later: the first `listLimit`, in ledger
  /// order, each under the claim that said it first.
  public let echoes: [EchoLine]
  /// How many forecasts of the selection were echoed in all.
  public let echoedTotal: Int
  /// Whether echoes were scored as claims of their own.
  public let countsEchoes: Bool
  /// Per kind of event with claims (acquisitions, launches, …, then other), how long the
  /// claims took to come true.
  public let timeToTruth: [TimeToTruth]

  /// Resolved claims not scored yet because their deadline is still ahead.
  public var waitingForDeadline: Int { totals.counts.waiting }

  public init(
    year: Int?, by: ScorecardBasis, grouping: Grouping, generated: Day, ledgerSHA256: String,
    hedgeTableVersion: String, minResolved: Int, totals: TrackRecord, ranked: [TrackRecord],
    unranked: [TrackRecord], calibration: [CalibrationBin], decomposition: BrierDecomposition?,
    byYear: [YearRecord], bestCalls: [ClaimLine], worstMisses: [ClaimLine], pending: ClaimList,
    overdue: ClaimList, hedgeReadings: [HedgeReading] = [], hedgeTable: [HedgeReading] = [],
    sensitivity: [HedgeSensitivity] = [], echoes: [EchoLine] = [], echoedTotal: Int = 0,
    countsEchoes: Bool = false, timeToTruth: [TimeToTruth] = []
  ) {
    self.year = year
    self.by = by
    self.grouping = grouping
    self.generated = generated
    self.ledgerSHA256 = ledgerSHA256
    self.hedgeTableVersion = hedgeTableVersion
    self.minResolved = minResolved
    self.totals = totals
    self.ranked = ranked
    self.unranked = unranked
    self.calibration = calibration
    self.decomposition = decomposition
    self.byYear = byYear
    self.bestCalls = bestCalls
    self.worstMisses = worstMisses
    self.pending = pending
    self.overdue = overdue
    self.hedgeReadings = hedgeReadings
    self.hedgeTable = hedgeTable
    self.sensitivity = sensitivity
    self.echoes = echoes
    self.echoedTotal = echoedTotal
    self.countsEchoes = countsEchoes
    self.timeToTruth = timeToTruth
  }
}

/// One claim as a scorecard lists it.
public struct ClaimLine: Sendable, Equatable {
  public let id: String
  public let text: String
  public let quote: String?
  /// The canonical source name.
  public let source: String
  public let confidence: Double
  public let said: Day?
  public let deadline: Day?
  public let outcome: Outcome?
  public let resolvedOn: Day?
  public let evidence: String?
  public let url: String?

  public init(
    id: String, text: String, quote: String?, source: String, confidence: Double, said: Day?,
    deadline: Day?, outcome: Outcome?, resolvedOn: Day?, evidence: String?, url: String?
  ) {
    self.id = id
    self.text = text
    self.quote = quote
    self.source = source
    self.confidence = confidence
    self.said = said
    self.deadline = deadline
    self.outcome = outcome
    self.resolvedOn = resolvedOn
    self.evidence = evidence
    self.url = url
  }
}

/// A forecast and the later claims that repeat it.
public struct EchoLine: Sendable, Equatable {
  /// The claim that said it first: the originator.
  public let original: ClaimLine
  /// The repeats, the earliest said first.
  public let echoes: [ClaimLine]

  public init(original: ClaimLine, echoes: [ClaimLine]) {
    self.original = original
    self.echoes = echoes
  }
}

/// The first claims of a long list, and how many there are in all.
public struct ClaimList: Sendable, Equatable {
  public let lines: [ClaimLine]
  public let total: Int

  public init(lines: [ClaimLine], total: Int) {
    self.lines = lines
    self.total = total
  }

  /// Claims counted but not listed.
  public var omitted: Int { total - lines.count }
}

/// One group's figures for one year.
public struct YearRecord: Sendable, Equatable {
  public let name: String
  public let year: Int
  public let counts: OutcomeCounts
  public let figures: ScoreFigures

  public init(name: String, year: Int, counts: OutcomeCounts, figures: ScoreFigures) {
    self.name = name
    self.year = year
    self.counts = counts
    self.figures = figures
  }
}

extension Scorecard {
  /// The same scorecard naming the ledger by `sha256`, and the side files it was made with: a
  /// report builds its scorecards while the ledger is still being hashed, and names it once
  /// the hash is done.
  public func naming(ledgerSHA256 sha256: String, sideFiles: [SideFile] = []) -> Scorecard {
    var named = self
    named.ledgerSHA256 = sha256
    named.sideFiles = sideFiles
    return named
  }
}

/// A file besides the ledger that a scorecard was made with, named by its SHA-256.
public struct SideFile: Sendable, Equatable {
  public var name: String
  public var sha256: String

  public init(name: String, sha256: String) {
    self.name = name
    self.sha256 = sha256
  }
}
