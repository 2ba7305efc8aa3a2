import ClaimLedger

/// A line near the top of an article that dates it: `2026年01月20日`, `Published April 22,
/// 2019`, or a range `2026-01-26 至 2026-02-01`, of which the end is the day it came out.
struct Dateline: Equatable {
  /// The last date on the line: the end of a range.
  let day: Day
  /// Whether the line holds nothing but the date, labels and punctuation; such a line is
  /// metadata and leaves the body.
  let isWholeLine: Bool
  /// Whether the line dates an update rather than the article ("Updated: …", "更新于…"): the
  /// day it was published comes first when the article gives both.
  let isUpdate: Bool

  /// Words that may stand beside a date on a dateline, in lower case; longest first so that
  /// `发布于` goes before `发布`.
  private static let labels = [
    "published", "last updated", "updated", "last modified", "modified", "posted", "发布时间", "發佈時間",
    "发布于", "發佈於", "发表于",
    "發表於", "更新于", "更新於", "date", "发布", "發佈", "發布", "发表", "發表", "更新", "时间",
    "時間", "日期", "utc", "gmt", "edt", "est", "pst", "pdt", "on", "at", "am", "pm", "et",
    "to", "至", "到", "于", "於",
  ]

  static let longestLine = 200

  /// On a line that gives both days ("Posted 2026-03-01, updated 2026-05-01",
  /// "发布时间：2026-03-01 更新时间：2026-05-01"), the first date after the word of publishing.
  private static func publicationDay(in line: String, _ matches: [DateMatch]) -> Day? {
    guard matches.count > 1 else { return nil }
    // ASCII letters lowered in place, so offsets stay those of the line's bytes.
    let bytes = line.utf8.map { (65...90).contains($0) ? $0 | 0x20 : $0 }
    let lowered = String(decoding: bytes, as: UTF8.self)
    guard updateWords.contains(where: { lowered.contains($0) }) else { return nil }
    let starts = bytes.withUnsafeBufferPointer { buffer in
      publishingWords.compactMap { ByteText.firstIndex(of: Array($0.utf8), in: buffer, from: 0) }
    }
    guard let start = starts.min() else { return nil }
    return matches.first { $0.range.lowerBound > start }?.day
  }

  private static let updateWords = ["updated", "modified", "更新"]
  private static let publishingWords = [
    "published", "posted", "发布", "發佈", "發布", "发表", "發表",
  ]

  /// The dateline in `line` (already stripped of Markdown), or nil when it has no full date.
  init?(_ line: String) {
    // A dateline is short; a long line is body text, and scanning it here would cost time.
    guard line.utf8.count <= Self.longestLine else { return nil }
    let matches = DateText.matches(in: line)
    guard let last = matches.last else { return nil }
    day = Self.publicationDay(in: line, matches) ?? last.day
    var rest = Array(line.utf8)
    for match in matches.reversed() { rest.replaceSubrange(match.range, with: [32]) }
    var remainder = String(decoding: rest, as: UTF8.self).lowercased()
    isUpdate =
      Self.updateWords.contains { remainder.contains($0) }
      && !Self.publishingWords.contains { remainder.contains($0) }
    for label in Self.labels {
      remainder = remainder.replacing(label, with: " ")
    }
    isWholeLine = remainder.unicodeScalars.allSatisfy { scalar in
      scalar.properties.isWhitespace || ("0"..."9").contains(scalar)
        || scalar.properties.generalCategory.isPunctuation
        || scalar.properties.generalCategory == .mathSymbol
    }
  }
}
