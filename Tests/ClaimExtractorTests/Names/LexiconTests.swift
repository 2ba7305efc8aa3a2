import Testing

@testable import ClaimExtractor

/// A name as an article might write it, and the English name it should come out as.
struct AliasCase: Sendable, CustomTestStringConvertible {
  let written: String
  let canonical: String
  var testDescription: String { written }
}

/// A text and the names expected in it, in order, as (written, canonical) pairs.
struct ScanCase: Sendable, CustomTestStringConvertible {
  let text: String
  let expected: [String]
  var testDescription: String { "\"\(text)\"" }
}

@Suite struct LexiconTests {
  /// The fingerprint follows the names and what they stand for, not the order they were added.
  @Test func theFingerprintFollowsTheNames() {
    let pairs = [("微软", "Microsoft"), ("英伟达", "Nvidia"), ("OpenAI", "OpenAI")]
    let forwards = Lexicon(names: Dictionary(uniqueKeysWithValues: pairs))
    var backwards: [String: String] = [:]
    for (written, canonical) in pairs.reversed() { backwards[written] = canonical }
    #expect(forwards.fingerprint == Lexicon(names: backwards).fingerprint)
    let renamed = Lexicon(names: ["微软": "MSFT", "英伟达": "Nvidia", "OpenAI": "OpenAI"])
    let grown = forwards.merging(Lexicon(names: ["字节跳动": "ByteDance"]))
    let fingerprints = [forwards, renamed, grown, Lexicon.builtIn].map(\.fingerprint)
    #expect(Set(fingerprints).count == 4)
  }

  @Test func builtInTableHasAtLeast150Entities() {
    #expect(Lexicon.builtIn.canonicalNames.count >= 150)
  }

  @Test func everyEnglishNameStandsForItself() {
    for name in Lexicon.builtIn.canonicalNames {
      #expect(Lexicon.builtIn.canonicalName(for: name) == name)
    }
  }

  static let aliases: [AliasCase] = [
    .init(written: "微软", canonical: "Microsoft"),
    .init(written: "微軟", canonical: "Microsoft"),
    .init(written: "英伟达", canonical: "Nvidia"),
    .init(written: "輝達", canonical: "Nvidia"),
    .init(written: "英偉達", canonical: "Nvidia"),
    .init(written: "字节跳动", canonical: "ByteDance"),
    .init(written: "字節跳動", canonical: "ByteDance"),
    .init(written: "台積電", canonical: "TSMC"),
    .init(written: "亞馬遜", canonical: "Amazon"),
    .init(written: "深度求索", canonical: "DeepSeek"),
    .init(written: "月之暗面", canonical: "Moonshot AI"),
    .init(written: "通義千問", canonical: "Qwen"),
    .init(written: "文心一言", canonical: "ERNIE Bot"),
    .init(written: "擎天柱", canonical: "Optimus"),
    .init(written: "馬斯克", canonical: "Elon Musk"),
    .init(written: "黃仁勳", canonical: "Jensen Huang"),
    .init(written: "阿尔特曼", canonical: "Sam Altman"),
    .init(written: "川普", canonical: "Donald Trump"),
    .init(written: "聯準會", canonical: "Federal Reserve"),
    .init(written: "歐盟", canonical: "European Union"),
    .init(written: "州政府", canonical: "US state governments"),
    .init(written: "Tesla", canonical: "Tesla"),
    .init(written: "Musk", canonical: "Elon Musk"),
  ]

  @Test(arguments: aliases)
  func mapsAliasesToTheirEnglishName(_ c: AliasCase) {
    #expect(Lexicon.builtIn.canonicalName(for: c.written) == c.canonical)
  }

  @Test func unknownNamesHaveNoEnglishName() {
    #expect(Lexicon.builtIn.canonicalName(for: "某某科技") == nil)
    #expect(Lexicon.builtIn.canonicalName(for: "tesla") == nil)
  }

  static let scans: [ScanCase] = [
    .init(text: "字节跳动和腾讯都在做大模型", expected: ["字节跳动=ByteDance", "腾讯=Tencent"]),
    .init(text: "字节的豆包", expected: ["字节=ByteDance", "豆包=Doubao"]),
    .init(text: "美国证监会盯上了美国公司", expected: ["美国证监会=SEC", "美国=United States"]),
    .init(text: "Meta shipped new metadata tools", expected: ["Meta=Meta"]),
    .init(text: "AMDX is not AMD.", expected: ["AMD=AMD"]),
    .init(text: "Intelligence at Intel", expected: ["Intel=Intel"]),
    .init(text: "meta and tesla in lower case", expected: []),
    .init(text: "用Kimi写代码，再用ChatGPT检查", expected: ["Kimi=Kimi", "ChatGPT=ChatGPT"]),
    .init(text: "Nvidia's Blackwell", expected: ["Nvidia=Nvidia", "Blackwell=Blackwell"]),
    .init(text: "Elon Musk said Musk would", expected: ["Elon Musk=Elon Musk", "Musk=Elon Musk"]),
    .init(text: "", expected: []),
  ]

  @Test(arguments: scans)
  func findsNamesLeftmostLongest(_ c: ScanCase) {
    let found = Lexicon.builtIn.entities(in: c.text).map { "\($0.written)=\($0.canonical)" }
    #expect(found == c.expected)
  }

  @Test(arguments: scans)
  func findsTheSameEnglishNamesInBytes(_ c: ScanCase) {
    var text = c.text
    let names = text.withUTF8 { Lexicon.builtIn.canonicalNames(in: UnsafeRawBufferPointer($0)) }
    #expect(names == Lexicon.builtIn.entities(in: c.text).map(\.canonical))
  }

  @Test func findsTwoByteNamesAtTheVeryEnd() {
    let lexicon = Lexicon(names: ["HP": "HP", "字节": "ByteDance"])
    #expect(lexicon.entities(in: "bought by HP").map(\.canonical) == ["HP"])
    #expect(lexicon.entities(in: "属于字节").map(\.canonical) == ["ByteDance"])
  }

  @Test func offsetsCountUTF8Bytes() {
    let matches = Lexicon.builtIn.entities(in: "据说特斯拉和Tesla")
    #expect(matches.map(\.utf8Offset) == [6, 18])
  }

  @Test func mergingLetsTheOtherLexiconWin() {
    let base = Lexicon(names: ["字节": "ByteDance", "小红": "Red"], hedges: ["大概": 0.6])
    let project = Lexicon(names: ["小红": "Xiaohongshu"], hedges: ["大概": 0.55, "八成": 0.8])
    let merged = base.merging(project)
    #expect(merged.canonicalName(for: "字节") == "ByteDance")
    #expect(merged.canonicalName(for: "小红") == "Xiaohongshu")
    #expect(merged.hedges == ["大概": 0.55, "八成": 0.8])
    #expect(merged.entities(in: "小红和字节").map(\.canonical) == ["Xiaohongshu", "ByteDance"])
  }

  @Test func mergingKeepsTheBuiltInNames() {
    let merged = Lexicon.builtIn.merging(Lexicon(names: ["Acme": "Acme"]))
    #expect(merged.entities(in: "Acme和微软").map(\.canonical) == ["Acme", "Microsoft"])
  }
}
