import ClaimLedger
import Testing

@testable import ClaimExtractor

/// Whole articles, written for these tests, through the whole pipeline.
@Suite struct ExtractorTests {
  static func proposals(_ text: String, path: String = "article.md") throws -> [Claim] {
    try Extractor().proposals(fromBytes: Array(text.utf8), path: path).map(\.claim)
  }

  /// The proposals of `body` under front matter with a title, the day and the author, and any
  /// more front-matter lines (`frontMatter`, each ending in a newline).
  static func article(
    _ body: String, date: String = "2026-03-10", author: String, frontMatter: String = ""
  ) throws -> [Claim] {
    try proposals(
      """
      ---
      title: Outlook
      date: '\(date)'
      author: \(author)
      \(frontMatter)---
      \(body)
      """)
  }

  /// A control character in a byline or a header line becomes a space in the claim, and a
  /// link that holds one is left out: import refuses both.
  @Test func controlCharactersInTheMetadataBecomeSpaces() throws {
    let claims = try Self.proposals(
      "Date: 2026-04-01\nAuthor: Jane\u{1B}[1m Roe\nURL: https://example.com/a\u{7F}b\n\n"
        + "Zorvex will open a plant in 2027.\n")
    #expect(claims.map(\.source) == ["Jane [1m Roe"])
    #expect(claims.map(\.url) == [nil])
  }

  @Test func aDigestGivesEachSectionItsOwnSourceAndLink() throws {
    let claims = try Self.proposals(
      """
      # 科技早报 - 2026年03月02日

      ## 芯片厂商扩产

      > **来源：** [晶片观察](https://example.com/chips)

      - 产能：该厂预计明年产能翻倍。

      ---

      ## 汽车销量展望

      > **来源：** [车市日报](https://example.com/cars)

      - 销量：比亚迪有望在2027年销量突破八百万辆。
      """)
    #expect(claims.map(\.source) == ["晶片观察", "车市日报"])
    #expect(claims.map(\.url) == ["https://example.com/chips", "https://example.com/cars"])
    #expect(claims.map { $0.said?.description } == ["2026-03-02", "2026-03-02"])
    #expect(claims.map { $0.deadline?.description } == ["2027-12-31", "2027-12-31"])
  }

  @Test func aRelayedOutletIsTheSourceAndTheChannelIsVia() throws {
    let claims = try Self.proposals(
      """
      ---
      title: 二〇二七年消费电子预测
      date: 2027-01-05
      author: 数码频道
      ---
      《科技前沿周刊》发布了一系列关于二〇二七年的预测。
      苹果将推出折叠屏手机。
      """)
    #expect(claims.count == 1)
    #expect(claims.first?.source == "科技前沿周刊")
    #expect(claims.first?.via == "数码频道")
    // No frame of its own: the article's framing year sets the deadline.
    #expect(claims.first?.deadline?.description == "2027-12-31")
    #expect(claims.first?.deadlineText?.contains("2027") == true)
  }

  /// A short opening line that announces forecasts frames the article's year; a long paragraph
  /// that mentions a trend beside a plant's opening year frames nothing.
  @Test func onlyAShortOpeningLineFramesTheYear() throws {
    func deadlines(_ opening: String) throws -> [String?] {
      try Self.proposals(
        """
        ---
        title: 伺服器出貨升溫
        date: 2026-08-12
        author: 工商時報
        ---
        \(opening)
        晟鼎預估第四季營收將成長兩成。
        """
      ).map { $0.deadline?.description }
    }
    let paragraph =
      "晟鼎董事會昨日通過斥資新台幣180億元於高雄興建新廠，新廠2028年第一季完工後將主要生產伺服器機櫃。"
      + "總經理強調，AI是未來十年最重要的產業趨勢，公司會持續加碼投資，並擴大在北美與東南亞的組裝產能。"
    #expect(try deadlines(paragraph).last == "2026-12-31")
    #expect(try deadlines("以下是2027年伺服器產業趨勢展望：").last == "2027-12-31")
  }

  @Test func aNamedSpeakerIsTheSourceAndHeCarriesIt() throws {
    let claims = try Self.proposals(
      """
      URL: https://news.example.com/2025/06/10/robots.html
      TITLE: Robot maker sets targets

      Jane Doe, the chief executive, said the company will ship 10,000 robots next year.
      She added that margins were thin. He expects to be profitable within two years.
      """)
    #expect(claims.map(\.source) == ["Jane Doe", "Jane Doe"])
    #expect(claims.map { $0.said?.description } == ["2025-06-10", "2025-06-10"])
    #expect(claims.map { $0.deadline?.description } == ["2026-12-31", "2027-06-10"])
    #expect(claims.allSatisfy { $0.via == "news.example.com" })
  }

  @Test func unnamedSourcesAreKeptAsSuch() throws {
    let claims = try Self.proposals(
      """
      作者：林一
      2026/04/01
      據知情人士透露，該公司或將在年底前完成新一輪融資。
      """)
    #expect(claims.map(\.source) == ["知情人士"])
    #expect(claims.first?.via == "林一")
    #expect(claims.first?.lang == "zh-Hant")
    #expect(claims.first?.deadline?.description == "2026-12-31")
    #expect(claims.first?.text.hasPrefix("據") == false)
  }

  @Test func withoutADateNothingIsInvented() throws {
    let claims = try Self.proposals("这家公司预计在18个月内盈利。\n")
    #expect(claims.count == 1)
    #expect(claims.first?.said == nil)
    #expect(claims.first?.deadline == nil)
  }

  @Test func aKnownPatternGetsAShortEnglishText() throws {
    let claims = try Self.proposals(
      """
      ---
      date: 2026-02-01
      ---
      分析人士认为，微软极有可能在2026年收购一家游戏公司。特斯拉可能收购xAI，时间在今年。
      """)
    #expect(claims.last?.text == "Tesla acquires xAI by 2026-12-31")
    #expect(claims.last?.quote == "特斯拉可能收购xAI，时间在今年。")
  }

  @Test func extractingTwiceGivesTheSameIDs() throws {
    let text = "---\ndate: 2026-02-01\n---\n小米将在明年推出新车。\n"
    let first = try Self.proposals(text).map(\.derivedID)
    let second = try Self.proposals(text).map(\.derivedID)
    #expect(first == second)
    #expect(first.count == 1)
  }

  @Test func aRepeatedSentenceIsProposedOnce() throws {
    let claims = try Self.proposals(
      "---\ndate: 2026-02-01\n---\n# 小米将在明年推出新车\n\n小米将在明年推出新车。\n小米将在明年推出新车。\n")
    #expect(claims.count <= 2)
    #expect(Set(claims.map(\.quote)).count == claims.count)
  }

  @Test func conditionalAndNegatedForecastsKeepTheirMarks() throws {
    let claims = try Self.proposals(
      """
      ---
      date: 2026-02-01
      ---
      如果监管放行，这家公司将在明年上市。SpaceX可能不会在今年上市。
      """)
    #expect(claims.map(\.isConditional) == [true, false])
    #expect(claims.last?.quote?.contains("不会") == true)
  }

  @Test func overridesReplaceWhatTheArticleSays() throws {
    let overrides = ExtractionOverrides(
      source: "某分析师", said: Day(year: 2026, month: 5, day: 1), url: "https://example.com/x")
    let claims = try Extractor().proposals(
      fromBytes: Array("该公司预计明年上市。\n".utf8), path: "a.txt", overrides: overrides
    ).map(\.claim)
    #expect(claims.map(\.source) == ["某分析师"])
    #expect(claims.first?.deadline?.description == "2027-12-31")
    #expect(claims.first?.url == "https://example.com/x")
  }

  @Test func badBytesAreAnErrorNamingTheFile() {
    #expect(throws: ExtractionError.empty(path: "blank.txt")) {
      try Extractor().proposals(fromBytes: Array("  \n\n".utf8), path: "blank.txt")
    }
  }

  @Test func aTenMegabyteLineWithNoPunctuationIsRead() throws {
    let line = String(repeating: "数据", count: 1_750_000) + "\n"
    let claims = try Self.proposals(line)
    #expect(claims.isEmpty)
  }
}

extension ExtractorTests {
  @Test func aListItemsLabelIsLeftOutOfTheQuote() throws {
    let claims = try Self.proposals("---\ndate: 2026-02-01\n---\n- 融资计划：该公司预计明年完成上市。\n")
    #expect(claims.map(\.quote) == ["该公司预计明年完成上市。"])
  }

  @Test func heIsTheLastPersonNamedBeforeEvenInAnotherSentence() throws {
    let claims = try Self.proposals(
      """
      ---
      date: 2026-02-01
      ---
      腾讯宣布2月10日上线新游戏。马化腾在会上表示微信很重要。
      他还表示，明年微信将推出新的支付功能。
      """)
    #expect(claims.map(\.source) == ["Tencent", "Pony Ma"])
  }

  @Test func aPhraseBeforeASpeechVerbIsNotASpeaker() throws {
    let claims = try Self.proposals(
      "---\ndate: 2026-02-01\ntitle: 2026年预测\nauthor: 某频道\n---\n模型再通过预测下一个词学习，明年将更快。\n")
    #expect(claims.map(\.source) == ["某频道"])
  }
}

extension ExtractorTests {
  @Test func aModelGoingOnSaleIsNotAnIPO() throws {
    let claims = try Self.proposals("---\ndate: 2026-07-03\n---\n小米汽车的第二款车型将于今年9月正式上市。\n")
    #expect(claims.count == 1)
    #expect(claims.first?.text.contains("goes public") == false)
    #expect(claims.first?.deadline?.description == "2026-09-30")
  }
}

/// Cases found by reading the pipeline against odd inputs.
@Suite struct ExtractorEdgeTests {
  @Test(arguments: [
    "“Will prices fall in 2027?”", "“Could prices fall sharply in 2027?”",
    "Could stocks (and bonds) fall in 2027?)", "明年房价会下跌吗？」",
  ])
  func aQuestionInsideClosingMarksIsStillAQuestion(_ sentence: String) throws {
    let text = "---\ndate: 2026-03-01\n---\n\(sentence)\n"
    #expect(try ExtractorTests.proposals(text).isEmpty)
  }

  @Test func aFramingYearAlreadyOverSetsNoDeadline() throws {
    let claims = try ExtractorTests.proposals(
      "---\ntitle: Our forecasts for 2025\ndate: 2026-03-01\n---\nPrices will rise sharply.\n")
    #expect(claims.count == 1)
    #expect(claims.first?.deadline == nil)
  }

  @Test func weAndINeverStandForTheLastSpeaker() throws {
    let claims = try ExtractorTests.proposals(
      """
      ---
      date: 2026-03-01
      author: Desk
      ---
      Elon Musk said Tesla will ship a robot in 2027. We expect oil prices will fall in 2027.
      I think rates will rise in 2027.
      """)
    #expect(claims.map(\.source) == ["Elon Musk", "Desk", "Desk"])
  }

  @Test func aLoneOpeningWordIsNotASpeaker() throws {
    let claims = try ExtractorTests.proposals(
      "---\ndate: 2026-03-01\nauthor: Desk\n---\nMost economists think rates will fall in 2027.\n")
    #expect(claims.map(\.source) == ["Desk"])
  }

  @Test func juInsideShujuIsNoAttribution() throws {
    // 据 in 数据 does not open "据…称"; the company before 称 speaks.
    let claims = try ExtractorTests.proposals(
      "---\ndate: 2026-03-01\nauthor: 编辑部\n---\n大数据公司称明年营收将翻倍。\n")
    #expect(claims.map(\.source) == ["大数据公司"])
  }

  @Test func manyLexiconHedgesSharingTheirFirstBytesAreAllFound() throws {
    var hedges: [String: Double] = [:]
    for index in 0..<300 { hedges["zzq\(String(format: "%03d", index))"] = 0.6 }
    let extractor = Extractor(lexicon: Lexicon.builtIn.merging(Lexicon(names: [:], hedges: hedges)))
    let text = "---\ndate: 2026-03-01\n---\nThe firm zzq299 reach profit in 2027.\n"
    let claims = try extractor.proposals(fromBytes: Array(text.utf8), path: "a.md")
    #expect(claims.map(\.claim.hedge) == ["zzq299"])
  }
}

extension ExtractorEdgeTests {
  @Test func aTitleAnnouncingForecastsIsNotOne() throws {
    let claims = try ExtractorTests.proposals(
      "# 2027年科技產業十大預測\n\n發布時間：2026年12月20日\n\n1. 台積電將在2027年底前量產新晶片。\n")
    #expect(claims.map(\.quote) == ["台積電將在2027年底前量產新晶片。"])
  }

  @Test func aYearComparedWithIsNotAWindow() throws {
    let claims = try ExtractorTests.proposals(
      "---\ndate: 2026-12-20\n---\n該廠將在2027年底前量產，產能預計比今年翻倍。\n")
    #expect(claims.map { $0.deadline?.description } == ["2027-12-31"])
  }
}

extension ExtractorEdgeTests {
  @Test func aForecastNearTheTopDoesNotFrameTheArticle() throws {
    let claims = try ExtractorTests.proposals(
      """
      URL: https://news.example.org/2026/03/14/ev
      TITLE: Carmakers slow down

      Analysts forecast that EVs will reach 12% of sales by the end of 2026.
      The central bank is widely expected to cut rates.
      """)
    #expect(claims.map { $0.deadline?.description } == ["2026-12-31", nil])
  }

  @Test func aLineAnnouncingForecastsFramesTheArticle() throws {
    let claims = try ExtractorTests.proposals(
      """
      URL: https://news.example.org/2025/12/20/outlook
      TITLE: Our outlook

      Here are our top forecasts for 2026.
      The central bank is expected to cut rates.
      """)
    #expect(claims.map { $0.deadline?.description } == ["2026-12-31"])
  }
}

extension ExtractorEdgeTests {
  @Test func thePersonAfterATitleSpeaksAndHeIsThemLater() throws {
    let claims = try ExtractorTests.proposals(
      """
      ---
      date: 2026-05-18
      author: 编辑部
      ---
      某券商首席经济学家张明指出，下半年物价涨幅有望回升。他还表示，短期内房价难以反弹。
      """)
    #expect(claims.map(\.source) == ["张明", "张明"])
    #expect(claims.map(\.via) == ["编辑部", "编辑部"])
  }
}

extension ExtractorEdgeTests {
  @Test func aWindowWithoutItsYearThatLooksClosedIsNotThePast() throws {
    let claims = try ExtractorTests.proposals(
      """
      ---
      title: My predictions for AI in 2027
      date: 2026-12-28
      ---
      OpenAI will probably announce a new model in the first half of the year.
      """)
    // Read a year on: the first half of 2027, the year the article is about.
    #expect(claims.map { $0.deadline?.description } == ["2027-06-30"])
    #expect(claims.map(\.hedge) == ["probably"])
  }

  @Test func instructionsToTheReaderAreNotForecasts() throws {
    let text =
      "---\ndate: 2026-12-28\n---\nIf you want to try it in 2027, you will need an API key.\n"
    #expect(try ExtractorTests.proposals(text).isEmpty)
  }

  @Test func aGoodChanceReadsAsSomewhatLikely() throws {
    let claims = try ExtractorTests.proposals(
      "---\ndate: 2026-12-28\n---\nThere's a good chance that Apple will ship a foldable phone in 2027.\n"
    )
    #expect(claims.map(\.confidence.value) == [0.65])
  }
}

extension ExtractorEdgeTests {
  @Test func shouldBeforeAnExpectedChangeIsAForecastAndBeforeAnActionAdvice() throws {
    let claims = try ExtractorTests.proposals(
      """
      ---
      date: 2026-11-20
      ---
      Margins should stay near 75% in 2027.
      Investors should buy the dip in 2027.
      """)
    #expect(claims.map(\.quote) == ["Margins should stay near 75% in 2027."])
    #expect(claims.map(\.confidence.value) == [0.65])
  }
}

extension ExtractorEdgeTests {
  @Test func taiwanHedgesAndEstimatesNameTheirSpeaker() throws {
    let claims = try ExtractorTests.proposals(
      "---\ndate: 2026-10-16\n---\n台積電預估第四季營收將季增約5%。法人預料，明年營收可望成長兩成。\n")
    #expect(claims.map(\.source) == ["TSMC", "法人"])
    #expect(claims.map(\.confidence.value) == [0.7, 0.7])
    #expect(claims.map { $0.deadline?.description } == ["2026-12-31", "2027-12-31"])
  }
}

extension ExtractorEdgeTests {
  @Test func aNameThatIsPartOfALongerWordIsNotTheProduct() throws {
    let claims = try ExtractorTests.proposals("---\ndate: 2026-11-25\n---\n字节跳动将于明年推出AI眼镜。\n")
    #expect(claims.first?.text.hasSuffix("launches AI by 2027-12-31") == false)
  }
}

extension ExtractorTests {
  /// A forecast repeated word for word by the same speaker is proposed once; the same words
  /// from another speaker, or written another way, are checked by their ids.
  @Test func aRepeatedForecastIsProposedOnce() throws {
    let lines = [
      "Elon Musk said Tesla will ship a robot in 2027.", "Rates will fall in 2027.",
      "Elon Musk said Tesla will ship a robot in 2027.", "Jane Doe said rates will fall in 2027.",
      "Rates  will fall in 2027.",
    ]
    let claims = try ExtractorTests.proposals(
      "---\ndate: 2026-03-01\nauthor: Desk\n---\n" + lines.joined(separator: "\n"))
    #expect(claims.map(\.source) == ["Elon Musk", "Desk", "Jane Doe"])
  }
}

extension ExtractorTests {
  /// Words that differ only in how an accent is encoded are the same words: the second is
  /// dropped, as a `String` comparison says, though the key compares bytes where it can.
  @Test func aRepeatedForecastInAnotherUnicodeFormIsProposedOnce() throws {
    let composed = "Caf\u{E9} Nero will open 40 shops in 2027."
    let decomposed = "Cafe\u{301} Nero will open 40 shops in 2027."
    let claims = try ExtractorTests.proposals(
      "---\ndate: 2026-03-01\nauthor: Desk\n---\n\(composed)\n\(decomposed)\n\(composed)")
    #expect(claims.count == 1)
  }
}

extension ExtractorTests {
  @Test func quoteKeysEqualAsStringsAreAndHashAlike() {
    let composed = QuoteKey(source: "Desk", quote: "Caf\u{E9} will open")
    let decomposed = QuoteKey(source: "Desk", quote: "Cafe\u{301} will open")
    #expect(composed == decomposed)
    #expect(composed.hashValue == decomposed.hashValue)
    let chinese = QuoteKey(source: "马斯克", quote: "特斯拉将在2027年推出机器人。")
    #expect(chinese == QuoteKey(source: "马斯克", quote: "特斯拉将在2027年推出机器人。"))
    #expect(chinese.hashValue == QuoteKey(source: "马斯克", quote: "特斯拉将在2027年推出机器人。").hashValue)
    #expect(chinese != QuoteKey(source: "马斯", quote: "克特斯拉将在2027年推出机器人。"))
    #expect(composed != QuoteKey(source: "Desk", quote: "Cafe will open"))
  }
}

extension ExtractorTests {
  /// In an interview, the name that labels an answer speaks all of it, widened to the full
  /// name given earlier; a list item's topic label names no speaker when nothing is asked.
  @Test func anInterviewAnswersLabelNamesItsSpeaker() throws {
    let interview = try Self.proposals(
      """
      Title: The road ahead
      Source: Motor Weekly
      Date: 2026-11-20

      When Whitfield took over, Ms. Whitfield spoke to us; Dana Whitfield founded Roadline.

      Q: When will you reach Boston?
      Whitfield: We expect to open in Boston by the end of 2027. Prices will probably fall next year.

      问：明年的计划？
      李明：我们预计明年销量将翻倍。
      """)
    #expect(interview.map(\.source) == ["Dana Whitfield", "Dana Whitfield", "李明"])
    let list = try Self.proposals(
      """
      Title: Calls for 2027
      Source: Motor Weekly
      Date: 2026-11-20

      Whitfield: Roadline will open in Boston by the end of 2027.
      """)
    #expect(list.map(\.source) == ["Motor Weekly"])
  }

  /// An answer labelled `A:` or 答： is the interviewee's: front matter's `guest`, else the first
  /// of its `people` who is not the author; with neither, the article's own source.
  @Test func anAnswersLabelNamesTheInterviewee() throws {
    func sources(_ frontMatter: String) throws -> [String] {
      try Self.proposals(
        """
        ---
        author: Sam Ortiz
        date: '2026-08-06'
        \(frontMatter)
        ---
        Chief Executive Priya Raman spoke with Sam Ortiz.

        Q: When does the plant open?

        A: We expect to open the plant in Ohio in 2027.

        问：明年呢？

        答：我们预计明年销量将翻倍。
        """
      ).map(\.source)
    }
    #expect(
      try sources("people:\n  - Sam Ortiz\n  - Priya Raman") == ["Priya Raman", "Priya Raman"])
    #expect(try sources("guest: Dana Lee\npeople:\n  - Priya Raman") == ["Dana Lee", "Dana Lee"])
    #expect(try sources("guest: ''") == ["Sam Ortiz", "Sam Ortiz"])
    #expect(try sources("guest:\n  - Dana Lee\n  - Sam Roe") == ["Dana Lee", "Dana Lee"])
  }
}

extension ExtractorTests {
  /// A doubt before the subject makes the claim the negated outcome, and the claim keeps the
  /// words that say so rather than a rewritten sentence that would drop them; "no doubt" is
  /// certainty, and a doubt that looks ahead to nothing is no forecast.
  @Test func aDoubtIsTheNegatedOutcomeInItsOwnWords() throws {
    let claims = try Self.proposals(
      """
      Title: Doubts
      Source: Motor Weekly
      Date: 2026-11-20

      I don't think Roadline will open in Boston before 2028.

      我不认为特斯拉明年会推出Roadster。

      There is no doubt the bank will cut rates in 2027.

      I do not think that is right.

      Despite doubts from investors, Roadline will open in Denver in 2027.

      Roadline does not expect any layoffs and will hire 500 drivers in 2027.
      """)
    #expect(claims.map(\.hedge) == ["don't think", "不认为", "will", "will", "will"])
    #expect(claims.map(\.confidence.value) == [0.7, 0.7, 0.85, 0.85, 0.85])
    #expect(claims.first?.text == "I don't think Roadline will open in Boston before 2028.")
    #expect(claims.dropFirst().first?.text == "我不认为特斯拉明年会推出Roadster。")
  }
}

/// Who speaks a sentence that names no one: the speaker of the paragraph so far, the person or
/// company a pronoun or "the company" points back to, or the author.
@Suite struct ReferentTests {
  static func sources(_ body: String, frontMatter: String = "") throws -> [String] {
    try ExtractorTests.article(body, author: "Dana Ruiz", frontMatter: frontMatter).map(\.source)
  }

  @Test func aSentenceGoesOnWithTheSpeakerOfItsParagraphOnly() throws {
    let sources = try Self.sources(
      """
      许岚预计，CPI涨幅有望在明年二季度升至1%以上。PPI则可能要到明年下半年才能转正。

      PPI明年下半年可能转正。

      许岚预计，明年出口将回落。我们预计明年进口将增长。
      """)
    #expect(sources == ["许岚", "许岚", "Dana Ruiz", "许岚", "Dana Ruiz"])
  }

  @Test func aRepeatedForecastKeepsTheSurestSpeakerInItsFirstPlace() throws {
    let claims = try ExtractorTests.proposals(
      """
      ---
      title: Outlook
      date: '2026-03-10'
      author: Dana Ruiz
      ---
      特斯拉明年将推出Roadster。北汽明年将推出新车。

      马斯克表示，工厂已经就绪。特斯拉明年将推出Roadster。

      特斯拉明年将推出Roadster。
      """)
    #expect(claims.map(\.source) == ["Elon Musk", "Dana Ruiz"])
    #expect(claims.map(\.quote) == ["特斯拉明年将推出Roadster。", "北汽明年将推出新车。"])
  }

  @Test func anUnnamedVoiceEndsTheParagraphsSpeaker() throws {
    let sources = try Self.sources(
      "陳浩然認為，恒生指數今年有望重上30,000點。有分析指，樓價升勢明年或會放緩。")
    #expect(sources == ["陳浩然", "Dana Ruiz"])
  }

  @Test func sheIsThePersonNamedLastNotTheBankInBetween() throws {
    let sources = try Self.sources(
      """
      The company expects to open 40 depots in 2027, chief executive Lena Ortiz said.

      Analysts at Kestrel Bank said the shares would likely rise above $80 by June.

      She said the firm will hire 2,000 drivers by December.
      """)
    #expect(sources == ["Lena Ortiz", "Kestrel Bank", "Lena Ortiz"])
  }

  @Test func aPronounTakesAPersonNamedAfterATitleBeforeAnEarlierSpeaker() throws {
    let sources = try Self.sources(
      """
      梁子健預料，樓價下半年有望再升5%。

      信德測量師行董事吳美玲較為審慎。她認為，樓價明年上半年可能回調5%。
      """)
    #expect(sources == ["梁子健", "吳美玲"])
  }

  @Test func theCompanyIsTheOneTheFrontMatterListsAndTheTextNamesLast() throws {
    let sources = try Self.sources(
      """
      Northstar Energy filed its plan on Monday, and Alder Power objected.

      Northstar Energy opened a plant in March. The company also expects to file a storage plan next year.

      灵犀今年3月展示了样机。公司计划在第三季度开设首家体验店。
      """,
      frontMatter: """
        companies_orgs:
          - Northstar Energy
          - 灵犀智造

        """)
    #expect(sources == ["Northstar Energy", "灵犀智造"])
  }

  @Test func aQuotationsSpeakerWinsOverTheCompanyInsideIt() throws {
    let sources = try Self.sources(
      """
      Kestrel Bank cut rates on Monday.

      “Costs are high. The company expects revenue will double by 2029,” Alice Smith, who runs Harbor Freightways, said.

      腾讯周一公布业绩。CEO李明表示：“成本很高。公司计划明年营收增长20%。”
      """)
    #expect(sources == ["Alice Smith", "李明"])
  }

  @Test func aNameEarlierInTheSameSentenceIsWhomThePointerMeans() throws {
    let sources = try Self.sources(
      """
      阿里巴巴上周公布了业绩。

      腾讯周一公布财报，该公司预计明年营收将增长20%。

      Northstar Energy reported earnings last week.

      Kestrel Bank cut rates on Monday, and the bank expects inflation will fall below 2% by 2027.

      首席经济学家陈静观察到通胀回落，她预计明年CPI将回升至2%。
      """)
    #expect(sources == ["Tencent", "Kestrel Bank", "陈静"])
  }

  @Test func theCompanyIsNeitherAWordInsideAnotherNorAPlaceNorTheWordsBeforeIt() throws {
    let sources = try Self.sources(
      """
      Harbor Freightways reported a loss on Monday. Metals prices rose sharply. The company expects revenue will double by 2029.

      腾讯控股周一公布了业绩。中国经济复苏仍然缓慢。该公司预计明年收入将增长20%。

      Shares of Kestrel Bank fell 4% on Monday. The bank expects loan losses will double by 2027.
      """,
      frontMatter: """
        companies_orgs:
          - Meta
          - Harbor Freightways
          - 中国平安
          - 腾讯控股

        """)
    #expect(sources == ["Harbor Freightways", "腾讯控股", "Kestrel Bank"])
  }

  @Test func aNameAfterATitleEndsBeforeTheVerbAndAPossessedNameSpeaksNot() throws {
    let sources = try Self.sources(
      """
      银行主管王强带领团队扩张。他预计明年营收将下降10%。

      总经理王强的任期结束后，预料明年利润将下滑。
      """)
    #expect(sources == ["王强", "Dana Ruiz"])
  }

  @Test func reportedHearsayEndsTheParagraphsSpeaker() throws {
    let sources = try Self.sources("李明表示，需求疲弱。据悉，公司明年营收将增长20%。")
    #expect(sources == ["Dana Ruiz"])
  }

  @Test func twoGuestsSayingTheSameWordsEachKeepThemAndIdsStayUnique() throws {
    let claims = try Extractor().proposals(
      fromBytes: Array(
        """
        ---
        title: Roundtable
        date: '2026-03-10'
        author: Jane Roe
        ---
        Q: Where will inflation be next year?

        Inflation will fall below 2% by 2027.

        Alice Smith: INFLATION will fall below 2% by 2027.

        Alice Smith: Inflation will fall below 2% by 2027.

        Bob Jones: Inflation will fall below 2% by 2027.

        Inflation will FALL below 2% by 2027.
        """.utf8), path: "roundtable.md")
    #expect(Set(claims.map(\.id)).count == claims.count)
    #expect(claims.map(\.claim.source).contains("Bob Jones"))
    #expect(claims.map(\.claim.source).contains("Alice Smith"))
  }

  @Test func aPointerToNoOneLeavesTheSpeakerOfAnotherStatement() throws {
    let sources = try Self.sources(
      """
      Analysts were gloomy. They said so. Rates will stay above 4% through 2027.

      Bob Jones said rates would fall. Rates will stay above 4% through 2027.
      """)
    #expect(sources.last == "Bob Jones")
  }

  @Test func anInterviewLabelSpeaksForWeButHeStillPointsToWhomHeMeans() throws {
    let sources = try Self.sources(
      """
      Q: Where are rates going?

      Whitfield: Tom Reyes is more bearish than me. He expects rates to rise next year.

      Whitfield: We expect rates to fall next year.
      """,
      frontMatter: """
        people:
          - Tom Reyes

        """)
    #expect(sources == ["Tom Reyes", "Whitfield"])
  }

  @Test func aDayAfterANameInAnyScriptLeavesTheNameWhole() throws {
    let sources = try Self.sources(
      "台灣ABCD經濟部產業發展署署長陳冠宇今（8）日在立法院備詢時表示，明年經濟將增長9%。")
    #expect(sources == ["陳冠宇"])
  }

  @Test func itIsABodyNamedBeforeWithoutFrontMatter() throws {
    let sources = try Self.sources(
      """
      The Prairie Climate Institute, a Minneapolis think tank, is less sanguine. In a paper released Tuesday, it projects that the grid could face a shortfall by 2029.
      """)
    #expect(sources == ["Prairie Climate Institute"])
  }
}

extension ExtractorTests {
  /// A title that announces a year's predictions, repeated as the first line of a copied page,
  /// frames the forecasts and is not one of them.
  @Test func aRepeatedFramingTitleIsNoClaim() throws {
    let claims = try Self.proposals(
      """
      URL: https://games.example.com/a/1
      TITLE: Zorvex Predicts 10 Trends Shaping 2027

      Zorvex Predicts 10 Trends Shaping 2027

      Console sales will rise 5% in 2027.
      """, path: "article.txt")
    #expect(claims.map(\.text) == ["Console sales will rise 5% in 2027."])
  }
}
