import ClaimLedger
import ClaimReports
import Dispatch
import Foundation

extension Context {
  /// Loads and folds the ledger.
  func loadLedger() throws(LedgerError) -> Ledger {
    let ledger = try store.load()
    terminal.output?.keepUntilExit(ledger)
    return ledger
  }

  /// The aliases of `Claims/sources.json` beside the ledger (none when it is absent).
  func sourceAliases() throws(LedgerError) -> SourceAliases {
    let directory = (ledgerPath as NSString).deletingLastPathComponent
    return try SourceAliases.load(
      path: (directory as NSString).appendingPathComponent("sources.json"))
  }

  /// The files beside a ledger that change what commands make of it: its source aliases and
  /// its lexicon.
  static let sideFileNames = ["sources.json", "lexicon.json"]

  /// The side files of the ledger at `ledgerPath`, by path, in `sideFileNames` order.
  static func sideFilePaths(ledgerPath: String) -> [(name: String, path: String)] {
    let directory = (ledgerPath as NSString).deletingLastPathComponent as NSString
    return sideFileNames.map { ($0, directory.appendingPathComponent($0)) }
  }

  /// `sources.json` and `lexicon.json` beside the ledger, those that exist, by SHA-256: they
  /// change a scorecard's figures, so it names them as it names the ledger.
  func sideFileDigests() -> [SideFile] {
    Context.sideFilePaths(ledgerPath: ledgerPath).compactMap { name, path in
      FileManager.default.contents(atPath: path).map {
        SideFile(name: name, sha256: SHA256.hex(of: $0))
      }
    }
  }

  /// What a command that wrote `entries` about `record` prints: with `--json`, the claim as it
  /// stands after them (as `show --json` would print it), else `text`.
  func written(_ record: ClaimRecord, _ entries: [Entry], else text: String) -> String {
    json ? ClaimJSON.object(record.folding(entries)) : text
  }

  /// The same for several claims, each with its own entries among `entries`: a JSON array.
  func written(_ records: [ClaimRecord], _ entries: [Entry], else text: String) -> String {
    guard json else { return text }
    let byClaim = Dictionary(grouping: entries, by: \.id)
    return ClaimJSON.render(records.map { $0.folding(byClaim[$0.id] ?? []) })
  }

  /// The notes a read command adds when the fold found problems.
  func notes(for ledger: Ledger, scoring: Bool = false) -> [String] {
    let errors = ledger.issues.filter { $0.severity == .error }.count
    guard errors > 0 else { return [] }
    // How a conflict is scored, only when the ledger holds one.
    return notes(
      problemCount: errors,
      scoring: scoring && ledger.records.contains { $0.hasConflictingResolutions })
  }

  /// The same, from the count of errors alone. Only what the fold met is counted (reading
  /// every claim's dates and texts as `check` does would cost each command a pass), so the
  /// note does not claim to be the whole of `check`'s count.
  /// `scoring`: the command scores sources, and says how a claim the merge left undecided
  /// counts.
  func notes(problemCount errors: Int, scoring: Bool = false) -> [String] {
    guard errors > 0 else { return [] }
    return [
      "warning: \(errors) entr\(errors == 1 ? "y" : "ies") of the ledger did not fold cleanly; "
        + "'claims check' lists \(errors == 1 ? "it" : "them") with any other problems"
        + (scoring
          ? "; a claim whose resolutions conflict is scored as open until a new entry settles it"
          : "")
    ]
  }
}

/// Checks on free text typed on the command line, before it can reach the ledger: the rules
/// of `FieldRules`, with the option named in the message.
enum TextArgument {
  /// `text` trimmed, as `rule` takes it; a refusal names `option`.
  static func checked(
    _ text: String, option: String, command: String,
    by rule: (String) throws(FieldRules.Refusal) -> String
  ) throws(UsageError) -> String {
    do {
      return try rule(text.trimmingSpaces())
    } catch {
      let separator = if case .notAWebLink = error { ": " } else { " " }
      throw UsageError(option + separator + error.description, command: command)
    }
  }

  /// Trimmed, not empty, no control character but line breaks and tabs.
  static func nonEmpty(_ text: String, option: String, command: String) throws(UsageError) -> String
  {
    try checked(text, option: option, command: command, by: FieldRules.required)
  }

  /// Links must be http or https, so a report can link them safely.
  static func url(_ text: String, command: String) throws(UsageError) -> String {
    try checked(text, option: "--url", command: command, by: FieldRules.link)
  }
}

extension ParsedInput {
  /// The option's text, trimmed and checked by `TextArgument.nonEmpty`; nil when not given.
  func text(_ option: String) throws(UsageError) -> String? {
    guard let value = self.option(option) else { return nil }
    return try TextArgument.nonEmpty(value, option: option, command: spec.name)
  }

  /// Every value of a repeatable tag option, each checked like `text(_:)` and without `;`;
  /// a tag given again (in any case) is kept once.
  func tags(_ option: String) throws(UsageError) -> [String] {
    var values: [String] = []
    for value in options(option) {
      values.append(
        try TextArgument.checked(value, option: option, command: spec.name, by: FieldRules.tag))
    }
    return FieldRules.distinctTags(values)
  }

  /// `--url`, checked to be an http or https link; nil when not given.
  func link(_ option: String) throws(UsageError) -> String? {
    guard let value = self.option(option) else { return nil }
    return try TextArgument.url(value, command: spec.name)
  }
}

/// How sure a claim sounded, from `--confidence` or `--hedge`.
enum ConfidenceArgument {
  /// A number, and the word it was given with if any: the number wins, the word is recorded.
  case number(Confidence, hedge: String?)
  /// A word of the hedge table alone, whose value depends on how the claim is worded.
  case word(Hedge)

  static func read(_ input: ParsedInput) throws(UsageError) -> ConfidenceArgument? {
    let command = input.spec.name
    let confidence = try input.option("--confidence", as: Confidence.self)
    let hedgeWord = try input.text("--hedge")
    if let confidence { return .number(confidence, hedge: hedgeWord) }
    guard let hedgeWord else { return nil }
    guard let hedge = HedgeScale.standard.hedge(named: hedgeWord) else {
      // A number in words (七成, 70%) is a confidence, not a hedge word.
      if Confidence(text: hedgeWord) != nil {
        throw UsageError(
          "--hedge: '\(hedgeWord)' is a number, not a hedge word; give it as --confidence "
            + "\(hedgeWord)", command: command)
      }
      let words = HedgeScale.standard.hedges.map(\.word)
      let matches = Suggestion.closest(to: hedgeWord, among: words)
      let hint =
        matches.isEmpty
        ? "" : " (did you mean " + matches.map { "'\($0)'" }.joined(separator: " or ") + "?)"
      throw UsageError(
        "--hedge: '\(hedgeWord)' is not in the hedge table\(hint); give --confidence with it to "
          + "record it anyway", command: command)
    }
    return .word(hedge)
  }

  /// The confidence and word of a claim whose text is `text` (`HedgeScale.confidence`).
  func value(forText text: String) -> (Confidence, hedge: String?) {
    switch self {
    case .number(let confidence, let hedge):
      return (confidence, hedge)
    case .word(let hedge):
      return (HedgeScale.confidence(of: hedge, forText: text), hedge.word)
    }
  }
}

/// The claim table of `list` and `due`.
enum ClaimTable {
  /// The rows of `records` at `positions`, made as they are written.
  static func render(
    _ positions: [Int], of records: [ClaimRecord], today: Day, terminal: Terminal,
    aliases: SourceAliases
  ) throws(OutputError) -> String {
    let table = StreamingTable(
      columns: [
        .init("ID"), .init("SAID"), .init("DUE"), .init("CONF", alignment: .right),
        .init("STATUS"), .init("SOURCE", yieldsToFlexible: true), .init("TEXT", isFlexible: true),
      ], count: positions.count
    ) { row in
      let record = records[positions[row]]
      // One copy of the claim per row: each copy retains every text of the claim.
      let claim = record.claim
      return [
        record.id.description, claim.said?.description ?? "—", claim.deadline?.description ?? "—",
        claim.confidence.percent, statusWord(record, today: today),
        aliases.canonical(claim.source), claim.text,
      ]
    }
    var writer = OutputWriter(terminal)
    try table.write(
      width: terminal.isInteractive ? terminal.width ?? 100 : terminal.width,
      // Painting is the identity without colour, so plain output skips it.
      style: terminal.usesColour
        ? { row, column, cell in
          guard column == 4 else { return cell }
          return paint(cell, for: records[positions[row]], today: today, terminal: terminal)
        } : nil, to: &writer)
    return writer.text
  }

  /// `overdue` for open claims past their deadline, `conflict` for a claim resolved twice
  /// differently, the outcome for resolved ones, else the status.
  static func statusWord(_ record: ClaimRecord, today: Day) -> String {
    if record.hasConflictingResolutions { return "conflict" }
    if record.isOverdue(on: today) { return "overdue" }
    if let outcome = record.outcome { return outcome.rawValue }
    return record.status.rawValue
  }

  static func paint(_ cell: String, for record: ClaimRecord, today: Day, terminal: Terminal)
    -> String
  {
    if record.isOverdue(on: today) || record.hasConflictingResolutions {
      return terminal.paint(cell, .red)
    }
    switch record.outcome {
    case .true: return terminal.paint(cell, .green)
    case .false: return terminal.paint(cell, .red)
    case .partial: return terminal.paint(cell, .yellow)
    case .void: return terminal.paint(cell, .dim)
    case nil: break
    }
    switch record.status {
    case .proposed: return terminal.paint(cell, .yellow)
    case .rejected: return terminal.paint(cell, .dim)
    default: return cell
    }
  }
}

/// Claims as a JSON array, one claim per line, for `--json`.
enum ClaimJSON {
  /// One claim as a JSON object on one line: what `show --json` prints, and what a command
  /// that wrote one claim prints with `--json`.
  static func object(_ record: ClaimRecord) -> String {
    var json = JSONBuffer()
    record.writeJSON(into: &json)
    return json.text + "\n"
  }

  /// The array as text (what in-process runs and tests see).
  static func render(_ records: [ClaimRecord]) -> String {
    var writer = OutputWriter(.plain())
    // Collecting into memory cannot fail.
    try? write(records.indices, of: records, to: &writer)
    return writer.text
  }

  /// Writes the array through `writer` in batches of records rendered on all cores, each
  /// batch written in order as soon as it is done, so the whole output never sits in memory.
  /// `extras`, when given, adds members after a claim's own (`,"impact":0.774`, …).
  static func write(
    _ positions: some Sequence<Int>, of records: [ClaimRecord], to writer: inout OutputWriter,
    extras: (@Sendable (Int) -> [UInt8])? = nil
  ) throws(OutputError) {
    let positions = Array(positions)
    try writer.write(Array("[".utf8))
    let batchSize = 16_384
    var batchStart = 0
    while batchStart < positions.count {
      let batch = batchStart..<min(positions.count, batchStart + batchSize)
      let parts = batch.count < 512 ? 1 : 4 * ProcessInfo.processInfo.activeProcessorCount
      let partSize = (batch.count + parts - 1) / parts
      let rendered = RenderedParts(count: parts)
      DispatchQueue.concurrentPerform(iterations: parts) { part in
        let start = batch.lowerBound + part * partSize
        let range = min(batch.upperBound, start)..<min(batch.upperBound, start + partSize)
        var json = JSONBuffer()
        for index in range {
          json.appendVerbatim(index == 0 ? "\n" : ",\n")
          if let extras {
            var one = JSONBuffer()
            records[positions[index]].writeJSON(into: &one)
            var object = one.bytes
            if object.last == UInt8(ascii: "}") {
              object.removeLast()
              object += extras(positions[index]) + [UInt8(ascii: "}")]
            }
            json.raw(object)
          } else {
            records[positions[index]].writeJSON(into: &json)
          }
          json.startNewValue()
        }
        rendered.store(json.bytes, at: part)
      }
      for part in 0..<parts { try writer.write(rendered.bytes(at: part)) }
      batchStart = batch.upperBound
    }
    try writer.write(Array((positions.isEmpty ? "]\n" : "\n]\n").utf8))
  }

  /// One rendered part per worker; each slot is written by one worker and read after all.
  private final class RenderedParts: @unchecked Sendable {
    private let parts: UnsafeMutableBufferPointer<[UInt8]>

    init(count: Int) {
      parts = .allocate(capacity: count)
      parts.initialize(repeating: [])
    }

    deinit {
      parts.deinitialize()
      parts.deallocate()
    }

    func store(_ bytes: [UInt8], at index: Int) { parts[index] = bytes }

    func bytes(at index: Int) -> [UInt8] { parts[index] }
  }
}
