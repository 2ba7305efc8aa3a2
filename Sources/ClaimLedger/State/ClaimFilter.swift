/// Which claims a listing shows; every condition given must hold.
public struct ClaimFilter: Sendable {
  public var status: Status?
  public var outcome: Outcome?
  /// A source, matched through the aliases without regard to case, width or spacing
  /// (`SourceAliases.sourceKey`).
  public var source: String?
  public var tag: String?
  public var saidFrom: Day?
  public var saidTo: Day?
  /// Deadline strictly before this day.
  public var dueBefore: Day?
  /// Only claims past their deadline that wait for a resolution: open ones, and those whose
  /// resolutions conflict (`ClaimRecord.isOverdue`).
  public var isOverdueOnly = false
  /// Words that must all occur (case-insensitively) in the text, quote, source or via.
  public var searchWords: [String] = []
  /// Whether a claim whose resolutions conflict is taken as open with no outcome, as the
  /// scores and `due` count it (`list`); else by the status and outcome it records (`export`,
  /// which writes the later resolution and says so).
  public var countsConflictsAsOpen = false

  public init() {}

  /// Whether the filter keeps every claim: no condition is set.
  public var keepsEverything: Bool {
    status == nil && outcome == nil && !needsClaim
  }

  /// Whether a condition reads the claim itself, not only the record's status and outcome.
  private var needsClaim: Bool {
    source != nil || tag != nil || saidFrom != nil || saidTo != nil || dueBefore != nil
      || isOverdueOnly || !searchWords.isEmpty
  }

  /// Whether `record` passes; `aliases` maps its source to the canonical name first.
  public func matches(_ record: ClaimRecord, today: Day, aliases: SourceAliases) -> Bool {
    // With --overdue, as the overdue count them too: so adding it to `--status open` never
    // finds more.
    let asScored = countsConflictsAsOpen || isOverdueOnly
    if let status, (asScored ? record.scoredStatus : record.status) != status { return false }
    if let outcome, (asScored ? record.scoredResolution?.outcome : record.outcome) != outcome {
      return false
    }
    if !needsClaim { return true }
    // Only now, since a copy of the claim retains each of its texts.
    let claim = record.claim
    if let source, aliases.sourceKey(claim.source) != aliases.sourceKey(source) {
      return false
    }
    if let tag, !claim.tags.contains(where: { $0.lowercased() == tag.lowercased() }) {
      return false
    }
    if let saidFrom {
      guard let said = claim.said, said >= saidFrom else { return false }
    }
    if let saidTo {
      guard let said = claim.said, said <= saidTo else { return false }
    }
    if let dueBefore {
      guard let deadline = claim.deadline, deadline < dueBefore else { return false }
    }
    if isOverdueOnly, !record.isOverdue(on: today) { return false }
    if !searchWords.isEmpty {
      let haystack = [claim.text, claim.quote ?? "", claim.source, claim.via ?? ""]
        .joined(separator: "\n").lowercased()
      for word in searchWords where !haystack.contains(word.lowercased()) { return false }
    }
    return true
  }
}
