import ClaimLedger

/// Words the generated claims are built from: a mix of Chinese and English, as real ledgers
/// are, so the parser meets multi-byte UTF-8 as often as it will in use.
enum Vocabulary {
  /// Who makes forecasts: exactly 200 distinct names (people, firms, research shops).
  static let sources: [String] = {
    let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"]
    let givenNames = ["伟", "芳", "敏", "静", "磊", "洋", "勇", "军", "杰", "涛"]
    let chinese = (0..<60).map { surnames[$0 / 10] + givenNames[$0 % 10] }
    let firsts = [
      "Cathie", "Michael", "Mary", "Ray", "Nouriel", "Dan", "Gene", "Ming-Chi", "Ed", "Lisa",
    ]
    let lasts = ["Wood", "Burry", "Meeker", "Dalio", "Roubini"]
    let english = (0..<50).map { firsts[$0 % 10] + " " + lasts[$0 / 10] }
    let institutions = [
      "Goldman Sachs", "Morgan Stanley", "J.P. Morgan", "UBS", "Citi", "Bank of America",
      "Barclays", "Nomura", "HSBC", "Deutsche Bank", "中金公司", "中信证券", "华泰证券",
      "国泰君安", "招商证券", "海通证券", "申万宏源", "广发证券", "IDC", "Gartner",
      "Counterpoint", "Canalys", "TrendForce", "集邦咨询", "BloombergNEF", "IEA", "IMF",
      "World Bank", "OECD", "国际能源署", "Ark Invest", "Bernstein", "Jefferies", "Wedbush",
      "Piper Sandler", "Evercore", "Mizuho", "瑞银", "高盛", "摩根士丹利", "麦肯锡", "McKinsey",
      "Deloitte", "普华永道", "Wood Mackenzie", "S&P Global", "Moody's", "Fitch", "惠誉",
      "标普全球",
    ]
    let prefixes = [
      "Alpine", "Harbor", "Summit", "Lotus", "Pacific", "Northern", "Jade", "Granite",
    ]
    let suffixes = ["Research", "Capital", "Securities", "Advisors", "Insights"]
    let shops = prefixes.flatMap { prefix in suffixes.map { prefix + " " + $0 } }
    return chinese + english + institutions + shops
  }()

  static let outlets: [(name: String, domain: String)] = [
    ("财新", "caixin.com"), ("36氪", "36kr.com"), ("Bloomberg", "bloomberg.com"),
    ("Reuters", "reuters.com"), ("华尔街见闻", "wallstreetcn.com"),
    ("The Information", "theinformation.com"), ("界面新闻", "jiemian.com"),
    ("Financial Times", "ft.com"), ("第一财经", "yicai.com"), ("TechCrunch", "techcrunch.com"),
    ("Nikkei Asia", "asia.nikkei.com"), ("澎湃新闻", "thepaper.cn"),
  ]

  static let subjects = [
    "OpenAI", "英伟达", "Nvidia", "比亚迪", "Tesla", "特斯拉", "苹果", "Apple", "华为", "小米",
    "宁德时代", "Alibaba", "阿里巴巴", "腾讯", "美联储", "the Fed", "中国央行", "ECB", "台积电",
    "TSMC", "SpaceX", "百度", "字节跳动", "Microsoft", "Google", "蔚来", "理想汽车", "Amazon",
    "Meta", "中芯国际",
  ]

  static let products = [
    "GPT-6", "自动驾驶芯片", "固态电池", "AR 眼镜", "humanoid robot", "Model 2", "3nm 芯片",
    "折叠屏 iPhone", "大模型", "Robotaxi", "AI PC", "HBM4",
  ]

  static let regions = ["欧洲", "东南亚", "墨西哥", "Europe", "India", "美国", "巴西", "中东", "日本"]

  /// Chinese predicates; `#` is a number, `@` a product, `^` a region.
  static let chinesePredicates = [
    "市值突破#万亿美元", "发布新一代@", "全年销量超过#万辆", "在^建成新工厂", "营收同比增长#%",
    "降息#个基点", "股价跌破#美元", "推出@并实现量产", "在^市场份额超过#%", "裁员#%",
    "毛利率回升到#%以上", "@出货量达到#万台", "在^上市@", "净利润翻#倍",
  ]

  /// English predicates as `third-person|base rest`; `#`, `@` and `^` as above.
  static let englishPredicates = [
    "reaches|reach a market value of $# trillion", "ships|ship its next-generation @",
    "sells|sell more than # million vehicles in a year", "opens|open a new factory in ^",
    "grows|grow revenue by #% year over year", "cuts|cut rates by # basis points",
    "launches|launch @ in ^", "loses|lose #% of its market share in ^",
    "doubles|double its @ shipments", "lays|lay off #% of its staff",
  ]

  static let chineseConnectors = ["，同时", "，并且", "；此外", "，随后", "，届时"]
  static let chineseLeads = ["我们认为", "我判断", "", "预测显示", "从目前看，"]
  static let englishLeads = ["We think ", "In our view ", "", "Our base case is that "]

  static let tags = [
    "ai", "ev", "macro", "china", "chips", "energy", "markets", "policy", "space", "biotech",
    "real-estate", "crypto", "trade", "telecom", "consumer",
  ]

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  static let amendNotes: [String?] = [
    "deadline misread", "截止日期抄错", "hedge re-read from the transcript", "来源更正", nil,
  ]
  static let resolveNotes = ["settled by the annual report", "以官方公告为准", "据年报数据判定"]
  static let reopenNotes: [String?] = ["resolved too early", "证据有误，重新打开", nil]

  /// Hedge words with the confidence each is read as, split by script.
  static let chineseHedges: [(word: String, confidence: Confidence)] = hedges(chinese: true)
  static let englishHedges: [(word: String, confidence: Confidence)] = hedges(chinese: false)

  /// Confidences in steps of 5 % for claims that state a probability and no hedge.
  static let statedConfidences: [Confidence] = (1...19).compactMap { Confidence(Double($0) / 20) }

  private static func hedges(chinese: Bool) -> [(word: String, confidence: Confidence)] {
    HedgeScale.standard.hedges.compactMap { hedge in
      guard hedge.word.unicodeScalars.contains(where: { !$0.isASCII }) == chinese,
        let confidence = Confidence(hedge.probability)
      else { return nil }
      return (hedge.word, confidence)
    }
  }
}
