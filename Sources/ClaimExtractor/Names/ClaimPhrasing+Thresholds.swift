extension ClaimPhrasing {
  /// A measure a forecast puts a number on, and whether its English name is plural.
  struct Metric: Sendable {
    var name: String
    var isPlural: Bool
  }

  static let metrics: [String: Metric] = {
    var metrics: [String: Metric] = [:]
    let table: [(Metric, [String])] = [
      (
        Metric(name: "revenue", isPlural: false),
        [
          "年收入", "营收", "營收", "收入", "营业额", "營業額", "销售额", "銷售額", "revenue",
          "revenues", "annual revenue", "sales revenue",
        ]
      ),
      (
        Metric(name: "users", isPlural: true),
        ["用户数", "用戶數", "用户", "用戶", "月活", "users", "monthly active users", "subscribers"]
      ),
      (Metric(name: "valuation", isPlural: false), ["估值", "valuation"]),
      (
        Metric(name: "market value", isPlural: false),
        ["市值", "market value", "market cap", "market capitalization"]
      ),
      (Metric(name: "sales", isPlural: true), ["销量", "銷量", "sales"]),
      (Metric(name: "deliveries", isPlural: true), ["交付量", "deliveries"]),
    ]
    for (metric, words) in table {
      for word in words { metrics[word] = metric }
    }
    return metrics
  }()

  static let metricWords = WordList(metrics.keys)

  static let thresholdVerbs: [String: Verb] = {
    var verbs: [String: Verb] = [:]
    for word in ["达到", "達到", "将达", "將達", "达", "達", "reach", "reaches", "hit", "hits"] {
      verbs[word] = Verb("reaches", "reach")
    }
    for word in [
      "超过", "超過", "突破", "exceed", "exceeds", "surpass", "surpasses", "top", "tops", "pass",
      "passes", "cross", "crosses",
    ] {
      verbs[word] = Verb("exceeds", "exceed")
    }
    return verbs
  }()

  static let thresholdVerbWords = WordList(thresholdVerbs.keys)

  /// "A revenue reaches $25B", "A users exceed 1B": a measure, a verb, and the number after it.
  ///
  /// English also puts the measure after the number ("will reach 1 billion users").
  static func threshold(in clause: Clause) -> String? {
    let count = clause.bytes.count
    // Both readings need a measure ("营收", "users"); without one, no amount is looked for.
    guard let metricHit = clause.find(metricWords) else { return nil }
    if let metric = metrics[metricHit.word],
      let verbHit = clause.find(
        thresholdVerbWords, in: metricHit.end..<min(count, metricHit.end + 30)),
      let verb = thresholdVerbs[verbHit.word],
      let amount = Amount.first(in: clause.text, from: verbHit.end),
      amount.utf8Range.lowerBound - verbHit.end <= 12,
      let subject = clause.name(before: metricHit.start)
    {
      // "营收增长率将超过20%", "revenue will grow more than 20%": the growth is measured, in
      // percent; a percent of anything else ("营收占比") is left as the article words it.
      let isGrowth = Self.isGrowth(in: clause, metricHit.end..<amount.utf8Range.lowerBound)
      let isPercent = Self.isPercent(after: amount, in: clause)
      guard isGrowth == isPercent else { return nil }
      let measure = qualified(metric.name, in: clause, subject.end..<metricHit.start)
      return sentence(
        "\(subject.text) \(measure)\(isGrowth ? " growth" : "")", verb,
        amount.text + (isPercent ? "%" : ""),
        isNegated: clause.isNegated(in: subject.end..<verbHit.start),
        isPlural: metric.isPlural && !isGrowth)
    }
    guard let verbHit = clause.find(thresholdVerbWords),
      let verb = thresholdVerbs[verbHit.word],
      let amount = Amount.first(in: clause.text, from: verbHit.end),
      amount.utf8Range.lowerBound - verbHit.end <= 12,
      let metricHit = clause.find(
        metricWords,
        in: amount.utf8Range.upperBound..<min(count, amount.utf8Range.upperBound + 30)),
      metricHit.start - amount.utf8Range.upperBound <= 3,
      let metric = metrics[metricHit.word],
      let subject = clause.name(before: verbHit.start), !isPercent(after: amount, in: clause)
    else { return nil }
    let measure = qualified(
      metric.name, in: clause, amount.utf8Range.upperBound..<metricHit.start,
      subject.end..<verbHit.start)
    return sentence(
      "\(subject.text) \(measure)", verb, amount.text,
      isNegated: clause.isNegated(in: subject.end..<verbHit.start), isPlural: metric.isPlural)
  }

  /// Words that make the measure its growth rather than its level.
  static let growthWords = WordList([
    "增长率", "增長率", "增速", "增幅", "增长", "增長", "成长率", "成長率", "成长", "成長", "年增", "growth", "grow",
    "grows", "growing",
  ])

  /// Whether a word of growth in `range` makes the measure its growth: not when it grows to
  /// a level (增长至, 增长到, "grow to").
  static func isGrowth(in clause: Clause, _ range: Range<Int>) -> Bool {
    guard let hit = clause.find(growthWords, in: range) else { return false }
    let rest = clause.bytes[hit.end...]
    return !levelMarks.contains { rest.starts(with: $0) }
  }

  private static let levelMarks = ByteText.encoded(["至", "到", " to "])

  /// Whether a percent sign or the word follows `amount` ("20%", "20 ％", "20 percent").
  static func isPercent(after amount: Amount, in clause: Clause) -> Bool {
    var index = amount.utf8Range.upperBound
    while index < clause.bytes.count, clause.bytes[index] == UInt8(ascii: " ") { index += 1 }
    let rest = clause.bytes[index...]
    return rest.starts(with: "%".utf8) || rest.starts(with: "％".utf8)
      || rest.starts(with: "percent".utf8) || rest.starts(with: "per cent".utf8)
  }

  /// The measure with the word that narrows it ("overseas sales", 海外销量, "quarterly
  /// revenue"), found in one of `ranges`: dropping it would make an easier claim.
  private static func qualified(_ name: String, in clause: Clause, _ ranges: Range<Int>...)
    -> String
  {
    for range in ranges where !range.isEmpty {
      if let hit = clause.find(qualifierWords, in: range), let word = qualifiers[hit.word] {
        return "\(word) \(name)"
      }
    }
    return name
  }

  static let qualifiers: [String: String] = [
    "海外": "overseas", "overseas": "overseas", "国内": "domestic", "國內": "domestic",
    "domestic": "domestic", "全球": "global", "global": "global", "worldwide": "global",
    "国际": "international", "國際": "international", "international": "international",
    "季度": "quarterly", "quarterly": "quarterly", "单季": "quarterly", "單季": "quarterly",
    "月度": "monthly", "monthly": "monthly", "单月": "monthly", "單月": "monthly",
    "年度": "annual", "annual": "annual", "出口": "export", "export": "export",
  ]
  static let qualifierWords = WordList(qualifiers.keys)

  // MARK: Regulation

  static let lawVerbs: [String: Verb] = {
    var verbs: [String: Verb] = [:]
    for word in [
      "通过", "通過", "立法", "批准", "pass", "passes", "enact", "enacts", "approve", "approves",
      "adopt", "adopts",
    ] {
      verbs[word] = Verb("passes", "pass")
    }
    for word in ["出台", "颁布", "頒布"] { verbs[word] = Verb("issues", "issue") }
    for word in ["实施", "實施"] { verbs[word] = Verb("enforces", "enforce") }
    return verbs
  }()

  static let lawVerbWords = WordList(lawVerbs.keys)

  static let chineseLawNouns: [String: String] = [
    "法案": "bill", "法规": "regulation", "法規": "regulation", "条例": "regulation",
    "條例": "regulation", "禁令": "ban", "法律": "law", "规则": "rules", "規則": "rules",
  ]
  static let chineseLawNounWords = WordList(chineseLawNouns.keys)
  static let englishLawNouns: Set<String> = [
    "law", "laws", "act", "Act", "rule", "rules", "regulation", "regulations", "bill", "ban",
  ]

  /// What a Chinese law is about, in the English a claim uses.
  static let lawTopics: [String: String] = [
    "人工智能": "AI", "隐私": "privacy", "隱私": "privacy", "数据": "data", "數據": "data",
    "反垄断": "antitrust", "反壟斷": "antitrust", "加密货币": "crypto", "加密貨幣": "crypto",
    "稳定币": "stablecoin", "穩定幣": "stablecoin", "芯片": "chip", "晶片": "chip",
    "出口管制": "export-control", "版权": "copyright", "版權": "copyright",
    "自动驾驶": "self-driving", "自動駕駛": "self-driving", "社交媒体": "social media",
    "社交媒體": "social media", "关税": "tariff", "關稅": "tariff",
  ]
  static let banWords: WordList = ["禁止", "封禁", "ban", "bans"]

  /// "A passes an AI bill", "A bans TikTok": laws, rules and bans an actor will make.
  static func regulation(in clause: Clause) -> String? {
    if let ban = clause.find(banWords), let actor = clause.name(before: ban.start),
      let target = banTarget(in: clause, after: ban.end)
    {
      return sentence(
        actor.text, Verb("bans", "ban"), target,
        isNegated: clause.isNegated(in: actor.end..<ban.start))
    }
    guard let hit = clause.find(lawVerbWords), let verb = lawVerbs[hit.word],
      let actor = clause.name(before: hit.start), let law = lawName(in: clause, after: hit.end)
    else { return nil }
    return sentence(
      actor.text, verb, law, isNegated: clause.isNegated(in: actor.end..<hit.start))
  }

  /// What is banned: a known name, else up to four English words before a preposition.
  private static func banTarget(in clause: Clause, after offset: Int) -> String? {
    if let name = clause.name(after: offset, before: min(clause.bytes.count, offset + 12)) {
      return name.text
    }
    let stops: Set<String> = ["by", "in", "from", "within", "before", "next", "this", "after"]
    let words = clause.tokens.filter { $0.start >= offset }.prefix { !stops.contains($0.text) }
    guard words.first?.start == offset + 1 else { return nil }
    return words.prefix(4).map(\.text).joined(separator: " ")
  }

  /// The law after the verb: "an AI bill" from "AI法案", "the GENIUS Act" as written in English.
  private static func lawName(in clause: Clause, after offset: Int) -> String? {
    let window = offset..<min(clause.bytes.count, offset + 40)
    if let noun = clause.find(chineseLawNounWords, in: window),
      let english = chineseLawNouns[noun.word]
    {
      let between = offset..<noun.start
      var words = clause.tokens.filter { between.contains($0.start) }.map(\.text)
      words += clause.entities.filter { between.contains($0.utf8Offset) }.map(\.canonical)
      words += lawTopics.keys.sorted().filter { clause.find([$0], in: between) != nil }
        .compactMap { lawTopics[$0] }
      // "更多AI法案" is several laws: "more AI bills", with no article.
      if clause.find(["更多", "多项", "多項", "多部"], in: between) != nil {
        let plural = english.hasSuffix("s") ? english : english + "s"
        return (["more"] + words + [plural]).joined(separator: " ")
      }
      let phrase = (words + [english]).joined(separator: " ")
      let article =
        english == "rules" ? "" : "aeiouAEIOU".contains(phrase.prefix(1)) ? "an " : "a "
      return article + phrase
    }
    let words = clause.tokens.filter { $0.start >= offset }.prefix(6)
    guard let nounIndex = words.firstIndex(where: { englishLawNouns.contains($0.text) }) else {
      return nil
    }
    return words[...nounIndex].map(\.text).joined(separator: " ")
  }
}
