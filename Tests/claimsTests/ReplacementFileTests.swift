import ClaimReports
import Foundation
import Testing

@testable import claims

/// The file an export writes: the same bytes whether they go to the disk directly or through
/// the page cache, and nothing at the path until `commit`.
@Suite struct ReplacementFileTests {
  /// A piece one short of a block, one that crosses into the next, and one longer than a
  /// block with a tail that is not a whole number of aligned units (the writer's own cases
  /// are `BlockWriterTests`').
  static func pieces() -> [[UInt8]] {
    [ReplacementFile.blockSize - 1, 2, ReplacementFile.blockSize + 12_345].enumerated().map {
      index, size in (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }
    }
  }

  @Test(arguments: [true, false])
  func writesThePiecesInOrder(direct: Bool) throws {
    let sandbox = try Sandbox(initialised: false)
    let path = sandbox.path("out/export.jsonl")
    try FileManager.default.createDirectory(
      atPath: sandbox.path("out"), withIntermediateDirectories: true)
    let pieces = Self.pieces()
    let file = try ReplacementFile(replacing: path, direct: direct)
    if !direct { #expect(!file.isDirect) }
    for piece in pieces { try file.write(piece) }
    try file.commit()
    let written = try #require(FileManager.default.contents(atPath: path))
    #expect(written.elementsEqual(pieces.joined()))
    #expect(OutputPathTests.files(in: sandbox.path("out")) == ["export.jsonl"])
  }

  @Test(arguments: [0, 1, 4_096, ReplacementFile.blockSize])
  func aFileOfAnySizeComesOutWhole(count: Int) throws {
    let sandbox = try Sandbox(initialised: false)
    let path = sandbox.path("export.csv")
    let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 % 251) }
    let file = try ReplacementFile(replacing: path)
    try file.write(bytes)
    try file.commit()
    #expect(FileManager.default.contents(atPath: path) == Data(bytes))
  }

  @Test func anUncommittedFileLeavesTheOldOneAndNoTemporaryFile() throws {
    let sandbox = try Sandbox(initialised: false)
    try sandbox.write("old\n", to: "export.csv")
    do {
      let file = try ReplacementFile(replacing: sandbox.path("export.csv"))
      try file.write(Array(repeating: 65, count: ReplacementFile.blockSize + 1))
      #expect(sandbox.contents(of: "export.csv") == "old\n")
    }
    #expect(sandbox.contents(of: "export.csv") == "old\n")
    #expect(OutputPathTests.files(in: sandbox.directory.path) == ["export.csv"])
  }

  /// A disk too small for the first block: the write throws, and a commit after it throws too
  /// instead of reporting a file that is not there.
  @Test func aCommitAfterAFailedWriteFails() throws {
    let sandbox = try Sandbox(initialised: false)
    try OutputPathTests.withSmallDisk(in: sandbox, options: "size=64k") { disk in
      let file = try ReplacementFile(replacing: disk + "/claims.jsonl")
      #expect(throws: ReportError.self) {
        try file.write(Array(repeating: 65, count: ReplacementFile.blockSize + 1))
      }
      // Nothing more goes anywhere, not even to a file that took the descriptor's number.
      #expect(throws: ReportError.self) { try file.write([66]) }
      #expect(throws: ReportError.self) { try file.commit() }
      #expect(OutputPathTests.files(in: disk).isEmpty)
    }
  }
}
