/// Finds the author's name in a byline near the top of an article: `作者：X`, `特约作者 X`,
/// `文/X`, `文 | X`, `记者 X`, `記者 X`, `By Jane Doe` or `Jane Doe | Outlet | October 19,
/// 2026`.
///
/// A byline is a short line of its own; a sentence that mentions an author is not one, so
/// long lines and names with sentence punctuation are refused.
enum Byline {
  private static let chineseMarkers = ["作者", "记者", "記者"]
  private static let sentencePunctuation: Set<Character> = [
    "。", "，", "！", "？", "；", ",", "!", "?", ";", "“", "”", "\"",
  ]

  /// The name in `line` (already stripped of Markdown) when the line is a byline.
  static func author(in line: String) -> String? {
    guard line.count <= 100 else { return nil }
    // A longer line is a byline only when bars set its fields apart, one of them the date, or
    // when it is "By …" with the date.
    if let undated = withoutDate(line), let author = english(undated) { return author }
    let fields = datedFields(line)
    guard line.count <= 40 || fields != nil else { return nil }
    return english(line) ?? fields.flatMap(name)
      ?? (line.count <= 40 ? slash(line) ?? chinese(line) : nil)
  }

  /// `2024-09-13, by Ann Lee and Bo Chen (Daily News)`, `By Ann Lee, March 3, 2026`: the
  /// "By …" words left when the line's one date and the outlet in brackets are taken out, when
  /// they are nothing but a name.
  private static func withoutDate(_ line: String) -> String? {
    let bytes = Array(line.utf8)
    guard bylineWords.contains(where: { ByteText.contains(bytes, $0) }) else { return nil }
    let matches = DateText.matches(in: line)
    guard matches.count == 1, let date = matches.first else { return nil }
    // "By March 1, 2027 Kestrel Bank Will Cut Rates": "by" before the date is a time.
    let before = String(decoding: bytes[..<date.range.lowerBound], as: UTF8.self)
      .trimmingCharacters(in: .whitespaces).lowercased()
    guard !before.hasSuffix("by") else { return nil }
    var undated = bytes
    undated.removeSubrange(date.range)
    let rest = String(decoding: undated, as: UTF8.self)
      .trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
    let name = String(rest.prefix { $0 != "(" && $0 != "（" }).trimmedText
    // Nothing but the name: "By Christmas, the bank expects … on March 1, 2027" is a sentence.
    guard name.prefix(3).lowercased() == "by ",
      !name.contains(where: { sentencePunctuation.contains($0) || $0 == "." })
    else { return nil }
    return name
  }

  /// The fields of `line` set apart by bars, when there are two or more and a later one is a
  /// date.
  private static func datedFields(_ line: String) -> [Substring]? {
    let parts = line.split(whereSeparator: { $0 == "|" || $0 == "｜" })
    guard parts.count >= 2, parts.dropFirst().contains(where: { !DateText.matches(in: $0).isEmpty })
    else { return nil }
    return parts
  }

  private static let bylineWords = ByteText.encoded(["by ", "By ", "BY "])

  /// `Marcus Bell | Coast Sports Daily | Monday, October 19, 2026`: the first of the dated
  /// fields, when it is a name of two to four capitalised words.
  private static func name(_ fields: [Substring]) -> String? {
    guard let first = fields.first?.trimmedText else { return nil }
    let words = first.split(separator: " ")
    guard (2...4).contains(words.count),
      words.allSatisfy({ $0.first?.isUppercase == true && $0.allSatisfy(\.isLetter) }),
      !words.contains(where: { notPersonWords.contains($0.lowercased()) })
    else { return nil }
    return first
  }

  /// Whether `character` is a digit as dates write them (0-9, ０-９), not 一 or 二 of a name.
  private static func isDigit(_ character: Character) -> Bool {
    character.isASCII ? character.isNumber : ("０"..."９").contains(character)
  }

  /// Words of a column's, an outlet's or a body's name, never a person's: "Market Outlook |
  /// Week of March 9, 2026".
  private static let notPersonWords: Set<String> = [
    "outlook", "weekly", "daily", "quarterly", "monthly", "report", "review", "news", "markets",
    "market", "brief", "briefing", "update", "week", "edition", "newsletter", "bank", "group",
    "research", "capital", "times", "journal", "post", "wire", "digest", "insights", "letter",
  ]

  /// `By Jane Doe`, `BY JANE DOE`, `By Jane Doe, Reuters`: up to six words after "By".
  private static func english(_ line: String) -> String? {
    guard line.count > 3, line.prefix(3).lowercased() == "by " else { return nil }
    let name = line.dropFirst(3).prefix { $0 != "," && $0 != "|" }.trimmedText
    let words = name.split(separator: " ")
    guard let first = name.first, first.isUppercase, (1...6).contains(words.count),
      !name.hasSuffix("."), words.allSatisfy({ $0.first?.isLetter == true })
    else { return nil }
    return name
  }

  /// `文/X`, `文 / X`, `文|X`, `文｜X`.
  private static func slash(_ line: String) -> String? {
    guard line.hasPrefix("文") else { return nil }
    let rest = line.dropFirst().drop { $0 == " " }
    guard let mark = rest.first, ["/", "／", "|", "｜"].contains(mark) else { return nil }
    return plausibleName(rest.dropFirst())
  }

  /// `作者 X`, `作者：X`, and the same after a short title such as `特约作者` or `本报记者`.
  private static func chinese(_ line: String) -> String? {
    for marker in chineseMarkers {
      guard let range = line.range(of: marker) else { continue }
      let prefix = line[..<range.lowerBound]
      guard prefix.count <= 10, !prefix.contains(where: sentencePunctuation.contains) else {
        continue
      }
      let rest = line[range.upperBound...]
      // `記者王大明／台北報導`, `记者 李明/北京报道`: the name before the place it reports from.
      if let reported = reportedFrom(rest.drop { $0 == " " || $0 == "\u{3000}" }) {
        return reported
      }
      guard let separator = rest.first,
        separator == " " || separator == ":" || separator == "："
          || separator == "\u{3000}"
      else { continue }
      if let name = plausibleName(rest.dropFirst()) { return name }
    }
    return nil
  }

  /// The name in `王大明／台北報導`: before the slash, when what follows it names where the
  /// report was filed (報導, 报道, 电, 訊).
  private static func reportedFrom(_ text: Substring) -> String? {
    guard let slash = text.firstIndex(where: { $0 == "／" || $0 == "/" }) else { return nil }
    let place = text[text.index(after: slash)...].trimmedText
    guard reportEnds.contains(where: place.hasSuffix), place.count <= 10 else { return nil }
    return plausibleName(text[..<slash])
  }

  private static let reportEnds = ["報導", "报道", "報道", "电", "電", "讯", "訊"]

  /// The trimmed name when it is short and has no sentence punctuation; a date after it
  /// (`何嘉敏　2026年08月14日`) is no part of it.
  private static func plausibleName(_ text: Substring) -> String? {
    let words = text.drop { $0 == ":" || $0 == "：" }
      .split(whereSeparator: { $0 == " " || $0 == "\u{3000}" })
      .prefix { !($0.first.map(isDigit) ?? false) }
      .map { $0.prefix { !isDigit($0) } }
    // A Chinese name is one word: what follows it (北京报道) is where or when.
    let isChinese = words.first?.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) }
    let name = (isChinese == true ? Array(words.prefix(1)) : words).joined(separator: " ")
      .trimmedText
    guard (1...20).contains(name.count), !name.contains(where: sentencePunctuation.contains)
    else { return nil }
    return name
  }
}
