import ClaimLedger
import Foundation

/// `claims init`: creates the ledger, the sources file and the git attributes that merge it.
struct InitCommand: Command {
  static let spec = CommandSpec(
    name: "init",
    abstract: "Create Claims/ledger.jsonl, Claims/sources.json and the .gitattributes line.",
    discussion: """
      Run it at the top of a project (or anywhere with --ledger). What exists already is kept;
      the ledger is never emptied.
      """)

  init(_ input: ParsedInput) throws(UsageError) {}

  func run(in context: Context) throws -> CommandOutput {
    let ledgerPath =
      context.explicitLedger
      ?? (context.workingDirectory as NSString).appendingPathComponent(LedgerLocator.relativePath)
    // In a subfolder of a project, a second ledger here would hide the project's from every
    // command run below it.
    if context.explicitLedger == nil, context.ledgerPath != ledgerPath,
      FileManager.default.fileExists(atPath: context.ledgerPath)
    {
      throw UsageError(
        "a ledger exists already at \(context.ledgerPath), which commands run here use; "
          + "give --ledger PATH to start another", command: Self.spec.name)
    }
    let directory = (ledgerPath as NSString).deletingLastPathComponent
    var done: [Action] = []
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: ledgerPath, isDirectory: &isDirectory) {
      guard !isDirectory.boolValue else { throw LedgerError.notAFile(path: ledgerPath) }
      // A ledger kept as it is must still be one every other command reads.
      try LedgerStore(path: ledgerPath, lockTimeout: context.lockTimeout).refuseUnendedLastLine()
      done.append(
        Action(path: ledgerPath, kind: .kept, message: "kept \(ledgerPath) (it exists already)"))
    } else {
      try LedgerStore.create(at: ledgerPath)
      done.append(Action(path: ledgerPath, kind: .created, message: "created \(ledgerPath)"))
    }
    let sourcesPath = (directory as NSString).appendingPathComponent("sources.json")
    if !FileManager.default.fileExists(atPath: sourcesPath) {
      try writeNew(sourcesPath, "{}\n")
      done.append(Action(path: sourcesPath, kind: .created, message: "created \(sourcesPath)"))
    } else {
      done.append(Action(path: sourcesPath, kind: .kept, message: "kept \(sourcesPath)"))
    }
    let (top, relative) = Self.attributesPlace(forLedger: ledgerPath)
    let attributesPath = (top as NSString).appendingPathComponent(".gitattributes")
    let pattern = Self.attributesPattern(relative)
    let line = "\(pattern) text eol=lf merge=union"
    let existing = FileManager.default.contents(atPath: attributesPath).map {
      String(decoding: $0, as: UTF8.self)
    }
    // Lines may end in CRLF (a file written on Windows), which is one `Character`.
    if let existing,
      existing.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).contains(where: {
        $0.hasPrefix(pattern + " ") && $0.contains("merge=union")
      })
    {
      done.append(Action(path: attributesPath, kind: .kept, message: "kept \(attributesPath)"))
    } else {
      var text = existing ?? ""
      let lineEnd = text.contains("\r\n") ? "\r\n" : "\n"
      if !text.isEmpty, text.utf8.last != UInt8(ascii: "\n") { text += lineEnd }
      try write(attributesPath, text + line + lineEnd)
      done.append(
        Action(
          path: attributesPath, kind: .appended, message: "added '\(line)' to \(attributesPath)"))
    }
    let notes = Self.mergeWarning(forPath: relative, in: top, attributes: attributesPath)
    guard context.json else {
      return CommandOutput(done.compactMap(\.message).map { $0 + "\n" }.joined(), notes: notes)
    }
    var json = JSONBuffer()
    json.beginObject()
    json.field("ledger", ledgerPath)
    json.key("files")
    json.beginArray()
    for action in done {
      json.beginObject()
      json.field("path", action.path)
      json.field("action", action.kind.rawValue)
      json.endObject()
    }
    json.endArray()
    json.endObject()
    return CommandOutput(json.text + "\n", notes: notes)
  }

  /// A warning when git, asked in the work tree, does not merge the ledger by union: another
  /// line or attributes file overrides the line `init` keeps.
  private static func mergeWarning(
    forPath path: String, in workTree: String, attributes: String
  ) -> [String] {
    guard
      FileManager.default.fileExists(atPath: (workTree as NSString).appendingPathComponent(".git")),
      let merge = GitMergeAttribute.value(forPath: path, in: workTree), merge != "union"
    else { return [] }
    return [
      "warning: git reads 'merge: \(merge)' for \(path), not 'union': a later line of "
        + "\(attributes), or another attributes file, overrides the line for it, so entries "
        + "two clones add would conflict on every merge; 'git check-attr -a \(path)' shows it"
    ]
  }

  /// What `init` did to one file; `message` is its line of text output, nil when it says
  /// nothing of it (a sources file that is there already).
  private struct Action {
    enum Kind: String {
      case created, kept
      /// The `.gitattributes` line added to the file.
      case appended
    }

    let path: String
    let kind: Kind
    let message: String?
  }

  /// `path` as a `.gitattributes` pattern that matches it alone: glob characters escaped, and
  /// the whole quoted C-style when it holds a space or a quote or starts as a comment would.
  static func attributesPattern(_ path: String) -> String {
    var escaped = ""
    for character in path {
      if "*?[]\\".contains(character) { escaped.append("\\") }
      escaped.append(character)
    }
    // A leading `!` would make a negative pattern, which git ignores, quoted or not.
    if escaped.hasPrefix("!") { escaped = "\\" + escaped }
    guard
      escaped.contains(where: { $0 == " " || $0 == "\"" || $0 == "\t" || $0.isNewline })
        || escaped.hasPrefix("#")
    else { return escaped }
    var quoted = "\""
    for character in escaped {
      switch character {
      case "\"", "\\": quoted += "\\" + String(character)
      case "\n": quoted += "\\n"
      case "\t": quoted += "\\t"
      default: quoted.append(character)
      }
    }
    return quoted + "\""
  }

  /// Where the `.gitattributes` line goes, and the ledger's path as written in it: the top
  /// of the git work tree the ledger is in (the first folder above it holding `.git`); else,
  /// for a ledger in a `Claims` folder, the folder above (the project's top, where git will
  /// be); else the ledger's own folder. Never a folder above the project.
  static func attributesPlace(forLedger ledgerPath: String) -> (folder: String, path: String) {
    let ledgerPath = (ledgerPath as NSString).standardizingPath
    let directory = (ledgerPath as NSString).deletingLastPathComponent
    let name = (ledgerPath as NSString).lastPathComponent
    var folder = directory
    var below: [String] = []
    while true {
      let git = (folder as NSString).appendingPathComponent(".git")
      if FileManager.default.fileExists(atPath: git) {
        return (folder, (below.reversed() + [name]).joined(separator: "/"))
      }
      let parent = (folder as NSString).deletingLastPathComponent
      guard parent != folder, !parent.isEmpty else { break }
      below.append((folder as NSString).lastPathComponent)
      folder = parent
    }
    if (directory as NSString).lastPathComponent == "Claims" {
      return ((directory as NSString).deletingLastPathComponent, "Claims/" + name)
    }
    return (directory, name)
  }

  private func writeNew(_ path: String, _ text: String) throws(LedgerError) {
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
      throw .cannotCreate(path: path, reason: "cannot write the file")
    }
  }

  private func write(_ path: String, _ text: String) throws(LedgerError) {
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw .cannotCreate(path: path, reason: "cannot write the file")
    }
  }
}
