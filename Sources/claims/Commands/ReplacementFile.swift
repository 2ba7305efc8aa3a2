import ClaimLedger
import ClaimReports
import Foundation

/// A file written in pieces that appears whole or not at all: the pieces go into a temporary
/// file beside it, which is synced and renamed over the path only when all are written.
///
/// The pieces are gathered into blocks that go straight to the disk where the file system
/// takes them (`BlockWriter`): copying a gigabyte into the page cache and syncing it afterwards
/// took the processor longer than rendering it, and a direct write costs it almost nothing.
final class ReplacementFile {
  let path: String
  private let temporary: String
  private var descriptor: Int32
  private let writer: BlockWriter
  /// Stop signals held from the start until the rename, so Ctrl-C or `kill` removes the
  /// temporary file instead of leaving it behind.
  private var stopHold: StopSignalHold?

  /// Whether whole blocks may still go straight to the disk: asked for, and not refused so
  /// far (a file shorter than a block never goes direct).
  var isDirect: Bool { writer.mayWriteDirect }
  static var blockSize: Int { BlockWriter.blockSize }

  /// Creates the temporary file for `path`, whose folder must exist, as a shell's `>` wants
  /// it: a mistyped folder is an error, not a new tree. `original`, the file being replaced,
  /// gives the new one its permission bits and, where allowed, its owner, so a read-only or
  /// private file stays so. `direct: false` keeps every write in the page cache.
  init(replacing path: String, keeping original: stat? = nil, direct: Bool = true)
    throws(ReportError)
  {
    let directory = (path as NSString).deletingLastPathComponent
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) else {
      throw .cannotCreate(path: path, reason: "there is no folder \(directory)")
    }
    guard isFolder.boolValue else {
      throw .cannotCreate(path: path, reason: "\(directory) is a file, not a folder")
    }
    self.path = path
    // Held from before the temporary file exists, so no stop can leave it behind.
    let stopHold = StopSignalHold()
    switch TemporaryFiles.create(replacing: path) {
    case .success(let created): (temporary, descriptor) = created
    case .failure(let refusal):
      // The file is made beside its target and renamed over it, so the folder must take a
      // new file even where the target itself is writable, and a name with room for the
      // temporary file's ending.
      throw .cannotCreate(
        path: path,
        reason: refusal.code == ENAMETOOLONG
          ? "its name leaves no room for the temporary file written beside it; use a shorter one"
          : "a new file cannot be made in its folder \(directory) "
            + "(\(String(cString: strerror(refusal.code))))")
    }
    if let original {
      // The owner first, then the permission bits; set-id and sticky bits are not carried
      // onto an export. Only root may give a file away, and a failure leaves the writer's own.
      if original.st_uid != geteuid() || original.st_gid != getegid() {
        _ = fchown(descriptor, original.st_uid, original.st_gid)
      }
      _ = fchmod(descriptor, original.st_mode & 0o777)
    }
    // The flag is set after opening, so a file system that refuses it fails at the first
    // block and not at `open`, which may have created the file already.
    writer = BlockWriter(descriptor: descriptor, offset: 0, direct: direct)
    self.stopHold = stopHold
  }

  /// The temporary file is removed unless `commit` renamed it.
  deinit {
    abandon()
  }

  func write(_ bytes: [UInt8]) throws(ReportError) {
    try requireOpen()
    let wroteBlock: Bool
    do throws(BlockWriter.Failure) {
      wroteBlock = try writer.write(bytes[...])
    } catch {
      try fail(error.code)
    }
    // Looked at once a block, not once a piece: a piece may be a single line.
    if wroteBlock { try stopIfAsked() }
  }

  /// Throws when an earlier failure or stop removed the temporary file: nothing more goes
  /// into it, and no commit reports a file that is not there.
  private func requireOpen() throws(ReportError) {
    guard descriptor >= 0 else {
      throw .cannotCreate(path: path, reason: "an earlier write to it failed")
    }
  }

  /// Removes the temporary file and throws `.interrupted` when a stop signal came.
  private func stopIfAsked() throws(ReportError) {
    guard let signal = stopHold?.takeStop() else { return }
    abandon()
    throw .interrupted(path: path, signal: signal)
  }

  /// Writes the waiting bytes and syncs the file, then renames it over `path` and syncs the
  /// folder. After a failed write the file is gone, and so is any commit.
  func commit() throws(ReportError) {
    try finishWriting()
    try rename()
  }

  /// Writes the waiting bytes and syncs the file under its temporary name: what `rename` then
  /// puts in place is whole. A stop asked for by now removes it.
  func finishWriting() throws(ReportError) {
    try requireOpen()
    do throws(BlockWriter.Failure) {
      try writer.finish()
    } catch {
      try fail(error.code)
    }
    if fsync(descriptor) != 0 { try fail(errno) }
    try stopIfAsked()
  }

  /// Renames the finished file over `path` and syncs the folder.
  func rename() throws(ReportError) {
    try requireOpen()
    // Renamed while still open, so its lock holds until it has its final name.
    let isRenamed = Glibc.rename(temporary, path) == 0
    let code = errno
    if !isRenamed { unlink(temporary) }
    close(descriptor)
    descriptor = -1
    if !isRenamed {
      stopHold = nil
      throw .cannotCreate(path: path, reason: String(cString: strerror(code)))
    }
    LedgerStore.syncDirectory((path as NSString).deletingLastPathComponent)
    // The file is whole under its name: a stop asked for now ends the process after it.
    stopHold = nil
  }

  private func fail(_ code: Int32) throws(ReportError) -> Never {
    abandon()
    throw .cannotCreate(
      path: path,
      reason: "writing it failed (\(String(cString: strerror(code)))); any file there is as it was")
  }

  private func abandon() {
    guard descriptor >= 0 else { return }
    close(descriptor)
    descriptor = -1
    unlink(temporary)
    stopHold = nil
  }
}
