import Foundation

/// Journal lines written straight from an import row's bytes, with no `String` per cell.
///
/// A row whose cells are all in the plain form an export writes (ids of 10 lowercase hex
/// digits, dates `YYYY-MM-DD`, a confidence such as `0.75`, words spelled in lower case) gets
/// the lines `ImportedClaim.entries(at:)` would give, byte for byte. Every other row, good or
/// bad, is declined and goes through `RowFields`, which reads the unusual forms and words the
/// messages; so this path needs no messages of its own, and cannot accept a row that path
/// refuses.
struct ImportLineWriter {
  /// The lines written so far; a reader may append lines of its own between rows.
  var bytes: [UInt8] = []
  /// `,"at":"…"` for the claim entry, then one and two milliseconds after it, from the
  /// import's time; a row with a `recorded_at` is stamped from that (`rowStart`) instead.
  private let stamps: [[UInt8]]
  private var rowStart: Timestamp?
  private static let atKey = Array(#","at":""#.utf8)
  private static let lastDay = Day.endOfYear(9999) ?? Day(daysSinceEpoch: 0)

  /// Rows with a date after it are declined.
  private let today: Day

  init(recordedAt now: Timestamp, today: Day) {
    self.today = today
    stamps = Self.stamps(from: now)
  }

  private static func stamps(from start: Timestamp) -> [[UInt8]] {
    (0..<3).map { step in
      var bytes: [UInt8] = []
      appendStamp(start, step: step, to: &bytes)
      return bytes
    }
  }

  /// `,"at":"…"` for `step` milliseconds after `start`.
  private static func appendStamp(_ start: Timestamp, step: Int, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: atKey)
    Timestamp(millisecondsSinceEpoch: start.millisecondsSinceEpoch + Int64(step))
      .appendSpelling(to: &bytes)
    bytes.append(UInt8(ascii: "\""))
  }

  /// The JSON Lines file whose row is being written, while one is. Its text cells are the raw
  /// bytes of strings without escapes, which the scanner has checked hold no quote, backslash
  /// or control character; a text lying in it needs no second check for escapes.
  private var escapeFreeFile: UnsafeBufferPointer<UInt8>?

  /// A row this path leaves to `RowFields`.
  private struct Declined: Error {}

  /// Appends the row's entries and returns its id, or nil (and appends nothing) when the row
  /// is not in the plain form. `isDetectingLanguage` says the file has no `lang` column.
  /// `isJSON` says the file is JSON Lines, read by `JSONCellReader`.
  mutating func append(
    _ row: ImportCells, file: UnsafeBufferPointer<UInt8>, isDetectingLanguage: Bool,
    isJSON: Bool = false
  ) -> ClaimID? {
    escapeFreeFile = isJSON ? file : nil
    defer { escapeFreeFile = nil }
    let mark = bytes.count
    let id = row.scratch.withUnsafeBufferPointer { scratch -> ClaimID? in
      var reader = CellReader(file: file, scratch: scratch)
      do throws(Declined) {
        return try append(row, reader: &reader, isDetectingLanguage: isDetectingLanguage)
      } catch {
        return nil
      }
    }
    if id == nil { bytes.removeSubrange(mark...) }
    return id
  }

  /// Reads a cell's bytes wherever they are kept.
  private struct CellReader {
    let file: UnsafeBufferPointer<UInt8>
    let scratch: UnsafeBufferPointer<UInt8>

    /// The cell's text; nil when absent or empty, as `RowFields.text` has it.
    func text(_ cell: ImportCells.Cell) throws(Declined) -> UnsafeBufferPointer<UInt8>? {
      switch cell.kind {
      case .absent, .empty: return nil
      case .number, .isTrue, .isFalse: throw Declined()
      case .text:
        guard cell.count > 0 else { return nil }
        return bytes(cell)
      }
    }

    func bytes(_ cell: ImportCells.Cell) -> UnsafeBufferPointer<UInt8> {
      let buffer = cell.isInScratch ? scratch : file
      return UnsafeBufferPointer(rebasing: buffer[cell.start..<(cell.start + cell.count)])
    }
  }

  private mutating func append(
    _ row: ImportCells, reader: inout CellReader, isDetectingLanguage: Bool
  ) throws(Declined) -> ClaimID {
    guard !isDetectingLanguage else { throw Declined() }
    let text = try Self.required(reader.text(row[.text]))
    let source = try Self.required(reader.text(row[.source]))
    let quote = try reader.text(row[.quote])
    let said = try Self.day(reader.text(row[.said]))
    let deadline = try Self.day(reader.text(row[.deadline]))
    // Deadline words without a deadline may name a period that gives one: `RowFields` reads them.
    if deadline == nil, try reader.text(row[.deadlineText]) != nil { throw Declined() }
    if let said, said.day > today { throw Declined() }
    if let said, let deadline, deadline.day < said.day { throw Declined() }
    let hedge = try reader.text(row[.hedge])
    // A missing confidence is taken from a hedge word: `RowFields` does that.
    let confidenceCell = row[.confidence]
    guard confidenceCell.kind == .text || confidenceCell.kind == .number else { throw Declined() }
    let confidence = reader.bytes(confidenceCell)
    guard Self.isPlainProbability(confidence) else { throw Declined() }
    let isConditional: Bool
    switch row[.conditional].kind {
    case .absent, .empty: isConditional = false
    case .isTrue: isConditional = true
    case .isFalse: isConditional = false
    case .number: throw Declined()
    case .text:
      guard let word = try reader.text(row[.conditional]) else {
        isConditional = false
        break
      }
      if Self.spells(word, "true") || Self.spells(word, "yes") || Self.spells(word, "1") {
        isConditional = true
      } else if Self.spells(word, "false") || Self.spells(word, "no") || Self.spells(word, "0") {
        isConditional = false
      } else {
        throw Declined()
      }
    }
    let lang = try reader.text(row[.lang])
    if let lang, !LanguageTag.isWellFormed(lang) { throw Declined() }
    guard let idText = try reader.text(row[.id]), let id = ClaimID(bytes: idText) else {
      throw Declined()
    }
    var outcome: Outcome?
    let outcomeWord = try reader.text(row[.outcome])
    if let outcomeWord {
      guard let named = EntryDecoder.outcome(spelledBy: outcomeWord) else { throw Declined() }
      outcome = named
    }
    var status: Status = outcome == nil ? .open : .resolved
    if let word = try reader.text(row[.status]) {
      guard let named = Self.status(spelledBy: word) else { throw Declined() }
      status = named
    }
    rowStart = nil
    if let recorded = try reader.text(row[.recordedAt]) {
      // Within a year of today, as `RowFields` wants, and the last stamp a row takes still
      // spelling a four-digit year, as the reader wants.
      guard let time = Timestamp(bytes: recorded), time.day <= today.adding(days: 366),
        Timestamp(millisecondsSinceEpoch: time.millisecondsSinceEpoch + 2).day <= Self.lastDay
      else { throw Declined() }
      rowStart = time
    }
    let reason = try reader.text(row[.reason])
    let note = try reader.text(row[.note])
    // `RowFields` reads these whatever the status, and refuses a NUL in any cell and a control
    // character in a reason: a row whose cells it would refuse is its to word.
    if let reason, !Self.isPlain(reason) { throw Declined() }
    if let evidence = try reader.text(row[.evidence]), evidence.contains(0) { throw Declined() }
    if let on = try reader.text(row[.resolvedOn]), on.contains(0) { throw Declined() }
    var settlement:
      (outcome: UnsafeBufferPointer<UInt8>, on: UnsafeBufferPointer<UInt8>, isVoid: Bool)?
    switch status {
    case .resolved:
      guard let outcome, let outcomeWord, let on = try Self.day(reader.text(row[.resolvedOn]))
      else { throw Declined() }
      if let said, on.day < said.day { throw Declined() }
      if on.day > today { throw Declined() }
      if let reason, !Self.voidReasons.contains(where: { Self.spells(reason, $0) }) {
        throw Declined()
      }
      if outcome == .void, reason == nil { throw Declined() }
      if outcome != .void, reason != nil { throw Declined() }
      settlement = (outcomeWord, on.bytes, outcome == .void)
    case .open, .proposed, .rejected:
      // What only a resolution holds, or a reason on a claim that is no rejection, is
      // `RowFields`' to refuse.
      let evidence = try reader.text(row[.evidence])
      let on = try reader.text(row[.resolvedOn])
      if outcome != nil || evidence != nil || on != nil || status != .rejected && reason != nil {
        throw Declined()
      }
    }
    let evidence = settlement == nil ? nil : try reader.text(row[.evidence])

    // The claim entry, its fields in `Entry.writeJSON`'s order.
    begin(#"{"entry":"claim","id":""#, idText, stamp: 0)
    try field(#","text":""#, text)
    if let quote { try field(#","quote":""#, quote) }
    try field(#","source":""#, source)
    if let via = try reader.text(row[.via]) { try field(#","via":""#, via) }
    if let url = try reader.text(row[.url]) {
      guard Self.isPlainWebLink(url) else { throw Declined() }
      try field(#","url":""#, url)
    }
    if let said {
      try field(#","said":""#, said.bytes)
    } else {
      append(#","said":null"#)
    }
    if let deadline { try field(#","deadline":""#, deadline.bytes) }
    if let words = try reader.text(row[.deadlineText]) { try field(#","deadline_text":""#, words) }
    append(#","confidence":"#)
    bytes.append(contentsOf: confidence)
    if let hedge { try field(#","hedge":""#, hedge) }
    if let lang { try field(#","lang":""#, lang) }
    append(#","tags":"#)
    try appendTags(row, reader: reader)
    append(#","status":"#)
    append(status == .proposed || status == .rejected ? #""proposed""# : #""open""#)
    if isConditional {
      append(#","conditional":true"#)
    }
    if let document = try reader.text(row[.document]) { try field(#","document":""#, document) }
    end()

    if status == .rejected {
      begin(#"{"entry":"reject","id":""#, idText, stamp: 1)
      if let reason { try field(#","reason":""#, reason) }
      end()
    }
    if let settlement {
      begin(#"{"entry":"resolve","id":""#, idText, stamp: 1)
      try field(#","outcome":""#, settlement.outcome)
      try field(#","on":""#, settlement.on)
      if let evidence { try field(#","evidence":""#, evidence) }
      if settlement.isVoid, let reason { try field(#","reason":""#, reason) }
      if let note { try field(#","note":""#, note) }
      end()
    } else if let note {
      begin(#"{"entry":"amend","id":""#, idText, stamp: 2)
      try field(#","note":""#, note)
      end()
    }
    return id
  }

  // MARK: Checks

  /// A text `RowFields.required` accepts: with no space at either end for it to trim, and holding a
  /// byte that shows it says something: an ASCII letter, digit or mark, or the lead byte of a
  /// character from U+4000 to U+9FFF (Chinese characters and hexagram symbols). Whether
  /// another cell says something is left to that path.
  private static func required(_ text: UnsafeBufferPointer<UInt8>?) throws(Declined)
    -> UnsafeBufferPointer<UInt8>
  {
    guard let text, !startsWithTrimmable(text), !endsWithTrimmable(text), showsSomething(text)
    else { throw Declined() }
    return text
  }

  /// Whether the text holds a byte that shows it says something (`FieldRules.saysSomething`
  /// of it is true): an ASCII letter, digit or mark, or the lead byte of a character from
  /// U+4000 to U+9FFF. Other texts are for the general path to judge.
  private static func showsSomething(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    text.contains { (0x21...0x7E).contains($0) || (0xE4...0xE9).contains($0) }
  }

  /// Whether the first scalar is one `trimmingSpaces` removes: white space, which above ASCII
  /// is written with a lead byte of C2, E1, E2 or E3.
  static func startsWithTrimmable(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = text.first else { return false }
    switch first {
    case 9...13, 32: return true
    case 0xC2, 0xE1, 0xE2, 0xE3:
      let length = first == 0xC2 ? 2 : 3
      return text.count >= length && isWhiteSpace(text[0..<length])
    default: return false
    }
  }

  /// Whether the last scalar is one `trimmingSpaces` removes, as `startsWithTrimmable` tells
  /// of the first.
  static func endsWithTrimmable(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let last = text.last else { return false }
    let count = text.count
    if (9...13).contains(last) || last == 32 { return true }
    if count >= 2, text[count - 2] == 0xC2 { return isWhiteSpace(text[(count - 2)...]) }
    return count >= 3 && isWhiteSpace(text[(count - 3)...])
  }

  /// Whether these two or three bytes (one scalar's UTF-8) are white space, as
  /// `trimmingSpaces` asks of a scalar. Only lead bytes C2 and E1 to E3 start white space
  /// above ASCII (U+0085, U+00A0, U+1680, U+2000 to U+205F, U+3000), so a Chinese character is
  /// passed over on its lead byte, without a look at its properties.
  private static func isWhiteSpace(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    guard let lead = bytes.first, lead == 0xC2 || (0xE1...0xE3).contains(lead) else {
      return false
    }
    let value = bytes.dropFirst().reduce(UInt32(lead) & (bytes.count == 2 ? 0x1F : 0x0F)) {
      $0 << 6 | UInt32($1 & 0x3F)
    }
    return Unicode.Scalar(value)?.properties.isWhitespace ?? false
  }

  /// Whether `FieldRules.text` takes `text`: no control character (a byte below 0x20, 0x7F,
  /// or U+0080 to U+009F, written C2 80 to C2 9F) but line breaks and tabs. Most texts hold
  /// none of those bytes, found eight at a time; the rest are looked at byte by byte.
  static func isPlain(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let mayHoldControl = WordScan.contains(UnsafeRawBufferPointer(text)) { word in
      WordScan.below(word, 0x20) | WordScan.matches(word, 0x7F) | WordScan.matches(word, 0xC2)
    }
    guard mayHoldControl else { return true }
    for index in text.indices {
      let byte = text[index]
      if byte < 0x20, byte != 10, byte != 13, byte != 9 { return false }
      if byte == 0x7F { return false }
      if byte == 0xC2, index + 1 < text.count, (0x80...0x9F).contains(text[index + 1]) {
        return false
      }
    }
    return true
  }

  /// A link in the plainest form `FieldRules.link` takes: `http://` or `https://`, a host of
  /// letters, digits, dots and hyphens starting with a letter or digit, then nothing or `/`,
  /// `?` or `#` and URL characters without `%`, brackets or spaces. Any other link is
  /// declined and checked by the other path.
  static func isPlainWebLink(_ link: UnsafeBufferPointer<UInt8>) -> Bool {
    let start: Int
    if spells(UnsafeBufferPointer(rebasing: link.prefix(8)), "https://") {
      start = 8
    } else if spells(UnsafeBufferPointer(rebasing: link.prefix(7)), "http://") {
      start = 7
    } else {
      return false
    }
    guard start < link.count, isIn(link[start], linkCharacters.host), link[start] != 0x2E,
      link[start] != 0x2D
    else { return false }
    var index = start
    while index < link.count, isIn(link[index], linkCharacters.host) { index += 1 }
    guard index < link.count else { return true }
    guard link[index] == 0x2F || link[index] == 0x3F || link[index] == 0x23 else { return false }
    return link[index...].allSatisfy { isIn($0, linkCharacters.rest) }
  }

  /// ASCII sets as 128-bit masks: the host's letters, digits, `.` and `-`, and what may follow
  /// it (those, `_~:/?#@!$&'()*+,;=`).
  private static let linkCharacters: (host: (UInt64, UInt64), rest: (UInt64, UInt64)) = {
    func mask(_ characters: String) -> (UInt64, UInt64) {
      var mask: (UInt64, UInt64) = (0, 0)
      for byte in characters.utf8 {
        if byte < 64 { mask.0 |= 1 << UInt64(byte) } else { mask.1 |= 1 << UInt64(byte - 64) }
      }
      return mask
    }
    let host = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-"
    return (mask(host), mask(host + "_~:/?#@!$&'()*+,;="))
  }()

  private static func isIn(_ byte: UInt8, _ mask: (UInt64, UInt64)) -> Bool {
    byte < 64 ? mask.0 >> UInt64(byte) & 1 == 1 : byte < 128 && mask.1 >> UInt64(byte - 64) & 1 == 1
  }

  /// A day written exactly `YYYY-MM-DD`, which is how `Day` spells it back.
  private static func day(_ text: UnsafeBufferPointer<UInt8>?) throws(Declined)
    -> (day: Day, bytes: UnsafeBufferPointer<UInt8>)?
  {
    guard let text else { return nil }
    guard let day = Day(bytes: text) else { throw Declined() }
    return (day, text)
  }

  /// Whether `digits` is a probability written the way the journal writes it back: `0`, `1`,
  /// or `0.` and up to 15 digits with no trailing zero, at least 0.001. A decimal of at most
  /// 15 significant digits is the shortest that reads back as its `Double`, so
  /// `Double.description` gives the same digits; below 0.0001 it would switch to an exponent.
  static func isPlainProbability(_ digits: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = digits.count
    if count == 1 { return digits[0] == UInt8(ascii: "0") || digits[0] == UInt8(ascii: "1") }
    guard count >= 3, count <= 17, digits[0] == UInt8(ascii: "0"),
      digits[1] == UInt8(ascii: "."), digits[count - 1] != UInt8(ascii: "0")
    else { return false }
    var leadingZeros = 0
    var isLeading = true
    for index in 2..<count {
      let digit = digits[index] &- UInt8(ascii: "0")
      guard digit <= 9 else { return false }
      if isLeading, digit == 0 { leadingZeros += 1 } else { isLeading = false }
    }
    return leadingZeros <= 2
  }

  static func spells(_ word: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
    EntryDecoder.spells(word, name)
  }

  static func spells(_ word: UnsafeBufferPointer<UInt8>, _ name: [UInt8]) -> Bool {
    guard word.count == name.count else { return false }
    guard let base = word.baseAddress else { return true }
    return memcmp(base, name, word.count) == 0
  }

  static func status(spelledBy word: UnsafeBufferPointer<UInt8>) -> Status? {
    if spells(word, "open") { return .open }
    if spells(word, "resolved") { return .resolved }
    if spells(word, "proposed") { return .proposed }
    if spells(word, "rejected") { return .rejected }
    return nil
  }

  private static let voidReasons = VoidReason.allCases.map { Array($0.rawValue.utf8) }

  // MARK: Writing

  private mutating func append(_ text: StaticString) {
    bytes.append(
      contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Starts an entry: `start` is `{"entry":"KIND","id":"`, then the id and the time.
  private mutating func begin(_ start: StaticString, _ id: UnsafeBufferPointer<UInt8>, stamp: Int) {
    append(start)
    bytes.append(contentsOf: id)
    bytes.append(UInt8(ascii: "\""))
    if let rowStart {
      Self.appendStamp(rowStart, step: stamp, to: &bytes)
    } else {
      bytes.append(contentsOf: stamps[stamp])
    }
  }

  private mutating func end() {
    append("}\n")
  }

  /// A member: `key` is `,"NAME":"`, then the text escaped and the closing quote. A text that
  /// `FieldRules` would refuse is declined.
  private mutating func field(_ key: StaticString, _ text: UnsafeBufferPointer<UInt8>)
    throws(Declined)
  {
    // A space at either end is the general path's to trim.
    guard Self.isPlain(text), !Self.startsWithTrimmable(text), !Self.endsWithTrimmable(text)
    else { throw Declined() }
    append(key)
    try appendEscaped(text)
    bytes.append(UInt8(ascii: "\""))
  }

  /// A tag as a JSON string, escaped as `JSONBuffer` escapes it. A NUL is declined: the
  /// journal reader refuses `\u0000`, and `RowFields`' entries are read back, which reports it;
  /// so is a tag with a space at either end, which the general path trims.
  private mutating func appendTag(_ text: UnsafeBufferPointer<UInt8>) throws(Declined) {
    // `FieldRules.tag`: something a reader sees (told here as `required` tells it), no `;`,
    // no control character.
    guard !text.isEmpty, !Self.startsWithTrimmable(text), Self.isPlain(text),
      !text.contains(UInt8(ascii: ";")), !Self.endsWithTrimmable(text),
      Self.showsSomething(text)
    else { throw Declined() }
    bytes.append(UInt8(ascii: "\""))
    try appendEscaped(text)
    bytes.append(UInt8(ascii: "\""))
  }

  /// The text's bytes with the escapes JSON needs (`JSONCursor.escaped`), without quotes
  /// around them.
  private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) throws(Declined) {
    if isInEscapeFreeFile(text) || !JSONScanner.needsEscape(text) {
      bytes.append(contentsOf: text)
      return
    }
    guard !text.contains(0) else { throw Declined() }
    let room = JSONCursor.bound(utf8Count: text.count)
    bytes.appendWritten(maximum: room, afterComma: false) { start in
      var cursor = JSONCursor(start: start, count: room)
      cursor.escaped(text)
      return cursor.position - start
    }
  }

  private func isInEscapeFreeFile(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let file = escapeFreeFile, let fileStart = file.baseAddress,
      let start = text.baseAddress
    else { return false }
    return start >= fileStart && start + text.count <= fileStart + file.count
  }

  /// The tags as a JSON list: a JSON file's list, or a cell split at `;` with the empty
  /// pieces left out. A tag the general path would trim, or a list that may hold one tag twice
  /// (which it keeps once), is declined.
  private mutating func appendTags(_ row: ImportCells, reader: CellReader) throws(Declined) {
    bytes.append(UInt8(ascii: "["))
    var seen = TagsSeen()
    func append(_ tag: UnsafeBufferPointer<UInt8>) throws(Declined) {
      if seen.count > 0 { bytes.append(UInt8(ascii: ",")) }
      try appendTag(tag)
      guard seen.insert(tag) else { throw Declined() }
    }
    if row.hasTagList {
      for cell in row.tagList { try append(reader.bytes(cell)) }
    } else if let text = try reader.text(row[.tags]) {
      // A tag holding a comma is noted (`ImportPiece.commaTags`), which the general path does.
      if text.contains(UInt8(ascii: ",")) { throw Declined() }
      var start = 0
      for index in 0...text.count where index == text.count || text[index] == UInt8(ascii: ";") {
        if index < text.count, !Self.isTagSeparator(at: index, in: text) { throw Declined() }
        if index > start { try append(UnsafeBufferPointer(rebasing: text[start..<index])) }
        start = index + 1
      }
    }
    bytes.append(UInt8(ascii: "]"))
  }

  /// The tags of one row so far, by a hash of their bytes with ASCII letters in small letters,
  /// to tell whether one may repeat another in another case (the general path keeps it once).
  /// Up to four, kept in place so a row allocates nothing; a fifth tag, a tag with letters
  /// beyond ASCII and Chinese characters (a lead byte other than E4 to E9) beside another, or
  /// two equal hashes, is a maybe, and the row goes to the general path.
  private struct TagsSeen {
    private var hashes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private(set) var count = 0
    private var hasOtherLetters = false

    /// False when the tag may repeat one seen, or cannot be told apart here.
    mutating func insert(_ tag: UnsafeBufferPointer<UInt8>) -> Bool {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in tag {
        if byte >= 0xC0, !(0xE4...0xE9).contains(byte) { hasOtherLetters = true }
        let folded = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
        hash = (hash ^ UInt64(folded)) &* 0x100_0000_01b3
      }
      defer { count += 1 }
      switch count {
      case 0: hashes.0 = hash
      case 1: hashes.1 = hash
      case 2: hashes.2 = hash
      case 3: hashes.3 = hash
      default: return false
      }
      if count > 0, hasOtherLetters { return false }
      switch count {
      case 0: return true
      case 1: return hash != hashes.0
      case 2: return hash != hashes.0 && hash != hashes.1
      default: return hash != hashes.0 && hash != hashes.1 && hash != hashes.2
      }
    }
  }

  /// Whether the `;` at `index` stands plainly between tags (the general path splits at every
  /// `;` scalar): next to ASCII or a CJK ideograph (lead byte E4 to E9) it does;
  /// next to anything else (a combining mark, a joiner) the row is declined, to be safe.
  private static func isTagSeparator(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
    if index + 1 < text.count, text[index + 1] >= 0x80,
      !(0xE4...0xE9).contains(text[index + 1])
    {
      return false
    }
    guard index > 0, text[index - 1] >= 0x80 else { return true }
    var lead = index - 1
    while lead > 0, text[lead] & 0xC0 == 0x80, index - lead < 4 { lead -= 1 }
    return (0xE4...0xE9).contains(text[lead])
  }
}
