/// The journal's field names, in the fixed order every line writes them.
enum EntryField: Int, CaseIterable {
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

  /// The field spelled by `key`'s bytes; looked up by a packed prefix and confirmed byte for
  /// byte, so no `String` is made for each key of each line.
  init?(key: UnsafeBufferPointer<UInt8>) {
    guard let field = EntryField.byPackedKey[EntryField.pack(key)] else { return nil }
    let name = EntryField.nameBytes[field.rawValue]
    guard name.count == key.count, name.elementsEqual(key) else { return nil }
    self = field
  }

  /// The first 8 bytes of a key with its length in the top bits: distinct for every field.
  static func pack(_ key: some Collection<UInt8>) -> UInt64 {
    var packed = UInt64(key.count) << 59
    for (index, byte) in key.prefix(8).enumerated() { packed ^= UInt64(byte) << (8 * index) }
    return packed
  }

  private static let nameBytes: [[UInt8]] = allCases.map { Array($0.name.utf8) }

  private static let byPackedKey: [UInt64: EntryField] = Dictionary(
    uniqueKeysWithValues: allCases.map { (pack(Array($0.name.utf8)), $0) })

  /// Fields that describe a claim; `accept` and `amend` may carry any of them.
  static let claimFields: UInt32 = [EntryField](
    arrayLiteral:
      .text, .quote, .source, .via, .url, .said, .deadline, .deadlineText, .confidence, .hedge,
    .lang, .tags, .conditional, .document
  ).reduce(0) { $0 | $1.bit }
  static let common: UInt32 = EntryField.entry.bit | EntryField.id.bit | EntryField.at.bit

  /// The fields an entry of `kind` may have.
  static func allowed(in kind: Entry.Kind) -> UInt32 {
    switch kind {
    case .claim: common | claimFields | EntryField.status.bit
    case .accept: common | claimFields
    case .reject: common | EntryField.reason.bit
    case .amend: common | claimFields | EntryField.note.bit
    case .resolve:
      common | [EntryField.outcome, .on, .evidence, .reason, .note].reduce(0) { $0 | $1.bit }
    case .reopen: common | EntryField.note.bit
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
    json.field("entry", kind.rawValue)
    json.field("id", id.description)
    json.field("at", at.description)
    switch body {
    case .claim(let claim, let status):
      json.field("text", claim.text)
      json.field("quote", claim.quote)
      json.field("source", claim.source)
      json.field("via", claim.via)
      json.field("url", claim.url)
      json.key("said")
      if let said = claim.said { json.string(said.description) } else { json.null() }
      json.field("deadline", claim.deadline?.description)
      json.field("deadline_text", claim.deadlineText)
      json.key("confidence")
      json.number(claim.confidence.value)
      json.field("hedge", claim.hedge)
      json.field("lang", claim.lang)
      json.key("tags")
      json.strings(claim.tags)
      json.field("status", status.rawValue)
      if claim.isConditional {
        json.key("conditional")
        json.bool(true)
      }
      json.field("document", claim.document)
    case .accept(let changes):
      writeChanges(changes, into: &json)
    case .reject(let reason):
      json.field("reason", reason)
    case .amend(let changes, let note):
      writeChanges(changes, into: &json)
      json.field("note", note)
    case .resolve(let resolution):
      json.field("outcome", resolution.outcome.rawValue)
      json.field("on", resolution.on.description)
      json.field("evidence", resolution.evidence)
      json.field("reason", resolution.reason?.rawValue)
      json.field("note", resolution.note)
    case .reopen(let note):
      json.field("note", note)
    }
    json.endObject()
  }

  private func writeChanges(_ changes: ClaimChanges, into json: inout JSONBuffer) {
    json.field("text", changes.text)
    json.field("quote", changes.quote)
    json.field("source", changes.source)
    json.field("via", changes.via)
    json.field("url", changes.url)
    json.field("said", changes.said?.description)
    json.field("deadline", changes.deadline?.description)
    json.field("deadline_text", changes.deadlineText)
    if let confidence = changes.confidence {
      json.key("confidence")
      json.number(confidence.value)
    }
    json.field("hedge", changes.hedge)
    json.field("lang", changes.lang)
    if let tags = changes.tags {
      json.key("tags")
      json.strings(tags)
    }
    if let isConditional = changes.isConditional {
      json.key("conditional")
      json.bool(isConditional)
    }
    json.field("document", changes.document)
  }
}
