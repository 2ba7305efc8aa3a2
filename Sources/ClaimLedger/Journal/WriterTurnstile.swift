import Foundation

/// A byte-range lock far past the ledger's end that every command passes through before it
/// asks for the ledger's `flock`, so a writer waiting for readers to finish is not starved by
/// readers that keep arriving: `flock` grants a shared lock whenever no exclusive one is held,
/// and readers that overlap (a shell prompt's `due --count` in several terminals, a dashboard
/// polling `list`) would otherwise keep a writer out until it timed out. SQLite's PENDING
/// lock does the same.
///
/// A writer holds the turnstile exclusively while it waits for the ledger, and lets it go once
/// it has the ledger. A reader takes it shared for as long as it waits for the ledger, so it
/// waits behind a writer that came first, and never keeps a writer from the turnstile for
/// longer than its own wait.
///
/// Open-file-description locks (`F_OFD_SETLK`): like `flock`, they belong to the descriptor,
/// so closing any other descriptor of the file does not drop them, and they do not interfere
/// with `flock` on the file systems where both are kept by the kernel. Where a network file
/// system emulates `flock` with byte-range locks (NFS, SMB), the two would collide, so the
/// turnstile is used only on local file systems; elsewhere a command waits as it did before.
struct WriterTurnstile {
  private let descriptor: Int32
  private let exclusive: Bool

  /// The byte the lock covers: past any file's end, so it can never guard real bytes.
  static let offset = off_t(Int64.max - 1)

  /// The file systems whose kernels keep `flock` and byte-range locks apart: ext2/3/4, XFS,
  /// Btrfs, tmpfs, overlayfs, F2FS, ZFS, bcachefs.
  static let localFileSystems: Set<Int> = [
    0xEF53, 0x5846_5342, 0x9123_683E, 0x0102_1994, 0x794C_7630, 0xF2F5_2010, 0x2FC1_2FC1,
    0xCA45_1A4E,
  ]

  /// A turnstile on `descriptor`'s file, or nil where the file system is not known to keep
  /// the two kinds of lock apart.
  init?(descriptor: Int32, exclusive: Bool) {
    guard let system = Self.fileSystemType(descriptor), Self.localFileSystems.contains(system)
    else { return nil }
    self.descriptor = descriptor
    self.exclusive = exclusive
  }

  private typealias FileSystemStatus = @convention(c) (Int32, UnsafeMutableRawPointer?) -> Int32

  /// `fstatfs`, which Glibc's Swift module leaves out (`sys/vfs.h`), looked up by name as
  /// `SubsequenceSearch` looks up `memmem`.
  private static let fileSystemStatus: FileSystemStatus? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "fstatfs") else {
      return nil
    }
    return unsafeBitCast(symbol, to: FileSystemStatus.self)
  }()

  /// The magic number of the file system holding the file: `f_type`, the first word of
  /// Linux's `struct statfs` (120 bytes on 64-bit machines; the buffer leaves room to spare).
  static func fileSystemType(_ descriptor: Int32) -> Int? {
    guard let fileSystemStatus else { return nil }
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)
    defer { buffer.deallocate() }
    guard fileSystemStatus(descriptor, buffer) == 0 else { return nil }
    return Int(UInt32(truncatingIfNeeded: buffer.load(as: Int.self)))
  }

  /// What one try to pass in found.
  enum Try {
    case entered
    /// A writer holds it (or, for a writer, anyone does): try again.
    case occupied
    /// The file system refused the lock itself; the command goes on without the turnstile.
    case unavailable
  }

  func tryEnter() -> Try {
    var lock = Self.range(type: exclusive ? F_WRLCK : F_RDLCK)
    if fcntl(descriptor, Self.setLock, &lock) == 0 { return .entered }
    return errno == EAGAIN || errno == EACCES || errno == EINTR ? .occupied : .unavailable
  }

  /// Lets the next command through.
  func leave() {
    var lock = Self.range(type: F_UNLCK)
    _ = fcntl(descriptor, Self.setLock, &lock)
  }

  /// Whether a writer holds the turnstile now, as another descriptor of the file sees it.
  static func isHeldByWriter(descriptor: Int32) -> Bool {
    var lock = range(type: F_RDLCK)
    return fcntl(descriptor, getLock, &lock) == 0 && lock.l_type == F_WRLCK
  }

  /// `F_OFD_GETLK` and `F_OFD_SETLK`, which Glibc's Swift module leaves out; Linux's values.
  private static let getLock: Int32 = 36
  private static let setLock: Int32 = 37

  private static func range(type: Int32) -> flock {
    var lock = flock()
    lock.l_type = Int16(type)
    lock.l_whence = Int16(SEEK_SET)
    lock.l_start = offset
    lock.l_len = 1
    return lock
  }
}
