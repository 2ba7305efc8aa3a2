import Foundation

let environment = ProcessInfo.processInfo.environment
let result = CLI.run(
  Array(CommandLine.arguments.dropFirst()), environment: environment,
  workingDirectory: FileManager.default.currentDirectoryPath,
  terminal: .standard(environment: environment))
exit(StandardStreams.write(result).rawValue)
