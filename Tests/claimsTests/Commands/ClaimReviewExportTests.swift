import ClaimLedger
import Foundation
import Testing

@testable import claims

/// ClaimReview as Google's fact-check guidelines want it: a url of the page that publishes
/// each review, the organisation that wrote it, no number for a claim that cannot be judged,
/// and nothing published as settled that a merge left undecided.
@Suite struct ClaimReviewExportTests {
  static func reviews(_ stdout: String) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [[String: Any]])
  }

  /// A ledger where `abcd000001` was resolved true on one branch and false on another, a
  /// merge keeping both, and `abcd000002` resolved once.
  static func conflictingLedger() throws -> Sandbox {
    let sandbox = try Sandbox()
    let resolutions = [("abcd000001", "true"), ("abcd000001", "false"), ("abcd000002", "true")]
    let lines = resolutions.enumerated().map { step, resolution in
      JournalLine.resolve(
        resolution.0, at: "2026-07-0\(step + 2)T10:00:00.000Z", outcome: resolution.1,
        on: "2026-07-01")
    }
    try sandbox.writeLedger(
      [
        JournalLine.claim("abcd000001", text: "Merged claim"),
        JournalLine.claim("abcd000002", text: "Settled claim"),
      ] + lines)
    return sandbox
  }

  /// The options a published file needs.
  static let publishing = [
    "--site", "https://checks.example.org/claims", "--publisher", "Example Checks",
  ]

  /// Evidence that looks like a link but holds a quote or an angle bracket (which would break
  /// out of an `href` on the publishing page) is no `citation`: it goes to the review's body.
  @Test func evidenceThatIsNoSafeLinkIsNoCitation() throws {
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "Apple ships a headset", "--source", "Kuo", "--said", "2026-01-02", "--confidence", "0.6")
    let hostile = #"https://ev.example/"><script>x</script>"#
    #expect(sandbox.run(["resolve", id, "true", "--evidence", hostile]).status == .success)
    let result = sandbox.run(["export", "--format", "claimreview"] + Self.publishing)
    #expect(result.status == .success, result.report)
    let review = try #require(try Self.reviews(result.stdout).first)
    #expect(review["citation"] == nil)
    #expect((review["reviewBody"] as? String)?.contains(hostile) == true)
    #expect(!result.stdout.contains("<script>"))
  }

  /// Nor is it scored: `sources` and the scorecard count it as open, as ClaimReview leaves
  /// it out, and say why.
  @Test func aClaimWithConflictingResolutionsIsScoredAsOpen() throws {
    let sandbox = try Self.conflictingLedger()
    let sources = sandbox.run(["sources", "--json"])
    #expect(sources.status == .success, sources.report)
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(sources.stdout.utf8)) as? [[String: Any]])
    let row = try #require(rows.first)
    #expect(row["resolved"] as? Int == 1, "\(row)")
    #expect(row["open"] as? Int == 1, "\(row)")
    #expect(row["false"] as? Int == 0, "\(row)")
    #expect((row["scored"] as? Int ?? 0) <= 1, "\(row)")
    #expect(sources.stderr.contains("scored as open until a new entry settles it"), sources.report)
    let report = sandbox.run(["report", "--format", "json", "--year", "2026"])
    #expect(report.status == .success, report.report)
    #expect(report.stderr.contains("scored as open until a new entry settles it"), report.report)
  }

  @Test func aClaimWithConflictingResolutionsIsNotPublishedAsSettled() throws {
    let sandbox = try Self.conflictingLedger()
    let result = sandbox.run(["export", "--format", "claimreview"] + Self.publishing)
    #expect(result.status == .success, result.report)
    let reviews = try Self.reviews(result.stdout)
    #expect(reviews.map { $0["identifier"] as? String } == ["abcd000002"])
    #expect(
      result.stderr.contains(
        "left out 1 claim whose resolutions conflict (a merge left two), as not settled: "
          + "abcd000001"),
      result.report)
    let written = sandbox.run(
      ["export", "--format", "claimreview", "--out", "reviews.json"] + Self.publishing)
    #expect(written.stdout == "wrote 1 claim to reviews.json\n", written.report)
  }

  @Test(arguments: ["csv", "fatebook", "jsonl"])
  func otherExportsNameTheConflictingClaims(format: String) throws {
    let sandbox = try Self.conflictingLedger()
    let result = sandbox.run(["export", "--format", format])
    #expect(result.status == .success, result.report)
    #expect(result.stdout.contains("Merged claim"))
    #expect(
      result.stderr.contains(
        "1 claim with two resolutions a merge left, given with the later "
          + "one: abcd000001"), result.report)
  }

  @Test func eachVoidReasonIsNamedAndNotRated() throws {
    let sandbox = try Sandbox()
    for reason in ["retracted", "condition-failed", "duplicate"] {
      let id = try sandbox.add(
        "Claim \(reason)", "--source", "Kuo", "--said", "2026-01-02", "--confidence", "0.6")
      let resolved = sandbox.run(["resolve", id, "void", "--reason", reason, "--on", "2026-03-01"])
      try #require(resolved.status == .success, resolved.report)
    }
    let result = sandbox.run(["export", "--format", "claimreview"])
    let ratings = try Self.reviews(result.stdout).compactMap {
      $0["reviewRating"] as? [String: Any]
    }
    #expect(
      ratings.compactMap { $0["alternateName"] as? String }.sorted() == [
        "Cannot be judged (condition failed)", "Cannot be judged (duplicate)",
        "Cannot be judged (retracted)",
      ])
    #expect(ratings.allSatisfy { $0["ratingValue"] == nil && $0["worstRating"] == nil })
  }

  /// Without --site and --publisher the file is still written, and the person told what
  /// publishing it needs.
  @Test func withoutASiteTheNotesSayWhatPublishingNeeds() throws {
    let sandbox = try ExportFormatTests.settledLedger()
    let result = sandbox.run(["export", "--format", "claimreview"])
    #expect(result.status == .success, result.report)
    #expect(result.stderr.contains("--site URL gives it (each review's url is URL#ID)"))
    #expect(result.stderr.contains("--publisher NAME names the fact-checking organisation"))
    #expect(try Self.reviews(result.stdout).allSatisfy { $0["url"] == nil && $0["author"] == nil })
  }

  static let usageErrors: [([String], String)] = [
    (["--status", "open"], "claimreview covers resolved claims only"),
    (["--status", "proposed"], "claimreview covers resolved claims only"),
    (["--site", "ftp://checks.example.org"], "--site: 'ftp://checks.example.org' is not an http"),
    (["--site", "https://checks.example.org/#x"], "has a '#' part"),
    (["--publisher", " "], "--publisher is empty"),
  ]

  @Test(arguments: usageErrors)
  func optionsThatCannotGiveAReviewAreUsageErrors(options: [String], words: String) throws {
    let sandbox = try ExportFormatTests.settledLedger()
    let result = sandbox.run(["export", "--format", "claimreview"] + options)
    #expect(result.status == .usage, result.report)
    #expect(result.stderr.contains(words), result.report)
    #expect(result.stdout.isEmpty)
  }

  @Test(arguments: ["--site", "--publisher"])
  func theReviewOptionsGoWithClaimReviewOnly(option: String) throws {
    let sandbox = try ExportFormatTests.settledLedger()
    let result = sandbox.run(["export", "--format", "csv", option, "https://x.org"])
    #expect(result.status == .usage, result.report)
    #expect(result.stderr.contains("\(option) goes with --format claimreview"), result.report)
  }

  @Test func resolvedIsTheOneStatusClaimReviewTakes() throws {
    let sandbox = try ExportFormatTests.settledLedger()
    let result = sandbox.run(["export", "--format", "claimreview", "--status", "resolved"])
    #expect(result.status == .success, result.report)
    #expect(try Self.reviews(result.stdout).count == 4)
  }
}
