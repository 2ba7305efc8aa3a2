import Foundation

/// Writes a long stream of bytes at the end of a file in large blocks that go straight to the
/// disk (`O_DIRECT`) where the file system takes them.
///
/// Copying a gigabyte into the page cache and syncing it afterwards took the processor longer
/// than the disk took to write it: every page the cache fills is memory touched for the first
/// time. A direct write hands the disk the block itself. Direct writes need their memory, file
/// offset and length aligned, so the bytes are gathered in an aligned block, and what does not
/// fit that goes through the cache: the bytes up to the file's first aligned offset (synced
/// before the first direct block), and a last block that is not a whole number of aligned
/// units. Where direct writes are refused, every block goes through the cache, and the disk is
/// asked to start on those every few dozen megabytes (`Writeback`). Apart from that one sync,
/// durability is the caller's `fsync`.
public final class BlockWriter {
  /// Bytes per write: large enough that the disk, not the calls, sets the pace.
  public static let blockSize = 4 << 20
  /// The alignment of a direct write's memory, offset and length; a multiple of any device's
  /// logical block size.
  public static let alignment = 4096

  /// Why a write failed: its `errno`.
  public struct Failure: Error, Equatable, Sendable {
    public var code: Int32
  }

  private let descriptor: Int32
  /// Bytes waiting to be written; page-aligned, since direct writes need that.
  private let block: UnsafeMutableRawBufferPointer
  private var blockCount = 0
  /// How many bytes the block takes before it is written: up to the file's next aligned
  /// offset at first, whole blocks after that.
  private var blockLimit: Int
  /// Where the file ends, as far as this writer has taken it.
  private var fileOffset: Int
  /// Whether blocks may go direct: asked for, and not refused so far.
  public private(set) var mayWriteDirect: Bool
  /// Whether the descriptor has `O_DIRECT` set now.
  private var isDirectNow = false
  /// Bytes written past the cache.
  private(set) var directBytes = 0
  /// Bytes written through the cache since the disk was last asked to start on them.
  private var cachedSinceWriteback = 0
  /// How often the disk was asked to start on cached bytes.
  private(set) var writebackStarts = 0
  /// Whether bytes went through the cache since the last flush before a direct block.
  private var hasUnflushedCachedBytes = false
  /// How often cached bytes were flushed before a direct write.
  private(set) var flushesBeforeDirect = 0
  /// The first failure: every later call throws it again, so a block that failed is never
  /// sent again, perhaps to another file that took the descriptor's number meanwhile.
  private var failure: Failure?

  /// A writer for `descriptor`, whose file ends at `offset`; `direct: false` keeps every write
  /// in the page cache. The descriptor stays the caller's, and writes go where its offset is
  /// (its end, for one opened with `O_APPEND`). It may carry `O_DIRECT` until `finish`; a
  /// writer given up before that leaves the flag, which changes nothing a caller then does
  /// (cutting the file back, closing it), and the writer never touches a descriptor the
  /// caller may have closed meanwhile.
  public init(descriptor: Int32, offset: Int, direct: Bool = true) {
    self.descriptor = descriptor
    fileOffset = offset
    mayWriteDirect = direct && Self.directFlag != 0
    let head = (Self.alignment - offset % Self.alignment) % Self.alignment
    blockLimit = head == 0 ? Self.blockSize : head
    block = .allocate(byteCount: Self.blockSize, alignment: Self.alignment)
  }

  deinit {
    block.deallocate()
  }

  /// `O_DIRECT`, which Glibc's Swift module leaves out; its value differs by architecture.
  private static var directFlag: Int32 {
    #if arch(x86_64) || arch(i386)
      0o40000
    #elseif arch(arm64) || arch(arm)
      0o200000
    #else
      0
    #endif
  }

  /// Takes `bytes`, writing each block as it fills; true when a block was written, so a caller
  /// can look for a stop once a block rather than once a piece.
  @discardableResult
  public func write(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> Bool {
    if let failure { throw failure }
    var offset = 0
    var wroteBlock = false
    while offset < bytes.count {
      let count = min(bytes.count - offset, blockLimit - blockCount)
      UnsafeMutableRawBufferPointer(rebasing: block[blockCount..<(blockCount + count)])
        .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]))
      blockCount += count
      offset += count
      if blockCount == blockLimit {
        try writeBlock()
        wroteBlock = true
      }
    }
    return wroteBlock
  }

  /// Takes the bytes of an array or part of one; see `write(_:)`.
  @discardableResult
  public func write(_ bytes: ArraySlice<UInt8>) throws(Failure) -> Bool {
    let result = bytes.withUnsafeBytes { bytes in
      Result { () throws(Failure) in try write(bytes) }
    }
    return try result.get()
  }

  /// Writes what is waiting and leaves the descriptor as it was given.
  public func finish() throws(Failure) {
    try writeBlock()
    setDirect(false)
  }

  /// Writes the block's bytes and empties it, or keeps the failure for every later call.
  private func writeBlock() throws(Failure) {
    if let failure { throw failure }
    do throws(Failure) {
      try writeBlockOnce()
    } catch {
      failure = error
      throw error
    }
  }

  /// Writes the block's bytes, direct when they and the file's end are aligned, and empties it.
  private func writeBlockOnce() throws(Failure) {
    let goesDirect =
      mayWriteDirect && blockCount > 0 && blockCount % Self.alignment == 0
      && fileOffset % Self.alignment == 0
    if goesDirect, hasUnflushedCachedBytes {
      // Bytes before this block that wait in the cache (the head, which fills the file's old
      // last block) go to the disk first: a crash must leave a prefix of what was written,
      // and the file system could otherwise record the direct blocks and the new size while
      // that old block still holds what it held before.
      guard fdatasync(descriptor) == 0 else { throw Failure(code: errno) }
      hasUnflushedCachedBytes = false
      flushesBeforeDirect += 1
    }
    setDirect(goesDirect)
    var written = 0
    while written < blockCount, let base = block.baseAddress {
      let count = Glibc.write(descriptor, base + written, blockCount - written)
      if count > 0 {
        if isDirectNow {
          directBytes += count
        } else {
          cachedSinceWriteback += count
          hasUnflushedCachedBytes = true
        }
        written += count
      } else if count < 0, errno == EINVAL, isDirectNow {
        // A file system that accepted the flag but not these writes: use the cache.
        mayWriteDirect = false
        setDirect(false)
      } else if count == 0 || errno != EINTR {
        throw Failure(code: count == 0 ? EIO : errno)
      }
    }
    fileOffset += blockCount
    blockCount = 0
    blockLimit = Self.blockSize
    if cachedSinceWriteback >= Writeback.stride {
      Writeback.start(descriptor)
      writebackStarts += 1
      cachedSinceWriteback = 0
    }
  }

  /// Sets or clears `O_DIRECT`; after any refusal, no more direct writes are tried. A flag
  /// that would not clear is taken as cleared: an unaligned write then fails with EINVAL,
  /// which is thrown, rather than being tried again without end.
  private func setDirect(_ direct: Bool) {
    guard direct != isDirectNow else { return }
    let flags = fcntl(descriptor, F_GETFL)
    let changed =
      flags >= 0
      && fcntl(descriptor, F_SETFL, direct ? flags | Self.directFlag : flags & ~Self.directFlag)
        == 0
    if changed {
      isDirectNow = direct
    } else {
      mayWriteDirect = false
      isDirectNow = false
    }
  }
}
