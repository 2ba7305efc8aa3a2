import Foundation

/// Reads an open descriptor to its end, at most `limit` bytes: what a pipe, a device or
/// standard input holds, where there is no size to read up to. Both an article and an import
/// are read this way, each naming its own errors.
public enum StreamBytes {
  /// Why a read stopped short.
  public enum Failure: Error, Equatable {
    /// More than the limit was there (`/dev/zero`, a runaway pipe).
    case tooLarge(limit: Int)
    /// `read` failed with this `errno`.
    case failed(code: Int32)

    /// The system's words for a failed read, or how large is too large.
    public var reason: String {
      switch self {
      case .tooLarge(let limit): "it is larger than \(limit >> 20) MiB"
      case .failed(let code): String(cString: strerror(code))
      }
    }
  }

  /// Everything left to read on `descriptor`, in blocks of a megabyte; `expected` is how many
  /// bytes there likely are (a file's size), room for which is made at once. The descriptor
  /// stays open.
  public static func readAll(_ descriptor: Int32, limit: Int, expected: Int = 0)
    -> Result<[UInt8], Failure>
  {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(max(expected, 0), limit) + 1)
    var block = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = block.withUnsafeMutableBytes { buffer in
        Glibc.read(descriptor, buffer.baseAddress, buffer.count)
      }
      let code = errno
      if count < 0, code == EINTR { continue }
      guard count >= 0 else { return .failure(.failed(code: code)) }
      if count == 0 { return .success(bytes) }
      guard bytes.count + count <= limit else { return .failure(.tooLarge(limit: limit)) }
      bytes.append(contentsOf: block[..<count])
    }
  }
}
