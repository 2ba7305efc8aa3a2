import ClaimExtractor
import Dispatch
import Foundation

/// `claims-extract-bench`: writes a deterministic corpus of articles and times the extractor on
/// it, on one core or several.
let usage = """
  usage: claims-extract-bench generate --mb N --out DIR [--seed S] [--forecast-share N]
         claims-extract-bench run DIR [--runs N] [--threads N]
  """

struct Failure: Error, CustomStringConvertible {
  var description: String
}

func value(_ flag: String, in arguments: [String]) -> String? {
  arguments.firstIndex(of: flag).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}

func generate(_ arguments: [String]) throws {
  guard let megabytes = value("--mb", in: arguments).flatMap(Int.init),
    let out = value("--out", in: arguments)
  else { throw Failure(description: usage) }
  let seed = value("--seed", in: arguments).flatMap(UInt64.init) ?? 2026
  try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
  var generator = CorpusGenerator(random: SeededRandom(seed: seed))
  generator.forecastShare = value("--forecast-share", in: arguments).flatMap(Int.init) ?? 12
  let articleBytes = 256 << 10
  let count = max(1, (megabytes << 20) / articleBytes)
  var total = 0
  for index in 0..<count {
    let text = generator.article(index: index, bytes: articleBytes)
    total += text.utf8.count
    let path = (out as NSString).appendingPathComponent(String(format: "article-%05d.md", index))
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }
  print("wrote \(count) articles, \(total) bytes, to \(out)")
}

/// Runs the extractor over every article, split between `threads` workers.
func run(_ arguments: [String]) throws {
  guard let directory = arguments.first else { throw Failure(description: usage) }
  let runs = value("--runs", in: arguments).flatMap(Int.init) ?? 5
  let threads = value("--threads", in: arguments).flatMap(Int.init) ?? 1
  let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
  let articles = try names.map { name in
    Array(
      try Data(
        contentsOf: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name))))
  }
  let bytes = articles.reduce(0) { $0 + $1.count }
  let extractor = Extractor()
  var times: [Double] = []
  var proposals = 0
  for _ in 0..<runs {
    let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: threads)
    counts.initialize(repeating: 0)
    let start = DispatchTime.now().uptimeNanoseconds
    nonisolated(unsafe) let shared = counts
    DispatchQueue.concurrentPerform(iterations: threads) { worker in
      var found = 0
      for index in stride(from: worker, to: articles.count, by: threads) {
        found +=
          (try? extractor.proposals(fromBytes: articles[index], path: names[index]).count) ?? 0
      }
      shared[worker] = found
    }
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    proposals = counts.reduce(0, +)
    counts.deallocate()
  }
  let median = times.sorted()[times.count / 2]
  let rate = Double(bytes) / 1_048_576 / median
  print(
    "\(articles.count) articles, \(bytes) bytes, \(threads) thread(s): median \(String(format: "%.3f", median)) s "
      + "of \(runs), \(String(format: "%.1f", rate)) MB/s, \(proposals) proposals")
}

do {
  let arguments = Array(CommandLine.arguments.dropFirst())
  switch arguments.first {
  case "generate": try generate(Array(arguments.dropFirst()))
  case "run": try run(Array(arguments.dropFirst()))
  default: throw Failure(description: usage)
  }
} catch {
  FileHandle.standardError.write(Data("claims-extract-bench: \(error)\n".utf8))
  exit(1)
}
