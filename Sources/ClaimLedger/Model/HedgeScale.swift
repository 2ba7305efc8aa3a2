/// One hedge word and the probability it is read as, with the range the surveys allow.
public struct Hedge: Hashable, Sendable {
  /// The word as written, e.g. `大概率` or `likely`.
  public let word: String
  /// The point value used for scoring.
  public let probability: Double
  /// The plausible range (low, high) from the surveys; scores are tested against both ends.
  public let range: ClosedRange<Double>
  /// True for words that carry little information (可能, "could"), reported apart.
  public let isLowInformation: Bool
  /// True for words that say the outcome will not happen (不会, won't, unlikely): a claim
  /// worded with one is the negated outcome, and its confidence is one minus `probability`.
  public let isNegating: Bool
}

/// The word → probability table shared by `--hedge` and the extractor.
///
/// Anchors: Sherman Kent's words of estimative probability, the IPCC likelihood scale, ICD 203
/// and the Mauboussin 2018 survey medians; Chinese hedges are placed on the same scale, and
/// simplified and traditional spellings share a row. The version is printed on scorecards so a
/// score can be reproduced with the table it was made from.
public struct HedgeScale: Sendable {
  public static let version = "2026.10"
  public static let standard = HedgeScale(rows: HedgeScale.builtInRows)

  /// Rows, longest word first so that `极有可能` wins over `可能` when searching text.
  public let hedges: [Hedge]
  private let byWord: [String: Hedge]

  public init(rows: [(words: [String], p: Double, low: Double, high: Double, vague: Bool)]) {
    var hedges: [Hedge] = []
    for row in rows {
      for word in row.words {
        hedges.append(
          Hedge(
            word: word, probability: row.p, range: row.low...row.high, isLowInformation: row.vague,
            isNegating: HedgeScale.negatingWords.contains(HedgeScale.key(word))))
      }
    }
    hedges.sort { ($0.word.count, $0.word) > ($1.word.count, $1.word) }
    self.hedges = hedges
    var byWord: [String: Hedge] = [:]
    for hedge in hedges { byWord[HedgeScale.key(hedge.word)] = hedge }
    self.byWord = byWord
  }

  /// The hedge spelled `word` (case and surrounding spaces do not matter).
  public func hedge(named word: String) -> Hedge? {
    byWord[HedgeScale.key(word)]
  }

  /// The longest hedge that occurs in `text`, matching English words only at word boundaries.
  /// Words that hedge only in a context the extractor checks ("starts" beside a window, "I
  /// think" before a forecast) are left out: in "I think Apple might cut prices" the hedge is
  /// "might".
  public func firstHedge(in text: String) -> Hedge? {
    let lowered = HedgeScale.padded(text)
    return hedges.first {
      !HedgeScale.contextualWords.contains($0.word) && HedgeScale.occurs($0.word, inPadded: lowered)
    }
  }

  /// Words the table reads only when `--hedge` or the extractor names them.
  static let contextualWords = Set(
    scheduleWords + beliefWords + expectedAtWords + rumourWords + guidanceWords + [
      "料",
      "sees", "see", "real chance", "a real chance",
    ])

  /// A schedule in the present tense, a forecast beside a window: "the factory starts
  /// production in the first half of 2027", "the law takes effect in January".
  public static let scheduleWords =
    [
      "starts", "begins", "takes effect", "goes on sale", "kicks off",
    ] + launchWords
  /// The progressive of a launch, "the headset is coming later this year": a schedule only
  /// beside a window still wholly to come ("are arriving in record numbers this summer" is
  /// what is happening).
  public static let launchWords = [
    "is coming", "are coming", "is arriving", "are arriving", "is launching", "are launching",
    "is debuting", "are debuting", "is rolling out", "are rolling out", "is releasing",
    "are releasing",
  ]
  /// A date set by someone else's calendar: "is scheduled for release in October", "is
  /// slated to open in 2027" (not "is set for", as often a setting: "the alarm is set for 6").
  public static let slatedWords = [
    "is scheduled for", "are scheduled for", "is slated to", "are slated to", "is slated for",
    "are slated for",
  ]
  /// A forecaster's own figure, the verb before its object: "the company now projects earnings
  /// of $3.50", "Goldman forecasts Brent at $80" (not the nouns: "growth forecasts are…").
  public static let guidanceWords = ["projects", "forecasts", "forecast"]
  /// A belief, a forecast beside a window: "I think they stay above 6% all year".
  public static let beliefWords = ["i think", "we think", "i believe", "we believe"]
  /// A figure or an outcome put forward by a forecaster's model: "revenue is projected to
  /// reach", "the margin is estimated to be 43%", "GDP is forecast to grow 2%".
  public static let estimatingWords = [
    "is projected to", "are projected to", "projected to", "is estimated to", "are estimated to",
    "estimated to", "is forecast to", "are forecast to", "forecast to",
  ]
  /// An event expected at a time, or a figure expected at a level: "an update is expected in
  /// September", "growth expected at 80.8%".
  public static let expectedAtWords =
    [
      "is expected in", "are expected in", "is expected by", "are expected by",
      "is expected later", "are expected later", "is expected next", "are expected next",
      "is expected at", "are expected at", "expected at",
    ] + figureAtWords
  /// A figure put forward at a level, only before one: "WTI is seen at $81" (not "is seen at
  /// the Davos forum").
  public static let figureAtWords = [
    "is seen at", "are seen at", "is estimated at", "are estimated at", "is forecast at",
    "are forecast at", "is projected at", "are projected at",
  ]
  /// A forecast being made, in the progressive: "the Met Office is forecasting a mild winter".
  public static let forecastingWords = [
    "is forecasting", "are forecasting", "is projecting", "are projecting", "is predicting",
    "are predicting",
  ]
  /// A rumour passed on: "is said to be planning", "is tipped to launch in September".
  public static let rumourWords = ["is said to", "are said to", "is tipped to", "are tipped to"]
  /// 或 before a verb of movement, "may": 利润或达10亿, 作价或超过80亿元 (or "or", so weak).
  public static let orBeforeVerbWords = [
    "或达", "或達", "或超", "或升", "或降", "或跌", "或增", "或减", "或減", "或突破", "或放缓", "或放緩", "或放慢",
    "或回落", "或回升", "或下调", "或下調", "或上调", "或上調", "或扩大", "或擴大", "或收窄",
    "或加快", "或推迟", "或推遲", "或延后", "或延後",
  ]

  /// The confidence of a claim worded `text` that `hedge` qualifies: the word's value, or one
  /// minus it when the word negates and the text is worded negated too (it holds a negating
  /// word, this one or another: a quote's 不会 for a text's "won't"), since the claim is then
  /// the negated outcome ("Tesla won't buy xAI" is 85 % sure that it does not). A negating
  /// word given for a text worded as the outcome happening qualifies that outcome.
  public static func confidence(of hedge: Hedge, forText text: String) -> Confidence {
    let lowered = padded(text)
    guard hedge.isNegating,
      standard.hedges.contains(where: { $0.isNegating && occurs($0.word, inPadded: lowered) })
    else {
      return Confidence(clamping: hedge.probability)
    }
    // On the table's grid of millionths, so 1 − 0.15 is 0.85 as written, not 0.8500000000000001.
    return Confidence(clamping: ((1 - hedge.probability) * 1e6).rounded() / 1e6)
  }

  /// `text` lower-cased between spaces, so every word in it has a non-letter on each side.
  private static func padded(_ text: String) -> String {
    " " + text.lowercased() + " "
  }

  /// Whether `word` occurs in `lowered` (as `padded` makes it); an English word only at word
  /// boundaries, so "will" is not found in "willing".
  private static func occurs(_ word: String, inPadded lowered: String) -> Bool {
    let pattern = word.lowercased()
    guard pattern.utf8.first.map({ $0 < 0x80 }) ?? false else { return lowered.contains(pattern) }
    var searchStart = lowered.startIndex
    while let range = lowered.range(of: pattern, range: searchStart..<lowered.endIndex) {
      let before = lowered[lowered.index(before: range.lowerBound)]
      let after = lowered[range.upperBound]
      if !before.isLetter, !after.isLetter { return true }
      searchStart = range.upperBound
    }
    return false
  }

  private static func key(_ word: String) -> String {
    word.trimmingSpaces().lowercased()
  }

  /// The words of the rows that say the outcome will not happen ("remote", of a chance, does
  /// not: the event it qualifies is worded as it would happen).
  static let negatingWords = Set<String>([
    "probably not", "doubtful", "应该不会", "應該不會", "unlikely", "improbable", "not likely", "不太可能",
    "不大可能",
    "恐怕不会", "恐怕不會", "很难", "难以", "很難", "難以", "不会", "不會", "will not", "won't", "won’t",
    "very unlikely", "highly unlikely", "highly improbable", "几乎不可能", "极不可能", "绝无可能",
    "幾乎不可能", "極不可能", "絕無可能", "almost certainly not", "almost no chance",
  ]).union(doubtingWords).union(notGoingTo).union(noPlanWords)

  /// "has no plans to", 没有计划: an actor's own word that it will not, read as "unlikely".
  public static let noPlanWords = [
    "has no plans to", "have no plans to", "no plans to", "no plan to", "not planning to",
    "没有计划", "沒有計劃", "沒有計畫", "暂无计划", "暫無計劃", "暫無計畫", "并无计划", "並無計劃", "並無計畫",
    "无计划", "無計劃", "無計畫",
  ]

  /// "is not going to", "we're not going to": will not, in other words.
  public static let notGoingTo = [
    "is not going to", "are not going to", "am not going to", "isn't going to", "isn’t going to",
    "aren't going to", "aren’t going to", "'re not going to", "’re not going to",
    "'m not going to", "’m not going to", "'s not going to", "’s not going to",
  ]

  /// A company's own target or guidance: "we're targeting approval in the third quarter", "guided
  /// to revenue of $1.45 billion", "our guidance calls for".
  public static let targetWords = [
    "is targeting", "are targeting", "'re targeting", "’re targeting", "guided to", "guides to",
    "guidance calls for",
  ]

  /// A bet of the writer's own: "my bet is", "I'd bet on" ("my pick" is as often a choice: "my
  /// pick for the book club").
  public static let pickWords = ["my bet", "i'd bet", "i’d bet", "i would bet"]

  /// Doubt that an outcome will come: "I don't think X will", "analysts doubt X will", 我不认为X会
  /// (the surveys' "we doubt", about one in four).
  public static let doubtingWords = [
    "doubt", "doubts", "don't think", "don’t think", "do not think", "doesn't think",
    "doesn’t think", "does not think", "don't expect", "don’t expect", "do not expect",
    "doesn't expect", "doesn’t expect", "does not expect", "don't believe", "don’t believe",
    "do not believe", "doesn't believe", "doesn’t believe", "does not believe", "不认为", "不認為",
    "不相信", "would be surprised if", "'d be surprised if", "’d be surprised if",
  ]

  /// "Should" before a verb of movement or state, an expectation ("margins should stay near
  /// 75%"); not hold, close or settle, which are as often advice ("investors should hold").
  public static let expectingShould = [
    "should be", "should remain", "should stay", "should rise", "should fall", "should reach",
    "should grow", "should decline", "should improve", "should come", "should arrive",
    "should top", "should exceed", "should hit", "should continue", "should return",
    "should recover", "should ease", "should slow", "should pick up", "should increase",
    "should drop", "should end", "should finish", "should climb", "should average",
    "should peak", "should land", "should edge", "should double", "should stabilize",
    "should stabilise", "should moderate", "should narrow", "should widen", "should rebound",
    "should bottom", "should trough", "should climb back", "should level off", "should win",
    "should lose", "should beat", "should clinch",
    "should plateau", "should outpace", "should outperform", "should underperform",
    "should accelerate", "should decelerate", "should slip", "should dip", "should soften",
    "should firm", "should cool",
    // "should hold" is advice ("should hold its dividend") unless a level follows.
    "should hold near", "should hold at", "should hold around", "should hold above",
    "should hold below", "should hold steady", "should hold up",
  ]

  // (words, point, low, high, low-information)
  static let builtInRows: [(words: [String], p: Double, low: Double, high: Double, vague: Bool)] = [
    (["certain", "certainly", "definitely", "will certainly"], 0.97, 0.9, 0.99, false),
    (["必将", "必然", "一定会", "注定", "必將", "一定會"], 0.95, 0.9, 0.99, false),
    (
      ["almost certain", "almost certainly", "virtually certain", "nearly certain"], 0.93, 0.85,
      0.99, false
    ),
    (["几乎肯定", "几乎可以肯定", "板上钉钉", "幾乎肯定", "幾乎可以肯定", "板上釘釘"], 0.92, 0.85, 0.97, false),
    (["宣布", "宣佈", "宣布将", "宣布將", "宣佈將", "将于", "將於", "定于", "定於"], 0.9, 0.8, 0.97, false),
    (
      [
        "is scheduled to", "are scheduled to", "very confident", "highly confident",
      ] + scheduleWords + slatedWords, 0.9, 0.8, 0.97, false
    ),
    (["即将", "即將", "势必", "勢必"], 0.9, 0.8, 0.97, false),
    (["极有可能", "极大可能", "可能性极大", "極有可能", "極大可能", "可能性極大"], 0.88, 0.8, 0.95, false),
    (["终将", "終將"], 0.85, 0.7, 0.95, false),
    (
      ["highly likely", "very likely", "extremely likely", "very probable", "highly probable"],
      0.88, 0.8, 0.95, false
    ),
    (["十有八九", "八成"], 0.85, 0.8, 0.9, false),
    (["将", "将会", "会", "將", "將會", "會"], 0.85, 0.75, 0.95, false),
    (["will", "is going to", "are going to", "is set to", "are set to"], 0.85, 0.75, 0.95, false),
    (["很可能", "非常可能", "很有可能", "可能性很大"], 0.8, 0.7, 0.9, false),
    (["计划", "計劃", "計畫", "规划", "規劃", "規畫", "拟", "擬", "打算"], 0.8, 0.65, 0.9, false),
    (
      [
        "plans to", "plan to", "is planning to", "are planning to", "preparing to",
        "is preparing to", "are preparing to", "intends to", "confident",
        "is confident", "am confident", "有信心", "有把握",
      ] + targetWords, 0.8, 0.65, 0.9, false
    ),
    (["is poised to", "is on track to", "appears set to"], 0.75, 0.6, 0.85, false),
    (["with high probability", "high probability"], 0.8, 0.7, 0.9, false),
    (["大概率", "大機率"], 0.75, 0.65, 0.85, false),
    (["probable", "probably"], 0.7, 0.6, 0.8, false),
    (
      [
        "likely", "is expected to", "are expected to", "expected to", "expects", "expect",
        "predicts", "predict", "we see", "sees", "see",
      ] + guidanceWords + forecastingWords + estimatingWords + beliefWords + expectedAtWords, 0.7,
      0.55, 0.8, false
    ),
    (
      [
        "预计", "预期", "預計", "預期", "预测", "預測", "预估", "預估", "预料", "預料", "可望", "目标价",
        "目標價",
      ], 0.7, 0.6, 0.8, false
    ),
    (["figures to", "would", "predicted", "predicting"], 0.7, 0.5, 0.8, false),
    (["good chance", "a good chance", "odds are"], 0.65, 0.55, 0.75, false),
    (expectingShould, 0.65, 0.5, 0.8, false),
    (["有望", "或有望", "料将", "料將", "料于", "料於", "料", "有希望"], 0.65, 0.55, 0.75, false),
    // 恐将 "is feared likely to": the fear of an outcome, not the certainty of 将.
    (["恐将", "恐將", "恐怕将", "恐怕將", "恐会", "恐會", "恐被", "恐再"], 0.6, 0.45, 0.75, false),
    (["serious possibility"], 0.6, 0.3, 0.85, true),
    (["real possibility", "real chance", "a real chance"], 0.55, 0.2, 0.8, true),
    (
      ["chances about even", "even chance", "roughly even", "fifty-fifty", "toss-up"], 0.5, 0.45,
      0.55, false
    ),
    (["五五开", "一半一半", "五五開"], 0.5, 0.45, 0.55, false),
    (["可能"], 0.5, 0.3, 0.7, true),
    (
      ["或将", "或將", "或成", "或会", "或會"] + orBeforeVerbWords, 0.5, 0.35, 0.65, true
    ),
    (["aims to", "hopes to", "hope to", "力争", "力爭", "力拼", "力拚"], 0.6, 0.4, 0.75, true),
    // A pick or a bet of one's own: a little surer than a rumour, as the surveys' "my bet".
    (pickWords, 0.65, 0.55, 0.75, false),
    // A rumour passed on: no survey anchors it; read as a little better than even.
    (rumourWords, 0.6, 0.4, 0.75, true),
    (["maybe", "perhaps"], 0.45, 0.25, 0.5, true),
    (["有可能", "可能会", "可能會"], 0.45, 0.25, 0.6, true),
    (["也许", "或许", "说不定", "也許", "或許", "說不定"], 0.45, 0.25, 0.5, true),
    (["possibly", "possible", "could", "may"], 0.45, 0.15, 0.6, true),
    (["might"], 0.4, 0.1, 0.55, true),
    (["不排除"], 0.3, 0.15, 0.45, true),
    (["probably not", "doubtful", "应该不会", "應該不會"] + doubtingWords, 0.3, 0.2, 0.4, false),
    (["unlikely", "improbable", "not likely"] + noPlanWords, 0.2, 0.05, 0.3, false),
    (["不太可能", "不大可能", "恐怕不会", "恐怕不會"], 0.2, 0.1, 0.3, false),
    (["很难", "难以", "很難", "難以"], 0.15, 0.05, 0.3, false),
    (["不会", "不會", "will not", "won't", "won’t"] + notGoingTo, 0.15, 0.05, 0.25, false),
    (["very unlikely", "highly unlikely", "highly improbable"], 0.1, 0.05, 0.2, false),
    (["几乎不可能", "极不可能", "绝无可能", "幾乎不可能", "極不可能", "絕無可能"], 0.05, 0.02, 0.1, false),
    (["almost certainly not", "almost no chance", "remote"], 0.05, 0.01, 0.1, false),
  ]
}
