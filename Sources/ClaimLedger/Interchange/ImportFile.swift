import Foundation

/// A file to import, read a stretch at a time with `pread`: a file of gigabytes is never held
/// in memory whole, and each stretch lands in a buffer its reader reuses.
public struct ImportFile: Sendable {
  /// The file's size in bytes when it was opened.
  public let count: Int
  private let source: Source

  private enum Source: Sendable {
    case descriptor(OpenDescriptor)
    case bytes([UInt8])
  }

  /// Owns the descriptor, so copies of the file share it and the last one closes it.
  private final class OpenDescriptor: Sendable {
    let descriptor: Int32
    init(_ descriptor: Int32) { self.descriptor = descriptor }
    deinit { close(descriptor) }
  }

  /// Bytes already in memory.
  public init(bytes: [UInt8]) {
    self.init(count: bytes.count, source: .bytes(bytes))
  }

  private init(count: Int, source: Source) {
    self.count = count
    self.source = source
  }

  /// Opens the file at `path`; `shown` is how messages name it. A pipe or a device has no size
  /// to read up to, so it is read whole now (`<(cat file)`, `/dev/stdin`).
  public init(path: String, shown: String) throws(ImportError) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let code = errno
      guard code == ENOENT || code == ENOTDIR else {
        throw .unreadable(path: shown, reason: String(cString: strerror(code)))
      }
      throw .notFound(path: shown)
    }
    try self.init(OpenDescriptor(descriptor), shown: shown)
  }

  /// Reads an open descriptor the caller keeps, such as standard input: a file it was
  /// redirected from is read in stretches from its start, a pipe whole.
  public init(descriptor: Int32, shown: String) throws(ImportError) {
    var status = stat()
    if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
      lseek(descriptor, 0, SEEK_CUR) == 0
    {
      let copy = dup(descriptor)
      guard copy >= 0 else {
        throw .unreadable(path: shown, reason: String(cString: strerror(errno)))
      }
      try self.init(OpenDescriptor(copy), shown: shown)
      return
    }
    self.init(bytes: try Self.readAll(descriptor, shown: shown))
  }

  private init(_ file: OpenDescriptor, shown: String) throws(ImportError) {
    var status = stat()
    guard fstat(file.descriptor, &status) == 0 else {
      throw .unreadable(path: shown, reason: String(cString: strerror(errno)))
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG where status.st_size > 0:
      self.init(count: Int(status.st_size), source: .descriptor(file))
    case S_IFREG:
      // Read to its end: a file of /proc or /sys, or on some FUSE file systems, says it holds
      // nothing and still has bytes to give.
      self.init(bytes: try Self.readAll(file.descriptor, shown: shown))
    case S_IFDIR:
      throw .unreadable(path: shown, reason: "it is a folder; name the file to import")
    default:
      self.init(bytes: try Self.readAll(file.descriptor, shown: shown))
    }
  }

  /// The most a pipe or device is read: `import /dev/zero` ends with an error, not with memory
  /// exhausted.
  static let streamLimit = 1 << 30

  /// Every byte up to the end of a pipe or device, at most `streamLimit`.
  private static func readAll(_ descriptor: Int32, shown: String) throws(ImportError) -> [UInt8] {
    switch StreamBytes.readAll(descriptor, limit: streamLimit) {
    case .success(let bytes): return bytes
    case .failure(.tooLarge):
      throw .unreadable(
        path: shown, reason: "it goes on past \(streamLimit >> 30) GiB; import reads a file")
    case .failure(let failure): throw .unreadable(path: shown, reason: failure.reason)
    }
  }

  /// Fills `buffer` with the bytes of `range`, reusing its storage; false when the file no
  /// longer has them all (it shrank while read), and `buffer` then holds only the bytes read,
  /// never the zeros it was padded with.
  func read(_ range: Range<Int>, into buffer: inout [UInt8]) -> Bool {
    switch source {
    case .bytes(let bytes):
      buffer.removeAll(keepingCapacity: true)
      guard range.upperBound <= bytes.count else { return false }
      buffer.append(contentsOf: bytes[range])
      return true
    case .descriptor(let file):
      // Sized to the range, zeroing only what the buffer never held: `pread` writes over it.
      if buffer.count < range.count {
        buffer.append(contentsOf: repeatElement(0, count: range.count - buffer.count))
      } else {
        buffer.removeLast(buffer.count - range.count)
      }
      var done = 0
      while done < range.count {
        let count = buffer.withUnsafeMutableBytes { raw in
          pread(
            file.descriptor, raw.baseAddress.map { $0 + done }, range.count - done,
            off_t(range.lowerBound + done))
        }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else {
          buffer.removeLast(range.count - done)
          return false
        }
        done += count
      }
      return true
    }
  }

  /// The first `count` bytes (fewer in a shorter file).
  public func prefix(_ count: Int) -> [UInt8] {
    var buffer: [UInt8] = []
    _ = read(0..<min(count, self.count), into: &buffer)
    return buffer
  }

  /// The whole file, for the readers that need it at once (Fatebook, spreadsheets without
  /// the columns an export has).
  func all() -> [UInt8] {
    if case .bytes(let bytes) = source { return bytes }
    var buffer: [UInt8] = []
    _ = read(0..<count, into: &buffer)
    return buffer
  }
}

/// What one core reuses from piece to piece of an import: the piece's bytes and a row's
/// cells. Fresh memory is slow to touch; reused buffers are not.
struct ImportWorkspace {
  var input: [UInt8] = []
  var cells = ImportCells()
}

/// The workspaces not in use, for the next piece to take.
final class ImportWorkspaces: @unchecked Sendable {
  private let lock = NSLock()
  private var free: [ImportWorkspace] = []

  func take() -> ImportWorkspace {
    lock.withLock { free.popLast() } ?? ImportWorkspace()
  }

  func give(_ workspace: consuming ImportWorkspace) {
    let workspace = workspace
    lock.withLock { free.append(workspace) }
  }
}
