import ClaimLedger
import Testing

@testable import ClaimExtractor

/// Bytes that are not usable text, and the error they must raise.
struct UnreadableCase: Sendable, CustomTestStringConvertible {
  let name: String
  let bytes: [UInt8]
  let expected: ExtractionError
  var testDescription: String { name }

  static func notUTF8(line: Int, likely: String?) -> ExtractionError {
    .notUTF8(at: SourceLocation(path: "in.txt", line: line), likely: likely)
  }
}

@Suite struct TextDecodingTests {
  static let ascii = Array("The plan ships next year.\nSecond line.\n".utf8)

  static let unreadable: [UnreadableCase] = [
    .init(name: "no bytes", bytes: [], expected: .empty(path: "in.txt")),
    .init(
      name: "only spaces", bytes: Array(" \n\t\r\n  \n".utf8), expected: .empty(path: "in.txt")),
    .init(name: "only a BOM", bytes: [0xEF, 0xBB, 0xBF, 10], expected: .empty(path: "in.txt")),
    .init(name: "PNG", bytes: [0x89, 0x50, 0x4E, 0x47, 13, 10], expected: .binary(path: "in.txt")),
    .init(name: "PDF", bytes: Array("%PDF-1.7\nabc".utf8), expected: .binary(path: "in.txt")),
    .init(name: "ZIP", bytes: [0x50, 0x4B, 3, 4, 20, 0], expected: .binary(path: "in.txt")),
    .init(name: "gzip", bytes: [0x1F, 0x8B, 8, 0, 0], expected: .binary(path: "in.txt")),
    .init(
      name: "NUL bytes", bytes: [65, 0, 0, 0, 66, 67, 0, 1, 2], expected: .binary(path: "in.txt")),
    // A NUL beside a control byte is no high byte of a Latin letter: binary, not UTF-16.
    .init(
      name: "NUL beside a control byte", bytes: [0, 1, 2] + Array("binary".utf8),
      expected: .binary(path: "in.txt")),
    .init(
      name: "UTF-16LE BOM", bytes: [0xFF, 0xFE, 65, 0, 66, 0],
      expected: UnreadableCase.notUTF8(line: 1, likely: "UTF-16LE")),
    .init(
      name: "UTF-16BE BOM", bytes: [0xFE, 0xFF, 0, 65, 0, 66],
      expected: UnreadableCase.notUTF8(line: 1, likely: "UTF-16BE")),
    .init(
      name: "UTF-16LE without BOM", bytes: [72, 0, 105, 0, 10, 0, 0x2D, 0x4E],
      expected: UnreadableCase.notUTF8(line: 1, likely: "UTF-16LE")),
    .init(
      name: "UTF-16BE without BOM", bytes: [0, 72, 0, 105, 0, 10, 0x4E, 0x2D],
      expected: UnreadableCase.notUTF8(line: 1, likely: "UTF-16BE")),
    // café: é is E9 00, a Latin-1 letter beside its NUL.
    .init(
      name: "UTF-16LE with a Latin-1 letter", bytes: [99, 0, 97, 0, 102, 0, 0xE9, 0, 10, 0],
      expected: UnreadableCase.notUTF8(line: 1, likely: "UTF-16LE")),
    // 中文预测明年 in GB18030, on the third line.
    .init(
      name: "GB18030", bytes: ascii + [0xD6, 0xD0, 0xCE, 0xC4, 0xD4, 0xA4, 0xB2, 0xE2, 0xC3, 0xF7],
      expected: UnreadableCase.notUTF8(line: 3, likely: "GB18030")),
    // 預測明年會漲 in Big5: half its trail bytes are ASCII, which GB2312 never has.
    .init(
      name: "Big5",
      bytes: [0xB9, 0x77, 0xB4, 0xFA, 0xA9, 0xFA, 0xA6, 0x7E, 0xB7, 0x7C, 0xBA, 0xA6],
      expected: UnreadableCase.notUTF8(line: 1, likely: "Big5")),
    .init(
      name: "ISO-8859-1", bytes: ascii + Array("caf".utf8) + [0xE9, 32, 110, 97, 0xEF, 118, 101],
      expected: UnreadableCase.notUTF8(line: 3, likely: "ISO-8859-1")),
    .init(
      name: "Windows-1252", bytes: [0x93, 104, 105, 0x94, 32, 99, 97, 102, 0xE9, 10],
      expected: UnreadableCase.notUTF8(line: 1, likely: "Windows-1252")),
    // Valid UTF-8 with one damaged sequence on line 2: no legacy encoding fits.
    .init(
      name: "damaged UTF-8", bytes: Array("好的\n预测".utf8) + [0xE4, 0xB8] + Array("明年好".utf8),
      expected: UnreadableCase.notUTF8(line: 2, likely: nil)),
    .init(
      name: "bad byte after lone CR", bytes: [65, 13, 66, 13, 10, 0xFF, 0xFF, 0xFF],
      expected: UnreadableCase.notUTF8(line: 3, likely: nil)),
  ]

  @Test(arguments: unreadable)
  func unreadableBytesRaiseTheirError(_ c: UnreadableCase) {
    #expect(throws: c.expected) { try DocumentReader.read(c.bytes, path: "in.txt") }
  }

  /// Three-byte characters are checked two continuation bytes at a time; every kind of damage
  /// is still found at its lead byte.
  @Test func findsDamageInThreeByteCharacters() {
    let good = Array("预测明年".utf8)
    #expect(
      good.withUnsafeBufferPointer { TextDecoding.firstInvalidUTF8Offset($0) } == nil)
    let cases: [([UInt8], Int)] = [
      (good + [0xE9, 0xA2, 0x41], 12),  // a continuation byte missing
      (good + [0xE9, 0xA2], 12),  // cut off at the end
      (good + [0xED, 0xA0, 0x80], 12),  // a surrogate
      (good + [0xE0, 0x80, 0x80], 12),  // an overlong form
      (good + [0xEF, 0xBF, 0xBF, 0xF8], 15),  // U+FFFF is fine; F8 is no lead byte
    ]
    for (bytes, offset) in cases {
      #expect(bytes.withUnsafeBufferPointer { TextDecoding.firstInvalidUTF8Offset($0) } == offset)
    }
  }

  /// Chinese text is checked two characters (six bytes) at a step: damage must be found at
  /// every place it can fall within or after such a step, as the standard library finds it.
  @Test func findsDamageAtEveryPlaceOfATwoCharacterStep() {
    let damages: [[UInt8]] = [
      [0xE9, 0xA2, 0x41], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xC0, 0xAF], [0xF8],
      [0x80], [0xE9, 0xA2],
    ]
    for shift in 0..<3 {
      for characters in 0..<7 {
        for damage in damages {
          let before =
            Array(String(repeating: "a", count: shift).utf8)
            + Array(String(repeating: "预", count: characters).utf8)
          let bytes = before + damage + Array("测明年后".utf8)
          let found = bytes.withUnsafeBufferPointer { TextDecoding.firstInvalidUTF8Offset($0) }
          #expect(found == before.count, "\(shift) \(characters) \(damage)")
          #expect(String(validating: bytes, as: UTF8.self) == nil)
        }
      }
    }
  }

  @Test func byteOrderMarkIsSkipped() throws {
    let document = try DocumentReader.read(
      [0xEF, 0xBB, 0xBF] + Array("# Title\nText".utf8), path: "a.md")
    #expect(document.metadata.title == "Title")
    #expect(document.sections.first?.lines.first?.text == "Title")
  }

  @Test func windowsAndOldMacLineEndsCountAsLines() throws {
    let lines = try readDocument("one\r\ntwo\rthree\r\n\r\nfive").sections[0].lines
    #expect(lines.map(\.text) == ["one", "two", "three", "five"])
    #expect(lines.map(\.line) == [1, 2, 3, 5])
  }

  @Test func fullWidthLettersStayAndPunctuationIsNotFolded() throws {
    #expect(try bodyTexts("ＡＩ将在２０２６年，改变（一切）：是吗。") == ["ＡＩ将在２０２６年，改变（一切）：是吗。"])
  }

  @Test func errorMessageSuggestsTheConversion() {
    let error = UnreadableCase.notUTF8(line: 3, likely: "GB18030")
    #expect(error.description.contains("iconv -f GB18030 -t UTF-8"))
  }
}
