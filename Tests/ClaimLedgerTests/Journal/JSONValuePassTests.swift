import SplitMix
import Testing

@testable import ClaimLedger

/// The shared seeded generator, so a failing case can be run again, with this file's draws.
private struct Dice {
  var random: SplitMix64

  init(state: UInt64) { random = SplitMix64(seed: state) }

  mutating func next() -> UInt64 { random.next() }

  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  mutating func pick<Element>(_ options: [Element]) -> Element { options[below(options.count)] }

  mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }

  /// Spaces and tabs, or nothing, as JSON allows between tokens.
  mutating func space() -> String { chance(85) ? "" : pick([" ", "\t", "  ", " \t "]) }

  /// A string's text as JSON writes it: plain runs long enough for the word-wide scan,
  /// Chinese, emoji and every kind of escape.
  mutating func stringBody() -> String {
    let pieces = [
      "预测", "苹果2024年1月底前营收同比增长86%", "😀", "👩‍💻", "é", "a", "Fed", "abcdefghijklmnopq",
      "0123456789", " ", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\b", "\\f", "\\r", "\\u00e9",
      "\\u4E2D", "\\ud83d\\ude00", "\\uD83D\\uDE00", "\u{7F}", "\u{10FFFF}", "ÿ", "{[,:]}",
    ]
    return (0..<below(7)).map { _ in pick(pieces) }.joined()
  }

  /// A random JSON value, nesting at most `depth` more levels.
  mutating func value(depth: Int) -> String {
    switch below(depth > 0 ? 8 : 4) {
    case 0, 1: return "\"" + stringBody() + "\""
    case 2:
      return pick(["0", "-1", "1.5e3", "0.75", "1E-2", "-0.0", "12345678901234567890", "1e400"])
    case 3: return pick(["true", "false", "null"])
    case 4, 5:
      let items = (0..<below(4)).map { _ in space() + value(depth: depth - 1) + space() }
      return "[" + items.joined(separator: ",") + space() + "]"
    default:
      let members = (0..<below(4)).map { _ in
        space() + "\"" + stringBody() + "\"" + space() + ":" + space() + value(depth: depth - 1)
          + space()
      }
      return "{" + members.joined(separator: ",") + space() + "}"
    }
  }
}

/// How one scanner took a value: where it stopped, or why it refused it.
private typealias Verdict = Result<Int, JSONScanner.Failure>

@Suite struct JSONValuePassTests {
  /// Bytes and short sequences that break a value wherever they land: control characters,
  /// structure, bytes that are never UTF-8, cut and overlong sequences, surrogates, and bad
  /// escapes.
  static let breakers: [[UInt8]] =
    [
      [0x00], [0x01], [0x09], [0x0A], [0x0D], [0x1F], [0x20], [0x22], [0x2C], [0x3A], [0x5B],
      [0x5C], [0x5D], [0x7B], [0x7D], [0x7F], [0x80], [0xA0], [0xBF], [0xC0], [0xC1], [0xC2],
      [0xE0], [0xE4], [0xED], [0xF0], [0xF4], [0xF5], [0xFF], [0x30], [0x2D], [0x2E], [0x65],
      [0x6E], [0x75], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],
      [0xF0, 0x9F, 0x98], [0xC3], [0xE4, 0xB8], [0xE4, 0xB8, 0xAD],
    ]
    + ["\\u0000", "\\ud800", "\\udc00", "\\ud800\\u0041", "\\x", "\\u12G4", "\\", "nul", "tru"]
    .map { Array($0.utf8) }

  /// The reference scanner's verdict, the pass's, and `passValue`'s, on `bytes`.
  private static func verdicts(_ bytes: [UInt8], depthLimit: Int) -> (
    reference: Verdict, pass: Int?, passValue: Verdict
  ) {
    bytes.withUnsafeBufferPointer { buffer in
      var reference = JSONScanner(buffer)
      var passing = JSONScanner(buffer)
      return (
        Result { () throws(JSONScanner.Failure) in
          try reference.skipValue(depthLimit: depthLimit)
          return reference.position
        },
        JSONValuePass.end(ofValueIn: buffer, from: 0, depthLimit: depthLimit),
        Result { () throws(JSONScanner.Failure) in
          try passing.passValue(depthLimit: depthLimit)
          return passing.position
        }
      )
    }
  }

  private static func expectSameVerdict(_ bytes: [UInt8], depthLimit: Int) {
    let (reference, pass, passValue) = verdicts(bytes, depthLimit: depthLimit)
    let shown = String(decoding: bytes, as: UTF8.self).debugDescription
    // Past 64 levels the pass leaves every value to the scanner.
    let expected = depthLimit <= 64 ? try? reference.get() : nil
    #expect(pass == expected, "\(shown) (limit \(depthLimit))")
    #expect(passValue == reference, "\(shown) (limit \(depthLimit))")
  }

  @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
  func passesExactlyWhatTheScannerPasses(seed: UInt64) {
    var dice = Dice(state: seed)
    var passed = 0
    var refused = 0
    for _ in 0..<400 {
      let depthLimit = dice.pick([1, 2, 3, 5, 64])
      var bytes = Array((dice.space() + dice.value(depth: 5)).utf8)
      // What follows the value in a line, which the pass must stop before.
      if dice.chance(50) { bytes += Array(dice.pick([",", "]", "}", " ,\"x\":1}", "x"]).utf8) }
      Self.expectSameVerdict(bytes, depthLimit: depthLimit)
      for _ in 0..<6 {
        var broken = bytes
        let place = dice.below(broken.count + 1)
        switch dice.below(4) {
        case 0 where place < broken.count:
          broken.replaceSubrange(place...place, with: dice.pick(Self.breakers))
        case 1 where place < broken.count:
          broken.remove(at: place)
        case 2:
          broken.removeSubrange(place...)
        default:
          broken.insert(contentsOf: dice.pick(Self.breakers), at: place)
        }
        Self.expectSameVerdict(broken, depthLimit: depthLimit)
        let (reference, _, _) = Self.verdicts(broken, depthLimit: depthLimit)
        if case .success = reference { passed += 1 } else { refused += 1 }
      }
    }
    // Both verdicts are common, so neither side of the comparison goes untried.
    #expect(passed > 300)
    #expect(refused > 300)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func aPlainStringIsCheckedInOnePassAsTheScannerChecksIt(seed: UInt64) {
    var dice = Dice(state: seed)
    var checked = 0
    for _ in 0..<600 {
      var bytes = Array(("\"" + dice.stringBody() + "\"" + dice.pick(["", ",", "}"])).utf8)
      if dice.chance(60) {
        bytes.insert(contentsOf: dice.pick(Self.breakers), at: 1 + dice.below(bytes.count - 1))
      }
      bytes.withUnsafeBufferPointer { buffer in
        var onePass = JSONScanner(buffer)
        var reference = JSONScanner(buffer)
        let shown = String(decoding: bytes, as: UTF8.self).debugDescription
        let read = Result { () throws(JSONScanner.Failure) in try reference.readString() }
        guard let text = onePass.readCheckedPlainString() else {
          // Refused: an escape, or a string the scanner refuses too.
          let raw = bytes.dropFirst().prefix { $0 != UInt8(ascii: "\"") }
          #expect(raw.contains(UInt8(ascii: "\\")) || (try? read.get()) == nil, "\(shown)")
          #expect(onePass.position == 0)
          return
        }
        checked += 1
        #expect((try? read.get()) == String(decoding: text.raw, as: UTF8.self), "\(shown)")
        #expect(onePass.position == reference.position, "\(shown)")
        #expect(text.start == 1)
      }
    }
    #expect(checked > 100)
  }

  @Test(arguments: 60...66)
  func nestingIsRefusedAtTheScannersDepth(levels: Int) {
    let arrays = String(repeating: "[", count: levels) + "1" + String(repeating: "]", count: levels)
    let objects =
      String(repeating: #"{"a":"#, count: levels) + #""x""# + String(repeating: "}", count: levels)
    for text in [arrays, objects] {
      for depthLimit in [63, 64, 65] {
        Self.expectSameVerdict(Array(text.utf8), depthLimit: depthLimit)
      }
    }
  }

  @Test func aBadByteInsideAStringIsNamedAtTheScannersOffset() throws {
    let prefix = Array(#"[{"entry":"claim","text":"预测ab"#.utf8)
    let bytes = prefix + [0xE4, 0x41] + Array(#""}]"#.utf8)
    let (reference, pass, passValue) = Self.verdicts(bytes, depthLimit: 64)
    #expect(pass == nil)
    #expect(passValue == reference)
    #expect(throws: JSONScanner.Failure(offset: prefix.count, reason: "invalid UTF-8")) {
      try passValue.get()
    }
  }

  @Test func aValueStopsBeforeWhatFollowsIt() {
    let text = #"  [{"a":"中文😀","b":[1,-2.5e3,true,null,{}],"c":"\"\u00e9\ud83d\ude00"}],"x":1"#
    let (reference, pass, _) = Self.verdicts(Array(text.utf8), depthLimit: 64)
    #expect(pass == Array(text.utf8).count - #","x":1"#.utf8.count)
    #expect(pass == (try? reference.get()))
  }
}
