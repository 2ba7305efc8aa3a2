import Foundation

/// Reads one journal line into an `Entry`, strictly: every field known, none twice, each of
/// the right type and allowed for the entry's kind, the required ones present.
enum EntryDecoder {
  /// Decodes `line` (without its newline); a failure carries the byte offset and what is wrong.
  static func decode(_ line: UnsafeBufferPointer<UInt8>) throws(JSONScanner.Failure) -> Entry {
    var interning = LineInterning()
    return try decode(line, interning: &interning)
  }

  /// Decodes `line`, sharing recurring texts through `interning` (one per parsing worker).
  static func decode(_ line: UnsafeBufferPointer<UInt8>, interning: inout LineInterning)
    throws(JSONScanner.Failure) -> Entry
  {
    var scanner = JSONScanner(line)
    var fields = Fields()
    if line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
      throw JSONScanner.Failure(offset: 0, reason: "byte-order mark at the start of the line")
    }
    try scanner.expect(UInt8(ascii: "{"), "'{' at the start of the entry")
    if try !scanner.consume(UInt8(ascii: "}")) {
      while true {
        let keyOffset = scanner.position
        try scanner.skipSpace()
        let key = try scanner.readKey()
        // The key ends just before the quote the scanner has passed; the line goes on after it.
        let readable = line.count - scanner.position + 1 + key.count
        guard let field = EntryField(key: key, readable: readable) else {
          throw JSONScanner.Failure(
            offset: keyOffset,
            reason: "unknown field '\(String(decoding: key, as: UTF8.self))'")
        }
        guard fields.seen & field.bit == 0 else {
          throw JSONScanner.Failure(offset: keyOffset, reason: "duplicate field '\(field.name)'")
        }
        if let kind = fields.kind, EntryField.allowed(in: kind) & field.bit == 0 {
          throw JSONScanner.Failure(
            offset: keyOffset,
            reason: "field '\(field.name)' does not belong in a '\(kind.rawValue)' entry")
        }
        fields.seen |= field.bit
        try scanner.expect(UInt8(ascii: ":"), "':' after the key")
        try fields.read(field, from: &scanner, interning: &interning)
        if scanner.consumeCommaBeforeKey() { continue }
        if try scanner.consume(UInt8(ascii: "}")) { break }
        try scanner.expect(UInt8(ascii: ","), "',' or '}'")
        if try scanner.peek() == UInt8(ascii: "}") {
          throw JSONScanner.Failure(offset: scanner.position, reason: "trailing comma")
        }
      }
    }
    try scanner.expectEnd()
    return try fields.entry()
  }

  /// Whether `word` is exactly `name`'s bytes.
  static func spells(_ word: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
    guard word.count == name.utf8CodeUnitCount else { return false }
    guard let base = word.baseAddress else { return true }
    return memcmp(base, name.utf8Start, word.count) == 0
  }

  /// The entry kind a plain (escape-free) string spells, matched on its bytes.
  static func kind(spelledBy word: UnsafeBufferPointer<UInt8>) -> Entry.Kind? {
    if spells(word, "claim") { return .claim }
    if spells(word, "resolve") { return .resolve }
    if spells(word, "amend") { return .amend }
    if spells(word, "reopen") { return .reopen }
    if spells(word, "accept") { return .accept }
    if spells(word, "reject") { return .reject }
    return nil
  }

  static func outcome(spelledBy word: UnsafeBufferPointer<UInt8>) -> Outcome? {
    if spells(word, "true") { return .true }
    if spells(word, "false") { return .false }
    if spells(word, "partial") { return .partial }
    if spells(word, "void") { return .void }
    return nil
  }

  /// The values read so far; the kind is known once `entry` has been read.
  ///
  /// Every field is its own optional, set to nil by the implicit initializer: a nested
  /// `ClaimChanges` built from its defaulted initializer was copied and destroyed once per line.
  private struct Fields {
    var seen: UInt32 = 0
    var kind: Entry.Kind?
    var id: ClaimID?
    var at: Timestamp?
    /// `text`, `quote` and `url`, kept as bytes; they become strings for an `accept` or `amend`.
    var text: StoredText?
    var quote: StoredText?
    var url: StoredText?
    var source: String?
    var via: String?
    var said: Day?
    var saidIsNull = false
    var deadline: Day?
    var deadlineText: String?
    var confidence: Confidence?
    var hedge: String?
    var lang: String?
    var tags: [String]?
    var isConditional: Bool?
    var document: String?
    var status: Status?
    var outcome: Outcome?
    var on: Day?
    var evidence: StoredText?
    var reason: String?
    var note: String?

    mutating func read(
      _ field: EntryField, from scanner: inout JSONScanner, interning: inout LineInterning
    ) throws(JSONScanner.Failure) {
      let offset = scanner.position
      switch field {
      case .entry:
        if let word = try scanner.readPlainBytes() {
          if let kind = EntryDecoder.kind(spelledBy: word) {
            self.kind = kind
            return
          }
          throw Fields.fail(offset, "unknown entry kind '\(String(decoding: word, as: UTF8.self))'")
        }
        let value = try scanner.readString()
        guard let kind = Entry.Kind(rawValue: value) else {
          throw Fields.fail(offset, "unknown entry kind '\(value)'")
        }
        self.kind = kind
      case .id:
        if let bytes = scanner.quoted(count: ClaimID.digitCount), let id = ClaimID(bytes: bytes) {
          scanner.skipQuoted(count: ClaimID.digitCount)
          self.id = id
          return
        }
        guard let bytes = try scanner.readPlainBytes(), let id = ClaimID(bytes: bytes) else {
          throw Fields.fail(offset, "id must be 10 lowercase hex digits")
        }
        self.id = id
      case .at:
        if let bytes = scanner.quoted(count: 24),
          let at = Timestamp(
            bytes: bytes, day: interning.days.day(UnsafeBufferPointer(rebasing: bytes[0..<10])))
        {
          scanner.skipQuoted(count: 24)
          self.at = at
          return
        }
        guard let bytes = try scanner.readPlainBytes(), bytes.count >= 10,
          let at = Timestamp(
            bytes: bytes, day: interning.days.day(UnsafeBufferPointer(rebasing: bytes[0..<10])))
        else {
          throw Fields.fail(offset, "at must be a UTC time such as 2026-01-21T09:30:00.000Z")
        }
        self.at = at
      case .said:
        if try scanner.consumeLiteral("null") {
          saidIsNull = true
        } else {
          said = try Fields.readDay(&scanner, "said", days: &interning.days)
        }
      case .deadline:
        deadline = try Fields.readOptionalDay(
          &scanner, "deadline", days: &interning.days)
      case .on: on = try Fields.readDay(&scanner, "on", days: &interning.days)
      case .confidence:
        let before = scanner.position
        let number = try scanner.readNumber()
        guard let confidence = Confidence(number) else {
          // As written: 1.0000001 rounded for show would read as 1, which is inside.
          let written = String(
            decoding: UnsafeBufferPointer(rebasing: scanner.bytes[before..<scanner.position]),
            as: UTF8.self)
          throw Fields.fail(offset, "confidence \(written.trimmingSpaces()) is outside 0…1")
        }
        self.confidence = confidence
      case .tags: tags = try scanner.readStringArray(interning: &interning)
      case .conditional: isConditional = try scanner.readBool()
      case .status:
        if let word = try scanner.readPlainBytes() {
          if EntryDecoder.spells(word, "open") {
            self.status = .open
          } else if EntryDecoder.spells(word, "proposed") {
            self.status = .proposed
          } else {
            throw Fields.fail(
              offset,
              "status of a new claim must be 'open' or 'proposed', not '\(String(decoding: word, as: UTF8.self))'"
            )
          }
          return
        }
        let value = try scanner.readString()
        guard let status = Status(rawValue: value), status == .open || status == .proposed else {
          throw Fields.fail(
            offset, "status of a new claim must be 'open' or 'proposed', not '\(value)'")
        }
        self.status = status
      case .outcome:
        if let word = try scanner.readPlainBytes() {
          guard let outcome = EntryDecoder.outcome(spelledBy: word) else {
            throw Fields.fail(
              offset,
              "outcome must be true, false, partial or void, not '\(String(decoding: word, as: UTF8.self))'"
            )
          }
          self.outcome = outcome
          return
        }
        let value = try scanner.readString()
        guard let outcome = Outcome(rawValue: value) else {
          throw Fields.fail(offset, "outcome must be true, false, partial or void, not '\(value)'")
        }
        self.outcome = outcome
      case .text: text = try scanner.readStoredText(into: &interning.arena)
      case .source: source = try scanner.readString(interningIn: &interning.texts)
      case .quote: quote = try scanner.readOptionalStoredText(into: &interning.arena)
      case .via: via = try scanner.readOptionalString(interningIn: &interning.texts)
      case .url: url = try scanner.readOptionalStoredText(into: &interning.arena)
      case .deadlineText:
        deadlineText = try scanner.readOptionalString(interningIn: &interning.texts)
      case .hedge: hedge = try scanner.readOptionalString(interningIn: &interning.texts)
      case .lang: lang = try scanner.readOptionalString(interningIn: &interning.texts)
      case .document:
        document = try scanner.readOptionalString(interningIn: &interning.texts)
      case .evidence: evidence = try scanner.readOptionalStoredText(into: &interning.arena)
      case .reason: reason = try scanner.readOptionalString(interningIn: &interning.texts)
      case .note: note = try scanner.readOptionalString(interningIn: &interning.texts)
      }
    }

    private static func readDay(
      _ scanner: inout JSONScanner, _ name: String, days: inout DayCache
    ) throws(JSONScanner.Failure) -> Day {
      if let bytes = scanner.quoted(count: 10), let day = days.day(bytes) {
        scanner.skipQuoted(count: 10)
        return day
      }
      let offset = scanner.position
      guard let bytes = try scanner.readPlainBytes(), let day = days.day(bytes) else {
        throw Fields.fail(offset, "\(name) must be a real date YYYY-MM-DD")
      }
      return day
    }

    private static func readOptionalDay(
      _ scanner: inout JSONScanner, _ name: String, days: inout DayCache
    ) throws(JSONScanner.Failure) -> Day? {
      if try scanner.consumeLiteral("null") { return nil }
      return try Fields.readDay(&scanner, name, days: &days)
    }

    private static func fail(_ offset: Int, _ reason: String) -> JSONScanner.Failure {
      JSONScanner.Failure(offset: offset, reason: reason)
    }

    /// Static, like the other helpers here: a call on `self` inside a mutating method copied
    /// all the fields first.
    static func require(_ field: EntryField, in seen: UInt32) throws(JSONScanner.Failure) {
      guard seen & field.bit != 0 else {
        throw JSONScanner.Failure(offset: 0, reason: "missing field '\(field.name)'")
      }
    }

    mutating func entry() throws(JSONScanner.Failure) -> Entry {
      try Fields.require(.entry, in: seen)
      guard let kind else { throw Fields.fail(0, "missing field 'entry'") }
      let extra = seen & ~EntryField.allowed(in: kind)
      if extra != 0, let field = EntryField.allCases.first(where: { extra & $0.bit != 0 }) {
        throw Fields.fail(0, "field '\(field.name)' does not belong in a '\(kind.rawValue)' entry")
      }
      try Fields.require(.id, in: seen)
      try Fields.require(.at, in: seen)
      guard let id, let at else { throw Fields.fail(0, "missing field 'id'") }
      return Entry(id: id, at: at, body: try takeBody(of: kind))
    }

    /// The changes of an `accept` or `amend`, with its text, quote and url as strings.
    private mutating func takeChanges() -> ClaimChanges {
      ClaimChanges(
        text: text.take()?.string, quote: quote.take()?.string, source: source.take(),
        via: via.take(), url: url.take()?.string, said: said, deadline: deadline,
        deadlineText: deadlineText.take(), confidence: confidence, hedge: hedge.take(),
        lang: lang.take(), tags: tags.take(), isConditional: isConditional,
        document: document.take())
    }

    /// The entry's body, with the values moved out of these fields rather than copied: a
    /// million lines make a copy and a release per text add up.
    private mutating func takeBody(of kind: Entry.Kind) throws(JSONScanner.Failure) -> Entry.Body {
      switch kind {
      case .claim:
        try Fields.require(.text, in: seen)
        try Fields.require(.source, in: seen)
        try Fields.require(.confidence, in: seen)
        try Fields.require(.status, in: seen)
        guard let text = text.take(), let source = source.take(), let confidence, let status
        else { throw Fields.fail(0, "missing field") }
        guard !text.isEmpty else { throw Fields.fail(0, "text is empty") }
        guard !source.isEmpty else { throw Fields.fail(0, "source is empty") }
        let claim = Claim(
          storedText: text, storedQuote: quote.take(), source: source, via: via.take(),
          storedURL: url.take(), said: said, deadline: deadline,
          deadlineText: deadlineText.take(), confidence: confidence,
          hedge: hedge.take(), lang: lang.take(), tags: tags.take() ?? [],
          isConditional: isConditional ?? false, document: document.take())
        return .claim(claim, status: status)
      case .accept:
        return .accept(takeChanges())
      case .reject:
        return .reject(reason: reason.take())
      case .amend:
        return .amend(takeChanges(), note: note.take())
      case .resolve:
        try Fields.require(.outcome, in: seen)
        try Fields.require(.on, in: seen)
        guard let outcome, let on else { throw Fields.fail(0, "missing field") }
        var voidReason: VoidReason?
        if let reason {
          guard outcome == .void else {
            throw Fields.fail(0, "only a void resolution has a reason")
          }
          guard let parsed = VoidReason(rawValue: reason) else {
            throw Fields.fail(0, "unknown void reason '\(reason)'")
          }
          voidReason = parsed
        } else if outcome == .void {
          throw Fields.fail(0, "a void resolution needs a reason")
        }
        return .resolve(
          Resolution(
            outcome: outcome, on: on, storedEvidence: evidence.take(), reason: voidReason,
            note: note.take()))
      case .reopen:
        return .reopen(note: note.take())
      }
    }
  }
}
