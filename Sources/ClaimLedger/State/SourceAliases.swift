import Foundation

/// One canonical name for the many ways a source is written ("The Information",
/// "《The Information》", "theinformation.com"), from `Claims/sources.json`.
///
/// The file maps each canonical name to its aliases: `{"The Information": ["《The Information》"]}`.
public struct SourceAliases: Sendable {
  private var canonicalByKey: [String: String] = [:]

  public static let none = SourceAliases()

  public init() {}

  /// The table of `aliases` (canonical name → its other spellings). A spelling that stands
  /// for two canonical names (listed under both, or a canonical name listed as another's
  /// alias) is refused, as either choice would merge sources on a guess.
  public init(aliases: [String: [String]]) throws(AliasConflict) {
    for canonical in aliases.keys.sorted() {
      for name in [canonical] + (aliases[canonical] ?? []) {
        let key = SourceAliases.key(name)
        if let other = canonicalByKey[key], other != canonical {
          throw AliasConflict(name: name, canonicals: [other, canonical])
        }
        canonicalByKey[key] = canonical
      }
    }
  }

  /// A spelling that two canonical names claim.
  public struct AliasConflict: Error, Equatable {
    public var name: String
    /// The two canonical names, in sorted order.
    public var canonicals: [String]
  }

  /// Reads the file at `path`; a missing file means no aliases.
  public static func load(path: String) throws(LedgerError) -> SourceAliases {
    guard FileManager.default.fileExists(atPath: path) else { return SourceAliases() }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "cannot read the file")
    }
    let location = SourceLocation(path: path, line: 1)
    // Foundation's parser takes a comma before a closing bracket, which is no JSON: another
    // tool reading the file (jq, a script) would refuse it.
    if let line = trailingCommaLine(in: data) {
      throw .malformedSideFile(
        at: SourceLocation(path: path, line: line), reason: "a comma before a closing bracket")
    }
    guard let object = try? JSONSerialization.jsonObject(with: data) else {
      throw .malformedSideFile(at: location, reason: "not valid JSON")
    }
    guard let table = object as? [String: Any] else {
      throw .malformedSideFile(
        at: location, reason: "expected an object of source name → [aliases]")
    }
    // Foundation's parser keeps the last of two equal keys: one name given twice would lose
    // the aliases of the first without a word.
    if let repeated = repeatedTopLevelKey(in: data) {
      throw .malformedSideFile(
        at: SourceLocation(path: path, line: lastLine(quoting: repeated, in: data) ?? 1),
        reason: "'\(repeated)' is given twice; list all its spellings under one entry")
    }
    var aliases: [String: [String]] = [:]
    for (canonical, value) in table {
      guard let names = value as? [String] else {
        throw .malformedSideFile(
          at: location, reason: "the aliases of '\(canonical)' must be an array of strings")
      }
      aliases[canonical] = names
    }
    do {
      return try SourceAliases(aliases: aliases)
    } catch {
      let line = lastLine(quoting: error.name, in: data) ?? 1
      throw .malformedSideFile(
        at: SourceLocation(path: path, line: line),
        reason: "'\(error.name)' stands for both '\(error.canonicals[0])' and "
          + "'\(error.canonicals[1])'; list each spelling under one name")
    }
  }

  /// The first key of the top-level object that comes twice, read from the raw bytes: strings
  /// are skipped with their escapes, and a key is a string at depth one followed by `:`,
  /// compared once decoded (`"A"` and `"\u0041"` are one key, as are canonically equal ones).
  private static func repeatedTopLevelKey(in data: Data) -> String? {
    let bytes = [UInt8](data)
    var depth = 0
    var seen = Set<String>()
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
      case UInt8(ascii: "\""):
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
          index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        let key = Array(bytes[start..<min(index, bytes.count)])
        index += 1
        var next = index
        while next < bytes.count, [9, 10, 13, 32].contains(bytes[next]) { next += 1 }
        guard depth == 1, next < bytes.count, bytes[next] == UInt8(ascii: ":") else { continue }
        let text = "\"" + String(decoding: key, as: UTF8.self) + "\""
        guard
          let decoded = try? JSONSerialization.jsonObject(
            with: Data(text.utf8), options: .fragmentsAllowed) as? String
        else { continue }
        if !seen.insert(decoded).inserted { return decoded }
      default: continue
      }
    }
    return nil
  }

  /// The line of the first comma followed, past white space, by `}` or `]`, outside strings.
  private static func trailingCommaLine(in data: Data) -> Int? {
    var line = 1
    var commaLine: Int?
    var isInString = false
    var isEscaped = false
    for byte in data {
      if byte == UInt8(ascii: "\n") { line += 1 }
      if isInString {
        if isEscaped {
          isEscaped = false
        } else if byte == UInt8(ascii: "\\") {
          isEscaped = true
        } else if byte == UInt8(ascii: "\"") {
          isInString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        if let commaLine { return commaLine }
      case UInt8(ascii: ","):
        commaLine = line
        continue
      case UInt8(ascii: "\""):
        isInString = true
      default: break
      }
      commaLine = nil
    }
    return nil
  }

  /// The last line of `data` holding `name` as a JSON string, to point at the conflict.
  private static func lastLine(quoting name: String, in data: Data) -> Int? {
    guard let text = String(data: data, encoding: .utf8),
      let encoded = try? JSONSerialization.data(
        withJSONObject: [name], options: .withoutEscapingSlashes),
      let array = String(data: encoded, encoding: .utf8)
    else { return nil }
    let quoted = String(array.dropFirst().dropLast())
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    return lines.lastIndex { $0.contains(quoted) }.map { $0 + 1 }
  }

  /// The canonical name of `source`, or `source` itself when it has none.
  public func canonical(_ source: String) -> String {
    canonicalByKey[SourceAliases.key(source)] ?? source
  }

  /// The same for every spelling of one source: its canonical name folded as alias spellings
  /// are (case, full width and spacing), so a filter such as `list --source` matches a source
  /// however it is typed, as claim ids already take it.
  public func sourceKey(_ source: String) -> String {
    let key = SourceAliases.key(source)
    guard let canonical = canonicalByKey[key] else { return key }
    return SourceAliases.key(canonical)
  }

  private static func key(_ name: String) -> String {
    ClaimID.normalised(name)
  }
}
