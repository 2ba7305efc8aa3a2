import ClaimLedger
import Foundation

/// A name found in text and the English name it stands for.
public struct EntityMatch: Sendable, Equatable {
  /// The name as written ("微軟").
  public var written: String
  /// Its English name ("Microsoft").
  public var canonical: String
  /// Where it starts, as an offset into the text's UTF-8 bytes.
  public var utf8Offset: Int

  public init(written: String, canonical: String, utf8Offset: Int) {
    self.written = written
    self.canonical = canonical
    self.utf8Offset = utf8Offset
  }
}

/// The names the extractor recognises, in Chinese and English, each with one English name.
///
/// Claims are written in English whatever the article's language, so "英伟达", "輝達" and
/// "Nvidia" must all come out as "Nvidia". The table also carries extra hedge words that a
/// project adds in `Claims/lexicon.json`.
public struct Lexicon: Sendable {
  /// Every written form (alias) and the English name it stands for.
  public private(set) var names: [String: String]
  /// Extra hedge words and the probability each is read as, in 0…1.
  public var hedges: [String: Double]
  /// English names of products and models, so "iPhone 上市" is not read as an IPO.
  var products: Set<String>
  /// English names of people, so "he" can be taken for the last person an article names.
  var people: Set<String> = []
  /// English names of places, which "the company" never stands for.
  var places: Set<String> = []
  private var index: NameIndex

  /// A lexicon from aliases (as written) to English names; empty aliases are ignored.
  public init(names: [String: String], hedges: [String: Double] = [:]) {
    self.init(names: names, hedges: hedges, products: [])
  }

  init(
    names: [String: String], hedges: [String: Double], products: Set<String>,
    people: Set<String> = [], places: Set<String> = []
  ) {
    self.names = names.filter { !$0.key.isEmpty && !$0.value.isEmpty }
    self.hedges = hedges
    self.products = products
    self.people = people
    self.places = places
    self.index = NameIndex(self.names)
  }

  /// This lexicon with `other`'s names and hedges added; where both have an entry, `other` wins.
  public func merging(_ other: Lexicon) -> Lexicon {
    Lexicon(
      names: names.merging(other.names) { _, theirs in theirs },
      hedges: hedges.merging(other.hedges) { _, theirs in theirs },
      products: products.union(other.products), people: people.union(other.people),
      places: places.union(other.places))
  }

  /// The English name for a name exactly as written, or nil when the lexicon does not know it.
  public func canonicalName(for written: String) -> String? {
    names[written]
  }

  /// A hash of every name and the English name it stands for, the same in every run: what a
  /// cache of names found in texts depends on.
  public var fingerprint: UInt64 {
    var hash = StableHash()
    for (written, canonical) in names.sorted(by: { $0.key < $1.key }) {
      hash.combine(written)
      hash.combine(canonical)
    }
    return hash.finalized
  }

  /// The distinct English names in the lexicon.
  public var canonicalNames: Set<String> {
    Set(names.values)
  }

  /// Every known name in `text`, left to right, never overlapping.
  ///
  /// At each position the longest name wins ("字节跳动" over "字节"). A name that begins or ends
  /// with an ASCII letter or digit must sit at a word boundary there, so "Meta" is not found in
  /// "metadata" nor "AMD" in "AMDX"; ASCII names are case-sensitive. Chinese names match
  /// anywhere, since Chinese has no spaces between words.
  public func entities(in text: String) -> [EntityMatch] {
    var text = text
    return text.withUTF8 { bytes in
      var matches: [EntityMatch] = []
      forEachName(in: bytes) { name, position, length in
        matches.append(
          EntityMatch(
            written: String(decoding: bytes[position..<position + length], as: UTF8.self),
            canonical: index.canonical(of: name), utf8Offset: position))
      }
      return matches
    }
  }

  /// The English names of the names `entities(in:)` finds in UTF-8 `text`, in text order,
  /// without making a string of each name as written: the scorecards read every claim's.
  public func canonicalNames(in text: UnsafeRawBufferPointer) -> [String] {
    var names: [String] = []
    forEachName(in: text.bindMemory(to: UInt8.self)) { name, _, _ in
      names.append(index.canonical(of: name))
    }
    return names
  }

  /// Calls `body` with each name found (its index, start and length), left to right.
  private func forEachName(
    in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ name: Int, _ start: Int, _ length: Int) -> Void
  ) {
    index.withFilter { filter in
      var position = 0
      while position + 1 < bytes.count {
        let third = position + 2 < bytes.count ? bytes[position + 2] : nil
        // A UTF-8 continuation byte starts no name: two in three bytes of Chinese text.
        guard bytes[position] & 0xC0 != 0x80,
          filter.mayStart(bytes[position], bytes[position + 1], third),
          let name = index.longestName(in: bytes, at: position)
        else {
          // A three-byte character no name starts at is passed whole: its two continuation
          // bytes start none either.
          let isThreeBytes =
            bytes[position] & 0xF0 == 0xE0 && bytes[position + 1] & 0xC0 == 0x80
            && third.map { $0 & 0xC0 == 0x80 } == true
          position += isThreeBytes ? 3 : 1
          continue
        }
        let length = index.length(of: name)
        body(name, position, length)
        position += length
      }
    }
  }
}

/// The names of a lexicon grouped by their first two UTF-8 bytes, for scanning text once.
///
/// Two bytes rather than one because every Chinese character starts with one of a few lead
/// bytes (0xE4…0xE9), which would put most names in the same bucket. Names shorter than two
/// bytes are left out: a one-letter name would match far too much. The names' bytes lie end
/// to end in one array, bucket by bucket, so comparing a position with its candidates reads
/// neighbouring memory instead of one small array per name.
private struct NameIndex: Sendable {
  /// Every name's bytes, one after another; name i is `bytes[starts[i]..<starts[i + 1]]`.
  private let bytes: [UInt8]
  private let starts: [Int]
  private let canonicals: [String]
  /// Per name: 1 when the text must not have a letter or digit just before it, 2 just after.
  private let boundaries: [UInt8]
  /// By the first two bytes, the names that start with them: `bucketStarts[k]..<bucketStarts[k
  /// + 1]`, each bucket longest first, then by bytes, so the outcome never depends on
  /// dictionary order.
  private let bucketStarts: [Int]
  /// Where a name can start, checked before the buckets.
  private let nameStarts: WordStarts

  init(_ names: [String: String]) {
    var entries: [(key: Int, bytes: [UInt8], canonical: String)] = []
    for (written, canonical) in names {
      let bytes = Array(written.utf8)
      guard bytes.count >= 2 else { continue }
      entries.append((Int(NameIndex.key(bytes[0], bytes[1])), bytes, canonical))
    }
    entries.sort { a, b in
      if a.key != b.key { return a.key < b.key }
      if a.bytes.count != b.bytes.count { return a.bytes.count > b.bytes.count }
      return a.bytes.lexicographicallyPrecedes(b.bytes)
    }
    var bytes: [UInt8] = []
    var starts: [Int] = [0]
    var boundaries: [UInt8] = []
    var bucketStarts = [Int](repeating: 0, count: (1 << 16) + 1)
    var nameStarts = WordStarts()
    for entry in entries {
      nameStarts.insert(entry.bytes)
      bytes.append(contentsOf: entry.bytes)
      starts.append(bytes.count)
      let before: UInt8 = entry.bytes.first.map(NameIndex.isWordByte) == true ? 1 : 0
      let after: UInt8 = entry.bytes.last.map(NameIndex.isWordByte) == true ? 2 : 0
      boundaries.append(before | after)
      bucketStarts[entry.key + 1] += 1
    }
    for key in 0..<(1 << 16) { bucketStarts[key + 1] += bucketStarts[key] }
    self.bytes = bytes
    self.starts = starts
    self.canonicals = entries.map(\.canonical)
    self.boundaries = boundaries
    self.bucketStarts = bucketStarts
    self.nameStarts = nameStarts
  }

  func length(of name: Int) -> Int { starts[name + 1] - starts[name] }

  /// Calls `body` with where names can start, for one scan of a text; a place it turns away
  /// starts no name.
  func withFilter<Result>(_ body: (WordStarts.Filter) -> Result) -> Result {
    nameStarts.withFilter(body)
  }

  func canonical(of name: Int) -> String { canonicals[name] }

  /// The longest name that starts at `position` and respects its word boundaries.
  func longestName(in text: UnsafeBufferPointer<UInt8>, at position: Int) -> Int? {
    let key = Int(NameIndex.key(text[position], text[position + 1]))
    let first = bucketStarts[key]
    let last = bucketStarts[key + 1]
    guard first < last else { return nil }
    let isAfterWordByte = position > 0 && NameIndex.isWordByte(text[position - 1])
    return bytes.withUnsafeBufferPointer { names in
      for name in first..<last {
        let start = starts[name]
        let length = starts[name + 1] - start
        let end = position + length
        guard end <= text.count else { continue }
        // The bucket shares two bytes; a third that differs turns most candidates away.
        if length > 2, names[start + 2] != text[position + 2] { continue }
        if boundaries[name] & 1 != 0, isAfterWordByte { continue }
        if boundaries[name] & 2 != 0, end < text.count, NameIndex.isWordByte(text[end]) {
          continue
        }
        guard let left = text.baseAddress, let right = names.baseAddress else { continue }
        if memcmp(left + position, right + start, length) == 0 { return name }
      }
      return nil
    }
  }

  static func key(_ first: UInt8, _ second: UInt8) -> UInt16 {
    UInt16(first) << 8 | UInt16(second)
  }

  /// ASCII letters and digits: the bytes that continue an English word.
  static func isWordByte(_ byte: UInt8) -> Bool {
    (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
  }
}
