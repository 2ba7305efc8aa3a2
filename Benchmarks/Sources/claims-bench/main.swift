import Foundation

/// `claims-bench`: generates deterministic ledgers and times how fast the library loads them
/// and clusters their echoes, and how fast it hashes them. `Benchmarks/run` drives it.
let usage = """
  usage: claims-bench generate --claims N --out PATH [--seed S]
         claims-bench load PATH [--runs N] [--phases]
         claims-bench echoes PATH [--runs N]
         claims-bench sha256 PATH [--runs N]
  """

let arguments = CommandLine.arguments.dropFirst()
do {
  switch arguments.first {
  case "generate": try GenerateCommand.run(arguments.dropFirst())
  case "load": try LoadCommand.run(arguments.dropFirst())
  case "echoes": try EchoesCommand.run(arguments.dropFirst())
  case "sha256": try HashCommand.run(arguments.dropFirst())
  case "-h", "--help", "help":
    print(usage)
  default:
    FileHandle.standardError.write(Data((usage + "\n").utf8))
    exit(64)
  }
} catch {
  FileHandle.standardError.write(Data("claims-bench: \(error)\n".utf8))
  exit(1)
}
