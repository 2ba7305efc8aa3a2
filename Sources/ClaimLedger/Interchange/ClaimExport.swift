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
    String(decoding: renderParts(records, as: format).joined(), as: UTF8.self)
  }

  /// The export as consecutive parts of UTF-8, rendered on all cores: written one after the
  /// other they make the file, with no `String` the size of the whole export in between.
  public static func renderParts(_ records: [ClaimRecord], as format: ExportFormat) -> [[UInt8]] {
    switch format {
    case .csv: csvParts(records)
    case .jsonl: jsonLineParts(records)
    case .fatebook: fatebookParts(records)
    case .claimreview: [Array(claimReview(records).utf8)]
    }
  }

  /// A number in its shortest form that reads back exactly, as the JSON writes it.
  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : value.description
  }

  /// One row per claim; tags joined by `;`; UTF-8 with a header row and CRLF line ends.
  public static func csv(_ records: [ClaimRecord]) -> String { render(records, as: .csv) }

  static func csvParts(_ records: [ClaimRecord]) -> [[UInt8]] {
    [header(csvColumns)] + rowParts(records) { record, csv in csvRow(record, into: &csv) }
  }

  static func csvRow(_ record: ClaimRecord, into csv: inout CSVRowWriter) {
    let claim = record.claim
    let resolution = record.resolution
    csv.plain(record.id.description)
    csv.text(stored: claim.storedText)
    csv.text(stored: claim.storedQuote)
    csv.text(claim.source)
    csv.text(claim.via)
    csv.text(stored: claim.storedURL)
    csv.plain(claim.said?.description ?? "")
    csv.plain(claim.deadline?.description ?? "")
    csv.text(claim.deadlineText)
    csv.plain(number(claim.confidence.value))
    csv.text(claim.hedge)
    csv.text(claim.lang)
    csv.text(claim.tags.joined(separator: ";"))
    csv.plain(claim.isConditional ? "true" : "false")
    csv.plain(record.status.rawValue)
    csv.plain(resolution?.outcome.rawValue ?? "")
    csv.plain(resolution?.on.description ?? "")
    csv.text(resolution?.evidence)
    csv.text(resolution?.reason?.rawValue ?? record.rejection)
    csv.text(resolution?.note ?? record.note)
    csv.text(claim.document)
    csv.plain(record.recordedAt.description)
    csv.endRow()
  }

  private static func header(_ columns: [String]) -> [UInt8] {
    var csv = CSVRowWriter()
    for column in columns { csv.plain(column) }
    csv.endRow()
    return csv.bytes
  }

  /// CSV rows of `records`, rendered in parts on all cores, in order.
  private static func rowParts(
    _ records: [ClaimRecord], rendering row: @Sendable (ClaimRecord, inout CSVRowWriter) -> Void
  ) -> [[UInt8]] {
    ParallelMap.parts(count: records.count) { range in
      var csv = CSVRowWriter()
      for index in range { row(records[index], &csv) }
      return csv.bytes
    }
  }

  /// One claim per line, the object `list --json` writes for it.
  public static func jsonLines(_ records: [ClaimRecord]) -> String {
    render(records, as: .jsonl)
  }

  static func jsonLineParts(_ records: [ClaimRecord]) -> [[UInt8]] {
    ParallelMap.parts(count: records.count) { range in
      var json = JSONBuffer()
      for index in range {
        json.startNewValue()
        records[index].writeJSON(into: &json)
        json.appendVerbatim("\n")
      }
      return json.bytes
    }
  }

  /// Fatebook's spreadsheet import: the forecast in percent, YES, NO or AMBIGUOUS.
  ///
  /// Fatebook has no partial outcome and no source, so both travel in the notes as
  /// `source: NAME` and `outcome: partial` lines (partial is written AMBIGUOUS, as void is,
  /// since Fatebook leaves both unscored); `FatebookImport` reads them back.
  public static func fatebook(_ records: [ClaimRecord]) -> String {
    render(records, as: .fatebook)
  }

  static func fatebookParts(_ records: [ClaimRecord]) -> [[UInt8]] {
    [header(fatebookColumns)] + rowParts(records, rendering: fatebookRow)
  }

  static func fatebookRow(_ record: ClaimRecord, into csv: inout CSVRowWriter) {
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
    let created = claim.said?.description ?? record.recordedAt.day.description
    csv.text(stored: claim.storedText)
    csv.plain(DecimalFormat.trimmed(claim.confidence.value * 100, places: 2))
    csv.plain(created)
    csv.plain(resolution)
    csv.plain(record.resolution?.on.description ?? "")
    csv.plain(claim.deadline?.description ?? "")
    csv.plain(created)
    csv.text(claim.tags.joined(separator: ";"))
    csv.text(notes.joined(separator: "\n"))
    csv.endRow()
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
