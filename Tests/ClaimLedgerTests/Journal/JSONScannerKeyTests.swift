import Testing

@testable import ClaimLedger

@Suite struct JSONScannerKeyTests {
  /// What `readKey` gives for `line`: the key's bytes and the position after it, or the failure.
  static func readKey(_ line: [UInt8]) -> Result<([UInt8], Int), JSONScanner.Failure> {
    line.withUnsafeBufferPointer { buffer in
      var scanner = JSONScanner(buffer)
      do throws(JSONScanner.Failure) {
        let key = try scanner.readKey()
        return .success((Array(key), scanner.position))
      } catch {
        return .failure(error)
      }
    }
  }

  /// The rule the word-at-a-time reads must keep, written byte by byte: the key runs to the
  /// first quote; a backslash, a control character or a byte from 0x80 before it is refused.
  static func expected(_ line: [UInt8]) -> Result<([UInt8], Int), JSONScanner.Failure> {
    for index in 1..<line.count {
      let byte = line[index]
      if byte == UInt8(ascii: "\"") { return .success((Array(line[1..<index]), index + 1)) }
      if byte < 0x20 || byte == UInt8(ascii: "\\") || byte >= 0x80 {
        return .failure(JSONScanner.Failure(offset: index, reason: "unknown key"))
      }
    }
    return .failure(JSONScanner.Failure(offset: 0, reason: "unterminated key"))
  }

  @Test func readsKeysOfEveryLengthWithAnyByteAnywhereAsTheByteRuleSays() {
    // Keys of 0 to 20 bytes, with room after them for reads of whole words and without it, and
    // each odd byte at each place of the key.
    let odd: [UInt8] = [0x5C, 0x0A, 0x00, 0x1F, 0x80, 0xE4, 0xFF, 0x22]
    for length in 0...20 {
      let key = (0..<length).map { UInt8(97 + $0 % 26) }
      for tail in [[UInt8](), Array(":1,".utf8), Array(":\"0123456789abcdef\"}".utf8)] {
        var variants = [key]
        for place in 0..<length {
          for byte in odd {
            var changed = key
            changed[place] = byte
            variants.append(changed)
          }
        }
        for variant in variants {
          let line = [UInt8(ascii: "\"")] + variant + [UInt8(ascii: "\"")] + tail
          let got = Self.readKey(line)
          let want = Self.expected(line)
          switch (got, want) {
          case (.success(let a), .success(let b)):
            #expect(a.0 == b.0 && a.1 == b.1, "\(line)")
          case (.failure(let a), .failure(let b)):
            #expect(a == b, "\(line)")
          default:
            Issue.record("\(line): \(got) against \(want)")
          }
        }
      }
    }
  }
}
