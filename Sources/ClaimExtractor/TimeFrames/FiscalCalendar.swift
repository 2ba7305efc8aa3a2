import ClaimLedger

/// The ends of fiscal years an article states ("fiscal 2027, which ends June 30, 2027"), so
/// that "fiscal 2027" alone elsewhere in it ends there too rather than at the latest day a
/// fiscal year named 2027 may end.
struct FiscalCalendar: Sendable, Equatable {
  /// The stated last day of each fiscal year, by the year that names it.
  private(set) var ends: [Int: Day] = [:]

  init() {}

  /// What the lines of `document` state; only lines holding "fiscal" are read.
  init(document: Document, context: TimeContext) {
    for line in document.sections.lazy.flatMap(\.lines)
    where Self.spellings.contains(where: { ByteText.contains(line.utf8, $0) }) {
      for frame in TimeFrameFinder.frames(in: line.text, context: context) {
        guard Self.statesEnd(frame.words), let year = Self.fiscalYear(in: frame.words) else {
          continue
        }
        ends[year] = ends[year] ?? frame.deadline
      }
    }
  }

  /// The day a frame on a bare fiscal year ("fiscal 2027", "fiscal year 2027") ends, when the
  /// article stated it; nil for any other frame.
  func deadline(of frame: TimeFrame) -> Day? {
    guard !Self.statesEnd(frame.words), let year = Self.fiscalYear(in: frame.words) else {
      return nil
    }
    return ends[year]
  }

  /// Whether the words say where the fiscal year ends ("which ends", "which runs … through").
  private static func statesEnd(_ words: String) -> Bool {
    let lowered = words.lowercased()
    return ["which ends", "ending ", "which runs", "running "].contains(where: lowered.contains)
  }

  /// The year after "fiscal" or "fiscal year" in `words`.
  static func fiscalYear(in words: String) -> Int? {
    // Asked of every window a claim has; most hold no "fiscal".
    guard
      ByteText.contains(Array(words.utf8), iscal)
        || ByteText.contains(Array(words.utf8), iscalUpper)
    else { return nil }
    let lowered = words.lowercased()
    guard let range = lowered.range(of: "fiscal ") else { return nil }
    var rest = lowered[range.upperBound...]
    if rest.hasPrefix("year ") { rest = rest.dropFirst(5) }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard digits.count == 4, let year = Int(digits) else { return nil }
    return year
  }

  private static let spellings = ByteText.encoded(["fiscal", "Fiscal", "FISCAL"])
  private static let iscal = Array("iscal".utf8)
  private static let iscalUpper = Array("ISCAL".utf8)
}
