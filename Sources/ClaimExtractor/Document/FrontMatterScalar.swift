import ClaimLedger

/// Reads the value part of one front-matter line: a plain, quoted or empty scalar, or an
/// inline list `[a, 'b', "c"]`, with an optional trailing `# comment`.
enum FrontMatterScalar {
  /// The value written in `text`, which has no leading spaces.
  static func value(
    of text: Substring, at location: SourceLocation
  ) throws(ExtractionError) -> FrontMatterValue {
    var reader = Reader(text: text, location: location)
    return try reader.readValue()
  }

  private struct Reader {
    var rest: Substring
    let location: SourceLocation

    init(text: Substring, location: SourceLocation) {
      self.rest = text
      self.location = location
    }

    mutating func readValue() throws(ExtractionError) -> FrontMatterValue {
      skipSpaces()
      guard let first = rest.first, first != "#" else { return .text("") }
      switch first {
      case "[":
        rest.removeFirst()
        return .list(try readList())
      case "{":
        throw fail("inline mappings are not supported")
      case "|", ">":
        throw fail("block scalars are not supported")
      case "&", "*", "!", "%", "@", "`":
        throw fail("'\(first)' cannot start a value; quote it")
      case "'", "\"":
        let text = try readScalar(inList: false)
        try expectEnd()
        return .text(text)
      default:
        // A plain value runs to the end of the line or to its comment.
        let text = try readPlain(inList: false)
        return .text(text == "~" || text == "null" ? "" : text)
      }
    }

    /// The items of an inline list whose `[` has been read.
    private mutating func readList() throws(ExtractionError) -> [String] {
      var items: [String] = []
      skipSpaces()
      if rest.first == "]" {
        rest.removeFirst()
        try expectEnd()
        return items
      }
      while true {
        skipSpaces()
        if rest.first == "[" || rest.first == "{" { throw fail("nested lists are not supported") }
        let item = try readScalar(inList: true)
        guard !item.isEmpty else { throw fail("empty list item") }
        items.append(item)
        skipSpaces()
        switch rest.first {
        case ",":
          rest.removeFirst()
        case "]":
          rest.removeFirst()
          try expectEnd()
          return items
        default:
          throw fail("unclosed list; expected ',' or ']'")
        }
      }
    }

    private mutating func readScalar(inList: Bool) throws(ExtractionError) -> String {
      switch rest.first {
      case "'": return try readSingleQuoted()
      case "\"": return try readDoubleQuoted()
      default: return try readPlain(inList: inList)
      }
    }

    /// Plain text up to a ` #` comment (or a `,` or `]` inside a list), without end spaces.
    private mutating func readPlain(inList: Bool) throws(ExtractionError) -> String {
      var text = ""
      while let character = rest.first {
        if inList, character == "," || character == "]" { break }
        if character == "#", text.last == " " || text.last == "\t" { break }
        if character == ":", rest.dropFirst().first.map({ $0 == " " }) ?? true {
          throw fail("a value containing ': ' must be quoted")
        }
        if inList, character == "[" || character == "{" || character == "}" {
          throw fail("nested lists are not supported")
        }
        text.append(character)
        rest.removeFirst()
      }
      return String(Substring(text).trimmingSpaces)
    }

    /// `'…'`, where `''` stands for one quote.
    private mutating func readSingleQuoted() throws(ExtractionError) -> String {
      rest.removeFirst()
      var text = ""
      while let character = rest.popFirst() {
        guard character == "'" else {
          text.append(character)
          continue
        }
        guard rest.first == "'" else { return text }
        text.append("'")
        rest.removeFirst()
      }
      throw fail("unterminated quoted value")
    }

    /// `"…"` with the JSON-like escapes YAML allows in double quotes.
    private mutating func readDoubleQuoted() throws(ExtractionError) -> String {
      rest.removeFirst()
      var text = ""
      while let character = rest.popFirst() {
        switch character {
        case "\"":
          return text
        case "\\":
          guard let escaped = rest.popFirst() else { break }
          switch escaped {
          case "\"", "\\", "/": text.append(escaped)
          case "n": text.append("\n")
          case "t": text.append("\t")
          case "u":
            let hex = rest.prefix(4)
            guard hex.count == 4, let code = UInt32(hex, radix: 16),
              let scalar = Unicode.Scalar(code)
            else { throw fail("bad '\\u' escape") }
            text.unicodeScalars.append(scalar)
            rest.removeFirst(4)
          default: throw fail("unknown escape '\\\(escaped)'")
          }
        default:
          text.append(character)
        }
      }
      throw fail("unterminated quoted value")
    }

    /// Only spaces and an optional comment may follow a complete value.
    private mutating func expectEnd() throws(ExtractionError) {
      let hadSpace = rest.first == " " || rest.first == "\t"
      skipSpaces()
      guard let first = rest.first else { return }
      guard first == "#", hadSpace else { throw fail("unexpected text after the value") }
    }

    private mutating func skipSpaces() {
      rest = rest.drop { $0 == " " || $0 == "\t" }
    }

    private func fail(_ reason: String) -> ExtractionError {
      .malformedFrontMatter(at: location, reason: reason)
    }
  }
}
