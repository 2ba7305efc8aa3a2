import ClaimReports
import Foundation

/// Where `export --out` puts its bytes, chosen by what the path names now.
///
/// A regular file or a new name is replaced whole (`ReplacementFile`), keeping the old file's
/// permission bits. A pipe or a character device (a FIFO, `/dev/null`, a terminal, the pipe a
/// shell's `>(…)` names) is written into as it is: a rename would put a regular file in its
/// place, and as root would replace a device node. So is a file reached through a descriptor
/// link such as `/dev/stderr` or `/dev/fd/3`, which names a file another process opened, and
/// which is appended to as that process's own writes are. A folder, a block device or a
/// socket is refused.
enum ExportTarget {
  case replacing(ReplacementFile)
  case stream(StreamFile)

  init(path: String) throws(ReportError) {
    var link = stat()
    guard lstat(path, &link) == 0 else {
      let code = errno
      guard code == ENOENT else {
        throw .cannotCreate(path: path, reason: String(cString: strerror(code)))
      }
      if path.hasSuffix("/") {
        throw .cannotCreate(
          path: path, reason: "a name ending in / names a folder; --out names the file to write")
      }
      self = .replacing(try ReplacementFile(replacing: path))
      return
    }
    var target = stat()
    // A link to nothing is replaced, as a link to a file is: it never leads the write away.
    guard stat(path, &target) == 0 else {
      self = .replacing(try ReplacementFile(replacing: path))
      return
    }
    switch target.st_mode & S_IFMT {
    case S_IFDIR:
      throw .cannotCreate(
        path: path, reason: "it is a folder; --out names the file to write, such as claims.csv")
    case S_IFREG:
      if Self.passesThroughDescriptor(path) {
        self = .stream(try StreamFile(path: path, appending: true))
      } else {
        let isPlainFile = link.st_mode & S_IFMT == S_IFREG
        self = .replacing(try ReplacementFile(replacing: path, keeping: isPlainFile ? link : nil))
      }
    case S_IFIFO, S_IFCHR:
      self = .stream(try StreamFile(path: path, appending: false))
    case S_IFBLK:
      throw .cannotCreate(
        path: path, reason: "it is a block device (a disk), which an export never writes")
    default:
      throw .cannotCreate(
        path: path, reason: "it is a socket or other special file, not a file, pipe or device")
    }
  }

  func write(_ bytes: [UInt8]) throws {
    switch self {
    case .replacing(let file): try file.write(bytes)
    case .stream(let stream): try stream.write(bytes)
    }
  }

  /// Renames the replacement into place, or closes the stream.
  func finish() throws {
    switch self {
    case .replacing(let file): try file.commit()
    case .stream(let stream): try stream.close()
    }
  }

  /// Whether the path, or a link on the way from it, names an open descriptor
  /// (`/proc/…/fd/N`, `/dev/fd/N`, which `/dev/stderr` leads to): the file behind it belongs
  /// to the process that opened it.
  static func passesThroughDescriptor(_ path: String) -> Bool {
    var current = path
    for _ in 0..<40 {
      if isDescriptorPath(current) { return true }
      guard let next = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
        return false
      }
      current =
        next.hasPrefix("/")
        ? next
        : ((current as NSString).deletingLastPathComponent as NSString)
          .appendingPathComponent(next)
    }
    return false
  }

  /// `/dev/fd/N`, `/proc/self/fd/N`, `/proc/PID/fd/N`, `/proc/thread-self/fd/N` and
  /// `/proc/PID/task/TID/fd/N`; not other paths under `/proc` (`/proc/self/cwd/out.csv` is
  /// an ordinary file, replaced as any other).
  static func isDescriptorPath(_ path: String) -> Bool {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    func isNumber(_ part: Substring) -> Bool {
      !part.isEmpty && part.utf8.allSatisfy { (48...57).contains($0) }
    }
    guard let last = parts.last, isNumber(last), parts.first == "" else { return false }
    let middle = parts.dropFirst().dropLast()
    if middle.elementsEqual(["dev", "fd"]) { return true }
    guard middle.first == "proc", middle.last == "fd", middle.count >= 3 else { return false }
    let owner = middle[middle.startIndex + 1]
    guard owner == "self" || owner == "thread-self" || isNumber(owner) else { return false }
    let rest = middle.dropFirst(2).dropLast()
    return rest.isEmpty
      || rest.count == 2 && rest.first == "task" && rest.last.map(isNumber) == true
  }
}

/// An existing pipe, device or descriptor's file, written into in order as the bytes come.
/// Opening a FIFO waits for its reader, as a shell's `>` does.
final class StreamFile {
  let path: String
  private var descriptor: Int32

  init(path: String, appending: Bool) throws(ReportError) {
    self.path = path
    descriptor = open(path, O_WRONLY | O_CLOEXEC | (appending ? O_APPEND : 0))
    guard descriptor >= 0 else {
      throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
    }
  }

  deinit {
    if descriptor >= 0 { Glibc.close(descriptor) }
  }

  /// Writes every byte or throws: a full device or a closed pipe must change the exit status.
  func write(_ bytes: [UInt8]) throws(OutputError) {
    let failure = bytes.withUnsafeBytes { StandardOutput.writeAll($0, to: descriptor) }
    if let failure {
      throw OutputError(reason: "\(path): \(String(cString: strerror(failure)))")
    }
  }

  func close() throws(OutputError) {
    guard descriptor >= 0 else { return }
    let result = Glibc.close(descriptor)
    descriptor = -1
    if result != 0, errno != EINTR {
      throw OutputError(reason: "\(path): \(String(cString: strerror(errno)))")
    }
  }
}
