/// How long the claims of one kind took to come true, with open claims as not-yet-known.
///
/// A Kaplan–Meier estimate over days since the claim was said: a claim that came true is an
/// event on the day it was settled; an open claim is censored on `today` (it may still come
/// true, so it neither counts as a failure nor leaves a gap); a claim that turned out false,
/// partial or void never comes true and stays in the denominator throughout.
public struct TimeToTruth: Sendable, Equatable {
  /// The kind of event (`ForecastEvent` raw value), or "other".
  public let kind: String
  public let claims: Int
  public let cameTrue: Int
  /// Open claims: censored, not yet known.
  public let open: Int
  /// Median of deadline − day settled, over true claims with a deadline: positive when they
  /// came true before the deadline.
  public let medianDaysBeforeDeadline: Double?
  /// The estimated share come true by each day on which one did, ascending.
  public let curve: [Step]
  /// The last day the estimate knows of, when it ends: the day the latest-said open claim was
  /// censored, when no claim was followed longer. Nil when a claim settled false (followed for
  /// good) or a claim that came true was followed longest.
  public let followedFor: Int?

  /// One step of the estimate: by `day` days after being said, `share` had come true.
  public struct Step: Sendable, Equatable {
    public let day: Int
    public let share: Double

    public init(day: Int, share: Double) {
      self.day = day
      self.share = share
    }
  }

  /// The kind of claims that name no known kind of event.
  public static let other = "other"

  /// The estimated share come true within `days` days of being said; nil past the last day the
  /// claims were followed for, where the estimate says nothing.
  public func share(within days: Int) -> Double? {
    if let followedFor, days > followedFor { return nil }
    return curve.last { $0.day <= days }?.share ?? 0
  }

  /// What one claim contributes.
  public enum Observation: Sendable, Equatable {
    /// Came true this many days after it was said; `lead` is deadline − settled, if it has one.
    case cameTrue(days: Int, lead: Int?)
    /// Still open after this many days.
    case open(days: Int)
    /// Settled otherwise: never comes true.
    case never
  }

  public init(kind: String, observations: [Observation]) {
    self.kind = kind
    claims = observations.count
    var events: [Int] = []
    var censored: [Int] = []
    var leads: [Int] = []
    for observation in observations {
      switch observation {
      case .cameTrue(let days, let lead):
        events.append(max(days, 0))
        if let lead { leads.append(lead) }
      case .open(let days): censored.append(max(days, 0))
      case .never: break
      }
    }
    cameTrue = events.count
    open = censored.count
    let isFollowedForGood = observations.contains(.never)
    if !isFollowedForGood, let lastCensored = censored.max(), lastCensored >= (events.max() ?? -1) {
      followedFor = lastCensored
    } else {
      followedFor = nil
    }
    leads.sort()
    medianDaysBeforeDeadline =
      leads.isEmpty
      ? nil
      : leads.count % 2 == 1
        ? Double(leads[leads.count / 2])
        : Double(leads[leads.count / 2 - 1] + leads[leads.count / 2]) / 2
    events.sort()
    censored.sort()
    // At risk on day t: all but the events before t and the open claims censored before t.
    var survival = 1.0
    var steps: [Step] = []
    var eventIndex = 0
    var censoredIndex = 0
    while eventIndex < events.count {
      let day = events[eventIndex]
      var happened = 0
      while eventIndex < events.count, events[eventIndex] == day {
        happened += 1
        eventIndex += 1
      }
      while censoredIndex < censored.count, censored[censoredIndex] < day { censoredIndex += 1 }
      let atRisk = observations.count - (eventIndex - happened) - censoredIndex
      survival *= 1 - Double(happened) / Double(max(atRisk, 1))
      steps.append(Step(day: day, share: 1 - survival))
    }
    curve = steps
  }
}
