/// Who "she", "they", 他 or "the company" is: the person, speaker or body named last before it.
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

  /// How many lines before the pronoun are read for the one it points back to; "the company"
  /// may be named paragraphs earlier.
  static let personReach = 3
  static let organisationReach = 10

  /// The speakers of a section's sentences, each found once however many later sentences look
  /// back at it.
  struct Memo {
    private var found: [Int: Found?] = [:]
    private var sentences: [Int: [Range<Int>]] = [:]

    init() {}

    /// The sentences of line `line`, `bytes`, split once.
    mutating func sentences(line: Int, _ bytes: [UInt8]) -> [Range<Int>] {
      if let known = sentences[line] { return known }
      let ranges = bytes.withUnsafeBufferPointer { SentenceSplitter.sentences(in: $0) }
      sentences[line] = ranges
      return ranges
    }

    /// The speaker of the sentence starting at byte `start` of line `line`, from `find` the
    /// first time it is asked.
    mutating func speaker(line: Int, start: Int, _ find: () -> Found?) -> Found? {
      let key = line << 32 | start
      if let known = found[key] { return known }
      let speaker = find()
      found[key] = speaker
      return speaker
    }
  }

  /// The name `found` points to from byte `offset` of line `index`; nil for the author.
  func referent(
    of found: Found, in lines: [TextLine], before index: Int, offset: Int, names: ArticleNames,
    memo: inout Memo
  ) -> String? {
    switch found {
    case .name(let name): name
    case .author: nil
    case .group: lastNamed(in: lines, before: index, offset: offset, memo: &memo)
    case .person:
      lastNamed(
        in: lines, before: index, offset: offset, reach: Self.personReach, memo: &memo,
        accepts: {
          kind(of: $0, names: names) == .person || kind(of: $0, names: names) == .unknown
        }, mentions: { personMentions(in: $0, names: names) })
    case .organisation:
      lastNamed(
        in: lines, before: index, offset: offset, reach: Self.organisationReach, memo: &memo,
        accepts: { kind(of: $0, names: names) == .organisation },
        mentions: { organisationMentions(in: $0, names: names) })
    }
  }

  /// The speaker last named before byte `offset` of line `index`, looking back at most three
  /// lines, or else the person the lexicon knows who was named last: who "they" are.
  func lastNamed(in lines: [TextLine], before index: Int, offset: Int, memo: inout Memo)
    -> String?
  {
    lastNamed(
      in: lines, before: index, offset: offset, reach: Self.personReach, memo: &memo,
      accepts: { _ in true }, mentions: { _ in [] })
      ?? lastNamed(
        in: lines, before: index, offset: offset, reach: Self.personReach, memo: &memo,
        accepts: { _ in false },
        mentions: { sentence in
          lexicon.entities(in: sentence).filter { lexicon.people.contains($0.canonical) }
            .map(\.canonical)
        })
  }

  /// Reads the sentences before byte `offset` of line `index`, nearest first, and returns the
  /// first speaker `accepts`, else the last of the sentence's `mentions`.
  private func lastNamed(
    in lines: [TextLine], before index: Int, offset: Int, reach: Int, memo: inout Memo,
    accepts: (String) -> Bool, mentions: (String) -> [String]
  ) -> String? {
    for lineIndex in stride(from: index, through: max(0, index - reach), by: -1) {
      let bytes = lines[lineIndex].utf8
      let limit = lineIndex == index ? offset : bytes.count
      for range in memo.sentences(line: lineIndex, bytes).reversed()
      where range.upperBound <= limit {
        let sentence = String(decoding: bytes[range], as: UTF8.self)
        let found = memo.speaker(line: lineIndex, start: range.lowerBound) {
          speaker(in: sentence)
        }
        if case .name(let name) = found, accepts(name) { return name }
        if let mention = mentions(sentence).last { return mention }
      }
    }
    return nil
  }

  /// The speaker of the two sentences before byte `offset` of line `index`, nearest first,
  /// that a sentence naming no one goes on quoting ("许岚预计，…。PPI则可能…"), with the offset
  /// of the sentence that names them; nil when the author spoke last or neither names anyone:
  /// a paragraph's narration soon returns to the author.
  func earlierSpeaker(in line: [UInt8], index: Int, before offset: Int, memo: inout Memo)
    -> (found: Found, offset: Int)?
  {
    let ranges = memo.sentences(line: index, line)
    for range in ranges.reversed().lazy.filter({ $0.upperBound <= offset }).prefix(2) {
      let found = memo.speaker(line: index, start: range.lowerBound) {
        speaker(in: String(decoding: line[range], as: UTF8.self))
      }
      guard let found else { continue }
      return found == .author ? nil : (found, range.lowerBound)
    }
    return nil
  }

  /// Whether the sentence speaks in the first person outside any verb of speech ("我們賴以追趕的
  /// …可能會失效", "our costs will fall"): the author's voice, which no earlier speaker carries.
  static func speaksInFirstPerson(_ sentence: [UInt8]) -> Bool {
    firstPersonBytes.contains { ByteText.contains(sentence, $0) }
      || sentence.starts(with: Array("We ".utf8)) || sentence.starts(with: Array("I ".utf8))
  }

  private static let firstPersonBytes = ByteText.encoded([
    "我", "笔者", "筆者", " we ", " our ", " I ", " us ", "We ", "Our ",
  ])

  /// A name found in a sentence, and where it starts in the sentence's UTF-8 bytes.
  struct Mention {
    var offset: Int
    var name: String
  }

  /// Whether `name` is a person's or a body's, as the article's front matter, the lexicon and
  /// the name's own words tell.
  func kind(of name: String, names: ArticleNames) -> NameKind {
    if names.people.contains(name) || lexicon.people.contains(name) { return .person }
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
  /// after a title (董事吳美玲).
  private func personMentions(in sentence: String, names: ArticleNames) -> [String] {
    var found = mentions(of: names.people, in: sentence)
    found += lexicon.entities(in: sentence).filter { lexicon.people.contains($0.canonical) }
      .map { Mention(offset: $0.utf8Offset, name: $0.canonical) }
    found += Self.titledNames(in: Array(sentence.utf8))
    return found.sorted { $0.offset < $1.offset }.map(\.name)
  }

  /// The bodies a sentence names, in order: the article's, by their names or the short form of
  /// a Chinese one (灵犀 for 灵犀智造), when its front matter lists them, since the company it
  /// is about is among them; the lexicon's otherwise.
  private func organisationMentions(in sentence: String, names: ArticleNames) -> [String] {
    // Only a sentence with a capital can name an English body.
    let hasCapital = sentence.utf8.contains { $0 >= 0x41 && $0 <= 0x5A }
    guard names.organisations.isEmpty else {
      return mentions(of: names.organisations, in: sentence, shortForms: true)
        .sorted { $0.offset < $1.offset }.map(\.name)
    }
    var found = lexicon.entities(in: sentence).filter {
      !lexicon.people.contains($0.canonical) && !lexicon.products.contains($0.canonical)
    }.map { Mention(offset: $0.utf8Offset, name: $0.canonical) }
    if hasCapital { found += Self.namedBodies(in: sentence) }
    return found.sorted { $0.offset < $1.offset }.map(\.name)
  }

  /// Runs of capitalised English words that hold a word of a body's name: "The Prairie
  /// Climate Institute", "Kestrel Bank".
  static func namedBodies(in sentence: String) -> [Mention] {
    var found: [Mention] = []
    var run: [Substring] = []
    func close() {
      let name = run.drop { $0 == "The" }
      if name.count >= 2, let first = name.first,
        name.contains(where: { organisationWords.contains($0.lowercased()) })
      {
        let offset = sentence.utf8.distance(from: sentence.startIndex, to: first.startIndex)
        found.append(Mention(offset: offset, name: name.joined(separator: " ")))
      }
      run = []
    }
    for word in Self.words(of: sentence) {
      let bare = word.drop { $0.isPunctuation }.reversed().drop { $0.isPunctuation }.count
      let trimmed = word.drop { $0.isPunctuation }.prefix(bare)
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
      return written.lazy.compactMap { ByteText.lastRange(of: $0, in: bytes) }.first.map {
        Mention(offset: $0.lowerBound, name: canonical(name))
      }
    }
  }

  /// The first two characters of a Chinese name of four or more (灵犀智造, 晟鼎電腦), which
  /// articles write for it after the first mention.
  static func shortForm(of name: String) -> String? {
    let scalars = name.unicodeScalars
    guard scalars.count >= 4, scalars.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) })
    else { return nil }
    return String(String.UnicodeScalarView(scalars.prefix(2)))
  }

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
    guard name.count >= 2 else { return nil }
    return String(name)
  }

  /// Characters that open the words following a name rather than end it.
  private static let afterNameScalars = ScalarSet(
    "则則也还還更较較亦都就并並对對在於于称稱表认認指说說预預曾已将將会會等和与與及的是昨日近此稍当當随隨同告透宣提写寫断斷坦")

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
    return person.name
  }

  /// How far into its clause a subject's name may end: past a company's name and a title.
  private static let subjectReach = 48
  private static let clauseBreaks = ByteText.encoded(["，", ",", "。", "；", "：", "、"])
}
