import ClaimExtractor
import ClaimLedger
import ClaimReports
import Foundation

/// The command line: global options, the command registry, and errors turned into messages
/// and statuses.
enum CLI {
  static let version = "0.1.0"

  /// Every command, in the order `claims help` lists them.
  static let commands: [any Command.Type] = [
    InitCommand.self, AddCommand.self, ListCommand.self, ShowCommand.self, ResolveCommand.self,
    ReopenCommand.self, AmendCommand.self, DueCommand.self, SourcesCommand.self,
    CheckCommand.self, ExtractCommand.self, ReviewCommand.self, AcceptCommand.self,
    RejectCommand.self, ReportCommand.self, ExportCommand.self, ImportCommand.self,
    CompletionsCommand.self, HelpCommand.self,
  ]

  /// What one run printed and how it ended.
  struct Result: Equatable {
    var status: ExitStatus
    /// What is left to print on standard output; long output went there as it was made.
    var stdout: String
    var stderr: String
    /// A stop signal (Ctrl-C, `kill`) that came while the command wrote: its write was undone,
    /// and the process ends by the signal once the message is out, as the shell expects.
    var stopSignal: Int32? = nil
  }

  /// Runs one command line; never exits, so tests can call it in-process.
  static func run(
    _ arguments: [String], environment: [String: String], workingDirectory: String,
    clock: @escaping @Sendable () -> Date = { Date() }, terminal: Terminal
  ) -> Result {
    var commandName: String?
    let arguments = commandFirst(arguments)
    do {
      guard let first = arguments.first else {
        return Result(
          status: .success, stdout: HelpText.overview(commands.map { $0.spec }, version: version),
          stderr: "")
      }
      if first == "--version" || first == "-V" {
        return Result(status: .success, stdout: "claims \(version)\n", stderr: "")
      }
      if first == "--help" || first == "-h" {
        return Result(
          status: .success, stdout: HelpText.overview(commands.map { $0.spec }, version: version),
          stderr: "")
      }
      guard let type = commands.first(where: { $0.spec.name == first }) else {
        let names = commands.map { $0.spec.name }
        if ["--ledger", "--today", "--json"].contains(where: { first.hasPrefix($0) }) {
          throw UsageError("a command must follow \(first) (claims [--ledger PATH] <command>)")
        }
        if first.hasPrefix("-") {
          let options = ["--help", "--version", "--ledger", "--today", "--json"]
          // `--help` and `--version` need no command; the others do.
          let needsCommand = !Suggestion.closest(to: first, among: options).contains {
            $0 == "--help" || $0 == "--version"
          }
          throw UsageError(
            "unknown option '\(first)'" + Suggestion.phrase(for: first, among: options)
              + (needsCommand ? " (a command comes first: claims <command> [options])" : ""))
        }
        throw UsageError("unknown command '\(first)'" + Suggestion.phrase(for: first, among: names))
      }
      commandName = type.spec.name
      let input = try ParsedInput(Array(arguments.dropFirst()), spec: type.spec)
      if input.wantsHelp {
        return Result(status: .success, stdout: HelpText.render(type.spec), stderr: "")
      }
      let command = try type.init(input)
      if let help = command as? HelpCommand {
        return Result(status: .success, stdout: help.text, stderr: "")
      }
      let context = try makeContext(
        input, environment: environment, workingDirectory: workingDirectory, clock: clock,
        terminal: terminal)
      let output = try command.run(in: context)
      let notes = output.notes.map { "claims: \(Self.visible($0))\n" }.joined()
      return Result(status: output.status, stdout: output.text, stderr: notes)
    } catch let error as UsageError {
      return refusal(error, commandName: commandName)
    } catch {
      let status = ExitStatus(for: error)
      let isKnown =
        error is LedgerError || error is ReportError || error is OutputError
        || error is ExtractionError || error is ImportError
      let text = isKnown ? "\(error)" : "internal error (\(type(of: error))): \(error)"
      return Result(
        status: status, stdout: "", stderr: "claims: error: \(Self.visible(text))\n",
        stopSignal: ExitStatus.stopSignal(of: error))
    }
  }

  /// Whether the command line asks only for help or the version, which open no file.
  static func opensNoFile(_ arguments: [String]) -> Bool {
    let words = commandFirst(arguments)
    guard let first = words.first else { return true }
    // `-h` after the command may be an option's value (`--search -h`); `--help` never is.
    return ["--version", "-V", "--help", "-h", "help"].contains(first) || words.contains("--help")
  }

  /// A usage error's message with the usage line of the command it concerns, or the tool's.
  static func refusal(_ error: UsageError, commandName: String? = nil) -> Result {
    var message = "claims: error: \(Self.visible(error.message))\n"
    let name = error.command ?? commandName
    if let name, let type = commands.first(where: { $0.spec.name == name }) {
      message += "usage: \(type.spec.usage)\nsee 'claims help \(name)'\n"
    } else {
      message += "usage: claims <command> [options]\nsee 'claims help'\n"
    }
    return Result(status: .usage, stdout: "", stderr: message)
  }

  /// The options every command takes (`--ledger`, `--today`, `--json`), when typed before the
  /// command as git's are (`claims --ledger L list`), moved to just after it, before any `--`.
  static func commandFirst(_ arguments: [String]) -> [String] {
    var leading: [String] = []
    var index = 0
    while index < arguments.count {
      let word = arguments[index]
      if word == "--json" || word.hasPrefix("--ledger=") || word.hasPrefix("--today=") {
        leading.append(word)
        index += 1
      } else if word == "--ledger" || word == "--today", index + 1 < arguments.count {
        leading += [word, arguments[index + 1]]
        index += 2
      } else {
        break
      }
    }
    let next = index < arguments.count ? arguments[index] : "-"
    guard !leading.isEmpty,
      !next.hasPrefix("-") || ["--help", "-h", "--version", "-V"].contains(next)
    else { return arguments }
    return [arguments[index]] + leading + arguments[(index + 1)...]
  }

  /// A message with each control character but the newline written as `\u{1B}`: messages
  /// quote what a file or an argument held, and an escape sequence in it must not reach the
  /// terminal.
  static func visible(_ message: String) -> String {
    guard message.unicodeScalars.contains(where: isHidden) else { return message }
    var shown = String.UnicodeScalarView()
    for scalar in message.unicodeScalars {
      if isHidden(scalar) {
        shown.append(
          contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
      } else {
        shown.append(scalar)
      }
    }
    return String(shown)
  }

  /// A control character but a line break, or a direction override (U+202A–U+202E,
  /// U+2066–U+2069), which would reorder the message on a terminal that lays text out both
  /// ways.
  private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    scalar != "\n"
      && (scalar.properties.generalCategory == .control || BidiControl.contains(scalar))
  }

  /// Resolves the global options and the environment once, at the edge.
  private static func makeContext(
    _ input: ParsedInput, environment: [String: String], workingDirectory: String,
    clock: @escaping @Sendable () -> Date, terminal: Terminal
  ) throws(UsageError) -> Context {
    // A bad value names where it came from: the option, or the variable it fell back on.
    let fixedToday: Day?
    let todayOption = input.option("--today")
    if let word = todayOption ?? environment["CLAIMS_TODAY"].flatMap({ $0.isEmpty ? nil : $0 }) {
      guard let day = Day(argument: word) else {
        let origin = todayOption == nil ? "CLAIMS_TODAY" : "--today"
        throw UsageError("\(origin): '\(word)' is not \(Day.expectation)", command: input.spec.name)
      }
      fixedToday = day
    } else {
      fixedToday = nil
    }
    if input.option("--ledger")?.isEmpty == true {
      throw UsageError("--ledger is empty; give the ledger's path", command: input.spec.name)
    }
    // Set but empty is a script's variable that held nothing (CLAIMS_LEDGER=$DIR/…): writing
    // to the ledger found from the working folder instead would put claims where none meant.
    if input.option("--ledger") == nil, environment["CLAIMS_LEDGER"]?.isEmpty == true,
      !["help", "completions"].contains(input.spec.name)
    {
      throw UsageError(
        "CLAIMS_LEDGER is set but empty; give the ledger's path, or unset it to use the "
          + "nearest Claims/ledger.jsonl", command: input.spec.name)
    }
    // A path ending in `/` names a folder; read as a file it would make one named like it.
    let named = input.option("--ledger") ?? environment["CLAIMS_LEDGER"]
    if let named, named.hasSuffix("/") {
      let origin = input.option("--ledger") == nil ? "CLAIMS_LEDGER" : "--ledger"
      throw UsageError(
        "\(origin) \(named) ends in /, which names a folder; give the ledger file's path, such as "
          + "\(named)ledger.jsonl", command: input.spec.name)
    }
    // Entries are stamped with the real time even when today is fixed: `at` says when a
    // line was written, and the fold orders by it.
    let now = Timestamp(clock())
    let path = LedgerLocator.path(
      option: input.option("--ledger"), environment: environment["CLAIMS_LEDGER"],
      workingDirectory: workingDirectory)
    var timeout = 10.0
    if let word = environment["CLAIMS_LOCK_TIMEOUT"], !word.isEmpty {
      // Spaces around it are taken as `CLAIMS_TODAY`'s are.
      guard let seconds = Double(word.trimmingSpaces()), seconds.isFinite, seconds >= 0 else {
        throw UsageError(
          "CLAIMS_LOCK_TIMEOUT: '\(word)' is not a number of seconds", command: input.spec.name)
      }
      timeout = seconds
    }
    return Context(
      ledgerPath: path,
      explicitLedger: (input.option("--ledger")
        ?? environment["CLAIMS_LEDGER"].flatMap { $0.isEmpty ? nil : $0 })
        .map { LedgerLocator.resolved($0, in: workingDirectory) },
      workingDirectory: workingDirectory, today: fixedToday ?? now.day,
      now: now, json: input.flag("--json"), terminal: terminal, lockTimeout: timeout,
      digestCache: DigestCache.directory(environment: environment).map {
        DigestCache(directory: $0)
      }, clock: clock)
  }
}
