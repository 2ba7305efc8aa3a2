import ClaimLedger
import Foundation

/// A clause being phrased: its bytes, the names in it, and the searches phrasing needs.
///
/// Everything works on UTF-8 offsets, the same unit `EntityMatch.utf8Offset` uses, so a
/// keyword found in the bytes can be compared with the names around it.
struct Clause {
  /// A name in the clause, in English, and the bytes it covers.
  struct Name: Equatable {
    var text: String
    var start: Int
    var end: Int
  }

  /// A run of ASCII word bytes ("OpenAI", "won't", "Inc."), for reading English names.
  struct Token {
    var text: String
    var start: Int
    var end: Int
    /// Whether only spaces separate it from the token before, so the two can form one name.
    var followsSpace: Bool
  }

  let text: String
  let bytes: [UInt8]
  let entities: [EntityMatch]
  let products: Set<String>
  let tokens: [Token]

  init(_ text: String, lexicon: Lexicon) {
    self.text = text
    bytes = Array(text.utf8)
    entities = lexicon.entities(in: text)
    products = lexicon.products
    tokens = Clause.tokens(in: bytes)
  }

  /// The earliest of `words` in `range`; when two start together, the longer.
  ///
  /// Words that begin or end with an ASCII letter must sit at word boundaries there, so "ship"
  /// is not found in "ships" nor "not" in "notably".
  func find(_ words: WordList, in range: Range<Int>? = nil) -> (
    word: String, start: Int, end: Int
  )? {
    let range = range ?? 0..<bytes.count
    if let byFirstByte = words.byFirstByte { return find(words, byFirstByte, in: range) }
    var best: (word: String, start: Int, end: Int)?
    for (word, encoded) in zip(words.words, words.encoded) {
      guard let start = firstOffset(of: encoded, in: range) else { continue }
      let end = start + encoded.count
      if best.map({ start < $0.start || (start == $0.start && end > $0.end) }) ?? true {
        best = (word, start, end)
      }
    }
    return best
  }

  /// `find(_:in:)` in one pass over the clause: at each byte, the words that start with it,
  /// longest first, so the first word found is the earliest and, of those, the longest.
  private func find(_ words: WordList, _ byFirstByte: WordList.Index, in range: Range<Int>) -> (
    word: String, start: Int, end: Int
  )? {
    guard !range.isEmpty else { return nil }
    return bytes.withUnsafeBufferPointer { bytes in
      byFirstByte.starts.withUnsafeBufferPointer { starts in
        for start in range {
          let byte = bytes[start]
          let first = Int(starts[Int(byte)])
          let last = Int(starts[Int(byte) + 1])
          guard first < last else { continue }
          // A word that starts with a letter or digit does not start inside a word.
          if Clause.isWordByte(byte), start > 0, Clause.isWordByte(bytes[start - 1]) { continue }
          for slot in first..<last {
            let index = byFirstByte.words[slot]
            let word = words.encoded[index]
            let end = start + word.count
            guard end <= range.upperBound, Clause.has(word, in: bytes, at: start) else { continue }
            if let tail = word.last, Clause.isWordByte(tail), end < bytes.count,
              Clause.isWordByte(bytes[end])
            {
              continue
            }
            return (words.words[index], start, end)
          }
        }
        return nil
      }
    }
  }

  /// Whether `word` is in `bytes` at `start` (which leaves room for it), by `memcmp`.
  private static func has(_ word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int)
    -> Bool
  {
    guard let base = bytes.baseAddress else { return word.isEmpty }
    return word.withUnsafeBufferPointer { word in
      guard let wordBase = word.baseAddress else { return true }
      return memcmp(base + start, wordBase, word.count) == 0
    }
  }

  /// The subject before `offset`: the nearest known name, else an English capitalised name
  /// right before it (past words such as "will" and "not").
  func name(before offset: Int, from start: Int = 0, excluding: Set<String> = []) -> Name? {
    if let entity = entities.last(where: {
      $0.utf8Offset >= start && end(of: $0) <= offset && !excluding.contains($0.canonical)
    }) {
      return Name(text: entity.canonical, start: entity.utf8Offset, end: end(of: entity))
    }
    var index = tokens.lastIndex { $0.end <= offset && $0.start >= start }
    while let current = index, Clause.auxiliaries.contains(tokens[current].text.lowercased()) {
      index = current > 0 ? current - 1 : nil
    }
    // A name ends in a capitalised word or a number ("Pixel 10"): "CEO said" is a speaker and
    // a verb, not a subject.
    guard let last = index, let gap = bytes[safe: tokens[last].end..<offset],
      !gap.contains(where: { ",;:()\"!?".utf8.contains($0) }),
      Clause.isCapitalised(tokens[last].text)
        || tokens[last].text.utf8.first.map({ (48...57).contains($0) }) == true
    else { return nil }
    var first = last
    while first > 0, tokens[first].followsSpace, Clause.isCapitalised(tokens[first - 1].text) {
      first -= 1
    }
    let words = tokens[first...last].map(\.text).drop { Clause.nonNames.contains($0) }
    guard let head = words.first, Clause.isCapitalised(head) else { return nil }
    let text = words.joined(separator: " ")
    let trimmed = text.hasSuffix("'s") ? String(text.dropLast(2)) : text
    return Name(text: trimmed, start: tokens[first].start, end: tokens[last].end)
  }

  /// The object after `offset`: the first known name, else an English capitalised name
  /// starting right after it.
  func name(after offset: Int, before limit: Int? = nil) -> Name? {
    let limit = limit ?? bytes.count
    if let entity = entities.first(where: { $0.utf8Offset >= offset && end(of: $0) <= limit }) {
      return withVersion(
        Name(text: entity.canonical, start: entity.utf8Offset, end: end(of: entity)),
        before: limit)
    }
    guard let first = tokens.firstIndex(where: { $0.start >= offset && $0.end <= limit }),
      let gap = bytes[safe: offset..<tokens[first].start],
      gap.allSatisfy({ $0 == 0x20 || $0 == UInt8(ascii: "*") }),
      Clause.isCapitalised(tokens[first].text), !Clause.nonNames.contains(tokens[first].text)
    else { return nil }
    var last = first
    // A product's number is part of its name: "Gemini 4", "iPhone 18", "Llama 4 Scout".
    while last + 1 < tokens.count, tokens[last + 1].followsSpace, tokens[last + 1].end <= limit,
      Clause.isCapitalised(tokens[last + 1].text)
        || isVersion(at: last + 1, before: limit)
    {
      last += 1
    }
    let text = tokens[first...last].map(\.text).joined(separator: " ")
    return Name(text: text, start: tokens[first].start, end: tokens[last].end)
  }

  /// Whether the words between a subject and its verb deny it ("不会", "won't").
  ///
  /// A contrast after the denial cancels it: in "不会上市，而是并入…" the merger is affirmed.
  func isNegated(in range: Range<Int>) -> Bool {
    guard range.lowerBound < range.upperBound else { return false }
    var position = range.lowerBound
    var isNegated = false
    while let hit = find(Clause.negationsAndContrasts, in: position..<range.upperBound) {
      isNegated = Clause.negations.words.contains(hit.word)
      position = hit.end
    }
    return isNegated
  }

  /// A known name with the number that follows it and the words after that ("Gemini 4",
  /// "iPhone 18 Pro"): without it the claim would be another, and often one already true.
  private func withVersion(_ name: Name, before limit: Int) -> Name {
    guard let first = tokens.firstIndex(where: { $0.start >= name.end }),
      tokens[first].followsSpace, tokens[first].start == name.end + 1,
      isVersion(at: first, before: limit)
    else { return name }
    var last = first
    while last + 1 < tokens.count, tokens[last + 1].followsSpace, tokens[last + 1].end <= limit,
      Clause.isCapitalised(tokens[last + 1].text) || isVersion(at: last + 1, before: limit)
    {
      last += 1
    }
    let words = tokens[first...last].map(\.text).joined(separator: " ")
    return Name(text: name.text + " " + words, start: name.start, end: tokens[last].end)
  }

  /// Whether the token at `index` is a version number after a name ("4", "18", "3.5", "4o"):
  /// not a year ("Windows 2027" is no product), and not a count followed by what it counts
  /// ("Model Y 500 units").
  private func isVersion(at index: Int, before limit: Int) -> Bool {
    let text = tokens[index].text.utf8
    guard let first = text.first, (48...57).contains(first), text.count <= 5,
      text.allSatisfy({
        (48...57).contains($0) || $0 == UInt8(ascii: ".") || (97...122).contains($0)
      })
    else { return false }
    if text.count == 4, let year = Int(tokens[index].text), (1900...2199).contains(year) {
      return false
    }
    guard index + 1 < tokens.count, tokens[index + 1].end <= limit else { return true }
    return !Clause.countedWords.contains(tokens[index + 1].text.lowercased())
  }

  private static let countedWords: Set<String> = [
    "million", "billion", "trillion", "thousand", "hundred", "units", "unit", "percent", "times",
    "people", "cars", "vehicles", "phones", "users", "dollars", "yuan", "stores", "jobs",
    // A span of time: "Vision Pro 3 weeks from now", "iPhone 18 months after".
    "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "quarters",
    "minutes", "seconds",
  ]

  /// Whether `name` is a product or model rather than a company, person or institution.
  func isProduct(_ name: Name) -> Bool {
    products.contains(name.text)
  }

  private func end(of entity: EntityMatch) -> Int {
    entity.utf8Offset + entity.written.utf8.count
  }

  private func firstOffset(of word: [UInt8], in range: Range<Int>) -> Int? {
    guard let head = word.first, let tail = word.last else { return nil }
    return bytes.withUnsafeBufferPointer { bytes -> Int? in
      let searched = UnsafeBufferPointer(rebasing: bytes[..<range.upperBound])
      var from = range.lowerBound
      while let start = ByteText.firstIndex(of: word, in: searched, from: from) {
        let end = start + word.count
        if !(Clause.isWordByte(head) && start > 0 && Clause.isWordByte(bytes[start - 1])),
          !(Clause.isWordByte(tail) && end < bytes.count && Clause.isWordByte(bytes[end]))
        {
          return start
        }
        from = start + 1
      }
      return nil
    }
  }

  static let negations = WordList(
    [
      "不会", "不會", "不太可能", "不大可能", "不可能", "不打算", "不准备", "不準備", "无法", "無法",
      "难以", "難以", "won't", "won’t", "will not", "not", "never", "unlikely", "cannot", "can't",
      "can’t", "fail to", "fails to",
    ] + HedgeScale.noPlanWords)
  static let contrasts: WordList = ["而是", "但是", "但", "却", "卻", "instead", "but", "rather"]
  static let negationsAndContrasts = WordList(negations.words + contrasts.words)

  /// Words between an English subject and its verb.
  static let auxiliaries: Set<String> = [
    "will", "would", "could", "may", "might", "can", "should", "shall", "must", "is", "are", "be",
    "was", "to", "not", "won't", "won’t", "never", "likely", "unlikely", "expected", "set", "going",
    "plans", "plan", "aims", "hopes", "intends", "wants", "also", "soon", "finally", "reportedly",
    "eventually", "still", "then", "does", "do", "did", "cannot", "can't", "can’t", "fail", "fails",
    "probably", "already", "officially", "formally",
  ]

  /// Capitalised words that begin sentences rather than name anything.
  static let nonNames: Set<String> = [
    "The", "This", "That", "These", "Those", "It", "They", "We", "He", "She", "I", "You", "A", "An",
    "If", "When", "By", "In", "And", "But", "Analysts", "Experts",
  ]

  static func isCapitalised(_ word: String) -> Bool {
    guard let first = word.utf8.first else { return false }
    return (65...90).contains(first) || word.utf8.dropFirst().contains { (65...90).contains($0) }
  }

  static func isWordByte(_ byte: UInt8) -> Bool {
    (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
  }

  /// ASCII words with their offsets; a typographic apostrophe (’) is read as ', and a word's
  /// trailing full stop is dropped unless the word has another one ("Inc." stays).
  private static func tokens(in bytes: [UInt8]) -> [Token] {
    var tokens: [Token] = []
    var position = 0
    var hasOnlySpacesSinceToken = false
    while position < bytes.count {
      let start = position
      var word: [UInt8] = []
      while position < bytes.count {
        let byte = bytes[position]
        if isWordByte(byte) || ".&-_'".utf8.contains(byte) {
          word.append(byte)
          position += 1
        } else if bytes[safe: position..<position + 3]?.elementsEqual([0xE2, 0x80, 0x99]) == true {
          word.append(UInt8(ascii: "'"))
          position += 3
        } else {
          break
        }
      }
      guard position > start else {
        hasOnlySpacesSinceToken = hasOnlySpacesSinceToken && bytes[position] == 0x20
        position += 1
        continue
      }
      guard word.contains(where: isWordByte) else {
        hasOnlySpacesSinceToken = false
        continue
      }
      if word.last == UInt8(ascii: "."), !word.dropLast().contains(UInt8(ascii: ".")) {
        word.removeLast()
      }
      let text = String(decoding: word, as: UTF8.self)
      tokens.append(
        Token(text: text, start: start, end: position, followsSpace: hasOnlySpacesSinceToken))
      hasOnlySpacesSinceToken = true
    }
    return tokens
  }
}

/// Words a clause is searched for, each with its UTF-8 bytes worked out once: the phrasing
/// patterns search every forecast for the same lists.
struct WordList: ExpressibleByArrayLiteral, Sendable {
  let words: [String]
  let encoded: [[UInt8]]
  /// For a long list, its words by first byte, longest first (list order on a tie): the
  /// phrasing patterns' lists are searched in one pass over a clause rather than once per word.
  let byFirstByte: Index?

  struct Index: Sendable {
    /// Word indices of first byte `b` are `words[starts[b]..<starts[b + 1]]`.
    let starts: [Int32]
    let words: [Int]
  }

  init(_ words: some Sequence<String>) {
    self.words = Array(words)
    let encoded = self.words.map { Array($0.utf8) }
    self.encoded = encoded
    guard encoded.count > 6 else {
      byFirstByte = nil
      return
    }
    let order = encoded.indices.filter { !encoded[$0].isEmpty }.sorted { lhs, rhs in
      let (left, right) = (encoded[lhs], encoded[rhs])
      if left[0] != right[0] { return left[0] < right[0] }
      if left.count != right.count { return left.count > right.count }
      return lhs < rhs
    }
    var starts = [Int32](repeating: 0, count: 257)
    for index in order { starts[Int(encoded[index][0]) + 1] += 1 }
    for byte in 0..<256 { starts[byte + 1] += starts[byte] }
    byFirstByte = Index(starts: starts, words: order)
  }

  init(arrayLiteral words: String...) {
    self.init(words)
  }
}

extension Array {
  /// The elements in `range`, or nil when it reaches outside the array.
  subscript(safe range: Range<Int>) -> ArraySlice<Element>? {
    range.lowerBound >= 0 && range.upperBound <= count ? self[range] : nil
  }
}
