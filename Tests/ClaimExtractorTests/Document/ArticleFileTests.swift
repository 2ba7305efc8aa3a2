import ClaimExtractor
import Foundation
import Testing

/// Reading an article stops at the size limit, from a file and from a stream alike.
@Suite struct ArticleFileTests {
  @Test func aFileOverTheLimitIsRefused() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("article-\(UUID().uuidString).md").path
    defer { unlink(path) }
    try Data(repeating: UInt8(ascii: "a"), count: 3 << 20).write(to: URL(fileURLWithPath: path))
    #expect(try ArticleFile.read(path: path, limit: 3 << 20).count == 3 << 20)
    #expect(throws: ExtractionError.unreadable(path: path, reason: "it is larger than 2 MiB")) {
      try ArticleFile.read(path: path, limit: 2 << 20)
    }
  }

  @Test func aStreamOverTheLimitIsRefusedAndOneWithinIsReadWhole() throws {
    for (count, limit) in [(1000, 1 << 20), ((1 << 20) + 1, 1 << 20)] {
      let pipe = Pipe()
      let writer = Thread {
        try? pipe.fileHandleForWriting.write(contentsOf: Data(repeating: 0x61, count: count))
        try? pipe.fileHandleForWriting.close()
      }
      writer.start()
      let read = Result { () throws(ExtractionError) -> [UInt8] in
        try ArticleFile.read(
          descriptor: pipe.fileHandleForReading.fileDescriptor, path: "-", limit: limit)
      }
      // Drain what the writer has left, so it can finish once the reader gave up.
      _ = try? pipe.fileHandleForReading.readToEnd()
      if count <= limit {
        #expect(try read.get().count == count)
      } else {
        #expect(throws: ExtractionError.unreadable(path: "-", reason: "it is larger than 1 MiB")) {
          try read.get()
        }
      }
    }
  }
}
