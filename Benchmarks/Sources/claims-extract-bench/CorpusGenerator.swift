import Foundation
import SplitMix

/// The corpus's random choices: SplitMix64 reduced by remainder, as the corpus has always been
/// drawn, so a seed still gives the corpus the published figures were measured on.
struct SeededRandom {
  private var source: SplitMix64

  init(seed: UInt64) { source = SplitMix64(seed: seed) }

  mutating func next() -> UInt64 { source.next() }

  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Writes news-like articles, half in Chinese and half in English, one sentence in
/// `forecastShare` a forecast, with the front matter, headings, emphasis and links real
/// articles carry.
struct CorpusGenerator {
  var random: SeededRandom
  var forecastShare = 12

  static let companies = [
    "微软", "特斯拉", "英伟达", "阿里巴巴", "腾讯", "小米", "比亚迪", "字节跳动", "华为", "OpenAI", "苹果", "亚马逊",
  ]
  static let englishCompanies = [
    "Microsoft", "Tesla", "Nvidia", "Alibaba", "Tencent", "Xiaomi", "BYD", "OpenAI", "Apple",
    "Amazon", "Intel", "Samsung",
  ]
  static let chineseFacts = [
    "{c}上季度的营收同比增长了百分之十二，高于市场此前的普遍预期",
    "{c}的管理层在电话会议上回顾了过去一年的经营情况和渠道调整",
    "分析人士指出，{c}在海外市场的份额仍然偏低，品牌认知度有待提高",
    "{c}去年在研发上投入了大约三百亿元，主要用于芯片和软件平台",
    "这家公司的门店数量已经超过两千家，覆盖全国大部分省份",
    "据统计，行业整体库存水平在年中出现了明显回落",
    "{c}的股价在过去一个月里上涨了约百分之八，成交量也有所放大",
    "{c}在周二的发布会上展示了新的车载系统，并邀请了多家媒体参加会议",
    "这次合作为双方提供了进入新市场的机会，也加强了社会对品牌的认知",
  ]
  static let chineseForecasts = [
    "{c}预计将在{y}年推出新一代自动驾驶芯片",
    "业内人士认为，{c}极有可能在明年上半年完成对一家初创公司的收购",
    "{c}的年收入有望在{y}年突破一千亿元",
    "{c}可能会在未来18个月内进入欧洲市场",
    "据知情人士透露，{c}或将于{y}年下半年在香港上市",
  ]
  static let englishFacts = [
    "{c} reported quarterly revenue of 42.5 billion dollars, up 9 percent from a year earlier.",
    "Shares of {c} rose 3.2% in early trading after the results were published.",
    "The company said its U.S. sales were weaker than in the previous quarter.",
    "{c} has spent heavily on data centers over the past two years.",
    "Executives at {c} described the quarter as a period of transition.",
    "Analysts at several banks raised their price targets after the call.",
    "The board met in May to review the plan, and the meeting was described as productive.",
    "Investors said the goodwill charge was smaller than feared.",
  ]
  static let englishForecasts = [
    "{c} is expected to launch a new model by the end of {y}.",
    "Analysts say {c} will likely double its cloud revenue within two years.",
    "{c} could announce a major acquisition in the second half of {y}.",
    "The chief executive predicted that {c} would reach 100 million users next year.",
  ]

  /// One article of about `bytes` bytes.
  mutating func article(index: Int, bytes target: Int) -> String {
    let chinese = index % 2 == 0
    let year = 2026 + random.below(3)
    var text = "---\ntitle: \(chinese ? "行业观察" : "Market report") \(index)\n"
    text += "date: 2026-0\(1 + random.below(9))-1\(random.below(9))\n---\n"
    text += chinese ? "# 行业观察第\(index)期\n\n" : "# Market report \(index)\n\n"
    while text.utf8.count < target {
      var paragraph = ""
      for _ in 0..<(3 + random.below(4)) {
        let isForecast = random.below(forecastShare) == 0
        let template =
          chinese
          ? random.pick(isForecast ? Self.chineseForecasts : Self.chineseFacts)
          : random.pick(isForecast ? Self.englishForecasts : Self.englishFacts)
        var sentence = template.replacingOccurrences(
          of: "{c}",
          with: random.pick(chinese ? Self.companies : Self.englishCompanies)
        ).replacingOccurrences(of: "{y}", with: String(year))
        if random.below(10) == 0 { sentence = "**" + sentence + "**" }
        paragraph += sentence + (chinese ? "。" : " ")
      }
      if random.below(8) == 0 {
        paragraph += chinese ? "[原文链接](https://example.com/a)" : "[Source](https://example.com/b)"
      }
      text += paragraph + "\n\n"
    }
    return text
  }
}
