import ClaimLedger
import Foundation
import Testing

@testable import claims

/// The ledger a failing case runs against.
enum LedgerState: Sendable {
  /// Two claims whose ids share the prefix `abcd`, and a third.
  case standard
  /// The standard ledger with line 2 of 3 broken.
  case malformed
  /// No ledger file at all.
  case missing
}

/// One way to make `claims` fail, and the status and message it must give.
struct FailureCase: Sendable, CustomTestStringConvertible {
  let label: String
  var ledger: LedgerState = .standard
  let arguments: [String]
  let status: ExitStatus
  /// A piece of standard error after `claims: error: `.
  let message: String

  var testDescription: String { "\(status.rawValue): \(label)" }
}

@Suite struct ExitStatusTests {
  static let standardLines = [
    JournalLine.claim("abcd000001", text: "OpenAI will acquire Pinterest"),
    JournalLine.claim("abcd000002", text: "Apple will ship glasses", source: "Bloomberg"),
    JournalLine.claim("ef01234567", text: "特斯拉收购xAI的可能性极大", source: "量子位", lang: "zh-Hans"),
  ]

  static func sandbox(_ state: LedgerState) throws -> Sandbox {
    let sandbox = try Sandbox(initialised: false)
    switch state {
    case .standard:
      try sandbox.writeLedger(standardLines)
    case .malformed:
      try sandbox.writeLedger([
        standardLines[0], #"{"entry":"claim","id":"abcd000002",}"#, standardLines[2],
      ])
    case .missing:
      break
    }
    return sandbox
  }

  static let failures: [FailureCase] = [
    .init(
      label: "unknown id", arguments: ["show", "ffff"], status: .failure,
      message: "no claim has an id starting with 'ffff'"),
    .init(
      label: "prefix too short", arguments: ["show", "ab"], status: .usage,
      message: "'ab' is not a claim id: ids are 10 hex digits, and a prefix needs at least 4"),
    .init(
      label: "not hex", arguments: ["show", "abcz"], status: .usage,
      message: "'abcz' is not a claim id"),
    .init(
      label: "ambiguous prefix", arguments: ["show", "abcd"], status: .failure,
      message: "'abcd' names 2 claims (abcd000001, abcd000002); give more digits"),
    .init(
      label: "ambiguous prefix on resolve", arguments: ["resolve", "abcd0", "true"],
      status: .failure, message: "'abcd0' names 2 claims (abcd000001, abcd000002)"),
    .init(
      label: "reopen an open claim", arguments: ["reopen", "ef01"], status: .failure,
      message: "claim ef01234567 is open with no decision to undo"),
    .init(
      label: "unknown command", arguments: ["lsit"], status: .usage,
      message: "unknown command 'lsit'; did you mean 'list'?"),
    .init(
      label: "option before command", arguments: ["--stauts"], status: .usage,
      message: "unknown option '--stauts'"),
    .init(
      label: "unknown option", arguments: ["list", "--stauts", "open"], status: .usage,
      message: "unknown option '--stauts'; did you mean '--status'?"),
    .init(
      label: "global option misspelt", arguments: ["--verison"], status: .usage,
      message: "unknown option '--verison'; did you mean '--version'?"),
    .init(
      label: "global option with no command", arguments: ["--ledger", "x.jsonl"],
      status: .usage, message: "a command must follow --ledger"),
    .init(
      label: "global option misspelt before a command", arguments: ["--ledgr", "x", "list"],
      status: .usage, message: "unknown option '--ledgr'; did you mean '--ledger'?"),
    .init(
      label: "ledger path naming a folder", arguments: ["list", "--ledger", "store/"],
      status: .usage,
      message: "--ledger store/ ends in /, which names a folder; give the ledger file's path"),
    .init(
      label: "help in capitals", arguments: ["list", "--HELP"], status: .usage,
      message: "unknown option '--HELP'; did you mean '--help'?"),
    .init(
      label: "another command's option", arguments: ["list", "--within", "3"], status: .usage,
      message: "unknown option '--within'; --within belongs to 'due'"),
    .init(
      label: "other commands' option near one of this command's",
      arguments: ["add", "X happens", "--source", "S", "--note", "n"], status: .usage,
      message: "unknown option '--note'; --note belongs to 'resolve', 'reopen', 'amend'"),
    .init(
      label: "a value after a flag",
      arguments: ["add", "X happens", "--source", "S", "--conditional", "maybe"],
      status: .usage, message: "unexpected argument 'maybe'; --conditional takes no value here"),
    .init(
      label: "yes after a flag, where a text may follow",
      arguments: ["add", "--conditional", "yes", "--source", "S"], status: .usage,
      message: "--conditional takes no value here; 'yes' is not for it"),
    .init(
      label: "a text that starts with a dash",
      arguments: ["add", "-5% growth will come", "--source", "S"], status: .usage,
      message: "unknown option '-5% growth will come'; a value that starts with '-' goes after "
        + "'--' (claims add … -- TEXT)"),
    .init(
      label: "an option a letter off this command's, which another command has",
      arguments: ["sources", "--hedge"], status: .usage,
      message: "unknown option '--hedge'; did you mean '--hedges'?"),
    .init(
      label: "help in capitals before a command", arguments: ["--HELP"], status: .usage,
      message: "unknown option '--HELP'; did you mean '--help'?\nusage: claims"),
    .init(
      label: "a number as a hedge word",
      arguments: ["add", "X happens", "--source", "S", "--hedge", "七成"], status: .usage,
      message: "--hedge: '七成' is a number, not a hedge word; give it as --confidence 七成"),
    .init(
      label: "missing value", arguments: ["list", "--status"], status: .usage,
      message: "--status needs a value (STATUS)"),
    .init(
      label: "impossible deadline",
      arguments: ["add", "Apple will ship a car", "--source", "Bloomberg", "--by", "2026-02-30"],
      status: .usage, message: "--by: '2026-02-30' is not"),
    .init(
      label: "confidence above 1",
      arguments: ["add", "Apple ships a car", "--source", "Bloomberg", "--confidence", "1.5"],
      status: .usage, message: "--confidence: '1.5' is not"),
    .init(
      label: "bad --today", arguments: ["list", "--today", "2026-13-01"], status: .usage,
      message: "--today: '2026-13-01' is not"),
    .init(
      label: "missing argument", arguments: ["show"], status: .usage, message: "missing <id>"),
    .init(
      label: "malformed ledger", ledger: .malformed, arguments: ["list"], status: .dataError,
      message: "ledger.jsonl:2:"),
    .init(
      label: "malformed ledger on resolve", ledger: .malformed,
      arguments: ["resolve", "ef01", "true"], status: .dataError, message: "ledger.jsonl:2:"),
    .init(
      label: "missing ledger", ledger: .missing, arguments: ["list"], status: .noInput,
      message: "no ledger at "),
    .init(
      label: "missing ledger on add", ledger: .missing,
      arguments: ["add", "Apple will ship a car", "--source", "Bloomberg"], status: .noInput,
      message: "'claims init' creates one"),
  ]

  /// A `CLAIMS_LEDGER` set but empty (a script's variable that held nothing) is refused by
  /// name, not taken as unset: the nearest ledger is not the one meant.
  @Test func anEmptyLedgerVariableIsAUsageErrorAndNothingIsWritten() throws {
    let sandbox = try Sandbox()
    try sandbox.add("Here", "--source", "S", "--confidence", "0.5")
    let before = try sandbox.ledgerLines()
    let result = sandbox.run(
      ["add", "Elsewhere", "--source", "S", "--confidence", "0.5"],
      environment: ["CLAIMS_LEDGER": ""])
    #expect(result.status == .usage)
    #expect(
      result.stderr.hasPrefix(
        "claims: error: CLAIMS_LEDGER is set but empty; give the ledger's path, or unset it"))
    #expect(try sandbox.ledgerLines() == before)
    let named = sandbox.run(
      ["list", "--ledger", sandbox.ledgerPath], environment: ["CLAIMS_LEDGER": ""])
    #expect(named.status == .success, named.report)
    // Commands that open no ledger are not held up by it.
    for command in [["help"], ["completions", "bash"]] {
      #expect(sandbox.run(command, environment: ["CLAIMS_LEDGER": ""]).status == .success)
    }
    // A setting's spaces are taken as CLAIMS_TODAY's are.
    let spaced = sandbox.run(["list"], environment: ["CLAIMS_LOCK_TIMEOUT": " 5 "])
    #expect(spaced.status == .success, spaced.report)
    // Nor is help held up by a bad date or setting, which it may be asked to explain.
    for (command, environment) in [
      (["help", "add"], ["CLAIMS_TODAY": "garbage"]), (["help"], ["CLAIMS_LOCK_TIMEOUT": "x"]),
      (["--today", "garbage", "help", "add"], [:]),
    ] {
      let help = sandbox.run(command, environment: environment)
      #expect(help.status == .success, "\(command): \(help.report)")
      #expect(!help.stdout.isEmpty && help.stderr.isEmpty, "\(command): \(help.report)")
    }
  }

  @Test(arguments: failures)
  func failsWithItsStatusAndLeavesTheLedgerAlone(_ c: FailureCase) throws {
    let sandbox = try Self.sandbox(c.ledger)
    let before = sandbox.ledger()
    let result = sandbox.run(c.arguments)
    #expect(result.status == c.status, result.report)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("claims: error: "), result.report)
    #expect(result.stderr.contains(c.message), result.report)
    #expect(sandbox.ledger() == before)
    if c.status == .usage {
      #expect(result.stderr.contains("\nusage: claims "))
      #expect(result.stderr.contains("\nsee 'claims help"))
    }
  }

  @Test func successIsZero() throws {
    let sandbox = try Self.sandbox(.standard)
    for arguments in [["list"], ["show", "ef01"], ["check"], ["--version"], ["help"]] {
      let result = sandbox.run(arguments)
      #expect(result.status == .success, result.report)
      #expect(result.status.rawValue == 0)
      #expect(result.stderr.isEmpty)
    }
  }

  @Test func statusValuesAreTheDesignOnes() {
    let statuses: [ExitStatus] = [
      .success, .failure, .usage, .dataError, .noInput, .cannotCreate, .ioError, .tempFailure,
      .interrupted,
    ]
    #expect(statuses.map(\.rawValue) == [0, 1, 2, 65, 66, 73, 74, 75, 130])
  }

  @Test func ledgerThatIsAFolderIsNoInput() throws {
    let sandbox = try Sandbox(initialised: false)
    for arguments in [["list"], ["add", "Apple will ship a car", "--source", "Bloomberg"]] {
      let result = sandbox.run(arguments + ["--ledger", sandbox.directory.path])
      #expect(result.status == .noInput, result.report)
      #expect(result.stderr == "claims: error: \(sandbox.directory.path) is not a regular file\n")
    }
  }

  /// A named pipe as the ledger is refused at once by every kind of command, never waited on
  /// for a writer that will not come (the run is bounded by `timeout`, so a hang fails).
  @Test func ledgerThatIsANamedPipeIsNoInputAtOnce() throws {
    let sandbox = try Sandbox(initialised: false)
    let pipe = sandbox.path("ledger.pipe")
    try #require(mkfifo(pipe, 0o644) == 0)
    let script = """
      for command in list check "due --count" "show 0123456789" "add X --source S --confidence 0.5"; do
        timeout 20 "$0" $command --ledger "\(pipe)"
        echo "$command $?"
      done
      """
    let run = try BuiltBinary.shell(script, environment: sandbox.environment).finish()
    for command in [
      "list", "check", "due --count", "show 0123456789", "add X --source S --confidence 0.5",
    ] {
      #expect(run.stdout.contains("\(command) 66\n"), run.report)
    }
    #expect(run.stderr.contains("\(pipe) is not a regular file"), run.report)
  }

  @Test func folderThatCannotBeCreatedIsCannotCreate() throws {
    let sandbox = try Sandbox(initialised: false)
    try sandbox.write("a file, not a folder\n", to: "blocker")
    let result = sandbox.run(["init", "--ledger", sandbox.path("blocker/Claims/ledger.jsonl")])
    #expect(result.status == .cannotCreate, result.report)
    #expect(result.stderr.hasPrefix("claims: error: cannot create "))
    #expect(sandbox.contents(of: "blocker") == "a file, not a folder\n")
  }

  /// As nobody (`setpriv`), since root reads through any mode: a ledger this user cannot
  /// read is "cannot read" (66) for a writing command too, not a read-only ledger; and one
  /// they can read but not write is a failed write (74) that says reading still works.
  @Test(
    .enabled(
      if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
      "needs root and setpriv to run as nobody"))
  func aLedgerTheUserCannotReadIsUnreadableForEveryCommand() throws {
    let sandbox = try Self.sandbox(.standard)
    chmod(sandbox.directory.path, 0o755)
    chmod(sandbox.path("Claims"), 0o755)
    let before = sandbox.ledger()
    func asNobody(_ command: String) throws -> BuiltBinary.Run {
      try BuiltBinary.shell(
        "exec /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups \"$0\" \(command)",
        environment: sandbox.environment
      ).finish()
    }
    for mode in [0o600, 0o602] as [mode_t] {
      chmod(sandbox.ledgerPath, mode)
      for command in ["add 'Y will happen' --source s", "list"] {
        let run = try asNobody(command)
        #expect(run.status == ExitStatus.noInput.rawValue, "\(mode) \(command): \(run.report)")
        #expect(run.stderr.contains("cannot read"), "\(mode) \(command): \(run.report)")
      }
    }
    chmod(sandbox.ledgerPath, 0o644)
    let readOnly = try asNobody("add 'Y will happen' --source s")
    #expect(readOnly.status == ExitStatus.ioError.rawValue, readOnly.report)
    #expect(readOnly.stderr.contains("reading commands still work"), readOnly.report)
    #expect(sandbox.ledger() == before)
  }

  /// `true` and `false` after a flag are an outcome, not a value given to the flag.
  @Test func anOutcomeAfterAFlagIsTheOutcome() throws {
    let sandbox = try Self.sandbox(.standard)
    let resolved = sandbox.run(["resolve", "abcd000001", "--json", "false"])
    #expect(resolved.status == .success, resolved.report)
    #expect(resolved.stdout.contains("\"outcome\":\"false\""), resolved.report)
  }

  @Test func heldLockTimesOutWithStatus75() throws {
    let sandbox = try Self.sandbox(.standard)
    let before = try #require(sandbox.ledger())
    let descriptor = open(sandbox.ledgerPath, O_RDONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    try #require(flock(descriptor, LOCK_EX) == 0)
    let environment = ["CLAIMS_LOCK_TIMEOUT": "0.3"]
    for arguments in [
      ["list"], ["add", "Apple will ship a car", "--source", "Bloomberg"],
      ["resolve", "ef01", "true"],
    ] {
      let started = Date()
      let result = sandbox.run(arguments, environment: environment)
      let waited = Date().timeIntervalSince(started)
      #expect(result.status == .tempFailure, result.report)
      #expect(result.stderr.hasPrefix("claims: error: \(sandbox.ledgerPath) stayed locked"))
      #expect(waited >= 0.25 && waited < 5, "waited \(waited) s")
      #expect(sandbox.ledger() == before)
    }
    flock(descriptor, LOCK_UN)
    #expect(sandbox.run(["list"], environment: environment).status == .success)
  }

  @Test func anExportOfManyBatchesToAFullOutputStopsWithAnIOError() throws {
    let sandbox = try Self.sandbox(.standard)
    // More claims than one batch renders, so a write fails while the next is being made.
    var lines = ""
    for number in 0..<(2 * ClaimExport.batchSize + 1) {
      let id = String(number, radix: 16).leftPadded(to: 10)
      lines +=
        #"{"entry":"claim","id":"\#(id)","at":"2026-01-21T09:30:00.000Z","text":"Claim \#(number)","#
        + #""source":"Kuo","said":"2026-01-21","confidence":0.7,"tags":[],"status":"open"}"# + "\n"
    }
    try sandbox.write(lines, to: "Claims/ledger.jsonl")
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    defer { try? full.close() }
    let run = try BuiltBinary.run(
      ["export", "--format", "csv"], environment: sandbox.environment, standardOutput: full)
    #expect(run.status == ExitStatus.ioError.rawValue, run.report)
    #expect(run.stderr.hasPrefix("claims: error: cannot write the output"), run.report)
  }

  /// A reader that stops early (`| head`) ends the command as it ends `cat`: by SIGPIPE,
  /// status 141 in the shell, with no error message.
  @Test func aPipeClosedEarlyEndsTheCommandQuietly() throws {
    let sandbox = try Self.sandbox(.standard)
    // Far more than a pipe holds, so the command is still writing when `head` leaves.
    var lines = ""
    for number in 0..<4_000 {
      let id = String(number, radix: 16).leftPadded(to: 10)
      lines +=
        #"{"entry":"claim","id":"\#(id)","at":"2026-01-21T09:30:00.000Z","text":"Claim \#(number)","#
        + #""source":"Kuo","said":"2026-01-21","confidence":0.7,"tags":[],"status":"open"}"# + "\n"
    }
    try sandbox.write(lines, to: "Claims/ledger.jsonl")
    let before = sandbox.ledger()
    let run = try BuiltBinary.shell(
      #"( "$0" list --json; echo "status $?" >&2 ) | head -c 10 >/dev/null"#,
      environment: sandbox.environment
    ).finish()
    #expect(run.stderr == "status 141\n", run.report)
    #expect(sandbox.ledger() == before)
  }

  @Test func fullStandardOutputIsAnIOError() throws {
    let sandbox = try Self.sandbox(.standard)
    let before = sandbox.ledger()
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    defer { try? full.close() }
    let run = try BuiltBinary.run(
      ["show", "ef01"], environment: sandbox.environment, standardOutput: full)
    #expect(run.status == ExitStatus.ioError.rawValue, run.report)
    #expect(
      run.stderr == "claims: error: cannot write the output: standard output: No space left on "
        + "device; the command was carried out, but what it printed is lost\n", run.report)
    #expect(sandbox.ledger() == before)
  }

  /// A word or a working folder that is not UTF-8 is refused, naming the bytes; decoded with
  /// U+FFFD put in, it would be stored changed, or name another folder for `init` to create.
  @Test func textThatIsNotUTF8IsRefusedNotRepaired() throws {
    let sandbox = try Self.sandbox(.standard)
    let before = sandbox.ledger()
    let word = try BuiltBinary.shell(
      #"exec "$0" add "$(printf 'Rain \377 will fall')" --source Ann --confidence 0.6"#,
      environment: sandbox.environment
    ).finish()
    #expect(word.status == ExitStatus.usage.rawValue, word.report)
    #expect(word.stderr.hasPrefix(#"claims: error: argument 2 is not UTF-8 text: 'Rain \xFF will"#))
    #expect(sandbox.ledger() == before)
    let folder = try BuiltBinary.shell(
      #"cd "$CLAIMS_HOME" && mkdir "$(printf 'caf\351')" && cd "$(printf 'caf\351')" && exec "$0" init"#,
      environment: ["CLAIMS_HOME": sandbox.directory.path]
    ).finish()
    #expect(folder.status == ExitStatus.usage.rawValue, folder.report)
    #expect(folder.stderr.contains(#"the working folder's name is not UTF-8: '"#), folder.report)
    #expect(folder.stderr.contains(#"/caf\xE9'"#), folder.report)
    // Only the folder the script made: no sibling named with U+FFFD, nothing inside it.
    let names = try FileManager.default.contentsOfDirectory(atPath: sandbox.directory.path)
    #expect(names.filter { $0.hasPrefix("caf") }.count == 1, "\(names)")
    let inside = try BuiltBinary.shell(
      #"ls -A "$CLAIMS_HOME/$(printf 'caf\351')""#,
      environment: ["CLAIMS_HOME": sandbox.directory.path]
    ).finish()
    #expect(inside.status == 0 && inside.stdout.isEmpty, inside.report)
    // Help and the version open no file, and still work there.
    let help = try BuiltBinary.shell(
      #"cd "$CLAIMS_HOME/$(printf 'caf\351')" && "$0" --version && "$0" help list"#,
      environment: ["CLAIMS_HOME": sandbox.directory.path]
    ).finish()
    #expect(help.status == 0, help.report)
    #expect(help.stdout.hasPrefix("claims "), help.report)
    // `-h` as an option's value asks for no help: the folder is still refused.
    let search = try BuiltBinary.shell(
      #"cd "$CLAIMS_HOME/$(printf 'caf\351')" && exec "$0" list --search -h"#,
      environment: ["CLAIMS_HOME": sandbox.directory.path]
    ).finish()
    #expect(search.status == ExitStatus.usage.rawValue, search.report)
    #expect(search.stderr.contains("the working folder's name is not UTF-8"), search.report)
  }

  /// A ledger that is a link to nothing is named as one, by a reading command (66) and by
  /// `init`, which cannot create over it (73).
  @Test func aLedgerLinkToNothingIsNamed() throws {
    let sandbox = try Sandbox(initialised: false)
    try FileManager.default.createDirectory(
      atPath: sandbox.path("Claims"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.ledgerPath, withDestinationPath: sandbox.path("gone/ledger.jsonl"))
    let list = sandbox.run(["list"])
    #expect(list.status == .noInput)
    #expect(
      list.stderr.hasSuffix(
        "it is a link to \(sandbox.path("gone/ledger.jsonl")), which does not exist\n"),
      list.report)
    let initialised = sandbox.run(["init"])
    #expect(initialised.status == .cannotCreate)
    #expect(
      initialised.stderr.contains("which does not exist; remove the link"), initialised.report)
    // Two links that lead to each other: a loop, not a link to nothing.
    try FileManager.default.removeItem(atPath: sandbox.ledgerPath)
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.ledgerPath, withDestinationPath: sandbox.path("Claims/other.jsonl"))
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.path("Claims/other.jsonl"), withDestinationPath: sandbox.ledgerPath)
    let looped = sandbox.run(["init"])
    #expect(looped.status == .cannotCreate)
    #expect(looped.stderr.contains("leads round a loop of links"), looped.report)
    let listed = sandbox.run(["list"])
    #expect(listed.status == .noInput)
    #expect(listed.stderr.contains("Too many levels of symbolic links"), listed.report)
  }

  /// A command that failed and whose output is lost too is not said to have been carried out.
  @Test func lostOutputOfAFailedCommandDoesNotSayItWasCarriedOut() throws {
    let sandbox = try Self.sandbox(.standard)
    try sandbox.write("{\"entry\":\"nope\"}\n", to: "Claims/ledger.jsonl")
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    defer { try? full.close() }
    let run = try BuiltBinary.run(
      ["check"], environment: sandbox.environment, standardOutput: full)
    #expect(run.status == ExitStatus.ioError.rawValue, run.report)
    #expect(run.stderr.contains("No space left on device"), run.report)
    #expect(!run.stderr.contains("carried out"), run.report)
  }

  /// A write command whose standard output and error the caller closed (`>&- 2>&-`) records
  /// its claim whole, and the output it could not print is exit 74.
  @Test func closedStandardStreamsLoseOnlyTheOutput() throws {
    let sandbox = try Self.sandbox(.standard)
    let before = try sandbox.ledgerLines()
    let run = try BuiltBinary.shell(
      #""$0" add "Closed streams will not hurt" --source Kuo --confidence 0.6 >&- 2>&-; "#
        + #"echo "status $?" >&2"#,
      environment: sandbox.environment
    ).finish()
    #expect(run.stderr.hasSuffix("status 74\n"), run.report)
    let lines = try sandbox.ledgerLines()
    #expect(lines.count == before.count + 1)
    #expect(lines.last?.contains("Closed streams will not hurt") == true)
    #expect(sandbox.run(["check"]).status == .success)
  }
}

extension String {
  /// The text with zeros in front, up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
