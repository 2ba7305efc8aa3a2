import Foundation

/// One canonical name for the many ways a source is written ("The Information",
/// "《The Information》", "theinformation.com"), from `Claims/sources.json`.
///
/// The file maps each canonical name to its aliases: `{"The Information": ["《The Information》"]}`.
public struct SourceAliases: Sendable {
  private var canonicalByKey: [String: String] = [:]

  public static let none = SourceAliases()

  public init() {}

  public init(aliases: [String: [String]]) {
    for (canonical, names) in aliases {
      canonicalByKey[SourceAliases.key(canonical)] = canonical
      for name in names { canonicalByKey[SourceAliases.key(name)] = canonical }
    }
  }

  /// Reads the file at `path`; a missing file means no aliases.
  public static func load(path: String) throws(LedgerError) -> SourceAliases {
    guard FileManager.default.fileExists(atPath: path) else { return SourceAliases() }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "cannot read the file")
    }
    let location = SourceLocation(path: path, line: 1)
    guard let object = try? JSONSerialization.jsonObject(with: data) else {
      throw .malformedSideFile(at: location, reason: "not valid JSON")
    }
    guard let table = object as? [String: Any] else {
      throw .malformedSideFile(
        at: location, reason: "expected an object of source name → [aliases]")
    }
    var aliases: [String: [String]] = [:]
    for (canonical, value) in table {
      guard let names = value as? [String] else {
        throw .malformedSideFile(
          at: location, reason: "the aliases of '\(canonical)' must be an array of strings")
      }
      aliases[canonical] = names
    }
    return SourceAliases(aliases: aliases)
  }

  /// The canonical name of `source`, or `source` itself when it has none.
  public func canonical(_ source: String) -> String {
    canonicalByKey[SourceAliases.key(source)] ?? source
  }

  private static func key(_ name: String) -> String {
    ClaimID.normalised(name)
  }
}
