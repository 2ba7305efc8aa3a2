import Foundation

/// The temporary file a writer fills beside a file before renaming it over that file: hidden,
/// so a listing or `git status` does not show it, named for the writing process and a random
/// word (`.scorecard-2026.md.tmp-4242-9f3a61c0`), and locked with `flock` for as long as it is
/// written. A file left by a process killed mid-write is removed by the next writer of the same
/// file, once no process of that number runs and nothing holds its lock: a writer in another
/// process namespace (a container sharing the folder) has a number that looks free here, but
/// still holds its lock.
public enum TemporaryFiles {
  /// Why a temporary file could not be made: the `errno` of `open`.
  public struct Refusal: Error, Sendable {
    public let code: Int32
  }

  /// `.NAME.tmp-PID-NONCE` in the folder of `path`.
  public static func path(
    replacing path: String, process: Int32 = getpid(),
    nonce: UInt32 = UInt32.random(in: 0...UInt32.max)
  ) -> String {
    let (folder, name) = parts(of: path)
    let word = String(nonce, radix: 16)
    return folder + "/" + prefix(for: name) + "\(process)-"
      + String(repeating: "0", count: 8 - word.count) + word
  }

  /// Creates and locks a new temporary file for `path` with the permission bits `mode`: its
  /// path and descriptor, or the `errno` of the failure. The caller writes it, renames it, and
  /// only then closes it, which lets the lock go.
  public static func create(replacing path: String, mode: mode_t = 0o644) -> Result<
    (path: String, descriptor: Int32), Refusal
  > {
    removeAbandoned(replacing: path)
    let temporary = self.path(replacing: path)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
    guard descriptor >= 0 else { return .failure(Refusal(code: errno)) }
    _ = flock(descriptor, LOCK_EX | LOCK_NB)
    return .success((temporary, descriptor))
  }

  /// Removes the temporary files for `path` whose writers are gone: no process has the number
  /// in the name, and the file's lock is free. A running writer's file (another report at
  /// work on the same folder) is left alone, and so is any name not of this form.
  public static func removeAbandoned(replacing path: String) {
    let (folder, name) = parts(of: path)
    let prefix = prefix(for: name)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for candidate in names where candidate.hasPrefix(prefix) {
      guard let process = writer(of: candidate.dropFirst(prefix.count)), process != getpid(),
        isGone(process)
      else { continue }
      let abandoned = folder + "/" + candidate
      let descriptor = open(abandoned, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
      guard descriptor >= 0 else { continue }
      if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { unlink(abandoned) }
      close(descriptor)
    }
  }

  /// The process number of `PID-NONCE`, written exactly as this type writes it: decimal
  /// digits with no sign or leading zero, a hyphen, eight lower-case hex digits.
  static func writer(of suffix: Substring) -> Int32? {
    let pieces = suffix.split(separator: "-", omittingEmptySubsequences: false)
    guard pieces.count == 2, let process = Int32(pieces[0]), process > 0,
      String(process) == pieces[0], pieces[1].utf8.count == 8,
      pieces[1].utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
    else { return nil }
    return process
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
