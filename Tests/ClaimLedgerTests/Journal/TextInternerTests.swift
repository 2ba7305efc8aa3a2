import Testing

@testable import ClaimLedger

@Suite struct TextInternerTests {
  static func bytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result)
    -> Result
  {
    Array(text.utf8).withUnsafeBufferPointer(body)
  }

  @Test func findsEachTextByItsBytesAtEveryLength() {
    // Every length from empty to the longest kept, across the hash's whole words, its
    // overlapping last word, its halves and its three bytes.
    var interner = TextInterner<Int>()
    let texts = (0...TextInterner<Int>.maximumLength).map { length -> String in
      let letters: [UInt8] = (0..<length).map { offset -> UInt8 in
        UInt8(97 + (offset * 7 + length) % 26)
      }
      return String(decoding: letters, as: UTF8.self)
    }
    for (number, text) in texts.enumerated() {
      Self.bytes(text) { interner.insert(number, for: $0) }
    }
    for (number, text) in texts.enumerated() {
      let found = Self.bytes(text) { interner.value(for: $0) }
      #expect(found == number, "\(text)")
      // The same length with one byte changed, at the start, the middle and the end.
      for position in Set([0, text.utf8.count / 2, text.utf8.count - 1]) where !text.isEmpty {
        var changed = Array(text.utf8)
        changed[position] = UInt8(ascii: "Z")
        #expect(changed.withUnsafeBufferPointer { interner.value(for: $0) } == nil)
      }
    }
  }

  @Test func keepsNothingLongerThanItsLimitAndStopsWhenHalfFull() {
    var interner = TextInterner<Int>(slotCount: 8)
    let long = String(repeating: "长", count: 17)
    Self.bytes(long) { interner.insert(1, for: $0) }
    #expect(Self.bytes(long) { interner.value(for: $0) } == nil)
    for number in 0..<10 { Self.bytes("source \(number)") { interner.insert(number, for: $0) } }
    let found = (0..<10).map { number in
      Self.bytes("source \(number)") { interner.value(for: $0) }
    }
    #expect(found == [0, 1, 2, 3, nil, nil, nil, nil, nil, nil])
  }

  @Test func differentTextsGetDifferentHashes() {
    // Correctness never rests on it, but a hash that ignored some bytes would send texts
    // that share them to one slot and make every lookup a long probe.
    var texts = Set<String>()
    for number in 0..<2_000 {
      texts.insert("src\(number)")
      texts.insert("来源\(number)号")
      texts.insert(String(repeating: "x", count: number % 40) + "\(number)")
    }
    let hashes = Set(texts.map { text in Self.bytes(text) { TextInterner<Int>.hash($0) } })
    #expect(hashes.count >= texts.count - 1)
  }
}
