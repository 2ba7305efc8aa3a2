import Foundation

/// Writes a run's output to the real streams, checking every write: a full disk or a closed
/// pipe must change the exit status, not lose the output silently.
enum StandardStreams {
  static func write(_ result: CLI.Result) -> ExitStatus {
    if let code = writeAll(Array(result.stdout.utf8), to: STDOUT_FILENO) {
      // A command that ran to its end keeps what it changed: only its words are lost, and a
      // script must not run it again thinking nothing was done.
      let reason =
        "standard output: \(String(cString: strerror(code)))"
        + (result.status == .success
          ? "; the command was carried out, but what it printed is lost" : "")
      let message = "claims: error: \(OutputError(reason: reason))\n"
      _ = writeAll(Array((result.stderr + message).utf8), to: STDERR_FILENO)
      return .ioError
    }
    _ = writeAll(Array(result.stderr.utf8), to: STDERR_FILENO)
    return result.status
  }

  /// Writes every byte to `descriptor`; the `errno` of the write that failed, nil when all
  /// were written. The system's own words for it ("No space left on device") are clearer than
  /// Foundation's.
  static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
    var done = 0
    while done < bytes.count {
      let count = bytes.withUnsafeBytes { raw in
        Glibc.write(descriptor, raw.baseAddress.map { $0 + done }, bytes.count - done)
      }
      if count < 0 {
        if errno == EINTR { continue }
        return errno
      }
      done += count
    }
    return nil
  }
}
