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
/// Full-width forms match their ASCII (`ＡＩ` is `ai`), as `--source` takes them. A word of
/// ASCII, Chinese characters, CJK punctuation and emoji (which have no case and no other
/// canonical spelling) is found byte by byte, ASCII letters in either case, and only where it
/// ends a whole character: "cafe" is not found in "café" written with a combining accent, nor
/// 👍 in 👍🏽. Any other word (É, Ж, Hangul, a combining mark) is compared as `String`s
/// compare, on the lowercased text, the slow way.
struct SearchKey: Sendable {
  /// The word lowercased.
  let word: String
  private let bytes: [UInt8]
  private let isByteComparable: Bool

  init(_ word: String) {
    self.word = FullWidth.folded(word).lowercased()
    bytes = Array(self.word.utf8)
    isByteComparable = self.word.unicodeScalars.allSatisfy(SearchKey.isInert)
  }

  /// A scalar with no case, no decomposition and no way to join the one before it.
  private static func isInert(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20...0x7E, 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF20,
      0xFF3B...0xFF40, 0xFF5B...0xFF65, 0x1F300...0x1F3FA, 0x1F400...0x1FAFF:
      return true
    default:
      return false
    }
  }

  /// Whether the scalar starting at `index` of `text` joins the character before it: a
  /// combining mark, a joiner, a variation selector or an emoji modifier.
  private static func extendsCharacter(_ text: UnsafeRawBufferPointer, at index: Int) -> Bool {
    guard index < text.count, text[index] >= 0x80 else { return false }
    var end = index + 1
    while end < text.count, text[end] & 0xC0 == 0x80 { end += 1 }
    guard
      let scalar = String(
        decoding: UnsafeRawBufferPointer(rebasing: text[index..<end]), as: UTF8.self
      )
      .unicodeScalars.first
    else { return false }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: break
    }
    return scalar.value == 0x200D || (0xFE00...0xFE0F).contains(scalar.value)
      || (0x1F3FB...0x1F3FF).contains(scalar.value) || (0xE0020...0xE007F).contains(scalar.value)
  }

  /// Whether the word occurs in `text`, UTF-8.
  func occurs(in text: UnsafeRawBufferPointer) -> Bool {
    guard isByteComparable else {
      return FullWidth.folded(String(decoding: text, as: UTF8.self)).lowercased().contains(word)
    }
    guard let first = bytes.first else { return true }
    for start in text.indices {
      // Most bytes are ruled out here: a word starts with ASCII or a character's first byte,
      // and a full-width form (EF …) may stand for ASCII.
      let byte = text[start]
      if byte < 0x80 {
        if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != first { continue }
      } else if byte != first, byte != 0xEF {
        continue
      }
      // Whole characters only: not after a joiner (U+200D), nor joined to the one after.
      let isJoined =
        start >= 3 && text[start - 3] == 0xE2 && text[start - 2] == 0x80 && text[start - 1] == 0x8D
      if !isJoined, let end = matchEnd(in: text, from: start),
        !Self.extendsCharacter(text, at: end)
      {
        return true
      }
    }
    return false
  }

  /// Where the word ends in `text` when it starts at `start`, reading a full-width form as its
  /// ASCII and an ASCII capital as its small letter; nil when it does not start there.
  private func matchEnd(in text: UnsafeRawBufferPointer, from start: Int) -> Int? {
    var index = start
    for expected in bytes {
      guard index < text.count else { return nil }
      var byte = text[index]
      var length = 1
      // U+FF01 to U+FF5E, EF BC 81 to EF BD 9E: the full-width forms of ASCII 0x21 to 0x7E.
      if byte == 0xEF, index + 2 < text.count, text[index + 1] == 0xBC || text[index + 1] == 0xBD {
        let value = (UInt32(text[index + 1] & 0x3F) << 6 | UInt32(text[index + 2] & 0x3F)) + 0xF000
        if (0xFF01...0xFF5E).contains(value) {
          byte = UInt8(value - 0xFEE0)
          length = 3
        }
      }
      if byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
      guard byte == expected else { return nil }
      index += length
    }
    return index
  }
}
