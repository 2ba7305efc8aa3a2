import Foundation

/// Interviews and transcripts: the name that labels a turn ("Mawakana: We expect…", "李明：…")
/// speaks every sentence of its line.
///
/// Articles also label list items with a topic ("Oil: prices will fall", "房地产：明年企稳"),
/// so labels are read as speakers only in a document that also labels its questions (`Q:`,
/// `问：`), as interviews do.
extension SpeakerFinder {
  /// Whether `line` opens with a question's label: "Q:", "Q.", "Question:", 问：, 記者：.
  static func opensWithQuestionLabel(_ line: [UInt8]) -> Bool {
    questionLabels.contains { line.starts(with: $0) }
  }

  private static let questionLabels = ByteText.encoded([
    "Q:", "Q.", "Q：", "Question:", "QUESTION:", "问：", "問：", "问:", "問:", "记者：", "記者：", "提问：", "提問：",
  ])

  /// The speaker a turn's label names, with a one-word English label widened to the full name
  /// an earlier line gives ("Mawakana" after "Tekedra Mawakana"); an answer's label (`A:`,
  /// 答：) names the `interviewee`. Nil when the line has no label, or one that names a role,
  /// a question or a part of the article.
  func labelledSpeaker(of line: [UInt8], after earlier: [String], interviewee: String?)
    -> String?
  {
    if Self.answerLabels.contains(where: { line.starts(with: $0) }) {
      return interviewee.map(canonical)
    }
    if let label = Self.englishLabel(line) {
      guard !Self.notSpeakerLabels.contains(label.lowercased()) else { return nil }
      if !label.contains(" "), let full = Self.fullName(endingWith: label, in: earlier) {
        return canonical(full)
      }
      return canonical(label)
    }
    if let label = Self.chineseLabel(line), !Self.notSpeakerLabels.contains(label) {
      return canonical(label)
    }
    return nil
  }

  private static let answerLabels = ByteText.encoded([
    "A:", "A. ", "A：", "Answer:", "ANSWER:", "答：", "答:", "回答：", "回答:",
  ])

  /// One to three capitalised words and a colon opening the line ("Mawakana:", "Jane Doe:").
  private static func englishLabel(_ line: [UInt8]) -> String? {
    guard let colon = line.prefix(48).firstIndex(of: UInt8(ascii: ":")), colon > 0,
      colon + 1 < line.count, line[colon + 1] == UInt8(ascii: " ")
    else { return nil }
    let label = String(decoding: line[..<colon], as: UTF8.self)
    let words = label.split(separator: " ", omittingEmptySubsequences: false)
    guard (1...3).contains(words.count),
      words.allSatisfy({ word in
        guard let first = word.unicodeScalars.first, ("A"..."Z").contains(first) else {
          return false
        }
        return word.unicodeScalars.allSatisfy {
          $0.properties.isAlphabetic || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’"
        }
      })
    else { return nil }
    return label
  }

  /// Two to four Chinese characters and a colon opening the line ("李明：").
  private static func chineseLabel(_ line: [UInt8]) -> String? {
    let head = Array(line.prefix(16))
    guard
      let end = head.withUnsafeBufferPointer({ ByteText.firstIndex(of: fullColon, in: $0, from: 0) }
      )
    else { return nil }
    let label = String(decoding: line[..<end], as: UTF8.self)
    let scalars = label.unicodeScalars
    guard (2...4).contains(scalars.count),
      scalars.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) })
    else { return nil }
    return label
  }

  private static let fullColon = Array("：".utf8)

  /// The first run of capitalised words in `lines` (the first 200) that ends with `word`: the
  /// full name a turn's label shortens, as an interview introduces it. Titles, linking words
  /// and words that open sentences are no part of it ("Ms. Mawakana", "When Musk spoke").
  private static func fullName(endingWith word: String, in lines: [String]) -> String? {
    for line in lines.prefix(200) {
      let words = line.split(separator: " ").map {
        $0.trimmingCharacters(in: .punctuationCharacters)
      }
      for index in words.indices where index > 0 && words[index] == word {
        var start = index
        while start > max(0, index - 2), isFirstName(words[start - 1]) { start -= 1 }
        if start < index { return words[start...index].joined(separator: " ") }
      }
    }
    return nil
  }

  /// Whether `word` may stand before a surname as part of the name.
  private static func isFirstName(_ word: String) -> Bool {
    let lower = word.lowercased()
    return isCapitalised(word[...]) && !titles.contains(word) && !notNameWords.contains(lower)
      && !notSpeakerLabels.contains(lower) && !honorifics.contains(lower)
      && !isCommonOpeningWord(word)
  }

  /// Honorifics, and function words a sentence may open with ("When Musk spoke…").
  private static let honorifics: Set<String> = [
    "mr", "ms", "mrs", "dr", "prof", "sir", "dame", "when", "while", "after", "before", "if", "as",
    "since", "because", "although", "though", "once", "until", "where", "how", "why", "what",
    "who", "but", "and", "or", "in", "on", "at", "for", "with", "by", "from", "to", "a", "an",
    "this", "that", "said", "says", "asked", "ask", "tell", "told",
  ]

  /// Labels of roles, questions and parts of an article rather than of a speaker.
  private static let notSpeakerLabels: Set<String> = [
    "q", "a", "question", "answer", "note", "notes", "update", "updated", "correction",
    "editor", "editor's note", "source", "sources", "photo", "credit", "disclosure", "summary",
    "why", "what", "how", "bottom line", "key", "takeaway", "takeaways", "read", "related",
    "watch", "listen", "date", "title", "author", "by", "tags", "transcript", "host",
    "interviewer", "moderator", "reporter", "narrator", "speaker", "guest", "caption", "image",
    "video", "audio", "topic", "background", "context", "verdict", "prediction", "predictions",
    "forecast", "outlook", "risk", "risks", "upside", "downside", "the", "and", "of", "mr.",
    "ms.", "mrs.", "dr.",
    "问", "問", "答", "记者", "記者", "主持人", "编者按", "編者按", "摘要", "来源", "來源", "标题", "標題",
    "日期", "作者", "嘉宾", "嘉賓", "提问", "提問", "回答", "注", "备注", "備註",
  ]
}
