/// Forecasts sorted into ten bins of confidence, 0–10 %, 10–20 %, …, 90–100 %.
///
/// A bin holds p with low ≤ p < high; the last bin also holds 100 %. Each bin reports its mean
/// confidence (where to plot it) and a Wilson interval on the observed frequency, so a bin of
/// three claims shows how little it says.
public struct CalibrationTally: Hashable, Sendable {
  public static let binCount = 10
  private var counts = [Int](repeating: 0, count: CalibrationTally.binCount)
  private var confidenceSums = [Double](repeating: 0, count: CalibrationTally.binCount)
  private var outcomeSums = [Double](repeating: 0, count: CalibrationTally.binCount)

  public init() {}

  /// The bin of `confidence`. A hair of slack keeps 0.3, stored as 0.29999…, in the 30 % bin.
  public static func bin(of confidence: Double) -> Int {
    let scaled = (confidence * Double(binCount) + 1e-9).rounded(.down)
    return min(max(Int(scaled), 0), binCount - 1)
  }

  public mutating func add(confidence: Double, outcome: Double) {
    let bin = CalibrationTally.bin(of: confidence)
    counts[bin] += 1
    confidenceSums[bin] += confidence
    outcomeSums[bin] += outcome
  }

  /// All ten bins in order, empty ones included so tables and charts keep their shape.
  public var bins: [CalibrationBin] {
    (0..<CalibrationTally.binCount).map { bin in
      let count = counts[bin]
      let n = Double(count)
      return CalibrationBin(
        low: Double(bin) / Double(CalibrationTally.binCount),
        high: Double(bin + 1) / Double(CalibrationTally.binCount),
        count: count,
        meanConfidence: count > 0 ? confidenceSums[bin] / n : nil,
        observed: count > 0 ? outcomeSums[bin] / n : nil,
        observedInterval: WilsonInterval(successes: outcomeSums[bin], trials: count))
    }
  }
}

/// One bin of the calibration table.
public struct CalibrationBin: Hashable, Sendable {
  public let low: Double
  public let high: Double
  public let count: Int
  public let meanConfidence: Double?
  /// Mean outcome of the bin's claims (partial counts 0.5).
  public let observed: Double?
  /// Wilson 95 % interval of `observed`.
  public let observedInterval: WilsonInterval?

  public init(
    low: Double, high: Double, count: Int, meanConfidence: Double?, observed: Double?,
    observedInterval: WilsonInterval?
  ) {
    self.low = low
    self.high = high
    self.count = count
    self.meanConfidence = meanConfidence
    self.observed = observed
    self.observedInterval = observedInterval
  }
}
