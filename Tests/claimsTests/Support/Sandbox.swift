import ClaimLedger
import Foundation
import Testing

@testable import claims

/// `ExitStatus` alone is ambiguous here: Swift Testing has one too (for exit tests).
typealias ExitStatus = claims.ExitStatus

/// A fresh folder for one test, with `claims` run in-process against the ledger inside it.
///
/// Today is fixed at 2026-08-01 through `CLAIMS_TODAY`, and the clock at noon UTC of that day,
/// so every line a test writes is stamped `2026-08-01T12:00:00.000Z`. The folder is removed
/// when the sandbox goes away.
final class Sandbox {
  /// The instant the injected clock returns.
  static let now = Date(timeIntervalSince1970: 1_785_585_600)
  /// `now` as the journal writes it.
  static let stamp = "2026-08-01T12:00:00.000Z"
  static let today = "2026-08-01"

  let directory: URL

  /// A new empty folder; with `initialised`, `claims init` has run in it.
  init(initialised: Bool = true) throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("claimsTests-" + UUID().uuidString, isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    if initialised {
      let result = run(["init"])
      try #require(result.status == .success, "claims init: \(result.stderr)")
    }
  }

  deinit {
    try? FileManager.default.removeItem(at: directory)
  }

  /// `Claims/ledger.jsonl` inside the folder.
  var ledgerPath: String { path("Claims/ledger.jsonl") }

  /// What every run gets: today fixed and the ledger named.
  var environment: [String: String] {
    ["CLAIMS_TODAY": Sandbox.today, "CLAIMS_LEDGER": ledgerPath]
  }

  func path(_ relative: String) -> String {
    directory.appendingPathComponent(relative).path
  }

  /// Runs one command line in-process; `environment` adds to or replaces the sandbox's own.
  func run(
    _ arguments: [String], environment extra: [String: String] = [:],
    terminal: Terminal = .plain()
  ) -> CLI.Result {
    CLI.run(
      arguments, environment: environment.merging(extra) { $1 },
      workingDirectory: directory.path, clock: { Sandbox.now }, terminal: terminal)
  }

  /// Runs `claims add` with the arguments given and returns the id it printed.
  @discardableResult
  func add(_ arguments: String...) throws -> String {
    let result = run(["add"] + arguments)
    try #require(result.status == .success, "claims add: \(result.stderr)")
    let id = result.stdout.trimmingCharacters(in: .newlines)
    try #require(ClaimID(id) != nil, "claims add printed '\(result.stdout)'")
    return id
  }

  /// The ledger's bytes, or nil when there is no file.
  func ledger() -> Data? {
    FileManager.default.contents(atPath: ledgerPath)
  }

  /// The ledger's lines, without their newlines.
  func ledgerLines() throws -> [String] {
    let data = try #require(ledger(), "no ledger at \(ledgerPath)")
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  /// Replaces the ledger with `lines`, each ending in a newline.
  func writeLedger(_ lines: [String]) throws {
    try writeLedger(bytes: Data(lines.map { $0 + "\n" }.joined().utf8))
  }

  func writeLedger(bytes: Data) throws {
    try write(bytes, to: "Claims/ledger.jsonl")
  }

  /// Writes a file at `relative`, creating its folder.
  func write(_ bytes: Data, to relative: String) throws {
    let url = directory.appendingPathComponent(relative)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try bytes.write(to: url)
  }

  func write(_ text: String, to relative: String) throws {
    try write(Data(text.utf8), to: relative)
  }

  /// Writes `text` to `name` and runs `claims import name` with `options`.
  func importing(_ text: String, as name: String, _ options: [String] = []) throws -> CLI.Result {
    try write(text, to: name)
    return run(["import", name] + options)
  }

  /// `claims show ID --json`, parsed.
  func showJSON(_ id: String) throws -> [String: Any]? {
    let result = run(["show", id, "--json"])
    try #require(result.status == .success, result.report)
    return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
  }

  func contents(of relative: String) -> String? {
    FileManager.default.contents(atPath: path(relative)).map { String(decoding: $0, as: UTF8.self) }
  }
}

/// Journal lines written by hand, in exactly the shape `claims add` and `claims resolve` write
/// them (`AddCommandTests` checks that shape against a real add).
enum JournalLine {
  /// An earlier instant than the sandbox clock, so entries the tests append fold after these.
  static let earlier = "2026-07-01T10:00:00.000Z"

  static func claim(
    _ id: String, at: String = earlier, text: String, source: String = "The Information",
    said: String = "2026-01-21", deadline: String? = "2026-12-31", confidence: String = "0.75",
    lang: String = "en", tags: [String] = [], status: String = "open"
  ) -> String {
    var line = "{\"entry\":\"claim\",\"id\":\"\(id)\",\"at\":\"\(at)\",\"text\":\"\(text)\","
    line += "\"source\":\"\(source)\",\"said\":\"\(said)\","
    if let deadline { line += "\"deadline\":\"\(deadline)\"," }
    line += "\"confidence\":\(confidence),\"lang\":\"\(lang)\","
    line += "\"tags\":[" + tags.map { "\"\($0)\"" }.joined(separator: ",") + "],"
    line += "\"status\":\"\(status)\"}"
    return line
  }

  static func resolve(_ id: String, at: String, outcome: String, on: String) -> String {
    "{\"entry\":\"resolve\",\"id\":\"\(id)\",\"at\":\"\(at)\",\"outcome\":\"\(outcome)\",\"on\":\"\(on)\"}"
  }
}

extension CLI.Result {
  /// What a failed expectation should show: the status and both streams.
  var report: Comment {
    "status \(status.rawValue)\nstdout: \(stdout)\nstderr: \(stderr)"
  }
}
