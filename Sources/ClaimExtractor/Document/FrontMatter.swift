import ClaimLedger

/// The YAML front matter of an article: a flat map of keys to text or lists of text.
///
/// The reader is deliberately strict and small. It accepts the subset that article front
/// matter uses (plain, quoted and empty scalars, inline and block lists, comments) and rejects
/// everything else with the line, rather than guessing at nested structure it cannot use.
struct FrontMatter: Equatable {
  /// One value with the line of its key, so a later check can point at it.
  struct Entry: Equatable {
    let value: FrontMatterValue
    let line: Int
  }

  private(set) var entries: [String: Entry] = [:]
  /// The number of lines the front matter takes, both `---` lines included.
  private(set) var lineCount = 0

  /// Reads the front matter at the start of `lines`, whose first line is the opening `---`.
  ///
  /// A missing closing `---` is reported before any line is judged, since the lines after an
  /// unclosed opening are body text that would only confuse the reasons.
  ///
  /// - Parameter lines: the file's lines without their `\n`, from line 1; read twice.
  init<Lines: Sequence<Substring>>(lines: Lines, path: String) throws(ExtractionError) {
    guard lines.dropFirst().contains(where: Self.isFence) else {
      throw .unterminatedFrontMatter(at: SourceLocation(path: path, line: 1))
    }
    var listKey: String?  // the key whose block list may continue on the next line
    for (offset, line) in lines.enumerated() {
      let number = offset + 1
      if offset == 0 { continue }
      if Self.isFence(line) {
        lineCount = number
        break
      }
      let location = SourceLocation(path: path, line: number)
      let content = line.drop { $0 == " " }
      if line.trimmingSpaces.isEmpty || content.first == "#" { continue }
      if line.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
        throw .malformedFrontMatter(at: location, reason: "tabs cannot indent front matter")
      }
      if content == "-" || content.hasPrefix("- ") {
        guard let key = listKey, let entry = entries[key] else {
          throw .malformedFrontMatter(
            at: location, reason: "a list item must follow a key with no value")
        }
        let item = try FrontMatterScalar.value(
          of: content.dropFirst().drop { $0 == " " }, at: location)
        guard case .text(let text) = item else {
          throw .malformedFrontMatter(at: location, reason: "nested lists are not supported")
        }
        entries[key] = Entry(value: .list(entry.value.items + [text]), line: entry.line)
        continue
      }
      listKey = nil
      guard content.count == line.count else {
        let isMapping = content.contains(": ") || content.hasSuffix(":")
        throw .malformedFrontMatter(
          at: location,
          reason: isMapping
            ? "nested mappings are not supported" : "a value cannot continue on the next line")
      }
      let (key, value) = try Self.split(line, at: location)
      guard entries[key] == nil else {
        throw .malformedFrontMatter(at: location, reason: "duplicate key '\(key)'")
      }
      entries[key] = Entry(
        value: try FrontMatterScalar.value(of: value, at: location), line: number)
      if value.isEmpty { listKey = key }
    }
  }

  /// Whether `line` opens or closes front matter: exactly `---`, trailing spaces allowed.
  static func isFence(_ line: Substring) -> Bool {
    line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " }
  }

  /// The key and the raw value of a `key: value` line; the value has no surrounding spaces.
  private static func split(
    _ line: Substring, at location: SourceLocation
  ) throws(ExtractionError) -> (String, Substring) {
    var colon = line.firstIndex(of: ":")
    while let index = colon, line.index(after: index) < line.endIndex,
      line[line.index(after: index)] != " "
    {
      colon = line[line.index(after: index)...].firstIndex(of: ":")
    }
    guard let colon else {
      throw .malformedFrontMatter(at: location, reason: "expected 'key: value'")
    }
    let key = line[..<colon].trimmingSpaces
    guard !key.isEmpty,
      key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == " " })
    else {
      throw .malformedFrontMatter(at: location, reason: "a key must be a plain word")
    }
    return (String(key), line[line.index(after: colon)...].trimmingSpaces)
  }

  /// The text of a key, or nil when it is missing or empty; a list is an error here.
  func text(_ key: String, path: String) throws(ExtractionError) -> String? {
    guard let entry = entries[key] else { return nil }
    switch entry.value {
    case .text(let text):
      return text.isEmpty ? nil : text
    case .list(let items):
      guard items.isEmpty else {
        throw .malformedFrontMatter(
          at: SourceLocation(path: path, line: entry.line), reason: "'\(key)' must be one value")
      }
      return nil
    }
  }

  /// The items of a list key; a lone value counts as a list of one.
  func list(_ key: String) -> [String] {
    entries[key]?.value.items ?? []
  }

  /// The line a key was given on.
  func line(of key: String) -> Int? {
    entries[key]?.line
  }
}

/// A front-matter value: text, or a list of texts.
enum FrontMatterValue: Equatable {
  case text(String)
  case list([String])

  /// The value as list items; empty text is no item.
  var items: [String] {
    switch self {
    case .text(let text): text.isEmpty ? [] : [text]
    case .list(let items): items
    }
  }
}
