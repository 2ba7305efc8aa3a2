import ClaimLedger

/// Why a scorecard or an export file could not be written.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An output file or folder that cannot be created.
  case cannotCreate(path: String, reason: String)
  /// A stop signal (Ctrl-C, `kill`) came while the file was written; its temporary file is
  /// gone and the file at `path` is as it was.
  case interrupted(path: String, signal: Int32)

  public var description: String {
    switch self {
    case .cannotCreate(let path, let reason): "cannot create \(path): \(reason)"
    case .interrupted(let path, let signal):
      "stopped by \(StopSignalHold.name(of: signal)) while writing \(path), which is as it was"
    }
  }
}
