/// How checkable a claim is: four marks, one for each way a forecast can be pinned down.
///
/// A source that only says "AI will change everything, if regulators allow it" scores low on
/// every mark, and a void rate alone would not show it until the claims come due.
public struct Specificity: Hashable, Sendable {
  /// The claim names who or what it is about (a company, a product, a person).
  public let hasNamedSubject: Bool
  /// The claim has a deadline set by words in the source or by the person who added it.
  public let hasExplicitDeadline: Bool
  /// The claim names a number or a countable event (an acquisition, a launch, a listing).
  public let isMeasurable: Bool
  /// The claim does not hang on a condition that can void it ("if …", 如果 …).
  public let isUnconditional: Bool

  /// The marks as read elsewhere: the scorecards read them from a claim's words in one scan.
  public init(
    hasNamedSubject: Bool, hasExplicitDeadline: Bool, isMeasurable: Bool, isUnconditional: Bool
  ) {
    self.hasNamedSubject = hasNamedSubject
    self.hasExplicitDeadline = hasExplicitDeadline
    self.isMeasurable = isMeasurable
    self.isUnconditional = isUnconditional
  }

  /// The share of the four marks the claim has: 0, 0.25, 0.5, 0.75 or 1.
  public var score: Double {
    // Added up rather than counted from an array: a scorecard asks a million claims.
    var marks = 0
    if hasNamedSubject { marks += 1 }
    if hasExplicitDeadline { marks += 1 }
    if isMeasurable { marks += 1 }
    if isUnconditional { marks += 1 }
    return Double(marks) / 4
  }

  /// Whether the claim's deadline was stated: by words of the source (kept as `deadlineText`)
  /// or as a date by the person who recorded it, not implied by an article's framing.
  public static func hasExplicitDeadline(_ claim: Claim) -> Bool {
    guard claim.deadline != nil else { return false }
    return !(claim.deadlineText?.hasPrefix(impliedDeadlinePrefix) ?? false)
  }

  /// How the words of a deadline the extractor took from an article's framing (a title about
  /// one year's forecasts) begin, rather than from the claim's own sentence.
  public static let impliedDeadlinePrefix = "implied by the article's framing: "

  /// Words of a countable event or a threshold, lower-case; English ones at word starts.
  public static let eventWords = [
    "acquire", "acquisition", "buys", "launch", "release", "ships", "ipo", "goes public",
    "lists on", "merge", "approve", "bans", "banned", "announce", "reach", "exceed", "surpass",
    "above",
    "below", "at least", "more than", "fewer than", "less than", "收购", "并购", "收購", "併購",
    "发布", "發布", "推出", "上市", "上线", "上線", "批准", "禁止", "突破", "超过", "超過", "达到",
    "達到", "合并", "合併", "宣布", "宣佈", "亿", "億", "万", "萬", "%", "％",
  ]

  /// Words that make the claim hang on a condition.
  public static let conditionWords = [
    "if ", "unless", "provided that", "as long as", "如果", "假如", "除非", "一旦", "只要", "倘若",
  ]

  /// Whether UTF-8 `bytes` hold an ASCII digit or a full-width one (U+FF10…U+FF19 is
  /// EF BC 90…99): a number makes a claim measurable.
  public static func hasDigit(in bytes: UnsafeRawBufferPointer) -> Bool {
    for (index, byte) in bytes.enumerated() {
      if byte >= 0x30, byte <= 0x39 { return true }
      if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC,
        (0x90...0x99).contains(bytes[index + 2])
      {
        return true
      }
    }
    return false
  }
}
