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
  private var index: NameIndex

  /// A lexicon from aliases (as written) to English names; empty aliases are ignored.
  public init(names: [String: String], hedges: [String: Double] = [:]) {
    self.init(names: names, hedges: hedges, products: [])
  }

  init(
    names: [String: String], hedges: [String: Double], products: Set<String>,
    people: Set<String> = []
  ) {
    self.names = names.filter { !$0.key.isEmpty && !$0.value.isEmpty }
    self.hedges = hedges
    self.products = products
    self.people = people
    self.index = NameIndex(self.names)
  }

  /// This lexicon with `other`'s names and hedges added; where both have an entry, `other` wins.
  public func merging(_ other: Lexicon) -> Lexicon {
    Lexicon(
      names: names.merging(other.names) { _, theirs in theirs },
      hedges: hedges.merging(other.hedges) { _, theirs in theirs },
      products: products.union(other.products), people: people.union(other.people))
  }

  /// The English name for a name exactly as written, or nil when the lexicon does not know it.
  public func canonicalName(for written: String) -> String? {
    names[written]
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
    let bytes = Array(text.utf8)
    var matches: [EntityMatch] = []
    var position = 0
    while position + 1 < bytes.count {
      guard let name = index.longestName(in: bytes, at: position) else {
        position += 1
        continue
      }
      matches.append(
        EntityMatch(
          written: String(decoding: name.bytes, as: UTF8.self), canonical: name.canonical,
          utf8Offset: position))
      position += name.bytes.count
    }
    return matches
  }
}

/// The names of a lexicon grouped by their first two UTF-8 bytes, for scanning text once.
///
/// Two bytes rather than one because every Chinese character starts with one of a few lead
/// bytes (0xE4…0xE9), which would put most names in the same bucket. Names shorter than two
/// bytes are left out: a one-letter name would match far too much.
private struct NameIndex: Sendable {
  struct Name: Sendable {
    let bytes: [UInt8]
    let canonical: String
    /// Whether the text must not continue with a letter or digit on that side.
    let needsBoundaryBefore: Bool
    let needsBoundaryAfter: Bool
  }

  /// Indexed by the first two bytes; each longest first, then by bytes, so the outcome never
  /// depends on dictionary order. An array, not a dictionary, so that looking up a position of
  /// the text costs no hashing.
  private var buckets = [[Name]](repeating: [], count: 1 << 16)
  /// Whether a bucket holds any name: most positions of a text start none, and reading a flag
  /// costs less than taking an array out.
  private var isOccupied = [Bool](repeating: false, count: 1 << 16)

  init(_ names: [String: String]) {
    for (written, canonical) in names {
      let bytes = Array(written.utf8)
      guard bytes.count >= 2, let first = bytes.first, let last = bytes.last else { continue }
      let name = Name(
        bytes: bytes, canonical: canonical, needsBoundaryBefore: NameIndex.isWordByte(first),
        needsBoundaryAfter: NameIndex.isWordByte(last))
      buckets[Int(NameIndex.key(bytes[0], bytes[1]))].append(name)
      isOccupied[Int(NameIndex.key(bytes[0], bytes[1]))] = true
    }
    for key in buckets.indices where buckets[key].count > 1 {
      buckets[key].sort {
        $0.bytes.count != $1.bytes.count
          ? $0.bytes.count > $1.bytes.count : $0.bytes.lexicographicallyPrecedes($1.bytes)
      }
    }
  }

  /// The longest name that starts at `position` and respects its word boundaries.
  func longestName(in bytes: [UInt8], at position: Int) -> Name? {
    let key = Int(NameIndex.key(bytes[position], bytes[position + 1]))
    guard isOccupied[key] else { return nil }
    let candidates = buckets[key]
    let isAfterWordByte = position > 0 && NameIndex.isWordByte(bytes[position - 1])
    for name in candidates {
      let end = position + name.bytes.count
      guard end <= bytes.count else { continue }
      if name.needsBoundaryBefore, isAfterWordByte { continue }
      if name.needsBoundaryAfter, end < bytes.count, NameIndex.isWordByte(bytes[end]) { continue }
      if bytes[position..<end].elementsEqual(name.bytes) { return name }
    }
    return nil
  }

  static func key(_ first: UInt8, _ second: UInt8) -> UInt16 {
    UInt16(first) << 8 | UInt16(second)
  }

  /// ASCII letters and digits: the bytes that continue an English word.
  static func isWordByte(_ byte: UInt8) -> Bool {
    (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
  }
}
