import ClaimLedger
import ClaimReports
import Foundation
import Testing

/// A source name built to break every format at once.
let hostileName = "<script>alert(1)</script> \"Q\", 新智元\nline two | pipe"

@Suite struct RendererSafetyTests {
  static func hostileCard() throws -> Scorecard {
    var specs: [ClaimSpec] = (0..<5).map { index in
      ClaimSpec(
        text: "<b>claim</b> \(index) | 收购", source: hostileName, confidence: 0.8,
        outcome: index < 4 ? .true : .false, evidence: "javascript:alert(2)",
        quote: "“quote” <img src=x onerror=alert(3)> \(index)", hedge: "很可能")
    }
    specs.append(.init(text: "=cmd|' /C calc'!A0", source: "=HYPERLINK(\"x\")", outcome: .false))
    specs.append(.init(text: "open <i>", source: hostileName, deadline: "2027-01-01"))
    return try TestLedger.card(specs, TestLedger.builder(minResolved: 5))
  }

  @Test func jsonParsesBackToTheSameNames() throws {
    let text = JSONRenderer().render(try RendererSafetyTests.hostileCard())
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    let top = try #require(object as? [String: Any])
    let sources = try #require(top["sources"] as? [[String: Any]])
    #expect(sources.first?["source"] as? String == hostileName)
    #expect(text.contains("新智元"))
    #expect(!text.contains("\\u"))
    let best = try #require(top["best_calls"] as? [[String: Any]])
    #expect(best.first?["evidence"] as? String == "javascript:alert(2)")
  }

  @Test func csvParsesBackToTheSameCells() throws {
    let text = CSVRenderer().render(try RendererSafetyTests.hostileCard())
    let rows = CSVParsing.rows(text)
    #expect(rows.count == 3)
    #expect(rows[1][0] == hostileName)
    // A formula-looking name is neutralised; the negative skill next to it stays a number.
    #expect(rows[2][0] == "'=HYPERLINK(\"x\")")
    let skill = try #require(rows[0].firstIndex(of: "brier_skill"))
    // One false claim at 70 %: Brier 0.49, skill 1 − 0.49 / 0.25 = −0.96.
    #expect(rows[2][skill] == "-0.9600")
    #expect(rows.allSatisfy { $0.count == rows[0].count })
  }

  @Test func markdownHasNoRawHTMLAndNoBrokenTable() throws {
    let text = MarkdownRenderer().render(try RendererSafetyTests.hostileCard())
    #expect(!text.contains("<script"))
    #expect(!text.contains("<img"))
    #expect(!text.contains("<b>"))
    #expect(text.contains("&lt;script&gt;"))
    for line in text.split(separator: "\n") where line.hasPrefix("|") {
      #expect(line.hasSuffix("|"), "a table line ends its last cell: \(line)")
    }
    #expect(!text.contains("\nline two"))
  }

  @Test func htmlEscapesEveryLedgerString() throws {
    let text = HTMLRenderer().render(try RendererSafetyTests.hostileCard())
    #expect(!text.contains("<script"))
    #expect(!text.contains("<img"))
    #expect(!text.contains("<b>claim"))
    #expect(!text.contains("href=\"javascript"))
    #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(text.contains("新智元"))
  }

  @Test func everyRendererGivesTheSameBytesTwice() throws {
    let card = try RendererSafetyTests.hostileCard()
    let again = try RendererSafetyTests.hostileCard()
    #expect(JSONRenderer().render(card) == JSONRenderer().render(again))
    #expect(CSVRenderer().render(card) == CSVRenderer().render(again))
    #expect(MarkdownRenderer().render(card) == MarkdownRenderer().render(again))
    #expect(HTMLRenderer().render(card) == HTMLRenderer().render(again))
  }
}

/// A strict RFC 4180 reader for checking the CSV renderer's output.
enum CSVParsing {
  static func rows(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var cell = ""
    var isQuoted = false
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      if isQuoted {
        if scalar == "\"" {
          if scalars.first == "\"" {
            cell.unicodeScalars.append("\"")
            scalars.removeFirst()
          } else {
            isQuoted = false
          }
        } else {
          cell.unicodeScalars.append(scalar)
        }
      } else if scalar == "\"" {
        isQuoted = true
      } else if scalar == "," {
        row.append(cell)
        cell = ""
      } else if scalar == "\r", scalars.first == "\n" {
        scalars.removeFirst()
        row.append(cell)
        rows.append(row)
        row = []
        cell = ""
      } else {
        cell.unicodeScalars.append(scalar)
      }
    }
    return rows
  }
}
