import ClaimLedger
import Foundation
import Testing

@testable import ClaimReports

/// One table of a page as its cells' classes: the header's, then each row's.
struct TableClasses {
  let header: [Set<String>]
  let rows: [[Set<String>]]

  /// The classes that hide a column on some screens.
  static let hiding: Set<String> = ["mid", "wide"]

  /// Every `<table>` of `html`, in order.
  static func all(in html: String) -> [TableClasses] {
    html.components(separatedBy: "<table>").dropFirst().map { chunk in
      let table = chunk.components(separatedBy: "</table>")[0]
      let parts = table.components(separatedBy: "</thead>")
      return TableClasses(
        header: classes(of: "th", in: parts[0]),
        rows: parts.count > 1
          ? parts[1].components(separatedBy: "</tr>").dropLast().map { classes(of: "td", in: $0) }
          : [])
    }
  }

  private static func classes(of tag: String, in text: String) -> [Set<String>] {
    // "<th" also starts "<thead"; a cell goes on with ">" or " class".
    text.components(separatedBy: "<\(tag)").dropFirst().filter {
      $0.hasPrefix(">") || $0.hasPrefix(" ")
    }.map { cell in
      guard cell.hasPrefix(" class=\""), let end = cell.dropFirst(8).firstIndex(of: "\"") else {
        return []
      }
      return Set(cell.dropFirst(8)[..<end].split(separator: " ").map(String.init))
    }
  }

  /// The header's titles, hidden or not, for finding a column.
  static func titles(in html: String, table index: Int) -> [String] {
    let chunk = html.components(separatedBy: "<table>")[index + 1]
    let head = chunk.components(separatedBy: "</thead>")[0]
    return head.components(separatedBy: "<th").dropFirst().filter { !$0.hasPrefix("ead") }.map {
      cell in
      let text = cell.drop { $0 != ">" }.dropFirst()
      return String(text.prefix { $0 != "<" })
    }
  }
}

/// The style sheet's block for one media query, e.g. "@media print{".
func mediaBlock(_ opening: String) throws -> String {
  let css = HTMLStyle.css
  let start = try #require(css.range(of: opening)).upperBound
  let end = try #require(css.range(of: "\n}", range: start..<css.endIndex)).lowerBound
  return String(css[start..<end])
}

@Suite struct HTMLLayoutTests {
  /// Long names wrap anywhere (break-word would not let the column shrink), figures of
  /// several words wrap between them, and headers of numbers may wrap.
  @Test func longNamesAndFiguresWrapSoColumnsCanShrink() throws {
    let css = HTMLStyle.css
    #expect(css.contains(".name{font-weight:600;overflow-wrap:anywhere;"))
    #expect(!css.contains("break-word"))
    #expect(css.contains("th.num,.split{white-space:normal}"))
    #expect(css.contains(".nw{white-space:nowrap}"))
    let html = HTMLRenderer().render(try ScorecardBuilderTests.card())
    // Bob's accuracy, "50% (9–91%)", may wrap before its interval but not inside it.
    #expect(
      html.contains(
        "<td class=\"num split\"><span class=\"nw\">50%</span> <span class=\"nw\">(9–91%)</span></td>"
      ))
    #expect(html.contains("<td class=\"nw\">70%–80%</td>"))
  }

  /// On a phone the leaderboard keeps rank, name, scored, accuracy with its interval and
  /// Brier; narrower screens leave out the other columns, and print shows them all.
  @Test func theLeaderboardsKeyFiguresAreNeverHidden() throws {
    let html = HTMLRenderer().render(try ScorecardBuilderTests.card())
    let titles = TableClasses.titles(in: html, table: 0)
    #expect(titles.first == "#" && titles.contains("True early"))
    let header = try #require(TableClasses.all(in: html).first).header
    let hidden = Dictionary(
      uniqueKeysWithValues: zip(titles, header.map { $0.intersection(TableClasses.hiding) }))
    for key in ["#", "Source", "Scored", "Accuracy, 95% interval", "Brier"] {
      #expect(hidden[key] == [], "\(key) is always shown")
    }
    #expect(hidden["Skill"] == ["mid"] && hidden["Shrunk"] == ["mid"])
    #expect(hidden["Boldness"] == ["wide"] && hidden["True early"] == ["wide"])
    #expect(try mediaBlock("@media (max-width:640px){").contains(".mid{display:none}"))
    #expect(try mediaBlock("@media (max-width:1000px){").contains(".wide{display:none}"))
    #expect(try mediaBlock("@media print{").contains(".wide,.mid{display:table-cell}"))
  }

  /// Every table of a full page: each row has a cell per header cell, hidden with it, and a
  /// phone shows at most six columns of any table.
  @Test func everyTableHidesWholeColumnsAndFitsAPhone() throws {
    let cards = [try ScorecardBuilderTests.card(), try HedgeInsightTests.card()]
    for card in cards {
      let tables = TableClasses.all(in: HTMLRenderer().render(card))
      #expect(tables.count >= 6)
      for table in tables {
        let hiding = table.header.map { $0.intersection(TableClasses.hiding) }
        #expect(hiding.filter(\.isEmpty).count <= 6)
        for row in table.rows {
          #expect(row.map { $0.intersection(TableClasses.hiding) } == hiding)
        }
      }
    }
  }

  /// Print keeps each heading with what follows it and figures whole, and unfolds the
  /// by-year table that the screen folds away.
  @Test func printUnfoldsTheYearTableAndKeepsHeadingsWithCharts() throws {
    let print = try mediaBlock("@media print{")
    #expect(print.contains("details::details-content{content-visibility:visible;display:block}"))
    #expect(print.contains("h2,h3,.note,summary{break-after:avoid}"))
    #expect(print.contains(".call,.multiple,figure,.calibration,tr{break-inside:avoid}"))
    let html = HTMLRenderer().render(try ScorecardBuilderTests.card())
    #expect(html.contains("<details class=\"figures\">\n<summary>Figures by year</summary>"))
  }

  /// With nothing scored the section on the years stays, says why there is no chart and
  /// shows its table unfolded, as the Markdown does; with no claims both say so.
  @Test func theYearsSectionIsKeptWhenNothingIsScored() throws {
    let specs: [ClaimSpec] = [.init(text: "open one", deadline: "2026-12-31")]
    let open = try TestLedger.card(specs, TestLedger.builder())
    #expect(open.totals.figures.scored == 0 && !open.byYear.isEmpty)
    let html = HTMLRenderer().render(open)
    #expect(html.contains("<h2>Accuracy over the years</h2>\n<p class=\"note\">Nothing is scored"))
    #expect(html.contains("<td class=\"name\">Alice</td><td class=\"num\">2026</td>"))
    #expect(!html.contains("<details"))
    #expect(MarkdownRenderer().render(open).contains("## Accuracy over the years\n"))
    let empty = try TestLedger.card([], TestLedger.builder())
    let line = "No claims fall in this scorecard yet."
    #expect(
      HTMLRenderer().render(empty).contains(
        "Accuracy over the years</h2>\n<p class=\"note\">\(line)"))
    #expect(MarkdownRenderer().render(empty).contains("## Accuracy over the years\n\n\(line)\n"))
  }
}
