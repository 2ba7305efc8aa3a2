import Foundation

/// The `merge` attribute git gives the ledger, asked of git itself: a later line of
/// `.gitattributes` (`*.jsonl -merge`, `* binary`), a `.gitattributes` in a subfolder,
/// `.git/info/attributes` or a global attributes file can each override the line `init`
/// writes, and then two clones' entries conflict on every merge instead of being kept.
enum GitMergeAttribute {
  /// What git reads for `path` (relative to `workTree`): `union`, `unset`, `unspecified`,
  /// `binary`…; nil when git is not installed or cannot answer (not a work tree).
  static func value(forPath path: String, in workTree: String) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    // -z: NUL-separated fields, so a path holding a colon or a quote is not misread.
    process.arguments = ["git", "-C", workTree, "check-attr", "-z", "merge", "--", path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return nil
    }
    // Read to the end before waiting, so a full pipe cannot stall the child.
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let fields = data.split(separator: 0, omittingEmptySubsequences: false)
    guard fields.count >= 3 else { return nil }
    return String(decoding: fields[2], as: UTF8.self)
  }
}
