import Foundation

/// Chinese speakers: the name that ends right before a speech verb ("马斯克认为", "中金公司预计").
extension SpeakerFinder {
  static let chineseVerbs = [
    "认为", "認為", "指出", "表示", "预测", "預測", "预言", "預言", "称", "稱", "透露", "强调", "強調", "坦言", "直言",
    "判断", "判斷", "相信", "警告", "宣布", "说", "說", "提到", "写道", "寫道", "断言", "斷言", "押注", "预估", "預估", "预料",
    "預料", "预计", "預計", "预期", "預期", "估计", "估計", "拟", "擬", "计划", "計劃",
  ]

  /// X认为 / X指出 …: the name ending right before the verb, the verbs found in one byte scan.
  func chineseSpeaker(_ bytes: [UInt8]) -> Found? {
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
  func isPlausibleName(_ name: String) -> Bool {
    if lexicon.canonicalName(for: name) != nil { return true }
    let bytes = Array(name.utf8)
    return !Self.phraseBytes.contains { ByteText.contains(bytes, $0) }
  }

  static let phraseWords = [
    "通过", "通過", "对", "對", "在", "为", "為", "从", "從", "把", "被", "让", "讓", "再", "又", "将", "將",
    "会", "會", "的", "了", "是", "就", "都", "这", "這", "那", "该", "該", "此", "其",
  ]

  static let phraseBytes = ByteText.encoded(phraseWords)
  static let verbPhraseBytes = ByteText.encoded(verbPhraseWords)
  static let titleBytes = ByteText.encoded(titleWords)

  /// Titles that stand before a person's name in Chinese news.
  static let titleWords = [
    "经济学家", "經濟學家", "分析师", "分析師", "研究员", "研究員", "总裁", "總裁", "董事长", "董事長",
    "创始人", "創始人", "总经理", "總經理", "首席执行官", "首席執行官", "CEO", "CFO", "CTO", "主席", "部长",
    "部長", "教授", "院长", "院長", "负责人", "負責人", "发言人", "發言人", "记者", "記者",
  ]

  /// Words that, between a name and a speech verb, make the name part of another phrase
  /// ("Polymarket将从预测市场…"); 在会上, 也, 还 do not.
  static let verbPhraseWords = [
    "将", "將", "从", "從", "对", "對", "把", "被", "让", "讓", "的", "了", "是", "通过", "通過",
  ]

  static let verbScanner = CueScanner(cues: chineseVerbs.map { Cue($0, .hedge) })

  /// Verbs that name a speaker only after a known name or an organisation's (`organisationEnds`).
  static let organisationVerbs: Set<String> = [
    "预计", "預計", "预期", "預期", "估计", "估計", "拟", "擬", "计划", "計劃",
  ]
  static let organisationEnds = [
    "公司", "证券", "證券", "银行", "銀行", "集团", "集團", "机构", "機構", "研究院", "研究所", "基金",
    "资本", "資本", "科技", "信息", "汽车", "汽車", "控股", "股份", "央行", "政府", "部", "局", "委",
  ]

  /// The entity or short run of characters that ends `text`, stopping at punctuation.
  func trailingName(of text: Substring) -> String? {
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

  static let introducingWords = [
    "而", "但", "并", "並", "还", "還", "也", "此外", "同时", "同時", "对此", "對此",
  ]
  static let trailingAdverbs = [
    "也", "还", "還", "则", "則", "更", "曾", "就", "都", "同样", "同樣", "进一步", "進一步", "普遍", "一致",
    "纷纷", "紛紛",
  ]
}
