import ClaimExtractor
import ClaimLedger
import ClaimReports

/// `echoes PATH [--runs N]`: times echo clustering of a loaded ledger with the built-in
/// lexicon, finding the names included (the ledger is loaded once, untimed).
enum EchoesCommand {
  static func run(_ arguments: some Sequence<String>) throws {
    let options = try Options(arguments, valued: ["--runs"])
    let path = try options.onlyPath(of: "echoes", naming: "ledger")
    let runs = try options.count("--runs", default: 5)
    let records = try LedgerStore(path: path).load().records
    let lexicon = Lexicon.builtIn
    let nameScan: NameScan = { lexicon.canonicalNames(in: $0) }
    let clock = ContinuousClock()
    var times: [Double] = []
    var clusters = EchoClusters(records, nameScan: { _ in [] })
    for run in 1...runs {
      let start = clock.now
      clusters = EchoClusters(records, nameScan: nameScan)
      times.append(seconds(start.duration(to: clock.now)))
      print("run \(run): \(format(times[run - 1], places: 3)) s")
    }
    print("claims: \(records.count)")
    print("echoed forecasts: \(clusters.echoesOf.count), echoes: \(clusters.originOf.count)")
    print("median: \(format(median(of: times), places: 3)) s")
  }
}
