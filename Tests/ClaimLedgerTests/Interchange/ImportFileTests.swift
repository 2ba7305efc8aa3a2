import Foundation
import Testing

@testable import ClaimLedger

/// An import file read from its descriptor: a file that shrinks after it was opened gives the
/// bytes it still has, reported as short, never the zeros the buffer was padded with.
@Suite struct ImportFileTests {
  @Test func aFileThatShrinksWhileReadGivesOnlyTheBytesItHas() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("claims-import-\(UUID().uuidString).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let bytes = Array(repeating: UInt8(ascii: "x"), count: 10_000)
    try #require(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    let file = try ImportFile(path: path, shown: "shrinking.csv")
    try #require(file.count == 10_000)
    try #require(truncate(path, 4_000) == 0)

    var buffer: [UInt8] = []
    #expect(!file.read(0..<10_000, into: &buffer))
    #expect(buffer.count == 4_000)
    #expect(!buffer.contains(0))
    let prefix = file.prefix(10_000)
    #expect(prefix.count == 4_000)
    #expect(!prefix.contains(0))
    #expect(file.read(0..<4_000, into: &buffer))
    #expect(buffer.count == 4_000)
  }

  /// A file of /proc says it holds 0 bytes and has more to give: it is read to its end, not
  /// taken as empty.
  @Test func aFileThatSaysItIsEmptyIsReadToItsEnd() throws {
    var status = stat()
    try #require(stat("/proc/self/status", &status) == 0 && status.st_size == 0)
    let file = try ImportFile(path: "/proc/self/status", shown: "status")
    #expect(file.count > 0)
    #expect(String(decoding: file.all(), as: UTF8.self).hasPrefix("Name:"))
  }
}
