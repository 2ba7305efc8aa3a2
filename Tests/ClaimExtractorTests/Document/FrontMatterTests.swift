import ClaimExtractor
import ClaimLedger
import Testing

/// Front matter the strict reader refuses, and the line and reason it must report.
struct MalformedFrontMatterCase: Sendable, CustomTestStringConvertible {
  let name: String
  let text: String
  let line: Int
  let reason: String
  var testDescription: String { name }
}

@Suite struct FrontMatterTests {
  static let article = """
    ---
    # written by hand
    title: 'It''s the year of "agents"'
    date: '2026-01-21'
    author: Lin Qiao
    speaker: ''
    source: https://video.example.com/watch?v=abc
    summary: "A line with \\"quotes\\" and a colon: fine when quoted"
    draft: true
    people: []
    companies_orgs:
      - 星河科技
      - Northwind
    products_models: [Falcon, 'Nova 2', "Orbit"]
    entities:
    - Northwind
    - 云帆
    tags:
      - ai
      - chips  # a trailing comment
    ---
    正文第一段。
    """

  @Test func readsTheMappedFields() throws {
    let metadata = try readDocument(Self.article).metadata
    #expect(metadata.title == "It's the year of \"agents\"")
    #expect(metadata.published == day(2026, 1, 21))
    #expect(metadata.author == "Lin Qiao")
    #expect(metadata.speaker == nil)
    #expect(metadata.url == "https://video.example.com/watch?v=abc")
    #expect(metadata.source == nil)
    #expect(metadata.entities == ["星河科技", "Northwind", "Falcon", "Nova 2", "Orbit", "云帆"])
    #expect(metadata.tags == ["ai", "chips"])
  }

  @Test func bodyLinesKeepTheirNumbersInTheFile() throws {
    let line = try readDocument(Self.article).sections[0].lines[0]
    #expect(line == TextLine(text: "正文第一段。", line: 22))
  }

  @Test func sourceThatIsANameIsTheSource() throws {
    let metadata = try readDocument("---\nsource: 财经周刊\nlink: https://a.example/p\n---\nx").metadata
    #expect(metadata.source == "财经周刊")
    #expect(metadata.url == "https://a.example/p")
  }

  @Test(arguments: [
    ("date: 2026-03-04", day(2026, 3, 4)),
    ("date: \"2026-03-04T09:30:00Z\"", day(2026, 3, 4)),
    ("date: 2026-03-04 09:30", day(2026, 3, 4)),
    ("published: 2025-12-31", day(2025, 12, 31)),
    ("date: ''", nil),
  ])
  func readsThePublicationDay(_ line: String, _ expected: Day?) throws {
    #expect(try readDocument("---\n\(line)\n---\nbody").metadata.published == expected)
  }

  @Test func emptyAuthorIsNoAuthor() throws {
    #expect(try readDocument("---\nauthor:\nspeaker: \"\"\n---\nx").metadata.author == nil)
  }

  @Test func frontMatterOnlyGivesOneEmptySection() throws {
    let document = try readDocument("---\ntitle: T\n---\n")
    #expect(document.sections == [DocumentSection()])
  }

  @Test func unclosedFrontMatterPointsAtLineOne() {
    let expected = ExtractionError.unterminatedFrontMatter(
      at: SourceLocation(path: "a.md", line: 1))
    #expect(throws: expected) { try readDocument("---\ntitle: T\n\nbody text") }
  }

  static let malformed: [MalformedFrontMatterCase] = [
    .init(
      name: "nested mapping", text: "title: T\nmeta:\n  owner: me", line: 4,
      reason: "nested mappings are not supported"),
    .init(
      name: "tab indent", text: "tags:\n\t- a", line: 3, reason: "tabs cannot indent front matter"),
    .init(name: "no colon", text: "title T", line: 2, reason: "expected 'key: value'"),
    .init(
      name: "duplicate key", text: "title: A\n\ntitle: B", line: 4, reason: "duplicate key 'title'"),
    .init(
      name: "item without key", text: "- a", line: 2,
      reason: "a list item must follow a key with no value"),
    .init(
      name: "unclosed quote", text: "title: 'open", line: 2, reason: "unterminated quoted value"),
    .init(
      name: "text after quote", text: "title: \"a\" b", line: 2,
      reason: "unexpected text after the value"),
    .init(name: "bad escape", text: "title: \"a\\qb\"", line: 2, reason: "unknown escape '\\q'"),
    .init(
      name: "unclosed list", text: "tags: [a, b", line: 2,
      reason: "unclosed list; expected ',' or ']'"),
    .init(
      name: "nested list", text: "tags: [a, [b]]", line: 2, reason: "nested lists are not supported"
    ),
    .init(
      name: "inline mapping", text: "meta: {a: 1}", line: 2,
      reason: "inline mappings are not supported"),
    .init(
      name: "block scalar", text: "summary: |\n  text", line: 2,
      reason: "block scalars are not supported"),
    .init(
      name: "plain colon", text: "title: Part one: the end", line: 2,
      reason: "a value containing ': ' must be quoted"),
    .init(
      name: "continued value", text: "title: one\n  two", line: 3,
      reason: "a value cannot continue on the next line"),
    .init(
      name: "list for a text key", text: "title: [a, b]", line: 2,
      reason: "'title' must be one value"),
    .init(
      name: "not a date", text: "# note\ndate: soon", line: 3,
      reason: "'date' is not a date such as 2026-01-31"),
  ]

  @Test(arguments: malformed)
  func strictReaderNamesTheLineAndTheReason(_ c: MalformedFrontMatterCase) {
    let expected = ExtractionError.malformedFrontMatter(
      at: SourceLocation(path: "a.md", line: c.line), reason: c.reason)
    #expect(throws: expected) { try readDocument("---\n\(c.text)\n---\nbody") }
  }
}
