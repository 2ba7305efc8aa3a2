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
  public var searchWords: [String] = [] {
    didSet { searchKeys = searchWords.map(SearchKey.init) }
  }
  /// The words, prepared once to be found in each claim's UTF-8.
  private var searchKeys: [SearchKey] = []
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
    if !searchKeys.isEmpty {
      var source = claim.source
      var via = claim.via ?? ""
      let isFound = claim.withTextUTF8 { text, quote in
        source.withUTF8 { source in
          via.withUTF8 { via in
            searchKeys.allSatisfy { key in
              key.occurs(in: text) || quote.map(key.occurs) == true
                || key.occurs(in: UnsafeRawBufferPointer(source))
                || key.occurs(in: UnsafeRawBufferPointer(via))
            }
          }
        }
      }
      if !isFound { return false }
    }
    return true
  }
}

/// A search word, found in a text's UTF-8 as it is kept, without decoding it or lowercasing
/// it: a million claims' texts would be a million strings made and folded for each search.
///
/// ASCII letters match either case byte by byte. A word with a non-ASCII letter that has case
/// (É, Ж) is compared with the text lowercased, the slow way; Chinese and emoji have no case.
struct SearchKey: Sendable {
  /// The word lowercased.
  let word: String
  private let bytes: [UInt8]
  private let needsLowercasing: Bool

  init(_ word: String) {
    self.word = word.lowercased()
    bytes = Array(self.word.utf8)
    needsLowercasing = self.word.unicodeScalars.contains {
      !$0.isASCII && ($0.properties.changesWhenUppercased || $0.properties.changesWhenLowercased)
    }
  }

  /// Whether the word occurs in `text`, UTF-8.
  func occurs(in text: UnsafeRawBufferPointer) -> Bool {
    if needsLowercasing {
      return String(decoding: text, as: UTF8.self).lowercased().contains(word)
    }
    guard let first = bytes.first else { return true }
    guard text.count >= bytes.count else { return false }
    let folded = { (byte: UInt8) in byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
    for start in 0...(text.count - bytes.count) where folded(text[start]) == first {
      var matched = 1
      while matched < bytes.count, folded(text[start + matched]) == bytes[matched] { matched += 1 }
      if matched == bytes.count { return true }
    }
    return false
  }
}
