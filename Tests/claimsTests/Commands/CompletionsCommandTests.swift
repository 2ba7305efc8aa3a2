import ClaimLedger
import Foundation
import Testing

@testable import claims

/// `claims completions`: scripts generated from the same specs as `--help`.
@Suite struct CompletionsCommandTests {
  static let shells = CompletionScript.Shell.allCases

  /// Where each shell's binary may be; a shell that is not installed is not checked.
  static func binary(of shell: CompletionScript.Shell) -> String? {
    ["/bin/", "/usr/bin/", "/usr/local/bin/"].map { $0 + shell.rawValue }
      .first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  func script(_ shell: CompletionScript.Shell) throws -> String {
    let sandbox = try Sandbox()
    let result = sandbox.run(["completions", shell.rawValue])
    try #require(result.status == .success, result.report)
    #expect(result.stderr.isEmpty)
    return result.stdout
  }

  @Test(arguments: shells)
  func namesEveryCommandAndTheOptionsOfSeveral(_ shell: CompletionScript.Shell) throws {
    let text = try script(shell)
    for type in CLI.commands {
      #expect(text.contains(type.spec.name), "\(type.spec.name) missing")
    }
    for type in [ListCommand.self, ResolveCommand.self, ReportCommand.self] as [any Command.Type] {
      for parameter in type.spec.allParameters where !parameter.isPositional {
        let name =
          shell == .fish ? "-l " + parameter.name.dropFirst(2) : Substring(parameter.name)
        #expect(text.contains(name), "\(type.spec.name) \(parameter.name) missing")
      }
    }
    for words in [
      "proposed open resolved rejected", "true false partial void", "md html csv json",
      "ambiguous annulled condition-failed retracted duplicate",
      "csv jsonl fatebook claimreview", "csv jsonl fatebook",
    ] {
      #expect(text.contains(words), "\(words) missing")
    }
    #expect(text.contains("completions ids"))
  }

  @Test(arguments: shells)
  func isValidShellSyntax(_ shell: CompletionScript.Shell) throws {
    guard let binary = Self.binary(of: shell) else { return }
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("claims-completion-\(UUID().uuidString).\(shell.rawValue)")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data(try script(shell).utf8).write(to: file)
    let run = try GitTeam.run(
      URL(fileURLWithPath: binary), ["-n", file.path],
      in: FileManager.default.temporaryDirectory, environment: [:])
    #expect(run.status == 0, run.report)
  }

  @Test func anUnknownShellIsAUsageError() throws {
    let sandbox = try Sandbox()
    let result = sandbox.run(["completions", "tcsh"])
    #expect(result.status == .usage)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.hasPrefix(
        "claims: error: <shell>: 'tcsh' is not bash, zsh or fish\nusage: claims completions <shell>"
      ))
    #expect(sandbox.run(["completions"]).status == .usage)
  }

  @Test func idsAreTheLedgersClaimsOneALine() throws {
    let sandbox = try Sandbox()
    #expect(sandbox.run(["completions", "ids"]).stdout.isEmpty)
    let first = try sandbox.add(
      "OpenAI will acquire Pinterest", "--source", "Bloomberg", "--confidence", "0.7")
    let second = try sandbox.add(
      "Apple ships glasses", "--source", "Bloomberg", "--confidence", "0.6")
    #expect(sandbox.run(["resolve", first, "true"]).status == .success)
    let result = sandbox.run(["completions", "ids"])
    #expect(result.status == .success, result.report)
    #expect(result.stdout == "\(first)\n\(second)\n")
    // Documented, as the README documents it, for scripts of other shells.
    #expect(HelpText.render(CompletionsCommand.spec).contains("claims completions ids"))
  }

  @Test func idScanSkipsOtherEntriesAndMalformedLines() {
    let text = [
      JournalLine.claim("abcd000001", text: "One"), "{\"entry\":",
      "{\"entry\":\"claim\",\"id\":\"xyz\"}",
      JournalLine.claim("abcd000002", text: "Two"), JournalLine.claim("abcd000001", text: "One"),
    ].map { $0 + "\n" }.joined()
    #expect(ClaimIDScan.ids(in: Array(text.utf8)) == ["abcd000001", "abcd000002"])
  }

  /// Runs the bash script's function as bash would on Tab, and returns what it offers.
  func offers(_ words: [String], sandbox: Sandbox, script: String) throws -> [String] {
    let binary = try BuiltBinary.located().path
    let quoted = ([binary] + words).map { "'" + $0 + "'" }.joined(separator: " ")
    let program = """
      \(script)
      COMP_WORDS=(\(quoted))
      COMP_CWORD=\(words.count)
      _claims
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let run = try GitTeam.run(
      URL(fileURLWithPath: "/bin/bash"), ["-c", program], in: sandbox.directory,
      environment: sandbox.environment.merging(["PATH": "/usr/bin:/bin"]) { $1 })
    try #require(run.status == 0, run.report)
    return run.stdout.split(separator: "\n").map(String.init)
  }

  @Test func bashOffersCommandsValuesAndIds() throws {
    guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
    let sandbox = try Sandbox()
    let id = try sandbox.add(
      "OpenAI will acquire Pinterest", "--source", "Bloomberg", "--confidence", "0.7")
    let script = try self.script(.bash)
    #expect(
      Set(try offers(["re"], sandbox: sandbox, script: script))
        == ["resolve", "reopen", "review", "report", "reject"])
    #expect(try offers(["list", "--status", "o"], sandbox: sandbox, script: script) == ["open"])
    #expect(try offers(["list", "--st"], sandbox: sandbox, script: script) == ["--status"])
    // bash splits --status=open at the '='.
    #expect(
      try offers(["list", "--status", "=", "o"], sandbox: sandbox, script: script) == ["open"])
    #expect(
      try offers(["resolve", "--on", "=", "2026-07-01", id, "p"], sandbox: sandbox, script: script)
        == ["partial"])
    #expect(try offers(["resolve", ""], sandbox: sandbox, script: script) == [id])
    #expect(
      try offers(["resolve", "--on", "2026-07-01", id, ""], sandbox: sandbox, script: script)
        == ["true", "false", "partial", "void"])
    #expect(
      try offers(["report", "--format", ""], sandbox: sandbox, script: script) == [
        "md", "html", "csv", "json",
      ])
    #expect(try offers(["help", "comp"], sandbox: sandbox, script: script) == ["completions"])
  }

  /// A file name with spaces is one reply; right after `--status=` (bash makes the '=' the
  /// word) the values are offered; a quoted or escaped ledger path still names the ledger.
  @Test func bashKeepsFileNamesWholeAndCompletesAfterAnEqualsSign() throws {
    guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
    let sandbox = try Sandbox()
    try sandbox.write("a,b\n", to: "my report.csv")
    try sandbox.write("a,b\n", to: "my notes.md")
    let script = try self.script(.bash)
    #expect(
      Set(try offers(["import", "my"], sandbox: sandbox, script: script))
        == ["my report.csv", "my notes.md"])
    #expect(
      try offers(["list", "--status", "="], sandbox: sandbox, script: script).contains("open"))
    try FileManager.default.createDirectory(
      atPath: sandbox.path("my dir"), withIntermediateDirectories: true)
    try (JournalLine.claim("abcd000009", text: "Elsewhere") + "\n").write(
      toFile: sandbox.path("my dir/ledger.jsonl"), atomically: true, encoding: .utf8)
    for spelling in ["\"my dir/ledger.jsonl\"", "my\\ dir/ledger.jsonl"] {
      let offered = try offers(
        ["show", "--ledger", spelling, ""], sandbox: sandbox, script: script)
      #expect(offered == ["abcd000009"], "\(spelling)")
    }
  }

  /// zsh reads the ledger named by `--ledger PATH` (quoted or not) without an error, and
  /// completes a value after `--status=`.
  @Test func zshFindsTheNamedLedgerAndCompletesAfterAnEqualsSign() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh") else { return }
    let sandbox = try Sandbox()
    try sandbox.add("Here", "--source", "Bloomberg", "--confidence", "0.7")
    try FileManager.default.createDirectory(
      atPath: sandbox.path("my dir"), withIntermediateDirectories: true)
    try (JournalLine.claim("abcd000009", text: "Elsewhere") + "\n").write(
      toFile: sandbox.path("my dir/ledger.jsonl"), atomically: true, encoding: .utf8)
    let binary = try BuiltBinary.located().path
    // Without compinit there is no compdef for the script's last line to call.
    let program = """
      compdef() { : }
      \(try script(.zsh))
      words=('\(binary)' show --ledger "'my dir/ledger.jsonl'" ""); CURRENT=5; _claims_ids
      """
    let run = try GitTeam.run(
      URL(fileURLWithPath: "/usr/bin/zsh"), ["-f", "-c", program], in: sandbox.directory,
      environment: sandbox.environment.merging(["PATH": "/usr/bin:/bin"]) { $1 })
    #expect(run.status == 0, run.report)
    #expect(run.stdout == "abcd000009\n", run.report)
    #expect(run.stderr.isEmpty, run.report)
  }

  /// Ids come from the ledger the command line names, however it is written: `--ledger PATH`,
  /// `--ledger=PATH` (which bash splits at the '='), and a path starting with `~`, which the
  /// shell has not expanded yet when the script reads it.
  @Test func bashFindsTheLedgerNamedByAnySpelling() throws {
    guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
    let sandbox = try Sandbox()
    let home = sandbox.path("home")
    try FileManager.default.createDirectory(
      atPath: home + "/proj/Claims", withIntermediateDirectories: true)
    let other = home + "/proj/Claims/ledger.jsonl"
    try (JournalLine.claim("abcd000009", text: "Elsewhere") + "\n").write(
      toFile: other, atomically: true, encoding: .utf8)
    try sandbox.add("Here", "--source", "Bloomberg", "--confidence", "0.7")
    var script = try self.script(.bash)
    script = "HOME='\(home)'\n" + script
    for spelling in [
      ["--ledger", other], ["--ledger", "=", other], ["--ledger=" + other],
      ["--ledger", "~/proj/Claims/ledger.jsonl"], ["--ledger=~/proj/Claims/ledger.jsonl"],
    ] {
      let offered = try offers(["show"] + spelling + [""], sandbox: sandbox, script: script)
      #expect(offered == ["abcd000009"], "\(spelling)")
    }
  }

  /// Global options typed before the command (`claims --ledger L show`) are stepped over to
  /// find it, complete themselves, and still name the ledger the ids come from.
  @Test func bashCompletesAfterGlobalOptionsBeforeTheCommand() throws {
    guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
    let sandbox = try Sandbox()
    let here = try sandbox.add("Here", "--source", "Bloomberg", "--confidence", "0.7")
    try (JournalLine.claim("abcd000009", text: "Elsewhere") + "\n").write(
      toFile: sandbox.path("other.jsonl"), atomically: true, encoding: .utf8)
    let script = try self.script(.bash)
    #expect(try offers(["--json", "li"], sandbox: sandbox, script: script) == ["list"])
    #expect(
      try offers(["--ledger", "other.jsonl", "show", ""], sandbox: sandbox, script: script)
        == ["abcd000009"])
    #expect(
      try offers(["--ledger", "=", "other.jsonl", "show", ""], sandbox: sandbox, script: script)
        == ["abcd000009"])
    #expect(
      try offers(
        ["--today", "2026-12-01", "--json", "resolve", here, ""], sandbox: sandbox, script: script
      ) == ["true", "false", "partial", "void"])
    #expect(try offers(["--ledger", "oth"], sandbox: sandbox, script: script) == ["other.jsonl"])
    #expect(try offers(["--today", ""], sandbox: sandbox, script: script).isEmpty)
    #expect(try offers(["--js"], sandbox: sandbox, script: script) == ["--json"])
    let commands = try offers(["--json", ""], sandbox: sandbox, script: script)
    #expect(commands == CLI.commands.map { $0.spec.name })
  }

  /// fish answers `complete -C` for a typed line without a terminal, so the script is run as
  /// fish runs it on Tab.
  @Test func fishCompletesCommandsOptionsAndIdsAfterGlobalOptions() throws {
    guard let fish = Self.binary(of: .fish) else { return }
    let sandbox = try Sandbox()
    let here = try sandbox.add("Here", "--source", "Bloomberg", "--confidence", "0.7")
    try (JournalLine.claim("abcd000009", text: "Elsewhere") + "\n").write(
      toFile: sandbox.path("other.jsonl"), atomically: true, encoding: .utf8)
    try sandbox.write(try script(.fish), to: "claims.fish")
    let binary = try BuiltBinary.located()
    func offers(_ line: String) throws -> [String] {
      let run = try GitTeam.run(
        URL(fileURLWithPath: fish),
        ["--no-config", "-c", "source claims.fish; complete -C '\(line)'"],
        in: sandbox.directory,
        environment: sandbox.environment.merging([
          "PATH": binary.deletingLastPathComponent().path + ":/usr/bin:/bin"
        ]) { $1 })
      try #require(run.status == 0, run.report)
      // Each offer is the word, then a tab and its description.
      return run.stdout.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
    }
    #expect(try offers("claims li") == ["list"])
    #expect(try offers("claims --json li") == ["list"])
    #expect(try offers("claims --ledger other.jsonl show ") == ["abcd000009"])
    #expect(try offers("claims --ledger=other.jsonl show ") == ["abcd000009"])
    #expect(try offers("claims --today 2026-12-01 reopen ") == [here])
    #expect(try offers("claims --ledger oth") == ["other.jsonl"])
    #expect(
      Set(try offers("claims --json resolve \(here) ")) == ["true", "false", "partial", "void"])
    #expect(try offers("claims --json list --st") == ["--status"])
    #expect(Set(try offers("claims -")).isSuperset(of: ["--ledger", "--json", "--version"]))
  }

  /// zsh's completion functions run only inside its completion system, so the two helpers
  /// that read the words typed are checked: where the command is, and which argument the
  /// cursor is on.
  @Test func zshFindsTheCommandAfterGlobalOptions() throws {
    guard let zsh = Self.binary(of: .zsh) else { return }
    let sandbox = try Sandbox()
    let program = """
      compdef() { : }
      \(try script(.zsh))
      words=(claims --ledger L.jsonl --json resolve --on 2026-07-01 abcd000001 ""); CURRENT=9
      print -r -- $(_claims_command_at) $(_claims_position 5 "--on --by")
      words=(claims --ledger=L.jsonl --today 2026-07-01 show ""); CURRENT=6
      print -r -- $(_claims_command_at) $(_claims_position 5 "")
      words=(claims --ledger ""); CURRENT=3
      print -r -- $(_claims_command_at)
      """
    let run = try GitTeam.run(
      URL(fileURLWithPath: zsh), ["-f", "-c", program], in: sandbox.directory,
      environment: sandbox.environment)
    #expect(run.status == 0, run.report)
    #expect(run.stdout == "5 1\n5 0\n4\n", run.report)
    #expect(run.stderr.isEmpty, run.report)
  }
}
