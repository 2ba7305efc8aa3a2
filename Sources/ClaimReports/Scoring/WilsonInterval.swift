/// A 95 % interval for a proportion that stays inside [0, 1] and is honest for small counts.
///
/// Wilson (1927), as popularised by Evan Miller: unlike the normal approximation it never
/// gives 0…0 for 0 of 2 or 1…1 for 3 of 3. Successes may be fractional (a partial outcome
/// counts half), which the formula allows because it only uses the observed share.
public struct WilsonInterval: Hashable, Sendable {
  public let low: Double
  public let high: Double

  /// The z value of a two-sided 95 % interval.
  public static let z95 = 1.96

  /// Nil when there are no trials, since nothing is known yet.
  public init?(successes: Double, trials: Int, z: Double = WilsonInterval.z95) {
    guard trials > 0 else { return nil }
    let n = Double(trials)
    let share = min(max(successes / n, 0), 1)
    let z2 = z * z
    let centre = share + z2 / (2 * n)
    let spread = z * (share * (1 - share) / n + z2 / (4 * n * n)).squareRoot()
    let scale = 1 + z2 / n
    // Clamped so rounding can never leave the observed share outside its own interval.
    low = min(max((centre - spread) / scale, 0), share)
    high = max(min((centre + spread) / scale, 1), share)
  }

  public init(low: Double, high: Double) {
    self.low = low
    self.high = high
  }

  public func contains(_ value: Double) -> Bool {
    low <= value && value <= high
  }
}
