import Foundation

/// An open descriptor on the ledger holding a `flock` lock; the lock goes with the descriptor.
///
/// `flock`, not `fcntl`: a classic `fcntl` lock is dropped when the process closes *any*
/// descriptor of the file, which any read through Foundation would do behind our back.
final class LockedFile {
  let descriptor: Int32
  let path: String
  /// For appends, the stop signals held back from taking the lock until the descriptor is
  /// closed, so a write they interrupt can be cut back first (`stopIfAsked`).
  private let stopHold: StopSignalHold?

  enum Mode {
    case read
    case append
  }

  /// Opens `path` and takes a shared (read) or exclusive (append) lock, waiting up to
  /// `timeout` seconds. For appends, re-checks after locking that the path still names the
  /// file that was locked, so a writer never appends to a file replaced while it waited.
  init(path: String, mode: Mode, timeout: Double) throws(LedgerError) {
    self.path = path
    var attempts = 0
    while true {
      // `O_NONBLOCK` so a named pipe given as the ledger is refused below rather than waited
      // on for a writer forever; on a regular file it changes nothing.
      let flags =
        (mode == .read ? O_RDONLY : O_RDWR | O_APPEND) | O_CLOEXEC | O_NONBLOCK
      let fd = open(path, flags)
      guard fd >= 0 else { throw LockedFile.openError(path: path, errno: errno, mode: mode) }
      var status = stat()
      guard fstat(fd, &status) == 0 else {
        let reason = String(cString: strerror(errno))
        close(fd)
        throw .unreadable(path: path, reason: reason)
      }
      guard status.st_mode & S_IFMT == S_IFREG else {
        close(fd)
        throw .notAFile(path: path)
      }
      do throws(LedgerError) {
        try LockedFile.lock(
          fd, exclusive: mode == .append, timeout: timeout, path: path, status: status)
      } catch {
        close(fd)
        throw error
      }
      // Gone (removed or renamed while this waited) or replaced: open the path again, which
      // then finds the file there now, or says there is none.
      var current = stat()
      if mode == .append,
        stat(path, &current) != 0 || current.st_ino != status.st_ino
          || current.st_dev != status.st_dev
      {
        close(fd)
        attempts += 1
        guard attempts < 10 else {
          throw .writeFailed(path: path, reason: "the file keeps being replaced")
        }
        continue
      }
      descriptor = fd
      stopHold = mode == .append ? StopSignalHold() : nil
      return
    }
  }

  /// Closes the descriptor, which lets the lock go; a stop signal not taken by then is kept for
  /// the process to end by once it has said what it did (`StopSignalHold.takeDeferredStop`).
  deinit {
    close(descriptor)
  }

  /// Throws `.interrupted` when a stop signal came since the lock was taken, taking it; the
  /// caller cuts back what it appended first.
  func stopIfAsked() throws(LedgerError) {
    if let signal = stopHold?.takeStop() { throw .interrupted(path: path, signal: signal) }
  }

  /// What `stat` says of the open file now.
  func identity() throws(LedgerError) -> DigestCache.FileIdentity {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    return DigestCache.FileIdentity(status)
  }

  /// The file's size in bytes now.
  func size() throws(LedgerError) -> Int {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    return Int(status.st_size)
  }

  /// Reads the whole file from the start.
  func readAll() throws(LedgerError) -> [UInt8] {
    try read(count: try size(), at: 0)
  }

  /// Reads `count` bytes at `offset` (fewer at the end of the file), into storage that is not
  /// zero-filled first: on a large ledger the filling cost as much as the reading.
  func read(count: Int, at offset: Int) throws(LedgerError) -> [UInt8] {
    var failure: Int32 = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      initialized = 0
      guard let base = buffer.baseAddress else { return }
      while initialized < count {
        let got = pread(
          descriptor, base + initialized, count - initialized, off_t(offset + initialized))
        if got < 0, errno == EINTR { continue }
        guard got > 0 else {
          if got < 0 { failure = errno }
          return
        }
        initialized += got
      }
    }
    guard failure == 0 else {
      throw .unreadable(path: path, reason: String(cString: strerror(failure)))
    }
    return bytes
  }

  /// Reads into `buffer` from `offset` until it is full or the file ends; returns the count
  /// read. Safe to call from several threads at once: `pread` keeps no shared file position.
  static func fill(
    _ buffer: UnsafeMutableRawBufferPointer, descriptor: Int32, at offset: Int
  ) -> Result<Int, Errno> {
    guard let base = buffer.baseAddress else { return .success(0) }
    var filled = 0
    while filled < buffer.count {
      let got = pread(descriptor, base + filled, buffer.count - filled, off_t(offset + filled))
      if got < 0, errno == EINTR { continue }
      if got < 0 { return .failure(Errno(code: errno)) }
      if got == 0 { break }
      filled += got
    }
    return .success(filled)
  }

  /// An `errno` value carried out of a worker.
  struct Errno: Error {
    var code: Int32
  }

  /// Writes all of `bytes` at the end of the file (the descriptor is `O_APPEND`) and makes
  /// them durable before returning. When a write or the sync fails (a full disk, a file size
  /// limit), or a stop signal came meanwhile, the file is cut back to its size before, so the
  /// failure reported leaves no part of a line behind: "nothing was recorded" stays true, and
  /// the next command finds no torn line.
  func appendDurably(_ bytes: [UInt8]) throws(LedgerError) {
    let sizeBefore = try size()
    do throws(LedgerError) {
      try append(bytes)
      try sync()
      try stopIfAsked()
    } catch {
      cutBack(to: sizeBefore)
      throw error
    }
  }

  /// Writes all of `bytes` at the end of the file, not yet synced. (A large append goes
  /// through a `BlockWriter` instead.)
  func append(_ bytes: [UInt8]) throws(LedgerError) {
    var done = 0
    while done < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        guard let base = buffer.baseAddress else { return 0 }
        return write(descriptor, base + done, bytes.count - done)
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else {
        throw writeFailure(errno)
      }
      done += count
    }
  }

  /// Appends `bytes` through `writer`, a large append's (`BlockWriter`), not yet synced.
  func append(_ bytes: ArraySlice<UInt8>, through writer: BlockWriter) throws(LedgerError) {
    do throws(BlockWriter.Failure) {
      try writer.write(bytes)
    } catch {
      throw writeFailure(error.code)
    }
  }

  /// Writes what `writer` holds still, not yet synced.
  func finish(_ writer: BlockWriter) throws(LedgerError) {
    do throws(BlockWriter.Failure) {
      try writer.finish()
    } catch {
      throw writeFailure(error.code)
    }
  }

  private func writeFailure(_ code: Int32) -> LedgerError {
    .writeFailed(path: path, reason: String(cString: strerror(code)))
  }

  /// Cuts the file back to `size`, dropping what this holder appended after it, and syncs; the
  /// caller is reporting a failure already, so this one is best effort.
  func cutBack(to size: Int) {
    guard ftruncate(descriptor, off_t(size)) == 0 else { return }
    _ = fsync(descriptor)
  }

  /// Flushes what was written to the disk, then checks that the path still names this file:
  /// a ledger removed or replaced meanwhile (a `git checkout`, a sync tool writing a new copy)
  /// took the lines with it, and the command must not report them recorded.
  func sync() throws(LedgerError) {
    guard fsync(descriptor) == 0 else {
      throw writeFailure(errno)
    }
    var open = stat()
    var named = stat()
    guard fstat(descriptor, &open) == 0, stat(path, &named) == 0,
      open.st_ino == named.st_ino, open.st_dev == named.st_dev
    else {
      throw .writeFailed(
        path: path,
        reason: "the file was removed or replaced while this command wrote to it, so what it "
          + "wrote is not in the ledger there now; run the command again")
    }
  }

  static func openError(path: String, errno code: Int32, mode: Mode) -> LedgerError {
    switch code {
    case ENOENT:
      missing(path)
    case EISDIR: .notAFile(path: path)
    // Not readable by this user: reading is what fails first, for every command.
    case EACCES where faccessat(AT_FDCWD, path, R_OK, AT_EACCESS) != 0:
      .unreadable(path: path, reason: String(cString: strerror(code)))
    // Readable, but not writable by this user or on this file system: a write's failure.
    case EACCES where mode == .append, EPERM where mode == .append, EROFS where mode == .append:
      .writeFailed(
        path: path,
        reason: "\(String(cString: strerror(code))) (the ledger is read-only here; reading "
          + "commands still work)")
    default: .unreadable(path: path, reason: String(cString: strerror(code)))
    }
  }

  /// Why nothing is at `path`. A link whose target is gone is there, and `init` cannot create
  /// over it: said so, as is a folder linked into a sync folder that is not mounted.
  private static func missing(_ path: String) -> LedgerError {
    if let target = danglingLinkTarget(path) {
      return .unreadable(path: path, reason: "it is a link to \(target), which does not exist")
    }
    let folder = (path as NSString).deletingLastPathComponent
    if let target = danglingLinkTarget(folder) {
      return .unreadable(
        path: path, reason: "its folder \(folder) is a link to \(target), which does not exist")
    }
    return .notFound(path: path)
  }

  /// Where `path` links to when it is a symbolic link whose target does not exist; nil for
  /// anything else.
  static func danglingLinkTarget(_ path: String) -> String? {
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
      stat(path, &status) != 0, errno != ELOOP,
      let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path)
    else { return nil }
    return target
  }

  /// Whether `path` is a link that leads round a loop of links, so nothing is there to read
  /// and nothing can be created.
  static func isLinkLoop(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) != 0 && errno == ELOOP
  }

  /// Polls `LOCK_NB` until `timeout`, so a stuck holder gives a clear error, not a hang;
  /// passes the writers' turnstile first, so a writer waits only for the readers already in.
  private static func lock(
    _ fd: Int32, exclusive: Bool, timeout: Double, path: String, status: stat
  ) throws(LedgerError) {
    let deadline = Date().addingTimeInterval(timeout)
    let timedOut = { () -> LedgerError in
      .locked(path: path, holder: LockHolder.describe(device: status.st_dev, inode: status.st_ino))
    }
    let turnstile = WriterTurnstile(descriptor: fd, exclusive: exclusive)
    var isInTurnstile = false
    if let turnstile {
      var pause = PollPause()
      var stall = TurnstileStall(descriptor: fd)
      while true {
        switch turnstile.tryEnter() {
        case .entered: isInTurnstile = true
        case .unavailable: break
        case .occupied:
          guard Date() < deadline else {
            let ahead = LockHolder.describe(device: status.st_dev, inode: status.st_ino)
            throw .locked(
              path: path,
              holder: "a writer waiting its turn" + (ahead.map { ", which waits for \($0)" } ?? ""))
          }
          // A writer that does not take the ledger when nobody holds it is stopped (Ctrl-Z)
          // or stuck; it must not keep everyone else out.
          if stall.isStalled() { break }
          pause.wait()
          continue
        }
        break
      }
      // A reader only waits its turn: the writer ahead of it has the ledger by now, or will
      // before the reader's shared lock is granted.
      if isInTurnstile, !exclusive {
        turnstile.leave()
        isInTurnstile = false
      }
    }
    defer { if isInTurnstile { turnstile?.leave() } }
    let operation = (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB
    var pause = PollPause()
    while flock(fd, operation) != 0 {
      guard errno == EWOULDBLOCK || errno == EINTR else {
        throw .unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      guard Date() < deadline else { throw timedOut() }
      pause.wait()
    }
  }
}

/// Whether the writer in the turnstile has stopped taking its turn: a waiting writer tries for
/// the ledger at least every 50 ms, so nobody holding the ledger for half a second while the
/// turnstile stays held means that writer is stopped (Ctrl-Z, a debugger) or stuck. Whether
/// anybody holds it is asked of the kernel with a try for an exclusive `flock`, let go at once:
/// `/proc/locks` leaves out holders in other process namespaces (another container).
private struct TurnstileStall {
  let descriptor: Int32
  private var freeSince: Date?

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  mutating func isStalled() -> Bool {
    let now = Date()
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      freeSince = nil
      return false
    }
    flock(descriptor, LOCK_UN)
    let since = freeSince ?? now
    freeSince = since
    return now.timeIntervalSince(since) >= 0.5
  }
}

/// The pause between two tries for a lock: 1 ms, doubling up to 50 ms.
private struct PollPause {
  private var microseconds: useconds_t = 1_000

  mutating func wait() {
    usleep(microseconds)
    microseconds = min(microseconds * 2, 50_000)
  }
}

/// Names the process holding a lock on a file, from Linux's `/proc/locks`.
enum LockHolder {
  /// "process 1234 (claims add …)", or nil when it cannot be told.
  static func describe(device: dev_t, inode: ino_t) -> String? {
    guard let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else {
      return nil
    }
    let commandLine = { (pid: Int32) -> String? in
      // Read when it can be; a process that is gone has none, and one of another user's may
      // not be readable (hidepid), which is not the same.
      if let text = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8),
        !text.isEmpty
      {
        return text
      }
      return kill(pid, 0) != 0 && errno == ESRCH ? nil : ""
    }
    // The device `/proc/locks` gives is the file system's, which on btrfs (a subvolume) or an
    // overlay is not the one `stat` gives: the inode alone then names the file.
    return describe(
      table: table, file: fileField(device: device, inode: inode), commandLine: commandLine)
      ?? describe(table: table, inode: inode, commandLine: commandLine)
  }

  /// The holder of an `flock` on a file of this inode, whatever its device.
  static func describe(table: String, inode: ino_t, commandLine: (Int32) -> String?) -> String? {
    let suffix = ":\(inode)"
    for line in table.split(separator: "\n") {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      guard fields.count >= 6, fields[1] == "FLOCK", fields[5].hasSuffix(suffix) else { continue }
      return describe(table: String(line), file: String(fields[5]), commandLine: commandLine)
    }
    return nil
  }

  /// The holder of an `flock` on `file` in a `/proc/locks` table; `commandLine` reads a
  /// process's arguments, NUL-separated: nil when it has exited, empty when they cannot be
  /// read.
  static func describe(table: String, file: String, commandLine: (Int32) -> String?) -> String? {
    for line in table.split(separator: "\n") {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      guard fields.count >= 6, fields[1] == "FLOCK", fields[5] == Substring(file),
        let pid = Int32(fields[4])
      else { continue }
      guard let arguments = commandLine(pid) else {
        // The kernel keeps the pid of the process that took the lock; a process it started
        // holds the descriptor, and the lock, on after it exited.
        return "process \(pid), which has exited (a process it started holds the lock still)"
      }
      guard !arguments.isEmpty else { return "process \(pid)" }
      // One line: the message is one line, and an argument may hold line breaks.
      let command = arguments.split(separator: "\0").joined(separator: " ")
        .split(whereSeparator: \.isNewline).joined(separator: " ")
      return "process \(pid) (\(command))"
    }
    return nil
  }

  /// The file as `/proc/locks` names it: the device's major and minor numbers in hex, then
  /// the inode, so a file of the same inode on another device is not taken for it.
  static func fileField(device: dev_t, inode: ino_t) -> String {
    let device = UInt64(device)
    let major = ((device >> 8) & 0xfff) | ((device >> 32) & ~0xfff)
    let minor = (device & 0xff) | ((device >> 12) & ~0xff)
    func hex(_ value: UInt64) -> String {
      let digits = String(value, radix: 16)
      return digits.count < 2 ? "0" + digits : digits
    }
    return "\(hex(major)):\(hex(minor)):\(inode)"
  }
}
