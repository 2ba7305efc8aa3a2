import Foundation
import Testing

@testable import claims

/// Articles that are not ordinary files: each is a clear error, and none makes `extract` hang.
@Suite struct ArticleInputTests {
  @Test func aDeviceIsRefusedAtOnce() throws {
    let sandbox = try Sandbox()
    let result = sandbox.run(["extract", "/dev/zero", "--dry-run"])
    // Nothing could be read as an article: no input, as for a missing file.
    #expect(result.status == .noInput, result.report)
    #expect(result.stderr.contains("/dev/zero: it is a device, not a file"), result.report)
  }

  @Test func aNamedPipeNobodyWritesToReadsAsEmpty() throws {
    let sandbox = try Sandbox()
    let fifo = sandbox.path("pipe.md")
    try #require(mkfifo(fifo, 0o644) == 0)
    let started = Date()
    let result = sandbox.run(["extract", fifo, "--dry-run"])
    #expect(Date().timeIntervalSince(started) < 5)
    #expect(result.status == .dataError, result.report)
    #expect(result.stderr.contains("\(fifo) is empty"), result.report)
  }

  @Test func aFolderIsRefused() throws {
    let sandbox = try Sandbox()
    let result = sandbox.run(["extract", sandbox.path("Claims"), "--dry-run"])
    #expect(result.status == .noInput, result.report)
    #expect(result.stderr.contains("it is a folder"), result.report)
  }
}
