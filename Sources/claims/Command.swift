import ClaimLedger
import Foundation

/// A subcommand: a declared command line, a typed value parsed from it, and what running it prints.
protocol Command: Sendable {
  static var spec: CommandSpec { get }
  /// Converts and cross-checks the parsed words; every usage error is thrown from here or the parser.
  init(_ input: ParsedInput) throws(UsageError)
  /// Does the work through the libraries and returns what to print.
  func run(in context: Context) throws -> CommandOutput
}

/// What a command prints: text for standard output, and notes for standard error.
struct CommandOutput: Equatable {
  var text: String
  var notes: [String] = []
  /// A non-zero status for a run that worked but found problems (`check`).
  var status: ExitStatus = .success

  init(_ text: String, notes: [String] = [], status: ExitStatus = .success) {
    self.text = text
    self.notes = notes
    self.status = status
  }
}

/// What the global options and the environment decided; commands read nothing else from the process.
struct Context: Sendable {
  /// The ledger file, resolved from `--ledger`, `CLAIMS_LEDGER` or the walk up the folders.
  var ledgerPath: String
  /// The ledger named by `--ledger` or `CLAIMS_LEDGER`, when one was.
  var explicitLedger: String?
  var workingDirectory: String
  var today: Day
  /// The instant entries are stamped with.
  var now: Timestamp
  var json: Bool
  var terminal: Terminal
  var lockTimeout: Double
  /// Where the ledger's SHA-256 is remembered between runs, when the user has a cache folder.
  var digestCache: DigestCache?
  /// The clock `now` was read from.
  var clock: @Sendable () -> Date = { Date() }

  /// The instant a decision made now is stamped with: an interactive walk records each at the
  /// time it is made, never before the command started.
  func stamp() -> Timestamp {
    max(now, Timestamp(clock()))
  }

  var store: LedgerStore {
    LedgerStore(path: ledgerPath, lockTimeout: lockTimeout, digestCache: digestCache)
  }
}
