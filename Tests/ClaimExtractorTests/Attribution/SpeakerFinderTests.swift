import Testing

@testable import ClaimExtractor

@Suite struct SpeakerFinderTests {
  /// A comma counts as the character it is only when no mark joins it to what follows.
  @Test(arguments: [
    ("Jane Doe, the chief executive, said", true), ("no comma here", false), ("end,", true),
    ("a,\u{301}b", false), ("a,\u{301}b, c", true), ("中文，逗号", false),
  ])
  func findsACommaCharacter(_ text: String, _ expected: Bool) {
    #expect(SpeakerFinder.hasComma(text) == expected)
  }

  @Test(arguments: [
    ("市场消息：王五认为明年会涨", "王五"), ("「李四」表示明年会涨", nil), ("（赵六）认为明年会涨", nil),
    ("Jane Doe, the chief executive, said prices will rise", "Jane Doe"),
    // Speech verbs in any case and with punctuation around them; a word of a verb's length
    // and first letter that is no verb names no one.
    ("Jane Doe PREDICTED: prices will rise", "Jane Doe"), ("Jane Doe sayz prices will rise", nil),
    // 据 opens an attribution after punctuation or in 根据, not inside 数据.
    ("据知情人士透露，明年会涨", "知情人士"), ("市场消息，据路透社报道明年会涨", "路透社"),
    ("这些数据李四透露明年会涨", nil),
    // A capital opens a name only as a whole character: É is a capital, e with an accent
    // joined to it is not one.
    ("Analysts at Morgan Stanley said prices will rise", "Morgan Stanley"),
    ("prices will rise, said Élise Martin", "Élise Martin"),
    // A role before a name that follows the verb; a title before one that leads it.
    ("Oil prices will rise next year, said trader Ken Wu.", "Ken Wu"),
    ("The merger will close in 2027, said senior analyst Sara Kim.", "Sara Kim"),
    ("Governor Ana Silva said inflation will fall.", "Ana Silva"),
    ("Prices will rise, said the company.", nil),
    // Someone named after a first-person quote speaks; an article is not a body.
    ("\"We expect demand to double by 2027,\" Musk said.", "Elon Musk"),
    ("The spokesman said the plant will open in 2028.", nil),
    ("Prices will rise, a Goldman Sachs spokeswoman said.", "Goldman Sachs"),
    ("Goldman Sachs analysts said prices will rise in 2027.", "Goldman Sachs"),
    ("Prices will rise, according to analysts at Morgan Stanley.", "Morgan Stanley"),
    // After "according to", roles and titles before the name are left off; "The" stays.
    ("Earnings come in January, according to spokesperson Tom Lee.", "Tom Lee"),
    ("The chip ships in 2027, according to CEO Jane Doe.", "Jane Doe"),
    ("The deal closes in 2027, according to The Information.", "The Information"),
    (
      "Apple will ship glasses in 2027, according to people familiar with the matter.",
      "people familiar with the matter"
    ),
    ("According to Jane Doe, an analyst familiar with the deal, it closes in 2027.", "Jane Doe"),
    ("Indeed predicts that job postings will fall in 2027.", "Indeed"),
    ("央行3月说不定会降息。", nil),
    // A word that links the sentence to the last one is no name before a comma.
    ("Separately, the EU is expected to fine Apple in 2027, officials said.", "Officials"),
    // A name may hold a word that is a month or a title alone; it ends at a comma.
    ("June Yoon said prices will rise.", "June Yoon"),
    ("Tim Head said rates will fall.", "Tim Head"),
    ("Prices will rise, said Elon Musk, Tesla CEO.", "Elon Musk"),
    ("The Treasury could run out of cash by next August, Bessent said.", "Bessent"),
    // Passive 预计 and 拟 inside 虚拟 name no one; a title with no one after it leaves the company.
    ("明年营收预计增长8%。", nil), ("明年虚拟现实头显出货量将翻倍。", nil),
    ("小米发言人表示，明年将推出新车。", "Xiaomi"),
    // A comma before the verb puts the speaker after it; a month is no name.
    ("The bank won't raise rates before April, said Takahide Kiuchi of Nomura.", "Takahide Kiuchi"),
    // Titles up to the last are left off.
    ("Chief Executive RJ Scaringe said the R2 will ship in 2027.", "RJ Scaringe"),
    ("Fed Chair Jerome Powell said rates will fall.", "Jerome Powell"),
    // Unnamed and plural sources, a spokeswoman's company, a poll's owner.
    (
      "The car will be unveiled soon, people familiar with the matter said.",
      "people familiar with the matter"
    ),
    ("Several analysts said the company will turn a profit in 2028.", "Analysts"),
    ("Most economists think rates will fall.", nil),
    ("The plant will open in 2028, a VW spokeswoman said.", "VW"),
    ("Rates will fall in 2027, according to economists polled by Bloomberg.", "Bloomberg"),
    // The first person is the author, whatever comes before it.
    // X预计, X拟 name X; the person after a title speaks, not the company before it; 该厂 is
    // a reference, not a name.
    ("中金公司预计，2027年营收将增长8%。", "中金公司"), ("海光信息拟于明年上市。", "海光信息"),
    ("鴻海董事長劉揚偉指出，明年營收將成長。", "劉揚偉"), ("该厂预计明年产能翻倍。", nil),
  ])
  func namesEndAtPunctuation(_ sentence: String, _ expected: String?) {
    Self.expectSpeaker(in: sentence, expected)
  }

  @Test(arguments: [
    // A group opening its clause speaks; a name after a verb of expecting is what it expects.
    ("Analysts expect Orbital Labs will ship its first rocket in 2028.", "Analysts"),
    ("Strategists expect Nordbank to raise its dividend next year.", "Strategists"),
    ("But economists predict the central bank will cut twice.", "Economists"),
    ("Many strategists expect Nordbank to cut its dividend.", nil),
    ("Investors expect Orbital Labs to list in 2027.", nil),
    ("By March, expect Orbital Labs to cut prices.", nil),
    // Auxiliaries stand between the name and the verb.
    ("Mara Lind has said the bank will raise rates in May.", "Mara Lind"),
    ("Mara Lind had said the plant would open in 2028.", "Mara Lind"),
    ("Both founders have said the app will be free.", nil),
    // A lone word opening the sentence before a singular verb names someone unless it is a
    // common word or a plural of people.
    ("Redfin predicts home prices will rise 2% next year.", "Redfin"),
    ("Zorvex says it will open a plant in 2027.", "Zorvex"),
    ("Tesla said prices will rise in April.", "Tesla"),
    ("Tesla CEO Elon Musk said the car will ship in 2027.", "Elon Musk"),
    ("Consensus expects two cuts next year.", nil), ("Nobody expects prices to fall.", nil),
    ("Management expects margins to widen next year.", nil),
    ("Morgan Stanley now sees the stock hitting $300 next year.", "Morgan Stanley"),
    // A person of an organisation speaks, not the organisation's last word; an aside between
    // the subject and the verb leaves the subject speaking.
    ("Mira Sandoval of Alder & Finch said margins will fall in 2027.", "Mira Sandoval"),
    ("Jo Tan of the Bank of Korea said rates will rise.", "Jo Tan"),
    ("Daniel House of Acme Research said prices will fall in 2027.", "Daniel House"),
    (
      "Officials at the U.S. Department of Energy said the plant will open.",
      "U.S. Department of Energy"
    ),
    ("The Bank of Korea said rates will rise.", "Bank of Korea"),
    (
      "Tom Reyes of Kestrel Research, who rates the stock a buy, said sales will rise.", "Tom Reyes"
    ),
    ("Analysts at Wedbush, led by Dan Ives, said Apple will ship more phones.", "Wedbush"),
    // Unnamed sources whatever they know of, and who published what is cited.
    (
      "The company will cut jobs, two people with knowledge of the plans told Reuters.",
      "people familiar with the matter"
    ),
    (
      "According to two people familiar with the negotiations, the league will sign.",
      "people familiar with the matter"
    ),
    ("The phone will launch in September, according to a report in TechBrief.", "TechBrief"),
    (
      "The bank will cut rates this week, according to a survey of 46 economists by Coast News.",
      "Coast News"
    ),
    ("Prices will rise next year, according to a survey of buyers, which showed gains.", nil),
    ("Prices will rise, according to a note sent to clients in London.", nil),
    ("According to the Met Office, winter will be milder than usual this year.", "Met Office"),
    ("According to Bloomberg, Zorvex will launch a cheaper phone next spring.", "Bloomberg"),
    ("Zorvex will launch a cheaper phone next spring, Bloomberg reported.", "Bloomberg"),
    ("The Met Office is predicting a mild winter this year.", "Met Office"),
    // A participle before "to" is a passive: no one speaks.
    ("Crude Prices Forecast to Gradually Fall Next Year, Survey Shows", nil),
    ("据接近平台的人士透露，该平台将于明年上市。", "接近平台的人士"),
    ("Jefferies still expects the merger to close in May.", "Jefferies"),
    ("Bankers said rates will rise.", nil), ("Everyone says prices will rise.", nil),
    ("Sources said the deal will close in May.", nil),
    // After a saying verb in inverted order, descriptions are passed over to the name.
    ("\"Rates will fall,\" said former Norway midfielder Jonas Berg.", "Jonas Berg"),
    ("\"Lyon won't make the final,\" said radio host Tara Quinn.", "Tara Quinn"),
    ("Rates will fall in May, said pundit Ken Wu.", "Ken Wu"),
    ("\"Rain will return by Friday,\" predicts ex-Navy forecaster Ana Reyes.", "Ana Reyes"),
    ("The deal will close soon, said the Bank of England.", "Bank of England"),
    ("\"Prices will rise,\" said the company.", nil),
    // An initial or an abbreviated title is no sentence end.
    ("\"We will double capacity by 2028,\" said TSMC Chairman C.C. Wei.", "C.C. Wei"),
    ("\"Rates will fall in 2027,\" said economist John A. Smith.", "John A. Smith"),
    ("\"Oil will hit $100 in 2027,\" said Dr. Jane Roe.", "Jane Roe"),
    ("\"Rates will fall by 2027,\" said Jerome Powell Jr. Stocks rose.", "Jerome Powell Jr"),
  ])
  func namesTheSpeakerNotTheObject(_ sentence: String, _ expected: String?) {
    Self.expectSpeaker(in: sentence, expected)
  }

  @Test(arguments: [
    // A colon before a quote opens a speaker's words; before anything else it labels a topic.
    ("陈浩表示：“明年出口有望增长一成。”", "陈浩"), ("陈浩预测：「明年出口会增长。」", "陈浩"),
    ("行业预测：明年销量将增长。", nil), ("产品介绍：新机将于三月上市。", nil),
    // 分析, 估计, 介绍, 补充 and 估 speak before a pause; 看好 and 担心 before what they judge.
    ("周明分析，明年房价将企稳。", "周明"), ("吴芳估计，今年出口将增长5%。", "吴芳"),
    ("赵磊介绍，新工厂将于明年投产。", "赵磊"), ("何静补充，新店将于六月开业。", "何静"),
    ("法人估，今年營收將成長兩成。", "法人"), ("孙强看好明年消费将复苏。", "孙强"),
    ("刘洋担心，明年出口可能下滑。", "刘洋"), ("據王芳介紹，新廠將於明年投產。", "王芳"),
    ("分析师团队将在明年发布报告。", nil), ("该股被低估，明年可能上涨。", nil),
    ("估值将在明年回升。", nil), ("综合分析，明年房价将企稳。", nil),
    ("如果通胀回升快于预期，降息可能放缓。", nil),
    // A setting between the name and the verb is passed over.
    ("星河科技CEO周明在发布会上表示，新机将于9月上市。", "周明"),
    ("周明接受采访时称，明年销量将翻倍。", "周明"),
    // A setting may name an event or a work in brackets, and space its digits.
    ("顾问王勃华在 2 月 5 日举行的「光伏行业发展研讨会」上预测，明年装机将下滑。", "王勃华"),
    ("王勃华在《光伏年鉴》中表示，明年装机将下滑。", "王勃华"),
    // An unclosed bracket is no title; a long run after 在 holds the name.
    ("王勃华在「研讨会上预测，明年装机将下滑。", nil),
    ("在上海结束为期三天的调研行程后分析师王建中预计，明年GDP将增长5%。", "王建中"),
    // A date's digits in the setting do not count toward its length.
    ("王文涛在2026年11月5日进博会开幕式上表示，2027年进口将超过3万亿美元。", "王文涛"),
    // An association's name ends in 会; 会 after an adverb is "will".
    ("乘联会预计，今年销量将增长3%。", "乘联会"), ("中選會預估，投票率約為六成。", "中選會"),
    ("汽车工业协会表示，明年出口将增长。", "汽车工业协会"), ("市场可能会表示欢迎。", nil),
    // Titles before a person's name, and an organisation's kind before its name, are left off.
    ("公司首席财务官陈静透露，公司将于明年上市。", "陈静"),
    ("研调机构星图数据预估，明年出货将增长。", "星图数据"),
    ("行政院長王大同表示，明年將調漲基本工資。", "王大同"),
    // A full name of a common surname before 预计 speaks; three characters of a noun do not.
    ("施永青预计中原指数明年升穿2021年高位。", "施永青"), ("陳永傑預計明年樓價上升10%。", "陳永傑"),
    ("金融业预计明年增长5%。", nil), ("黄金价预计明年上涨。", nil),
    // 指 before a pause says, as Hong Kong's papers write it; 指数 is an index.
    ("陳永傑指，明年樓價將上升10%。", "陳永傑"), ("中原指数明年将上升10%。", nil),
    ("高盛料明年金價升至每盎司3000美元。", "Goldman Sachs"), ("施永青料明年樓價下跌一成。", "施永青"),
    ("如前所指，明年樓價將下跌。", nil),
    // A name in Latin letters before 预计 speaks, its words together.
    ("Creative Strategies预计明年折叠屏手机出货将翻倍。", "Creative Strategies"),
    ("Gartner预计，明年全球AI芯片销量将增长30%。", "Gartner"),
    // Measures and products in Latin letters, and nouns a surname opens, are the subject of a
    // passive 预计.
    ("GDP预计明年增长5%。", nil), ("HBM4预计2026年量产。", nil), ("Galaxy S27预计明年推出。", nil),
    ("许多人预计明年楼价上涨。", nil), ("黄金周预计将迎来出游高峰。", nil), ("文章直指，明年樓價將下跌。", nil), ("石油股预计明年继续走强。", nil),
    // A conjunction before a verb of saying is no name.
    ("对此有所保留，虽然同样认为明年楼价将上升。", nil),
  ])
  func namesTheChineseSpeaker(_ sentence: String, _ expected: String?) {
    Self.expectSpeaker(in: sentence, expected)
  }

  /// Adverbs between a name or a pronoun and its verb, one or several, are left off.
  @Test(arguments: [
    ("她同时强调，欧洲市场明年可能放缓。", SpeakerFinder.Found.person),
    ("他此前也曾表示，明年将推出新车。", .person), ("他们再次预测，明年房价将下跌。", .group),
    ("王芳同时还指出，明年营收有望增长。", .name("王芳")), ("李明亦认为，明年销量将翻倍。", .name("李明")),
    // When the words were said is no part of the name either; 告诉 and 提醒 are verbs of speech.
    ("林建宏昨日受訪時表示，明年營收將成長。", .name("林建宏")),
    ("张伟在接受采访时称，明年销量将翻倍。", .name("张伟")),
    ("林知远告诉记者，首款机型将于明年量产。", .name("林知远")),
    ("许岚则提醒，明年出口增速可能回落。", .name("许岚")),
  ])
  func adverbsBeforeTheVerbAreNoPartOfTheName(_ sentence: String, _ expected: SpeakerFinder.Found) {
    #expect(SpeakerFinder(lexicon: .builtIn).speaker(in: sentence) == expected)
  }

  /// Words that point back to a speaker rather than name one: the author, a person, a group, the
  /// company; a name said later in the sentence wins over them.
  @Test(arguments: [
    ("报道还称，OpenAI明年将推出浏览器。", SpeakerFinder.Found.author),
    ("根据报道称，该公司每月亏损十亿美元，明年可能裁员。", .author),
    ("Third, I expect the yield to end next year near 4%.", .author),
    ("我们认为，明年油价将回落。", .author), ("笔者预计，这款手机明年将降价。", .author),
    ("有分析指，若美國減息步伐放慢，樓價升勢或會放緩。", .author),
    ("另有市場消息指，一家電商平台料於第一季招股。", .author),
    ("此外還有消息稱蘋果明年會為新機加入第二顆攝像頭。", .author),
    ("此外，也有分析指明年房价将回落。", .author), ("同时还有消息称该公司明年将上市。", .author),
    ("By March, prices will fall, the bank said.", .organisation),
    ("The company also expects margins to widen next year.", .organisation),
    ("In a paper released Tuesday, it projects a shortfall by 2029.", .organisation),
    ("该公司预计，明年营收将增长两成。", .organisation), ("公司计划在第三季度开设首家门店。", .organisation),
    ("公司管理层表示，力争2027年鲜奶收入占比提升至35%。", .organisation),
    ("She said the firm will hire 2,000 drivers by December.", .person),
    ("不過他提醒，新股首日破發比率或升至四成以上。", .person),
    ("They expect rates to fall next year.", .group),
    ("\"We expect growth next year,\" Lena Ortiz said.", .name("Lena Ortiz")),
    (
      "The company expects to open 40 depots in 2027, chief executive Lena Ortiz said.",
      .name("Lena Ortiz")
    ),
    ("我们认为明年油价将回落，李明表示。", .name("李明")),
  ])
  func wordsThatPointBack(_ sentence: String, _ expected: SpeakerFinder.Found) {
    #expect(SpeakerFinder(lexicon: .builtIn).speaker(in: sentence) == expected)
  }

  /// A title before a name, with time words and settings after it, leaves the name: the title
  /// list covers heads of units (主管) and officers (负责人), and an officer unnamed speaks as
  /// such.
  @Test(arguments: [
    ("利嘉地產研究部主管梁子健預料，本港樓價下半年有望再升5%。", "梁子健"),
    ("昇鴻董事長林建宏昨日受訪時表示，新廠預計明年第一季開始裝機。", "林建宏"),
    ("江州市自然资源和规划局相关负责人表示，今年计划供应住宅用地约280公顷。", "江州市自然资源和规划局相关负责人"),
    ("OpenAI首席全球事务官透露，首款硬件设备预计在明年推出。", "OpenAI"),
    // A day in Taiwan's style after the name is no part of it.
    ("經濟部次長陳冠宇今（8）日在立法院備詢時表示，電價明年將調漲。", "陳冠宇"),
    // The verb opens a clause: the person the clause before names speaks it.
    ("港勤地產亞太區總裁鄭偉倫則更為樂觀，預測明年樓價將上升8%。", "鄭偉倫"),
  ])
  func titledSpeakers(_ sentence: String, _ expected: String) {
    Self.expectSpeaker(in: sentence, expected)
  }

  /// Nouns and quoted terms that hold a speech verb say nothing.
  @Test(arguments: [
    "The Prairie Climate Institute, a Minneapolis think tank, is less sanguine about 2029.",
    "它颠覆了传统模型「先想后说」的处理范式，明年将推出新版。",
    // A forecast of a measure: 预测 is a noun there.
    "政府維持全年經濟增長預測2%至3%。", "整體通脹率預測維持在1.8%。",
  ])
  func aVerbInsideANounOrATermIsNoSpeech(_ sentence: String) {
    Self.expectSpeaker(in: sentence, nil)
  }

  @Test func aNameSetOffByCommasAfterARoleSpeaks() {
    Self.expectSpeaker(
      in: "Its chief executive, Arjun Mehta, told investors that sales will double by 2028.",
      "Arjun Mehta")
  }

  static func expectSpeaker(in sentence: String, _ expected: String?) {
    let finder = SpeakerFinder(lexicon: .builtIn)
    let found = finder.speaker(in: sentence)
    if let expected {
      #expect(found == .name(expected))
    } else {
      #expect(found == nil)
    }
  }
}
