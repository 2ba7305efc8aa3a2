import ClaimLedger

/// What `accept`, `reject` and `review` share.
enum ReviewDecision {
  /// Reasons people give for rejecting a proposal.
  static let usualReasons = [
    "not-a-forecast", "past-fact", "vague", "question", "advice", "duplicate", "wrong-speaker",
  ]

  /// Which proposed claims a walk or a batch takes; nil fields select everything.
  struct Filter: Sendable {
    var source: String?
    /// An article: the path as typed at extraction, or its file name.
    var document: String?
    var tag: String?

    var isEmpty: Bool { source == nil && document == nil && tag == nil }

    /// The proposed claims it selects, oldest first.
    func queue(in ledger: Ledger, aliases: SourceAliases) -> [ClaimRecord] {
      ledger.records.filter { $0.status == .proposed && selects($0, aliases: aliases) }
        .sorted { ($0.recordedAt, $0.line) < ($1.recordedAt, $1.line) }
    }

    /// Whether the record passes, whatever its status.
    func selects(_ record: ClaimRecord, aliases: SourceAliases) -> Bool {
      // Without regard to case, as `list --source` and `list --tag` match them.
      (source.map { aliases.sourceKey(record.claim.source) == aliases.sourceKey($0) } ?? true)
        && (tag.map { tag in
          record.claim.tags.contains { $0.lowercased() == tag.trimmingSpaces().lowercased() }
        } ?? true)
        && (document.map { ReviewCommand.names(record.claim.document, $0) } ?? true)
    }

    /// "from nope.md, by Kuo, tagged ai": what the filter asks, for a message.
    var described: String {
      [
        document.map { "from \($0)" }, source.map { "by \($0)" }, tag.map { "tagged \($0)" },
      ].compactMap { $0 }.joined(separator: ", ")
    }
  }

  /// The filter of `--all`, or nil when ids are named; refuses both, neither, or `--all` with
  /// no filter, so a batch never takes the whole queue by accident.
  static func batch(
    _ input: ParsedInput, ids: [String], filter: Filter, needs: String, command: String
  ) throws(UsageError) -> Filter? {
    guard input.flag("--all") else {
      guard !ids.isEmpty else {
        throw UsageError("name at least one proposed claim, or use --all", command: command)
      }
      return nil
    }
    guard ids.isEmpty else { throw UsageError("give ids or --all, not both", command: command) }
    guard !filter.isEmpty else {
      throw UsageError("--all needs \(needs) to say which claims", command: command)
    }
    return filter
  }

  /// What a batch selects, or else the records the ids name.
  static func records(
    _ ids: [String], or batch: Filter?, in ledger: Ledger, aliases: SourceAliases
  ) throws(LedgerError) -> [ClaimRecord] {
    guard let batch else { return try proposedRecords(ids, in: ledger) }
    let queue = batch.queue(in: ledger, aliases: aliases)
    // None proposed is a queue done; no claim at all is most likely a mistyped name, which a
    // script must not take for success.
    if queue.isEmpty, !ledger.records.contains(where: { batch.selects($0, aliases: aliases) }) {
      throw .noMatch("no claim in the ledger is \(batch.described)")
    }
    return queue
  }

  /// The records the ids name, each of which must be proposed, or accepted and rejected by
  /// two clones (a new decision settles that); a repeated id counts once.
  static func proposedRecords(_ ids: [String], in ledger: Ledger) throws(LedgerError)
    -> [ClaimRecord]
  {
    var records: [ClaimRecord] = []
    for prefix in ids {
      let record = try ledger.record(withPrefix: prefix)
      guard record.status == .proposed || record.hasConflictingDecisions else {
        throw .invalidTransition(
          id: record.id, reason: "is \(record.status.rawValue), not proposed; nothing was recorded")
      }
      if !records.contains(where: { $0.id == record.id }) { records.append(record) }
    }
    return records
  }
}
