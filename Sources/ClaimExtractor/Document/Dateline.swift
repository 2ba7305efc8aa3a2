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
    // The day of the week beside the date: "Date published: Wednesday 8th August 2018 5:28".
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  ]

  static let longestLine = 200

  /// On a line that gives both days ("Posted 2026-03-01, updated 2026-05-01",
  /// "发布时间：2026-03-01 更新时间：2026-05-01"), the first date after the word of publishing.
  private static func publicationDay(in line: String, _ matches: [DateMatch]) -> Day? {
    guard matches.count > 1 else { return nil }
    // ASCII letters lowered in place, so offsets stay those of the line's bytes.
    let bytes = line.utf8.map(CueScanner.lower)
    let lowered = String(decoding: bytes, as: UTF8.self)
    guard updateWords.contains(where: { lowered.contains($0) }) else { return nil }
    let starts = bytes.withUnsafeBufferPointer { buffer in
      publishingWords.compactMap { ByteText.firstIndex(of: Array($0.utf8), in: buffer, from: 0) }
    }
    guard let start = starts.min() else { return nil }
    return matches.first { $0.range.lowerBound > start }?.day
  }

  private static let updateWords = ["updated", "modified", "更新"]
  /// Words that name a range as a period of time the text is about.
  private static let periodWords = [
    "周期", "週期", "有效期", "期间", "期間", "预测期", "預測期", "period", "valid",
  ]
  private static let publishingWords = [
    "published", "posted", "发布", "發佈", "發布", "发表", "發表",
  ]

  /// Labels that may come before a date that opens a line of text (`leading(in:)`), lower case.
  private static let leadingLabels = [
    "published", "posted", "date", "发布时间", "發佈時間", "发布于", "發佈於", "发表于", "發表於", "日期",
    "时间", "時間",
  ]

  /// A date that opens a line and runs into its text, as a page copied whole joins its
  /// dateline to the first paragraph: `date 2026-01-02 中指研究院…`, `2026-01-02 10:30 The…`.
  /// A label, a colon and a time may stand beside it; whitespace must end it, so a sentence
  /// that starts with the day of an event (`2026年1月2日，某公司宣布…`) is not taken. Without a
  /// label, only the form a page's metadata has counts (`2026-01-02`, `2026/01/02`) or a date
  /// with its time joined to it (`2026年01月12日09:31`): a lede may open with a date in words
  /// as its subject ("September 15, 2008 changed…", `2027年1月1日 新法将施行`). Gives the day
  /// and the number of bytes before the text.
  static func leading(in line: [UInt8]) -> (day: Day, length: Int)? {
    var index = skippingSpaces(line, from: 0)
    let lowered = line.prefix(24).map(CueScanner.lower)
    let label = leadingLabels.first(where: { lowered.starts(with: $0.utf8) })
    if let label {
      index = skippingSpaces(line, from: index + label.utf8.count, colons: true)
    }
    // Only the opening bytes: the date must come first.
    let head = String(decoding: line[index..<min(line.count, index + 40)], as: UTF8.self)
    guard let match = DateText.matches(in: head).first, match.range.lowerBound == 0 else {
      return nil
    }
    var end = index + match.range.upperBound
    // A time joined to the date, as a Chinese dateline writes it (`2026年01月12日09:31`), makes
    // it a timestamp, metadata; one after a space may be an event's ("2026年1月12日 10:00
    // 国新办将举行发布会"), so then the date needs a label or digits.
    let joinedTime = timeOfDay(line, from: end)
    if let joinedTime { end = joinedTime }
    guard end < line.count, isSpace(line, at: end) else { return nil }
    end = skippingSpaces(line, from: end)
    if joinedTime == nil, let found = timeOfDay(line, from: end), found < line.count,
      isSpace(line, at: found)
    {
      end = skippingSpaces(line, from: found)
    }
    guard
      label != nil || joinedTime != nil
        || isNumeric(line[index..<(index + match.range.upperBound)])
    else { return nil }
    guard end < line.count else { return nil }
    return (match.day, end)
  }

  /// Whether a date is written in digits and separators only, as metadata writes it.
  private static func isNumeric(_ date: ArraySlice<UInt8>) -> Bool {
    date.allSatisfy { (48...57).contains($0) || $0 == 0x2D || $0 == 0x2F || $0 == 0x2E }
  }

  /// `index` moved past spaces, tabs and ideographic spaces, and past colons when asked.
  private static func skippingSpaces(_ line: [UInt8], from start: Int, colons: Bool = false)
    -> Int
  {
    var index = start
    while index < line.count {
      if line[index] == 0x20 || line[index] == 0x09 || (colons && line[index] == 0x3A) {
        index += 1
      } else if isSpace(line, at: index) || (colons && line[index...].starts(with: fullColon)) {
        index += 3
      } else {
        break
      }
    }
    return index
  }

  private static let ideographicSpace: [UInt8] = [0xE3, 0x80, 0x80]
  private static let fullColon: [UInt8] = [0xEF, 0xBC, 0x9A]

  private static func isSpace(_ line: [UInt8], at index: Int) -> Bool {
    line[index] == 0x20 || line[index] == 0x09 || line[index...].starts(with: ideographicSpace)
  }

  /// The end of a time of day (`10:30`, `10:30:05`) at `start`, or nil when none is there.
  private static func timeOfDay(_ line: [UInt8], from start: Int) -> Int? {
    var index = start
    var groups = 0
    while groups < 3, index <= line.count {
      let digits = line[index...].prefix { (48...57).contains($0) }.count
      guard (1...2).contains(digits) else { break }
      let after = index + digits
      groups += 1
      if after < line.count, line[after] == 0x3A, groups < 3 {
        index = after + 1
      } else {
        index = after
        break
      }
    }
    return groups >= 2 ? index : nil
  }

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
    // A range named as a period ("预警周期：2026年1月1日——2026年12月31日", "valid through") is
    // what the text speaks of, not the day it came out; a weekly report's range is.
    if matches.count > 1, Self.periodWords.contains(where: { remainder.contains($0) }) {
      return nil
    }
  }
}
