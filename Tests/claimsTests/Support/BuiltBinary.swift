import Foundation
import Testing

/// The `claims` executable SwiftPM built before the tests, run as a child process.
enum BuiltBinary {
  /// What one run of the binary printed and how it exited.
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String

    var report: Comment {
      "status \(status)\nstdout: \(stdout)\nstderr: \(stderr)"
    }
  }

  /// Next to the test runner on Linux; else the nearest `.build/debug/claims` walking up from
  /// the runner or from this file.
  static let url: URL? = {
    let fileManager = FileManager.default
    let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
      .resolvingSymlinksInPath()
    let beside = runner.deletingLastPathComponent().appendingPathComponent("claims")
    if fileManager.isExecutableFile(atPath: beside.path) { return beside }
    for start in [runner.deletingLastPathComponent(), URL(fileURLWithPath: #filePath)] {
      var folder = start.standardizedFileURL
      while folder.path != "/" {
        let candidate = folder.appendingPathComponent(".build/debug/claims")
        if fileManager.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
      }
    }
    return nil
  }()

  static func located() throws -> URL {
    try #require(url, "the built claims binary was not found beside \(CommandLine.arguments)")
  }

  /// Starts `claims arguments…`; `standardOutput` replaces the pipe that collects stdout.
  static func start(
    _ arguments: [String], environment: [String: String], standardOutput: FileHandle? = nil
  ) throws -> Running {
    let process = Process()
    process.executableURL = try located()
    process.arguments = arguments
    return try Running(process, environment: environment, standardOutput: standardOutput)
  }

  /// Runs `claims arguments…` to the end.
  static func run(
    _ arguments: [String], environment: [String: String], standardOutput: FileHandle? = nil
  ) throws -> Run {
    try start(arguments, environment: environment, standardOutput: standardOutput).finish()
  }

  /// Runs a shell script to the end; `$0` in the script is the `claims` binary.
  static func shell(_ script: String, environment: [String: String]) throws -> Running {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script, try located().path]
    return try Running(process, environment: environment, standardOutput: nil)
  }

  /// A started child process whose output is being collected.
  final class Running {
    private let process: Process
    private let output = Pipe()
    private let errors = Pipe()
    private let capturesOutput: Bool

    fileprivate init(
      _ process: Process, environment: [String: String], standardOutput: FileHandle?
    ) throws {
      self.process = process
      var inherited = ProcessInfo.processInfo.environment.filter { $0.key == "PATH" }
      inherited.merge(environment) { $1 }
      process.environment = inherited
      process.standardInput = FileHandle.nullDevice
      capturesOutput = standardOutput == nil
      process.standardOutput = standardOutput ?? output
      process.standardError = errors
      try process.run()
    }

    /// Waits for the process and returns what it printed.
    func finish() -> Run {
      let stdout = capturesOutput ? output.fileHandleForReading.readDataToEndOfFile() : Data()
      let stderr = errors.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return Run(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
    }
  }
}
