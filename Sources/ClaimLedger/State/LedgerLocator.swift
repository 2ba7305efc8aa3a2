import Foundation

/// Finds the ledger the way git finds `.git`: the nearest `Claims/ledger.jsonl` walking up.
public enum LedgerLocator {
  public static let relativePath = "Claims/ledger.jsonl"

  /// `--ledger` wins, then `CLAIMS_LEDGER`, then the walk up from `workingDirectory`; when no
  /// ledger is found, the path where `claims init` would create one in the working folder.
  public static func path(option: String?, environment: String?, workingDirectory: String) -> String
  {
    if let option, !option.isEmpty { return resolved(option, in: workingDirectory) }
    if let environment, !environment.isEmpty { return resolved(environment, in: workingDirectory) }
    var directory = URL(fileURLWithPath: workingDirectory, isDirectory: true).standardizedFileURL
    while true {
      let candidate = directory.appendingPathComponent(relativePath).path
      if isPresent(candidate)
        || LockedFile.danglingLinkTarget(directory.appendingPathComponent("Claims").path) != nil
      {
        return candidate
      }
      let parent = directory.deletingLastPathComponent()
      if parent.path == directory.path { break }
      directory = parent
    }
    return URL(fileURLWithPath: workingDirectory).appendingPathComponent(relativePath).path
  }

  /// Whether anything is at `path`, a link to nothing included: such a ledger, or a `Claims`
  /// folder linked so (into a sync folder that is not mounted), is the one meant, and is
  /// reported as such; walking on past it would write to a ledger further up.
  private static func isPresent(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0
  }

  /// `path` as is when absolute, else taken from `workingDirectory`.
  public static func resolved(_ path: String, in workingDirectory: String) -> String {
    path.hasPrefix("/")
      ? path : URL(fileURLWithPath: workingDirectory).appendingPathComponent(path).path
  }
}
