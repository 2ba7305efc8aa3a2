import Foundation

/// English speakers: "Musk said", "said trader Ken Wu", "Goldman Sachs analysts said".
extension SpeakerFinder {
  static let englishVerbs = [
    "said", "says", "say", "predicted", "predicts", "predict", "expects", "expect", "expected",
    "believes", "believe", "think", "warned", "warns", "warn",
    "told", "wrote", "argued", "argues", "forecast", "forecasts", "claims", "claimed", "promised",
    "promises", "thinks", "added", "projects", "projected", "estimates", "estimated", "plans",
  ]

  /// "Musk said", "said Musk", "he expects".
  func englishSpeaker(_ sentence: String) -> Found? {
    let words = Self.words(of: sentence)
    for (index, word) in words.enumerated() where Self.isSpeechVerb(word) {
      // "…, people familiar with the matter said": an unnamed source, as 知情人士. The last
      // word tells first; the text before the verb is read only then.
      if index > 0, Self.unnamedSourceEnds.contains(words[index - 1].lowercased()) {
        let beforeVerb = sentence[..<word.startIndex].lowercased()
          .trimmingCharacters(in: .whitespaces)
        if Self.unnamedSources.contains(where: beforeVerb.hasSuffix) {
          return .name("people familiar with the matter")
        }
      }
      // "…before April, said X": a comma before the verb puts the speaker after it.
      let isAfterComma = sentence[..<word.startIndex].last(where: { $0 != " " }) == ","
      if index > 0, !isAfterComma {
        let previous = words[index - 1].lowercased()
        if Self.pronouns.contains(previous) { return .pronoun }
        // "I expect", "we think": the author speaks, unless someone is named later ("'We
        // expect …,' Musk said").
        if Self.firstPerson.contains(previous) { continue }
        // "Goldman Sachs analysts said", "a VW spokeswoman said": the body they speak for;
        // "several analysts said": the group (an opinion, "most economists think", is no
        // attribution).
        if Self.groups[previous] != nil || Self.spokespeople.contains(previous) {
          if let body = bodyBefore(index - 1, in: words) { return .name(canonical(body)) }
          if let group = Self.groups[previous],
            Self.sayingVerbs.contains(
              word.lowercased().trimmingCharacters(in: .punctuationCharacters))
          {
            return .name(group)
          }
        }
        // The unbroken run of capitalised words right before the verb: "Elon Musk said"; a
        // comma ends it ("by next August, Bessent said" is Bessent).
        var start = index
        while start > 0, Self.isCapitalised(words[start - 1]), index - start < 3,
          start == index || !Self.endsWithComma(words[start - 1], in: sentence)
        {
          start -= 1
        }
        let run = Self.afterTitles(words[start..<index])
        let name = run.joined(separator: " ")
        // A lone capitalised word opening the sentence ("Most economists think", "Analysts
        // expect") names someone only if the lexicon knows it.
        let isOpeningWord = start == 0 && run.count == 1
        if !name.isEmpty, !Self.notNames.contains(name.lowercased()),
          !isOpeningWord || lexicon.canonicalName(for: name) != nil
        {
          return .name(canonical(name))
        }
      }
      // "Jane Doe, the chief executive, said …": the name opens the sentence.
      if index > 2, Self.hasComma(sentence) {
        let opening = words.prefix(3).prefix(while: Self.isCapitalised)
          .filter { !Self.titles.contains(String($0)) }
        let name = opening.joined(separator: " ")
        if !opening.isEmpty, opening.count <= 3, !Self.notNames.contains(name.lowercased()),
          sentence.hasPrefix(name + ",") || sentence.hasPrefix(name + " ,")
        {
          return .name(canonical(name))
        }
      }
      // The name after the verb, past the role words before it ("said trader Ken Wu").
      var after = index + 1
      while after < words.count, after - index <= 3,
        Self.roles.contains(String(words[after]))
      {
        after += 1
      }
      if after < words.count, Self.isCapitalised(words[after]) {
        // The name ends at a comma: "said Elon Musk, Tesla CEO".
        var run: [Substring] = []
        for candidate in words[after...].prefix(4) {
          guard Self.isCapitalised(candidate) else { break }
          run.append(candidate)
          if candidate.endIndex < sentence.endIndex, sentence[candidate.endIndex] == "," { break }
        }
        let name = Self.afterTitles(run).joined(separator: " ")
        if !name.isEmpty, !Self.notNames.contains(name.lowercased()) {
          return .name(canonical(name))
        }
      }
    }
    return nil
  }

  static let titles: Set<String> = [
    "CEO", "CFO", "CTO", "Chief", "President", "Mr.", "Ms.", "Dr.", "Sen.", "Gov.", "Tesla",
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
      Self.notNames.contains($0.lowercased()) || Self.quantifiers.contains($0.lowercased())
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
  ]
  static let firstPerson: Set<String> = ["i", "we"]
  static let sayingVerbs: Set<String> = ["said", "says", "say", "told", "wrote", "warned"]
  /// Plural speakers without a name, as the source is written.
  static let groups: [String: String] = [
    "analysts": "Analysts", "economists": "Economists", "strategists": "Strategists",
    "officials": "Officials", "executives": "Executives", "experts": "Experts",
  ]
  static let spokespeople: Set<String> = [
    "spokeswoman", "spokesman", "spokesperson", "representative", "official", "executive",
  ]
  static let unnamedSourceEnds: Set<String> = [
    "matter", "plans", "situation", "talks", "deal",
  ]
  static let unnamedSources = [
    "familiar with the matter", "familiar with the plans", "familiar with the situation",
    "familiar with the talks", "familiar with the deal", "with knowledge of the matter",
    "briefed on the matter",
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
