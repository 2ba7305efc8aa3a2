import ClaimLedger

/// Claims that make the same forecast, each group credited to the source that said it first.
///
/// Two claims are the same forecast when they are about the same names (the first one being the
/// subject), name the same kind of event (收购 and "acquires" alike) with the same figures and
/// the same polarity, fall due in the same year, and lean the same way (both over, both under,
/// or both at 50 %); claims that name no kind of event must also share most of their words. A
/// claim said later than the first is its echo; one said the same day stands on its own, and a
/// voided claim is nobody's original. Claims are blocked by that key first, so no pair of claims
/// is compared unless it shares one: a million claims cluster in one pass.
public struct EchoClusters: Sendable, Equatable {
  /// Per echo (index into the records), the index of the claim it echoes.
  public private(set) var originOf: [Int: Int]
  /// Per originator, its echoes, the earliest said first.
  public private(set) var echoesOf: [Int: [Int]]

  /// Share of words two claims with no kind of event must have in common (Jaccard).
  public static let wordOverlap = 0.5

  /// Groups the open and resolved claims of `records`; `nameScan` finds the English names the
  /// lexicon knows in a claim's text or quote, in text order (none leaves the claim alone).
  /// With a `cache`, the keys of claims whose words it holds already are not read again
  /// (`TextFactsCache`).
  public init(_ records: [ClaimRecord], nameScan: NameScan, cache: TextFactsCache? = nil) {
    self = ClaimTextFacts(records, nameScan: nameScan, cache: cache).echoes
  }

  /// Groups the claims by keys already worked out (`keys[i]` for record i; nil leaves a claim
  /// alone).
  init(_ records: [ClaimRecord], keys: [Key?]) {
    self.init(records, digests: keys.map { $0?.digest }) { keys[$0] }
  }

  /// Groups the claims by their keys' digests (`digests[i]` for record i; nil leaves a claim
  /// alone); `key` gives the key of a claim whose digest another claim shares. Keys kept in a
  /// cache are then made only for the few claims that may be echoes.
  init(_ records: [ClaimRecord], digests: [UInt64?], key: (Int) -> Key?) {
    // Claims that share a digest, found with one dictionary of first claims: most digests are
    // met once, and only the claims of the others are gathered into arrays.
    var firstWith: [UInt64: Int] = [:]
    firstWith.reserveCapacity(digests.count)
    var shared: [UInt64: [Int]] = [:]
    for (index, digest) in digests.enumerated() {
      guard let digest else { continue }
      if let first = firstWith.updateValue(index, forKey: digest) {
        // Keep the first claim in `firstWith`; the later ones gather after it.
        firstWith[digest] = first
        shared[digest, default: [first]].append(index)
      }
    }
    var originOf: [Int: Int] = [:]
    var echoesOf: [Int: [Int]] = [:]
    for run in shared.values {
      // Equal digests almost always mean equal keys; the keys themselves decide.
      var blocks: [(key: Key, members: [Int])] = []
      for index in run {
        guard let key = key(index) else { continue }
        if let block = blocks.firstIndex(where: { $0.key == key }) {
          blocks[block].members.append(index)
        } else {
          blocks.append((key, [index]))
        }
      }
      for (key, members) in blocks where members.count > 1 {
        for cluster in EchoClusters.split(members, records: records, byWords: key.event == nil)
        where cluster.count > 1 {
          for side in EchoClusters.sides(of: cluster, in: records) where side.count > 1 {
            // Every claim of a side has a said day (`sides`).
            let day = { (index: Int) in records[index].said?.daysSinceEpoch ?? 0 }
            let ordered = side.sorted { a, b in (day(a), a) < (day(b), b) }
            guard let first = ordered.first else { continue }
            // Said the same day, neither repeated the other: each stands as said.
            let echoes = ordered.filter { day($0) > day(first) }
            guard !echoes.isEmpty else { continue }
            echoesOf[first] = echoes
            for echo in echoes { originOf[echo] = first }
          }
        }
      }
    }
    self.originOf = originOf
    self.echoesOf = echoesOf
  }

  /// The claims of a cluster that can echo one another: those leaning the same way (over 50 %
  /// the words will come true, under 50 % they will not, or at even odds), leaving out voided
  /// claims and claims with no said day. A claim at 20 % that the words come true forecasts
  /// the opposite of one at 90 %, and a voided claim is never scored, so it must not stand for
  /// a forecast another scores.
  static func sides(of cluster: [Int], in records: [ClaimRecord]) -> [[Int]] {
    var sides: [[Int]] = [[], [], []]
    // A claim with no day it was said cannot be told to come after another.
    for index in cluster where records[index].outcome != .void && records[index].said != nil {
      let confidence = records[index].withClaim { $0.confidence.value }
      sides[confidence > 0.5 ? 0 : confidence < 0.5 ? 1 : 2].append(index)
    }
    return sides
  }

  /// No clusters: every claim stands alone.
  public init() {
    originOf = [:]
    echoesOf = [:]
  }

  /// Clusters worked out before and kept (`ScoringSnapshot`).
  init(originOf: [Int: Int], echoesOf: [Int: [Int]]) {
    self.originOf = originOf
    self.echoesOf = echoesOf
  }

  public func isEcho(_ index: Int) -> Bool {
    originOf[index] != nil
  }

  /// The clusters as they stood on `today`: an echo said later had not been said yet. An
  /// original is said no later than its echoes, so a cluster left without echoes is dropped.
  public func asOf(_ today: Day, in records: [ClaimRecord]) -> EchoClusters {
    asOf(today) { records[$0].said }
  }

  /// The same, with the day each claim was said given by its index.
  func asOf(_ today: Day, said: (Int) -> Day?) -> EchoClusters {
    func isLater(_ index: Int) -> Bool { said(index).map { $0 > today } ?? false }
    guard originOf.keys.contains(where: isLater) else { return self }
    var kept = EchoClusters()
    kept.originOf = originOf.filter { !isLater($0.key) }
    for (original, echoes) in echoesOf {
      let said = echoes.filter { !isLater($0) }
      if !said.isEmpty { kept.echoesOf[original] = said }
    }
    return kept
  }

  /// What makes two claims candidates for one forecast.
  struct Key: Hashable, Sendable {
    let names: [String]
    let event: ForecastEvent?
    let isNegated: Bool
    let figures: [Int]
    let year: Int?
    /// A hash of all the fields, the same in every run: worked out once (on all cores) and kept
    /// in the cache, so claims are blocked by one number each rather than by their strings.
    /// Computing it differently needs `TextFactsCache.rulesVersion` raised.
    let digest: UInt64

    static func == (a: Key, b: Key) -> Bool {
      a.digest == b.digest && a.names == b.names && a.event == b.event
        && a.isNegated == b.isNegated && a.figures == b.figures && a.year == b.year
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(digest)
    }

    /// Nil when `found` (the names in the claim, in text order) is empty; `words` is what a
    /// scan of the claim's UTF-8 `text` found.
    init?(names found: [String], words: ClaimWords, text: UnsafeRawBufferPointer, year: Int?) {
      guard let subject = found.first else { return nil }
      // The subject first, then the other names sorted: word order differs between languages.
      var others: [String] = []
      for name in found.dropFirst() where name != subject && !others.contains(name) {
        others.append(name)
      }
      self.init(
        names: [subject] + others.sorted(), event: words.event, isNegated: words.isNegated,
        figures: EchoClusters.figures(in: text), year: year)
    }

    /// A key from its parts, as a cache of keys read earlier keeps them.
    init(names: [String], event: ForecastEvent?, isNegated: Bool, figures: [Int], year: Int?) {
      self.names = names
      self.event = event
      self.isNegated = isNegated
      self.figures = figures
      self.year = year
      var digest = Digest(nameCount: names.count)
      for name in names { digest.add(name: Digest.hash(ofName: name)) }
      digest.add(
        event: event.map(TextFactsCache.number(of:)) ?? 0, isNegated: isNegated,
        figureCount: figures.count)
      for figure in figures { digest.add(figure: Int64(figure)) }
      self.digest = digest.finished(year: year.map(Int64.init))
    }

    /// A key's digest, put together field by field in the key's order, each name by a hash of
    /// its own: the cache checks the digest it keeps for a claim from the claim's fields and
    /// its table of names' hashes, making no string.
    struct Digest {
      private var hash = StableHash()

      init(nameCount: Int) {
        hash.combine(UInt64(nameCount))
      }

      static func hash(ofName name: String) -> UInt64 {
        var hash = StableHash()
        hash.combine(name)
        return hash.finalized
      }

      mutating func add(name: UInt64) {
        hash.combine(name)
      }

      /// `event`: 0 for none, else 1 + the event's place (`TextFactsCache.number(of:)`).
      mutating func add(event: UInt8, isNegated: Bool, figureCount: Int) {
        hash.combine(UInt64(event))
        hash.combine(isNegated ? 1 : 0)
        hash.combine(UInt64(figureCount))
      }

      mutating func add(figure: Int64) {
        hash.combine(UInt64(bitPattern: figure))
      }

      func finished(year: Int64?) -> UInt64 {
        var hash = hash
        hash.combine(year == nil ? 0 : 1)
        hash.combine(UInt64(bitPattern: year ?? 0))
        return hash.finalized
      }
    }
  }

  /// Words that turn a forecast round ("won't", 不会).
  static let negationWords = [
    "not ", "won't", "won’t", "don't", "doesn't", "can't", "isn't", "never", "fail", "no longer",
    "不会", "不會", "不能", "未能", "难以", "難以",
    "无法", "無法", "不再",
  ]

  /// The runs of ASCII digits in UTF-8 `bytes` (thousands separators and decimal points
  /// dropped), sorted, leaving out years and the dates they start (2026, 2026-12-31): a deadline
  /// written into the text is not a figure, and the deadline's year is compared on its own.
  public static func figures(in bytes: UnsafeRawBufferPointer) -> [Int] {
    var runs: [Int] = []
    var isInDate = false
    var position = 0
    while position < bytes.count {
      // Eight bytes at a time past those with no digit, as most of a Chinese text is.
      while position &+ 8 <= bytes.count,
        digitBytes(bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)) == 0
      {
        position &+= 8
      }
      guard position < bytes.count else { break }
      guard bytes[position] &- 0x30 < 10 else {
        position += 1
        continue
      }
      // The byte before the run, and the first after it that is neither a digit nor a
      // thousands separator or decimal point (a space past the end of the text).
      let separator = position > 0 ? bytes[position - 1] : 0x20
      var current = 0
      var digits = 0
      while position < bytes.count {
        let byte = bytes[position]
        if byte &- 0x30 < 10 {
          current = current &* 10 &+ Int(byte &- 0x30)
          digits &+= 1
        } else if byte != 0x2C, byte != 0x2E {
          break
        }
        position += 1
      }
      let end = position < bytes.count ? bytes[position] : 0x20
      let isYear = digits == 4 && (1900...2100).contains(current)
      if isYear {
        isInDate = end == 0x2D
      } else if isInDate, separator == 0x2D, digits <= 2 {
        isInDate = end == 0x2D
      } else {
        isInDate = false
        runs.append(current)
      }
    }
    return runs.sorted()
  }

  /// The bytes of `word` that are ASCII digits, flagged by their high bits. Each byte's low
  /// seven bits plus 0x50 reach 0x80 from "0" on, plus 0x46 from ":" on, and neither sum
  /// carries into the next byte; a byte with its own high bit set is no digit.
  static func digitBytes(_ word: UInt64) -> UInt64 {
    let high: UInt64 = 0x8080_8080_8080_8080
    let low = word & ~high
    let fromZero = low &+ 0x5050_5050_5050_5050
    let fromColon = low &+ 0x4646_4646_4646_4646
    return fromZero & ~fromColon & ~word & high
  }

  /// The members of one block as clusters: one, or by shared words when no event tells.
  private static func split(_ members: [Int], records: [ClaimRecord], byWords: Bool) -> [[Int]] {
    guard byWords else { return [members] }
    var clusters: [(words: Set<String>, members: [Int])] = []
    for index in members {
      let words = records[index].withClaim { EchoClusters.words(of: $0.text) }
      if let position = clusters.firstIndex(where: {
        EchoClusters.overlap($0.words, words) >= wordOverlap
      }) {
        clusters[position].members.append(index)
      } else {
        clusters.append((words, [index]))
      }
    }
    return clusters.map(\.members)
  }

  /// Lower-case ASCII words of three letters or more, and each pair of adjacent Chinese
  /// characters, so "下半年推出" and "推出" share words.
  static func words(of text: String) -> Set<String> {
    var words: Set<String> = []
    var ascii: [UInt8] = []
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      if scalar.isASCII, WordList.isLetter(UInt8(scalar.value)) {
        ascii.append(WordList.lowered(UInt8(scalar.value)))
        previous = nil
        continue
      }
      if ascii.count >= 3 { words.insert(String(decoding: ascii, as: UTF8.self)) }
      ascii = []
      if (0x4E00...0x9FFF).contains(scalar.value) {
        if let previous { words.insert(String(previous) + String(scalar)) }
        previous = scalar
      } else {
        previous = nil
      }
    }
    if ascii.count >= 3 { words.insert(String(decoding: ascii, as: UTF8.self)) }
    return words.subtracting(["will", "the", "and", "for", "its", "with", "that", "this"])
  }

  static func overlap(_ a: Set<String>, _ b: Set<String>) -> Double {
    let union = a.union(b).count
    return union == 0 ? 1 : Double(a.intersection(b).count) / Double(union)
  }
}
