import Foundation

/// Starts the disk write of a file's dirty pages without waiting for it (Linux's
/// `sync_file_range` with `SYNC_FILE_RANGE_WRITE`), so that a large append is on its way to
/// the disk while the rest is still being written, and the `fsync` that ends it waits for
/// less: the disk sat idle during an append and then took the whole of it at once.
///
/// Glibc's Swift module leaves the call out (it needs `_GNU_SOURCE`), so it is looked up by
/// name; where it is missing, starting early is skipped and `fsync` does all the work, as
/// before. It only starts writes, so it changes no guarantee: durability is still `fsync`'s.
enum Writeback {
  /// Bytes appended between two starts: large enough that the calls cost nothing, small
  /// enough that the disk begins early.
  static let stride = 32 << 20

  private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

  /// `SYNC_FILE_RANGE_WRITE`: start writing dirty pages that are not already being written.
  private static let writeFlag: UInt32 = 2

  private static let syncFileRange: SyncFileRange? = {
    // RTLD_DEFAULT: the symbol wherever the process has it.
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else {
      return nil
    }
    return unsafeBitCast(symbol, to: SyncFileRange.self)
  }()

  /// Starts writing every dirty page of the file behind `descriptor`; best effort, true when
  /// the kernel took the request.
  @discardableResult
  static func start(_ descriptor: Int32) -> Bool {
    // Offset 0 with length 0 is the whole file; clean pages and those already being written
    // are passed over.
    syncFileRange?(descriptor, 0, 0, writeFlag) == 0
  }
}
