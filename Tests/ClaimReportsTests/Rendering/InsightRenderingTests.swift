import ClaimLedger
import ClaimReports
import Foundation
import Testing

/// The hedge, sensitivity and checkability sections in every format, on the ledger of
/// `HedgeInsightTests` (figures worked out there).
@Suite struct InsightRenderingTests {
  @Test func markdownShowsTheWordsTheirSensitivityAndSpecificity() throws {
    let text = MarkdownRenderer().render(try HedgeInsightTests.card())
    #expect(text.contains("## What the words meant"))
    // Carol's will: 0 of 4, Wilson 0–49 %, the table's 85 % outside it.
    #expect(text.contains("| Carol | will | 4 | 0% (0–49%) | 85% | 75%–95% | ✱ |"))
    #expect(text.contains("## The words across all sources"))
    #expect(text.contains("| 大概率 | 5 | 70% (30–93%) | 75% | 65%–85% |  |  |"))
    // Wilson at 3.5 of 5: (1.08416 − 0.55581) / 1.76832 = 0.299 → 30 %.
    // Eve: Brier 0.229 / 0.256 / 0.3035, skill +0.08 / −0.02 / −0.21, rank 2 / 2 / 3.
    #expect(
      text.contains(
        "| Eve | 3 | 0.229 / 0.256 / 0.303 | +0.08 / −0.02 / −0.21 | 2 / 2 / 3 | rank, skill |"))
    // Bob's first is 0.35² = 0.1225 on paper, a half rounded up, though floating point makes
    // it 0.12249999…
    #expect(
      text.contains("| Bob | 2 | 0.123 / 0.063 / 0.023 | +0.51 / +0.75 / +0.91 | 1 / 1 / 1 |  |"))
    // Alice: 7 claims, specificity 0.75 each (digit, no condition, a deadline), one 可能 in
    // seven; accuracy 3.5 of 6.
    #expect(text.contains("| Alice | 7 | 75% | 14% | 0% | 58% (24–86%) |"))
  }

  @Test func htmlHasTheSameSectionsAsTables() throws {
    let text = HTMLRenderer().render(try HedgeInsightTests.card())
    #expect(text.contains("<h2>What the words meant</h2>"))
    #expect(text.contains("<h2>Hedge sensitivity</h2>"))
    #expect(text.contains("<h2>How checkable the claims are</h2>"))
    #expect(text.contains("<td class=\"name\">Eve</td><td class=\"num\">3</td>"))
  }

  @Test func jsonCarriesTheReadingsAndTheFlips() throws {
    let text = JSONRenderer().render(try HedgeInsightTests.card())
    let top = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let readings = try #require(top["hedge_readings"] as? [[String: Any]])
    #expect(readings.count == 5)
    #expect(readings.last?["source"] as? String == "Carol")
    #expect(readings.last?["happened_high"] as? Double == 0.4899)
    let table = try #require(top["hedge_words"] as? [[String: Any]])
    #expect(table.map { $0["word"] as? String } == ["will", "大概率", "不会"])
    #expect(table.allSatisfy { $0["source"] == nil })
    let sensitivity = try #require(top["sensitivity"] as? [[String: Any]])
    let eve = try #require(sensitivity.first { $0["source"] as? String == "Eve" })
    #expect(eve["brier_rank_high"] as? Int == 3 && eve["brier_rank"] as? Int == 2)
    #expect(eve["rank_flips"] as? Bool == true && eve["skill_flips"] as? Bool == true)
    let sources = try #require(top["sources"] as? [[String: Any]])
    let alice = try #require(sources.first { $0["source"] as? String == "Alice" })
    #expect(alice["low_information_share"] as? Double == 0.1429)
    #expect(alice["specificity"] as? Double == 0.75)
  }

  @Test func csvEndsEachRowWithLowInformationShareSpecificityAndEchoes() throws {
    let rows = CSVParsing.rows(CSVRenderer().render(try HedgeInsightTests.card()))
    #expect(
      rows[0].suffix(4) == ["low_information_share", "specificity", "echoes", "echoed_originals"])
    let alice = try #require(rows.first { $0.first == "Alice" })
    #expect(alice.suffix(4) == ["0.1429", "0.7500", "0", "0"])
    let echoes = CSVParsing.rows(
      CSVRenderer().render(try EchoClustersTests.card(countingEchoes: false)))
    #expect(echoes.first { $0.first == "Bloomberg" }?.suffix(2) == ["1", "0"])
    #expect(echoes.first { $0.first == "The Information" }?.suffix(2) == ["0", "1"])
  }

  @Test func hostileNamesInTheNewSectionsAreEscaped() throws {
    let card = try RendererSafetyTests.hostileCard()
    #expect(card.hedgeReadings.first?.name == hostileName)
    let markdown = MarkdownRenderer().render(card)
    #expect(
      markdown.contains(
        "| &lt;script&gt;alert(1)&lt;/script&gt; \"Q\", 新智元 line two \\| pipe | 很可能 | 5 |"))
    let html = HTMLRenderer().render(card)
    #expect(
      html.contains(
        "<td class=\"name\">&lt;script&gt;alert(1)&lt;/script&gt; &quot;Q&quot;, 新智元\nline two | pipe</td><td class=\"nw\">很可能</td>"
      ))
  }
}
