import ClaimLedger
import Foundation

/// A usage or I/O problem, printed as is.
struct BenchError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}

/// The words after the subcommand: `--flag value` pairs, bare `--switch`es and positionals.
struct Options {
  private var values: [String: String] = [:]
  private var switches: Set<String> = []
  private(set) var positional: [String] = []

  init(
    _ arguments: some Sequence<String>, valued: Set<String>, switches known: Set<String> = []
  ) throws(BenchError) {
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
      if known.contains(argument) {
        switches.insert(argument)
      } else if valued.contains(argument) {
        guard let value = iterator.next() else { throw BenchError("\(argument) needs a value") }
        values[argument] = value
      } else if argument.hasPrefix("--") {
        throw BenchError("unknown option \(argument)")
      } else {
        positional.append(argument)
      }
    }
  }

  func has(_ flag: String) -> Bool { switches.contains(flag) }

  /// The one path a subcommand takes, such as `load PATH`.
  func onlyPath(of subcommand: String, naming what: String) throws(BenchError) -> String {
    guard positional.count == 1, let path = positional.first else {
      throw BenchError("\(subcommand) takes one \(what) path")
    }
    return path
  }

  func string(_ flag: String) throws(BenchError) -> String {
    guard let value = values[flag] else { throw BenchError("\(flag) is required") }
    return value
  }

  /// Any 64-bit value seeds the generator; `fallback` when absent.
  func seed(_ flag: String, default fallback: UInt64) throws(BenchError) -> UInt64 {
    guard let text = values[flag] else { return fallback }
    guard let value = UInt64(text) else {
      throw BenchError("\(flag) must be a whole number from 0 to 2^64-1, not '\(text)'")
    }
    return value
  }

  /// The flag's value as a positive integer; `fallback` when absent.
  func count(_ flag: String, default fallback: Int? = nil) throws(BenchError) -> Int {
    guard let text = values[flag] else {
      guard let fallback else { throw BenchError("\(flag) is required") }
      return fallback
    }
    guard let value = Int(text.replacingOccurrences(of: "_", with: "")), value > 0 else {
      throw BenchError("\(flag) must be a positive whole number, not '\(text)'")
    }
    return value
  }
}

/// `generate --claims N --out PATH [--seed S]`.
enum GenerateCommand {
  static func run(_ arguments: some Sequence<String>) throws {
    let options = try Options(arguments, valued: ["--claims", "--out", "--seed"])
    let claimCount = try options.count("--claims")
    let path = try options.string("--out")
    let seed = try options.seed("--seed", default: 2026)
    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
    }
    // Written aside and renamed at the end, so an interrupted run never leaves a ledger that
    // looks complete to `Benchmarks/run`.
    let partial = path + ".partial"
    guard FileManager.default.createFile(atPath: partial, contents: nil) else {
      throw BenchError("cannot create \(partial)")
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: partial))
    let clock = ContinuousClock()
    let start = clock.now
    var writer = ChunkWriter(handle: handle)
    var generator = LedgerGenerator(seed: seed)
    do {
      try generator.write(claimCount: claimCount, to: &writer)
      try writer.flush()
      try handle.close()
    } catch {
      try? FileManager.default.removeItem(atPath: partial)
      throw error
    }
    guard rename(partial, path) == 0 else {
      throw BenchError("cannot rename \(partial): \(String(cString: strerror(errno)))")
    }
    let counts = generator.counts
    print("wrote \(path) in \(format(seconds(start.duration(to: clock.now)), places: 2)) s")
    print("claims: \(counts.claims)")
    print("resolve: \(counts.resolves)  amend: \(counts.amends)  reopen: \(counts.reopens)")
    print("entries: \(counts.total)")
    print("bytes: \(writer.byteCount)")
  }
}

/// `load PATH [--runs N] [--phases]`: times `LedgerStore.load()`, the read, parse and fold
/// every command starts with.
enum LoadCommand {
  static func run(_ arguments: some Sequence<String>) throws {
    let options = try Options(arguments, valued: ["--runs"], switches: ["--phases"])
    let path = try options.onlyPath(of: "load", naming: "ledger")
    let runs = try options.count("--runs", default: 5)
    let store = LedgerStore(path: path)
    // Counted once, untimed; this also brings the file into the page cache, so every timed
    // run reads from memory and the runs are comparable.
    let entryCount = try store.loadJournal().entries.count
    let clock = ContinuousClock()
    var times: [Double] = []
    var claimCount = 0
    var issueCount = 0
    for run in 1...runs {
      // What the run before freed goes back to the system first, so each run starts as a
      // command does, and the peak is one load's, not the runs' leftovers added up.
      releaseFreedMemory()
      let start = clock.now
      let ledger = try store.load()
      let elapsed = seconds(start.duration(to: clock.now))
      claimCount = ledger.count
      issueCount = ledger.issues.count
      times.append(elapsed)
      print("run \(run): \(format(elapsed, places: 3)) s")
    }
    let median = median(of: times)
    print("median: \(format(median, places: 3)) s")
    print("entries: \(entryCount)")
    print("claims: \(claimCount)")
    print("fold issues: \(issueCount)")
    print("entries/s: \(Int((Double(entryCount) / median).rounded()))")
    if options.has("--phases") {
      try timePhases(store, runs: runs, clock: clock)
    }
    print("peak RSS: \(peakResidentMegabytes()) MB")
  }

  /// Read and parse apart from the fold; both run on every core. The journal is kept until the
  /// fold is timed, so releasing its entries is not counted in either phase.
  private static func timePhases(
    _ store: LedgerStore, runs: Int, clock: ContinuousClock
  ) throws {
    var parseTimes: [Double] = []
    var foldTimes: [Double] = []
    for _ in 1...runs {
      let start = clock.now
      let journal = try store.loadJournal()
      let parsed = clock.now
      let ledger = Ledger(journal: journal, path: store.path)
      let folded = clock.now
      parseTimes.append(seconds(start.duration(to: parsed)))
      foldTimes.append(seconds(parsed.duration(to: folded)))
      withExtendedLifetime(ledger) {}
    }
    print("median read+parse: \(format(median(of: parseTimes), places: 3)) s")
    print("median fold: \(format(median(of: foldTimes), places: 3)) s")
  }

  private typealias MallocTrim = @convention(c) (Int) -> Int32

  /// glibc's `malloc_trim`, which Glibc's Swift module leaves out; nil where it is missing.
  private static let mallocTrim: MallocTrim? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else {
      return nil
    }
    return unsafeBitCast(symbol, to: MallocTrim.self)
  }()

  /// Hands the memory the allocator keeps after frees back to the system: the worker threads'
  /// arenas keep a load's freed pages, and the next load, run on other threads' arenas, would
  /// take new ones on top of them.
  private static func releaseFreedMemory() {
    _ = mallocTrim?(0)
  }

  /// This process's peak resident set; Linux reports `ru_maxrss` in kilobytes.
  private static func peakResidentMegabytes() -> Int {
    var usage = rusage()
    guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
    return usage.ru_maxrss / 1024
  }
}

func seconds(_ duration: Duration) -> Double {
  let (whole, fraction) = duration.components
  return Double(whole) + Double(fraction) * 1e-18
}

func median(of values: [Double]) -> Double {
  let sorted = values.sorted()
  guard !sorted.isEmpty else { return 0 }
  let middle = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Fixed decimals without Foundation's locale-dependent formatters.
func format(_ value: Double, places: Int) -> String {
  DecimalFormat.fixed(value, places: places)
}
