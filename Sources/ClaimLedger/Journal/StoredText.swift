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
  private enum Storage {
    case string(String)
    case bytes(TextArena.Chunk, offset: Int32, count: Int32)
  }

  private var storage: Storage

  init(_ string: String) {
    storage = .string(string)
  }

  /// Bytes already checked to be valid UTF-8 without anything JSON would escape.
  init(checkedBytes chunk: TextArena.Chunk, offset: Int32, count: Int32) {
    storage = .bytes(chunk, offset: offset, count: count)
  }

  var isEmpty: Bool {
    switch storage {
    case .string(let string): string.isEmpty
    case .bytes(_, _, let count): count == 0
    }
  }

  var string: String {
    switch storage {
    case .string(let string): string
    case .bytes(let chunk, let offset, let count):
      String(decoding: chunk.bytes(offset: offset, count: count), as: UTF8.self)
    }
  }

  /// The text's UTF-8 bytes, when it is kept as bytes that need no escape in JSON.
  func withPlainBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result? {
    guard case .bytes(let chunk, let offset, let count) = storage else { return nil }
    return withExtendedLifetime(chunk) { body(chunk.bytes(offset: offset, count: count)) }
  }
}

extension StoredText: Hashable {
  /// Equal when the texts are, as `String`s compare them (canonical equivalence).
  ///
  /// The same bytes are the same text, which settles most comparisons (an entry read back
  /// after it is written) without decoding a `String` or normalising it.
  static func == (lhs: StoredText, rhs: StoredText) -> Bool {
    if case .bytes(let left, let leftOffset, let leftCount) = lhs.storage,
      case .bytes(let right, let rightOffset, let rightCount) = rhs.storage,
      left === right, leftOffset == rightOffset, leftCount == rightCount
    {
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
    switch storage {
    case .string(var string):
      return string.withUTF8 { body(UnsafeRawBufferPointer($0)) }
    case .bytes(let chunk, let offset, let count):
      return withExtendedLifetime(chunk) { body(chunk.bytes(offset: offset, count: count)) }
    }
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

    func bytes(offset: Int32, count: Int32) -> UnsafeRawBufferPointer {
      UnsafeRawBufferPointer(start: base + Int(offset), count: Int(count))
    }

    fileprivate func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
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
