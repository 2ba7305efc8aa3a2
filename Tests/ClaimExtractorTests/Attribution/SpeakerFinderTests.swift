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
    // A name may hold a word that is a month or a title alone; it ends at a comma.
    ("June Yoon said prices will rise.", "June Yoon"),
    ("Tim Head said rates will fall.", "Tim Head"),
    ("Prices will rise, said Elon Musk, Tesla CEO.", "Elon Musk"),
    ("The Treasury could run out of cash by next August, Bessent said.", "Bessent"),
    // A report is no speaker: 报道还称 names no one.
    ("报道还称，OpenAI明年将推出浏览器。", nil),
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
    ("Third, I expect the yield to end next year near 4%.", nil),
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
    ("Bankers said rates will rise.", nil), ("Everyone says prices will rise.", nil),
    // After a saying verb in inverted order, descriptions are passed over to the name.
    ("\"Rates will fall,\" said former Norway midfielder Jonas Berg.", "Jonas Berg"),
    ("\"Lyon won't make the final,\" said radio host Tara Quinn.", "Tara Quinn"),
    ("Rates will fall in May, said pundit Ken Wu.", "Ken Wu"),
    ("\"Rain will return by Friday,\" predicts ex-Navy forecaster Ana Reyes.", "Ana Reyes"),
    ("The deal will close soon, said the Bank of England.", "Bank of England"),
    ("\"Prices will rise,\" said the company.", nil),
  ])
  func namesTheSpeakerNotTheObject(_ sentence: String, _ expected: String?) {
    Self.expectSpeaker(in: sentence, expected)
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
