import Foundation
import Testing

/// Every fuzzing seed and every input a fuzzer ever crashed on, replayed through the same
/// entry points libFuzzer drives (`claims-fuzz TARGET PATH…`, built without libFuzzer).
@Suite struct FuzzReplayTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")

  @Test(arguments: ["ledger", "frontmatter", "arguments", "extractor"])
  func savedInputsFinishQuicklyWithoutACrash(_ target: String) throws {
    let binary = try BuiltBinary.located().deletingLastPathComponent()
      .appendingPathComponent("claims-fuzz")
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no \(binary.path)")
    let folders = ["seeds", "crashes"].map {
      Self.fixtures.appendingPathComponent("\($0)/\(target)")
    }
    let inputs = try folders.flatMap {
      try FileManager.default.contentsOfDirectory(atPath: $0.path)
    }
    #expect(inputs.count >= 3)
    let process = Process()
    process.executableURL = binary
    process.arguments = [target] + folders.map(\.path)
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(text)")
    #expect(text.hasPrefix("replayed \(inputs.count) inputs through \(target)\n"), "\(text)")
  }
}
