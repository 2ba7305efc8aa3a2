import Foundation
import Testing

@testable import ClaimLedger

/// `SourceLocation` alone is ambiguous here: Swift Testing has one too.
typealias Location = ClaimLedger.SourceLocation

/// Small builders shared by the suites; each unwraps with `#require`, so a bad fixture fails
/// the test that uses it instead of crashing the run.
enum Fixture {
  /// The path journals are parsed under when no file is involved.
  static let path = "Claims/ledger.jsonl"

  static func day(_ text: String) throws -> Day {
    try #require(Day(text), "fixture day \(text)")
  }

  static func time(_ text: String) throws -> Timestamp {
    try #require(Timestamp(text), "fixture time \(text)")
  }

  static func confidence(_ value: Double) throws -> Confidence {
    try #require(Confidence(value), "fixture confidence \(value)")
  }

  static func id(_ text: String) throws -> ClaimID {
    try #require(ClaimID(text), "fixture id \(text)")
  }

  static func id(bits: UInt64) throws -> ClaimID {
    try #require(ClaimID(bits: bits), "fixture id bits \(bits)")
  }

  /// A plain claim said on `said`, with the given confidence.
  static func claim(
    _ text: String = "OpenAI acquires Pinterest by 2026-12-31", source: String = "The Information",
    said: String? = "2026-01-21", confidence: Double = 0.7
  ) throws -> Claim {
    Claim(
      text: text, source: source, said: try said.map(day),
      confidence: try Fixture.confidence(confidence))
  }

  static func entry(_ id: ClaimID, at: String, _ body: Entry.Body) throws -> Entry {
    Entry(id: id, at: try time(at), body: body)
  }

  static func resolution(_ outcome: Outcome, on: String, reason: VoidReason? = nil) throws
    -> Resolution
  {
    Resolution(outcome: outcome, on: try day(on), reason: reason)
  }

  /// The entries as the file would hold them: one line each, every line ending in a newline.
  static func text(of entries: [Entry]) -> String {
    entries.map { $0.jsonLine + "\n" }.joined()
  }

  /// A journal holding `entries` on lines 1, 2, 3, … in the order given.
  static func journal(_ entries: [Entry]) -> Journal {
    Journal(entries: entries, lines: entries.indices.map { Int32($0 + 1) })
  }

  static func parse(
    _ bytes: [UInt8], path: String = Fixture.path, allowingTornTail: Bool = false
  ) throws(LedgerError) -> Journal {
    try bytes.withUnsafeBufferPointer { buffer throws(LedgerError) in
      try JournalReader.parse(buffer, path: path, allowingTornTail: allowingTornTail)
    }
  }

  static func parse(_ text: String, allowingTornTail: Bool = false) throws(LedgerError) -> Journal {
    try parse(Array(text.utf8), allowingTornTail: allowingTornTail)
  }
}

/// A fresh directory under the system's temporary folder, removed when the test is done.
///
/// Swift Testing makes a new suite instance per test, so a suite that holds one in a stored
/// property gives every test its own folder.
final class TemporaryDirectory: Sendable {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("ClaimLedgerTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// The path of `name` inside the directory.
  func path(_ name: String) -> String {
    url.appendingPathComponent(name).path
  }
}

/// The file's bytes, or a failed test when it cannot be read.
func contents(ofFile path: String) throws -> [UInt8] {
  [UInt8](try #require(FileManager.default.contents(atPath: path), "cannot read \(path)"))
}

/// Writes `bytes` to `path`, replacing whatever is there.
func write(_ bytes: [UInt8], toFile path: String) throws {
  try Data(bytes).write(to: URL(fileURLWithPath: path))
}

/// Checks that `flags` holds for a run of one `plain` byte exactly when one of `specials` is
/// put anywhere in it, at every length up to three words, so the scans that go eight bytes at
/// a time meet the byte both inside a word and in the bytes left after the last one.
func expectFlagsExactly(
  _ specials: [UInt8], among plain: [UInt8], _ flags: ([UInt8]) -> Bool,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  for length in 0...24 {
    for filler in plain {
      var bytes = [UInt8](repeating: filler, count: length)
      #expect(!flags(bytes), "\(bytes)", sourceLocation: sourceLocation)
      for position in 0..<length {
        for special in specials {
          bytes[position] = special
          #expect(flags(bytes), "\(bytes)", sourceLocation: sourceLocation)
          bytes[position] = filler
        }
      }
    }
  }
}
