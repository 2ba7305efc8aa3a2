import Foundation

/// A claim's long, unique texts (its normalised text, its quote, its url), kept as the
/// journal's bytes until someone reads them.
///
/// Loading a million claims would otherwise decode and allocate three strings per claim that
/// most commands never look at (`due`, `sources`, `report` read a few of them); reading the
/// bytes into a shared arena costs a copy instead. The bytes were checked when the line was
/// read (valid UTF-8, no escape, no control character), so they are the text's exact UTF-8
/// and can be written to JSON as they are.
struct StoredText: Sendable {
  /// Where the bytes are: a chunk of a reader's arena, or one of their own for a text made
  /// from a `String`. One reference and two offsets keep a text at 16 bytes, and an optional
  /// one too, where a case for `String`s made it 17, and 24 in a claim.
  private let chunk: TextArena.Chunk
  private let offset: Int32
  /// The byte count in the arena, or `ownChunk` for a text made from a `String`: its chunk
  /// holds it alone, however long, and it may need escapes in JSON.
  private let arenaCount: Int32
  private static let ownChunk: Int32 = -1

  init(_ string: String) {
    var string = string
    let chunk = TextArena.Chunk(capacity: string.utf8.count)
    offset = string.withUTF8 { chunk.append($0) }
    self.chunk = chunk
    arenaCount = Self.ownChunk
  }

  /// Bytes already checked to be valid UTF-8 without anything JSON would escape.
  init(checkedBytes chunk: TextArena.Chunk, offset: Int32, count: Int32) {
    self.chunk = chunk
    self.offset = offset
    arenaCount = count
  }

  private var count: Int { arenaCount == Self.ownChunk ? chunk.capacity : Int(arenaCount) }

  private var bytes: UnsafeRawBufferPointer { chunk.bytes(offset: Int(offset), count: count) }

  var isEmpty: Bool { count == 0 }

  var string: String {
    withExtendedLifetime(chunk) { String(decoding: bytes, as: UTF8.self) }
  }

  /// The text's UTF-8 bytes, when it is kept as bytes that need no escape in JSON.
  func withPlainBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
    guard arenaCount != Self.ownChunk else { return nil }
    return withExtendedLifetime(chunk) { body(bytes) }
  }
}

extension StoredText: Hashable {
  /// Equal when the texts are, as `String`s compare them (canonical equivalence).
  ///
  /// The same bytes are the same text, which settles most comparisons (an entry read back
  /// after it is written) without decoding a `String` or normalising it.
  static func == (lhs: StoredText, rhs: StoredText) -> Bool {
    if lhs.chunk === rhs.chunk, lhs.offset == rhs.offset, lhs.count == rhs.count {
      return true
    }
    let isSameBytes = lhs.withUTF8 { left in
      rhs.withUTF8 { right in
        guard left.count == right.count else { return false }
        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else {
          return true
        }
        return memcmp(leftBase, rightBase, left.count) == 0
      }
    }
    return isSameBytes || lhs.string == rhs.string
  }

  /// The text's UTF-8, however it is kept.
  func withUTF8<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    withExtendedLifetime(chunk) { body(bytes) }
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(string)
  }
}

/// Append-only storage for the text bytes one parsing worker keeps, in fixed chunks so a text
/// handed out never moves.
struct TextArena {
  /// One block of bytes; written only by the worker that owns the arena, and read only after
  /// that worker is done.
  final class Chunk: @unchecked Sendable {
    private let base: UnsafeMutableRawPointer
    let capacity: Int
    fileprivate var used = 0

    init(capacity: Int) {
      self.capacity = capacity
      base = .allocate(byteCount: max(capacity, 1), alignment: 1)
    }

    deinit { base.deallocate() }

    func bytes(offset: Int, count: Int) -> UnsafeRawBufferPointer {
      UnsafeRawBufferPointer(start: base + offset, count: count)
    }

    fileprivate func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
      assert(capacity - used >= bytes.count)
      let offset = used
      if let source = bytes.baseAddress {
        (base + offset).copyMemory(from: source, byteCount: bytes.count)
      }
      used += bytes.count
      return Int32(offset)
    }
  }

  /// The largest chunk: large enough to hold thousands of texts, small enough that the last,
  /// partly filled chunk of each worker wastes little. Chunks start at 4 KiB and double up to
  /// it, so an arena that stores one line's texts (a single entry read on its own) stays small.
  static let chunkSize = 1 << 20
  private var current = Chunk(capacity: 0)

  /// The size of the chunk texts are stored in now.
  var capacity: Int { current.capacity }

  /// Keeps a copy of `bytes` (checked by the caller) and returns the text that reads them.
  mutating func store(_ bytes: UnsafeBufferPointer<UInt8>) -> StoredText {
    if current.capacity - current.used < bytes.count {
      let next = min(Self.chunkSize, max(4096, 2 * current.capacity))
      current = Chunk(capacity: max(next, bytes.count))
    }
    let offset = current.append(bytes)
    return StoredText(checkedBytes: current, offset: offset, count: Int32(bytes.count))
  }
}
