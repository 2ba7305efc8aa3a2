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
    json.appendValue(maximum: jsonBound) { write(to: &$0) }
  }

  /// The most bytes `write(to:)` takes: the texts' own bounds and room for the rest.
  var jsonBound: Int {
    // Keys, punctuation, the id, times, days and the number, with room to spare.
    let fixed = 400
    switch body {
    case .claim(let claim, _): return fixed &+ claim.jsonBound
    case .accept(let changes): return fixed &+ changes.jsonBound
    case .reject(let reason): return fixed &+ JSONCursor.bound(reason)
    case .amend(let changes, let note):
      return fixed &+ changes.jsonBound &+ JSONCursor.bound(note)
    case .resolve(let resolution): return fixed &+ resolution.jsonBound
    case .reopen(let note): return fixed &+ JSONCursor.bound(note)
    }
  }

  /// Writes the entry's JSON object through `out`, which has room for `jsonBound` bytes.
  func write(to out: inout JSONCursor) {
    out.literal("{\"entry\":")
    out.literal(kind.quotedName)
    out.literal(",\"id\":")
    out.id(id)
    out.literal(",\"at\":")
    out.timestamp(at)
    switch body {
    case .claim(let claim, let status):
      out.member(",\"text\":", claim.storedText)
      out.optionalMember(",\"quote\":", claim.storedQuote)
      out.member(",\"source\":", claim.source)
      out.optionalMember(",\"via\":", claim.via)
      out.optionalMember(",\"url\":", claim.storedURL)
      out.member(",\"said\":", claim.said)
      out.optionalMember(",\"deadline\":", claim.deadline)
      out.optionalMember(",\"deadline_text\":", claim.deadlineText)
      out.literal(",\"confidence\":")
      out.number(claim.confidence.value)
      out.optionalMember(",\"hedge\":", claim.hedge)
      out.optionalMember(",\"lang\":", claim.lang)
      out.literal(",\"tags\":")
      out.strings(claim.tags)
      out.literal(",\"status\":")
      out.literal(status.quotedName)
      if claim.isConditional { out.literal(",\"conditional\":true") }
      out.optionalMember(",\"document\":", claim.document)
    case .accept(let changes):
      writeChanges(changes, to: &out)
    case .reject(let reason):
      out.optionalMember(",\"reason\":", reason)
    case .amend(let changes, let note):
      writeChanges(changes, to: &out)
      out.optionalMember(",\"note\":", note)
    case .resolve(let resolution):
      out.literal(",\"outcome\":")
      out.literal(resolution.outcome.quotedName)
      out.member(",\"on\":", resolution.on)
      out.optionalMember(",\"evidence\":", resolution.storedEvidence)
      if let reason = resolution.reason {
        out.literal(",\"reason\":")
        out.literal(reason.quotedName)
      }
      out.optionalMember(",\"note\":", resolution.note)
    case .reopen(let note):
      out.optionalMember(",\"note\":", note)
    }
    out.byte(UInt8(ascii: "}"))
  }

  private func writeChanges(_ changes: ClaimChanges, to out: inout JSONCursor) {
    out.optionalMember(",\"text\":", changes.text)
    out.optionalMember(",\"quote\":", changes.quote)
    out.optionalMember(",\"source\":", changes.source)
    out.optionalMember(",\"via\":", changes.via)
    out.optionalMember(",\"url\":", changes.url)
    out.optionalMember(",\"said\":", changes.said)
    out.optionalMember(",\"deadline\":", changes.deadline)
    out.optionalMember(",\"deadline_text\":", changes.deadlineText)
    if let confidence = changes.confidence {
      out.literal(",\"confidence\":")
      out.number(confidence.value)
    }
    out.optionalMember(",\"hedge\":", changes.hedge)
    out.optionalMember(",\"lang\":", changes.lang)
    if let tags = changes.tags {
      out.literal(",\"tags\":")
      out.strings(tags)
    }
    if let isConditional = changes.isConditional {
      out.literal(isConditional ? ",\"conditional\":true" : ",\"conditional\":false")
    }
    out.optionalMember(",\"document\":", changes.document)
  }
}

extension Claim {
  /// The most bytes the claim's texts take as JSON strings (`JSONCursor.bound`).
  var jsonBound: Int {
    var total = JSONCursor.bound(storedText) &+ JSONCursor.bound(storedQuote)
    total &+= JSONCursor.bound(storedURL) &+ JSONCursor.bound(source)
    total &+= JSONCursor.bound(via) &+ JSONCursor.bound(deadlineText)
    total &+= JSONCursor.bound(hedge) &+ JSONCursor.bound(lang)
    return total &+ JSONCursor.bound(tags) &+ JSONCursor.bound(document)
  }
}

extension ClaimChanges {
  /// The most bytes the changed texts take as JSON strings (`JSONCursor.bound`).
  var jsonBound: Int {
    var total = JSONCursor.bound(text) &+ JSONCursor.bound(quote)
    total &+= JSONCursor.bound(url) &+ JSONCursor.bound(source)
    total &+= JSONCursor.bound(via) &+ JSONCursor.bound(deadlineText)
    total &+= JSONCursor.bound(hedge) &+ JSONCursor.bound(lang)
    return total &+ (tags.map(JSONCursor.bound) ?? 0) &+ JSONCursor.bound(document)
  }
}

extension Resolution {
  /// The most bytes the resolution's texts take as JSON strings (`JSONCursor.bound`).
  var jsonBound: Int {
    JSONCursor.bound(storedEvidence) &+ JSONCursor.bound(note) &+ 40
  }
}

/// Names spelled as quoted JSON literals, so a writer copies them instead of converting a
/// `String` (`rawValue`) each time; a test checks each against its raw value.
extension Entry.Kind {
  var quotedName: StaticString {
    switch self {
    case .claim: "\"claim\""
    case .accept: "\"accept\""
    case .reject: "\"reject\""
    case .amend: "\"amend\""
    case .resolve: "\"resolve\""
    case .reopen: "\"reopen\""
    }
  }
}

extension Status {
  var quotedName: StaticString {
    switch self {
    case .proposed: "\"proposed\""
    case .open: "\"open\""
    case .resolved: "\"resolved\""
    case .rejected: "\"rejected\""
    }
  }
}

extension Outcome {
  var quotedName: StaticString {
    switch self {
    case .true: "\"true\""
    case .false: "\"false\""
    case .partial: "\"partial\""
    case .void: "\"void\""
    }
  }
}

extension VoidReason {
  var quotedName: StaticString {
    switch self {
    case .ambiguous: "\"ambiguous\""
    case .annulled: "\"annulled\""
    case .conditionFailed: "\"condition-failed\""
    case .retracted: "\"retracted\""
    case .duplicate: "\"duplicate\""
    }
  }
}
