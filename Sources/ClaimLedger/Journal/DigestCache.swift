import Foundation

/// Remembers a ledger's SHA-256 by the file's identity, so a scorecard of an unchanged ledger
/// does not hash a million claims again.
///
/// As git's index does for the files it tracks, it trusts `stat`: the device, inode, size and
/// the modification and change times, to the nanosecond. Any write changes the change time,
/// which no program can set back, so a changed ledger never matches its old entry. The one
/// gap, a same-sized rewrite within the clock tick in which the digest was taken, is closed the
/// way git closes it: a digest is kept only when the file had not changed for `settleSeconds`
/// before it was read. The cache is a convenience: any failure to read or write it only means
/// hashing again.
public struct DigestCache: Sendable {
  /// The folder holding one small file per ledger.
  public let directory: String
  /// How long a file must have stood unchanged before its digest is kept.
  public let settleSeconds: Int64

  public init(directory: String, settleSeconds: Int64 = 2) {
    self.directory = directory
    self.settleSeconds = settleSeconds
  }

  /// The folder for the user's caches: `$XDG_CACHE_HOME/claims` or `~/.cache/claims`.
  public static func directory(environment: [String: String]) -> String? {
    if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
      return base + "/claims"
    }
    if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/claims" }
    return nil
  }

  /// What `stat` says of a file, to the nanosecond.
  struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: (seconds: Int64, nanoseconds: Int64)
    var changed: (seconds: Int64, nanoseconds: Int64)

    init(_ status: stat) {
      device = UInt64(status.st_dev)
      inode = UInt64(status.st_ino)
      size = Int64(status.st_size)
      modified = (Int64(status.st_mtim.tv_sec), Int64(status.st_mtim.tv_nsec))
      changed = (Int64(status.st_ctim.tv_sec), Int64(status.st_ctim.tv_nsec))
    }

    init?(fields: [Substring]) {
      let numbers = fields.compactMap { Int64($0) }
      guard numbers.count == 7, let device = UInt64(fields[0]), let inode = UInt64(fields[1])
      else { return nil }
      self.device = device
      self.inode = inode
      size = numbers[2]
      modified = (numbers[3], numbers[4])
      changed = (numbers[5], numbers[6])
    }

    static func == (lhs: FileIdentity, rhs: FileIdentity) -> Bool {
      lhs.device == rhs.device && lhs.inode == rhs.inode && lhs.size == rhs.size
        && lhs.modified == rhs.modified && lhs.changed == rhs.changed
    }

    var fields: String {
      [
        "\(device)", "\(inode)", "\(size)", "\(modified.seconds)", "\(modified.nanoseconds)",
        "\(changed.seconds)", "\(changed.nanoseconds)",
      ].joined(separator: " ")
    }
  }

  /// The entry's file: one per ledger, named by where the ledger lives on disk.
  func entryPath(for identity: FileIdentity) -> String {
    directory + "/sha256-\(identity.device)-\(identity.inode)"
  }

  /// The digest kept for a file with exactly this identity, if any.
  func digest(for identity: FileIdentity) -> String? {
    guard let data = FileManager.default.contents(atPath: entryPath(for: identity)),
      let text = String(data: data, encoding: .utf8)
    else { return nil }
    let fields = text.split(separator: " ", omittingEmptySubsequences: false)
    guard fields.count == 9, fields[0] == "v1",
      let stored = FileIdentity(fields: Array(fields[1...7])), stored == identity
    else { return nil }
    let digest = fields[8].hasSuffix("\n") ? fields[8].dropLast() : fields[8]
    guard digest.count == 64, digest.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
      return nil
    }
    return String(digest)
  }

  /// Keeps `digest` for the file, unless it changed within `settleSeconds` before
  /// `readStarted` (seconds since 1970), when a rewrite in the same clock tick could go
  /// unseen. Written to a temporary file and renamed, so a reader sees a whole entry or none.
  func remember(_ digest: String, for identity: FileIdentity, readStarted: Int64) {
    guard identity.changed.seconds + settleSeconds < readStarted else { return }
    let line = "v1 \(identity.fields) \(digest)\n"
    DigestCache.replace(entryPath(for: identity), with: Data(line.utf8))
  }

  /// Writes `contents` beside the cache file at `path` and renames it over the file, making
  /// the folder first, so a reader sees the old file or the new one whole. Failures are
  /// ignored: a cache that cannot be written only means working things out again.
  public static func replace(_ path: String, with contents: Data) {
    let directory = (path as NSString).deletingLastPathComponent
    guard
      (try? FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)) != nil
    else { return }
    let temporary = path + ".tmp-\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: contents) else { return }
    if rename(temporary, path) != 0 { unlink(temporary) }
  }
}
