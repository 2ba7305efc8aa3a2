import ClaimLedger
import Foundation

/// Reads an article's bytes from a path, with errors that name it.
public enum ArticleFile {
  /// The most an article may hold: far beyond any article, and it keeps a device such as
  /// `/dev/zero` or a runaway pipe from filling memory.
  public static let sizeLimit = 1 << 30

  /// The whole file; a missing file, a folder, a device, an unreadable file or one larger
  /// than `limit` bytes is an `ExtractionError`.
  ///
  /// Opens without blocking, so a named pipe nobody writes to reads as empty instead of
  /// waiting forever; a pipe with a writer (`claims extract <(curl …)`) is read to its end.
  public static func read(path: String, limit: Int = sizeLimit) throws(ExtractionError)
    -> [UInt8]
  {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .notFound(path: path) }
      throw .unreadable(path: path, reason: code == EACCES ? "permission denied" : reason(code))
    }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { throw .unreadable(path: path, reason: reason(errno)) }
    switch status.st_mode & S_IFMT {
    case S_IFDIR: throw .unreadable(path: path, reason: "it is a folder")
    case S_IFREG, S_IFIFO, S_IFSOCK: break
    default: throw .unreadable(path: path, reason: "it is a device, not a file")
    }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    return try read(descriptor: fd, path: path, limit: limit, expected: Int(status.st_size))
  }

  /// Everything left to read on an open descriptor (standard input for `-`), refusing more
  /// than `limit` bytes; `path` names it in errors. The descriptor stays open.
  public static func read(descriptor fd: Int32, path: String, limit: Int = sizeLimit)
    throws(ExtractionError) -> [UInt8]
  {
    try read(descriptor: fd, path: path, limit: limit, expected: 0)
  }

  private static func read(descriptor fd: Int32, path: String, limit: Int, expected: Int)
    throws(ExtractionError) -> [UInt8]
  {
    switch StreamBytes.readAll(fd, limit: limit, expected: expected) {
    case .success(let bytes): return bytes
    case .failure(let failure): throw .unreadable(path: path, reason: failure.reason)
    }
  }

  private static func reason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
