import Foundation
import Testing

@testable import claims

@Suite struct InitCommandTests {
  static let attributesLine = "Claims/ledger.jsonl text eol=lf merge=union"

  @Test func createsTheLedgerTheSourcesFileAndTheAttributesLine() throws {
    let sandbox = try Sandbox(initialised: false)
    let result = sandbox.run(["init"])
    #expect(result.status == .success, result.report)
    #expect(sandbox.ledger() == Data())
    #expect(sandbox.contents(of: "Claims/sources.json") == "{}\n")
    #expect(sandbox.contents(of: ".gitattributes") == Self.attributesLine + "\n")
    #expect(result.stdout.contains("created \(sandbox.ledgerPath)"))
    #expect(result.stdout.contains("created \(sandbox.path("Claims/sources.json"))"))
    #expect(result.stdout.contains("added '\(Self.attributesLine)'"))
  }

  @Test func createsInTheWorkingFolderWithoutLedgerOption() throws {
    let sandbox = try Sandbox(initialised: false)
    // No CLAIMS_LEDGER at all: the ledger goes where the working folder says.
    var environment = sandbox.environment
    environment["CLAIMS_LEDGER"] = nil
    let result = CLI.run(
      ["init"], environment: environment, workingDirectory: sandbox.directory.path,
      clock: { Sandbox.now }, terminal: .plain())
    #expect(result.status == .success, result.report)
    #expect(sandbox.ledger() == Data())
    #expect(sandbox.contents(of: ".gitattributes") == Self.attributesLine + "\n")
  }

  @Test func createsTheFolderNamedByLedgerOption() throws {
    let sandbox = try Sandbox(initialised: false)
    let elsewhere = sandbox.path("project/Claims/ledger.jsonl")
    let result = sandbox.run(["init", "--ledger", elsewhere])
    #expect(result.status == .success, result.report)
    #expect(FileManager.default.contents(atPath: elsewhere) == Data())
    #expect(sandbox.contents(of: "project/Claims/sources.json") == "{}\n")
    #expect(sandbox.contents(of: "project/.gitattributes") == Self.attributesLine + "\n")
    #expect(sandbox.ledger() == nil)
  }

  /// A ledger outside a `Claims` folder and outside git gets its line beside it, never in a
  /// folder above the one named.
  @Test func aLedgerOutsideClaimsAndGitGetsItsLineBesideIt() throws {
    let sandbox = try Sandbox(initialised: false)
    let result = sandbox.run(["init", "--ledger", sandbox.path("notes/forecasts.jsonl")])
    #expect(result.status == .success, result.report)
    #expect(
      sandbox.contents(of: "notes/.gitattributes") == "forecasts.jsonl text eol=lf merge=union\n")
    #expect(sandbox.contents(of: ".gitattributes") == nil)
  }

  /// A path with `..` in it is the folder it names, not a way up and back in the pattern.
  @Test func aLedgerPathWithDotsIsResolvedFirst() throws {
    let sandbox = try Sandbox(initialised: false)
    try FileManager.default.createDirectory(
      atPath: sandbox.path("project/.git"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: sandbox.path("project/sub"), withIntermediateDirectories: true)
    let result = sandbox.run([
      "init", "--ledger", sandbox.path("project/sub/../Claims/ledger.jsonl"),
    ])
    #expect(result.status == .success, result.report)
    #expect(
      sandbox.contents(of: "project/.gitattributes")
        == "Claims/ledger.jsonl text eol=lf merge=union\n")
  }

  /// Inside a git work tree the line goes to its top, with the ledger's path from there.
  @Test func aLedgerInAGitWorkTreeGetsItsLineAtTheTop() throws {
    let sandbox = try Sandbox(initialised: false)
    try FileManager.default.createDirectory(
      atPath: sandbox.path(".git"), withIntermediateDirectories: true)
    let result = sandbox.run(["init", "--ledger", sandbox.path("data/deep/forecasts.jsonl")])
    #expect(result.status == .success, result.report)
    #expect(
      sandbox.contents(of: ".gitattributes")
        == "data/deep/forecasts.jsonl text eol=lf merge=union\n")
    #expect(sandbox.contents(of: "data/.gitattributes") == nil)
    #expect(sandbox.contents(of: "data/deep/.gitattributes") == nil)
  }

  @Test func secondInitKeepsEverything() throws {
    let sandbox = try Sandbox()
    try sandbox.write(
      #"{"The Information": ["《The Information》"]}"# + "\n", to: "Claims/sources.json")
    let sources = sandbox.contents(of: "Claims/sources.json")
    let result = sandbox.run(["init"])
    #expect(result.status == .success, result.report)
    #expect(result.stdout.contains("kept \(sandbox.ledgerPath)"))
    // Each file is named, as --json names each.
    #expect(result.stdout.contains("kept \(sandbox.path("Claims/sources.json"))\n"), result.report)
    #expect(!result.stdout.contains("created"))
    #expect(!result.stdout.contains("added"))
    #expect(sandbox.contents(of: "Claims/sources.json") == sources)
    #expect(sandbox.contents(of: ".gitattributes") == Self.attributesLine + "\n")
  }

  @Test func neverEmptiesALedgerWithContent() throws {
    let sandbox = try Sandbox()
    try sandbox.add("OpenAI will acquire Pinterest", "--source", "The Information")
    try sandbox.add("特斯拉收购xAI的可能性极大", "--source", "量子位")
    let before = try #require(sandbox.ledger())
    #expect(!before.isEmpty)
    for _ in 0..<2 {
      let result = sandbox.run(["init"])
      #expect(result.status == .success, result.report)
      #expect(sandbox.ledger() == before)
    }
  }

  /// A file where a folder of the ledger's path should be is named, and nothing is made.
  @Test func aFileInTheLedgersPathIsNamed() throws {
    let sandbox = try Sandbox()
    try sandbox.write("not a folder", to: "notes")
    let result = sandbox.run(["init", "--ledger", "notes/Claims/ledger.jsonl"])
    #expect(result.status == .cannotCreate, result.report)
    #expect(result.stderr.contains("\(sandbox.path("notes")) is a file, not a folder"))
    #expect(sandbox.contents(of: "notes") == "not a folder")
  }

  /// A kept ledger whose last line is torn stops `init` as it stops every other command, and
  /// is left as it is.
  @Test func aTornLedgerIsNamedNotKeptQuietly() throws {
    let sandbox = try Sandbox()
    try sandbox.add("OpenAI will acquire Pinterest", "--source", "The Information")
    var bytes = try #require(sandbox.ledger())
    bytes.append(contentsOf: Array(#"{"entry":"claim","id":"ab"#.utf8))
    try sandbox.writeLedger(bytes: bytes)
    let result = sandbox.run(["init"])
    #expect(result.status == .dataError, result.report)
    #expect(result.stderr.contains("ledger.jsonl:2"), result.report)
    #expect(sandbox.ledger() == bytes)
  }

  @Test func recreatesOnlyWhatIsMissing() throws {
    let sandbox = try Sandbox()
    try sandbox.add("OpenAI will acquire Pinterest", "--source", "The Information")
    let before = try #require(sandbox.ledger())
    try FileManager.default.removeItem(atPath: sandbox.path("Claims/sources.json"))
    let result = sandbox.run(["init"])
    #expect(result.status == .success, result.report)
    #expect(sandbox.ledger() == before)
    #expect(sandbox.contents(of: "Claims/sources.json") == "{}\n")
  }

  @Test func appendsTheAttributesLineToAnExistingFile() throws {
    let sandbox = try Sandbox(initialised: false)
    try sandbox.write("*.png binary", to: ".gitattributes")
    let result = sandbox.run(["init"])
    #expect(result.status == .success, result.report)
    #expect(sandbox.contents(of: ".gitattributes") == "*.png binary\n" + Self.attributesLine + "\n")
    _ = sandbox.run(["init"])
    #expect(sandbox.contents(of: ".gitattributes") == "*.png binary\n" + Self.attributesLine + "\n")
  }

  /// A `.gitattributes` written with CRLF line ends: its line is found and kept, and a line
  /// added to such a file ends in CRLF too, with no blank line before it.
  @Test func aCRLFAttributesFileIsReadAndKeptInItsLineEnds() throws {
    let sandbox = try Sandbox(initialised: false)
    try sandbox.write("*.png binary\r\n", to: ".gitattributes")
    #expect(sandbox.run(["init"]).status == .success)
    let added = "*.png binary\r\n" + Self.attributesLine + "\r\n"
    #expect(sandbox.contents(of: ".gitattributes") == added)
    let again = sandbox.run(["init"])
    #expect(again.stdout.contains("kept \(sandbox.path(".gitattributes"))"), again.report)
    #expect(sandbox.contents(of: ".gitattributes") == added)
  }

  /// In a subfolder of a project that has a ledger, `init` makes no second one that would hide
  /// it; `--ledger` still starts one anywhere.
  @Test func aSubfolderOfAProjectWithALedgerGetsNoSecondOne() throws {
    let sandbox = try Sandbox()
    let docs = sandbox.path("docs")
    try FileManager.default.createDirectory(atPath: docs, withIntermediateDirectories: true)
    let refused = CLI.run(
      ["init"], environment: ["CLAIMS_TODAY": Sandbox.today], workingDirectory: docs,
      clock: { Sandbox.now }, terminal: .plain())
    #expect(refused.status == .usage, refused.report)
    #expect(refused.stderr.contains("a ledger exists already at \(sandbox.ledgerPath)"))
    #expect(!FileManager.default.fileExists(atPath: docs + "/Claims"))
    let elsewhere = CLI.run(
      ["init", "--ledger", "Claims/ledger.jsonl"], environment: ["CLAIMS_TODAY": Sandbox.today],
      workingDirectory: docs, clock: { Sandbox.now }, terminal: .plain())
    #expect(elsewhere.status == .success, elsewhere.report)
  }

  @Test func refusesALedgerPathThatIsAFolder() throws {
    let sandbox = try Sandbox(initialised: false)
    try FileManager.default.createDirectory(
      atPath: sandbox.ledgerPath, withIntermediateDirectories: true)
    let result = sandbox.run(["init"])
    #expect(result.status == .noInput, result.report)
    #expect(result.stderr == "claims: error: \(sandbox.ledgerPath) is not a regular file\n")
  }
}
