/// Who "she", "they", 他 or "the company" is: the person, speaker or body named last before it.
extension SpeakerFinder {
  /// How many lines before the pronoun are read for the one it points back to; "the company"
  /// may be named paragraphs earlier.
  static let personReach = 3
  static let organisationReach = 10
  /// How many sentences are read back at most, so a long paragraph of "the company expects" is
  /// not read again for each.
  static let sentenceReach = 40

  /// The name `found` points to from byte `offset` of line `index`, where `sentence` starts;
  /// nil for the author. A name `sentence` gives before the word that points ("腾讯周一公布财报，
  /// 该公司预计…", "Kestrel Bank cut rates, and the bank expects…") comes first.
  func referent(
    of found: Found, in lines: [TextLine], before index: Int, offset: Int, sentence: String,
    names: ArticleNames, memo: inout Memo
  ) -> String? {
    if let named = namedBefore(found, in: sentence, names: names) { return named }
    switch found {
    case .name(let name): return name
    case .author: return nil
    case .group: return lastNamed(in: lines, before: index, offset: offset, memo: &memo)
    case .person:
      return lastNamed(
        in: lines, before: index, offset: offset, reach: Self.personReach, memo: &memo,
        accepts: { [.person, .unknown].contains(kind(of: $0, names: names)) },
        mentioned: .people, mentions: { personMentionList(in: $0, names: names).map(\.name) })
    case .organisation:
      return lastNamed(
        in: lines, before: index, offset: offset, reach: Self.organisationReach, memo: &memo,
        accepts: { kind(of: $0, names: names) == .organisation },
        mentioned: .bodies,
        mentions: { organisationMentionList(in: $0, names: names).map(\.name) })
    }
  }

  /// The speaker last named before byte `offset` of line `index`, looking back at most three
  /// lines, or else the person the lexicon knows who was named last: who "they" are.
  func lastNamed(in lines: [TextLine], before index: Int, offset: Int, memo: inout Memo)
    -> String?
  {
    lastNamed(
      in: lines, before: index, offset: offset, reach: Self.personReach, memo: &memo,
      accepts: { _ in true }, mentioned: nil, mentions: { _ in [] })
      ?? lastNamed(
        in: lines, before: index, offset: offset, reach: Self.personReach, memo: &memo,
        accepts: { _ in false }, mentioned: .knownPeople,
        mentions: { sentence in
          lexicon.entities(in: sentence).filter { lexicon.people.contains($0.canonical) }
            .map(\.canonical)
        })
  }

  /// Reads the sentences before byte `offset` of line `index`, nearest first, and returns the
  /// first speaker `accepts`, else the last of the sentence's `mentions`, kept in `memo` as kind
  /// `mentioned` (nil: no mentions are asked).
  private func lastNamed(
    in lines: [TextLine], before index: Int, offset: Int, reach: Int, memo: inout Memo,
    accepts: (String) -> Bool, mentioned: Memo.Mentioned?, mentions: (String) -> [String]
  ) -> String? {
    var read = 0
    for lineIndex in stride(from: index, through: max(0, index - reach), by: -1) {
      let bytes = lines[lineIndex].utf8
      let limit = lineIndex == index ? offset : bytes.count
      for range in memo.sentences(line: lineIndex, bytes).reversed()
      where range.upperBound <= limit {
        read += 1
        if read > Self.sentenceReach { return nil }
        let sentence = String(decoding: bytes[range], as: UTF8.self)
        let found = memo.speaker(line: lineIndex, start: range.lowerBound) {
          speaker(in: sentence)
        }
        if case .name(let name) = found, accepts(name) { return name }
        guard let mentioned else { continue }
        let named = memo.mentions(line: lineIndex, start: range.lowerBound, kind: mentioned) {
          mentions(sentence)
        }
        if let mention = named.last { return mention }
      }
    }
    return nil
  }

  /// The person or body `sentence` names before the word in it that points back, if any.
  private func namedBefore(_ found: Found, in sentence: String, names: ArticleNames) -> String? {
    let words: [[UInt8]]
    switch found {
    case .person: words = Self.personPointers
    case .organisation: words = Self.organisationPointers
    default: return nil
    }
    // Lower case on ASCII letters only, so offsets stay those of `sentence`.
    let bytes = Array(sentence.utf8)
    let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    let pointer = lowered.withUnsafeBufferPointer { buffer in
      words.compactMap { Self.firstPointer($0, in: buffer) }.min()
    }
    guard let pointer, pointer > 0 else { return nil }
    let before = String(decoding: bytes.prefix(pointer), as: UTF8.self)
    let mentions =
      found == .person
      ? personMentionList(in: before, names: names)
      : organisationMentionList(in: before, names: names)
    // The name must open the sentence, as its subject does ("Lena Ortiz praised Marco Diaz, and
    // she expects", 腾讯周一公布财报，该公司预计); one after a preposition or a comma ("After
    // meeting Lena Ortiz, he said", 在与腾讯的合作中) is not who speaks.
    guard let first = mentions.first else { return nil }
    let opening = mentions.prefix { $0.offset == first.offset }.last ?? first
    let lead = String(decoding: bytes.prefix(first.offset), as: UTF8.self)
    guard lead.utf8.count <= Self.subjectLead,
      !lead.contains(where: { $0 == "," || $0 == "，" }),
      !Self.leadOpeners.contains(where: { lead.lowercased().hasPrefix($0) })
    else { return nil }
    return opening.name
  }

  /// Where `word` first stands in `sentence` as a pointer: 他 and 她 not inside 其他 or 他们.
  private static func firstPointer(_ word: [UInt8], in sentence: UnsafeBufferPointer<UInt8>)
    -> Int?
  {
    var from = 0
    while let at = ByteText.firstIndex(of: word, in: sentence, from: from) {
      from = at + 1
      guard word == he || word == she else { return at }
      let before = at >= 3 ? Array(sentence[(at - 3)..<at]) : []
      let after = Array(sentence[(at + word.count)..<min(sentence.count, at + word.count + 3)])
      if before == qi || plurals.contains(after) { continue }
      return at
    }
    return nil
  }

  private static let he = Array("他".utf8)
  private static let she = Array("她".utf8)
  private static let qi = Array("其".utf8)
  private static let plurals = ByteText.encoded(["们", "們"])
  /// How many bytes a title or a word of time may take before the subject's name.
  private static let subjectLead = 30
  private static let leadOpeners = [
    "after", "asked", "in ", "on ", "at ", "with", "for ", "about", "like", "unlike", "before",
    "在", "与", "與", "对", "對", "据", "據", "和", "跟", "随着", "隨著", "关于", "關於",
  ]

  private static let personPointers = ByteText.encoded([" he ", " she ", "他", "她"])
  private static let organisationPointers = ByteText.encoded(
    organisationNouns.map { " the \($0) " } + [" it "] + chineseOrganisationWords.sorted())

  /// The speaker of the sentence before byte `offset` of line `index`, which a sentence naming
  /// no one goes on quoting ("许岚预计，…。PPI则可能…"), with that sentence's range; nil when the
  /// author spoke last or it names no one: a paragraph's narration soon returns to the author.
  func earlierSpeaker(in line: [UInt8], index: Int, before offset: Int, memo: inout Memo)
    -> (found: Found, sentence: Range<Int>)?
  {
    let ranges = memo.sentences(line: index, line)
    guard let range = ranges.last(where: { $0.upperBound <= offset }) else { return nil }
    let found = memo.speaker(line: index, start: range.lowerBound) {
      speaker(in: String(decoding: line[range], as: UTF8.self))
    }
    guard let found, found != .author else { return nil }
    return (found, range)
  }

  /// Whether the sentence speaks in the first person outside any verb of speech ("我們賴以追趕的
  /// …可能會失效", "our costs will fall"): the author's voice, which no earlier speaker carries.
  static func speaksInFirstPerson(_ sentence: [UInt8]) -> Bool {
    firstPersonBytes.contains { ByteText.contains(sentence, $0) }
      || sentence.starts(with: Array("I ".utf8))
  }

  private static let firstPersonBytes = ByteText.encoded([
    "我", "笔者", "筆者", " we ", " our ", " I ", " us ", "We ", "Our ",
  ])
}
