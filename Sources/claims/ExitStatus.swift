import ClaimExtractor
import ClaimLedger
import ClaimReports

/// The process exit statuses, as documented in the README; only the executable picks them.
enum ExitStatus: Int32 {
  case success = 0
  case failure = 1
  case usage = 2
  case dataError = 65
  case noInput = 66
  case cannotCreate = 73
  case ioError = 74
  case tempFailure = 75
  /// A stop signal undid a write; the process then ends by that signal (130 for Ctrl-C, 143 for
  /// `kill`), and this status is used only if it does not.
  case interrupted = 130

  init(for error: any Error) {
    switch error {
    case is UsageError:
      self = .usage
    case let error as LedgerError:
      switch error {  // no default: a new case must choose its status
      case .malformedEntry, .tornLastLine, .lastLineWithoutNewline, .malformedSideFile:
        self = .dataError
      case .notFound: self = .noInput
      case .notAFile, .unreadable: self = .noInput
      case .locked: self = .tempFailure
      case .writeFailed: self = .ioError
      case .cannotCreate: self = .cannotCreate
      case .unknownClaim, .ambiguousPrefix, .invalidTransition, .noMatch: self = .failure
      case .interrupted: self = .interrupted
      }
    case let error as ReportError:
      switch error {
      case .cannotCreate: self = .cannotCreate
      case .interrupted: self = .interrupted
      }
    case let error as ExtractionError:
      switch error {
      case .notFound: self = .noInput
      case .unreadable: self = .noInput
      case .empty, .binary, .notUTF8, .unterminatedFrontMatter, .malformedFrontMatter,
        .malformedLexicon, .datedAfterToday:
        self = .dataError
      }
    case let error as ImportError:
      switch error {
      case .malformed, .badValue, .missingColumns, .badRows, .noGoodRows: self = .dataError
      case .notFound, .unreadable: self = .noInput
      }
    case is OutputError:
      self = .ioError
    default:
      self = .failure
    }
  }
}

/// Standard output could not be written (a full disk, a closed pipe).
struct OutputError: Error, CustomStringConvertible {
  var reason: String
  var description: String { "cannot write the output: \(reason)" }
}

extension ExitStatus {
  /// The stop signal that undid the command's write, which the process should end by.
  static func stopSignal(of error: any Error) -> Int32? {
    switch error {
    case LedgerError.interrupted(_, let signal), ReportError.interrupted(_, let signal): signal
    default: nil
    }
  }
}
