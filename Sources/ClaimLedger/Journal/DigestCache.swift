import Foundation

/// Remembers a ledger's SHA-256 by the file's identity, so a scorecard of an unchanged ledger
/// does not hash a million claims again, and one of a ledger grown by appends hashes only the
/// new lines.
///
/// As git's index does for the files it tracks, it trusts `stat`: the device, inode, size and
/// the modification and change times, to the nanosecond. Any write changes the change time,
/// which no program can set back, so a changed ledger never matches its old entry. The one
/// gap, a same-sized rewrite within the clock tick in which the digest was taken, is closed the
/// way git closes it: a digest is believed on `stat` alone only when the file had not changed
/// for `settleSeconds` before it was read.
///
/// Each entry also keeps where the hash stood at the last whole block (a `ResumePoint`). When
/// the same file has grown, or `stat` alone cannot be believed, its start is checked against the
/// entry's fingerprint (a pass at memory speed) and the hash goes on from there. The cache is a
/// convenience: any failure to read or write it only means hashing again.
public struct DigestCache: Sendable {
  /// The folder holding one small file per ledger.
  public let directory: String
  /// How long a file must have stood unchanged before its digest is believed on `stat` alone.
  public let settleSeconds: Int64

  public init(directory: String, settleSeconds: Int64 = 2) {
    self.directory = directory
    self.settleSeconds = settleSeconds
  }

  /// Where the hash of a file stood after its first `byteCount` bytes (a whole number of
  /// blocks), with the fingerprint that shows the file still starts with those bytes.
  struct ResumePoint: Sendable, Equatable {
    var sha256: SHA256.Midstate
    var fingerprint: PrefixFingerprint

    /// The start of every file: nothing hashed yet.
    static let start = ResumePoint(sha256: SHA256.initialState, fingerprint: PrefixFingerprint())

    var byteCount: Int { Int(sha256.byteCount) }
  }

  /// What an entry says of one file.
  struct Remembered: Equatable {
    var identity: FileIdentity
    /// Whether the file had settled when it was read, so `stat` alone vouches for it.
    var settled: Bool
    var digest: String
    var resumePoint: ResumePoint
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

  /// The digest kept for a file with exactly this identity that had settled when it was read.
  func digest(for identity: FileIdentity) -> String? {
    guard let entry = remembered(for: identity), entry.settled, entry.identity == identity
    else { return nil }
    return entry.digest
  }

  /// Where hashing the file may go on from, if it is a file the cache knows and at least as
  /// long as what was hashed of it; the caller checks the fingerprint before trusting it.
  func resumePoint(for identity: FileIdentity) -> ResumePoint? {
    guard let entry = remembered(for: identity),
      entry.identity.device == identity.device, entry.identity.inode == identity.inode,
      entry.resumePoint.byteCount <= identity.size
    else { return nil }
    return entry.resumePoint
  }

  /// The entry for the file's device and inode, if it reads back whole.
  func remembered(for identity: FileIdentity) -> Remembered? {
    guard let data = FileManager.default.contents(atPath: entryPath(for: identity)),
      let text = String(data: data, encoding: .utf8), text.hasSuffix("\n")
    else { return nil }
    return Remembered(line: text.dropLast())
  }

  /// Keeps `digest` and the hash's `resumePoint` for the file. The digest is believed on `stat`
  /// alone later only if the file had not changed within `settleSeconds` before `readStarted`
  /// (seconds since 1970), when a rewrite in the same clock tick could go unseen. Written to a
  /// temporary file and renamed, so a reader sees a whole entry or none.
  func remember(
    _ digest: String, resumePoint: ResumePoint = .start, for identity: FileIdentity,
    readStarted: Int64
  ) {
    let entry = Remembered(
      identity: identity, settled: identity.changed.seconds + settleSeconds < readStarted,
      digest: digest, resumePoint: resumePoint)
    DigestCache.replace(entryPath(for: identity), with: Data((entry.line + "\n").utf8))
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
    // Written here rather than with `FileManager.createFile`, which on Linux writes through a
    // temporary file of its own that a kill leaves behind under a name nobody cleans up.
    guard case .success(let (temporary, descriptor)) = TemporaryFiles.create(replacing: path)
    else { return }
    let isWritten = contents.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count, let base = bytes.baseAddress {
        let written = write(descriptor, base + offset, bytes.count - offset)
        if written > 0 {
          offset += written
        } else if written == 0 || errno != EINTR {
          return false
        }
      }
      return true
    }
    // Renamed while still open, so its lock holds until it has its final name.
    if !isWritten || rename(temporary, path) != 0 { unlink(temporary) }
    close(descriptor)
  }
}

extension DigestCache.Remembered {
  /// `v2`, the identity's seven numbers, `1` or `0` for settled, the digest, then the resume
  /// point: the bytes hashed, the eight state words and the fingerprint's two, in hex.
  var line: String {
    let point = resumePoint
    let words = point.sha256.words.map { String($0, radix: 16) }
    return
      (["v2", identity.fields, settled ? "1" : "0", digest, "\(point.byteCount)"] + words + [
        String(point.fingerprint.first, radix: 16), String(point.fingerprint.second, radix: 16),
      ]).joined(separator: " ")
  }

  init?(line: Substring) {
    let fields = line.split(separator: " ", omittingEmptySubsequences: false)
    guard fields.count == 21, fields[0] == "v2",
      let identity = DigestCache.FileIdentity(fields: Array(fields[1...7])),
      fields[8] == "1" || fields[8] == "0",
      fields[9].utf8.count == 64,
      fields[9].utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
      let byteCount = UInt64(fields[10]), byteCount <= UInt64(Int.max)
    else { return nil }
    let words = fields[11...18].compactMap { UInt32($0, radix: 16) }
    let state = SHA256.Midstate(words: words, byteCount: byteCount)
    guard words.count == 8, SHA256(resuming: state) != nil,
      let first = UInt64(fields[19], radix: 16), let second = UInt64(fields[20], radix: 16)
    else { return nil }
    self.init(
      identity: identity, settled: fields[8] == "1", digest: String(fields[9]),
      resumePoint: DigestCache.ResumePoint(
        sha256: state,
        fingerprint: PrefixFingerprint(first: first, second: second, byteCount: byteCount)))
  }
}
