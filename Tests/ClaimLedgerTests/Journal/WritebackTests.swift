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

  @Test func aLargeAppendStartsTheDiskEveryFewDozenMegabytes() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("ledger.jsonl")
    try LedgerStore.create(at: path)
    let file = try LockedFile(path: path, mode: .append, timeout: 1)
    let piece = [UInt8](repeating: 0x20, count: Writeback.stride / 4 - 1) + [0x0A]
    for _ in 0..<9 { try file.append(piece) }
    // Nine quarters of the stride: started after the fourth and the eighth.
    #expect(file.writebackStarts == 2)
    try file.sync()
    var status = stat()
    #expect(stat(path, &status) == 0)
    #expect(Int(status.st_size) == 9 * piece.count)
  }

  @Test func aSmallAppendLeavesTheDiskToTheSync() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("ledger.jsonl")
    try LedgerStore.create(at: path)
    let file = try LockedFile(path: path, mode: .append, timeout: 1)
    try file.appendDurably(Array("{}\n".utf8))
    #expect(file.writebackStarts == 0)
  }
}
