import Foundation

/// Lays out little-endian numbers and length-prefixed texts for the files of the user's cache.
protocol CacheWriting {
  var bytes: [UInt8] { get set }
}

extension CacheWriting {
  mutating func put(_ number: UInt64) {
    withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func put(_ number: UInt32) {
    withUnsafeBytes(of: number.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// A length, then the text's UTF-8 bytes.
  mutating func put(text: String) {
    put(UInt32(text.utf8.count))
    bytes.append(contentsOf: text.utf8)
  }
}

/// Reads little-endian numbers up to `end`; nil past it.
struct CacheReader {
  let bytes: UnsafeRawBufferPointer
  var position: Int
  let end: Int

  func uint64(at offset: Int) -> UInt64? {
    guard offset >= 0, offset + 8 <= bytes.count else { return nil }
    return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  mutating func next64() -> UInt64? {
    guard position + 8 <= end, let value = uint64(at: position) else { return nil }
    position += 8
    return value
  }

  /// A count, which must fit an `Int`.
  mutating func nextCount() -> Int? {
    next64().flatMap { Int(exactly: $0) }
  }

  mutating func next32() -> UInt32? {
    guard position + 4 <= end else { return nil }
    let value = UInt32(
      littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))
    position += 4
    return value
  }

  mutating func next8() -> UInt8? {
    guard position < end else { return nil }
    defer { position += 1 }
    return bytes[position]
  }

  mutating func text(count: Int) -> String? {
    guard count >= 0, position + count <= end else { return nil }
    defer { position += count }
    return String(
      validating: UnsafeRawBufferPointer(rebasing: bytes[position..<position + count]),
      as: UTF8.self)
  }
}

/// A file's bytes, kept where a pointer to them can be shared by every core without the
/// reference counting of an array.
final class CacheFileBytes: @unchecked Sendable {
  let bytes: UnsafeRawBufferPointer

  /// The whole file at `path`, read straight into the storage (through `Data` it was read
  /// and then copied: 70 MB twice for a million claims); nil when it cannot be read whole.
  init?(contentsOfFile path: String) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
      return nil
    }
    let count = Int(status.st_size)
    let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 8)
    var filled = 0
    while filled < count, let base = storage.baseAddress {
      let got = read(descriptor, base + filled, count - filled)
      if got < 0, errno == EINTR { continue }
      guard got > 0 else { break }
      filled += got
    }
    guard filled == count else {
      storage.deallocate()
      return nil
    }
    bytes = UnsafeRawBufferPointer(storage)
  }

  deinit {
    bytes.deallocate()
  }
}
