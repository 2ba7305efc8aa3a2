import ClaimReports
import SplitMix
import Testing

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
