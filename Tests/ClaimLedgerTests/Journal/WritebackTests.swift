import Foundation
import Testing

@testable import ClaimLedger

@Suite struct WritebackTests {
  @Test func theKernelTakesTheRequestForAFileWithUnwrittenPages() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("dirty")
    let descriptor = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o644)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    let bytes = [UInt8](repeating: 0x61, count: 1 << 20)
    #expect(bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count)
    // Found by name and called with the right arguments: a wrong flag or signature is EINVAL.
    #expect(Writeback.start(descriptor))
  }

  @Test func aClosedDescriptorIsRefusedQuietly() {
    #expect(!Writeback.start(-1))
  }
}
