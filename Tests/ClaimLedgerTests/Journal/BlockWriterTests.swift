import Foundation
import Testing

@testable import ClaimLedger

/// Long appends in blocks: the same bytes whether they go to the disk directly or through the
/// page cache, direct writes only at aligned offsets, and the descriptor left as it was given.
@Suite struct BlockWriterTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory()
  }

  /// Pieces of awkward sizes adding up to more than two blocks and a tail that is not a whole
  /// number of aligned units, so every way a block fills and the tail is written is taken.
  static func pieces() -> [[UInt8]] {
    var pieces: [[UInt8]] = []
    var size = 1
    var total = 0
    while total < 2 * BlockWriter.blockSize + 12_345 {
      pieces.append((0..<size).map { UInt8(truncatingIfNeeded: ($0 &* 31) ^ total) })
      total += size
      size = size * 7 % 1_048_573 + 1
    }
    pieces.append(Array(repeating: UInt8(ascii: "x"), count: BlockWriter.blockSize + 3))
    return pieces
  }

  /// A file of `count` bytes, open for appending.
  func appendingFile(holding count: Int) throws -> (path: String, descriptor: Int32) {
    let path = directory.path("ledger-\(count).jsonl")
    let existing = [UInt8](repeating: UInt8(ascii: "a"), count: count)
    #expect(FileManager.default.createFile(atPath: path, contents: Data(existing)))
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
    try #require(descriptor >= 0)
    return (path, descriptor)
  }

  /// Whether this directory's file system takes direct writes, found apart from the writer.
  func takesDirectWrites() -> Bool {
    let path = directory.path("probe")
    let descriptor = open(path, O_CREAT | O_WRONLY | O_CLOEXEC | 0o40000, 0o644)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    let block = UnsafeMutableRawBufferPointer.allocate(
      byteCount: BlockWriter.alignment, alignment: BlockWriter.alignment)
    defer { block.deallocate() }
    block.initializeMemory(as: UInt8.self, repeating: 0)
    return write(descriptor, block.baseAddress, block.count) == block.count
  }

  @Test(arguments: [0, 1_000, BlockWriter.alignment, BlockWriter.alignment + 1])
  func appendsThePiecesInOrderAfterWhatTheFileHeld(existing: Int) throws {
    let pieces = Self.pieces()
    let total = pieces.reduce(0) { $0 + $1.count }
    for direct in [true, false] {
      let (path, descriptor) = try appendingFile(holding: existing)
      defer { close(descriptor) }
      let writer = BlockWriter(descriptor: descriptor, offset: existing, direct: direct)
      for piece in pieces { try writer.write(piece[...]) }
      try writer.finish()
      let written = try #require(FileManager.default.contents(atPath: path))
      #expect(written.count == existing + total)
      #expect(written.prefix(existing).allSatisfy { $0 == UInt8(ascii: "a") })
      #expect(written.dropFirst(existing).elementsEqual(pieces.joined()))
      // Given back without the flag, so the caller's later writes need no alignment.
      #expect(fcntl(descriptor, F_GETFL) & 0o40000 == 0)
      guard direct, takesDirectWrites() else {
        #expect(writer.directBytes == 0)
        continue
      }
      // Cached up to the first aligned offset, then whole blocks direct; the tail cached.
      let head =
        (BlockWriter.alignment - existing % BlockWriter.alignment)
        % BlockWriter.alignment
      #expect(writer.mayWriteDirect)
      #expect(writer.directBytes == (total - head) / BlockWriter.blockSize * BlockWriter.blockSize)
      // A head written through the cache is on the disk before the first direct block.
      #expect(writer.flushesBeforeDirect == (head > 0 ? 1 : 0))
    }
  }

  @Test func aStreamShorterThanABlockGoesThroughTheCache() throws {
    let (path, descriptor) = try appendingFile(holding: 10)
    defer { close(descriptor) }
    let writer = BlockWriter(descriptor: descriptor, offset: 10)
    let bytes = [UInt8](repeating: UInt8(ascii: "b"), count: 3 * BlockWriter.alignment)
    #expect(try writer.write(bytes[...]))  // the head, up to the first aligned offset
    try writer.finish()
    #expect(writer.directBytes == 0)
    #expect(FileManager.default.contents(atPath: path)?.count == 10 + bytes.count)
  }

  @Test func aLongStreamThroughTheCacheStartsTheDiskEveryFewDozenMegabytes() throws {
    let (path, descriptor) = try appendingFile(holding: 0)
    defer { close(descriptor) }
    let writer = BlockWriter(descriptor: descriptor, offset: 0, direct: false)
    let piece = [UInt8](repeating: 0x20, count: Writeback.stride / 4 - 1) + [0x0A]
    for _ in 0..<9 { try writer.write(piece[...]) }
    try writer.finish()
    // Nine quarters of the stride, written a block at a time: started once past each stride.
    #expect(writer.writebackStarts == 2)
    #expect(FileManager.default.contents(atPath: path)?.count == 9 * piece.count)
  }

  /// The failure is thrown with its error number, and again by every later call: the block
  /// that failed is not sent again, even once another file has the descriptor's number.
  @Test func aFailedWriteIsThrownWithItsErrorNumberAndNothingIsWrittenAfterIt() throws {
    let path = directory.path("read-only")
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    try #require(descriptor >= 0)
    let writer = BlockWriter(descriptor: descriptor, offset: 0)
    let block = [UInt8](repeating: 1, count: BlockWriter.blockSize)
    #expect(throws: BlockWriter.Failure(code: EBADF)) { try writer.write(block[...]) }
    close(descriptor)
    let (other, reused) = try appendingFile(holding: 0)
    defer { close(reused) }
    #expect(throws: BlockWriter.Failure(code: EBADF)) { try writer.write([2][...]) }
    #expect(throws: BlockWriter.Failure(code: EBADF)) { try writer.finish() }
    #expect(FileManager.default.contents(atPath: other)?.isEmpty == true)
  }
}
