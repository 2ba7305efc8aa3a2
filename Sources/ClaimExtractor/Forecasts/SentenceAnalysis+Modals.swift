/// English modals that look ahead in form only: a comment on a number ("That would be a big
/// jump"), a hypothetical ("If X lifted tariffs, Y would …"), a description of people ("owners
/// who won't sell") and the speaker's own learning ("We will find out on May 30").
extension SentenceAnalysis {
  /// Whether `cue`, a modal of future or negation, makes no forecast here. Only "would",
  /// "will", "won't" and "'ll" are looked at, through a few byte comparisons around them.
  func isIdleModal(_ cue: Found, in clause: Range<Int>, hasLiveFrame: Bool) -> Bool {
    let first = bytes[cue.range.lowerBound]
    guard first | 0x20 == UInt8(ascii: "w") || first == UInt8(ascii: "'") || first == 0xE2
    else { return false }
    let word = cue.word
    let before = previousWord(before: cue.range.lowerBound, from: clause.lowerBound)
    let after = nextWord(after: cue.range.upperBound)
    switch word {
    case "would", "would not", "wouldn't", "wouldn’t":
      // "would not say", "wouldn't comment": a refusal reported.
      if word != "would", let after, Self.refusals.contains(where: { isWord(after, $0) }) {
        return true
      }
      // "That would be …", "It would be …" opening the clause: a comment on what was just
      // said ("said it would be profitable" reports a forecast).
      if after.map({ isWord($0, "be") }) == true, let before,
        Self.commentSubjects.contains(where: { isWord(before, $0) }),
        !bytes[clause.lowerBound..<before.lowerBound].contains(where: Self.isLetter)
      {
        return true
      }
      return !hasLiveFrame && isSecondConditional(before: cue.range.lowerBound)
    case "won't", "won’t", "will not", "will", "'ll", "’ll":
      // "owners who won't sell": a description of people; but "Cook, who will step down in
      // 2027", set off by a comma and dated, says what one will do.
      if let before, isWord(before, "who") || isWord(before, "whom"),
        !hasLiveFrame || !isAfterComma(before.lowerBound)
      {
        return true
      }
      if let before, !hasLiveFrame, isWord(before, "that") || isWord(before, "which") {
        return word != "will" && word != "'ll" && word != "’ll"
      }
      // "would not say what it will show", "asked whether the bank will": a question
      // reported, not an outcome foreseen.
      if opensReportedQuestion(before: cue.range.lowerBound, in: clause) { return true }
      if word == "will" || word == "'ll" || word == "’ll", let after, isWatching(after) {
        return true
      }
      // "We will find out", "I'll see whether …": the speaker learns, nothing happens; "we
      // will see rates fall by 2027" forecasts.
      let subject = word == "'ll" || word == "’ll" ? glued(before: cue.range.lowerBound) : before
      guard let subject, isWord(subject, "we") || isWord(subject, "i"), let after,
        Self.learningVerbs.contains(where: { isWord(after, $0) })
      else { return false }
      guard let next = nextWord(after: after.upperBound) else { return true }
      return Self.learningFollowers.contains { isWord(next, $0) }
    default:
      return false
    }
  }

  /// "If the US lifted tariffs tomorrow, …would": an "if" clause in the past tense before
  /// the modal is a hypothetical, not a condition on a forecast. The clause ends at its first
  /// comma, and its verb follows a subject: "If approved, the drug would …" is a condition.
  private func isSecondConditional(before end: Int) -> Bool {
    guard
      let condition = found.last(where: {
        $0.kind == .condition && $0.range.upperBound <= end
          && ($0.word == "if" || $0.word == "unless")
      })
    else { return false }
    var index = condition.range.upperBound
    var previous: Range<Int>?
    while let word = nextWord(after: index), word.upperBound <= end,
      !bytes[index..<word.lowerBound].contains(UInt8(ascii: ","))
    {
      guard previous != nil else {
        previous = word
        index = word.upperBound
        continue
      }
      let isPast =
        Self.pastForms.contains { isWord(word, $0) }
        || word.count > 4 && bytes[word.upperBound - 2] | 0x20 == UInt8(ascii: "e")
          && bytes[word.upperBound - 1] | 0x20 == UInt8(ascii: "d")
          && !(previous.map { p in Self.passiveAuxiliaries.contains { isWord(p, $0) } } ?? false)
      if isPast { return true }
      previous = word
      index = word.upperBound
    }
    return false
  }

  /// The ASCII word ending just before `end` (spaces passed over), not before `limit`.
  private func previousWord(before end: Int, from limit: Int) -> Range<Int>? {
    var stop = end
    while stop > limit, bytes[stop - 1] == 0x20 { stop -= 1 }
    var start = stop
    while start > limit, Self.isLetter(bytes[start - 1]) { start -= 1 }
    return start < stop ? start..<stop : nil
  }

  /// Whether a comma comes right before `offset`, spaces aside.
  private func isAfterComma(_ offset: Int) -> Bool {
    var index = offset
    while index > 0, bytes[index - 1] == 0x20 { index -= 1 }
    return index > 0 && bytes[index - 1] == UInt8(ascii: ",")
  }

  /// The word "we" glued to "'ll".
  private func glued(before end: Int) -> Range<Int>? {
    var start = end
    while start > 0, Self.isLetter(bytes[start - 1]) { start -= 1 }
    return start < end ? start..<end : nil
  }

  /// The ASCII word starting after `start` (spaces passed over), if one starts there.
  private func nextWord(after start: Int) -> Range<Int>? {
    var begin = start
    while begin < bytes.count, bytes[begin] == 0x20 || bytes[begin] == UInt8(ascii: ",") {
      begin += 1
    }
    var end = begin
    while end < bytes.count, Self.isLetter(bytes[end]) { end += 1 }
    return begin < end ? begin..<end : nil
  }

  private func isWord(_ range: Range<Int>, _ word: String) -> Bool {
    range.count == word.utf8.count
      && zip(bytes[range], word.utf8).allSatisfy { $0 | 0x20 == $1 }
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A
  }

  /// Whether a verb in the past tense ("played", "was") comes within the four words after
  /// `offset`: what a belief then judges is done.
  func hasPastVerb(after offset: Int) -> Bool {
    var start = offset
    for _ in 0..<4 {
      guard let word = nextWord(after: start) else { return false }
      if Self.doneForms.contains(where: { isWord(word, $0) }) { return true }
      let text = bytes[word]
      if text.count > 4, text.suffix(2).elementsEqual("ed".utf8),
        !Self.notPastInEd.contains(where: { isWord(word, $0) })
      {
        return true
      }
      start = word.upperBound
    }
    return false
  }

  /// Whether a verb in the past stands in `range` of `bytes`, not after a form of "be" (a
  /// passive, "will be completed"): "is coming too late for farmers who lost their crops in
  /// May". Static, as the analysis asks it while it is still being made.
  static func hasPastVerb(in range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = range.lowerBound
    var afterBe = false
    while index < range.upperBound {
      guard isLetter(bytes[index]) else {
        index += 1
        continue
      }
      var end = index
      while end < range.upperBound, isLetter(bytes[end]) { end += 1 }
      let word = String(decoding: bytes[index..<end], as: UTF8.self).lowercased()
      let isPast =
        doneForms.contains(word) || irregularPasts.contains(word)
        || word.count > 4 && word.hasSuffix("ed") && !notPastInEd.contains(word)
      if isPast, !afterBe { return true }
      afterBe = beForms.contains(word)
      index = end
    }
    return false
  }

  private static let irregularPasts = [
    // Not "won", as often the currency ("10 trillion won in March").
    "lost", "sold", "began", "said", "told", "fell", "rose", "took", "gave", "came", "paid",
    "held", "left", "met", "built", "sent", "spent", "bought", "brought", "led", "wrote", "chose",
  ]
  private static let beForms = ["be", "been", "being", "is", "are", "was", "were", "get", "got"]

  /// Past forms without -ed that say a thing is done: "the team was", "it grew".
  private static let doneForms = ["was", "were", "had", "did", "went", "made", "saw", "grew"]
  private static let notPastInEd = [
    "need", "needed", "exceed", "proceed", "succeed", "indeed", "hundred", "speed", "breed",
  ]

  /// Whether "should be" at `range` urges rather than expects: before a word of attitude
  /// ("nobody should be surprised") or a verb in -ing with no figure after it ("should be
  /// planning for twice the storage"; "should be running near 2%" expects a level).
  func isAdvisingShouldBe(_ range: Range<Int>) -> Bool {
    guard let after = nextWord(after: range.upperBound) else { return false }
    if Self.attitudeWords.contains(where: { isWord(after, $0) }) { return true }
    let word = bytes[after]
    guard word.count > 4, word.suffix(3).elementsEqual("ing".utf8),
      !Self.ingWordsAfterBe.contains(where: { isWord(after, $0) })
    else { return false }
    return !hasFigure(in: after.upperBound..<min(bytes.count, after.upperBound + 40))
  }

  /// Whether `range` holds an amount: a sign of money or percent, or a number that is no year.
  private func hasFigure(in range: Range<Int>) -> Bool {
    var run = 0
    for index in range {
      let byte = bytes[index]
      if byte == UInt8(ascii: "$") || byte == UInt8(ascii: "%") { return true }
      if byte &- 0x30 < 10 {
        run += 1
      } else {
        if run > 0, run != 4 { return true }
        run = 0
      }
    }
    return run > 0 && run != 4
  }

  private static let attitudeWords = [
    "surprised", "worried", "concerned", "careful", "aware", "cautious", "wary", "alarmed",
    "afraid", "mindful", "vigilant", "patient", "skeptical", "sceptical",
  ]

  /// Words in -ing that "should be" may state as a level: "should be something like 5%".
  private static let ingWordsAfterBe = ["something", "nothing", "anything", "everything"]

  private static let commentSubjects = ["that", "this", "it", "which"]
  /// Whether a word that opens a reported question stands within the three words before
  /// `offset`: "what it will", "whether the bank will".
  private func opensReportedQuestion(before offset: Int, in clause: Range<Int>) -> Bool {
    var end = offset
    for _ in 0..<3 {
      guard let word = previousWord(before: end, from: clause.lowerBound),
        bytes[word.upperBound..<end].allSatisfy({ $0 == 0x20 })
      else { return false }
      if Self.questionWords.contains(where: { isWord(word, $0) }) { return true }
      end = word.lowerBound
    }
    return false
  }

  /// Words that open a reported question before its subject and "will".
  private static let questionWords = ["what", "whether", "how", "why", "where"]
  /// Verbs a refusal takes after "would not".
  private static let refusals = [
    "say", "comment", "disclose", "confirm", "elaborate", "discuss", "reveal", "specify",
  ]
  private static let learningVerbs = ["find", "see", "know", "learn", "hear", "discover"]

  /// "investors will watch to see whether…", "will be watching how the Fed responds", "will
  /// watch for signs of…": someone waits to see, and nothing is foreseen; "millions will watch
  /// the final" foresees an audience, "the telescope will watch for asteroids" a mission.
  private func isWatching(_ after: Range<Int>) -> Bool {
    var verb = after
    if isWord(verb, "be"), let next = nextWord(after: verb.upperBound) { verb = next }
    guard Self.watchingVerbs.contains(where: { isWord(verb, $0) }),
      let next = nextWord(after: verb.upperBound)
    else { return false }
    // "to see" and "for signs": waiting; "for asteroids" is a mission.
    if isWord(next, "to") || isWord(next, "for") {
      let object = isWord(next, "to") ? "see" : "signs"
      return nextWord(after: next.upperBound).map { isWord($0, object) } ?? false
    }
    return Self.watchingFollowers.contains { isWord(next, $0) }
  }

  private static let watchingVerbs = ["watch", "watching", "monitor", "monitoring"]
  /// What follows a verb of watching when nothing is foreseen ("to see" is looked at apart).
  private static let watchingFollowers = [
    "whether", "if", "how", "what", "closely", "carefully",
  ]
  /// What follows a verb of learning when the speaker only learns: "find out", "see whether",
  /// "know more", "see on May 30"; the end of the sentence counts too.
  private static let learningFollowers = [
    "out", "whether", "if", "what", "how", "when", "who", "more", "soon", "then", "on", "in",
    "at", "by", "after", "later", "tomorrow", "next",
  ]
  private static let passiveAuxiliaries = ["is", "are", "be", "been", "being", "has", "have"]
  /// Past forms without -ed that open a hypothetical "if" clause.
  private static let pastForms = [
    "were", "was", "had", "did", "went", "got", "made", "took", "cut", "sold", "bought", "won",
    "lost", "fell", "rose", "came", "gave", "ran", "saw", "knew", "could", "left", "paid", "kept",
  ]
}
