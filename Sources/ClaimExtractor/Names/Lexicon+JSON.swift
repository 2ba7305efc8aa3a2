import ClaimLedger

extension Lexicon {
  /// Reads a project's `Claims/lexicon.json`: English names with their aliases, and hedges.
  ///
  /// The shape is `{"names": {"Nvidia": ["英伟达", "輝達"]}, "hedges": {"八九不离十": 0.85}}`;
  /// both keys are optional. The reader is strict so that a typo is reported, with its line,
  /// instead of silently dropping a name: unknown keys, duplicate keys, wrong types, empty or
  /// one-byte names, an alias given to two names, and hedges outside 0…1 are all errors.
  public static func parse(json bytes: [UInt8], path: String) throws(ExtractionError) -> Lexicon {
    var reader = LexiconJSONReader(json: SideFileJSON(bytes: bytes))
    do {
      return try reader.readLexicon()
    } catch {
      throw .malformedLexicon(
        at: SourceLocation(path: path, line: error.line), reason: error.reason)
    }
  }
}

/// The one shape `lexicon.json` has, read with `SideFileJSON`'s steps.
private struct LexiconJSONReader {
  var json: SideFileJSON

  mutating func readLexicon() throws(SideFileJSON.Failure) -> Lexicon {
    var names: [String: String] = [:]
    var hedges: [String: Double] = [:]
    try json.expectObject("the lexicon")
    var keys = SideFileJSON.ObjectKeys()
    while let (key, keyLine) = try json.nextKey(&keys) {
      switch key {
      case "names": names = try readNames()
      case "hedges": hedges = try readHedges()
      default:
        throw json.failure(
          "unknown key '\(key)'; the lexicon has 'names' and 'hedges'", line: keyLine)
      }
    }
    try json.expectEnd(after: "the lexicon")
    return Lexicon(names: names, hedges: hedges)
  }

  /// `{"English name": ["alias", …]}`, flattened to alias → English name.
  private mutating func readNames() throws(SideFileJSON.Failure) -> [String: String] {
    var names: [String: String] = [:]
    try json.expectObject("'names'")
    var keys = SideFileJSON.ObjectKeys()
    while let (canonical, keyLine) = try json.nextKey(&keys) {
      try checkName(canonical, line: keyLine)
      names[canonical] = canonical
      try json.expectArray(else: "expected a list of aliases for '\(canonical)'")
      var isFirst = true
      while try json.nextElement(&isFirst) {
        let aliasLine = json.line
        guard json.isAtString() else {
          throw json.failure("the aliases of '\(canonical)' must be strings")
        }
        let alias = try json.readString()
        try checkName(alias, line: aliasLine)
        if let other = names[alias], other != canonical {
          throw json.failure("'\(alias)' is already a name of '\(other)'", line: aliasLine)
        }
        names[alias] = canonical
      }
    }
    return names
  }

  /// `{"word": probability}`, each probability a number in 0…1.
  private mutating func readHedges() throws(SideFileJSON.Failure) -> [String: Double] {
    var hedges: [String: Double] = [:]
    try json.expectObject("'hedges'")
    var keys = SideFileJSON.ObjectKeys()
    while let (word, keyLine) = try json.nextKey(&keys) {
      try checkName(word, line: keyLine)
      guard let value = json.readNumber(), (0...1).contains(value) else {
        throw json.failure("the hedge '\(word)' must be a number from 0 to 1")
      }
      hedges[word] = value
    }
    return hedges
  }

  private func checkName(_ name: String, line: Int) throws(SideFileJSON.Failure) {
    guard !name.allSatisfy(\.isWhitespace) else {
      throw json.failure("a name is empty", line: line)
    }
    guard name.utf8.count >= 2 else {
      throw json.failure("'\(name)' is too short; a name needs two bytes or more", line: line)
    }
  }
}
