import Foundation

/// Finds who a sentence says is making the forecast: "马斯克认为…", "据知情人士透露…",
/// "Musk predicted …", "…, he said".
struct SpeakerFinder: Sendable {
  let lexicon: Lexicon

  /// A name the sentence gives to the forecast's speaker, or a word that points back to one.
  enum Found: Equatable {
    case name(String)
    /// "he", "she", 他, 她: the person spoken of last.
    case person
    /// "they", 他们: whoever spoke, or was named, last.
    case group
    /// "the company", 该公司: the company or body named last.
    case organisation
    /// "I expect", "we think", 笔者认为: the article's own author.
    case author
  }

  /// Pronouns for one person, and for several.
  static let personPronouns: Set<String> = ["he", "she", "他", "她"]
  static let groupPronouns: Set<String> = ["they", "他们", "他們", "她们", "她們"]

  /// The pronoun's referent, when `word` is one.
  static func pronoun(_ word: String) -> Found? {
    if personPronouns.contains(word) { return .person }
    return groupPronouns.contains(word) ? .group : nil
  }

  /// Words that stand for a company or body named before: "the company expects", 该公司预计.
  static let organisationNouns: Set<String> = [
    "company", "firm", "group", "bank", "lender", "carrier", "utility", "automaker", "carmaker",
    "retailer", "startup", "insurer", "brokerage", "agency", "ministry", "regulator", "operator",
    "developer", "manufacturer", "chipmaker", "airline", "studio", "publisher", "exchange",
    "fund", "conglomerate", "giant",
  ]
  static let chineseOrganisationWords: Set<String> = [
    "公司", "该公司", "該公司", "集团", "集團", "该集团", "該集團", "该行", "該行", "该机构", "該機構", "该企业",
    "該企業", "该所", "該所", "该局", "該局", "该部", "該部",
  ]
  /// Words for the author speaking: 我们认为, 笔者预计.
  static let chineseFirstPerson: Set<String> = ["我们", "我們", "我", "笔者", "筆者", "本文"]
  static let notNames: Set<String> = [
    "我们", "我們", "我", "笔者", "筆者", "本文", "市场", "市場", "业内", "業內", "外界", "分析", "报告", "報告",
    "报道", "報導", "報道", "文章", "研报", "研報", "消息", "数据",
    "數據", "这", "這", "it", "this", "that", "the", "it also", "which", "who", "公司", "该公司", "該公司",
    "we", "i", "综合", "綜合", "深入", "经过", "經過", "具体", "具體", "初步", "简单", "簡單", "仔细", "仔細",
    "目前", "现在", "現在", "当前", "當前", "届时", "屆時", "保守", "乐观", "樂觀", "悲观", "悲觀", "全年", "整体",
    "整體", "总体", "總體",
    // Conjunctions and a look ahead that end a clause before a verb of saying: 虽然同样认为.
    "虽然", "雖然", "但是", "而且", "因此", "所以", "不过", "不過", "然而", "同时", "同時", "展望明年",
    "展望今年", "展望未来", "展望未來", "展望来年", "展望來年",
    // 有 left before 分析指: "有分析指" cites no one.
    "有", "另有", "也有", "还有", "還有",
  ]

  /// Words for a document that "according to" may cite, its publisher after in, by or from.
  static let reportNouns = [
    "a report", "a note", "a research note", "a study", "a survey", "an analysis", "a filing",
    "reports", "a statement",
  ]

  /// How an unnamed source after "according to" begins.
  static let unnamedOpeners = [
    "people ", "sources ", "a person ", "persons ", "two people ", "three people ",
    "several people ", "people close", "sources close",
  ]

  /// The speaker a sentence names.
  func speaker(in sentence: String) -> Found? {
    let bytes = Array(sentence.utf8)
    if let unnamed = reportedBy(bytes) { return unnamed }
    if let chinese = chineseSpeaker(bytes) { return chinese }
    if Self.opensWithUnnamedVoice(bytes) { return .author }
    if let dashed = trailingDashedName(bytes) { return .name(dashed) }
    // Most sentences hold no English speech verb; they are spared splitting into words.
    guard Self.hasSpeechVerb(bytes) else { return nil }
    return englishSpeaker(sentence)
  }

  /// 据知情人士透露 / 据X报道 / according to X.
  func reportedBy(_ bytes: [UInt8]) -> Found? {
    // One byte scan finds 据, 據 and "according to"; most sentences have none.
    let openers = bytes.withUnsafeBufferPointer { Self.reportScanner.hits(in: $0) }
    for opener in openers {
      let after = opener.range.upperBound
      if Self.reportScanner.cues[opener.cue].word == "according to" {
        let rest = String(decoding: bytes[after...], as: UTF8.self).drop { $0 == " " }
        // "according to people familiar with the matter": an unnamed source, as after "said";
        // only when it opens what follows ("according to Jane Doe, an analyst familiar with
        // the deal" is Jane Doe).
        let opening = rest.prefix(60).lowercased()
        if Self.unnamedOpeners.contains(where: opening.hasPrefix),
          Self.unnamedSources.contains(where: opening.contains)
        {
          return .name(Self.unnamedSource)
        }
        // "according to spokesperson Tom Lee", "according to chief economist Ann Wu": the
        // roles before the name are passed over, as after "said".
        // "according to the Met Office": the article before a body's name is passed over too.
        var named = rest.hasPrefix("the ") ? rest.dropFirst(4) : rest
        for _ in 0..<3 {
          let role = named.prefix { $0 != " " }
          guard Self.roles.contains(String(role)), role.endIndex < named.endIndex else { break }
          named = named[role.endIndex...].drop { $0 == " " }
        }
        if let name = capitalisedRun(in: named) {
          return .name(canonical(Self.withoutTitles(name)))
        }
        // "according to a report in TechBrief", "according to a note from Jefferies", "according
        // to a survey of 46 economists by Bloomberg News": who published it, named after one of
        // the next few words that link to it.
        if let document = Self.reportNouns.first(where: { opening.hasPrefix($0) }) {
          var after = rest.dropFirst(document.count).drop { $0 == " " }
          for index in 0..<6 {
            let word = after.prefix { $0 != " " }
            guard !word.isEmpty, !word.contains(",") else { break }
            after = after[word.endIndex...].drop { $0 == " " }
            // Right after the document any link names its publisher ("a report in TechBrief");
            // further on only "by" and "from" do ("sent to clients in London" is a place).
            let links = index == 0 ? ["in", "by", "from", "of"] : ["by", "from"]
            if links.contains(String(word)),
              let name = capitalisedRun(in: after),
              !Self.notNameWords.contains(name.lowercased())
            {
              return .name(canonical(name))
            }
          }
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
      // 据接近平台的人士透露: people close to it, described, are a source as 知情人士 are.
      let isDescribedPeople = name.hasSuffix("人士") && name.unicodeScalars.count <= 12
      if !name.contains("，"), !name.contains(","), !name.contains("。"),
        !Self.notNames.contains(name), isDescribedPeople || isPlausibleName(name)
      {
        return .name(canonical(name))
      }
    }
    return nil
  }

  /// Whether what precedes 据 at `offset` lets it open an attribution: punctuation, a space,
  /// or 根/依 (根据, 依据).
  static func opensAttribution(_ bytes: [UInt8], before offset: Int) -> Bool {
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

  static let reportScanner = CueScanner(
    cues: ["据", "據", "according to"].map { Cue($0, .hedge) })
  static let reportVerbScanner = CueScanner(
    cues: ["透露", "报道", "報導", "报告", "報告", "称", "稱", "表示", "消息", "介绍", "介紹"].map {
      Cue($0, .hedge)
    })

  func capitalisedRun(in text: Substring) -> String? {
    var words = Array(text.split(separator: " ").prefix(4).prefix(while: Self.isCapitalised))
    // A comma ends the name: "according to Bloomberg, Apple will…" names Bloomberg.
    if let comma = words.firstIndex(where: { $0.hasSuffix(",") }) {
      words = Array(words[...comma])
    }
    let name = words.joined(separator: " ").trimmingCharacters(in: .punctuationCharacters)
    return name.isEmpty ? nil : name
  }

  /// The English name of `written` when the lexicon knows it; the words as written otherwise.
  func canonical(_ written: String) -> String {
    let name =
      Self.hasBareEnds(written)
      ? written : written.trimmingCharacters(in: Self.spacesAndPunctuation)
    return lexicon.canonicalName(for: name) ?? name
  }

  static let spacesAndPunctuation = CharacterSet.whitespaces.union(.punctuationCharacters)

  /// Whether `text` starts and ends with a letter, digit or Han character, so trimming spaces
  /// and punctuation would leave it as it is; most names do.
  static func hasBareEnds(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else {
      return false
    }
    return isBareEnd(first) && isBareEnd(last)
  }

  static func isBareEnd(_ scalar: Unicode.Scalar) -> Bool {
    (0x4E00...0x9FFF).contains(scalar.value)
      || scalar.isASCII && Clause.isWordByte(UInt8(scalar.value))
  }
}
