import Foundation

/// English speakers: "Musk said", "said trader Ken Wu", "Goldman Sachs analysts said".
extension SpeakerFinder {
  static let englishVerbs = [
    "said", "says", "say", "predicted", "predicts", "predict", "expects", "expect", "expected",
    "believes", "believe", "think", "warned", "warns", "warn",
    "told", "wrote", "argued", "argues", "forecast", "forecasts", "claims", "claimed", "promised",
    "promises", "thinks", "added", "projects", "projected", "estimates", "estimated", "plans",
    "sees", "see", "reported", "predicting", "forecasting", "projecting",
  ]

  /// Verbs of saying that are a passive before "to": "forecast to fall", "expected to rise".
  static let passiveParticiples: Set<String> = [
    "forecast", "expected", "projected", "estimated", "predicted", "seen",
  ]

  /// "Musk said", "said Musk", "he expects". `isAfterQuote`: the words follow a closing
  /// quotation mark, so a verb that opens them is inverted ("said Musk.").
  func englishSpeaker(_ sentence: String, isAfterQuote: Bool = false) -> Found? {
    let words = Self.words(of: sentence)
    // "We expect" and "the company expects" point back, unless someone is named further on.
    var pointer: Found?
    for (index, word) in words.enumerated() where Self.isSpeechVerb(word) {
      // "…, people familiar with the matter said": an unnamed source, as 知情人士. The last
      // word tells first; the text before the verb is read only then.
      if index > 0, Self.unnamedSourceEnds.contains(words[index - 1].lowercased()) {
        // The phrase ends two to four words before the verb: "familiar with the (stalled)
        // negotiations said".
        let tail = String(sentence[..<word.startIndex].lowercased().suffix(48))
        if let clause = tail.split(separator: ",").last,
          Self.unnamedSources.contains(where: clause.contains)
        {
          return .name(Self.unnamedSource)
        }
      }
      let verb = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
      // "a Minneapolis think tank": a noun, no one thinking.
      if verb == "think", index + 1 < words.count, words[index + 1].lowercased().hasPrefix("tank") {
        continue
      }
      // "Crude Prices Forecast to Fall", "rates expected to rise": a passive, no one speaking.
      if Self.passiveParticiples.contains(verb), index + 1 < words.count,
        words[index + 1].lowercased() == "to"
      {
        continue
      }
      // "…before April, said X", "'…,' predicts X": a comma or a closing quote before the verb
      // puts the speaker after it.
      let isInverted =
        isAfterQuote && index == 0 || Self.isInverted(before: word, in: sentence)
      // "Kazuo Ueda has said", "the Met Office is predicting": the name stands before the
      // auxiliaries.
      var subject = index
      while subject > 0, index - subject < 2,
        Self.auxiliaries.contains(words[subject - 1].lowercased())
          || verb.hasSuffix("ing") && Self.beForms.contains(words[subject - 1].lowercased())
      {
        subject -= 1
      }
      if subject > 0, !isInverted {
        let previous = words[subject - 1].lowercased()
        if let pronoun = Self.pronoun(previous) { return pronoun }
        // "I expect", "we think": the author speaks, unless someone is named later ("'We
        // expect …,' Musk said").
        if Self.firstPerson.contains(previous) {
          pointer = pointer ?? .author
          continue
        }
        // "The company also expects", "it projects": the company or body named before.
        if previous == "it"
          || subject >= 2 && Self.organisationNouns.contains(previous)
            && words[subject - 2].lowercased() == "the"
        {
          pointer = pointer ?? .organisation
          continue
        }
        if let found = groupSpeaker(at: subject - 1, verb: verb, in: words, sentence: sentence) {
          return found
        }
        if let person = Self.personBeforeOrganisation(subject, in: words, sentence: sentence) {
          return .name(canonical(person))
        }
        // "The Bank of Korea said": a name with "of" inside it.
        if subject >= 3, words[subject - 2].lowercased() == "of",
          Self.isCapitalised(words[subject - 1]), Self.isCapitalised(words[subject - 3]),
          let body = bodyBefore(subject, in: words)
        {
          return .name(canonical(body))
        }
        if let name = nameBefore(subject, verb: verb, in: words, sentence: sentence) {
          return .name(canonical(name))
        }
      }
      // "Its chief executive, Arjun Mehta, told …": the name set off by commas after a role.
      if isInverted, let name = Self.appositiveName(before: index, in: words, sentence: sentence) {
        return .name(canonical(name))
      }
      // "Jane Doe, the chief executive, said …": the name opens the sentence.
      if index > 2, Self.hasComma(sentence) {
        let opening = words.prefix(3).prefix(while: Self.isCapitalised)
          .filter { !Self.titles.contains(String($0)) }
        let name = opening.joined(separator: " ")
        if !opening.isEmpty, opening.count <= 3, !Self.notNames.contains(name.lowercased()),
          !Self.opensPhrase(opening.first),
          !Self.notNameWords.contains(name.lowercased()),
          sentence.hasPrefix(name + ",") || sentence.hasPrefix(name + " ,")
        {
          return .name(canonical(name))
        }
      }
      // Only a saying verb in inverted order takes the name after it: in "Analysts expect
      // Nvidia will ship" Nvidia is what is expected, not who expects it.
      if isInverted, !Self.objectVerbs.contains(verb),
        let name = Self.nameAfter(index, in: words, sentence: sentence)
      {
        return .name(canonical(name))
      }
      // "Tom Reyes of Kestrel Research, who rates the stock a buy, said": the comma before the
      // verb closes an aside after the subject that opens the sentence.
      if isInverted, let found = subjectBeforeAside(verbIndex: index, in: words, sentence: sentence)
      {
        return found
      }
    }
    return pointer
  }

  /// The name between two commas right before the verb at `verbIndex`, after a role that opens
  /// the sentence: "Its chief executive, Arjun Mehta, told", "The bank's chief economist, Ana
  /// Ruiz, said".
  static func appositiveName(before verbIndex: Int, in words: [Substring], sentence: String)
    -> String?
  {
    guard verbIndex >= 3, verbIndex <= 9, endsWithComma(words[verbIndex - 1], in: sentence)
    else { return nil }
    var start = verbIndex - 1
    while start > 0, verbIndex - start < 3, !endsWithComma(words[start - 1], in: sentence) {
      start -= 1
    }
    guard start > 0, endsWithComma(words[start - 1], in: sentence) else { return nil }
    let name = words[start..<verbIndex]
    let role = words[..<start].map { $0.lowercased() }
    guard name.count >= 2, name.allSatisfy(isCapitalised),
      let opener = role.first, ["its", "the", "their", "his", "her"].contains(opener),
      role.dropFirst().contains(where: { roles.contains($0) || spokespeople.contains($0) })
    else { return nil }
    return name.joined(separator: " ")
  }

  /// The subject opening the sentence when an aside follows it up to the verb: a person of an
  /// organisation, a group at one (the organisation), or a name.
  private func subjectBeforeAside(verbIndex: Int, in words: [Substring], sentence: String)
    -> Found?
  {
    guard
      let last = words[..<verbIndex].firstIndex(where: { Self.endsWithComma($0, in: sentence) }),
      last + 1 < verbIndex, last < 6,
      Self.asideOpeners.contains(words[last + 1].lowercased())
    else { return nil }
    let end = last + 1
    if let person = Self.personBeforeOrganisation(end, in: words, sentence: sentence) {
      return .name(canonical(person))
    }
    if Self.groups[words[0].lowercased()] != nil, end >= 3,
      ["at", "from"].contains(words[1].lowercased()), let body = bodyBefore(end, in: words)
    {
      return .name(canonical(body))
    }
    let run = words[..<end]
    guard run.count <= 3, run.allSatisfy(Self.isCapitalised), !Self.opensPhrase(run.first)
    else { return nil }
    let name = Self.afterTitles(run).joined(separator: " ")
    guard !name.isEmpty, !Self.notNames.contains(name.lowercased()),
      !Self.isCommonOpeningWord(name)
    else { return nil }
    return .name(canonical(name))
  }

  /// Whether `word`, capitalised at the start of a sentence, opens a phrase of time or place
  /// rather than a name: "By March, …", "In Tokyo, …".
  static func opensPhrase(_ word: Substring?) -> Bool {
    guard let word else { return false }
    return phraseOpeners.contains(word.lowercased())
  }

  private static let phraseOpeners: Set<String> = [
    "by", "in", "on", "at", "for", "from", "after", "before", "since", "until", "during", "with",
    "when", "if", "as", "while", "over", "within", "through", "across", "under",
  ]

  /// Words that make a run of capitalised words a body's name, not a person's.
  private static let bodyWords: Set<String> = [
    "department", "ministry", "university", "institute", "agency", "commission", "office",
    "council", "bureau", "administration", "association", "authority", "center", "centre",
    "committee", "reserve", "treasury", "company", "corporation", "foundation", "government",
    "senate",
  ]

  /// Words that open an aside between a subject and its verb: "who rates the stock a buy",
  /// "led by Dan Ives", "a former trader".
  private static let asideOpeners: Set<String> = [
    "who", "which", "whose", "led", "a", "an", "the", "one", "known", "speaking", "writing",
    "citing", "along", "together", "long",
  ]

  /// "Mira Sandoval of Alder & Finch said", "Jane Doe at Bank of America": the person, a full
  /// name before "of" or "at", and the organisation's name after it, up to `end`.
  static func personBeforeOrganisation(_ end: Int, in words: [Substring], sentence: String)
    -> String?
  {
    var index = end
    while index > 1, end - index < 7 {
      let word = words[index - 1]
      let lower = word.lowercased()
      if lower == "of" || lower == "at", index < end {
        let link = index - 1
        var start = link
        while start > 0, link - start < 3, isCapitalised(words[start - 1]),
          !endsWithComma(words[start - 1], in: sentence)
        {
          start -= 1
        }
        let person = afterTitles(words[start..<link])
        let name = person.joined(separator: " ")
        // "the U.S. Department of Energy", "at the Bank of Korea": an organisation's name.
        let isNamedBody =
          start > 0 && words[start - 1].lowercased() == "the"
          || person.dropFirst().contains { bodyWords.contains($0.lowercased()) }
        if person.count >= 2, !isNamedBody, !notNames.contains(name.lowercased()),
          !person.contains(where: { notNameWords.contains($0.lowercased()) })
        {
          return name
        }
      } else if !(isCapitalised(word) || ["&", "and", "the"].contains(lower)) {
        return nil
      }
      if endsWithComma(word, in: sentence), index < end { return nil }
      index -= 1
    }
    return nil
  }

  /// "Goldman Sachs analysts said", "a VW spokeswoman said": the body they speak for;
  /// "several analysts said", "Analysts expect": the group. An opinion counted out ("most
  /// economists think") is no attribution, and neither is a group that does not open its
  /// clause before a verb that is not one of saying.
  private func groupSpeaker(
    at groupIndex: Int, verb: String, in words: [Substring], sentence: String
  ) -> Found? {
    let word = words[groupIndex].lowercased()
    guard Self.groups[word] != nil || Self.spokespeople.contains(word) else { return nil }
    if let body = bodyBefore(groupIndex, in: words) { return .name(canonical(body)) }
    guard let group = Self.groups[word] else { return nil }
    if Self.sayingVerbs.contains(verb) { return .name(group) }
    let opensClause =
      groupIndex == 0 || Self.endsWithComma(words[groupIndex - 1], in: sentence)
      || Self.clauseOpeners.contains(words[groupIndex - 1].lowercased())
    return opensClause ? .name(group) : nil
  }

  /// The unbroken run of capitalised words right before the subject's end: "Elon Musk said"; a
  /// comma ends it ("by next August, Bessent said" is Bessent).
  private func nameBefore(_ end: Int, verb: String, in words: [Substring], sentence: String)
    -> String?
  {
    var start = end
    while start > 0, Self.isCapitalised(words[start - 1]), end - start < 3,
      start == end || !Self.endsWithComma(words[start - 1], in: sentence)
    {
      start -= 1
    }
    let run = Self.afterTitles(words[start..<end])
    let name = run.joined(separator: " ")
    guard !name.isEmpty, !Self.notNames.contains(name.lowercased()) else { return nil }
    // A lone capitalised word opening the sentence names someone when the lexicon knows it,
    // or when a singular verb follows and it is not a common word ("Zillow predicts" yes;
    // "Investors expect", "Nobody expects" no).
    guard start == 0, run.count == 1 else { return name }
    if lexicon.canonicalName(for: name) != nil { return name }
    guard Self.singularVerbs.contains(verb), !Self.isCommonOpeningWord(name) else { return nil }
    return name
  }

  /// The name at the end of the words after an inverted verb, past the descriptions before it:
  /// "said former England defender Marcus Hale" is Marcus Hale, "said Elon Musk, Tesla CEO"
  /// Elon Musk, "said Takahide Kiuchi of Nomura" Takahide Kiuchi, "said the Bank of England"
  /// the Bank of England.
  static func nameAfter(_ verbIndex: Int, in words: [Substring], sentence: String) -> String? {
    var run: [Substring] = []
    for candidate in words[(verbIndex + 1)...].prefix(8) {
      let lower = candidate.lowercased().trimmingCharacters(in: .punctuationCharacters)
      if isCapitalised(candidate) {
        run.append(candidate)
      } else if run.count == 1, lower == "of" {
        // "Bank of England": one word and "of" open a name.
        run.append(candidate)
      } else if nameEnders.contains(lower) {
        break
      } else {
        // A description: "former", "podcast host", "ex-Spain"; capitalised words before it
        // ("England defender") described the name that follows.
        run = []
      }
      // "Jerome Powell Jr." ends a name even where no comma or full stop ends the sentence.
      if endsWithComma(candidate, in: sentence) || endsSentence(candidate)
        || nameSuffixes.contains(candidate)
      {
        break
      }
    }
    while let last = run.last, !isCapitalised(last) { run.removeLast() }
    let name = afterTitles(run).joined(separator: " ")
    guard !name.isEmpty, !notNames.contains(name.lowercased()) else { return nil }
    return name
  }

  /// Whether a comma or a closing quote comes right before `verb`: "…, said X", "'…,' said X".
  static func isInverted(before verb: Substring, in sentence: String) -> Bool {
    let before = sentence.utf8[..<verb.startIndex].reversed().drop { $0 == 0x20 }
    guard let last = before.first else { return false }
    if last == UInt8(ascii: ",") { return true }
    // A straight quote closes when a word or a mark stands right before it; ” (E2 80 9D)
    // always closes.
    if last == UInt8(ascii: "\""), let previous = before.dropFirst().first {
      return previous != 0x20
    }
    let tail = Array(before.prefix(3))
    return tail == [0x9D, 0x80, 0xE2]
  }

  /// Whether `word` ends the sentence: its last character is a full stop, ! or ?.
  private static func endsSentence(_ word: Substring) -> Bool {
    guard let last = word.utf8.last else { return false }
    if last == UInt8(ascii: "!") || last == UInt8(ascii: "?") { return true }
    return last == UInt8(ascii: ".") && !isInitialOrTitle(word)
  }

  /// What may end a person's name: "Jr.", "Sr.".
  static let nameSuffixes: Set<Substring> = ["Jr.", "Sr.", "Jr", "Sr"]

  /// An initial ("A.", "C.C.") or an abbreviated title ("Dr.", "Jr."): its full stop ends no
  /// sentence, so "said Dr. Jane Roe" and "said C.C. Wei" read on to the name.
  static func isInitialOrTitle(_ word: Substring) -> Bool {
    if titles.contains(String(word)) || nameSuffixes.contains(word) || word == "St." { return true }
    let letters = word.split(separator: ".")
    return !letters.isEmpty && word.hasSuffix(".")
      && letters.allSatisfy { $0.count == 1 && $0.first?.isUppercase == true }
  }

  /// Whether `name`, a lone capitalised word opening a sentence, is a common word rather than a
  /// name: a pronoun, a quantity, a word such as Markets or Consensus, or a plural of people
  /// ("Traders", "Economists", "Historians").
  static func isCommonOpeningWord(_ name: String) -> Bool {
    let lower = name.lowercased()
    if commonOpeningWords.contains(lower) || notNameWords.contains(lower) { return true }
    return lower.count > 5 && agentPlurals.contains { lower.hasSuffix($0) }
  }

  private static let agentPlurals = ["ers", "ors", "ists", "ians"]

  /// Common nouns and pronouns that open sentences before a singular verb.
  private static let commonOpeningWords: Set<String> = [
    "investors", "markets", "market", "traders", "management", "consensus", "history", "data",
    "everyone", "everybody", "nobody", "none", "someone", "somebody", "anyone", "anybody", "some",
    "many", "most", "few", "others", "other", "all", "both", "each", "either", "neither", "one",
    "polls", "forecasts", "forecast", "models", "evidence", "research", "experience", "logic",
    "theory", "reality", "wisdom", "precedent", "common", "conventional", "sentiment",
    "guidance", "policy", "science", "analysis", "it", "this", "that", "there", "here", "what",
    "who", "which", "nothing", "something", "everything", "no", "every", "any", "the", "a", "an",
    "he", "she", "they", "we", "you", "i", "experts", "analysts", "economists", "officials",
    "sources", "people", "reports", "studies", "surveys", "figures", "numbers", "statistics",
    "projections", "estimates", "authorities", "critics", "observers", "insiders", "residents",
    "citizens", "sense", "nature", "time", "anything",
  ]

  /// Verbs that agree with one speaker, so a lone word before them can be a name.
  private static let singularVerbs: Set<String> = [
    "says", "said", "predicts", "predicted", "expects", "forecasts", "projects", "estimates",
    "believes", "thinks", "warns", "warned", "argues", "argued", "claims", "claimed", "wrote",
    "writes", "told", "added", "promises", "promised", "plans", "reckons", "anticipates", "sees",
  ]

  /// Speech verbs whose next name is their object, never the speaker, even after a comma.
  private static let objectVerbs: Set<String> = [
    "told", "plans", "expected", "expect", "expects", "sees",
  ]

  /// Forms of "be" before a verb in -ing: "is predicting".
  private static let beForms: Set<String> = ["is", "are", "was", "were"]

  /// Words between a speaker and the verb: "has said", "had also warned".
  private static let auxiliaries: Set<String> = [
    "has", "have", "had", "also", "previously", "repeatedly", "recently", "publicly", "once",
    "now", "still",
  ]

  /// Words after which a group opens its clause: "But analysts expect".
  private static let clauseOpeners: Set<String> = ["but", "and", "yet", "so", "still", "now"]

  /// Lower-case words that end a name after an inverted verb ("of Nomura", "in an interview").
  private static let nameEnders: Set<String> = [
    "of", "at", "from", "for", "in", "on", "with", "who", "which", "that", "and", "or", "to", "by",
    "as", "after", "before", "during", "when", "while", "adding", "noting", "according", "is",
    "was", "has", "had", "told", "said", "says", "wrote", "last", "this", "earlier",
  ]

  static let titles: Set<String> = [
    "CEO", "CFO", "CTO", "Chief", "President", "Mr.", "Ms.", "Dr.", "Sen.", "Gov.",
    "The", "Founder", "Chairman", "Governor", "Senator", "Minister", "Professor", "Prof.",
    "Chairwoman", "Rep.", "Secretary", "Executive", "Officer", "Chair", "Vice", "Deputy",
    "Spokesman", "Spokeswoman", "Spokesperson", "Commissioner", "Premier", "Mayor",
  ]

  /// Whether a comma follows `word` in `sentence` (words are split at commas).
  static func endsWithComma(_ word: Substring, in sentence: String) -> Bool {
    word.endIndex < sentence.endIndex && sentence[word.endIndex] == ","
  }

  /// The capitalised run ending just before `end` ("Goldman Sachs", "Bank of America"), with
  /// "of" allowed inside it and articles dropped; nil when there is none.
  func bodyBefore(_ end: Int, in words: [Substring]) -> String? {
    var start = end
    while start > 0, end - start < 4,
      Self.isCapitalised(words[start - 1])
        || words[start - 1] == "of" && start > 1 && Self.isCapitalised(words[start - 2])
    {
      start -= 1
    }
    let run = words[start..<end].drop {
      let lower = $0.lowercased()
      return Self.notNames.contains(lower) || Self.quantifiers.contains(lower)
        || Self.clauseOpeners.contains(lower) || Self.notNameWords.contains(lower)
    }
    guard let first = run.first, Self.isCapitalised(first) else { return nil }
    return run.joined(separator: " ")
  }

  /// Words that count a group rather than name it: "Several analysts", "Most economists".
  static let quantifiers: Set<String> = [
    "several", "most", "many", "some", "other", "few", "all", "both", "two", "three", "four",
    "five", "top", "leading", "independent", "senior",
  ]

  /// The words of a run of capitalised words after its last title: "Chief Executive Officer
  /// Mary Barra" is Mary Barra, "Fed Chair Jerome Powell" is Jerome Powell. A run that is one
  /// word that is never a name alone (a month, a day, "Third", "Well") names no one.
  static func afterTitles<Words: Collection<Substring>>(_ run: Words) -> [Substring] {
    let words = Array(run)
    if words.count == 1, let only = words.first, notNameWords.contains(only.lowercased()) {
      return []
    }
    let start = words.lastIndex { titles.contains(String($0)) }.map { $0 + 1 } ?? 0
    return Array(words[start...])
  }

  /// A name as written without the titles before it ("CEO Jane Doe" is Jane Doe); a leading
  /// "The" stays, as in "The Information".
  static func withoutTitles(_ name: String) -> String {
    let words = name.split(separator: " ")
    guard words.first != "The" else { return name }
    let kept = afterTitles(words)
    return kept.isEmpty ? name : kept.joined(separator: " ")
  }

  /// Capitalised words that open a run but name no one.
  static let notNameWords: Set<String> = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "first", "second", "third", "finally", "well", "however", "also",
    "meanwhile", "still", "now", "today", "yesterday", "tomorrow", "so", "yet",
    // Words that link a sentence to the one before it ("Separately, the EU is expected to…").
    "separately", "additionally", "moreover", "furthermore", "nonetheless", "nevertheless",
    "instead", "overall", "ultimately", "elsewhere", "similarly", "likewise",
    "conversely", "otherwise", "accordingly", "consequently", "thus", "hence", "therefore",
    "besides", "notably", "importantly", "specifically", "previously", "earlier", "later",
    "recently", "currently", "historically", "regardless", "alternatively", "admittedly",
    "arguably", "clearly", "obviously", "surprisingly", "interestingly", "initially",
    "eventually", "then", "again",
  ]
  static let firstPerson: Set<String> = ["i", "we"]
  static let sayingVerbs: Set<String> = ["said", "says", "say", "told", "wrote", "warned"]
  /// Plural speakers without a name, as the source is written.
  static let groups: [String: String] = [
    "analysts": "Analysts", "economists": "Economists", "strategists": "Strategists",
    "officials": "Officials", "executives": "Executives", "experts": "Experts",
    "forecasters": "Forecasters", "researchers": "Researchers", "scientists": "Scientists",
    "pollsters": "Pollsters",
  ]
  static let spokespeople: Set<String> = [
    "spokeswoman", "spokesman", "spokesperson", "representative", "official", "executive",
  ]
  static let unnamedSourceEnds: Set<String> = [
    "matter", "plans", "situation", "talks", "deal", "negotiations", "discussions", "decision",
    "process", "project", "company", "thinking", "effort", "plan", "issue", "review",
  ]
  /// What makes a group of people an unnamed source: "familiar with the negotiations", "with
  /// knowledge of the plans", "briefed on the matter".
  static let unnamedSources = [
    "familiar with the", "familiar with its", "with knowledge of the", "with direct knowledge",
    "briefed on the",
  ]

  /// What a speaker named after the verb may be called first, in lower case: "…, said trader
  /// Ken Wu", "said senior analyst Sara Kim".
  static let roles: Set<String> = [
    "analyst", "analysts", "trader", "economist", "strategist", "investor", "professor",
    "spokesman", "spokeswoman", "spokesperson", "chief", "executive", "officer", "director",
    "manager", "founder", "chairman", "chairwoman", "president", "minister", "governor",
    "senator", "researcher", "expert", "consultant", "partner", "head", "senior", "lead",
    "independent", "veteran", "fund", "portfolio", "market", "industry", "research",
  ]
}
