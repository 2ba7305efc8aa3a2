/// The people and bodies a sentence names, and what kind of name each is.
extension SpeakerFinder {
  /// The people and bodies an article's front matter names, which tell a person from a company
  /// where the text alone cannot ("Harbor Freightways", "Lena Ortiz").
  struct ArticleNames: Sendable {
    var people: [String] = []
    var organisations: [String] = []
  }

  /// What a name stands for, as far as the article and the lexicon tell.
  enum NameKind: Equatable {
    case person, organisation, group, unknown
  }

  /// A name found in a sentence, and where it starts in the sentence's UTF-8 bytes.
  struct Mention {
    var offset: Int
    var name: String
  }

  /// Whether `name` is a person's or a body's, as the article's front matter, the lexicon and
  /// the name's own words tell.
  func kind(of name: String, names: ArticleNames) -> NameKind {
    if lexicon.people.contains(name) || names.people.contains(name) { return .person }
    if names.organisations.contains(name) || Self.isOrganisation(name) { return .organisation }
    if Self.groups.values.contains(name) || name == Self.unnamedSource { return .group }
    let words = name.split(separator: " ")
    if words.contains(where: { Self.organisationWords.contains($0.lowercased()) }) {
      return .organisation
    }
    if lexicon.canonicalName(for: name) != nil, !lexicon.products.contains(name) {
      return .organisation
    }
    return .unknown
  }

  /// The source written for people familiar with a matter.
  static let unnamedSource = "people familiar with the matter"

  /// Words that make a name a body's: "Kestrel Bank", "Alder Research", "Northstar Energy".
  static let organisationWords: Set<String> = [
    "bank", "group", "inc", "inc.", "corp", "corp.", "corporation", "company", "co.", "ltd",
    "ltd.", "llc", "plc", "capital", "securities", "research", "partners", "energy", "holdings",
    "motors", "labs", "systems", "technologies", "university", "institute", "agency",
    "ministry", "department", "commission", "council", "bureau", "association", "authority",
    "reserve", "fund", "foundation", "government", "exchange", "insights", "analytics",
    "advisors", "advisers", "consulting", "markets", "airlines", "pharmaceuticals", "media",
  ]

  /// The people a sentence names, in order: the article's, the lexicon's, and Chinese names
  /// after a title (董事吳美玲); at one place a name the article or the lexicon knows (李娜) comes
  /// after the guess from a title (李娜周), so it is the one taken as last.
  func personMentionList(in sentence: String, names: ArticleNames) -> [Mention] {
    var known = mentions(of: names.people, in: sentence)
    known += lexicon.entities(in: sentence).filter { lexicon.people.contains($0.canonical) }
      .map { Mention(offset: $0.utf8Offset, name: $0.canonical) }
    let guessed = Self.titledNames(in: Array(sentence.utf8))
    return (guessed.map { ($0, 0) } + known.map { ($0, 1) })
      .sorted { ($0.0.offset, $0.1) < ($1.0.offset, $1.1) }.map(\.0)
  }

  /// The bodies a sentence names, in order: the article's own (by name, or a Chinese one by its
  /// short form, 灵犀 for 灵犀智造), the lexicon's, and English names holding a word such as
  /// *Bank*; where one place holds two, the article's own.
  func organisationMentionList(in sentence: String, names: ArticleNames) -> [Mention] {
    let own = mentions(of: names.organisations, in: sentence, shortForms: true)
    var found = lexicon.entities(in: sentence).filter {
      !lexicon.people.contains($0.canonical) && !lexicon.products.contains($0.canonical)
        && !lexicon.places.contains($0.canonical)
    }.map { Mention(offset: $0.utf8Offset, name: $0.canonical) }
    // Only a sentence with a capital can name an English body.
    if sentence.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
      found += Self.namedBodies(in: sentence)
    }
    // At one place, the article's own name (腾讯控股) is taken over the lexicon's (腾讯).
    let ownPlaces = Set(own.map(\.offset))
    return (found.filter { !ownPlaces.contains($0.offset) } + own)
      .sorted { $0.offset < $1.offset }
  }

  /// Runs of capitalised English words that hold a word of a body's name: "The Prairie
  /// Climate Institute", "Kestrel Bank".
  static func namedBodies(in sentence: String) -> [Mention] {
    var found: [Mention] = []
    var run: [Substring] = []
    func close() {
      // "Shares of Kestrel Bank", "On Tuesday Northstar Energy": what opens the sentence
      // before the name is no part of it.
      var name = run[...]
      if let of = name.firstIndex(of: "of"), of == name.startIndex + 1,
        let first = name.first, first.hasSuffix("s") || opensPhrase(first)
      {
        name = name[(of + 1)...]
      }
      name = name.drop {
        $0 == "The" || opensPhrase($0) || notNameWords.contains($0.lowercased())
      }
      if name.count >= 2, let first = name.first,
        name.contains(where: { organisationWords.contains($0.lowercased()) })
      {
        let offset = sentence.utf8.distance(from: sentence.startIndex, to: first.startIndex)
        found.append(Mention(offset: offset, name: name.joined(separator: " ")))
      }
      run = []
    }
    for word in Self.words(of: sentence) {
      let trimmed = Self.withoutEndPunctuation(word)
      if isCapitalised(trimmed) || (trimmed == "of" && !run.isEmpty) {
        run.append(trimmed)
      } else {
        close()
      }
      if word.last.map({ $0 == "." || $0 == ";" }) == true || endsWithComma(word, in: sentence) {
        close()
      }
    }
    close()
    return found
  }

  /// Where each of `names` last occurs in `sentence`, as the lexicon's English name when it
  /// knows one.
  private func mentions(of names: [String], in sentence: String, shortForms: Bool = false)
    -> [Mention]
  {
    let bytes = Array(sentence.utf8)
    return names.compactMap { name in
      var written = [Array(name.utf8)]
      if shortForms, let short = Self.shortForm(of: name) { written.append(Array(short.utf8)) }
      return written.lazy.compactMap { Self.lastWholeRange(of: $0, in: bytes) }.first.map {
        Mention(offset: $0.lowerBound, name: canonical(name))
      }
    }
  }

  /// `word` without ASCII punctuation at either end ("Bank.", "(Reuters)"), cut on its bytes.
  static func withoutEndPunctuation(_ word: Substring) -> Substring {
    let utf8 = word.utf8
    func isMark(_ byte: UInt8) -> Bool { byte < 0x80 && !Clause.isWordByte(byte) && byte != 0x26 }
    guard let first = utf8.firstIndex(where: { !isMark($0) }),
      let last = utf8.lastIndex(where: { !isMark($0) })
    else { return word[word.endIndex...] }
    return word[first...last]
  }

  /// The last place `name` occurs in `bytes` as a whole word: an ASCII letter or digit on
  /// neither side ("Meta" is not in "Metals").
  static func lastWholeRange(of name: [UInt8], in bytes: [UInt8]) -> Range<Int>? {
    // A name that starts or ends in a Chinese character needs no boundary on that side.
    let startsWord = name.first.map(Clause.isWordByte) ?? false
    let endsWord = name.last.map(Clause.isWordByte) ?? false
    var haystack = bytes
    while let range = ByteText.lastRange(of: name, in: haystack) {
      let before = range.lowerBound > 0 ? bytes[range.lowerBound - 1] : 0x20
      let after = range.upperBound < bytes.count ? bytes[range.upperBound] : 0x20
      if !(startsWord && Clause.isWordByte(before)), !(endsWord && Clause.isWordByte(after)) {
        return range
      }
      haystack = Array(bytes[..<(range.upperBound - 1)])
    }
    return nil
  }

  /// The first two characters of a Chinese name of four or more (灵犀智造, 晟鼎電腦), which
  /// articles write for it after the first mention; not a place or a word of many names
  /// (中国平安 is not 中国).
  static func shortForm(of name: String) -> String? {
    let scalars = name.unicodeScalars
    guard scalars.count >= 4, scalars.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) })
    else { return nil }
    let short = String(String.UnicodeScalarView(scalars.prefix(2)))
    return commonNamePrefixes.contains(short) ? nil : short
  }

  /// Places and words that open many companies' names.
  private static let commonNamePrefixes: Set<String> = [
    "中国", "中國", "中华", "中華", "北京", "上海", "深圳", "广州", "廣州", "香港", "台湾", "台灣", "台北", "美国",
    "美國", "国际", "國際", "国家", "國家", "全国", "全國", "新华", "新華", "东方", "東方", "华夏", "華夏", "天津",
    "重庆", "重慶", "浙江", "江苏", "江蘇", "广东", "廣東", "南方", "北方", "长江", "長江", "招商", "平安",
  ]

  /// Chinese names after a title, with their offsets: "董事長林建宏昨日" gives 林建宏.
  static func titledNames(in bytes: [UInt8]) -> [Mention] {
    var found: [Mention] = []
    for title in titleBytes {
      var start = 0
      while let at = bytes.withUnsafeBufferPointer({
        ByteText.firstIndex(of: title, in: $0, from: start)
      }) {
        start = at + title.count
        if let name = nameAfterTitle(bytes[start...]) {
          found.append(Mention(offset: start, name: name))
        }
      }
    }
    return found
  }

  /// Two or three Han characters opening `rest` and ending where a word that follows a name
  /// begins (则, 表示, 昨日…): a person's name.
  static func nameAfterTitle(_ rest: ArraySlice<UInt8>) -> String? {
    var name = String.UnicodeScalarView()
    for scalar in String(decoding: rest.prefix(12), as: UTF8.self).unicodeScalars {
      guard (0x4E00...0x9FFF).contains(scalar.value), !afterNameScalars.contains(scalar) else {
        break
      }
      name.append(scalar)
      if name.count == 3 { break }
    }
    guard name.count >= 2, !notNamesAfterTitle.contains(String(name.prefix(2))) else { return nil }
    return String(name)
  }

  /// Words that follow a title used as a qualification or a kind ("经济师资格", "分析师职位").
  private static let notNamesAfterTitle: Set<String> = [
    "资格", "資格", "职位", "職位", "职称", "職稱", "考试", "考試", "证书", "證書", "团队", "團隊", "协会", "協會",
    "行业", "行業", "岗位", "崗位", "制度", "培训", "培訓", "人数", "人數",
  ]

  /// Characters that open the words following a name rather than end it.
  private static let afterNameScalars = ScalarSet(
    "则則也还還更较較亦都就并並对對在於于称稱表认認指说說预預曾已将將会會等和与與及的是昨日近此稍当當随隨同告透宣提写寫断斷坦"
      + "带帶领領管主负負出担擔接率参參发發召回介分补補看观觀直周週星们們")

  /// "總裁鄭偉倫則更為樂觀，": the person a title names in the clause before the comma that
  /// `text` ends with, who speaks the verb that follows it.
  func clauseSubject(before text: String) -> String? {
    let bytes = Array(text.utf8)
    guard bytes.last == UInt8(ascii: ",") || bytes.suffix(3).elementsEqual(Self.fullWidthComma)
    else { return nil }
    let body = Array(bytes.dropLast(bytes.last == UInt8(ascii: ",") ? 1 : 3))
    let clauseStart =
      Self.clauseBreaks.compactMap { ByteText.lastRange(of: $0, in: body) }
      .map(\.upperBound).max() ?? 0
    // A subject's name ends within the clause's first bytes; the rest is not searched.
    let clause = Array(body[clauseStart...].prefix(Self.subjectReach + 12))
    guard let person = Self.titledNames(in: clause).min(by: { $0.offset < $1.offset }),
      person.offset <= Self.subjectReach
    else { return nil }
    // "总经理王强的任期结束后，预料…": a name the clause possesses is not its subject.
    let after = clause.dropFirst(person.offset + person.name.utf8.count)
    if after.starts(with: Self.possessive) { return nil }
    return person.name
  }

  /// How far into its clause a subject's name may end: past a company's name and a title.
  private static let subjectReach = 48
  private static let possessive = Array("的".utf8)
  private static let clauseBreaks = ByteText.encoded(["，", ",", "。", "；", "：", "、"])
}
