import Foundation

/// The process's standard output, written as output is made, so a long listing is never held
/// whole in memory, nor copied into a `String` and then into `Data`.
final class StandardOutput: @unchecked Sendable {
  static let shared = StandardOutput()

  private let lock = NSLock()
  private var kept: [Any] = []

  /// Keeps `value` until the process exits. The real process exits right after printing, and
  /// releasing a loaded ledger (a million records, each with its texts and history) one
  /// object at a time takes longer than the exit that drops them all at once.
  func keepUntilExit(_ value: Any) {
    lock.lock()
    kept.append(value)
    lock.unlock()
  }

  /// Writes every byte or throws; a full disk or a closed pipe must change the exit status.
  func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) {
    if let failure = Self.writeAll(UnsafeRawBufferPointer(bytes), to: STDOUT_FILENO) {
      throw OutputError(reason: "standard output: \(String(cString: strerror(failure)))")
    }
  }

  /// Writes every byte to `descriptor`, again after an interrupted or a partial write; the
  /// error number of a write that failed, nil when all were written.
  static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
    guard let base = bytes.baseAddress else { return nil }
    var written = 0
    while written < bytes.count {
      let count = Foundation.write(descriptor, base + written, bytes.count - written)
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return count == 0 ? EIO : errno }
      written += count
    }
    return nil
  }
}

/// Where a command's long output goes: straight to standard output in chunks when the
/// terminal has one, else collected into the text the command returns (tests, in-process runs).
struct OutputWriter {
  private let output: StandardOutput?
  private var collected: [UInt8] = []

  init(_ terminal: Terminal) {
    output = terminal.output
  }

  mutating func write(_ bytes: [UInt8]) throws(OutputError) {
    guard let output else {
      collected.append(contentsOf: bytes)
      return
    }
    try bytes.withUnsafeBufferPointer { buffer throws(OutputError) in try output.write(buffer) }
  }

  mutating func write(_ text: String) throws(OutputError) {
    try write(Array(text.utf8))
  }

  /// The collected text; empty when everything went to standard output already.
  var text: String { String(decoding: collected, as: UTF8.self) }
}
