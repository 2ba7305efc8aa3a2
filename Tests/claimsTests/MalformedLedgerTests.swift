import Foundation
import Testing

@testable import claims

/// A broken journal as a person or a tool might leave it, and where every command must say it
/// is broken.
struct BrokenLedgerCase: Sendable, CustomTestStringConvertible {
  let name: String
  let bytes: [UInt8]
  /// What the message starts with after the ledger's path: "2:" or "1:1:".
  let location: String
  /// A part of the message.
  let words: String
  var testDescription: String { name }
}

/// The malformed-ledger catalogue, command by command: each broken journal gives its
/// `file:line` message and status 65 from every command that reads the ledger, and no command
/// changes a byte of it (`check --repair` included: it only cuts a torn last line).
@Suite struct MalformedLedgerTests {
  static let first = JournalLine.claim("abcd000001", text: "OpenAI will acquire Pinterest")
  static let third = JournalLine.claim("abcd000003", text: "Apple will ship glasses")
  static let reopen = #"{"entry":"reopen","id":"abcd000001","at":"2026-07-02T10:00:00.000Z""#

  /// A good line, the broken one, and another good line.
  static func middle(_ name: String, _ line: [UInt8], _ location: String, _ words: String)
    -> BrokenLedgerCase
  {
    let bytes = Array((first + "\n").utf8) + line + Array(("\n" + third + "\n").utf8)
    return BrokenLedgerCase(name: name, bytes: bytes, location: location, words: words)
  }

  static func middle(_ name: String, _ line: String, _ location: String, _ words: String)
    -> BrokenLedgerCase
  {
    middle(name, Array(line.utf8), location, words)
  }

  static let cases: [BrokenLedgerCase] = [
    middle("invalid JSON", #"{"entry":"claim","id":"#, "2:23:", "id must be"),
    middle("missing field", #"{"entry":"reopen","id":"abcd000001"}"#, "2:1:", "missing field 'at'"),
    middle(
      "wrong type", #"{"entry":"reopen","id":12,"at":"2026-07-02T10:00:00.000Z"}"#, "2:", "id"),
    middle(
      "unknown entry kind",
      #"{"entry":"delete","id":"abcd000001","at":"2026-07-02T10:00:00.000Z"}"#,
      "2:", "unknown entry kind 'delete'"),
    middle("trailing comma", reopen + ",}", "2:", "trailing comma"),
    middle("duplicate key", reopen + #","id":"abcd000001"}"#, "2:", "duplicate field 'id'"),
    middle("raw NUL byte", Array(reopen.utf8) + [0] + Array("}".utf8), "2:", "NUL"),
    middle("escaped NUL", reopen + #","note":"a\u0000b"}"#, "2:", "NUL"),
    middle("two objects on one line", first + first, "2:", "text after the end of the entry"),
    middle("merge-conflict markers", "<<<<<<< HEAD", "2:1:", "merge-conflict marker"),
    middle(
      "nesting 10,000 deep",
      #"{"entry":"reopen","id":"abcd000001","note":"# + String(repeating: "[", count: 10_000),
      "2:", "expected"),
    BrokenLedgerCase(
      name: "byte-order mark", bytes: [0xEF, 0xBB, 0xBF] + Array((first + "\n").utf8),
      location: "1:1:", words: "byte-order mark"),
    BrokenLedgerCase(
      name: "CRLF line ends", bytes: Array((first + "\r\n" + third + "\r\n").utf8), location: "1:",
      words: "carriage return"),
    middle(
      "invalid UTF-8", Array((reopen + #","note":"a"#).utf8) + [0xFF, 0x22, 0x7D], "2:", "UTF-8"),
    middle(
      "confidence past any integer",
      JournalLine.claim("abcd000002", text: "Huge", confidence: "1e300"),
      "2:", "confidence 1e300 is outside 0…1"),
    middle(
      "confidence past any double",
      JournalLine.claim("abcd000002", text: "Huge", confidence: "1e400"),
      "2:", "number 1e400 is out of range"),
  ]

  /// Every command that reads the whole ledger, and two that would append after reading it.
  static let readers: [[String]] = [
    ["list"], ["show", "abcd000001"], ["due"], ["sources"], ["report", "--format", "json"],
    ["export", "--format", "jsonl"], ["resolve", "abcd000001", "true"],
    ["amend", "abcd000003", "--by", "2027", "--note", "n"],
  ]

  @Test(arguments: cases)
  func everyCommandNamesTheLineAndLeavesTheFileAlone(_ c: BrokenLedgerCase) throws {
    let sandbox = try Sandbox()
    let bytes = Data(c.bytes)
    try sandbox.writeLedger(bytes: bytes)
    let prefix = "\(sandbox.ledgerPath):\(c.location)"
    for command in Self.readers {
      let result = sandbox.run(command)
      #expect(result.status == .dataError, "\(command): \(result.report)")
      #expect(result.stderr.hasPrefix("claims: error: \(prefix)"), "\(command): \(result.report)")
      #expect(result.stderr.contains(c.words), "\(command): \(result.report)")
      #expect(sandbox.ledger() == bytes, "\(command) changed the ledger")
    }
    for command in [["check"], ["check", "--repair"]] {
      let result = sandbox.run(command)
      #expect(result.status == .dataError, "\(command): \(result.report)")
      #expect(result.stdout.contains(prefix), "\(command): \(result.report)")
      #expect(sandbox.ledger() == bytes, "\(command) changed the ledger")
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: sandbox.path("Claims"))
    #expect(files.sorted() == ["ledger.jsonl", "sources.json"])
  }

  @Test func anEmptyLedgerIsCleanAndStaysEmpty() throws {
    let sandbox = try Sandbox()
    for command in Self.readers.prefix(6) + [["check"], ["check", "--repair"]] {
      let result = sandbox.run(command)
      #expect(result.status != .dataError, "\(command): \(result.report)")
      #expect(sandbox.ledger() == Data(), "\(command) changed the ledger")
    }
  }

  @Test func aLedgerThatIsOnlyATornLineIsNamedAndRepairedToEmpty() throws {
    let sandbox = try Sandbox()
    let torn = Data(Self.first.utf8.prefix(40))
    try sandbox.writeLedger(bytes: torn)
    for command in Self.readers {
      let result = sandbox.run(command)
      #expect(result.status == .dataError, "\(command): \(result.report)")
      #expect(
        result.stderr.hasPrefix(
          "claims: error: \(sandbox.ledgerPath):1: the last line is incomplete"),
        "\(command): \(result.report)")
      #expect(sandbox.ledger() == torn, "\(command) changed the ledger")
    }
    let repair = sandbox.run(["check", "--repair"])
    #expect(repair.status == .success, repair.report)
    #expect(sandbox.ledger() == Data())
  }

  @Test func anEntryForAnUnknownClaimIsAnErrorAtItsLine() throws {
    let sandbox = try Sandbox()
    let bytes = Data(
      (Self.first + "\n"
        + JournalLine.resolve(
          "abcd00ffff", at: "2026-07-02T10:00:00.000Z", outcome: "true", on: "2026-07-02") + "\n")
        .utf8)
    try sandbox.writeLedger(bytes: bytes)
    let check = sandbox.run(["check"])
    #expect(check.status == .dataError, check.report)
    #expect(check.stdout.contains("\(sandbox.ledgerPath):2: error:"), check.report)
    #expect(check.stdout.contains("abcd00ffff"), check.report)
    #expect(sandbox.ledger() == bytes)
  }

  /// A 100 MB line is read, refused at its line and column, and the file stays as it was.
  @Test func aHundredMegabyteLineIsRefusedAtItsEnd() throws {
    let sandbox = try Sandbox()
    var line = Array(Self.reopen.utf8) + Array(#","note":""#.utf8)
    line += [UInt8](repeating: UInt8(ascii: "x"), count: 100 << 20)
    line += Array(#""#.utf8) + [0x22, 0x2C, 0x7D]  // `",}`: a trailing comma at the very end
    let bytes = Data(Array((Self.first + "\n").utf8) + line + [0x0A])
    try sandbox.writeLedger(bytes: bytes)
    let started = Date()
    let result = sandbox.run(["list"])
    #expect(result.status == .dataError, result.report)
    #expect(
      result.stderr.hasPrefix("claims: error: \(sandbox.ledgerPath):2:\(line.count):"),
      result.report)
    #expect(result.stderr.contains("trailing comma"), result.report)
    #expect(Date().timeIntervalSince(started) < 30)
    #expect(sandbox.ledger() == bytes)
  }
}
