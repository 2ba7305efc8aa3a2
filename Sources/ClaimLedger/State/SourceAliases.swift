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

  /// Reads the file at `path`; a missing file means no aliases. It is read strictly
  /// (`SideFileJSON`), so a name given twice, a comma before a closing bracket or a wrong type
  /// is an error naming its line, where Foundation's parser would take the file.
  public static func load(path: String) throws(LedgerError) -> SourceAliases {
    guard FileManager.default.fileExists(atPath: path) else {
      // A link to a folder that is not mounted is not "no aliases": the counts would split.
      if let target = LockedFile.danglingLinkTarget(path) {
        throw .unreadable(path: path, reason: "it is a link to \(target), which does not exist")
      }
      return SourceAliases()
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "cannot read the file")
    }
    var json = SideFileJSON(bytes: [UInt8](data))
    var aliases: [String: [String]] = [:]
    // The last line each spelling stands on, to point at a conflict.
    var lineOfName: [String: Int] = [:]
    do throws(SideFileJSON.Failure) {
      try json.expectObject("source name → [aliases]")
      var keys = SideFileJSON.ObjectKeys()
      while let (canonical, keyLine) = try json.nextKey(
        &keys, repeated: { "'\($0)' is given twice; list all its spellings under one entry" })
      {
        lineOfName[canonical] = keyLine
        let blank = "a source name is empty; remove it, or write the name"
        if canonical.trimmingSpaces().isEmpty { throw json.failure(blank, line: keyLine) }
        let mustBeStrings = "the aliases of '\(canonical)' must be an array of strings"
        try json.expectArray(else: mustBeStrings)
        var names: [String] = []
        var isFirst = true
        while try json.nextElement(&isFirst) {
          guard json.isAtString() else { throw json.failure(mustBeStrings) }
          let aliasLine = json.line
          let alias = try json.readString()
          if alias.trimmingSpaces().isEmpty {
            throw json.failure(blank, line: aliasLine)
          }
          lineOfName[alias] = aliasLine
          names.append(alias)
        }
        aliases[canonical] = names
      }
      try json.expectEnd(after: "the source names")
    } catch {
      throw .malformedSideFile(
        at: SourceLocation(path: path, line: error.line), reason: error.reason)
    }
    do {
      return try SourceAliases(aliases: aliases)
    } catch {
      throw .malformedSideFile(
        at: SourceLocation(path: path, line: lineOfName[error.name] ?? 1),
        reason: "'\(error.name)' stands for both '\(error.canonicals[0])' and "
          + "'\(error.canonicals[1])'; list each spelling under one name")
    }
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
