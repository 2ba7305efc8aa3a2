import Foundation
import Testing

@testable import ClaimLedger

@Suite struct StreamBytesTests {
  /// What a pipe holds, written by another thread in pieces, comes back whole and in order.
  @Test func aPipeIsReadToItsEnd() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    let expected = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    let writer = Thread { [ends] in
      expected.withUnsafeBytes { bytes in
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
          let written = write(ends[1], base + offset, min(65_536, bytes.count - offset))
          if written <= 0 { break }
          offset += written
        }
      }
      close(ends[1])
    }
    writer.start()
    defer { close(ends[0]) }
    #expect(StreamBytes.readAll(ends[0], limit: 1 << 30) == .success(expected))
  }

  /// One byte past the limit is refused, however it arrives; exactly the limit is not.
  @Test(arguments: [(10, true), (11, false)])
  func theLimitHolds(count: Int, fits: Bool) throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    let bytes = [UInt8](repeating: 7, count: count)
    #expect(bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) } == count)
    close(ends[1])
    defer { close(ends[0]) }
    let result = StreamBytes.readAll(ends[0], limit: 10)
    #expect(result == (fits ? .success(bytes) : .failure(.tooLarge(limit: 10))))
  }

  @Test func aFailedReadGivesTheSystemsWords() {
    let result = StreamBytes.readAll(-1, limit: 10)
    #expect(result == .failure(.failed(code: EBADF)))
    if case .failure(let failure) = result {
      #expect(failure.reason == String(cString: strerror(EBADF)))
    }
    #expect(StreamBytes.Failure.tooLarge(limit: 1 << 30).reason == "it is larger than 1024 MiB")
  }
}
