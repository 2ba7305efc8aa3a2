import Foundation

/// Finds who a sentence says is making the forecast: "马斯克认为…", "据知情人士透露…",
/// "Musk predicted …", "…, he said".
struct SpeakerFinder: Sendable {
  let lexicon: Lexicon

  /// A name the sentence gives to the forecast's speaker, or a pronoun to resolve.
  enum Found: Equatable {
    case name(String)
    /// "he", "she", "他": the last speaker named in the section.
    case pronoun
  }

  static let chineseVerbs = [
    "认为", "認為", "指出", "表示", "预测", "預測", "预言", "預言", "称", "稱", "透露", "强调", "強調", "坦言", "直言",
    "判断", "判斷", "相信", "警告", "宣布", "说", "說", "提到", "写道", "寫道", "断言", "斷言", "押注", "预估", "預估", "预料",
    "預料", "预计", "預計", "预期", "預期", "估计", "估計", "拟", "擬", "计划", "計劃",
  ]
  private static let englishVerbs = [
    "said", "says", "say", "predicted", "predicts", "predict", "expects", "expect", "expected",
    "believes", "believe", "think", "warned", "warns", "warn",
    "told", "wrote", "argued", "argues", "forecast", "forecasts", "claims", "claimed", "promised",
    "promises", "thinks", "added", "projects", "projected", "estimates", "estimated", "plans",
  ]
  private static let pronouns: Set<String> = [
    "he", "she", "they", "他", "她", "他们", "他們", "她们", "她們",
  ]
  private static let notNames: Set<String> = [
    "我们", "我們", "我", "笔者", "筆者", "本文", "市场", "市場", "业内", "業內", "外界", "分析", "报告", "報告",
    "报道", "報導", "報道", "文章", "研报", "研報", "消息", "数据",
    "數據", "这", "這", "it", "this", "that", "the", "it also", "which", "who", "公司", "该公司", "該公司",
    "we", "i",
  ]

  /// The speaker a sentence names.
  func speaker(in sentence: String) -> Found? {
    let bytes = Array(sentence.utf8)
    if let unnamed = reportedBy(bytes) { return unnamed }
    if let chinese = chineseSpeaker(bytes) { return chinese }
    // Most sentences hold no English speech verb; they are spared splitting into words.
    guard Self.hasSpeechVerb(bytes) else { return nil }
    return englishSpeaker(sentence)
  }

  /// 据知情人士透露 / 据X报道 / according to X.
  private func reportedBy(_ bytes: [UInt8]) -> Found? {
    // One byte scan finds 据, 據 and "according to"; most sentences have none.
    let openers = bytes.withUnsafeBufferPointer { Self.reportScanner.hits(in: $0) }
    for opener in openers {
      let after = opener.range.upperBound
      if Self.reportScanner.cues[opener.cue].word == "according to" {
        let rest = String(decoding: bytes[after...], as: UTF8.self).drop { $0 == " " }
        // "according to spokesperson Tom Lee", "according to chief economist Ann Wu": the
        // roles before the name are passed over, as after "said".
        var named = rest
        for _ in 0..<3 {
          let role = named.prefix { $0 != " " }
          guard Self.roles.contains(String(role)), role.endIndex < named.endIndex else { break }
          named = named[role.endIndex...].drop { $0 == " " }
        }
        if let name = capitalisedRun(in: named) {
          return .name(canonical(Self.withoutTitles(name)))
        }
        // "according to analysts at Morgan Stanley", "according to economists polled by
        // Bloomberg": the firm, else the group.
        let words = rest.split(separator: " ", maxSplits: 6).prefix(6)
        if let first = words.first, let group = Self.groups[first.lowercased()] {
          if let by = words.firstIndex(where: { ["by", "at", "from"].contains($0) }),
            by + 1 < words.endIndex,
            let name = capitalisedRun(in: words[(by + 1)...].joined(separator: " ")[...]),
            !Self.notNameWords.contains(name.lowercased())
          {
            return .name(canonical(name))
          }
          return .name(group)
        }
        continue
      }
      // 据 opens a clause or follows 根/依 (根据); inside 数据 it is no attribution.
      if opener.range.lowerBound > 0, !Self.opensAttribution(bytes, before: opener.range.lowerBound)
      {
        continue
      }
      // 据知情人士透露: the reporting verb within 16 characters of 据.
      let window = Array(bytes[after..<min(bytes.count, after + 48)])
      let verb = window.withUnsafeBufferPointer { Self.reportVerbScanner.hits(in: $0) }.first
      guard let verb, verb.range.lowerBound > 0 else { continue }
      let name = String(decoding: window[..<verb.range.lowerBound], as: UTF8.self)
      if !name.contains("，"), !name.contains(","), !name.contains("。"),
        !Self.notNames.contains(name), isPlausibleName(name)
      {
        return .name(canonical(name))
      }
    }
    return nil
  }

  /// Whether what precedes 据 at `offset` lets it open an attribution: punctuation, a space,
  /// or 根/依 (根据, 依据).
  private static func opensAttribution(_ bytes: [UInt8], before offset: Int) -> Bool {
    // The scalar that ends there, decoded from its lead byte back.
    var start = offset
    while start > 0, start > offset - 4 {
      start -= 1
      if bytes[start] & 0xC0 != 0x80 { break }
    }
    let before = String(decoding: bytes[start..<offset], as: UTF8.self).unicodeScalars.last
    guard let before else { return true }
    return ["根", "依"].contains(before) || before.properties.isWhitespace
      || before.properties.generalCategory.isPunctuation
  }

  private static let reportScanner = CueScanner(
    cues: ["据", "據", "according to"].map { Cue($0, .hedge) })
  private static let reportVerbScanner = CueScanner(
    cues: ["透露", "报道", "報導", "报告", "報告", "称", "稱", "表示", "消息"].map { Cue($0, .hedge) })

  /// X认为 / X指出 …: the name ending right before the verb, the verbs found in one byte scan.
  private func chineseSpeaker(_ bytes: [UInt8]) -> Found? {
    let hits = bytes.withUnsafeBufferPointer { Self.verbScanner.hits(in: $0) }
    for hit in hits {
      let rest = bytes[hit.range.upperBound...]
      // "经济预测：…" labels a list item; it names a topic, not a speaker.
      if rest.starts(with: Array("：".utf8)) || rest.first == UInt8(ascii: ":") { continue }
      let before = String(decoding: bytes[..<hit.range.lowerBound], as: UTF8.self)
      guard let name = trailingName(of: before[...]) else { continue }
      if Self.pronouns.contains(name) { return .pronoun }
      if Self.notNames.contains(name) || !isPlausibleName(name) { continue }
      // 预计, 拟, 计划 are as often passive ("营收预计增长") or inside words (虚拟, 好于预期):
      // they name a speaker only when what precedes is a known name or an organisation's.
      if Self.organisationVerbs.contains(Self.verbScanner.cues[hit.cue].word),
        lexicon.canonicalName(for: name) == nil,
        !Self.organisationEnds.contains(where: name.hasSuffix)
      {
        continue
      }
      return .name(canonical(name))
    }
    return nil
  }

  /// A run of characters before a speech verb names someone unless the lexicon does not know
  /// it and it holds words that make it a phrase ("再通过预测…", "他们的报告称").
  private func isPlausibleName(_ name: String) -> Bool {
    if lexicon.canonicalName(for: name) != nil { return true }
    let bytes = Array(name.utf8)
    return !Self.phraseBytes.contains { ByteText.contains(bytes, $0) }
  }

  private static let phraseWords = [
    "通过", "通過", "对", "對", "在", "为", "為", "从", "從", "把", "被", "让", "讓", "再", "又", "将", "將",
    "会", "會", "的", "了", "是", "就", "都", "这", "這", "那", "该", "該", "此", "其",
  ]

  private static let phraseBytes = ByteText.encoded(phraseWords)
  private static let verbPhraseBytes = ByteText.encoded(verbPhraseWords)
  private static let titleBytes = ByteText.encoded(titleWords)

  /// Titles that stand before a person's name in Chinese news.
  private static let titleWords = [
    "经济学家", "經濟學家", "分析师", "分析師", "研究员", "研究員", "总裁", "總裁", "董事长", "董事長",
    "创始人", "創始人", "总经理", "總經理", "首席执行官", "首席執行官", "CEO", "CFO", "CTO", "主席", "部长",
    "部長", "教授", "院长", "院長", "负责人", "負責人", "发言人", "發言人", "记者", "記者",
  ]

  /// Words that, between a name and a speech verb, make the name part of another phrase
  /// ("Polymarket将从预测市场…"); 在会上, 也, 还 do not.
  private static let verbPhraseWords = [
    "将", "將", "从", "從", "对", "對", "把", "被", "让", "讓", "的", "了", "是", "通过", "通過",
  ]

  private static let verbScanner = CueScanner(cues: chineseVerbs.map { Cue($0, .hedge) })

  /// Verbs that name a speaker only after a known name or an organisation's (`organisationEnds`).
  private static let organisationVerbs: Set<String> = [
    "预计", "預計", "预期", "預期", "估计", "估計", "拟", "擬", "计划", "計劃",
  ]
  private static let organisationEnds = [
    "公司", "证券", "證券", "银行", "銀行", "集团", "集團", "机构", "機構", "研究院", "研究所", "基金",
    "资本", "資本", "科技", "信息", "汽车", "汽車", "控股", "股份", "央行", "政府", "部", "局", "委",
  ]

  /// The entity or short run of characters that ends `text`, stopping at punctuation.
  private func trailingName(of text: Substring) -> String? {
    let whole = String(text)
    if let entity = lexicon.entities(in: whole).last {
      // "马化腾在会上表示": a known name a few characters before the verb, no punctuation between.
      let gap = whole.utf8.dropFirst(entity.utf8Offset + entity.written.utf8.count)
      let gapText = String(decoding: gap, as: UTF8.self)
      let gapBytes = Array(gap)
      // "鴻海董事長劉揚偉指出": the person after the title speaks, not the company; with no one
      // after it ("小米发言人表示") the company speaks.
      let personAfterTitle =
        Self.titleBytes.compactMap { ByteText.lastRange(of: $0, in: gapBytes) }
        .max { $0.upperBound < $1.upperBound }
        .map { String(decoding: gapBytes[$0.upperBound...], as: UTF8.self).unicodeScalars.count }
        .map { (1...4).contains($0) } ?? false
      if gapText.unicodeScalars.count <= 6,
        !gapText.unicodeScalars.contains(where: { $0.properties.generalCategory.isPunctuation }),
        !Self.verbPhraseBytes.contains(where: { ByteText.contains(gapBytes, $0) }),
        !personAfterTitle
      {
        return entity.written
      }
    }
    var name = ""
    for character in text.reversed() {
      if character.isPunctuation || character.isWhitespace || Self.isNameStop(character) {
        break
      }
      name.insert(character, at: name.startIndex)
      if name.count > 24 { return nil }
    }
    // "某券商首席经济学家张明": the person after the last title, when a title is there.
    let nameBytes = Array(name.utf8)
    if nameBytes.count > 6,
      let title = Self.titleBytes.compactMap({ ByteText.lastRange(of: $0, in: nameBytes) })
        .max(by: { $0.upperBound < $1.upperBound })
    {
      let rest = String(decoding: nameBytes[title.upperBound...], as: UTF8.self)
      if (1...4).contains(rest.unicodeScalars.count) { name = rest }
    }
    guard name.count <= 10 else { return nil }
    // Strip words that introduce the speaker rather than name it. Where every scalar is its
    // own character and normalization leaves it alone, comparing bytes is comparing strings.
    let isInert = ByteText.isNormalizationInert(name)
    for prefix in Self.introducingWords
    where isInert ? ByteText.starts(name, with: prefix) : name.hasPrefix(prefix) {
      name.removeFirst(prefix.count)
    }
    for suffix in Self.trailingAdverbs
    where isInert ? ByteText.ends(name, with: suffix) : name.hasSuffix(suffix) {
      name.removeLast(suffix.count)
    }
    return name.isEmpty ? nil : name
  }

  private static let introducingWords = [
    "而", "但", "并", "並", "还", "還", "也", "此外", "同时", "同時", "对此", "對此",
  ]
  private static let trailingAdverbs = [
    "也", "还", "還", "则", "則", "更", "曾", "就", "都", "同样", "同樣", "进一步", "進一步", "普遍", "一致",
    "纷纷", "紛紛",
  ]

  /// "Musk said", "said Musk", "he expects".
  private func englishSpeaker(_ sentence: String) -> Found? {
    let words = Self.words(of: sentence)
    for (index, word) in words.enumerated() where Self.isSpeechVerb(word) {
      // "…, people familiar with the matter said": an unnamed source, as 知情人士. The last
      // word tells first; the text before the verb is read only then.
      if index > 0, Self.unnamedSourceEnds.contains(words[index - 1].lowercased()) {
        let beforeVerb = sentence[..<word.startIndex].lowercased()
          .trimmingCharacters(in: .whitespaces)
        if Self.unnamedSources.contains(where: beforeVerb.hasSuffix) {
          return .name("people familiar with the matter")
        }
      }
      // "…before April, said X": a comma before the verb puts the speaker after it.
      let isAfterComma = sentence[..<word.startIndex].last(where: { $0 != " " }) == ","
      if index > 0, !isAfterComma {
        let previous = words[index - 1].lowercased()
        if Self.pronouns.contains(previous) { return .pronoun }
        // "I expect", "we think": the author speaks, unless someone is named later ("'We
        // expect …,' Musk said").
        if Self.firstPerson.contains(previous) { continue }
        // "Goldman Sachs analysts said", "a VW spokeswoman said": the body they speak for;
        // "several analysts said": the group (an opinion, "most economists think", is no
        // attribution).
        if Self.groups[previous] != nil || Self.spokespeople.contains(previous) {
          if let body = bodyBefore(index - 1, in: words) { return .name(canonical(body)) }
          if let group = Self.groups[previous],
            Self.sayingVerbs.contains(
              word.lowercased().trimmingCharacters(in: .punctuationCharacters))
          {
            return .name(group)
          }
        }
        // The unbroken run of capitalised words right before the verb: "Elon Musk said"; a
        // comma ends it ("by next August, Bessent said" is Bessent).
        var start = index
        while start > 0, Self.isCapitalised(words[start - 1]), index - start < 3,
          start == index || !Self.endsWithComma(words[start - 1], in: sentence)
        {
          start -= 1
        }
        let run = Self.afterTitles(words[start..<index])
        let name = run.joined(separator: " ")
        // A lone capitalised word opening the sentence ("Most economists think", "Analysts
        // expect") names someone only if the lexicon knows it.
        let isOpeningWord = start == 0 && run.count == 1
        if !name.isEmpty, !Self.notNames.contains(name.lowercased()),
          !isOpeningWord || lexicon.canonicalName(for: name) != nil
        {
          return .name(canonical(name))
        }
      }
      // "Jane Doe, the chief executive, said …": the name opens the sentence.
      if index > 2, Self.hasComma(sentence) {
        let opening = words.prefix(3).prefix(while: Self.isCapitalised)
          .filter { !Self.titles.contains(String($0)) }
        let name = opening.joined(separator: " ")
        if !opening.isEmpty, opening.count <= 3, !Self.notNames.contains(name.lowercased()),
          sentence.hasPrefix(name + ",") || sentence.hasPrefix(name + " ,")
        {
          return .name(canonical(name))
        }
      }
      // The name after the verb, past the role words before it ("said trader Ken Wu").
      var after = index + 1
      while after < words.count, after - index <= 3,
        Self.roles.contains(String(words[after]))
      {
        after += 1
      }
      if after < words.count, Self.isCapitalised(words[after]) {
        // The name ends at a comma: "said Elon Musk, Tesla CEO".
        var run: [Substring] = []
        for candidate in words[after...].prefix(4) {
          guard Self.isCapitalised(candidate) else { break }
          run.append(candidate)
          if candidate.endIndex < sentence.endIndex, sentence[candidate.endIndex] == "," { break }
        }
        let name = Self.afterTitles(run).joined(separator: " ")
        if !name.isEmpty, !Self.notNames.contains(name.lowercased()) {
          return .name(canonical(name))
        }
      }
    }
    return nil
  }

  /// Whether `word`, lower-cased without the ASCII punctuation around it ("Said." → "said"), is
  /// an English speech verb; compared in place, since this runs on every word of a forecast.
  private static func isSpeechVerb(_ word: some BidirectionalCollection<UInt8>) -> Bool {
    var start = word.startIndex
    var end = word.endIndex
    while start < end, case let last = word[word.index(before: end)], last < 0x80, !isLetter(last) {
      end = word.index(before: end)
    }
    while start < end, word[start] < 0x80, !isLetter(word[start]) {
      start = word.index(after: start)
    }
    let bare = word[start..<end]
    // Most words are turned away by their first letter and length before any verb is compared.
    guard let first = bare.first, bare.count < 64,
      verbShapes[Int(CueScanner.lower(first))] >> UInt64(bare.count) & 1 != 0
    else { return false }
    return englishVerbBytes.contains { verb in
      verb.count == bare.count && zip(verb, bare).allSatisfy { $0 == CueScanner.lower($1) }
    }
  }

  private static let englishVerbBytes = ByteText.encoded(englishVerbs)

  /// By a verb's first byte: bit `n` set when some verb starting with it has `n` bytes.
  private static let verbShapes: [UInt64] = {
    var shapes = [UInt64](repeating: 0, count: 256)
    for verb in englishVerbBytes where verb.count < 64 {
      if let first = verb.first { shapes[Int(first)] |= 1 << UInt64(verb.count) }
    }
    return shapes
  }()

  /// `isSpeechVerb` on a word's bytes in place where the string keeps them contiguous.
  private static func isSpeechVerb(_ word: Substring) -> Bool {
    word.utf8.withContiguousStorageIfAvailable { isSpeechVerb($0) }
      ?? isSpeechVerb(Array(word.utf8))
  }

  /// Whether a word of `bytes`, split as `englishSpeaker` splits them, is a speech verb.
  private static func hasSpeechVerb(_ bytes: [UInt8]) -> Bool {
    var found = false
    forEachWord(in: bytes) { range in
      found = isSpeechVerb(bytes[range])
      return !found
    }
    return found
  }

  /// The byte ranges of the words of `bytes`: spaces, commas, straight quotes and “ ” (E2 80
  /// 9C / 9D) separate them.
  private static func wordRanges(in bytes: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    // Room for words of about five bytes and a space, so the list is not grown step by step.
    ranges.reserveCapacity(bytes.count / 6 + 1)
    forEachWord(in: bytes) { range in
      ranges.append(range)
      return true
    }
    return ranges
  }

  /// Calls `body` with the range of each word of `bytes`, as `wordRanges` splits them, until
  /// it returns false.
  private static func forEachWord(in bytes: [UInt8], _ body: (Range<Int>) -> Bool) {
    var start = 0
    var index = 0
    while index <= bytes.count {
      var separator = 0
      if index == bytes.count || bytes[index] == 0x20 || bytes[index] == 0x2C
        || bytes[index] == 0x22
      {
        separator = 1
      } else if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
        bytes[index + 2] == 0x9C || bytes[index + 2] == 0x9D
      {
        separator = 3
      }
      guard separator > 0 else {
        index += 1
        continue
      }
      if index > start, !body(start..<index) { return }
      index += separator
      start = index
    }
  }

  /// The words of `sentence`, split as `wordRanges` splits bytes.
  ///
  /// Splitting bytes is far cheaper than splitting Characters and agrees with it wherever no
  /// character joins its neighbour into one Character: in ASCII, CJK ideographs and their
  /// punctuation, which is what the check admits. Other text is split by Characters.
  private static func words(of sentence: String) -> [Substring] {
    let utf8 = sentence.utf8
    guard ByteText.isNormalizationInert(sentence) else {
      return sentence.split(whereSeparator: {
        $0 == " " || $0 == "," || $0 == "\"" || $0 == "“" || $0 == "”"
      })
    }
    return wordRanges(in: Array(utf8)).map { range in
      let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
      return sentence[start..<utf8.index(start, offsetBy: range.count)]
    }
  }

  /// Whether one of the sentence's characters is a comma: a comma byte that no mark after it
  /// joins into a longer character (a mark before it that would, a rare "prepended" one, is not
  /// looked for). Bytes, not `Character`s, since whole sentences are asked.
  static func hasComma(_ sentence: String) -> Bool {
    var text = sentence
    return text.withUTF8 { bytes in
      for index in 0..<bytes.count where bytes[index] == UInt8(ascii: ",") {
        guard index + 1 < bytes.count,
          let next = Unicode.Scalar(ByteText.scalar(in: bytes, at: index + 1).value)
        else { return true }
        let joins =
          next.properties.isGraphemeExtend || next.value == 0x200D
          || next.properties.generalCategory == .spacingMark
        if !joins { return true }
      }
      return false
    }
  }

  /// Punctuation that ends a name before a speech verb, besides what `Character` calls
  /// punctuation: each is one scalar, so a character is one of them when its only scalar is.
  private static func isNameStop(_ character: Character) -> Bool {
    let scalars = character.unicodeScalars
    guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex
    else { return false }
    return nameStops.contains(first)
  }

  private static let nameStops = ScalarSet("，。：；、“”「」《》（）")

  /// Whether the first character of `word` is a capital. A word that opens with two ASCII
  /// bytes opens with an ASCII character, so its first byte answers without the grapheme
  /// breaking that `Character` needs.
  private static func isCapitalised(_ word: Substring) -> Bool {
    let utf8 = word.utf8
    if let first = utf8.first, first < 0x80 {
      let second = utf8.dropFirst().first
      if second.map({ $0 < 0x80 }) ?? true { return first >= 0x41 && first <= 0x5A }
    }
    return word.first?.isUppercase == true
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  private static let titles: Set<String> = [
    "CEO", "CFO", "CTO", "Chief", "President", "Mr.", "Ms.", "Dr.", "Sen.", "Gov.", "Tesla",
    "The", "Founder", "Chairman", "Governor", "Senator", "Minister", "Professor", "Prof.",
    "Chairwoman", "Rep.", "Secretary", "Executive", "Officer", "Chair", "Vice", "Deputy",
    "Spokesman", "Spokeswoman", "Spokesperson", "Commissioner", "Premier", "Mayor",
  ]

  /// Whether a comma follows `word` in `sentence` (words are split at commas).
  private static func endsWithComma(_ word: Substring, in sentence: String) -> Bool {
    word.endIndex < sentence.endIndex && sentence[word.endIndex] == ","
  }

  /// The capitalised run ending just before `end` ("Goldman Sachs", "Bank of America"), with
  /// "of" allowed inside it and articles dropped; nil when there is none.
  private func bodyBefore(_ end: Int, in words: [Substring]) -> String? {
    var start = end
    while start > 0, end - start < 4,
      Self.isCapitalised(words[start - 1])
        || words[start - 1] == "of" && start > 1 && Self.isCapitalised(words[start - 2])
    {
      start -= 1
    }
    let run = words[start..<end].drop {
      Self.notNames.contains($0.lowercased()) || Self.quantifiers.contains($0.lowercased())
    }
    guard let first = run.first, Self.isCapitalised(first) else { return nil }
    return run.joined(separator: " ")
  }

  /// Words that count a group rather than name it: "Several analysts", "Most economists".
  private static let quantifiers: Set<String> = [
    "several", "most", "many", "some", "other", "few", "all", "both", "two", "three", "four",
    "five", "top", "leading", "independent", "senior",
  ]

  /// The words of a run of capitalised words after its last title: "Chief Executive Officer
  /// Mary Barra" is Mary Barra, "Fed Chair Jerome Powell" is Jerome Powell. A run that is one
  /// word that is never a name alone (a month, a day, "Third", "Well") names no one.
  private static func afterTitles<Words: Collection<Substring>>(_ run: Words) -> [Substring] {
    let words = Array(run)
    if words.count == 1, let only = words.first, notNameWords.contains(only.lowercased()) {
      return []
    }
    let start = words.lastIndex { titles.contains(String($0)) }.map { $0 + 1 } ?? 0
    return Array(words[start...])
  }

  /// A name as written without the titles before it ("CEO Jane Doe" is Jane Doe); a leading
  /// "The" stays, as in "The Information".
  private static func withoutTitles(_ name: String) -> String {
    let words = name.split(separator: " ")
    guard words.first != "The" else { return name }
    let kept = afterTitles(words)
    return kept.isEmpty ? name : kept.joined(separator: " ")
  }

  /// Capitalised words that open a run but name no one.
  private static let notNameWords: Set<String> = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "first", "second", "third", "finally", "well", "however", "also",
    "meanwhile", "still", "now", "today", "yesterday", "tomorrow", "so", "yet",
  ]
  private static let firstPerson: Set<String> = ["i", "we"]
  private static let sayingVerbs: Set<String> = ["said", "says", "say", "told", "wrote", "warned"]
  /// Plural speakers without a name, as the source is written.
  private static let groups: [String: String] = [
    "analysts": "Analysts", "economists": "Economists", "strategists": "Strategists",
    "officials": "Officials", "executives": "Executives", "experts": "Experts",
  ]
  private static let spokespeople: Set<String> = [
    "spokeswoman", "spokesman", "spokesperson", "representative", "official", "executive",
  ]
  private static let unnamedSourceEnds: Set<String> = [
    "matter", "plans", "situation", "talks", "deal",
  ]
  private static let unnamedSources = [
    "familiar with the matter", "familiar with the plans", "familiar with the situation",
    "familiar with the talks", "familiar with the deal", "with knowledge of the matter",
    "briefed on the matter",
  ]

  /// What a speaker named after the verb may be called first, in lower case: "…, said trader
  /// Ken Wu", "said senior analyst Sara Kim".
  private static let roles: Set<String> = [
    "analyst", "analysts", "trader", "economist", "strategist", "investor", "professor",
    "spokesman", "spokeswoman", "spokesperson", "chief", "executive", "officer", "director",
    "manager", "founder", "chairman", "chairwoman", "president", "minister", "governor",
    "senator", "researcher", "expert", "consultant", "partner", "head", "senior", "lead",
    "independent", "veteran", "fund", "portfolio", "market", "industry", "research",
  ]

  private func capitalisedRun(in text: Substring) -> String? {
    let words = text.split(separator: " ").prefix(4).prefix(while: Self.isCapitalised)
    let name = words.joined(separator: " ").trimmingCharacters(in: .punctuationCharacters)
    return name.isEmpty ? nil : name
  }

  /// The English name of `written` when the lexicon knows it; the words as written otherwise.
  private func canonical(_ written: String) -> String {
    let name =
      Self.hasBareEnds(written)
      ? written : written.trimmingCharacters(in: Self.spacesAndPunctuation)
    return lexicon.canonicalName(for: name) ?? name
  }

  private static let spacesAndPunctuation = CharacterSet.whitespaces.union(.punctuationCharacters)

  /// Whether `text` starts and ends with a letter, digit or Han character, so trimming spaces
  /// and punctuation would leave it as it is; most names do.
  private static func hasBareEnds(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else {
      return false
    }
    return isBareEnd(first) && isBareEnd(last)
  }

  private static func isBareEnd(_ scalar: Unicode.Scalar) -> Bool {
    (0x4E00...0x9FFF).contains(scalar.value)
      || scalar.isASCII && Clause.isWordByte(UInt8(scalar.value))
  }
}
