import Foundation

/// Writes a run's output to the real streams, checking every write: a full disk or a closed
/// pipe must change the exit status, not lose the output silently.
enum StandardStreams {
  static func write(_ result: CLI.Result) -> ExitStatus {
    do {
      try FileHandle.standardOutput.write(contentsOf: Data(result.stdout.utf8))
    } catch {
      let message =
        "claims: error: \(OutputError(reason: "standard output: \(error.localizedDescription)"))\n"
      try? FileHandle.standardError.write(contentsOf: Data((result.stderr + message).utf8))
      return .ioError
    }
    try? FileHandle.standardError.write(contentsOf: Data(result.stderr.utf8))
    return result.status
  }
}
