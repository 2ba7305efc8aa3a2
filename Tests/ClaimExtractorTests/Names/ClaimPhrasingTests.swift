import ClaimLedger
import Testing

@testable import ClaimExtractor

/// A clause and the claim text it should be phrased as (nil: no known pattern).
struct PhrasingCase: Sendable, CustomTestStringConvertible {
  let clause: String
  let expected: String?
  var testDescription: String { "\"\(clause)\"" }
}

@Suite struct ClaimPhrasingTests {
  static func phrase(_ clause: String, deadline: Day? = nil) -> String? {
    ClaimPhrasing.text(for: clause, lexicon: .builtIn, deadline: deadline)
  }

  static let acquisitions: [PhrasingCase] = [
    .init(clause: "特斯拉今年很可能收购xAI", expected: "Tesla acquires xAI"),
    .init(clause: "特斯拉今年很可能收購xAI", expected: "Tesla acquires xAI"),
    .init(clause: "Tesla will acquire xAI this year", expected: "Tesla acquires xAI"),
    .init(clause: "苹果或将以三百亿美元拿下Perplexity", expected: "Apple acquires Perplexity (about $30B)"),
    .init(
      clause: "微軟打算併購市值四百億美元的Databricks",
      expected: "Microsoft acquires Databricks (market value about $40B)"),
    .init(clause: "Pinterest可能被OpenAI收购", expected: "OpenAI acquires Pinterest"),
    .init(
      clause: "Reddit could be bought by Alphabet for $60 billion",
      expected: "Alphabet acquires Reddit (about $60B)"),
    .init(
      clause: "Acme Robotics plans to buy Zeta Labs", expected: "Acme Robotics acquires Zeta Labs"),
    .init(clause: "小米有望吞并一家初创公司", expected: nil),
  ]

  @Test(arguments: acquisitions)
  func phrasesAcquisitions(_ c: PhrasingCase) {
    #expect(Self.phrase(c.clause) == c.expected)
  }

  static let mergers: [PhrasingCase] = [
    .init(clause: "xAI最终会并入SpaceX", expected: "xAI merges into SpaceX"),
    .init(
      clause: "SpaceX未必传统IPO，而是反向併入特斯拉",
      expected: "SpaceX merges into Tesla (reverse merger)"),
    .init(
      clause: "Rivian could merge with Lucid Motors", expected: "Rivian merges with Lucid Motors"),
  ]

  @Test(arguments: mergers)
  func phrasesMergers(_ c: PhrasingCase) {
    #expect(Self.phrase(c.clause) == c.expected)
  }

  static let launches: [PhrasingCase] = [
    .init(clause: "OpenAI将在夏天发布GPT-5", expected: "OpenAI launches GPT-5"),
    .init(clause: "騰訊明年上線新版元寶", expected: "Tencent launches Yuanbao"),
    // A product's number is part of its name; a year or a count after it is not.
    .init(
      clause: "Apple will unveil Vision Pro 2 in June", expected: "Apple launches Vision Pro 2"),
    .init(
      clause: "Google is expected to release Gemini 4 by 2027",
      expected: "Google launches Gemini 4"),
    .init(
      clause: "Apple will launch the iPhone 18 Pro next year",
      expected: "Apple launches iPhone 18 Pro"),
    .init(
      clause: "Microsoft will release Windows 12 in 2027", expected: "Microsoft launches Windows 12"
    ),
    .init(
      clause: "Microsoft will release Windows 2027 soon", expected: "Microsoft launches Windows"),
    .init(
      clause: "Apple will launch Vision Pro 3 weeks from now", expected: "Apple launches Vision Pro"
    ),
    .init(clause: "Acme is set to release Orbit Phone soon", expected: "Acme launches Orbit Phone"),
    .init(clause: "特斯拉将量产擎天柱", expected: "Tesla starts mass production of Optimus"),
    .init(clause: "特斯拉的Optimus三年内量产", expected: "Tesla starts mass production of Optimus"),
    .init(clause: "Cybercab年底量產", expected: "Cybercab enters mass production"),
    .init(clause: "百度下个月推出新模型", expected: nil),
    // Words that narrow the product stay: a foldable iPhone is not any iPhone; Chinese ones
    // leave the sentence as it is; "new" and 新款 narrow nothing.
    .init(
      clause: "Apple will launch a foldable iPhone by mid-2027",
      expected: "Apple launches foldable iPhone"),
    .init(clause: "苹果明年推出首款折叠屏iPhone", expected: nil),
    .init(clause: "苹果明年推出新款iPhone", expected: "Apple launches iPhone"),
    .init(clause: "苹果首款折叠屏iPhone极有可能在明年发布", expected: nil),
    .init(clause: "腾讯下月上线新年活动，玩家在微信里抢红包", expected: nil),
  ]

  @Test(arguments: launches)
  func phrasesLaunches(_ c: PhrasingCase) {
    #expect(Self.phrase(c.clause) == c.expected)
  }

  static let listings: [PhrasingCase] = [
    .init(clause: "字节跳动明年赴港上市", expected: "ByteDance goes public"),
    .init(clause: "宇樹科技將在科創板上市", expected: "Unitree goes public"),
    .init(clause: "Anthropic could go public next year", expected: "Anthropic goes public"),
    .init(clause: "SpaceX will file for an IPO", expected: "SpaceX goes public"),
    .init(clause: "iPhone新机型九月上市", expected: nil),
    .init(clause: "更多上市公司将裁员", expected: nil),
  ]

  @Test(arguments: listings)
  func phrasesListings(_ c: PhrasingCase) {
    #expect(Self.phrase(c.clause) == c.expected)
  }

  static let thresholds: [PhrasingCase] = [
    .init(clause: "OpenAI的年收入将达250亿美元", expected: "OpenAI revenue reaches $25B"),
    // A speaker and a verb are no subject: the sentence stays as it is.
    .init(clause: "The CEO said revenue would reach $5 billion in 2027", expected: nil),
    // A name may end in a number the lexicon does not know.
    .init(
      clause: "Acme Phone 3 sales will top 5 million units",
      expected: "Acme Phone 3 sales exceed 5M"),
    .init(clause: "OpenAI的年收入將達250億美元", expected: "OpenAI revenue reaches $25B"),
    .init(clause: "ChatGPT用户明年突破十亿", expected: "ChatGPT users exceed 1B"),
    .init(clause: "英伟达市值有望超过1.4万亿美元", expected: "Nvidia market value exceeds $1.4T"),
    .init(clause: "比亚迪销量达到四百万辆", expected: "BYD sales reach 4M"),
    .init(
      clause: "Anthropic's valuation will hit $1 trillion",
      expected: "Anthropic valuation reaches $1T"),
    .init(clause: "Gemini will reach 800 million users", expected: "Gemini users reach 800M"),
    .init(clause: "阿里云收入达到一千亿元", expected: "Alibaba revenue reaches ¥100B"),
    // A word that narrows the measure stays: without it the claim is an easier one.
    .init(clause: "小米海外销量将突破五十万辆", expected: "Xiaomi overseas sales exceed 500,000"),
    .init(clause: "比亚迪單季銷量將突破百萬輛", expected: "BYD quarterly sales exceed 1M"),
    .init(
      clause: "Nvidia quarterly revenue will top $60 billion",
      expected: "Nvidia quarterly revenue exceeds $60B"),
    // A growth in percent is the growth, with its percent sign; a percent of a level is left
    // as the article words it.
    .init(clause: "台积电营收增长率将超过20%", expected: "TSMC revenue growth exceeds 20%"),
    .init(clause: "台積電營收成長率恐怕不會超過20％", expected: "TSMC revenue growth does not exceed 20%"),
    // An actor with no plans to do a thing says it will not.
    .init(clause: "索尼没有计划推出PS6", expected: "Sony does not launch PS6"),
    .init(
      clause: "Nvidia revenue growth will top 50 percent",
      expected: "Nvidia revenue growth exceeds 50%"),
    .init(clause: "比亚迪销量将同比增长超过30%", expected: "BYD sales growth exceeds 30%"),
    .init(clause: "台积电营收占比将超过20%", expected: nil),
    // Growing to a level is the level.
    .init(clause: "比亚迪营收将增长至超过1万亿元", expected: "BYD revenue exceeds ¥1T"),
  ]

  @Test(arguments: thresholds)
  func phrasesThresholds(_ c: PhrasingCase) {
    #expect(Self.phrase(c.clause) == c.expected)
  }

  static let regulations: [PhrasingCase] = [
    .init(clause: "欧盟将通过人工智能法案", expected: "European Union passes an AI bill"),
    .init(clause: "歐盟年內通過隱私法規", expected: "European Union passes a privacy regulation"),
    .init(clause: "州政府将出台更多AI法案", expected: "US state governments issue more AI bills"),
    .init(
      clause: "Congress will pass a federal AI law", expected: "Congress passes a federal AI law"),
    .init(clause: "加州今年实施自动驾驶条例", expected: "California enforces a self-driving regulation"),
    .init(clause: "美国可能禁止TikTok", expected: "United States bans TikTok"),
    .init(
      clause: "The EU will ban facial recognition in stores",
      expected: "European Union bans facial recognition"),
  ]

  @Test(arguments: regulations)
  func phrasesRegulation(_ c: PhrasingCase) {
    #expect(Self.phrase(c.clause) == c.expected)
  }

  static let negations: [PhrasingCase] = [
    .init(clause: "谷歌不会收购HubSpot", expected: "Google does not acquire HubSpot"),
    .init(clause: "蘋果不太可能推出Vision Pro", expected: "Apple does not launch Vision Pro"),
    .init(clause: "Stripe won't go public this year", expected: "Stripe does not go public"),
    .init(clause: "Stripe won’t go public this year", expected: "Stripe does not go public"),
    .init(clause: "Meta is unlikely to acquire Snap", expected: "Meta does not acquire Snap"),
    .init(clause: "ChatGPT用户不会超过十亿", expected: "ChatGPT users do not exceed 1B"),
    .init(
      clause: "Congress will not pass a privacy law",
      expected: "Congress does not pass a privacy law"),
  ]

  @Test(arguments: negations)
  func keepsNegations(_ c: PhrasingCase) {
    #expect(Self.phrase(c.clause) == c.expected)
  }

  @Test func endsWithTheDeadline() throws {
    let deadline = try #require(Day("2026-12-31"))
    #expect(
      Self.phrase("OpenAI将拿下市值一百七十五亿美元的Pinterest", deadline: deadline)
        == "OpenAI acquires Pinterest (market value about $17.5B) by 2026-12-31")
  }

  static let unmatched: [PhrasingCase] = [
    .init(clause: "明年经济会比较平稳", expected: nil),
    .init(clause: "the company will launch a new phone", expected: nil),
    .init(clause: "Inflation will stay above 2%", expected: nil),
    .init(clause: "", expected: nil),
  ]

  @Test(arguments: unmatched)
  func leavesOtherClausesAlone(_ c: PhrasingCase) {
    #expect(Self.phrase(c.clause, deadline: Day("2027-01-01")) == c.expected)
  }
}
