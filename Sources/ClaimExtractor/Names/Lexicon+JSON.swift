import ClaimLedger

extension Lexicon {
  /// Reads a project's `Claims/lexicon.json`: English names with their aliases, and hedges.
  ///
  /// The shape is `{"names": {"Nvidia": ["英伟达", "輝達"]}, "hedges": {"八九不离十": 0.85}}`;
  /// both keys are optional. The reader is strict so that a typo is reported, with its line,
  /// instead of silently dropping a name: unknown keys, duplicate keys, wrong types, empty or
  /// one-byte names, an alias given to two names, and hedges outside 0…1 are all errors.
  public static func parse(json bytes: [UInt8], path: String) throws(ExtractionError) -> Lexicon {
    var reader = LexiconJSONReader(bytes: bytes, path: path)
    return try reader.readLexicon()
  }
}

/// A reader for the one shape `lexicon.json` has, which knows the line of every problem.
private struct LexiconJSONReader {
  let bytes: [UInt8]
  let path: String
  var position = 0
  var line = 1

  init(bytes: [UInt8], path: String) {
    self.bytes = bytes
    self.path = path
  }

  mutating func readLexicon() throws(ExtractionError) -> Lexicon {
    var names: [String: String] = [:]
    var hedges: [String: Double] = [:]
    try expectObject("the lexicon")
    var keys = ObjectKeys()
    while let (key, keyLine) = try nextKey(&keys) {
      switch key {
      case "names": names = try readNames()
      case "hedges": hedges = try readHedges()
      default:
        throw failure("unknown key '\(key)'; the lexicon has 'names' and 'hedges'", line: keyLine)
      }
    }
    skipSpace()
    guard position == bytes.count else { throw failure("unexpected text after the lexicon") }
    return Lexicon(names: names, hedges: hedges)
  }

  /// `{"English name": ["alias", …]}`, flattened to alias → English name.
  private mutating func readNames() throws(ExtractionError) -> [String: String] {
    var names: [String: String] = [:]
    try expectObject("'names'")
    var keys = ObjectKeys()
    while let (canonical, keyLine) = try nextKey(&keys) {
      try checkName(canonical, line: keyLine)
      names[canonical] = canonical
      skipSpace()
      guard peek == UInt8(ascii: "[") else {
        throw failure("expected a list of aliases for '\(canonical)'")
      }
      position += 1
      var isFirst = true
      while try nextElement(&isFirst) {
        let aliasLine = line
        guard peek == UInt8(ascii: "\"") else {
          throw failure("the aliases of '\(canonical)' must be strings")
        }
        let alias = try readString()
        try checkName(alias, line: aliasLine)
        if let other = names[alias], other != canonical {
          throw failure("'\(alias)' is already a name of '\(other)'", line: aliasLine)
        }
        names[alias] = canonical
      }
    }
    return names
  }

  /// `{"word": probability}`, each probability a number in 0…1.
  private mutating func readHedges() throws(ExtractionError) -> [String: Double] {
    var hedges: [String: Double] = [:]
    try expectObject("'hedges'")
    var keys = ObjectKeys()
    while let (word, keyLine) = try nextKey(&keys) {
      try checkName(word, line: keyLine)
      skipSpace()
      guard let value = readNumber(), (0...1).contains(value) else {
        throw failure("the hedge '\(word)' must be a number from 0 to 1")
      }
      hedges[word] = value
    }
    return hedges
  }

  private func checkName(_ name: String, line: Int) throws(ExtractionError) {
    guard !name.allSatisfy(\.isWhitespace) else { throw failure("a name is empty", line: line) }
    guard name.utf8.count >= 2 else {
      throw failure("'\(name)' is too short; a name needs two bytes or more", line: line)
    }
  }

  // MARK: JSON syntax

  /// The keys an object has had so far, to reject duplicates.
  struct ObjectKeys {
    var seen: Set<String> = []
    var isFirst = true
  }

  private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func expectObject(_ what: String) throws(ExtractionError) {
    skipSpace()
    guard peek == UInt8(ascii: "{") else { throw failure("expected an object for \(what)") }
    position += 1
  }

  /// The next key of an object and its line, having read the ':' after it; nil after the '}'.
  private mutating func nextKey(_ keys: inout ObjectKeys) throws(ExtractionError) -> (
    String, Int
  )? {
    skipSpace()
    if peek == UInt8(ascii: "}") {
      position += 1
      return nil
    }
    if !keys.isFirst {
      guard peek == UInt8(ascii: ",") else { throw failure("expected ',' or '}'") }
      position += 1
      skipSpace()
    }
    keys.isFirst = false
    let keyLine = line
    guard peek == UInt8(ascii: "\"") else { throw failure("expected a key in quotes") }
    let key = try readString()
    guard keys.seen.insert(key).inserted else {
      throw failure("duplicate key '\(key)'", line: keyLine)
    }
    skipSpace()
    guard peek == UInt8(ascii: ":") else { throw failure("expected ':' after '\(key)'") }
    position += 1
    return (key, keyLine)
  }

  /// Whether an array has another element, having read the ',' before it or the closing ']'.
  private mutating func nextElement(_ isFirst: inout Bool) throws(ExtractionError) -> Bool {
    skipSpace()
    if peek == UInt8(ascii: "]") {
      position += 1
      return false
    }
    if !isFirst {
      guard peek == UInt8(ascii: ",") else { throw failure("expected ',' or ']'") }
      position += 1
      skipSpace()
    }
    isFirst = false
    return true
  }

  private mutating func readString() throws(ExtractionError) -> String {
    position += 1  // the opening quote
    var text: [UInt8] = []
    while let byte = peek {
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        guard let string = String(validating: text, as: UTF8.self) else {
          throw failure("a string is not valid UTF-8")
        }
        return string
      case UInt8(ascii: "\\"):
        try readEscape(into: &text)
      case 0..<0x20:
        throw failure("a string is not closed on its line")
      default:
        text.append(byte)
      }
    }
    throw failure("a string is not closed")
  }

  private mutating func readEscape(into text: inout [UInt8]) throws(ExtractionError) {
    guard let byte = peek else { throw failure("a string is not closed") }
    position += 1
    let simple: [UInt8: UInt8] = [
      UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
      UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
      UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]
    if let replacement = simple[byte] {
      text.append(replacement)
      return
    }
    guard byte == UInt8(ascii: "u"), var code = readHex() else {
      throw failure("a string has an invalid escape")
    }
    if (0xD800..<0xDC00).contains(code) {
      guard peek == UInt8(ascii: "\\"), position + 1 < bytes.count,
        bytes[position + 1] == UInt8(ascii: "u")
      else { throw failure("a string has an unpaired surrogate") }
      position += 2
      guard let low = readHex(), (0xDC00..<0xE000).contains(low) else {
        throw failure("a string has an unpaired surrogate")
      }
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(code) else {
      throw failure("a string has an invalid escape")
    }
    text.append(contentsOf: String(Character(scalar)).utf8)
  }

  private mutating func readHex() -> UInt32? {
    guard position + 4 <= bytes.count,
      let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
    else { return nil }
    position += 4
    return code
  }

  private mutating func readNumber() -> Double? {
    let start = position
    let numberBytes = Set("-+.eE0123456789".utf8)
    while let byte = peek, numberBytes.contains(byte) { position += 1 }
    guard position > start, bytes[start] != UInt8(ascii: "+"), bytes[start] != UInt8(ascii: ".")
    else { return nil }
    return Double(String(decoding: bytes[start..<position], as: UTF8.self))
  }

  private mutating func skipSpace() {
    while let byte = peek {
      switch byte {
      case UInt8(ascii: "\n"): line += 1
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
      default: return
      }
      position += 1
    }
  }

  private func failure(_ reason: String, line: Int? = nil) -> ExtractionError {
    .malformedLexicon(at: SourceLocation(path: path, line: line ?? self.line), reason: reason)
  }
}
