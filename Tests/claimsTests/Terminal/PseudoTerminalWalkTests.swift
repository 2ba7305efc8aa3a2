import Foundation
import Testing

@testable import claims

/// The review walk driven through a real pseudo-terminal: keys read without Enter, prompts
/// in line mode, colours, and the terminal left sane however the walk ends.
@Suite(.serialized) struct PseudoTerminalWalkTests {
  func start(
    _ sandbox: Sandbox, on terminal: PseudoTerminal, _ arguments: [String] = ["review"],
    environment: [String: String] = [:]
  ) throws -> Process {
    try terminal.start(
      arguments, environment: sandbox.environment.merging(environment) { $1 },
      in: sandbox.directory)
  }

  @Test func keysWorkWithoutEnterAndTheLedgerHoldsTheDecisions() throws {
    let sandbox = try ReviewCommandTests.queue()
    let terminal = try PseudoTerminal()
    let process = try start(sandbox, on: terminal, environment: ["NO_COLOR": "1"])
    try terminal.answer("[1/5] abcd000001", with: "")
    try terminal.answer("> ", with: "\u{1B}[A")  // an arrow key is one key, and does nothing
    try terminal.answer("that key does nothing here", with: "")
    try terminal.answer("> ", with: "a")
    try terminal.answer("[2/5] abcd000002", with: "")
    try terminal.answer("> ", with: "e")
    try terminal.answer("text [Claim 2]: ", with: "\n")
    try terminal.answer("source [", with: "\n")
    try terminal.answer("via: ", with: "\n")
    try terminal.answer("deadline [2026-12-31]: ", with: "someday\n")
    try terminal.answer("try again", with: "2027-H1\n")
    try terminal.answer("confidence [", with: "\n")
    try terminal.answer("> ", with: "a")
    try terminal.answer("[3/5] abcd000003", with: "")
    try terminal.answer("> ", with: "r")
    try terminal.answer("reason: ", with: "vague\n")
    try terminal.answer("[4/5] abcd000004", with: "")
    try terminal.answer("> ", with: "u")
    try terminal.answer("[3/5] abcd000003", with: "")
    try terminal.answer("> ", with: "s")
    try terminal.answer("[4/5]", with: "")
    try terminal.answer("> ", with: "q")
    try #require(process.waitForExit(), "claims review did not end:\n\(terminal.transcript)")
    #expect(process.terminationStatus == 0)
    #expect(terminal.wait(for: "accepted 2, rejected 0, skipped 1, undid 1; 3 still proposed"))
    #expect(!terminal.transcript.contains("\u{1B}["))
    #expect(terminal.isSane)
    #expect(
      try ReviewCommandTests.decisions(in: sandbox) == [
        "accept abcd000001", "accept abcd000002", "reject abcd000003", "reopen abcd000003",
      ])
    #expect(try sandbox.showJSON("abcd000002")?["deadline"] as? String == "2027-06-30")
  }

  /// Also when the caller ignores SIGCHLD, which would reap the editor before the walk saw it
  /// end.
  @Test(arguments: [[], ["CHLD"]])
  func theEditorKeyOpensTheFormInVisual(ignoring: [String]) throws {
    let sandbox = try ReviewCommandTests.queue()
    let terminal = try PseudoTerminal()
    // An "editor" that changes the source line of the form in place.
    let editor = "sed -i -e 's/^source: .*/source: Financial Times/'"
    let process = try terminal.start(
      ["review"], environment: sandbox.environment.merging(["VISUAL": editor]) { $1 },
      in: sandbox.directory, ignoring: ignoring)
    try terminal.answer("> ", with: "E")
    try terminal.answer("edited", with: "")
    try terminal.answer("> ", with: "a")
    try terminal.answer("> ", with: "q")
    try #require(process.waitForExit(), "\(terminal.transcript)")
    #expect(terminal.isSane)
    #expect(try sandbox.showJSON("abcd000001")?["source"] as? String == "Financial Times")
  }

  /// Ctrl-C or Ctrl-\ typed while the editor runs reaches every process on the terminal: the
  /// walk waits it out and goes on with what the editor saved.
  @Test(arguments: [SIGINT, SIGQUIT])
  func aStopMeantForTheEditorIsWaitedOut(_ stop: Int32) throws {
    let sandbox = try ReviewCommandTests.queue()
    let terminal = try PseudoTerminal()
    let editor = "sleep 1; sed -i -e 's/^source: .*/source: Financial Times/'"
    let process = try start(sandbox, on: terminal, environment: ["VISUAL": editor])
    try terminal.answer("> ", with: "E")
    usleep(300_000)
    kill(process.processIdentifier, stop)
    try terminal.answer("edited", with: "")
    try terminal.answer("> ", with: "a")
    try terminal.answer("> ", with: "q")
    try #require(process.waitForExit(), "\(terminal.transcript)")
    #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    #expect(terminal.isSane)
    #expect(try sandbox.showJSON("abcd000001")?["source"] as? String == "Financial Times")
  }

  /// `kill` or a closed terminal while the editor runs: the editor gets the signal too and is
  /// given time to end, rather than being left behind reading keys the shell should get; the
  /// file it edited is removed, and the walk ends by the signal with the terminal sane.
  @Test(arguments: [SIGTERM, SIGHUP])
  func aStopWhileTheEditorRunsEndsTheEditorToo(_ stop: Int32) throws {
    let sandbox = try ReviewCommandTests.queue()
    try sandbox.write(
      "#!/bin/sh\necho $$ > \"$(dirname \"$1\")/editor.pid\"\nexec sleep 30\n", to: "editor")
    let editor = sandbox.directory.appendingPathComponent("editor").path
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor)
    let terminal = try PseudoTerminal()
    let process = try start(
      sandbox, on: terminal, environment: ["VISUAL": editor, "TMPDIR": sandbox.directory.path])
    try terminal.answer("> ", with: "E")
    var editorID: pid_t = 0
    for _ in 0..<250 where editorID == 0 {
      usleep(20_000)
      editorID = sandbox.contents(of: "editor.pid").flatMap { pid_t($0.trimmingSpaces()) } ?? 0
    }
    try #require(editorID > 0, "the editor did not start:\n\(terminal.transcript)")
    defer { kill(editorID, SIGKILL) }
    kill(process.processIdentifier, stop)
    try #require(process.waitForExit(timeout: 10), "\(terminal.transcript)")
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == stop)
    var editorRuns = true
    for _ in 0..<100 where editorRuns {
      editorRuns = kill(editorID, 0) == 0
      if editorRuns { usleep(20_000) }
    }
    #expect(!editorRuns, "the editor outlived the walk")
    let left = try FileManager.default.contentsOfDirectory(atPath: sandbox.directory.path)
    #expect(!left.contains { $0.hasPrefix("claims-review-") }, "\(left)")
    #expect(terminal.isSane)
    #expect(try ReviewCommandTests.decisions(in: sandbox).isEmpty)
  }

  /// An editor that is not set, not found, fails or is killed: the walk says which, and goes
  /// on with the claim unchanged.
  @Test(arguments: [
    ("", "no editor: set VISUAL or EDITOR, or press e"),
    ("false", "the editor 'false' exited with status 1; nothing changed"),
    ("claims-no-such-editor", "could not be run (the shell's status 127: not found)"),
    ("kill -KILL $$ #", "was ended by signal 9 (Killed); nothing changed"),
  ])
  func aFailingEditorIsNamed(visual: String, message: String) throws {
    let sandbox = try ReviewCommandTests.queue()
    let terminal = try PseudoTerminal()
    let process = try start(
      sandbox, on: terminal, environment: ["VISUAL": visual, "NO_COLOR": "1"])
    try terminal.answer("> ", with: "E")
    try terminal.answer(message, with: "")
    try terminal.answer("> ", with: "a")
    try terminal.answer("> ", with: "q")
    try #require(process.waitForExit(), "\(terminal.transcript)")
    #expect(process.terminationStatus == 0)
    #expect(terminal.isSane)
    #expect(try sandbox.showJSON("abcd000001")?["source"] as? String == "The Information")
    #expect(try ReviewCommandTests.decisions(in: sandbox) == ["accept abcd000001"])
  }

  /// A plain editor command, naming a program on disk, replaces the shell, so the stop above
  /// reaches the editor itself; variables set before it stay set. A builtin (`:`), or a
  /// command the shell must read (pipes, quotes, `$`), is run as written.
  @Test func aPlainEditorCommandReplacesTheShell() throws {
    let sandbox = try Sandbox()
    for program in ["vim", "code"] {
      try sandbox.write("#!/bin/sh\n", to: "bin/\(program)")
      try FileManager.default.setAttributes(
        [.posixPermissions: 0o755],
        ofItemAtPath: sandbox.directory.appendingPathComponent("bin/\(program)").path)
    }
    let path = "/nowhere:" + sandbox.directory.appendingPathComponent("bin").path
    let script = { (command: String) in EditorProcess.script(command, path: path) }
    #expect(script("vim") == ("exec vim \"$1\"", true))
    #expect(
      script("code --wait --user-data-dir=/x") == (
        "exec code --wait --user-data-dir=/x \"$1\"", true
      ))
    #expect(script("LANG=C  TERM=xterm vim -f") == ("LANG=C TERM=xterm exec vim -f \"$1\"", true))
    #expect(script("~/bin/ed") == ("exec ~/bin/ed \"$1\"", true))
    for command in [
      ":", "command vim", "claims-no-such-editor", "PATH=/x vim", "vi; true", "vim -c 'set tw=72'",
      "$HOME/bin/ed", "vim | cat",
    ] {
      #expect(script(command) == (command + " \"$1\"", false), "\(command)")
    }
  }

  /// `VISUAL=:`, as scripts set it, edits nothing and fails nothing; a `VISUAL` of spaces is
  /// not set, so `EDITOR` is used.
  @Test(arguments: [[("VISUAL", ":")], [("VISUAL", "  "), ("EDITOR", "true")]])
  func anEditorThatChangesNothingChangesNothing(_ setting: [(String, String)]) throws {
    let sandbox = try ReviewCommandTests.queue()
    let terminal = try PseudoTerminal()
    let process = try start(
      sandbox, on: terminal,
      environment: Dictionary(uniqueKeysWithValues: setting).merging(["NO_COLOR": "1"]) { $1 })
    try terminal.answer("> ", with: "E")
    try terminal.answer("> ", with: "a")
    try terminal.answer("> ", with: "q")
    try #require(process.waitForExit(), "\(terminal.transcript)")
    #expect(process.terminationStatus == 0)
    #expect(!terminal.transcript.contains("editor"), "\(terminal.transcript)")
    #expect(try ReviewCommandTests.decisions(in: sandbox) == ["accept abcd000001"])
  }

  /// An editor killed under the shell (a command the shell must read) is named by its signal,
  /// as one the shell was replaced by is.
  @Test(arguments: [false, true])
  func anEditorKilledIsNamedByItsSignal(underShell: Bool) throws {
    let sandbox = try ReviewCommandTests.queue()
    try sandbox.write("#!/bin/sh\nkill -KILL $$\n", to: "killer")
    let killer = sandbox.directory.appendingPathComponent("killer").path
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: killer)
    let terminal = try PseudoTerminal()
    let process = try start(
      sandbox, on: terminal,
      environment: ["VISUAL": underShell ? "'\(killer)'" : killer, "NO_COLOR": "1"])
    try terminal.answer("> ", with: "E")
    try terminal.answer(
      underShell ? "how the shell reports signal 9 (Killed)" : "was ended by signal 9 (Killed)",
      with: "")
    try terminal.answer("> ", with: "q")
    try #require(process.waitForExit(), "\(terminal.transcript)")
    #expect(process.terminationStatus == 0)
  }

  /// A stop while a decision is written, after the editor ran: the write holds it and takes its
  /// line back, as any write does. The editor is started without leaving threads behind that
  /// could take the signal instead, and a thread that takes one passes it on to the walk's.
  @Test func aStopDuringAWriteAfterTheEditorIsTakenBack() throws {
    let sandbox = try ReviewCommandTests.queue()
    var csv = "text,source,said,confidence\n"
    for number in 0..<20_000 { csv += "Claim \(number) comes true,Kuo,2026-01-21,0.6\n" }
    try #require(try sandbox.importing(csv, as: "many.csv").status == .success)
    let before = try #require(sandbox.ledger())
    let terminal = try PseudoTerminal()
    let process = try start(sandbox, on: terminal, environment: ["VISUAL": "true"])
    try terminal.answer("> ", with: "E")
    try terminal.answer("> ", with: "a")
    try StopSignalCommandTests.untilHolding(SIGTERM, pid: process.processIdentifier)
    kill(process.processIdentifier, SIGTERM)
    try #require(process.waitForExit(), "\(terminal.transcript)")
    #expect(process.terminationReason == .uncaughtSignal, "\(terminal.transcript)")
    #expect(process.terminationStatus == SIGTERM)
    #expect(
      terminal.wait(for: "what it wrote was taken back", timeout: 2), "\(terminal.transcript)")
    #expect(terminal.isSane)
    #expect(sandbox.ledger() == before)
  }

  @Test func ctrlCAtAKeyQuitsCleanly() throws {
    let sandbox = try ReviewCommandTests.queue()
    let terminal = try PseudoTerminal()
    let process = try start(sandbox, on: terminal)
    try terminal.answer("> ", with: "a")
    // Colour is on: a terminal, and NO_COLOR unset.
    try terminal.answer("\u{1B}[", with: "")
    try terminal.answer("[2/5]", with: "")
    try terminal.answer("> ", with: "\u{3}")
    try #require(process.waitForExit(), "\(terminal.transcript)")
    #expect(process.terminationStatus == 0)
    #expect(terminal.isSane)
    #expect(try ReviewCommandTests.decisions(in: sandbox) == ["accept abcd000001"])
    #expect(sandbox.run(["check"]).status == .success)
  }

  @Test func anInterruptDuringAPromptRestoresTheTerminal() throws {
    let sandbox = try ReviewCommandTests.queue()
    let terminal = try PseudoTerminal()
    let process = try start(sandbox, on: terminal)
    try terminal.answer("> ", with: "r")
    try terminal.answer("reason: ", with: "")
    // The far end is not this process's controlling terminal, so Ctrl-C typed in line mode
    // would not reach it as a signal; send the signal the terminal would send.
    process.interrupt()
    try #require(process.waitForExit(), "\(terminal.transcript)")
    // Ended by the signal, as a shell's loop needs to see to stop too (130 in the shell).
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == SIGINT)
    #expect(terminal.isSane)
    #expect(try ReviewCommandTests.decisions(in: sandbox).isEmpty)
    #expect(sandbox.run(["check"]).status == .success)
  }

  /// `kill`, a closed terminal or Ctrl-\ while the walk waits for a key: the terminal gets
  /// its echo and line editing back, and the process ends by the signal at once. SIGQUIT
  /// would otherwise bring the runtime's crash report, which waits for a key of its own.
  @Test(arguments: [SIGTERM, SIGHUP, SIGQUIT])
  func aStopAtAKeyRestoresTheTerminal(_ stop: Int32) throws {
    let sandbox = try ReviewCommandTests.queue()
    let terminal = try PseudoTerminal()
    let process = try start(sandbox, on: terminal, environment: ["NO_COLOR": "1"])
    try terminal.answer("> ", with: "a")
    try terminal.answer("[2/5]", with: "")
    try #require(terminal.wait(for: "> "))
    #expect(!terminal.isSane)
    kill(process.processIdentifier, stop)
    try #require(process.waitForExit(timeout: 10), "\(terminal.transcript)")
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == stop)
    #expect(terminal.isSane)
    terminal.wait(for: "crashed", timeout: 0.5)
    #expect(!terminal.transcript.contains("crashed"), "\(terminal.transcript)")
    #expect(try ReviewCommandTests.decisions(in: sandbox) == ["accept abcd000001"])
  }

  @Test func dueResolveWalksOnATerminal() throws {
    let (sandbox, ids) = try DueResolveTests.overdue()
    let terminal = try PseudoTerminal(columns: 120)
    let process = try start(sandbox, on: terminal, ["due", "--resolve"])
    try terminal.answer("[1/4] \(ids[0])", with: "")
    try terminal.answer("> ", with: "t")
    try terminal.answer("evidence", with: "https://example.com/x\n")
    try terminal.answer("> ", with: "q")
    try #require(process.waitForExit(), "\(terminal.transcript)")
    #expect(process.terminationStatus == 0)
    #expect(terminal.isSane)
    #expect(try sandbox.showJSON(ids[0])?["outcome"] as? String == "true")
  }

  @Test func dueResolveSettlesAGroupOnATerminal() throws {
    let (sandbox, ids) = try DueImpactTests.sandbox()
    let terminal = try PseudoTerminal(columns: 120)
    let process = try start(sandbox, on: terminal, ["due", "--resolve", "--by-subject"])
    try terminal.answer("3 claims about OpenAI", with: "")
    try terminal.answer("> ", with: "a")
    try terminal.answer("verdict for all", with: "")
    try terminal.answer("> ", with: "f")
    try terminal.answer("evidence", with: "https://example.com/no-deal\n")
    try terminal.answer("resolved 3 claims as false", with: "")
    try terminal.answer("> ", with: "q")
    try #require(process.waitForExit(), "\(terminal.transcript)")
    #expect(process.terminationStatus == 0)
    #expect(terminal.isSane)
    for name in ["info", "qbit", "bloomberg"] {
      #expect(try sandbox.showJSON(ids[name] ?? "")?["outcome"] as? String == "false")
    }
    #expect(try sandbox.showJSON(ids["apple"] ?? "")?["status"] as? String == "open")
  }
}
