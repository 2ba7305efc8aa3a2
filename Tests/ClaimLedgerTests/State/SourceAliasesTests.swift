import Foundation
import Testing

@testable import ClaimLedger

@Suite struct SourceAliasesTests {
  @Test func aliasesMergeIntoTheirCanonicalName() throws {
    let aliases = try SourceAliases(aliases: [
      "The Information": ["《The Information》", "theinformation.com", "THE INFORMATION"]
    ])
    #expect(aliases.canonical("《The Information》") == "The Information")
    #expect(aliases.canonical("TheInformation.com") == "The Information")
    #expect(aliases.canonical("Bloomberg") == "Bloomberg")
  }

  /// A spelling under two names, or a canonical name listed as another's alias, is refused
  /// whichever way the table is walked; building it many times never picks one instead.
  @Test(arguments: [
    (["Beta": ["beta.com"], "Alpha": ["BETA"]], "Beta", ["Alpha", "Beta"]),
    (["Beta": ["beta.com"], "beta.com": ["Alpha"]], "beta.com", ["Beta", "beta.com"]),
    (["Ann": ["A. N."], "Bo": ["a. n."]], "a. n.", ["Ann", "Bo"]),
  ])
  func aSpellingOfTwoNamesIsRefused(
    table: [String: [String]], name: String, canonicals: [String]
  ) {
    for _ in 0..<20 {
      let shuffled = Dictionary(uniqueKeysWithValues: table.shuffled().map { ($0.key, $0.value) })
      #expect(throws: SourceAliases.AliasConflict(name: name, canonicals: canonicals)) {
        try SourceAliases(aliases: shuffled)
      }
    }
  }

  @Test func aSpellingRepeatedUnderOneNameIsFine() throws {
    let aliases = try SourceAliases(aliases: ["Beta": ["beta", "BETA", "beta.com"]])
    #expect(aliases.canonical("Beta.com") == "Beta")
  }

  /// `text` written as a `sources.json` of its own and loaded: the path, and the side file's
  /// error it must give.
  static func refusal(of text: String) throws -> (
    path: String, location: ClaimLedger.SourceLocation, reason: String
  ) {
    let folder = NSTemporaryDirectory() + "aliases-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let path = folder + "/sources.json"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    do {
      _ = try SourceAliases.load(path: path)
    } catch {
      if case .malformedSideFile(let location, let reason) = error {
        return (path, location, reason)
      }
      Issue.record("expected the side file's error, got \(error)")
    }
    throw CancellationError()
  }

  /// The file's error names the line of the spelling in conflict, in a file saved with CRLF
  /// line ends as an editor on Windows would.
  @Test func aConflictInTheFileNamesItsLine() throws {
    let text = """
      {
        "Alpha": ["alpha.com"],
        "Beta": [
          "beta.com/news",
          "ALPHA.COM"
        ]
      }
      """
    let (path, location, reason) = try Self.refusal(
      of: text.replacingOccurrences(of: "\n", with: "\r\n"))
    #expect(location.path == path && location.line == 5)
    #expect(reason.contains("'ALPHA.COM' stands for both 'Alpha' and 'Beta'"))
  }

  /// An empty or blank name, key or alias, would list claims under no source: an error at its
  /// line.
  @Test(arguments: [("{\n  \"\": [\"Kuo\"]\n}\n", 2), ("{\n  \"Kuo\": [\n    \" \"\n  ]\n}\n", 3)])
  func anEmptyNameIsAnError(text: String, line: Int) throws {
    let (_, location, reason) = try Self.refusal(of: text)
    #expect(location.line == line)
    #expect(reason == "a source name is empty; remove it, or write the name")
  }

  /// A link to nothing (a sync folder not mounted) is named, not taken for a ledger without
  /// aliases, whose counts would split.
  @Test func aLinkToNothingIsNamed() throws {
    let folder = NSTemporaryDirectory() + "aliases-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/sources.json", withDestinationPath: folder + "/gone/sources.json")
    #expect {
      try SourceAliases.load(path: folder + "/sources.json")
    } throws: { error in
      guard case .unreadable(_, let reason) = error as? LedgerError else { return false }
      return reason.contains("is a link to") && reason.contains("which does not exist")
    }
  }

  /// A name given twice as a key is an error at its second line, not a silent last-wins.
  @Test func aNameGivenTwiceIsAnError() throws {
    let (_, location, reason) = try Self.refusal(
      of: "{\n  \"A \\\"q\\\"\": [\"x\"],\n  \"B\": [\"A\"],\n  \"A \\\"q\\\"\": [\"y\"]\n}\n")
    #expect(location.line == 4)
    #expect(reason == #"'A "q"' is given twice; list all its spellings under one entry"#)
  }

  /// Two keys that decode to one name, by escape or by canonical equivalence, are one name
  /// given twice.
  @Test(arguments: [
    #"{"A": ["x"], "\u0041": ["y"]}"#, "{\"\u{E9}\": [\"x\"], \"e\u{301}\": [\"y\"]}",
  ])
  func keysEqualOnceDecodedAreOneName(text: String) throws {
    let (_, _, reason) = try Self.refusal(of: text)
    #expect(reason.hasSuffix("is given twice; list all its spellings under one entry"))
  }

  /// Two clones that each add an alias leave git's conflict markers in the file (only the
  /// ledger is merged by union): the first marker is named, not the JSON it breaks.
  @Test(arguments: [
    "<<<<<<< HEAD\n{\"A\": [\"a\"]}\n=======\n{\"A\": [\"b\"]}\n>>>>>>> other\n",
    "{\n  \"A\": [\n<<<<<<< HEAD\n    \"a\"\n=======\n    \"b\"\n>>>>>>> other\n  ]\n}\n",
  ])
  func aMergeConflictIsNamedAtItsMarker(text: String) throws {
    let (_, location, reason) = try Self.refusal(of: text)
    let marker = try #require(text.split(separator: "\n").firstIndex { $0.hasPrefix("<<<") })
    #expect(location.line == marker + 1)
    #expect(reason.hasPrefix("merge-conflict marker: git could not merge this file"))
  }
}
