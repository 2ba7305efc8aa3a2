import ClaimLedger
import Testing

@testable import ClaimExtractor

/// A malformed lexicon file, the line its problem is on and the reason given.
struct LexiconErrorCase: Sendable, CustomTestStringConvertible {
  let name: String
  let json: String
  let line: Int
  let reason: String
  var testDescription: String { name }
}

@Suite struct LexiconJSONTests {
  static let path = "Claims/lexicon.json"

  @Test func readsNamesAndHedges() throws {
    let json = """
      {
        "names": {"Acme Robotics": ["艾克米", "艾克米機器人"], "Nvidia": ["老黄家"]},
        "hedges": {"八九不离十": 0.85, "悬": 0.2}
      }
      """
    let lexicon = try Lexicon.parse(json: Array(json.utf8), path: Self.path)
    #expect(lexicon.canonicalName(for: "艾克米機器人") == "Acme Robotics")
    #expect(lexicon.canonicalName(for: "Acme Robotics") == "Acme Robotics")
    #expect(lexicon.canonicalName(for: "老黄家") == "Nvidia")
    #expect(lexicon.hedges == ["八九不离十": 0.85, "悬": 0.2])
  }

  @Test func readsEscapesAndAnEmptyObject() throws {
    let escaped = #"{"names": {"Caf\u00e9 Co": ["\ud83d\ude80Rocket", "A\"B"]}}"#
    let lexicon = try Lexicon.parse(json: Array(escaped.utf8), path: Self.path)
    #expect(lexicon.canonicalName(for: "🚀Rocket") == "Café Co")
    #expect(lexicon.canonicalName(for: "A\"B") == "Café Co")
    #expect(try Lexicon.parse(json: Array("{}".utf8), path: Self.path).names.isEmpty)
  }

  static let errors: [LexiconErrorCase] = [
    .init(
      name: "unknown key", json: "{\n  \"names\": {},\n  \"aliases\": {}\n}", line: 3,
      reason: "unknown key 'aliases'; the lexicon has 'names' and 'hedges'"),
    .init(
      name: "aliases not a list", json: "{\"names\": {\n  \"Acme\": \"艾克米\"\n}}", line: 2,
      reason: "expected a list of aliases for 'Acme'"),
    .init(
      name: "alias not a string", json: "{\"names\": {\"Acme\": [\n  \"艾克米\",\n  42]}}",
      line: 3, reason: "the aliases of 'Acme' must be strings"),
    .init(
      name: "empty name", json: "{\"names\": {\n\n  \"\": []}}", line: 3,
      reason: "a name is empty"),
    .init(
      name: "empty alias", json: "{\"names\": {\"Acme\": [\n  \" \"]}}", line: 2,
      reason: "a name is empty"),
    .init(
      name: "hedge above one", json: "{\"hedges\": {\n  \"稳了\": 1.5\n}}", line: 2,
      reason: "the hedge '稳了' must be a number from 0 to 1"),
    .init(
      name: "hedge as text", json: "{\"hedges\": {\"稳了\": \"0.9\"}}", line: 1,
      reason: "the hedge '稳了' must be a number from 0 to 1"),
    .init(
      name: "duplicate key", json: "{\"names\": {\n  \"Acme\": [],\n  \"Acme\": []\n}}",
      line: 3, reason: "duplicate key 'Acme'"),
    .init(
      name: "alias of two names",
      json: "{\"names\": {\n  \"Acme\": [\"AC\"],\n  \"Apex\": [\"AC\"]\n}}", line: 3,
      reason: "'AC' is already a name of 'Acme'"),
    .init(
      name: "names not an object", json: "{\n  \"names\": [\"Acme\"]\n}", line: 2,
      reason: "expected an object for 'names'"),
    .init(
      name: "missing comma", json: "{\"names\": {}\n \"hedges\": {}}", line: 2,
      reason: "expected ',' or '}'"),
    .init(
      name: "not json", json: "names: Acme", line: 1, reason: "expected an object for the lexicon"),
    .init(
      name: "trailing text", json: "{}\n{}", line: 2, reason: "unexpected text after the lexicon"),
    .init(
      name: "unclosed string", json: "{\"names\": {\"Acme\": [\"AC\n\"]}}", line: 1,
      reason: "a string is not closed on its line"),
    .init(
      name: "one-byte name", json: "{\"names\": {\"X\": []}}", line: 1,
      reason: "'X' is too short; a name needs two bytes or more"),
    // What Foundation's parser would take: a comma before a closing bracket.
    .init(
      name: "comma before a brace", json: "{\"names\": {\"Acme\": []},\n}", line: 2,
      reason: "a comma before a closing bracket"),
    .init(
      name: "comma before a bracket", json: "{\"names\": {\"Acme\": [\"AC\",\n]}}", line: 2,
      reason: "a comma before a closing bracket"),
  ]

  /// A byte order mark at the start, which JSON lets a reader ignore, is ignored.
  @Test func aByteOrderMarkIsSkipped() throws {
    let lexicon = try Lexicon.parse(
      json: [0xEF, 0xBB, 0xBF] + Array(#"{"names": {"Acme": ["艾克米"]}}"#.utf8), path: Self.path)
    #expect(lexicon.canonicalName(for: "艾克米") == "Acme")
  }

  @Test(arguments: errors)
  func reportsTheLineAndReason(_ c: LexiconErrorCase) {
    let expected = ExtractionError.malformedLexicon(
      at: SourceLocation(path: Self.path, line: c.line), reason: c.reason)
    #expect(throws: expected) {
      try Lexicon.parse(json: Array(c.json.utf8), path: Self.path)
    }
  }
}
