import ClaimLedger
import Foundation

/// `sha256 PATH [--runs N]`: times SHA-256 over a file already in memory, the digest a
/// scorecard names its ledger by.
enum HashCommand {
  static func run(_ arguments: some Sequence<String>) throws {
    let options = try Options(arguments, valued: ["--runs"])
    let path = try options.onlyPath(of: "sha256", naming: "file")
    let runs = try options.count("--runs", default: 5)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw BenchError("cannot read \(path)")
    }
    let clock = ContinuousClock()
    var times: [Double] = []
    var digest = ""
    for run in 1...runs {
      let start = clock.now
      var hasher = SHA256()
      data.withUnsafeBytes { hasher.update($0) }
      digest = SHA256.hex(hasher.finalize())
      times.append(seconds(start.duration(to: clock.now)))
      print("run \(run): \(format(times[run - 1], places: 3)) s")
    }
    let median = median(of: times)
    print("sha256: \(digest)")
    print("median: \(format(median, places: 3)) s")
    print("MB/s: \(Int((Double(data.count) / 1e6 / median).rounded()))")
  }
}
