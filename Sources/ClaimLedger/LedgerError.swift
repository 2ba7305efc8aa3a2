/// Why the ledger could not be read or appended to, or a claim could not be found in it.
public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A line that is not a valid entry; `reason` says what is wrong, in a few words.
  case malformedEntry(at: SourceLocation, reason: String)
  /// The last line lacks its newline, so a write was cut short.
  case tornLastLine(at: SourceLocation)
  /// The last line is a whole entry but lacks its newline, as an editor may save it.
  case lastLineWithoutNewline(at: SourceLocation)
  /// Another process kept the lock past the timeout.
  case locked(path: String, holder: String?)
  /// No ledger file at the path.
  case notFound(path: String)
  /// The path names something that is not a regular file (a directory, a device).
  case notAFile(path: String)
  /// The file exists but cannot be opened or read (permissions, I/O error).
  case unreadable(path: String, reason: String)
  /// A write, flush or truncate failed; nothing was reported as saved.
  case writeFailed(path: String, reason: String)
  /// A file to create exists already (`init`) or cannot be created.
  case cannotCreate(path: String, reason: String)
  /// No claim has an id starting with the prefix.
  case unknownClaim(prefix: String)
  /// Several claims start with the prefix; they are listed so a longer one can be chosen.
  case ambiguousPrefix(prefix: String, matches: [ClaimID])
  /// No claim passes the filters a command that acts on claims was given (`accept --all
  /// --document nope.md`); the message says what was asked.
  case noMatch(String)
  /// The command does not fit the claim's state (resolving a proposed claim, …).
  case invalidTransition(id: ClaimID, reason: String)
  /// A side file (`sources.json`) is not what it should be.
  case malformedSideFile(at: SourceLocation, reason: String)
  /// A stop signal (Ctrl-C, `kill`) came while the command wrote to the ledger; what it wrote
  /// was cut off again, so the ledger is as it was before the command.
  case interrupted(path: String, signal: Int32)

  public var description: String {
    switch self {
    case .malformedEntry(let location, let reason):
      "\(location): \(reason)"
    case .tornLastLine(let location):
      "\(location): \(UnendedLine.tornMessage)"
    case .lastLineWithoutNewline(let location):
      "\(location): \(UnendedLine.wholeMessage)"
    case .locked(let path, let holder):
      "\(path) stayed locked" + (holder.map { " by \($0)" } ?? " by another process")
        + "; try again when it is done"
    case .notFound(let path):
      "no ledger at \(path); 'claims init' creates one"
    case .notAFile(let path):
      "\(path) is not a regular file"
    case .unreadable(let path, let reason):
      "cannot read \(path): \(reason)"
    case .writeFailed(let path, let reason):
      "cannot write \(path): \(reason); nothing was recorded"
    case .cannotCreate(let path, let reason):
      "cannot create \(path): \(reason)"
    case .unknownClaim(let prefix) where IDPrefix(prefix) == nil:
      "'\(prefix)' is not a claim id: ids are 10 hex digits, and a prefix needs at least 4"
    case .unknownClaim(let prefix):
      "no claim has an id starting with '\(prefix)'"
    case .ambiguousPrefix(let prefix, let matches):
      "'\(prefix)' names \(matches.count) claims (\(matches.prefix(10).map(\.description).joined(separator: ", "))\(matches.count > 10 ? ", …" : "")); "
        + "give more digits"
    case .invalidTransition(let id, let reason):
      "claim \(id) \(reason)"
    case .noMatch(let message): message
    case .malformedSideFile(let location, let reason):
      "\(location): \(reason)"
    case .interrupted(let path, let signal):
      "stopped by \(StopSignalHold.name(of: signal)) while writing \(path); what it wrote was "
        + "taken back, so nothing was recorded"
    }
  }
}
