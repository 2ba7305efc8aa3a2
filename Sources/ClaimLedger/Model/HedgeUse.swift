/// How a claim's confidence was read from its hedge word, so the word can be read again.
///
/// A claim whose number was given outright (its confidence matches neither the word's value nor
/// one minus it) has no use: its confidence does not depend on how the word is read.
public struct HedgeUse: Hashable, Sendable {
  public let hedge: Hedge
  /// The word negates the outcome (不会, won't): the claim's confidence is one minus its value.
  public let isNegated: Bool

  /// Where in a hedge's range it is read: its low end, the table's own value, or its high end.
  public enum Reading: String, Sendable, CaseIterable {
    case low
    case middle
    case high
  }

  /// Confidences closer than this to a word's value count as read from it.
  static let tolerance = 1e-9

  /// Nil when the claim names no known word or its confidence was not read from it.
  public init?(_ claim: Claim, scale: HedgeScale) {
    guard let word = claim.hedge, let hedge = scale.hedge(named: word) else { return nil }
    self.init(hedge: hedge, confidence: claim.confidence.value)
  }

  /// Nil when `confidence` is neither the word's value nor one minus it.
  public init?(hedge: Hedge, confidence: Double) {
    if abs(confidence - hedge.probability) < HedgeUse.tolerance {
      isNegated = false
    } else if abs(confidence - (1 - hedge.probability)) < HedgeUse.tolerance {
      isNegated = true
    } else {
      return nil
    }
    self.hedge = hedge
  }

  public init(hedge: Hedge, isNegated: Bool) {
    self.hedge = hedge
    self.isNegated = isNegated
  }

  /// The claim's confidence when the word means `reading`'s value of its range.
  public func confidence(_ reading: Reading) -> Double {
    let value =
      switch reading {
      case .low: hedge.range.lowerBound
      case .middle: hedge.probability
      case .high: hedge.range.upperBound
      }
    return isNegated ? 1 - value : value
  }

  /// What the word itself bet on happened: the claim's outcome, turned round for a negation.
  public func wordOutcome(_ outcome: Double) -> Double {
    isNegated ? 1 - outcome : outcome
  }
}
