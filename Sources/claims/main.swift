import Foundation

// A write past the file size limit then fails with EFBIG, which is reported like a full disk,
// instead of the signal killing the process in the middle of a ledger line.
signal(SIGXFSZ, SIG_IGN)
let environment = ProcessInfo.processInfo.environment
let result = CLI.run(
  Array(CommandLine.arguments.dropFirst()), environment: environment,
  workingDirectory: FileManager.default.currentDirectoryPath,
  terminal: .standard(environment: environment))
exit(StandardStreams.write(result).rawValue)
