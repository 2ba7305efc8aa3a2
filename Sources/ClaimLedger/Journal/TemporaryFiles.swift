import Foundation

/// The temporary file a writer fills beside a file before renaming it over that file: hidden,
/// so a listing or `git status` does not show it, and named for the writing process, so one
/// left by a process killed mid-write is known by its number and removed by the next writer.
public enum TemporaryFiles {
  /// `.NAME.tmp-PID` in the folder of `path`.
  public static func path(replacing path: String, process: Int32 = getpid()) -> String {
    let (folder, name) = parts(of: path)
    return folder + "/" + prefix(for: name) + "\(process)"
  }

  /// Removes the temporary files for `path` whose writers are no longer running. A running
  /// writer's file (another report at work on the same folder) is left alone, and so is this
  /// process's own, which its writer replaces.
  public static func removeAbandoned(replacing path: String) {
    let (folder, name) = parts(of: path)
    let prefix = prefix(for: name)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for candidate in names where candidate.hasPrefix(prefix) {
      guard let process = Int32(candidate.dropFirst(prefix.count)), process > 0,
        process != getpid(), isGone(process)
      else { continue }
      unlink(folder + "/" + candidate)
    }
  }

  /// Whether no process has the number; one that exists but belongs to another user counts
  /// as running.
  static func isGone(_ process: Int32) -> Bool {
    kill(process, 0) != 0 && errno == ESRCH
  }

  private static func prefix(for name: String) -> String { "." + name + ".tmp-" }

  private static func parts(of path: String) -> (folder: String, name: String) {
    let folder = (path as NSString).deletingLastPathComponent
    return (folder.isEmpty ? "." : folder, (path as NSString).lastPathComponent)
  }
}
