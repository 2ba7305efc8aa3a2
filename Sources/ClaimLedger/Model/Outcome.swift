/// How a claim turned out.
public enum Outcome: String, Hashable, Sendable, CaseIterable {
  case `true`
  case `false`
  case partial
  case void

  /// The score of the outcome: 1, 0.5 or 0; nil for `void`, which is never scored.
  public var score: Double? {
    switch self {
    case .true: 1
    case .partial: 0.5
    case .false: 0
    case .void: nil
    }
  }
}

/// Why a claim cannot be judged; `void` requires one.
public enum VoidReason: String, Hashable, Sendable, CaseIterable {
  /// The facts are unclear.
  case ambiguous
  /// The claim itself was flawed.
  case annulled
  /// A conditional claim whose condition did not happen.
  case conditionFailed = "condition-failed"
  /// The source took it back.
  case retracted
  /// The same forecast is recorded under another id.
  case duplicate
}

/// Where a claim stands in its life.
public enum Status: String, Hashable, Sendable, CaseIterable {
  /// Found by the extractor, waiting for a person.
  case proposed
  /// Accepted or added by hand, waiting for its outcome.
  case open
  case resolved
  /// Judged not to be a forecast; kept so it is never proposed again.
  case rejected
}
