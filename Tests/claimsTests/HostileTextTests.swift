import ClaimLedger
import Foundation
import Testing

@testable import claims

/// Claims whose text, source, quote and evidence were written to break every output format,
/// recorded through the command line and rendered by `report` and `export`.
@Suite struct HostileTextTests {
  static let texts = [
    "<script>alert(1)</script> will win", "</style><img src=x onerror=alert(1)> will rise",
    "\"><svg onload=alert(1)> 'quoted' & more will ship", "=cmd|' /C calc'!A0 will pay",
    "+1 | pipe | breaks [x](javascript:alert(1)) `code` will fall",
    "right\u{202E}txt.exe to left will close", "@SUM(1) line\u{2028}separator will open",
  ]
  static let sources = ["<b>Src</b> | A", "=HYPERLINK(\"http://x\")", "\u{202E}Evil\u{202C} News"]
  static let evidence = [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "\tjavascript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "https://example.com/ok?a=1&b=\"2\"",
    "http://example.com/</style>", "vbscript:msgbox(1)",
  ]

  /// A ledger with every hostile string, each claim resolved with one hostile piece of evidence.
  static func hostileLedger() throws -> Sandbox {
    let sandbox = try Sandbox()
    for (index, text) in texts.enumerated() {
      let id = try sandbox.add(
        text, "--source", sources[index % sources.count], "--said", "2026-01-0\(index + 1)",
        "--by", "2026-06-30", "--confidence", "0.8", "--quote", "<i>\(text)</i>", "--url",
        "https://example.com/\(index)")
      let result = sandbox.run([
        "resolve", id, index % 2 == 0 ? "true" : "false", "--on", "2026-07-01", "--evidence",
        evidence[index],
      ])
      try #require(result.status == .success, result.report)
    }
    return sandbox
  }

  /// Control characters written into a ledger line as JSON escapes (by hand, or by a merge
  /// from elsewhere: the commands refuse them on the way in) never reach the terminal raw, and
  /// `check` names them.
  @Test func escapedControlCharactersNeverReachTheTerminal() throws {
    let sandbox = try Sandbox()
    try sandbox.writeLedger([
      #"{"entry":"claim","id":"abcd000001","at":"2026-07-01T10:00:00.000Z","text":"Clear\u001b[2J\u001b]0;pwned\u0007 it","quote":"bell\u0007","source":"Src\u009b31m","said":"2026-01-21","deadline":"2026-03-31","confidence":0.7,"tags":[],"status":"open"}"#
    ])
    let terminal = Terminal(isInteractive: true, usesColour: false, width: 80)
    for arguments in [["list"], ["show", "abcd"], ["due"], ["sources"]] {
      let result = sandbox.run(arguments, terminal: terminal)
      #expect(result.status == .success, result.report)
      #expect(!result.stdout.isEmpty)
      let hidden = result.stdout.unicodeScalars.filter {
        $0.properties.generalCategory == .control && $0 != "\n"
      }
      #expect(hidden.isEmpty, "\(arguments): \(hidden.map(\.value))")
    }
    let check = sandbox.run(["check"])
    #expect(check.status == .success, check.report)
    #expect(
      check.stdout.contains(
        "warning: claim abcd000001 has the control character U+1B in its text, which a "
          + "terminal would act on and an import refuses; amend it"),
      check.report)
  }

  /// A direction override in a text or source shows as its code point on the terminal, as in
  /// the reports: raw, a terminal that lays text out both ways would reorder the row by it.
  @Test func directionOverridesShowAsTheirCodePoints() throws {
    let sandbox = try Self.hostileLedger()
    let terminal = Terminal(isInteractive: true, usesColour: false, width: 200)
    let id = try #require(sandbox.run(["list", "--json"]).stdout.firstMatch(of: /[0-9a-f]{10}/))
    for arguments in [["list"], ["show", String(id.output)], ["sources"], ["list", "--overdue"]] {
      let result = sandbox.run(arguments, terminal: terminal)
      #expect(result.status == .success, result.report)
      let overrides = result.stdout.unicodeScalars.filter {
        (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
      }
      #expect(overrides.isEmpty, "\(arguments): \(result.stdout)")
    }
    let listed = sandbox.run(["list"], terminal: terminal).stdout
    #expect(listed.contains("right[U+202E]txt.exe to left will close"), "\(listed)")
    // Piped, the table cuts nothing: the column is as wide as the code points shown.
    let piped = sandbox.run(["list"]).stdout
    #expect(piped.contains("right[U+202E]txt.exe to left will close"), "\(piped)")
    #expect(piped.contains("[U+202E]Evil[U+202C] News"), "\(piped)")
    #expect(listed.contains("[U+202E]Evil[U+202C]"), "\(listed)")
  }

  static func report(_ sandbox: Sandbox, _ format: String) throws -> String {
    let result = sandbox.run(["report", "--year", "2026", "--format", format])
    try #require(result.status == .success, result.report)
    return try #require(sandbox.contents(of: "Reports/scorecard-2026.\(format)"))
  }

  @Test func htmlRunsNothingAndLinksOnlyHTTP() throws {
    let html = try Self.report(try Self.hostileLedger(), "html")
    let lowered = html.lowercased()
    #expect(lowered.components(separatedBy: "<script").count == 1)
    #expect(lowered.components(separatedBy: "<style").count == 2)
    #expect(lowered.components(separatedBy: "</style").count == 2)
    for payload in ["<img src", "<svg onload", "<b>src", "<i><script", "<i>right", "</style><img"] {
      #expect(!lowered.contains(payload), "raw \(payload) in the HTML")
    }
    let hrefs = html.matches(of: /href="([^"]*)"/).map { String($0.output.1) }
    #expect(!hrefs.isEmpty)
    for href in hrefs {
      #expect(href.hasPrefix("https://") || href.hasPrefix("http://"), "href=\(href)")
    }
    #expect(!html.contains("\u{202E}"), "a right-to-left override reached the page")
    #expect(html.contains("[U+202E]"))
  }

  @Test func markdownKeepsItsTablesAndHasNoLiveMarkup() throws {
    let markdown = try Self.report(try Self.hostileLedger(), "md")
    #expect(!markdown.contains("<"), "raw < in the Markdown")
    // An escaped bracket (`\]`) cannot close a link; an unescaped one must never appear.
    #expect(!markdown.replacingOccurrences(of: "\\]", with: "").contains("](javascript"))
    #expect(markdown.contains("\\](javascript"))
    #expect(!markdown.contains("\u{202E}"))
    var columns: Int?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      guard line.hasPrefix("|") else {
        columns = nil
        continue
      }
      let count = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
      if let columns { #expect(count == columns, "a row with another column count: \(line)") }
      columns = count
    }
  }

  @Test func csvNeutralisesFormulasAndQuotesEveryBreaker() throws {
    let sandbox = try Self.hostileLedger()
    for text in [
      try Self.report(sandbox, "csv"), sandbox.run(["export", "--format", "csv"]).stdout,
    ] {
      let rows = try CSVReader.rows(Array(text.utf8)).map(\.cells)
      #expect(rows.count > 1)
      #expect(rows.allSatisfy { $0.count == rows[0].count }, "a row with another cell count")
      for cell in rows.joined() {
        if let first = cell.unicodeScalars.first {
          #expect(!"=+-@\t\r".unicodeScalars.contains(first) || Double(cell) != nil, "\(cell)")
        }
      }
    }
    let export = try CSVReader.rows(Array(sandbox.run(["export", "--format", "csv"]).stdout.utf8))
      .map(\.cells)
    let texts = export.dropFirst().map { $0[1] }
    #expect(Set(texts).contains("'=cmd|' /C calc'!A0 will pay"))
    #expect(Set(texts).contains("right\u{202E}txt.exe to left will close"))
    #expect(Set(texts).contains("'@SUM(1) line\u{2028}separator will open"))
  }

  @Test func jsonAndJSONLinesParseBackToTheSameText() throws {
    let sandbox = try Self.hostileLedger()
    let report = try Self.report(sandbox, "json")
    #expect(try JSONSerialization.jsonObject(with: Data(report.utf8)) is [String: Any])
    let lines = sandbox.run(["export", "--format", "jsonl"]).stdout.split(separator: "\n")
    let decoded = try lines.map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(Set(decoded.compactMap { $0["text"] as? String }) == Set(Self.texts))
    let evidence = Self.evidence.prefix(Self.texts.count).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    #expect(Set(decoded.compactMap { $0["evidence"] as? String }) == Set(evidence))
  }

  @Test func claimReviewCitesOnlyHTTPEvidence() throws {
    let sandbox = try Self.hostileLedger()
    let text = sandbox.run(["export", "--format", "claimreview"]).stdout
    let reviews = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    #expect(reviews.count == Self.texts.count)
    let cited = reviews.compactMap { ($0["citation"] as? [String: Any])?["url"] as? String }
    for url in cited {
      #expect(url.hasPrefix("https://") || url.hasPrefix("http://"), "url \(url)")
    }
    // The two http pieces hold a quote and an angle bracket, which would break out of an
    // `href`: no link `add --url` takes, so they are body text, not citations.
    #expect(cited.isEmpty)
    let bodies = reviews.compactMap { $0["reviewBody"] as? String }
    #expect(bodies.contains { $0.contains("https://example.com/ok?a=1&b=\"2\"") })
    #expect(bodies.contains { $0.contains("http://example.com/</style>") })
    // Without --site a review has no url of its own, and the evidence is never taken for one.
    #expect(reviews.allSatisfy { $0["url"] == nil })
  }
}
