import Foundation

/// Chinese speakers: the name that ends right before a speech verb ("马斯克认为", "中金公司预计").
extension SpeakerFinder {
  static let chineseVerbs = [
    "认为", "認為", "指出", "表示", "预测", "預測", "预言", "預言", "称", "稱", "透露", "强调", "強調", "坦言", "直言",
    "判断", "判斷", "相信", "警告", "宣布", "宣佈", "说", "說", "提到", "写道", "寫道", "断言", "斷言", "押注", "预估", "預估",
    "预料",
    "預料", "预计", "預計", "预期", "預期", "估计", "估計", "拟", "擬", "计划", "計劃", "計畫", "分析", "介绍", "介紹", "补充",
    "補充", "估", "看好", "担心", "擔心", "告诉", "告訴", "提醒", "料",
    // 指 "says", as Hong Kong's papers write it, only before a pause: not 指数, 指标.
    "指，", "指,", "指：", "指:",
  ]

  /// X认为 / X指出 …: the name ending right before the verb, the verbs found in one byte scan.
  func chineseSpeaker(_ bytes: [UInt8]) -> Found? {
    let hits = bytes.withUnsafeBufferPointer { Self.verbScanner.hits(in: $0) }
    // 我们认为 and 该公司预计 point back, unless someone is named further on.
    var pointer: Found?
    for (position, hit) in hits.enumerated() {
      let verb = Self.verbScanner.cues[hit.cue].word
      let rest = bytes[hit.range.upperBound...]
      // 说不定 is "perhaps": its 说 says nothing; nor does a verb a quotation mark closes on
      // (「先想后说」).
      if verb == "说" || verb == "說", rest.starts(with: Self.buding) { continue }
      if Self.closingQuotes.contains(where: { rest.starts(with: $0) }) { continue }
      // "经济预测：…" labels a list item and names a topic; "李云飞表示：“…”" and "张伟预测：“…”"
      // quote a speaker.
      if let colon = Self.colonWidth(at: rest), Self.nounVerbs.contains(verb),
        !Self.opensQuote(rest.dropFirst(colon))
      {
        continue
      }
      let isPause = Self.colonWidth(at: rest) != nil || Self.commaWidth(at: rest) != nil
      // 分析, 介绍, 补充 and 估 speak only before a pause or another verb of speech ("张伟分析，",
      // "王芳介绍称"); elsewhere they are nouns or parts of words (分析师, 评估).
      let nextVerbFollows =
        hits.dropFirst(position + 1).first?.range.lowerBound
        == hit.range.upperBound
      if Self.pauseVerbs.contains(verb), !isPause, !nextVerbFollows { continue }
      let before = String(
        decoding: Self.withoutDay(Self.withoutSetting(bytes[..<hit.range.lowerBound])),
        as: UTF8.self)
      guard let name = trailingName(of: before[...]) ?? clauseSubject(before: before) else {
        continue
      }
      if let pronoun = Self.pronoun(name) { return pronoun }
      if Self.chineseOrganisationWords.contains(name) || Self.isOrganisationsRole(name) {
        pointer = pointer ?? .organisation
        continue
      }
      // 增长预测, 通脹率預測: the verb is a noun that a measure names.
      if Self.nounVerbs.contains(verb),
        Self.measureEnds.contains(where: { ByteText.ends(name, with: $0) })
      {
        continue
      }
      if Self.chineseFirstPerson.contains(name) {
        pointer = pointer ?? .author
        continue
      }
      // 根据报道称, 市场预计: an unnamed voice, which the article itself relays.
      // 所指, 直指, 意指: 指 ends another word there.
      if verb.hasPrefix("指"), let last = name.unicodeScalars.last,
        Self.wordsEndingInZhi.contains(last)
      {
        continue
      }
      if Self.unnamedVoices.contains(Self.withoutAlso(name)) {
        pointer = pointer ?? .author
        continue
      }
      if Self.notNames.contains(name) || !isPlausibleName(name) { continue }
      // 低估, 高估, 评估: 估 ends another word; so does 料 in 原料, 资料, 燃料.
      if verb == "估", let last = name.unicodeScalars.last, Self.wordsEndingInGu.contains(last) {
        continue
      }
      if verb == "料", let last = name.unicodeScalars.last, Self.wordsEndingInLiao.contains(last) {
        continue
      }
      // 预计, 拟, 计划 are as often passive ("营收预计增长") or inside words (虚拟, 好于预期):
      // they name a speaker when what precedes is a known name or an organisation's, or when a
      // pause follows ("李明估计，…").
      if Self.organisationVerbs.contains(verb), lexicon.canonicalName(for: name) == nil,
        !Self.isOrganisation(name), !Self.isFullPersonName(name), !Self.isLatinName(name),
        !isPause || !Self.isShortName(name)
      {
        continue
      }
      return .name(canonical(name))
    }
    return pointer
  }

  private static let buding = Array("不定".utf8)

  /// Whether `name` reads as most Chinese names are written, a common surname and two more
  /// characters (施永青, 陳永傑), and not as a noun of three (金融业, 周期性, 黄金价).
  static func isFullPersonName(_ name: String) -> Bool {
    let scalars = Array(name.unicodeScalars)
    guard scalars.count == 3, scalars.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) }),
      commonSurnames.contains(scalars[0]), !nounEnds.contains(scalars[2]),
      !nounStarts.contains(where: { name.hasPrefix($0) })
    else { return false }
    return !measureEnds.contains { name.hasSuffix($0) }
  }

  /// Whether `name` is written in Latin letters as a name is, a capital and then small letters
  /// (Gartner, Creative Strategies): a firm or a person named so in Chinese text. Capitals alone
  /// or digits are a measure or a product (GDP, CPI, AI, HBM4, Galaxy S27), the subject of a
  /// passive 预计.
  static func isLatinName(_ name: String) -> Bool {
    guard let first = name.utf8.first, first >= 0x41, first <= 0x5A, name.utf8.count >= 2,
      name.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A })
    else { return false }
    return name.utf8.allSatisfy { byte in
      (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x20
        || byte == 0x26 || byte == 0x2E || byte == 0x2D
    }
  }

  /// The commonest Chinese surnames, simplified and traditional.
  private static let commonSurnames = ScalarSet(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾萧蕭"
      + "田董潘袁蔡蒋蔣余于杜叶葉程魏苏蘇吕呂丁任沈姚卢盧傅钟鍾姜崔谭譚陆陸范汪廖石金韦韋贾賈夏方邹鄒熊白孟"
      + "秦邱侯江尹薛阎閻段雷龙龍黎史陶贺賀顾顧毛郝龚龔邵万萬武戴孔汤湯庞龐樊殷施洪翟颜顏倪严嚴温溫季俞章"
      + "鲁魯葛伍聂聶柴焦柳邢骆駱岳齐齊梅莫庄莊辛祝左涂祁舒耿詹关關苗凌费費纪紀盛童欧歐甄项項游裴卫衛屈鲍鮑"
      + "霍翁甘柯阮桂麦麥冼岑邝鄺")
  /// Last characters that make three characters a noun: 金融业, 周期性, 高管们.
  private static let nounEnds = ScalarSet(
    "业業价價性率量额額们們界类類品物化技术術股市场場厂廠人周期站点點线線区區网網车車机機港路省县縣园園库庫群链鏈")
  /// Words a common surname opens that start nouns: 许多人, 黄金周, 高峰期.
  private static let nounStarts = [
    "许多", "許多", "黄金", "黃金", "高峰", "高铁", "高鐵", "高速", "高端", "高管", "高新", "金融", "石油",
    "周期", "方面", "万亿", "萬億", "龙头", "龍頭", "马上", "馬上", "温度", "溫度", "安全", "连续", "連續",
  ]

  /// Whether `name` is a role of the company spoken of: 公司管理层, 该公司发言人.
  static func isOrganisationsRole(_ name: String) -> Bool {
    guard let company = ["该公司", "該公司", "公司"].first(where: { ByteText.starts(name, with: $0) })
    else { return false }
    return organisationRoles.contains(String(name.dropFirst(company.count)))
  }

  private static let organisationRoles: Set<String> = [
    "管理层", "管理層", "高管", "高层", "高層", "负责人", "負責人", "发言人", "發言人", "董事会", "董事會",
    "投资者关系部门", "投資者關係部門", "方面", "内部", "內部",
  ]

  /// What a forecast is of, ending the words before 预测 or 预计 that then make one noun.
  static let measureEnds = [
    "增长", "增長", "通胀", "通脹", "率", "额", "額", "量", "价", "價", "收入", "利润", "利潤", "盈利", "出口",
    "规模", "規模", "数", "數", "目标", "目標", "业绩", "業績", "营收", "營收", "需求", "产能", "產能", "经济",
    "經濟",
  ]

  /// `bytes` without a day written as Taiwan's papers date what was said, "今（8）日" or
  /// "昨(7)日", near their end: it is no part of the speaker's name ("陳冠宇今（8）日受訪時").
  static func withoutDay(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    // The tail starts on a character's first byte, so its length in bytes stays exact.
    var tailStart = max(bytes.startIndex, bytes.endIndex - 60)
    while tailStart < bytes.endIndex, bytes[tailStart] & 0xC0 == 0x80 { tailStart += 1 }
    let tail = Array(bytes[tailStart...])
    // Most speakers are written without one: no string is made for them.
    guard
      let mark = dayEnds.compactMap({ ByteText.lastRange(of: $0, in: tail) }).max(by: {
        $0.lowerBound < $1.lowerBound
      })
    else { return bytes }
    let text = String(decoding: tail[..<mark.lowerBound], as: UTF8.self).unicodeScalars
    let digits = text.reversed().prefix { $0.properties.numericType != nil }.count
    guard (1...2).contains(digits) else { return bytes }
    var scalars = text.dropLast(digits)
    guard let open = scalars.last, open == "（" || open == "(" else { return bytes }
    scalars = scalars.dropLast()
    guard let day = scalars.last, "今昨前本".unicodeScalars.contains(day) else { return bytes }
    scalars = scalars.dropLast()
    let kept = String(String.UnicodeScalarView(scalars)).utf8.count
    let start = bytes.endIndex - tail.count
    return ArraySlice(bytes[..<(start + kept)] + bytes[(start + mark.upperBound)...])
  }

  private static let dayEnds = ByteText.encoded(["）日", ")日"])
  private static let closingQuotes = ByteText.encoded(["」", "”", "』"])

  /// Whether the sentence opens by citing no one in particular ("有分析指，…", "另有市場消息指"):
  /// the article relays it, and no earlier speaker says it.
  static func opensWithUnnamedVoice(_ bytes: [UInt8]) -> Bool {
    var rest = bytes[...]
    // "此外還有消息稱…", "同时也有分析指…": a connective and "also" before it change nothing.
    // Every word looked for opens with a three-byte character; most sentences open otherwise.
    guard let lead = bytes.first, lead >= 0xE0, lead < 0xF0 else { return false }
    if let connective = connectives.first(where: { rest.starts(with: $0) }) {
      rest = rest.dropFirst(connective.count)
      while rest.first == UInt8(ascii: ",") || rest.starts(with: fullComma) {
        rest = rest.dropFirst(rest.first == UInt8(ascii: ",") ? 1 : fullComma.count)
      }
    }
    if let also = alsoWords.first(where: { rest.starts(with: $0) }) {
      rest = rest.dropFirst(also.count)
    }
    return unnamedOpenings.contains { rest.starts(with: $0) }
  }

  /// `name` without the 还, 也 or 另 that comes before 有 in 还有消息, 也有分析.
  private static func withoutAlso(_ name: String) -> String {
    guard let also = alsoHaving.first(where: { name.utf8.starts(with: $0) }) else { return name }
    // 还有 is two three-byte characters; the name goes on from 有.
    return String(decoding: name.utf8.dropFirst(also.count - 3), as: UTF8.self)
  }

  private static let wordsEndingInZhi = ScalarSet("所直意是暗泛特专專手")
  private static let alsoHaving = ByteText.encoded(["还有", "還有", "也有", "另有"])

  private static let connectives = ByteText.encoded([
    "此外", "另外", "同时", "同時", "而且", "并且", "並且", "不过", "不過", "但是", "但",
  ])
  private static let alsoWords = ByteText.encoded(["还", "還", "也", "另"])
  private static let fullComma = Array("，".utf8)
  private static let unnamedOpenings = ByteText.encoded([
    "有分析", "有消息", "有市场消息", "有市場消息", "有报道", "有報道", "有報導", "有观点", "有觀點", "有研究",
    "有机构", "有機構", "有人", "据悉", "據悉", "据了解", "據了解", "据称", "據稱",
  ])

  /// Words before a verb of speech that name no one: reports, markets, the trade.
  static let unnamedVoices: Set<String> = [
    "市场", "市場", "业内", "業內", "外界", "分析", "报告", "報告", "报道", "報導", "報道", "研报", "研報", "消息",
    "有分析", "有消息", "有市场消息", "有市場消息", "有报道", "有報道", "有報導", "有观点", "有觀點",
  ]

  /// A run of characters before a speech verb names someone unless the lexicon does not know
  /// it and it holds words that make it a phrase ("再通过预测…", "他们的报告称"); the 会 that
  /// ends an association's name (乘联会, 中選會) is no phrase word there.
  func isPlausibleName(_ name: String) -> Bool {
    if lexicon.canonicalName(for: name) != nil { return true }
    var bytes = Array(name.utf8)
    if Self.isAssociation(name) { bytes.removeLast(3) }
    return !Self.phraseBytes.contains { ByteText.contains(bytes, $0) }
  }

  /// Whether `name` is as short as a person's (李明, 欧阳娜娜) and does not end in a word of
  /// comparison (低于预期, 不及预期), which makes the verb after it a noun.
  private static func isShortName(_ name: String) -> Bool {
    guard let last = name.unicodeScalars.last, name.unicodeScalars.count <= 4 else { return false }
    return !comparisonEnds.contains(last)
  }

  private static let comparisonEnds = ScalarSet("于於超及合过過出达達如")

  /// Whether `name` ends as an organisation's does (中金公司, 海光信息, 汽车工业协会).
  static func isOrganisation(_ name: String) -> Bool {
    // Bytes, not Characters: every candidate speaker is asked.
    organisationEnds.contains(where: { ByteText.ends(name, with: $0) }) || isAssociation(name)
  }

  /// Whether `name` is an association's: two or more characters of a name and 会 or 會 (乘联会,
  /// 國發會). 会 alone is also "will", so the characters before it must not be an adverb (也会,
  /// 还会, 不会).
  static func isAssociation(_ name: String) -> Bool {
    let scalars = name.unicodeScalars
    guard let last = scalars.last, last == "会" || last == "會", scalars.count >= 3 else {
      return false
    }
    let before = scalars.dropLast()
    guard let adverb = before.last, !adverbsBeforeHui.contains(adverb) else { return false }
    return before.allSatisfy { (0x4E00...0x9FFF).contains($0.value) }
  }

  private static let adverbsBeforeHui = ScalarSet("也还還就都将將不才又仍总總可必肯定一能该該便则則亦恐或料许許然")

  /// Where a speaker's setting stands between the name and the verb ("王磊在主题演讲中表示",
  /// "李明接受采访时称"), the bytes before it; otherwise `bytes` as they are.
  static func withoutSetting(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    guard settingEnds.contains(where: { bytes.suffix($0.count).elementsEqual($0) }) else {
      return bytes
    }
    // Long enough for a named event ("在2月5日举行的「光伏行业发展回顾与形势展望研讨会」上").
    let window = Array(bytes.suffix(160))
    let opener = settingOpeners.compactMap { ByteText.lastRange(of: $0, in: window) }
      .max { $0.lowerBound < $1.lowerBound }
    guard let opener else { return bytes }
    let setting = String(decoding: window[opener.upperBound...], as: UTF8.self)
    // Short once titles are left out, as a setting is: a longer run after 在 holds the name
    // too ("在上海结束调研行程后分析师王建中预计").
    let plain = settingWithoutTitles(setting)
    let isUnbroken =
      plain.lazy.filter { !$0.isASCII }.count <= settingLength
      && !plain.contains {
        nameStops.contains($0) || $0.properties.generalCategory.isPunctuation
          || $0.properties.isWhitespace
      }
    guard isUnbroken else { return bytes }
    let rest = bytes.dropLast(window.count - opener.lowerBound)
    // "在接受采访时": the setting opens twice.
    guard let outer = settingOpeners.first(where: { rest.suffix($0.count).elementsEqual($0) })
    else { return rest }
    return rest.dropLast(outer.count)
  }

  /// The scalars of `setting` with the names of events and works left out, brackets and all
  /// (「…研讨会」, 《…》), and the spaces that set digits apart ("在 2 月 5 日举行的"); an
  /// unclosed bracket stays, and breaks the setting.
  private static func settingWithoutTitles(_ setting: String) -> [Unicode.Scalar] {
    var kept: [Unicode.Scalar] = []
    var open: (closer: Unicode.Scalar, start: Int)?
    for scalar in setting.unicodeScalars {
      if let current = open {
        if scalar == current.closer {
          kept.removeSubrange(current.start...)
          open = nil
        } else {
          kept.append(scalar)
        }
        continue
      }
      if let closer = titleClosers[scalar] {
        open = (closer, kept.count)
        kept.append(scalar)
      } else if scalar != " " {
        kept.append(scalar)
      }
    }
    return kept
  }

  private static let titleClosers: [Unicode.Scalar: Unicode.Scalar] = ["「": "」", "《": "》"]
  /// The most Chinese characters a setting has besides its titles (digits of a date do not
  /// count), as 48 bytes of Chinese held before titles were read.
  private static let settingLength = 16

  private static let settingEnds = ByteText.encoded([
    "中", "上", "时", "時", "期间", "期間", "之际", "之際",
  ])
  private static let settingOpeners = ByteText.encoded(["在", "於", "于", "接受"])

  /// The width of a colon opening `rest`, if one does.
  private static func colonWidth(at rest: ArraySlice<UInt8>) -> Int? {
    if rest.first == UInt8(ascii: ":") { return 1 }
    return rest.starts(with: fullWidthColon) ? 3 : nil
  }

  /// The width of a comma opening `rest`, if one does.
  private static func commaWidth(at rest: ArraySlice<UInt8>) -> Int? {
    if rest.first == UInt8(ascii: ",") { return 1 }
    return rest.starts(with: fullWidthComma) ? 3 : nil
  }

  /// Whether `rest` opens with a quotation mark, past spaces: “, 「, 『 or ".
  private static func opensQuote(_ rest: ArraySlice<UInt8>) -> Bool {
    let text = rest.drop { $0 == 0x20 }
    return text.first == UInt8(ascii: "\"") || openingQuotes.contains { text.starts(with: $0) }
  }

  static let fullWidthColon = Array("：".utf8)
  static let fullWidthComma = Array("，".utf8)
  private static let openingQuotes = ByteText.encoded(["“", "「", "『"])

  /// Verbs that are also nouns, so that "X预测：" may label a topic.
  private static let nounVerbs: Set<String> = [
    "预测", "預測", "预言", "預言", "预估", "預估", "预计", "預計", "预期", "預期", "估计", "估計", "判断",
    "判斷", "计划", "計劃", "計畫", "分析", "介绍", "介紹", "补充", "補充",
  ]

  /// Verbs of speech only before a pause or another verb of speech.
  private static let pauseVerbs: Set<String> = [
    "分析", "介绍", "介紹", "补充", "補充", "估",
  ]

  /// Characters that make 料 the end of another word: 原料, 资料, 材料, 燃料, 饮料, 预料.
  private static let wordsEndingInLiao = ScalarSet("原资資材燃饮飲预預香史肥涂塗布颜顏塑饲飼配废廢照意不难難逆爆物孰笑佐")

  /// Characters that make 估 the end of another word: 低估, 高估, 评估, 预估.
  private static let wordsEndingInGu = ScalarSet("低高评評预預重粗难難可审審毛")

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
    "部長", "教授", "院长", "院長", "负责人", "負責人", "发言人", "發言人", "记者", "記者", "首席财务官",
    "首席財務官", "首席技术官", "首席技術官", "首席运营官", "首席營運官", "执行长", "執行長", "财务长", "財務長",
    "营运长", "營運長", "技术长", "技術長", "总监", "總監", "经理", "經理", "秘书长", "秘書長", "行长", "行長",
    "局长", "局長", "市长", "市長", "主任", "主委", "会长", "會長", "理事长", "理事長", "合伙人", "合夥人",
    "评论员", "評論員", "策略师", "策略師", "机构", "機構", "券商", "主管", "董事", "高管", "顾问", "顧問",
    "专家", "專家", "学者", "學者", "经济师", "經濟師", "律师", "律師", "官员", "官員", "事务官", "事務官", "处长", "處長", "司长",
    "司長", "署长", "署長", "厅长", "廳長", "主编", "主編", "创办人", "創辦人", "副总", "副總", "次长", "次長", "委员", "委員",
    "议员", "議員", "立委", "总召", "總召",
  ]

  /// Words that, between a name and a speech verb, make the name part of another phrase
  /// ("Polymarket将从预测市场…"); 在会上, 也, 还 do not.
  static let verbPhraseWords = [
    "将", "將", "从", "從", "对", "對", "把", "被", "让", "讓", "的", "了", "是", "通过", "通過",
  ]

  static let verbScanner = CueScanner(cues: chineseVerbs.map { Cue($0, .hedge) })

  /// Verbs that name a speaker only after a known name or an organisation's (`organisationEnds`).
  static let organisationVerbs: Set<String> = [
    "预计", "預計", "预期", "預期", "估计", "估計", "拟", "擬", "计划", "計劃", "計畫", "料",
  ]
  static let organisationEnds = [
    "公司", "证券", "證券", "银行", "銀行", "集团", "集團", "机构", "機構", "研究院", "研究所", "基金",
    "资本", "資本", "科技", "信息", "汽车", "汽車", "控股", "股份", "央行", "政府", "部", "局", "委",
    "协会", "協會", "联合会", "聯合會", "商会", "商會",
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
      // "OpenAI首席全球事务官透露": a role of the body, unnamed, speaks for it.
      let gapCount = gapText.unicodeScalars.count
      let isRole =
        gapCount > 6 && gapCount <= 10
        && Self.titleBytes.contains { gapBytes.suffix($0.count).elementsEqual($0) }
      if gapCount <= 6 || isRole,
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
    // "Creative Strategies预计": a name in Latin letters goes back over its capitalised words.
    if Self.isLatinName(name) {
      var rest = text.dropLast(name.count)
      for _ in 0..<3 where rest.last == " " {
        let before = rest.dropLast()
        let word = String(
          before.reversed().prefix { $0.isASCII && ($0.isLetter || $0 == "&" || $0 == ".") }
            .reversed())
        guard word.first?.isUppercase == true else { break }
        name = word + " " + name
        rest = before.dropLast(word.count)
      }
    }
    // Adverbs and settings stack at the end ("他同时还", "林建宏昨日受訪時"): stripped until none
    // is left, before the name is measured.
    let isInert = ByteText.isNormalizationInert(name)
    while let suffix = Self.trailingAdverbs.first(where: {
      isInert ? ByteText.ends(name, with: $0) : name.hasSuffix($0)
    }) {
      name.removeLast(suffix.count)
    }
    // "某券商首席经济学家张明": the person after the last title, when a title is there.
    let nameBytes = Array(name.utf8)
    if nameBytes.count > 6,
      let title = Self.titleBytes.compactMap({ ByteText.lastRange(of: $0, in: nameBytes) })
        .max(by: { $0.upperBound < $1.upperBound })
    {
      let rest = String(decoding: nameBytes[title.upperBound...], as: UTF8.self)
      // A person's name is short; an organisation's after its kind (研調機構集邦科技) may be longer.
      let longest = Self.isOrganisation(rest) ? 8 : 4
      if (1...longest).contains(rest.unicodeScalars.count) { name = rest }
    }
    // "江州市自然资源和规划局相关负责人": a body's officer, unnamed, may take a longer phrase.
    let length = name.count
    guard
      length <= 10
        || length <= 20 && Self.titleWords.contains(where: { ByteText.ends(name, with: $0) })
        || length <= 30 && Self.isLatinName(name)
    else { return nil }
    // Strip words that introduce the speaker rather than name it. Where every scalar is its
    // own character and normalization leaves it alone, comparing bytes is comparing strings.
    for prefix in Self.introducingWords
    where isInert ? ByteText.starts(name, with: prefix) : name.hasPrefix(prefix) {
      name.removeFirst(prefix.count)
    }
    return name.isEmpty ? nil : name
  }

  static let introducingWords = [
    "而", "但", "并", "並", "还", "還", "也", "此外", "同时", "同時", "对此", "對此", "根据", "根據", "依据", "依據",
    "据", "據", "不过", "不過",
    "然而", "另外", "至于", "至於",
  ]
  static let trailingAdverbs = [
    "也", "还", "還", "则", "則", "更", "曾", "就", "都", "同样", "同樣", "进一步", "進一步", "普遍", "一致",
    "纷纷", "紛紛", "不", "日前", "近日", "此前", "早前", "先前", "昨天", "昨日", "今天", "今日", "随后", "隨後",
    "同时", "同時", "再次", "再度", "多次", "一再", "亦", "并", "並", "又", "另", "明确", "明確", "公开", "公開",
    "私下", "随即", "隨即", "稍早", "稍后", "稍後", "当时", "當時", "近期", "最近",
    // 受访时表示: when, not who.
    "受访时", "受訪時",
  ]
}
