import ClaimLedger

/// A word whose presence tells something about a sentence: that it looks ahead, hedges,
/// looks back, asks, urges, or only seems to look ahead.
struct Cue: Sendable {
  /// What the word says about the sentence it is in.
  enum Kind: Sendable, Equatable {
    /// Future tense without doubt: 将, 会, will, is set to.
    case future
    /// A word of estimative probability: 可能, 有望, 预计, likely, could.
    case hedge
    /// A hedge that carries its own negation: 不会, won't, unlikely, 难以.
    case negatedFuture
    /// An actor's stated plan: 计划, 拟, plans to.
    case plan
    /// A word that would look like a cue but is not one here (机会, 社会, 会议, 可能性 as a noun).
    case decoy
    /// The sentence reports the past or the present: 已经, 曾, announced, has launched.
    case past
    /// The sentence asks: 是否, 会不会, 吗.
    case question
    /// The sentence urges or prescribes: 应该, 需要, 必须, should, must.
    case advice
    /// Rhetoric about a forecast rather than a forecast: 预示着.
    case framing
    /// The sentence speaks about the article or sums it up: 总之, "here are", "subscribe".
    case meta
    /// The sentence disowns the forecast it holds: it says it is none (不代表预测, "not a
    /// forecast") or that no one holds it ("nobody expects", 没有人预计).
    case disclaimer
    /// The clause denies the forecast it reports: "denied reports that it will…", 否认将…,
    /// "…的说法并不属实". Its forecast is out; a forecast in another clause stands.
    case denial
    /// A condition the forecast depends on: 如果, 一旦, if, unless.
    case condition
    /// 将 used as 把 ("将AI插件化"): the verb that follows the object gives it away.
    case objectMarkerVerb
  }

  let word: String
  let kind: Kind
  /// ASCII words match at word boundaries, ignoring case unless `isCaseSensitive`.
  let isCaseSensitive: Bool
  /// One of `SentenceAnalysis.weakWords`; known once here rather than looked up per sentence.
  let isWeak: Bool
  /// 将 or 將, which can also mark an object as 把 does.
  let mayMarkObject: Bool
  /// What else the word is, known once here rather than looked up per sentence.
  let traits: Traits

  /// Words that the analysis treats apart from others of their kind.
  struct Traits: OptionSet, Sendable {
    let rawValue: UInt16
    /// A verb that reports an expectation (预计, expects): a hedge on what it reports wins.
    static let reporting = Traits(rawValue: 1)
    /// A belief (I think): a forecast only beside a window.
    static let belief = Traits(rawValue: 2)
    /// An outlook that reads as sight unless an outcome in -ing or a level follows (we see).
    static let seeing = Traits(rawValue: 4)
    /// "should be", which urges before an attitude or a verb in -ing.
    static let shouldBe = Traits(rawValue: 8)
    /// A schedule in the present tense (starts, begins): it says nothing of a window gone by,
    /// and nothing of a habit ("each year the festival begins in July").
    static let schedule = Traits(rawValue: 16)
    /// 会, which a word of habit before it turns into "tends to" (通常会, 有时候会).
    static let habitual = Traits(rawValue: 32)
    /// "projects", "forecasts": a verb of guidance only after its subject and before its
    /// object, not the noun ("growth forecasts are…").
    static let guidance = Traits(rawValue: 64)
    /// A launch in the progressive: a schedule only beside a window still to come.
    static let launch = Traits(rawValue: 128)
    /// A verb that is an outlook only before a figure: "is seen at $81", "projects earnings of
    /// $3.50", bare "see".
    static let needsFigure = Traits(rawValue: 256)
    /// A forecast being made in the progressive ("is predicting"), or a launch: not a habit.
    static let progressive = Traits(rawValue: 512)
  }

  init(_ word: String, _ kind: Kind, caseSensitive: Bool = false) {
    self.word = word
    self.kind = kind
    self.isCaseSensitive = caseSensitive
    isWeak = SentenceAnalysis.weakWords.contains(word)
    mayMarkObject = word == "将" || word == "將"
    var traits: Traits = []
    if SentenceAnalysis.reportingWords.contains(word) { traits.insert(.reporting) }
    if SentenceAnalysis.beliefWords.contains(word) { traits.insert(.belief) }
    if SentenceAnalysis.seeingWords.contains(word) { traits.insert(.seeing) }
    if word == "should be" { traits.insert(.shouldBe) }
    if HedgeScale.scheduleWords.contains(word) { traits.insert(.schedule) }
    if SentenceAnalysis.habitualModals.contains(word) { traits.insert(.habitual) }
    if HedgeScale.guidanceWords.contains(word) { traits.insert([.guidance, .needsFigure]) }
    if HedgeScale.launchWords.contains(word) { traits.insert([.launch, .progressive]) }
    if HedgeScale.forecastingWords.contains(word) { traits.insert(.progressive) }
    if HedgeScale.figureAtWords.contains(word) || word == "see" { traits.insert(.needsFigure) }
    self.traits = traits
  }
}

extension Cue {
  /// What follows 预期 when it is a noun: a conjunction, 的, or a word that says how the
  /// expectations stand (偏弱, 不足, 走弱). Not 仍, 转, 改善 or an adverb, which follow the verb
  /// as often (预期仍将降息, 预期转亏为盈, 中金公司预期改善将持续, 预期有所回落).
  static let afterNounExpectation = [
    "和", "与", "與", "及", "的", "值", "差", "不足", "管理", "目标", "目標", "落空", "偏弱", "偏强", "偏強",
    "走弱", "减弱", "減弱", "疲弱", "升温", "升溫", "降温", "降溫", "心理",
  ]

  /// Every cue the extractor knows, in simplified and traditional Chinese and English.
  static let all: [Cue] =
    // A schedule in the present tense is a plan: beside a window, and not a habit.
    words(.plan, HedgeScale.scheduleWords)
    + words(
      .future,
      [
        "将", "將", "将会", "將會", "会", "會", "还会", "還會", "也会", "也會", "即将", "即將", "终将", "終將",
        "必将", "必將", "势必", "勢必", "注定", "一定会", "一定會", "将要", "將要", "要将", "必然",
      ])
    + words(
      .future,
      [
        "will", "'ll", "’ll", "is going to", "are going to", "is set to", "are set to",
        "is poised to", "are poised to", "is on track to", "are on track to", "would", "shall",
        "figures to", "appears set to", "is bound to", "are bound to", "is about to",
      ])
    + words(
      .hedge,
      [
        "可能", "可能会", "可能會", "很可能", "非常可能", "极有可能", "極有可能", "极大可能", "極大可能",
        "可能性极大", "可能性極大", "可能性很大", "有可能", "大概率", "大機率", "或将", "或將", "或成", "或会",
        "或會", "有望", "或有望", "料将", "料將", "料于", "料於",
        // 料 alone, "expects", as Hong Kong's papers write it (中原料明年樓價升15%): weak, and not
        // inside a word (材料, 资料, 原料; the decoys below).
        "料", "预计", "預計", "预期", "預期", "预测", "預測", "预料",
        // An analyst's target price, a level forecast: weak, so it needs a window or a figure.
        "目标价", "目標價",
        "預料", "预估", "預估", "可望", "估计", "估計", "也许", "也許", "或许", "或許", "说不定", "說不定", "恐怕", "有希望",
        // 恐将 "is feared likely to": a worry, surer than 可能 and less than 将.
        "恐将", "恐將", "恐怕将", "恐怕將", "恐会", "恐會", "恐被", "恐再",
        "十有八九", "八成", "几乎肯定", "幾乎肯定", "不排除", "预判", "預判", "有信心", "有把握",
      ])
    + words(
      .hedge,
      [
        "likely", "very likely", "highly likely", "probably", "could", "may", "might", "possibly",
        "is expected to", "are expected to", "expected to", "expects", "expect", "predicts",
        "predicted", "predicting", "anticipates",
        "is confident", "am confident", "very confident", "almost certainly", "certainly",
        "perhaps", "maybe", "good chance", "odds are", "predict",
        // "Margins should stay near 75%": should as expectation, not advice (the table's row).
      ] + HedgeScale.expectingShould + [
        // "We see inflation falling to 2.5% by 2027", "Morgan Stanley now sees the stock
        // hitting $300 within 12 months": an outlook, weak so it needs a window, and only
        // before a verb in -ing or "at" (`isOutlookSee`).
        "we see", "sees", "see",
        // "There is a real chance the EU fines Google again this year": weak, as 可能 is.
        "real chance", "real possibility", "serious possibility",
      ] + HedgeScale.estimatingWords + HedgeScale.beliefWords + HedgeScale.rumourWords
        + HedgeScale.expectedAtWords
        + HedgeScale.orBeforeVerbWords + HedgeScale.pickWords + HedgeScale.guidanceWords
        + HedgeScale.forecastingWords)
    + words(.plan, HedgeScale.targetWords)
    // Words of chance: a hedge only with a number beside them (`StatedProbability`).
    + words(.hedge, StatedProbability.nouns.sorted())
    + words(
      .negatedFuture,
      [
        "不会", "不會", "不太可能", "不大可能", "很难", "很難", "难以", "難以", "几乎不可能", "幾乎不可能",
        "恐怕不会", "恐怕不會",
        "不可能", "将不", "將不", "不再会", "不再會", "应该不会", "應該不會",
      ])
    + words(
      .negatedFuture,
      [
        "won't", "won’t", "will not", "unlikely", "very unlikely", "highly unlikely",
        "would not", "wouldn't", "wouldn’t",
        "almost no chance", "no chance", "little chance",
      ] + HedgeScale.doubtingWords + HedgeScale.notGoingTo)
    + words(
      .plan,
      [
        "计划", "計劃", "計畫", "规划", "規劃", "規畫", "拟", "擬", "打算", "准备", "準備", "宣布", "宣佈", "将于", "將於",
        "定于",
        "定於",
        "plans to",
        "plan to", "is planning to", "are planning to", "preparing to", "intends to", "aims to",
        "力争", "力爭", "力拼", "力拚", "hopes to", "hope to",
        "is scheduled to",
        "are scheduled to",
      ] + HedgeScale.slatedWords)
    // 预期 as a noun, expectations (收入预期偏弱, 收入预期和市场信心), not a verb of expecting.
    + words(.decoy, ["预期", "預期"].flatMap { noun in Cue.afterNounExpectation.map { noun + $0 } })
    // A plan word as a noun after a demonstrative, the plan or project itself (这项计划将于2027年
    // 完工, 計畫書): the sentence's own word of future sets the confidence. Not 此 (因此计划) nor
    // 的 (公司的计划是…, where the plan word is all that looks ahead).
    + words(
      .decoy,
      ["这项", "這項", "该", "該", "这个", "這個"].flatMap { before in
        ["计划", "計劃", "計畫", "规划", "規劃", "規畫"].map { before + $0 }
      } + ["计划书", "計劃書", "計畫書"])
    + words(
      .decoy,
      [
        "机会", "機會", "社会", "社會", "会议", "會議", "大会", "大會", "会员", "會員", "协会", "協會",
        "委员会", "委員會", "学会", "學會", "会计", "會計", "峰会", "峰會", "博览会", "博覽會",
        "发布会", "發佈會", "發布會", "聚会", "聚會", "理事会", "理事會", "董事会", "董事會", "股东会", "股東會", "体会", "體會", "领会",
        "領會", "误会", "誤會", "约会",
        "約會", "会场", "會場", "将军", "將軍", "将领", "將領", "可能性",
        // 将 ending a noun of people: 老将, 名将, 主将.
        "老将", "老將", "名将", "名將", "大将", "大將", "主将", "主將", "猛将", "猛將", "干将", "幹將", "战将",
        "戰將", "女将", "女將", "小将", "小將", "爱将", "愛將", "之所以会", "之所以會", "始料", "预料之中",
        "預料之中", "出乎预料", "出乎預料",
        // Bodies and gatherings named with 会 that no word before 会 makes "will" (乘联会; not
        // 年会 or 工会, which end 明年会 and 员工会).
        "乘联会", "乘聯會", "联席会", "聯席會", "研讨会", "研討會", "座谈会", "座談會", "听证会", "聽證會", "奥运会", "奧運會",
        "世博会", "世博會", "运动会", "運動會", "法说会", "法說會", "记者会", "記者會", "说明会", "說明會",
        "演唱会", "演唱會", "音乐会", "音樂會", "展览会", "展覽會", "交易会", "交易會", "晚会", "晚會",
        "百人会", "百人會", "临时会", "臨時會", "交流会", "交流會", "例会", "例會", "会后", "會後",
        "不可能三角", "若干", "在会上", "在會上", "会上表示", "會上表示", "如果说", "如果說", "的预测", "的預測", "的预言", "的預言",
        "些预测", "些預測", "应用", "應用", "May",
        // 或 as "or" between two verbs or amounts: 达到或超过, 增加或减少.
        "达到或超过", "達到或超過", "等于或超过", "等於或超過", "增加或减少", "增加或減少", "或增或减", "或增或減",
        "top up", "tops up",
        // 料 inside another word: 原料于, 资料於, and the nouns and verbs 料 ends or opens.
        "材料", "资料", "資料", "原料", "饮料", "飲料", "燃料", "塑料", "物料", "香料", "肥料", "涂料", "塗料",
        "木料", "布料", "面料", "饲料", "飼料", "不料", "照料", "料理", "意料", "史料", "笑料", "爆料", "配料",
        "调料", "調料", "颜料", "顏料", "染料", "废料", "廢料", "用料", "备料", "備料", "辅料", "輔料", "油料",
        "石料", "填料", "料子", "料件", "料号", "料號", "难料", "難料", "猛料", "加料", "好料", "所料", "硅料",
        "矽料", "熟料", "骨料", "浆料", "漿料", "胶料", "膠料", "钢料", "鋼料", "粒料",
        "原料于", "原料於", "材料于", "材料於", "资料于", "資料於", "燃料于", "燃料於", "饮料于", "飲料於",
        "塑料于", "塑料於", "物料于", "物料於",
        // A rumour of the past, and starts as a noun.
        "is said to have", "are said to have", "is tipped to have", "are tipped to have",
        "housing starts",
        // Hard to tell: no outcome is foreseen.
        "难以判断", "難以判斷", "难以预测", "難以預測", "难以预料", "難以預料", "难以估计", "難以估計",
        "很难说", "很難說", "很难判断", "很難判斷",
        // Sight, not an outlook: "we have yet to see", "see below".
        "to see", "you see", "let's see", "let’s see", "see also", "see below", "see above",
        "wait and see",
        // Certainty, not doubt.
        "no doubt", "little doubt", "without doubt", "without a doubt", "beyond doubt",
        "doubtless",
        // An estimate of the past: "is estimated to have sold 50 million".
        "estimated to have", "forecast to have", "projected to have", "expected to have",
        // Undeniably, and a refusal suffered: no denial of what follows.
        "不可否认", "不可否認", "无可否认", "無可否認", "不容否认", "不容否認", "no denying",
        "cannot deny", "can't deny", "can’t deny", "was denied", "were denied", "been denied",
        "被否认", "被否認",
      ])
    // 预期 as a noun, the expectation met or missed: 超预期, 低于预期, 符合市场预期, 稳定预期.
    + words(
      .decoy,
      [
        "超预期", "超預期", "超出预期", "超出預期", "超过预期", "超過預期", "不及预期", "不及預期", "不如预期",
        "不如預期", "未达预期", "未達預期", "达到预期", "達到預期", "符合预期", "符合預期", "于预期", "於預期",
        "与预期", "與預期", "超市场预期", "超市場預期", "超出市场预期", "超出市場預期", "不及市场预期",
        "不及市場預期", "符合市场预期", "符合市場預期", "于市场预期", "於市場預期", "与市场预期", "與市場預期",
        "稳预期", "穩預期", "稳定预期", "穩定預期", "稳定市场预期", "穩定市場預期", "引导预期", "引導預期",
        "引导市场预期", "引導市場預期", "改善预期", "改善市场预期", "提振预期", "提振市场预期", "扭转预期",
        "扭轉預期", "管理预期", "管理預期", "预期差", "預期差", "预期值", "預期值", "预期目标", "預期目標",
        "预期收益", "預期收益", "预期回报", "預期回報", "预期寿命", "預期壽命", "预期管理", "預期管理",
        "预期之内", "預期之內", "预期之外", "预期之中", "预期升温", "預期升溫", "预期降温", "預期降溫",
        "预期转向", "預期轉向", "预期分化", "预期落空", "预期。", "預期。", "预期；", "預期；", "预期的",
        "預期的",
        // "市场对降息的预期较为充分": the expectation held, described.
        "预期较为", "預期較為", "预期较强", "預期較強", "预期较弱", "預期較弱", "预期充分", "預期充分",
        "预期强烈", "預期強烈", "预期减弱", "預期減弱", "预期增强", "預期增強",
      ])
    + words(
      .past,
      [
        "已经", "已經", "已", "曾经", "曾經", "曾", "早已", "此前", "去年", "过去", "過去", "刚刚", "剛剛",
        "日前", "近日", "昨天", "上周", "上週", "正在", "目前", "如今", "现已", "現已",
      ])
    + words(
      .past,
      [
        "announced", "has launched", "have launched", "launched", "has already", "have already",
        "already", "last year", "was", "were", "had", "did", "has been", "have been",
        // An expectation held before and given up: the words of doubt inside are not read.
        "had expected", "had been expected", "had planned", "had hoped", "had intended",
        "had predicted", "had forecast", "原计划", "原計劃", "原本预计", "原本預計", "原先预计", "原先預計",
        // An expectation voiced before, reported beside how it turned out.
        "先前预估", "先前預估", "先前预计", "先前預計", "先前预期", "先前預期", "原先预估", "原先預估",
      ])
    + words(
      .question,
      [
        "是否", "会不会", "會不會", "能否", "吗", "嗎", "何时", "何時", "谁会", "誰會", "谁将", "誰將",
        "will it", "would it",
      ])
    + words(
      .advice,
      [
        "应该", "應該", "应当", "應當", "需要", "必须", "必須", "务必", "務必", "不得",
        "关键任务", "關鍵任務", "建议", "建議", "should", "must", "need to", "needs to", "ought to", "you will",
        "you'll", "you’ll", "you can",
        "you need", "you should",
        "have to", "has to",
      ])
    + words(
      .framing,
      [
        "预示", "預示", "这将是", "這將是", "这将会是", "這將會是", "will be remembered",
        "will go down in history",
        // "2027年将是…的关键一年", "…商业化元年": a label for a year, with no outcome to check.
        "的一年", "关键一年", "關鍵一年", "元年",
      ])
    + words(
      .meta,
      [
        "总而言之", "總而言之", "总之", "總之", "in short", "here are", "here is what", "here is my",
        "here is our", "here's", "here’s", "subscribe",
        "subscribing", "subscription to our", "your subscription", "what we expect", "read more",
        "sign up", "订阅", "訂閱",
        "点击", "點擊", "我们将持续关注", "我們將持續關注", "我们将继续关注", "我們將繼續關注",
        "本报将持续关注", "本報將持續關注", "本报将持续追踪", "本報將持續追蹤", "敬请关注", "敬請關注",
        "stay tuned", "keep you updated", "keep readers updated", "keep updating this page",
        "keep updating this story", "keep updating this article",
        "this story will be updated", "this page will be updated", "will update this story",
        "we will update", "we'll update", "we’ll update", "will update this post",
        "this post will be updated",
        // The writers saying what they will do with the article or the calls in it.
        "we will revisit", "we'll revisit", "we’ll revisit", "we will report back",
        "we'll report back", "we’ll report back", "we will check back", "we'll check back",
        "we’ll check back", "check back next", "check back later", "check back soon",
        "check back here", "we will look back", "we'll look back", "we’ll look back",
        "we will follow up", "we'll follow up", "we’ll follow up", "keep you posted",
        "we will be watching", "we'll be watching", "we’ll be watching",
        // The writer's own act of saying: "As is traditional, I will say that nobody…".
        "i will say", "i'll say", "i’ll say", "i will admit", "i'll admit", "i’ll admit", "我们将跟进",
        "我們將跟進",
        "我们会跟进", "我們會跟進", "我们将持续更新", "我們將持續更新", "我们会持续更新", "我們會持續更新",
        "明年再来回顾", "明年再來回顧", "届时再回顾", "屆時再回顧",
      ])
    + words(
      .disclaimer,
      [
        "不代表预测", "不代表預測", "不构成预测", "不構成預測", "并非预测", "並非預測", "不是预测", "不是預測",
        "不属于预测", "不屬於預測", "不作预测", "不作預測", "不做预测", "不做預測", "没有人预计", "沒有人預計",
        "没人预计", "沒人預計", "无人预计", "無人預計", "没有人预期", "沒有人預期", "没有人认为", "沒有人認為",
        "not a forecast", "not a prediction", "not a projection", "not forecasts",
        "not predictions",
        "isn't a forecast", "isn’t a forecast", "isn't a prediction", "isn’t a prediction",
        "not meant as a forecast", "not intended as a forecast", "not be read as a forecast",
        "not be taken as a forecast", "nobody expects", "no one expects", "nobody predicts",
        "no one predicts", "nobody thinks", "no one thinks", "nobody believes", "no one believes",
        "nobody is expecting", "no one is expecting", "nobody anticipates", "no one anticipates",
        "nobody is forecasting", "no one is forecasting", "nobody is predicting",
        "no one is predicting", "nobody sees", "no one sees", "few see", "few economists see",
        "few analysts see", "few expect", "few economists expect", "few analysts expect",
      ])
    + words(
      .condition,
      [
        "如果", "若", "一旦", "假如", "假设", "假設", "要是", "只要", "倘若", "如若", "除非", "if", "unless",
        "barring", "provided that", "as long as",
      ])
    + words(
      .denial,
      [
        "denied", "denies", "deny", "denying", "not true that", "isn't true that",
        "isn’t true that",
        "is untrue", "are untrue", "否认", "否認", "辟谣", "闢謠", "不属实", "不屬實", "并非事实", "並非事實",
        "并不准确", "並不準確",
      ])
    + words(.negatedFuture, HedgeScale.noPlanWords)
    + words(
      .objectMarkerVerb,
      [
        "接入", "纳入", "納入", "集成", "整合", "打造成", "变成", "變成", "视为", "視為", "作为", "作為",
        "转化为", "轉化為", "融为一体", "融為一體", "融入", "插件化", "放在", "置于", "置於", "交给", "交給",
        "用于", "用於", "应用于", "應用於", "提升至", "调整为", "調整為",
      ])

  private static func words(_ kind: Kind, _ list: [String]) -> [Cue] {
    list.map { word in
      // "May" the month is a decoy only when capitalised; the modal is lower case.
      Cue(word, kind, caseSensitive: word == "May")
    }
  }
}
