import ClaimLedger
import Foundation

/// `claims completions`: a completion script for bash, zsh or fish, computed from the specs.
struct CompletionsCommand: Command {
  static let spec = CommandSpec(
    name: "completions",
    abstract: "Print a completion script for bash, zsh or fish.",
    discussion: """
      The script completes commands, options, the values an option takes, and claim ids
      from the ledger. Install it with one of:
        claims completions bash > ~/.local/share/bash-completion/completions/claims
        claims completions zsh > ~/.zfunc/_claims     (~/.zfunc in fpath before compinit)
        claims completions fish > ~/.config/fish/completions/claims.fish
      The scripts list claim ids with 'claims completions ids', which prints the ledger's ids,
      one a line, without taking its lock.
      """,
    parameters: [
      .positional("shell", help: "bash, zsh or fish.").completing(CompletionScript.Shell.self)
    ], printsJSON: false)

  /// A script, or (what the scripts ask for) the ledger's claim ids, one a line.
  enum Request: Equatable {
    case script(CompletionScript.Shell)
    case ids
  }

  var request: Request

  init(_ input: ParsedInput) throws(UsageError) {
    let word = try input.required("shell")
    if word == "ids" {
      request = .ids
    } else if let shell = CompletionScript.Shell(rawValue: word.lowercased()) {
      request = .script(shell)
    } else {
      throw UsageError("<shell>: '\(word)' is not bash, zsh or fish", command: Self.spec.name)
    }
  }

  func run(in context: Context) throws -> CommandOutput {
    switch request {
    case .script(let shell):
      return CommandOutput(CompletionScript.render(shell, for: CLI.commands.map { $0.spec }))
    case .ids:
      // Read without the lock or the fold: a completion must be quick and never fail loudly.
      guard let data = FileManager.default.contents(atPath: context.ledgerPath) else {
        return CommandOutput("")
      }
      let ids = ClaimIDScan.ids(in: [UInt8](data))
      return CommandOutput(ids.map { $0 + "\n" }.joined())
    }
  }
}
