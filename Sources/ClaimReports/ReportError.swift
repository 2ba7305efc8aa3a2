/// Why a scorecard could not be written; the scorecards arrive with their own issue.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An output file or folder that cannot be created.
  case cannotCreate(path: String, reason: String)

  public var description: String {
    switch self {
    case .cannotCreate(let path, let reason): "cannot create \(path): \(reason)"
    }
  }
}
