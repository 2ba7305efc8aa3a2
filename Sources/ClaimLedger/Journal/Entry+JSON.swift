import Foundation

/// The journal's field names, in the fixed order every line writes them.
enum EntryField: Int, CaseIterable, Sendable {
  case entry, id, at
  case text, quote, source, via, url, said, deadline, deadlineText, confidence, hedge, lang, tags
  case status, conditional, document
  case outcome, on, evidence, reason, note

  var name: String {
    switch self {
    case .deadlineText: "deadline_text"
    default: String(describing: self)
    }
  }

  var bit: UInt32 { 1 << UInt32(rawValue) }

  /// The field spelled by `key`'s bytes, found without a `String`, a call or a loop over the
  /// names: the key's first eight bytes (little-endian) and its length pick the one possible
  /// field by a multiplicative hash that is perfect for these names, and its packed bytes
  /// confirm it.
  ///
  /// `readable` is how many bytes may be read from the key's start (at least its length): the
  /// rest of the line, so a short key is loaded as one word and masked.
  init?(key: UnsafeBufferPointer<UInt8>, readable: Int? = nil) {
    let count = key.count
    guard count >= 2, count <= 16, let base = key.baseAddress else { return nil }
    let readable = max(readable ?? count, count)
    let head = EntryField.packed(base, count: min(count, 8), readable: readable)
    let tail = count > 8 ? EntryField.packed(base + 8, count: count - 8, readable: readable - 8) : 0
    let slot = ((head ^ UInt64(count)) &* 0xBED2_951E_606A_E483) &>> 59
    let expected: (field: EntryField, head: UInt64, tail: UInt64, count: Int)
    switch slot {
    case 22: expected = (.entry, 0x79_7274_6E65, 0, 5)
    case 0: expected = (.id, 0x6469, 0, 2)
    case 6: expected = (.at, 0x7461, 0, 2)
    case 7: expected = (.text, 0x7478_6574, 0, 4)
    case 5: expected = (.quote, 0x65_746F_7571, 0, 5)
    case 21: expected = (.source, 0x6563_7275_6F73, 0, 6)
    case 2: expected = (.via, 0x61_6976, 0, 3)
    case 20: expected = (.url, 0x6C_7275, 0, 3)
    case 16: expected = (.said, 0x6469_6173, 0, 4)
    case 10: expected = (.deadline, 0x656E_696C_6461_6564, 0, 8)
    case 3: expected = (.deadlineText, 0x656E_696C_6461_6564, 0x74_7865_745F, 13)
    case 15: expected = (.confidence, 0x6E65_6469_666E_6F63, 0x6563, 10)
    case 26: expected = (.hedge, 0x65_6764_6568, 0, 5)
    case 19: expected = (.lang, 0x676E_616C, 0, 4)
    case 29: expected = (.tags, 0x7367_6174, 0, 4)
    case 31: expected = (.status, 0x7375_7461_7473, 0, 6)
    case 8: expected = (.conditional, 0x6F69_7469_646E_6F63, 0x6C_616E, 11)
    case 4: expected = (.document, 0x746E_656D_7563_6F64, 0, 8)
    case 17: expected = (.outcome, 0x65_6D6F_6374_756F, 0, 7)
    case 23: expected = (.on, 0x6E6F, 0, 2)
    case 11: expected = (.evidence, 0x6563_6E65_6469_7665, 0, 8)
    case 13: expected = (.reason, 0x6E6F_7361_6572, 0, 6)
    case 27: expected = (.note, 0x6574_6F6E, 0, 4)
    default: return nil
    }
    guard head == expected.head, tail == expected.tail, count == expected.count else {
      return nil
    }
    self = expected.field
  }

  /// Up to eight bytes as one little-endian word; one load when eight bytes may be read.
  @inline(__always)
  private static func packed(_ bytes: UnsafePointer<UInt8>, count: Int, readable: Int) -> UInt64 {
    if readable >= 8 {
      let word = UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self)
      return count >= 8 ? word : word & (1 &<< (UInt64(count) &* 8) &- 1)
    }
    var word: UInt64 = 0
    var index = count
    while index > 0 {
      index &-= 1
      word = word &<< 8 | UInt64(bytes[index])
    }
    return word
  }

  /// Fields that describe a claim (`text` through `tags`, `conditional`, `document`); `accept`
  /// and `amend` may carry any of them. Literal masks, checked against the cases by a test,
  /// because the decoder asks for them on every key.
  static var claimFields: UInt32 { 0x3_7FF8 }
  /// `entry`, `id` and `at`.
  static var common: UInt32 { 0x7 }

  /// The fields an entry of `kind` may have.
  static func allowed(in kind: Entry.Kind) -> UInt32 {
    switch kind {
    case .claim: common | claimFields | 1 << 15  // status
    case .accept: common | claimFields
    case .reject: common | 1 << 21  // reason
    case .amend: common | claimFields | 1 << 22  // note
    case .resolve: common | 0x7C_0000  // outcome, on, evidence, reason, note
    case .reopen: common | 1 << 22  // note
    }
  }
}

extension Entry {
  /// Writes the entry as one journal line without its newline: keys in a fixed order,
  /// absent optional fields left out, non-ASCII text as is.
  public var jsonLine: String {
    var json = JSONBuffer()
    writeJSON(into: &json)
    return json.text
  }

  /// Appends the entry as a JSON object to `json`.
  public func writeJSON(into json: inout JSONBuffer) {
    json.beginObject()
    json.field(ascii: "entry", kind.rawValue)
    json.key(ascii: "id")
    json.id(id)
    json.key(ascii: "at")
    json.timestamp(at)
    switch body {
    case .claim(let claim, let status):
      json.key(ascii: "text")
      json.string(claim.storedText)
      if let quote = claim.storedQuote {
        json.key(ascii: "quote")
        json.string(quote)
      }
      json.field(ascii: "source", claim.source)
      json.field(ascii: "via", claim.via)
      if let url = claim.storedURL {
        json.key(ascii: "url")
        json.string(url)
      }
      json.key(ascii: "said")
      json.day(claim.said)
      if let deadline = claim.deadline {
        json.key(ascii: "deadline")
        json.day(deadline)
      }
      json.field(ascii: "deadline_text", claim.deadlineText)
      json.key(ascii: "confidence")
      json.number(claim.confidence.value)
      json.field(ascii: "hedge", claim.hedge)
      json.field(ascii: "lang", claim.lang)
      json.key(ascii: "tags")
      json.strings(claim.tags)
      json.field(ascii: "status", status.rawValue)
      if claim.isConditional {
        json.key(ascii: "conditional")
        json.bool(true)
      }
      json.field(ascii: "document", claim.document)
    case .accept(let changes):
      writeChanges(changes, into: &json)
    case .reject(let reason):
      json.field(ascii: "reason", reason)
    case .amend(let changes, let note):
      writeChanges(changes, into: &json)
      json.field(ascii: "note", note)
    case .resolve(let resolution):
      json.field(ascii: "outcome", resolution.outcome.rawValue)
      json.field(ascii: "on", resolution.on)
      if let evidence = resolution.storedEvidence {
        json.key(ascii: "evidence")
        json.string(evidence)
      }
      json.field(ascii: "reason", resolution.reason?.rawValue)
      json.field(ascii: "note", resolution.note)
    case .reopen(let note):
      json.field(ascii: "note", note)
    }
    json.endObject()
  }

  private func writeChanges(_ changes: ClaimChanges, into json: inout JSONBuffer) {
    json.field(ascii: "text", changes.text)
    json.field(ascii: "quote", changes.quote)
    json.field(ascii: "source", changes.source)
    json.field(ascii: "via", changes.via)
    json.field(ascii: "url", changes.url)
    json.field(ascii: "said", changes.said)
    json.field(ascii: "deadline", changes.deadline)
    json.field(ascii: "deadline_text", changes.deadlineText)
    if let confidence = changes.confidence {
      json.key(ascii: "confidence")
      json.number(confidence.value)
    }
    json.field(ascii: "hedge", changes.hedge)
    json.field(ascii: "lang", changes.lang)
    if let tags = changes.tags {
      json.key(ascii: "tags")
      json.strings(tags)
    }
    if let isConditional = changes.isConditional {
      json.key(ascii: "conditional")
      json.bool(isConditional)
    }
    json.field(ascii: "document", changes.document)
  }
}
