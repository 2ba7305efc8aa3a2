import SplitMix
import Testing

@testable import ClaimLedger

@Suite struct StoredTextTests {
  static func isValid(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { JSONScanner.isValidUTF8($0) }
  }

  static func standardIsValid(_ bytes: [UInt8]) -> Bool {
    String(validating: bytes, as: UTF8.self) != nil
  }

  /// The boundaries of Unicode Table 3-7, each alone, after ASCII (so it starts at every
  /// alignment of the eight-byte reads), and cut short at the end of the text.
  static let edges: [[UInt8]] = [
    [0x7F], [0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x9F, 0x80],
    [0xE0, 0xA0, 0x80], [0xE4, 0xB8, 0xAD], [0xEC, 0xBF, 0xBF], [0xED, 0x9F, 0xBF],
    [0xED, 0xA0, 0x80], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF],
    [0xF0, 0x90, 0x80, 0x80], [0xF3, 0xBF, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF],
    [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE4, 0xB8], [0xF0, 0x9F, 0x98],
    [0xE4, 0x41, 0xAD], [0xC2, 0x41],
  ]

  @Test(arguments: edges)
  func theCheckAgreesWithTheStandardLibraryAtEveryBoundary(sequence: [UInt8]) {
    for prefix in 0..<10 {
      let ascii = [UInt8](repeating: UInt8(ascii: "a"), count: prefix)
      for bytes in [ascii + sequence, ascii + sequence + Array("bc中".utf8)] {
        #expect(Self.isValid(bytes) == Self.standardIsValid(bytes), "\(bytes)")
      }
    }
  }

  @Test func theCheckAgreesWithTheStandardLibraryOnEveryShortString() {
    // Every string of up to four bytes drawn from leads, continuations and ASCII at the
    // boundaries, after 0, 1, 3 or 6 ASCII bytes so each meets the eight-byte reads differently.
    let alphabet: [UInt8] = [
      0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF,
      0xF0, 0xF4, 0xF5, 0xFF,
    ]
    var strings: [[UInt8]] = [[]]
    var last: [[UInt8]] = [[]]
    for _ in 1...4 {
      last = last.flatMap { string in alphabet.map { string + [$0] } }
      strings += last
    }
    var validCount = 0
    var disagreements: [[UInt8]] = []
    for string in strings {
      for prefix in [0, 1, 3, 6] {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: prefix) + string
        let expected = Self.standardIsValid(bytes)
        if expected { validCount += 1 }
        if Self.isValid(bytes) != expected { disagreements.append(bytes) }
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    #expect(validCount > 1_000)
  }

  @Test func theCheckAgreesWithTheStandardLibraryOnRandomTexts() {
    // Runs of ASCII, CJK, other valid characters and single random bytes, so that valid
    // and broken sequences straddle the eight-byte reads and follow ASCII-only words.
    var random = SplitMix64(seed: 0x9E37_79B9_7F4A_7C15)
    let pieces: [[UInt8]] = [
      Array("abcdefgh".utf8), Array("a".utf8), Array("中文".utf8), Array("é".utf8),
      Array("😀".utf8), Array("\u{10FFFF}".utf8), Array("\u{E000}".utf8), Array("\u{D7FF}".utf8),
    ]
    var disagreements: [[UInt8]] = []
    var validCount = 0
    for _ in 0..<20_000 {
      var bytes: [UInt8] = []
      for _ in 0..<random.below(12) {
        let pick = random.next()
        if pick % 5 == 0 {
          bytes.append(UInt8(truncatingIfNeeded: pick >> 8))
        } else {
          bytes += pieces[Int(pick >> 8) % pieces.count]
        }
      }
      let expected = Self.standardIsValid(bytes)
      if expected { validCount += 1 }
      if Self.isValid(bytes) != expected { disagreements.append(bytes) }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    #expect(validCount > 2_000)
    #expect(validCount < 18_000)
  }

  static let claimStart =
    #"{"entry":"claim","id":"0123456789","at":"2026-01-21T09:30:00.000Z","#

  @Test(arguments: ["text", "quote", "url"])
  func invalidUTF8InAStoredTextIsRefusedAtItsByte(field: String) {
    var bytes = Array(Self.claimStart.utf8)
    let fields = ["text": "\"x\"", "quote": "\"q\"", "url": "\"u\""]
    for name in ["text", "quote", "url"] where name != field {
      bytes += Array("\"\(name)\":\(fields[name] ?? ""),".utf8)
    }
    bytes += Array("\"\(field)\":\"中".utf8)
    let column = bytes.count + 1
    bytes += [0xE4, 0x41] + Array("\",".utf8)
    bytes += Array(#""source":"s","said":null,"confidence":0.7,"status":"open"}"#.utf8)
    do {
      _ = try Self.parse(bytes + [10])
      Issue.record("accepted invalid UTF-8 in \(field)")
    } catch {
      guard case .malformedEntry(let location, let reason) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(location.column == column)
      #expect(reason.contains("invalid UTF-8"))
    }
  }

  static func parse(_ bytes: [UInt8]) throws(LedgerError) -> Journal {
    let result: Result<Journal, LedgerError> = bytes.withUnsafeBufferPointer { buffer in
      do throws(LedgerError) {
        return .success(try JournalReader.parse(buffer, path: "l.jsonl"))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  @Test func aLoadedClaimReadsAndWritesItsTextsUnchanged() throws {
    let line =
      Self.claimStart
      + #""text":"英伟达 2027 年营收翻倍","quote":"他说：\"大概率\" \u4e2d","source":"s","#
      + #""url":"https://example.com/a?b=1","said":"2026-01-20","confidence":0.75,"#
      + #""tags":[],"status":"open"}"#
    let journal = try Self.parse(Array((line + "\n").utf8))
    let entry = try #require(journal.entries.first)
    guard case .claim(let claim, _) = entry.body else {
      Issue.record("not a claim")
      return
    }
    #expect(claim.text == "英伟达 2027 年营收翻倍")
    #expect(claim.quote == "他说：\"大概率\" 中")
    #expect(claim.url == "https://example.com/a?b=1")
    // Written back, the escape-free texts are copied and the escaped one is written canonically.
    #expect(entry.jsonLine == line.replacingOccurrences(of: #"\u4e2d"#, with: "中"))
    let built = Claim(
      text: "英伟达 2027 年营收翻倍", quote: "他说：\"大概率\" 中", source: "s",
      url: "https://example.com/a?b=1", said: Day("2026-01-20"),
      confidence: Confidence(clamping: 0.75))
    #expect(claim == built)
    #expect(claim.hashValue == built.hashValue)
    var changed = claim
    changed.text = "另一句"
    #expect(changed.text == "另一句")
    #expect(changed != built)
  }

  @Test func anArenaStartsSmallAndDoublesToItsLargestChunk() {
    var arena = TextArena()
    let small = [UInt8](repeating: UInt8(ascii: "a"), count: 10)
    _ = small.withUnsafeBufferPointer { arena.store($0) }
    // A single entry read on its own keeps a few kilobytes alive, not a megabyte.
    #expect(arena.capacity == 4096)
    let large = [UInt8](repeating: UInt8(ascii: "b"), count: 5000)
    var capacities: [Int] = []
    for _ in 0..<12 {
      _ = large.withUnsafeBufferPointer { arena.store($0) }
      if capacities.last != arena.capacity { capacities.append(arena.capacity) }
    }
    #expect(capacities == [8192, 16384, 32768, 65536])
    let huge = [UInt8](repeating: UInt8(ascii: "c"), count: 3 << 20)
    let stored = huge.withUnsafeBufferPointer { arena.store($0) }
    #expect(arena.capacity == 3 << 20)
    #expect(stored.string.utf8.count == 3 << 20)
  }

  @Test func storedTextsCompareAsStringsDo() {
    // "é" precomposed and decomposed are equal Strings, so they are equal texts too.
    var arena = TextArena()
    let composed = Array("caf\u{E9}".utf8)
    let stored = composed.withUnsafeBufferPointer { arena.store($0) }
    #expect(stored == StoredText("cafe\u{301}"))
    #expect(stored.hashValue == StoredText("cafe\u{301}").hashValue)
    #expect(stored != StoredText("cafe"))
  }

  @Test func aTextMadeFromAStringReadsBackAndIsNeverGivenAsPlainBytes() {
    // Its bytes may hold what JSON escapes, so writers must escape them.
    for text in ["", "a", "引号\"和\n换行", String(repeating: "长", count: 100_000)] {
      let stored = StoredText(text)
      #expect(stored.string == text)
      #expect(stored.isEmpty == text.isEmpty)
      #expect(stored.withPlainBytes { $0.count } == nil)
      #expect(stored.withUTF8 { Array($0) } == Array(text.utf8))
    }
    var arena = TextArena()
    let checked = Array("已检查".utf8).withUnsafeBufferPointer { arena.store($0) }
    #expect(checked.withPlainBytes { Array($0) } == Array("已检查".utf8))
  }

  @Test func aTextAndAnOptionalTextTakeSixteenBytes() {
    // Three of them sit in every claim of a loaded ledger.
    #expect(MemoryLayout<StoredText>.size == 16)
    #expect(MemoryLayout<StoredText?>.size == 16)
  }
}

@Suite struct StoredTextEqualityTests {
  static func stored(_ text: String, in arena: inout TextArena) -> StoredText {
    Array(text.utf8).withUnsafeBufferPointer { arena.store($0) }
  }

  @Test func textsCompareAsStringsDoWhicheverWayTheyAreKept() {
    var arena = TextArena()
    let composed = "caf\u{E9} 将于2027年上市"
    let decomposed = "cafe\u{301} 将于2027年上市"
    let pairs: [(String, String, Bool)] = [
      (composed, composed, true), (composed, decomposed, true), (composed, "cafe 将于2027年上市", false),
      ("", "", true), ("", "a", false), ("ab", "ba", false),
    ]
    for (left, right, isEqual) in pairs {
      let kept = [
        (StoredText(left), StoredText(right)),
        (Self.stored(left, in: &arena), StoredText(right)),
        (StoredText(left), Self.stored(right, in: &arena)),
        (Self.stored(left, in: &arena), Self.stored(right, in: &arena)),
      ]
      for (a, b) in kept {
        #expect((a == b) == isEqual, "\(left) vs \(right)")
        #expect((left == right) == isEqual)
      }
    }
  }
}

@Suite struct TrimmingSpacesTests {
  @Test(arguments: [
    ("plain", "plain"), ("  padded \t", "padded"), ("\u{3000}全角\u{3000}", "全角"), ("\r\nx\r\n", "x"),
    ("\u{2028}x\u{85}", "x"), (" \u{301}x", " \u{301}x"), ("x \u{301}", "x \u{301}"), ("   ", ""),
    ("", ""), ("中 文", "中 文"),
  ])
  func trimsSpacesAndLineBreaksAtTheEndsOnly(text: String, trimmed: String) {
    #expect(text.trimmingSpaces() == trimmed)
    #expect(text.trimmingSpaces().unicodeScalars.elementsEqual(trimmed.unicodeScalars))
  }
}
