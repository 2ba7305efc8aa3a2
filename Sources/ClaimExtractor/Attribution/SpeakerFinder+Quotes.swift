/// Speakers named outside the sentence that quotes them: "“……”李云飞说。", "李云飞表示：“……。……。”",
/// "\"….\" Musk said.", "\"….\" — Oliver Blume".
extension SpeakerFinder {
  /// The speaker of the sentence at `sentence` in `line`, when it is inside a quotation that
  /// someone introduces before it or is credited with after it on the same line, or that a
  /// dash and a name on `nextLine` close ("> \"…\"" then "> — Oliver Blume").
  func quotedSpeaker(of sentence: Range<Int>, in line: [UInt8], nextLine: [UInt8]? = nil)
    -> Found?
  {
    let quotation = Self.quotation(around: sentence, in: line)
    if let open = quotation.open, let found = introduction(before: open, in: line) {
      return found
    }
    guard let close = quotation.close else { return nil }
    // A credit is short: only its first bytes are read, so a long line is not copied and
    // split again for every quoted sentence in it.
    let rest = line[close..<min(line.count, close + Self.creditReach)]
      .drop { SentenceSplitter.isSpace($0) }
    if !rest.isEmpty { return credit(in: Array(rest)) }
    return nextLine.flatMap { dashedName(Array($0.prefix(Self.creditReach))) }.map { .name($0) }
  }

  /// How many bytes after a closing quotation mark, or of the next line, may hold its credit.
  private static let creditReach = 240

  /// Where the quotation holding `sentence` opens (the offset of its mark) and closes (the
  /// offset just past its mark), read within a few hundred bytes of it; nil where it does not.
  /// A sentence that opens with a quotation mark is inside the quotation it opens.
  static func quotation(around sentence: Range<Int>, in line: [UInt8]) -> (open: Int?, close: Int?)
  {
    var opens: [Int] = []
    var index = max(0, sentence.lowerBound - quotationReach)
    let end = min(line.count, sentence.upperBound + quotationReach)
    while index < end {
      let (mark, width) = quoteMark(in: line, at: index)
      switch mark {
      case .opening:
        opens.append(index)
      case .straight where opens.last.map({ line[$0] == UInt8(ascii: "\"") }) == true:
        // A straight quote closes the straight quote left open.
        fallthrough
      case .closing:
        // Closing the quotation that was open when the sentence started ends the search.
        if index >= sentence.lowerBound, opens.count == 1, let open = opens.first,
          open <= sentence.lowerBound
        {
          return (open, index + width)
        }
        if !opens.isEmpty { opens.removeLast() }
      case .straight:
        opens.append(index)
      case nil:
        break
      }
      // Past the sentence's opening mark, a quotation still open holds it.
      if index >= sentence.lowerBound, opens.isEmpty { return (nil, nil) }
      index += width
    }
    return (opens.first.flatMap { $0 <= sentence.lowerBound ? $0 : nil }, nil)
  }

  private static let quotationReach = 600

  private enum QuoteMark { case opening, closing, straight }

  /// The quotation mark at `index`, if one is there, and the bytes it (or the byte) takes.
  private static func quoteMark(in line: [UInt8], at index: Int) -> (QuoteMark?, Int) {
    let byte = line[index]
    if byte == UInt8(ascii: "\"") { return (.straight, 1) }
    guard byte == 0xE2 || byte == 0xE3, index + 2 < line.count else { return (nil, 1) }
    switch (byte, line[index + 1], line[index + 2]) {
    case (0xE2, 0x80, 0x9C), (0xE3, 0x80, 0x8C), (0xE3, 0x80, 0x8E): return (.opening, 3)  // “ 「 『
    case (0xE2, 0x80, 0x9D), (0xE3, 0x80, 0x8D), (0xE3, 0x80, 0x8F): return (.closing, 3)  // ” 」 』
    default: return (nil, 1)
    }
  }

  /// "李云飞表示：“", "Musk said: \"": the speaker of a quotation that a colon or comma after a
  /// verb of speech introduces, read from the start of the sentence the mark is in.
  private func introduction(before open: Int, in line: [UInt8]) -> Found? {
    let start = max(0, open - 120)
    let lead = Array(line[start..<open])
    let trimmed = lead.reversed().drop { SentenceSplitter.isSpace($0) }
    guard let last = trimmed.first,
      last == UInt8(ascii: ":") || last == UInt8(ascii: ",")
        || Array(trimmed.prefix(3).reversed()) == Self.fullWidthColon
        || Array(trimmed.prefix(3).reversed()) == Self.fullWidthComma
    else { return nil }
    let sentences = lead.withUnsafeBufferPointer { SentenceSplitter.sentences(in: $0) }
    guard let own = sentences.last else { return nil }
    // The mark itself goes with the words, so "表示：“" reads as speech, not as a label.
    let words = Array(lead[own]) + line[open..<min(line.count, open + 3)]
    return speaker(in: String(decoding: words, as: UTF8.self))
  }

  /// The speaker a short credit after a closing quotation mark names: "李云飞说。", "Musk said.",
  /// "said podcast host Lena Brooks.", "— Oliver Blume".
  private func credit(in rest: [UInt8]) -> Found? {
    if let name = dashedName(rest) { return .name(name) }
    let own = rest.withUnsafeBufferPointer { SentenceSplitter.sentences(in: $0) }.first
    guard let own, own.lowerBound == 0, own.count <= 80 else { return nil }
    let words = Array(rest[own])
    // Chinese: the verb ends the credit ("李云飞说。", "王磊在会上表示。").
    let hits = words.withUnsafeBufferPointer { Self.verbScanner.hits(in: $0) }
    if let verb = hits.last {
      let after = String(decoding: words[verb.range.upperBound...], as: UTF8.self)
      if after.unicodeScalars.allSatisfy({
        $0 == "道" || $0.properties.generalCategory.isPunctuation || $0.properties.isWhitespace
      }) {
        return chineseSpeaker(words)
      }
    }
    let text = String(decoding: words, as: UTF8.self)
    guard Self.hasSpeechVerb(words), Self.words(of: text).count <= 8 else { return nil }
    return englishSpeaker(text, isAfterQuote: true)
  }

  /// The name after a dash that credits a quotation: "— Oliver Blume", "– Jane Doe, CEO",
  /// "-- 李云飞"; nil unless the dash opens `bytes` and a short name follows it to the end.
  func dashedName(_ bytes: [UInt8]) -> String? {
    var rest = bytes.drop { SentenceSplitter.isSpace($0) || $0 == UInt8(ascii: ">") }
    guard let dash = Self.dashes.first(where: { rest.starts(with: $0) }) else { return nil }
    rest = rest.dropFirst(dash.count).drop { SentenceSplitter.isSpace($0) }
    var text = String(decoding: rest, as: UTF8.self)
    // The name ends at a comma ("— Jane Doe, CEO") or at the end.
    if let comma = text.firstIndex(where: { $0 == "," || $0 == "，" }) {
      text = String(text[..<comma])
    }
    text = text.trimmingCharacters(in: Self.spacesAndPunctuation)
    guard !text.isEmpty, text.unicodeScalars.count <= 40 else { return nil }
    let words = text.split(separator: " ")
    let isEnglishName =
      words.count <= 5 && words.allSatisfy(Self.isCapitalised)
      && !Self.notNameWords.contains(text.lowercased())
    let isChineseName =
      words.count == 1 && text.unicodeScalars.count <= 10
      && text.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) }
    guard isEnglishName || isChineseName else { return nil }
    return canonical(Self.withoutTitles(text))
  }

  /// —, ―, –, ——, and -- as plain text writes a dash.
  private static let dashes = ByteText.encoded(["——", "—", "―", "–", "--"])

  /// "\"…\" — Oliver Blume" in one sentence: the name after a dash that follows a closing
  /// quotation mark or a sentence's end.
  func trailingDashedName(_ bytes: [UInt8]) -> String? {
    // Every dash holds a "-" or opens with E2 (—, ―, –); most sentences have neither.
    guard bytes.contains(where: { $0 == 0x2D || $0 == 0xE2 }) else { return nil }
    guard
      let dash = Self.dashes.compactMap({ ByteText.lastRange(of: $0, in: bytes) })
        .max(by: { $0.lowerBound < $1.lowerBound })
    else { return nil }
    let before = bytes[..<dash.lowerBound].reversed().drop { SentenceSplitter.isSpace($0) }
    guard let last = before.first,
      [UInt8(ascii: "\""), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(last)
        || [[0x9D, 0x80, 0xE2], [0x8D, 0x80, 0xE3], [0x82, 0x80, 0xE3]].contains(
          Array(before.prefix(3)))
    else { return nil }
    return dashedName(Array(bytes[dash.lowerBound...]))
  }
}
