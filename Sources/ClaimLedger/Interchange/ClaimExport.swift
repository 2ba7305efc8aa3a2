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
    var bytes: [UInt8] = []
    write(Array(records.indices), of: records, as: format) { bytes += $0 }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Writes the export of `records[positions]` through `emit` in order, in batches of records
  /// rendered on all cores: a million claims never sit in memory as one export, and nothing
  /// is copied out of the ledger to choose them. `review` is what ClaimReview needs besides.
  public static func write<Failure: Error>(
    _ positions: [Int], of records: [ClaimRecord], as format: ExportFormat,
    review: ClaimReviewOptions = ClaimReviewOptions(),
    to emit: ([UInt8]) throws(Failure) -> Void
  ) throws(Failure) {
    switch format {
    case .csv, .fatebook:
      let row: @Sendable (ClaimRecord, inout CSVRowWriter) -> Void =
        format == .csv ? csvRow : fatebookRow
      try emit(header(format == .csv ? csvColumns : fatebookColumns))
      try writeBatches(of: positions, to: emit) { part in
        var csv = CSVRowWriter(capacity: part.count * 1_024)
        // Through the buffer, since reading a record out of the array copies it.
        records.withUnsafeBufferPointer { records in
          for position in part { row(records[position], &csv) }
        }
        return csv.bytes
      }
    case .jsonl:
      try writeBatches(of: positions, to: emit) { part in
        var json = JSONBuffer(capacity: part.count * 2_048)
        records.withUnsafeBufferPointer { records in
          for position in part {
            json.startNewValue()
            records[position].writeJSON(into: &json)
            json.appendVerbatim("\n")
          }
        }
        return json.bytes
      }
    case .claimreview:
      try emit(Array(claimReview(positions.map { records[$0] }, options: review).utf8))
    }
  }

  /// Records per batch: a few megabytes of output, enough to keep every core busy.
  public static let batchSize = 8_192

  /// Renders each batch of `positions` in parts on all cores and emits the parts in order;
  /// the next batch is rendered while this one is written, so the cores are not idle while
  /// the file takes the bytes.
  private static func writeBatches<Failure: Error>(
    of positions: [Int], to emit: ([UInt8]) throws(Failure) -> Void,
    renderingPart render: @escaping @Sendable (ArraySlice<Int>) -> [UInt8]
  ) throws(Failure) {
    let batches = stride(from: 0, to: positions.count, by: batchSize).map {
      $0..<min(positions.count, $0 + batchSize)
    }
    @Sendable func rendered(_ batch: Range<Int>) -> [[UInt8]] {
      ParallelMap.parts(count: batch.count) { part in
        render(
          positions[(batch.lowerBound + part.lowerBound)..<(batch.lowerBound + part.upperBound)])
      }
    }
    guard let first = batches.first else { return }
    var current = rendered(first)
    let next = WorkerSlots<[[UInt8]]>(count: 1)
    let group = DispatchGroup()
    // A failed write must not return while the next batch is still being rendered.
    defer { group.wait() }
    for index in batches.indices {
      if index + 1 < batches.count {
        let batch = batches[index + 1]
        DispatchQueue.global().async(group: group) { next.store(rendered(batch), at: 0) }
      }
      for part in current where !part.isEmpty { try emit(part) }
      group.wait()
      if index + 1 < batches.count { current = next.values[0] ?? [] }
    }
  }

  /// A number in its shortest form that reads back exactly, as the JSON writes it.
  static func number(_ value: Double) -> String {
    Spelling.string(capacity: Spelling.maximumNumberCount) { bytes in
      Spelling.append(to: &bytes) { Spelling.writeNumber(value, to: $0) }
    }
  }

  /// One row per claim; tags joined by `;`; UTF-8 with a header row and CRLF line ends.
  public static func csv(_ records: [ClaimRecord]) -> String { render(records, as: .csv) }

  /// The record's row, its fields read in place (`withClaim`) rather than through a copy of
  /// the claim that retains and releases each of its texts.
  static func csvRow(_ record: ClaimRecord, into csv: inout CSVRowWriter) {
    record.withClaim { claim in csvRow(record, claim, into: &csv) }
  }

  private static func csvRow(_ record: ClaimRecord, _ claim: Claim, into csv: inout CSVRowWriter) {
    let resolution = record.resolution
    csv.id(record.id)
    csv.text(stored: claim.storedText)
    csv.text(stored: claim.storedQuote)
    csv.text(claim.source)
    csv.text(claim.via)
    csv.text(stored: claim.storedURL)
    csv.day(claim.said)
    csv.day(claim.deadline)
    csv.text(claim.deadlineText)
    csv.number(claim.confidence.value)
    csv.text(claim.hedge)
    csv.text(claim.lang)
    csv.text(tagList(claim.tags))
    csv.plain(claim.isConditional ? "true" : "false")
    csv.plain(record.status.rawValue)
    csv.plain(resolution?.outcome.rawValue ?? "")
    csv.day(resolution?.on)
    csv.text(stored: resolution?.storedEvidence)
    csv.text(resolution?.reason?.rawValue ?? record.rejection)
    csv.text(resolution?.note ?? record.note)
    csv.text(claim.document)
    csv.timestamp(record.recordedAt)
    csv.endRow()
  }

  /// Tags joined by `;`; a claim's single tag, as most have, is written as it is, with no new
  /// string.
  private static func tagList(_ tags: [String]) -> String {
    tags.count == 1 ? tags[0] : tags.joined(separator: ";")
  }

  private static func header(_ columns: [String]) -> [UInt8] {
    var csv = CSVRowWriter()
    for column in columns { csv.plain(column) }
    csv.endRow()
    return csv.bytes
  }

  /// One claim per line, the object `list --json` writes for it.
  public static func jsonLines(_ records: [ClaimRecord]) -> String {
    render(records, as: .jsonl)
  }

  /// Fatebook's spreadsheet import: the forecast in percent, YES, NO or AMBIGUOUS.
  ///
  /// Fatebook has no partial outcome, no source and no quote, so what it cannot hold travels
  /// in the notes as `FatebookNotes` lines (partial is written AMBIGUOUS, as void is, since
  /// Fatebook leaves both unscored); `FatebookImport` reads them back.
  public static func fatebook(_ records: [ClaimRecord]) -> String {
    render(records, as: .fatebook)
  }

  static func fatebookRow(_ record: ClaimRecord, into csv: inout CSVRowWriter) {
    record.withClaim { claim in fatebookRow(record, claim, into: &csv) }
  }

  private static func fatebookRow(
    _ record: ClaimRecord, _ claim: Claim, into csv: inout CSVRowWriter
  ) {
    let resolution: String
    switch record.outcome {
    case .true: resolution = "YES"
    case .false: resolution = "NO"
    case .partial, .void: resolution = "AMBIGUOUS"
    case nil: resolution = ""
    }
    var notes = FatebookNotes()
    notes.source = claim.source
    notes.id = record.id.description
    notes.via = claim.via
    notes.url = claim.url
    notes.quote = claim.quote
    notes.hedge = claim.hedge
    notes.lang = claim.lang
    notes.deadlineText = claim.deadlineText
    notes.isConditional = claim.isConditional
    notes.isPartial = record.outcome == .partial
    switch record.status {
    case .proposed, .rejected: notes.status = record.status.rawValue
    case .open, .resolved: break
    }
    notes.reason = record.resolution?.reason?.rawValue ?? record.rejection
    notes.evidence = record.resolution?.evidence
    // The tags column is joined by commas, so tags that hold one travel here whole.
    if claim.tags.contains(where: { $0.contains(",") }) { notes.tags = claim.tags }
    notes.note = record.resolution?.note ?? record.note
    notes.hasNoSaidDate = claim.said == nil
    notes.document = claim.document
    // Fatebook's import reads the created date as the day it was said: a claim without one
    // takes the day it was recorded, or the day it was resolved if that came first, so the
    // file reads back without a resolution before the claim.
    let recorded = record.recordedAt.day
    let created = (claim.said ?? record.resolution.map { min($0.on, recorded) } ?? recorded)
      .description
    csv.text(stored: claim.storedText)
    csv.plain(DecimalFormat.percent(claim.confidence.value))
    csv.plain(created)
    csv.plain(resolution)
    csv.day(record.resolution?.on)
    csv.day(claim.deadline)
    csv.plain(created)
    // Fatebook's own column joins tags with a comma and a space.
    csv.text(claim.tags.count == 1 ? claim.tags[0] : claim.tags.joined(separator: ", "))
    csv.text(notes.text)
    csv.endRow()
  }
}
