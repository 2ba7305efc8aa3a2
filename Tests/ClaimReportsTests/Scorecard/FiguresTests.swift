import SplitMix
import Testing

@testable import ClaimReports

/// The figures of a text, worked out byte by byte as the definition reads: runs of digits
/// (separators dropped), leaving out years and the month and day that follow one.
private func referenceFigures(_ bytes: [UInt8]) -> [Int] {
  var runs: [Int] = []
  var current = 0
  var digits = 0
  var separator: UInt8 = 0x20
  var isInDate = false
  for position in 0...bytes.count {
    let byte = position < bytes.count ? bytes[position] : 0x20
    if byte >= 0x30, byte <= 0x39 {
      current = current &* 10 &+ Int(byte - 0x30)
      digits += 1
      continue
    }
    if byte == 0x2C || byte == 0x2E, digits > 0 { continue }
    if digits > 0 {
      if digits == 4 && (1900...2100).contains(current) {
        isInDate = byte == 0x2D
      } else if isInDate, separator == 0x2D, digits <= 2 {
        isInDate = byte == 0x2D
      } else {
        isInDate = false
        runs.append(current)
      }
      current = 0
      digits = 0
    }
    separator = byte
  }
  return runs.sorted()
}

@Suite struct FiguresTests {
  static let texts = [
    "revenue 1,200 by 2026-12-31 and 3.5 in 2027", "2026-12", "2026-1-2-3", "12-2026-05",
    "x2026-07-01y", "1.", ".5", "营收同比增长86%，2024年1月底前", "", "7", "2026", "2026-",
    "-2026-05-06-07", "3,,4..5", "1999-13 and 2101-01",
  ]

  @Test(arguments: texts)
  func figuresAreTheRunsOfDigitsOutsideDates(_ text: String) {
    let bytes = Array(text.utf8)
    #expect(bytes.withUnsafeBytes { EchoClusters.figures(in: $0) } == referenceFigures(bytes))
  }

  /// The eight-byte skip flags exactly the digits, whatever the other bytes of the word.
  @Test func everyByteValueIsFlaggedExactlyWhenItIsADigit() {
    for value in 0...255 {
      for position in 0..<8 {
        for filler: UInt8 in [0x00, 0x2F, 0x3A, 0x7F, 0x80, 0xB0, 0xE5, 0xFF] {
          var bytes = [UInt8](repeating: filler, count: 8)
          bytes[position] = UInt8(value)
          let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
          let flagged = EchoClusters.digitBytes(word)
          let expected = (0..<8).reduce(UInt64(0)) { flags, index in
            (0x30...0x39).contains(bytes[index]) ? flags | 0x80 << (8 * UInt64(index)) : flags
          }
          #expect(flagged == expected, "\(bytes)")
        }
      }
    }
  }

  /// Long runs of Chinese and Latin text, which the scan passes eight bytes at a time.
  @Test func figuresOfLongTextsWithFewDigits() {
    var random = SplitMix64(seed: 11)
    let pieces = ["营收", "同比", "增长", "年", "月底前", "revenue ", "-", ".", ",", "2026", "7", "86%"]
      .map { Array($0.utf8) }
    for _ in 0..<2_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int(random.next() % 40) {
        let index = Int(random.next() % UInt64(pieces.count))
        // Digits one time in three, so most words hold none.
        bytes += random.next() % 3 == 0 || index < 6 ? pieces[index] : pieces[index % 6]
      }
      #expect(
        bytes.withUnsafeBytes { EchoClusters.figures(in: $0) } == referenceFigures(bytes),
        "\(bytes)")
    }
  }

  @Test func figuresOfRandomDigitsAndSeparators() {
    var random = SplitMix64(seed: 7)
    let alphabet = Array("0123456789-.,, 年a".utf8)
    for _ in 0..<2_000 {
      let length = Int(random.next() % 24)
      let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
      #expect(
        bytes.withUnsafeBytes { EchoClusters.figures(in: $0) } == referenceFigures(bytes),
        "\(bytes)")
    }
  }
}
