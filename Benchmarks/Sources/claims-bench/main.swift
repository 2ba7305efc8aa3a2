import Foundation

/// `claims-bench`: generates deterministic ledgers and times how fast the library loads them.
/// `Benchmarks/run` drives it; it depends on nothing but ClaimLedger.
let usage = """
  usage: claims-bench generate --claims N --out PATH [--seed S]
         claims-bench load PATH [--runs N] [--phases]
  """

let arguments = CommandLine.arguments.dropFirst()
do {
  switch arguments.first {
  case "generate": try GenerateCommand.run(arguments.dropFirst())
  case "load": try LoadCommand.run(arguments.dropFirst())
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
