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

  /// The field spelled by `key`'s bytes: picked by length and first and last byte (distinct for
  /// every field), then confirmed byte for byte, so no `String` or hash is made per key.
  init?(key: UnsafeBufferPointer<UInt8>) {
    guard let first = key.first, let last = key.last,
      let field = EntryField.candidate(count: key.count, first: first, last: last)
    else { return nil }
    let name = field.staticName
    guard name.utf8CodeUnitCount == key.count, let base = key.baseAddress,
      memcmp(base, name.utf8Start, key.count) == 0
    else { return nil }
    self = field
  }

  private static func candidate(count: Int, first: UInt8, last: UInt8) -> EntryField? {
    switch (count, first, last) {
    case (2, 0x69, 0x64): .id  // id
    case (2, 0x61, 0x74): .at  // at
    case (2, 0x6F, 0x6E): .on  // on
    case (3, 0x75, 0x6C): .url  // url
    case (3, 0x76, 0x61): .via  // via
    case (4, 0x74, 0x74): .text  // text
    case (4, 0x74, 0x73): .tags  // tags
    case (4, 0x73, 0x64): .said  // said
    case (4, 0x6C, 0x67): .lang  // lang
    case (4, 0x6E, 0x65): .note  // note
    case (5, 0x65, 0x79): .entry  // entry
    case (5, 0x71, 0x65): .quote  // quote
    case (5, 0x68, 0x65): .hedge  // hedge
    case (6, 0x73, 0x65): .source  // source
    case (6, 0x73, 0x73): .status  // status
    case (6, 0x72, 0x6E): .reason  // reason
    case (7, 0x6F, 0x65): .outcome  // outcome
    case (8, 0x64, 0x65): .deadline  // deadline
    case (8, 0x64, 0x74): .document  // document
    case (8, 0x65, 0x65): .evidence  // evidence
    case (10, 0x63, 0x65): .confidence  // confidence
    case (11, 0x63, 0x6C): .conditional  // conditional
    case (13, 0x64, 0x74): .deadlineText  // deadline_text
    default: nil
    }
  }

  /// The name as static bytes, compared against keys without retaining anything.
  private var staticName: StaticString {
    switch self {
    case .entry: "entry"
    case .id: "id"
    case .at: "at"
    case .text: "text"
    case .quote: "quote"
    case .source: "source"
    case .via: "via"
    case .url: "url"
    case .said: "said"
    case .deadline: "deadline"
    case .deadlineText: "deadline_text"
    case .confidence: "confidence"
    case .hedge: "hedge"
    case .lang: "lang"
    case .tags: "tags"
    case .status: "status"
    case .conditional: "conditional"
    case .document: "document"
    case .outcome: "outcome"
    case .on: "on"
    case .evidence: "evidence"
    case .reason: "reason"
    case .note: "note"
    }
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
    json.field("entry", kind.rawValue)
    json.key("id")
    json.id(id)
    json.key("at")
    json.timestamp(at)
    switch body {
    case .claim(let claim, let status):
      json.key("text")
      json.string(claim.storedText)
      if let quote = claim.storedQuote {
        json.key("quote")
        json.string(quote)
      }
      json.field("source", claim.source)
      json.field("via", claim.via)
      if let url = claim.storedURL {
        json.key("url")
        json.string(url)
      }
      json.key("said")
      json.day(claim.said)
      if let deadline = claim.deadline {
        json.key("deadline")
        json.day(deadline)
      }
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
      json.field("on", resolution.on)
      if let evidence = resolution.storedEvidence {
        json.key("evidence")
        json.string(evidence)
      }
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
    json.field("said", changes.said)
    json.field("deadline", changes.deadline)
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
