import ClaimLedger

/// Writes the short English claim text for a clause that follows a known forecast pattern.
///
/// Claims are compared and scored across articles in three scripts, so the same forecast must
/// read the same whichever way it was written: "特斯拉将收购xAI", "特斯拉將收購xAI" and "Tesla
/// will acquire xAI" all become "Tesla acquires xAI". Only clauses whose actors the lexicon knows
/// (or, in English, capitalised names) are phrased; anything else is left to a person.
public enum ClaimPhrasing {
  /// The claim text for `clause`, ending " by YYYY-MM-DD" when there is a deadline; nil when
  /// the clause matches no known pattern or its actors are not names.
  ///
  /// Patterns are tried in a fixed order (acquisition, threshold, IPO, launch, regulation), so
  /// "SpaceX 不会 IPO，而是反向并入特斯拉" is read as the merger it affirms.
  public static func text(for clause: String, lexicon: Lexicon, deadline: Day?) -> String? {
    let clause = Clause(clause, lexicon: lexicon)
    let patterns: [(Clause) -> String?] = [
      acquisition(in:), threshold(in:), listing(in:), launch(in:), regulation(in:),
    ]
    for pattern in patterns {
      if let text = pattern(clause) {
        return deadline.map { text + " by \($0)" } ?? text
      }
    }
    return nil
  }

  // MARK: Acquisitions and mergers

  static let acquisitionWords: WordList = [
    "收购", "收購", "并购", "併購", "拿下", "吞并", "吞併", "买下", "買下", "acquire", "acquires",
    "buy", "buys", "take over", "takes over", "purchase", "purchases",
  ]
  static let passiveAcquisitionWords: WordList = [
    "acquired by", "bought by", "taken over by", "purchased by",
  ]
  static let mergerWords: WordList = [
    "反向并入", "反向併入", "并入", "併入", "merge into", "merges into", "merge with", "merges with",
  ]
  static let acquires = Verb("acquires", "acquire")

  static func acquisition(in clause: Clause) -> String? {
    if let passive = clause.find(["被"]),
      let verb = clause.find(acquisitionWords, in: passive.end..<clause.bytes.count),
      let target = clause.name(before: passive.start),
      let buyer = clause.name(after: passive.end, before: verb.start)
    {
      let isNegated = clause.isNegated(in: target.end..<passive.start)
      return sentence(buyer.text, acquires, target.text + price(in: clause), isNegated: isNegated)
    }
    if let passive = clause.find(passiveAcquisitionWords),
      let target = clause.name(before: passive.start), let buyer = clause.name(after: passive.end)
    {
      let isNegated = clause.isNegated(in: target.end..<passive.start)
      return sentence(buyer.text, acquires, target.text + price(in: clause), isNegated: isNegated)
    }
    if let merger = clause.find(mergerWords), let company = clause.name(before: merger.start),
      let partner = clause.name(after: merger.end)
    {
      let isReverse =
        merger.word.hasPrefix("反向") || clause.find(["reverse merger", "reverse-merge"]) != nil
      let verb =
        merger.word.hasSuffix("with")
        ? Verb("merges with", "merge with") : Verb("merges into", "merge into")
      return sentence(
        company.text, verb, partner.text + (isReverse ? " (reverse merger)" : ""),
        isNegated: clause.isNegated(in: company.end..<merger.start))
    }
    guard let verb = clause.find(acquisitionWords), let buyer = clause.name(before: verb.start),
      let target = clause.name(after: verb.end)
    else { return nil }
    let isNegated = clause.isNegated(in: buyer.end..<verb.start)
    return sentence(buyer.text, acquires, target.text + price(in: clause), isNegated: isNegated)
  }

  /// " (about $17.5B)", or " (market value about $17.5B)" when the sum is a market value;
  /// empty when the clause names no sum of money.
  static func price(in clause: Clause) -> String {
    guard let amount = Amount.firstMoney(in: clause.text) else { return "" }
    let before = max(0, amount.utf8Range.lowerBound - 16)..<amount.utf8Range.lowerBound
    let isMarketValue =
      clause.find(["市值", "market value", "market cap", "valued at"], in: before) != nil
    return " (\(isMarketValue ? "market value " : "")about \(amount.text))"
  }

  // MARK: Listings

  static let listingWords: WordList = [
    "赴港上市", "赴美上市", "上市", "IPO", "goes public", "go public", "going public",
    "files for an IPO", "file for an IPO",
  ]

  /// Where companies list: never the one going public ("在科创板上市").
  static let venues: Set<String> = [
    "Hong Kong Stock Exchange", "Nasdaq", "New York Stock Exchange", "Shanghai Stock Exchange",
    "STAR Market",
  ]

  /// "A goes public"; "上市公司" (a listed company) and products going on sale are not IPOs.
  static func listing(in clause: Clause) -> String? {
    var start = 0
    while let hit = clause.find(listingWords, in: start..<clause.bytes.count) {
      start = hit.end
      if clause.bytes[safe: hit.end..<hit.end + 6]?.elementsEqual("公司".utf8) == true { continue }
      guard let company = clause.name(before: hit.start, excluding: venues),
        !clause.isProduct(company),
        !Self.namesAProduct(clause, between: company.end, and: hit.start)
      else {
        return nil
      }
      return sentence(
        company.text, Verb("goes public", "go public"), "",
        isNegated: clause.isNegated(in: company.end..<hit.start))
    }
    return nil
  }

  /// Words for a thing on sale ("小米汽车的第二款车型将于9月上市"): 上市 then means it goes on
  /// sale, not that the company lists its shares.
  static let productWords: WordList = [
    "车型", "車型", "新车", "新車", "手机", "手機", "新品", "产品", "產品", "机型", "機型", "款", "系列",
    "版本", "芯片", "眼镜", "眼鏡", "电池", "電池",
  ]

  static func namesAProduct(_ clause: Clause, between start: Int, and end: Int) -> Bool {
    guard start < end else { return false }
    return clause.find(productWords, in: start..<end) != nil
  }

  // MARK: Launches

  static let launchVerbs: [String: Verb] = {
    var verbs: [String: Verb] = [:]
    let launches = Verb("launches", "launch")
    for word in [
      "推出", "发布", "發布", "上线", "上線", "发售", "發售", "开售", "開售", "launch", "launches",
      "release", "releases", "unveil", "unveils", "ship", "ships", "roll out", "rolls out",
      "introduce", "introduces", "debut", "debuts",
    ] {
      verbs[word] = launches
    }
    for word in ["量产", "量產", "mass-produce", "mass-produces", "mass produce", "mass produces"] {
      verbs[word] = massProduces
    }
    return verbs
  }()
  static let launchVerbWords = WordList(launchVerbs.keys)
  static let massProduces = Verb("starts mass production of", "start mass production of")

  /// "A launches B"; without an object, the product named before the verb ("特斯拉的Optimus将量产").
  static func launch(in clause: Clause) -> String? {
    guard let hit = clause.find(launchVerbWords), let verb = launchVerbs[hit.word] else {
      return nil
    }
    // The product follows the verb closely ("上线新版元宝"); a name further on is usually
    // about something else ("上线春节活动，用户上元宝…").
    let objectLimit = min(clause.bytes.count, hit.end + 12 + 30)
    if let maker = clause.name(before: hit.start),
      let product = clause.name(after: hit.end, before: objectLimit),
      product.start - hit.end <= 12,
      !Self.continuesInChinese(clause, at: product.end)
    {
      // "a foldable iPhone" is not any iPhone: words that narrow the product stay in the text,
      // and Chinese ones (首款折叠屏) leave the sentence as it is rather than be dropped.
      let gap = String(decoding: clause.bytes[hit.end..<product.start], as: UTF8.self)
      guard let modifiers = Self.productModifiers(gap) else { return nil }
      return sentence(
        maker.text, verb, modifiers.isEmpty ? product.text : modifiers + " " + product.text,
        isNegated: clause.isNegated(in: maker.end..<hit.start))
    }
    guard let product = clause.name(before: hit.start), clause.isProduct(product) else {
      return nil
    }
    let isNegated = clause.isNegated(in: product.end..<hit.start)
    if let maker = clause.name(before: product.start), !clause.isProduct(maker) {
      // "苹果首款折叠屏iPhone…发布": what narrows the product counts here too.
      // Between a maker and its product only a possessive, a filler or a reporting verb may
      // stand ("Apple's iPhone", "特斯拉表示Optimus"); other words ("Tesla said its …") are a
      // sentence this pattern does not read.
      let gap = String(decoding: clause.bytes[maker.end..<product.start], as: UTF8.self)
      guard let modifiers = Self.productModifiers(gap), modifiers.isEmpty else { return nil }
      return sentence(
        maker.text, verb, modifiers.isEmpty ? product.text : modifiers + " " + product.text,
        isNegated: isNegated)
    }
    let intransitive =
      verb == massProduces
      ? Verb("enters mass production", "enter mass production") : Verb("is released", "be released")
    return sentence(product.text, intransitive, "", isNegated: isNegated)
  }

  /// The words between a launch verb and its product that narrow the product, in English
  /// ("foldable"), with the ones that do not (articles, "new", 新款, 一款) left out; nil when
  /// Chinese words narrow it, which the English text cannot carry.
  static func productModifiers(_ gap: String) -> String? {
    var rest = gap
    for filler in productFillers { rest = rest.replacingOccurrences(of: filler, with: " ") }
    let words = rest.split(whereSeparator: { $0.isWhitespace || $0 == "的" })
      .filter { !englishFillers.contains($0.lowercased()) }
    guard words.allSatisfy({ $0.allSatisfy(\.isASCII) }) else { return nil }
    return words.joined(separator: " ")
  }

  private static let englishFillers: Set<String> = [
    "a", "an", "the", "its", "their", "his", "her", "new", "brand-new", "next", "first", "'s",
    "’s",
  ]
  /// Longest first, so 新款 goes before 新 can split it; reporting verbs between a maker and
  /// its product ("特斯拉表示Optimus明年量产") narrow nothing either.
  private static let productFillers = [
    "全新一代", "新一代", "一款", "一个", "一個", "新款", "新版", "全新", "自家", "自研", "旗下", "表示", "预计",
    "預計", "透露", "宣布", "宣佈", "称", "稱", "其", "新", "款",
  ]

  /// Whether a Han character follows the name at once ("AI眼镜"): the name is then part of a
  /// longer word, and naming it alone would misstate the product.
  static func continuesInChinese(_ clause: Clause, at offset: Int) -> Bool {
    guard offset < clause.bytes.count else { return false }
    let rest = String(
      decoding: clause.bytes[offset..<min(clause.bytes.count, offset + 4)], as: UTF8.self)
    guard let next = rest.unicodeScalars.first else { return false }
    return (0x4E00...0x9FFF).contains(next.value)
  }

  // MARK: Sentences

  /// Names that take a plural verb ("US state governments pass …").
  static let pluralNames: Set<String> = ["US state governments"]

  static func sentence(
    _ subject: String, _ verb: Verb, _ rest: String, isNegated: Bool, isPlural: Bool? = nil
  ) -> String {
    let isPlural = isPlural ?? pluralNames.contains(subject)
    let verbText = verb.conjugated(isNegated: isNegated, isPlural: isPlural)
    return rest.isEmpty ? "\(subject) \(verbText)" : "\(subject) \(verbText) \(rest)"
  }
}

/// An English verb phrase in the forms a claim needs: "acquires", "acquire", "does not acquire".
struct Verb: Equatable, Sendable {
  /// With a singular subject: "acquires".
  var singular: String
  /// After "does not" and with a plural subject: "acquire"; "be …" phrases use is/are.
  var base: String

  init(_ singular: String, _ base: String) {
    self.singular = singular
    self.base = base
  }

  func conjugated(isNegated: Bool, isPlural: Bool) -> String {
    if base.hasPrefix("be ") {
      let copula = isPlural ? "are" : "is"
      return copula + (isNegated ? " not " : " ") + base.dropFirst(3)
    }
    if isNegated { return (isPlural ? "do not " : "does not ") + base }
    return isPlural ? base : singular
  }
}
