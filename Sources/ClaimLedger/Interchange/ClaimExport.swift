import Dispatch
import Foundation

/// The formats `claims export` writes; each is a pure function from folded claims to text.
public enum ExportFormat: String, Sendable, CaseIterable {
  case csv, jsonl, fatebook, claimreview
}

/// Folded claims turned into other tools' formats.
public enum ClaimExport {
  /// The columns of the CSV export, in order: every field of the claim JSON but the history.
  public static let csvColumns = [
    "id", "text", "quote", "source", "via", "url", "said", "deadline", "deadline_text",
    "confidence", "hedge", "lang", "tags", "conditional", "status", "outcome", "resolved_on",
    "evidence", "reason", "note", "document", "recorded_at",
  ]

  /// The columns of Fatebook's spreadsheet import, in the order written.
  public static let fatebookColumns = [
    "Question title", "Forecast", "Question created date", "Resolution", "Resolved at",
    "Resolve by", "Forecast created date", "Tags", "Notes",
  ]

  public static func render(_ records: [ClaimRecord], as format: ExportFormat) -> String {
    switch format {
    case .csv: csv(records)
    case .jsonl: jsonLines(records)
    case .fatebook: fatebook(records)
    case .claimreview: claimReview(records)
    }
  }

  /// A number in its shortest form that reads back exactly, as the JSON writes it.
  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : value.description
  }

  /// One row per claim; tags joined by `;`; UTF-8 with a header row and CRLF line ends.
  public static func csv(_ records: [ClaimRecord]) -> String {
    CSVField.row(csvColumns) + joined(records, rendering: csvRow)
  }

  static func csvRow(_ record: ClaimRecord) -> String {
    let claim = record.claim
    let resolution = record.resolution
    let cells: [String] = [
      record.id.description, CSVField.text(claim.text), optionalText(claim.quote),
      CSVField.text(claim.source), optionalText(claim.via), optionalText(claim.url),
      claim.said?.description ?? "", claim.deadline?.description ?? "",
      optionalText(claim.deadlineText), number(claim.confidence.value),
      optionalText(claim.hedge), optionalText(claim.lang),
      CSVField.text(claim.tags.joined(separator: ";")), claim.isConditional ? "true" : "false",
      record.status.rawValue, resolution?.outcome.rawValue ?? "",
      resolution?.on.description ?? "", optionalText(resolution?.evidence),
      optionalText(resolution?.reason?.rawValue ?? record.rejection),
      optionalText(resolution?.note ?? record.note), optionalText(claim.document),
      record.recordedAt.description,
    ]
    return CSVField.row(cells)
  }

  /// The rows of `records` rendered in parts on all cores and joined in order: every row
  /// depends only on its own claim, and a million claims are too slow to render on one.
  static func joined(_ records: [ClaimRecord], rendering row: @Sendable (ClaimRecord) -> String)
    -> String
  {
    let parts = records.count < 1_024 ? 1 : 8 * ProcessInfo.processInfo.activeProcessorCount
    let partSize = (records.count + parts - 1) / max(parts, 1)
    let rendered = RenderedParts(count: parts)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let start = min(records.count, part * partSize)
      let end = min(records.count, start + partSize)
      var text = ""
      for index in start..<end { text += row(records[index]) }
      rendered.store(text, at: part)
    }
    return rendered.joined()
  }

  /// One rendered part per worker; each slot is written by one worker and read after all.
  private final class RenderedParts: @unchecked Sendable {
    private let parts: UnsafeMutableBufferPointer<String>

    init(count: Int) {
      parts = .allocate(capacity: count)
      parts.initialize(repeating: "")
    }

    deinit {
      parts.deinitialize()
      parts.deallocate()
    }

    func store(_ text: String, at index: Int) { parts[index] = text }

    func joined() -> String { parts.joined() }
  }

  private static func optionalText(_ value: String?) -> String {
    value.map(CSVField.text) ?? ""
  }

  /// One claim per line, the object `list --json` writes for it.
  public static func jsonLines(_ records: [ClaimRecord]) -> String {
    joined(records) { record in
      var json = JSONBuffer()
      record.writeJSON(into: &json)
      json.appendVerbatim("\n")
      return json.text
    }
  }

  /// Fatebook's spreadsheet import: the forecast in percent, YES, NO or AMBIGUOUS.
  ///
  /// Fatebook has no partial outcome and no source, so both travel in the notes as
  /// `source: NAME` and `outcome: partial` lines (partial is written AMBIGUOUS, as void is,
  /// since Fatebook leaves both unscored); `FatebookImport` reads them back.
  public static func fatebook(_ records: [ClaimRecord]) -> String {
    CSVField.row(fatebookColumns) + joined(records, rendering: fatebookRow)
  }

  static func fatebookRow(_ record: ClaimRecord) -> String {
    let claim = record.claim
    let resolution: String
    switch record.outcome {
    case .true: resolution = "YES"
    case .false: resolution = "NO"
    case .partial, .void: resolution = "AMBIGUOUS"
    case nil: resolution = ""
    }
    var notes = ["source: \(claim.source)"]
    if record.outcome == .partial { notes.append("outcome: partial") }
    if let evidence = record.resolution?.evidence { notes.append("evidence: \(evidence)") }
    if let note = record.resolution?.note ?? record.note { notes.append(note) }
    let cells = [
      CSVField.text(claim.text),
      DecimalFormat.trimmed(claim.confidence.value * 100, places: 2),
      claim.said?.description ?? record.recordedAt.day.description, resolution,
      record.resolution?.on.description ?? "", claim.deadline?.description ?? "",
      claim.said?.description ?? record.recordedAt.day.description,
      CSVField.text(claim.tags.joined(separator: ";")),
      CSVField.text(notes.joined(separator: "\n")),
    ]
    return CSVField.row(cells)
  }

  /// How each outcome is rated in ClaimReview: 5 true, 3 partly true, 1 false, and 0 for a
  /// claim that cannot be judged (below `worstRating`, as schema.org suggests for "not rated").
  public static func rating(for outcome: Outcome) -> (value: Int, name: String) {
    switch outcome {
    case .true: (5, "True")
    case .partial: (3, "Partly true")
    case .false: (1, "False")
    case .void: (0, "Cannot be judged")
    }
  }

  /// schema.org `ClaimReview` JSON-LD for the resolved claims, as one array.
  public static func claimReview(_ records: [ClaimRecord]) -> String {
    var json = JSONBuffer()
    json.beginArray()
    for record in records {
      guard let resolution = record.resolution else { continue }
      let claim = record.claim
      json.appendVerbatim("\n")
      json.beginObject()
      json.key("@context")
      json.string("https://schema.org")
      json.key("@type")
      json.string("ClaimReview")
      json.key("identifier")
      json.id(record.id)
      json.key("claimReviewed")
      json.string(claim.text)
      json.key("datePublished")
      json.day(resolution.on)
      if let evidence = resolution.evidence, isLink(evidence) {
        json.key("url")
        json.string(evidence)
      }
      let body = [resolution.evidence.flatMap { isLink($0) ? nil : $0 }, resolution.note]
        .compactMap { $0 }
      if !body.isEmpty {
        json.key("reviewBody")
        json.string(body.joined(separator: "\n"))
      }
      json.key("itemReviewed")
      json.beginObject()
      json.key("@type")
      json.string("Claim")
      json.key("author")
      json.beginObject()
      json.key("@type")
      json.string(authorType(claim.source))
      json.key("name")
      json.string(claim.source)
      json.endObject()
      if let said = claim.said {
        json.key("datePublished")
        json.day(said)
      }
      if let url = claim.url {
        for key in ["appearance", "firstAppearance"] {
          json.key(key)
          json.beginObject()
          json.key("@type")
          json.string("CreativeWork")
          json.key("url")
          json.string(url)
          json.endObject()
        }
      }
      json.endObject()
      let rating = rating(for: resolution.outcome)
      json.key("reviewRating")
      json.beginObject()
      json.key("@type")
      json.string("Rating")
      json.key("ratingValue")
      json.integer(rating.value)
      json.key("bestRating")
      json.integer(5)
      json.key("worstRating")
      json.integer(1)
      json.key("alternateName")
      json.string(rating.name)
      json.endObject()
      json.endObject()
    }
    json.appendVerbatim("\n")
    json.endArray()
    json.appendVerbatim("\n")
    return json.text
  }

  private static func isLink(_ text: String) -> Bool {
    let lowered = text.lowercased()
    return (lowered.hasPrefix("https://") || lowered.hasPrefix("http://"))
      && !text.contains(where: \.isWhitespace)
  }

  /// `Organization` when the name has a word outlets and companies use, else `Person`: a
  /// guess, since the ledger records a name and not what kind of author it is.
  static func authorType(_ name: String) -> String {
    let words = [
      "the ", "inc", "corp", "news", "times", "post", "journal", "tv", "bank", "group", "press",
      "media", "reuters", "bloomberg", "cnbc", "kiplinger", "information", "research",
      "institute", "agency", "ltd", "llc", "公司", "报", "社", "网", "台", "研究",
    ]
    let lowered = name.lowercased()
    return words.contains { lowered.contains($0) }
      ? "Organization" : "Person"
  }
}
