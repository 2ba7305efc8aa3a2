import ClaimLedger
import Foundation

/// What `ClaimTextFacts` read from each claim's words, kept between runs in a file of the
/// user's cache folder, so a report of a ledger that only grew reads only its new claims.
///
/// Each claim's entry carries a hash of everything its reading depends on (its text, quote,
/// deadline, whether words set the deadline, whether it is conditional, and whether it is
/// open or resolved), and the file carries a fingerprint of the lexicon, the word lists and
/// this format; an entry is used only when both match, so an amended claim, a changed lexicon
/// or changed word lists are read again. Entries are matched by the claim's place in the
/// ledger, which an append keeps. The file also names the SHA-256 of the ledger it was written
/// for: a ledger with that digest folds to the same claims in the same places, so its readings
/// are taken without hashing any claim's words. The file is a convenience: one that is
/// missing, damaged or cannot be written only means reading the words again.
public struct TextFactsCache: Sendable {
  /// The cache file.
  public let path: String
  /// The folder it is in.
  public var directory: String { (path as NSString).deletingLastPathComponent }
  /// The lexicon's fingerprint combined with the word lists' and the format's.
  let fingerprint: UInt64
  /// The ledger's path hashed, which names its files in the folder.
  let ledgerName: String

  /// Raise when the reading of a claim changes in a way no word list shows (a new mark, a
  /// different rule for figures), or when the fold changes which claims a ledger holds, in
  /// which places or with which fields (a file written for the same ledger digest is taken
  /// without looking at any claim), so files written by the earlier rules are read no more.
  static let rulesVersion: UInt64 = 4
  static let magic = Array("claims text facts\n".utf8)

  /// The cache of the ledger at `ledgerPath`, in `directory`; `lexicon` is the fingerprint of
  /// the lexicon whose names the readings hold (`Lexicon.fingerprint`).
  public init(directory: String, ledgerPath: String, lexicon: UInt64) {
    // Named by the ledger's path with links and dots resolved, so one ledger reached by two
    // spellings of its path shares one file.
    var name = StableHash()
    name.combine((ledgerPath as NSString).resolvingSymlinksInPath)
    ledgerName = String(name.finalized, radix: 16)
    path = directory + "/text-facts-" + ledgerName
    var fingerprint = StableHash(seed: lexicon)
    fingerprint.combine(TextFactsCache.rulesVersion)
    // Where each list ends too: a word's place decides what it means.
    for count in ClaimWords.listCounts { fingerprint.combine(UInt64(count)) }
    for word in ClaimWords.listedWords { fingerprint.combine(word) }
    for kind in ForecastEvent.kinds { fingerprint.combine(kind.rawValue) }
    for kind in ForecastEvent.allCases { fingerprint.combine(kind.rawValue) }
    self.fingerprint = fingerprint.finalized
  }

  /// The readings kept for this fingerprint, or nil when there are none to trust.
  func load() -> Remembered? {
    guard let storage = CacheFileBytes(contentsOfFile: path) else { return nil }
    return Remembered(storage, fingerprint: fingerprint)
  }

  /// Writes the readings with their claims' hashes over the file (`DigestCache.replace`);
  /// every reading that has a key carries it. `ledgerDigest` is the SHA-256 of the ledger the
  /// readings are of, when it is known.
  func save(_ readings: [ClaimTextFacts.Keyed], ledgerDigest: String? = nil) {
    var writer = Writer()
    // Room for every entry at once, so the buffer is not copied as it grows.
    let entryBytes = readings.reduce(0) { total, keyed in
      total + 10 + (keyed.reading.key.map { 24 + 4 * $0.names.count + 8 * $0.figures.count } ?? 0)
    }
    writer.bytes.reserveCapacity(TextFactsCache.magic.count + 24 + entryBytes + (1 << 16))
    writer.bytes.append(contentsOf: TextFactsCache.magic)
    writer.put(fingerprint)
    writer.put(UInt64(readings.count))
    writer.put(text: ledgerDigest ?? "")
    for keyed in readings {
      writer.put(keyed.hash)
      writer.put(keyed.reading)
    }
    writer.putNames()
    var checksum = StableHash()
    writer.bytes.withUnsafeBytes { checksum.combine($0) }
    writer.put(checksum.finalized)
    // The bytes are lent to `Data`, not copied: a million claims' readings are 70 MB.
    writer.bytes.withUnsafeMutableBytes { bytes in
      guard let base = bytes.baseAddress else { return }
      DigestCache.replace(
        path, with: Data(bytesNoCopy: base, count: bytes.count, deallocator: .none))
    }
  }

  /// The marks of a reading, one bit each.
  fileprivate enum Mark: UInt8 {
    case namedSubject = 1
    case explicitDeadline = 2
    case measurable = 4
    case unconditional = 8
    case key = 16
    case negated = 32
    case year = 64
  }

  /// Lays readings out as little-endian numbers; names are written once, in a table at the
  /// end, and entries refer to them by number.
  private struct Writer: CacheWriting {
    var bytes: [UInt8] = []
    var names: [String] = []
    var nameNumbers: [String: UInt32] = [:]

    mutating func put(_ reading: ClaimTextFacts.Reading) {
      let specificity = reading.specificity
      var marks: UInt8 = 0
      if specificity.hasNamedSubject { marks |= Mark.namedSubject.rawValue }
      if specificity.hasExplicitDeadline { marks |= Mark.explicitDeadline.rawValue }
      if specificity.isMeasurable { marks |= Mark.measurable.rawValue }
      if specificity.isUnconditional { marks |= Mark.unconditional.rawValue }
      if let key = reading.key {
        marks |= Mark.key.rawValue
        if key.isNegated { marks |= Mark.negated.rawValue }
        if key.year != nil { marks |= Mark.year.rawValue }
      }
      bytes.append(marks)
      bytes.append(reading.event.map { TextFactsCache.number(of: $0) } ?? 0)
      guard let key = reading.key else { return }
      put(key.digest)
      put(UInt64(bitPattern: Int64(key.year ?? 0)))
      put(UInt32(key.names.count))
      for name in key.names { put(number(of: name)) }
      put(UInt32(key.figures.count))
      for figure in key.figures { put(UInt64(bitPattern: Int64(figure))) }
    }

    private mutating func number(of name: String) -> UInt32 {
      if let known = nameNumbers[name] { return known }
      let number = UInt32(names.count)
      names.append(name)
      nameNumbers[name] = number
      return number
    }

    mutating func putNames() {
      put(UInt64(names.count))
      for name in names { put(text: name) }
    }
  }

  /// The kinds of event in order, made once: `allCases` makes a new array on every call.
  static let events = ForecastEvent.allCases

  /// 1 + the event's place among all events; 0 stands for none.
  static func number(of event: ForecastEvent) -> UInt8 {
    UInt8((events.firstIndex(of: event) ?? 0) + 1)
  }

  /// A file's readings, checked whole before any is used and decoded one by one on request;
  /// a class, so the workers that read it share one reference rather than retaining its
  /// tables on every claim.
  final class Remembered: Sendable {
    private let storage: CacheFileBytes
    /// Where each entry starts.
    private let offsets: [Int]
    private let names: [String]
    /// Each name's hash (`EchoClusters.Key.Digest.hash(ofName:)`), for checking digests.
    private let nameHashes: [UInt64]
    /// The SHA-256 of the ledger the file was written for; nil when it was not known.
    let ledgerDigest: String?
    var count: Int { offsets.count }

    /// Nil unless the bytes hold this fingerprint, a good checksum and entries that all fit.
    init?(_ storage: CacheFileBytes, fingerprint: UInt64) {
      let bytes = storage.bytes
      let magic = TextFactsCache.magic
      guard bytes.count >= magic.count + 32, bytes.starts(with: magic) else { return nil }
      let body = bytes.count - 8
      var checksum = StableHash()
      checksum.combine(UnsafeRawBufferPointer(rebasing: bytes[..<body]))
      var reader = Reader(bytes: bytes, position: magic.count, end: body)
      // Each entry takes ten bytes at least, so a count beyond that cannot be honest.
      guard reader.uint64(at: body) == checksum.finalized,
        reader.next64() == fingerprint, let count = reader.nextCount(), count <= body / 10,
        let digestLength = reader.next32().map(Int.init),
        let digest = reader.text(count: digestLength)
      else { return nil }
      var offsets: [Int] = []
      offsets.reserveCapacity(count)
      // Names are checked here, as readings taken without their keys never look them up.
      var highestName = -1
      for _ in 0..<count {
        offsets.append(reader.position)
        guard reader.skipEntry(highestName: &highestName) else { return nil }
      }
      guard let nameCount = reader.nextCount(), nameCount <= (body - reader.position) / 4,
        highestName < nameCount
      else {
        return nil
      }
      var names: [String] = []
      names.reserveCapacity(nameCount)
      for _ in 0..<nameCount {
        guard let length = reader.next32().map(Int.init), let name = reader.text(count: length)
        else { return nil }
        names.append(name)
      }
      guard reader.position == body else { return nil }
      self.storage = storage
      self.offsets = offsets
      ledgerDigest = digest.isEmpty ? nil : digest
      self.names = names
      nameHashes = names.map(EchoClusters.Key.Digest.hash(ofName:))
    }

    /// The claim hash of entry `index`.
    func hash(at index: Int) -> UInt64 {
      Reader(bytes: storage.bytes, position: 0, end: storage.bytes.count).uint64(
        at: offsets[index]) ?? 0
    }

    /// The reading of entry `index`, or nil when it names a name or event the file lacks;
    /// without `withKey`, its echo key is left out, only the key's digest read.
    func reading(at index: Int, withKey: Bool = true) -> ClaimTextFacts.Reading? {
      var reader = Reader(
        bytes: storage.bytes, position: offsets[index] + 8, end: storage.bytes.count)
      guard let marks = reader.next8(), let eventNumber = reader.next8() else { return nil }
      let events = TextFactsCache.events
      let event: ForecastEvent?
      if eventNumber == 0 {
        event = nil
      } else {
        guard Int(eventNumber) <= events.count else { return nil }
        event = events[events.index(events.startIndex, offsetBy: Int(eventNumber) - 1)]
      }
      let specificity = Specificity(
        hasNamedSubject: marks & Mark.namedSubject.rawValue != 0,
        hasExplicitDeadline: marks & Mark.explicitDeadline.rawValue != 0,
        isMeasurable: marks & Mark.measurable.rawValue != 0,
        isUnconditional: marks & Mark.unconditional.rawValue != 0)
      guard marks & Mark.key.rawValue != 0 else {
        return ClaimTextFacts.Reading(event: event, specificity: specificity, key: nil)
      }
      guard let digest = reader.next64() else { return nil }
      guard withKey else {
        // The kept digest is checked against the key's fields without decoding its names: a
        // wrong one would block the claim with the wrong claims.
        guard keyDigest(at: reader.position, marks: marks, event: eventNumber) == digest else {
          return nil
        }
        return ClaimTextFacts.Reading(
          event: event, specificity: specificity, keyDigest: digest, key: nil)
      }
      guard let year = reader.next64(), let nameCount = reader.next32() else { return nil }
      var keyNames: [String] = []
      keyNames.reserveCapacity(Int(nameCount))
      for _ in 0..<nameCount {
        guard let number = reader.next32().map(Int.init), number < names.count else { return nil }
        keyNames.append(names[number])
      }
      guard let figureCount = reader.next32() else { return nil }
      var figures: [Int] = []
      figures.reserveCapacity(Int(figureCount))
      for _ in 0..<figureCount {
        guard let figure = reader.next64() else { return nil }
        figures.append(Int(Int64(bitPattern: figure)))
      }
      let key = EchoClusters.Key(
        names: keyNames, event: event, isNegated: marks & Mark.negated.rawValue != 0,
        figures: figures,
        year: marks & Mark.year.rawValue != 0 ? Int(Int64(bitPattern: year)) : nil)
      // A digest that is not the key's own would block the claim with the wrong ones.
      guard key.digest == digest else { return nil }
      return ClaimTextFacts.Reading(event: event, specificity: specificity, key: key)
    }

    /// The digest of the key whose year starts at `position`, from its fields and the hashes of
    /// the names it numbers; nil when they run past the file or name a name it lacks.
    private func keyDigest(at position: Int, marks: UInt8, event: UInt8) -> UInt64? {
      var reader = Reader(bytes: storage.bytes, position: position, end: storage.bytes.count)
      guard let year = reader.next64(), let nameCount = reader.next32() else { return nil }
      var digest = EchoClusters.Key.Digest(nameCount: Int(nameCount))
      for _ in 0..<nameCount {
        guard let number = reader.next32().map(Int.init), number < nameHashes.count else {
          return nil
        }
        digest.add(name: nameHashes[number])
      }
      guard let figureCount = reader.next32() else { return nil }
      digest.add(
        event: event, isNegated: marks & Mark.negated.rawValue != 0,
        figureCount: Int(figureCount))
      for _ in 0..<figureCount {
        guard let figure = reader.next64() else { return nil }
        digest.add(figure: Int64(bitPattern: figure))
      }
      return digest.finished(
        year: marks & Mark.year.rawValue != 0 ? Int64(bitPattern: year) : nil)
    }
  }

  private typealias Reader = CacheReader
}

extension CacheReader {
  /// Passes over one text-facts entry; false when it runs past the end.
  mutating func skipEntry(highestName: inout Int) -> Bool {
    guard next64() != nil, let marks = next8(), next8() != nil else { return false }
    guard marks & TextFactsCache.Mark.key.rawValue != 0 else { return true }
    guard next64() != nil, next64() != nil, let names = next32().map(Int.init),
      position + names * 4 <= end
    else { return false }
    for _ in 0..<names {
      guard let name = next32() else { return false }
      highestName = max(highestName, Int(name))
    }
    guard let figures = next32().map(Int.init), position + figures * 8 <= end else {
      return false
    }
    position += figures * 8
    return true
  }
}
