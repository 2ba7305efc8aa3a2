import ClaimExtractor
import ClaimLedger

/// `claims check`: validates the whole journal and lists every problem with its line.
struct CheckCommand: Command {
  static let spec = CommandSpec(
    name: "check",
    abstract: "Validate the ledger; list every problem with its file and line.",
    discussion: """
      Exits 0 when the ledger is clean (warnings allowed) and 65 when it has errors.
      --repair sets a torn last line (left by a crash mid-write) aside into
      ledger.jsonl.torn-<time> and cuts it off; a last line that is a whole entry
      only missing its newline (as some editors save) gets the newline. No other
      line is touched.
      """,
    parameters: [.flag("--repair", help: "Move a torn last line aside.")])

  var repair: Bool

  init(_ input: ParsedInput) throws(UsageError) {
    repair = input.flag("--repair")
  }

  func run(in context: Context) throws -> CommandOutput {
    var lines: [String] = []
    let repaired = repair ? try context.store.repairTornTail(now: context.now) : nil
    if let repaired {
      if let savedTo = repaired.savedTo {
        lines.append(
          "repaired: moved the torn line \(repaired.line) (\(repaired.byteCount) bytes) to \(savedTo)"
        )
      } else {
        lines.append("repaired: ended line \(repaired.line), a whole entry, with its newline")
      }
    }
    let inspection = try context.store.inspect()
    let ledger = Ledger(journal: inspection.journal, path: context.ledgerPath)
    let checked = LedgerCheck.issues(
      in: ledger, today: context.today, journal: inspection.journal)
    let issues =
      (inspection.issues + ledger.issues + checked)
      .sorted { ($0.location?.line ?? 0, $0.message) < ($1.location?.line ?? 0, $1.message) }
      + (try sideFileIssues(in: context))
    let errors = issues.filter { $0.severity == .error }.count
    let warnings = issues.count - errors
    if context.json {
      var json = JSONBuffer()
      json.beginObject()
      json.key("ledger")
      json.string(context.ledgerPath)
      json.key("entries")
      json.integer(inspection.journal.entries.count)
      json.key("claims")
      json.integer(ledger.count)
      if repair {
        // What --repair did, so a script learns where the moved bytes went.
        json.key("repaired")
        if let repaired {
          json.beginObject()
          json.key("line")
          json.integer(repaired.line)
          json.field("action", repaired.savedTo == nil ? "ended" : "moved")
          json.key("bytes")
          json.integer(repaired.byteCount)
          json.key("saved_to")
          json.optionalString(repaired.savedTo)
          json.endObject()
        } else {
          json.null()
        }
      }
      json.key("issues")
      json.beginArray()
      for issue in issues {
        json.beginObject()
        json.field("severity", issue.severity.rawValue)
        json.key("file")
        json.optionalString(issue.location?.path)
        json.key("line")
        if let line = issue.location?.line { json.integer(line) } else { json.null() }
        json.key("column")
        if let column = issue.location?.column { json.integer(column) } else { json.null() }
        json.key("id")
        json.optionalString(issue.id?.description)
        json.field("message", issue.message)
        json.endObject()
      }
      json.endArray()
      json.endObject()
      return CommandOutput(json.text + "\n", status: errors > 0 ? .dataError : .success)
    }
    // Issues quote what the files hold; no control character reaches the terminal raw.
    lines += issues.map { CLI.visible($0.description) }
    let entries = inspection.journal.entries.count
    let summary =
      "\(context.ledgerPath): \(counted(entries, "entry", "entries")), "
      + "\(counted(ledger.count, "claim", "claims")), \(counted(errors, "error", "errors")), "
      + counted(warnings, "warning", "warnings")
    lines.append(summary)
    if repair, errors > 0 {
      // Only an unended last line is the repair's to mend; the rest is the person's.
      lines.append(
        (repaired == nil ? "nothing was repaired: " : "nothing more was repaired: ")
          + "--repair mends only an unended last line; correct or remove the lines named above "
          + "in an editor (a copy of the ledger first), then run 'claims check' again")
    }
    return CommandOutput(
      lines.joined(separator: "\n") + "\n", status: errors > 0 ? .dataError : .success)
  }

  /// What is wrong with `sources.json`, which every command that groups by source reads, and
  /// with `lexicon.json`, which `show`, `report` and the extractor read.
  private func sideFileIssues(in context: Context) throws(LedgerError) -> [LedgerIssue] {
    var issues: [LedgerIssue] = []
    do {
      _ = try context.sourceAliases()
    } catch {
      guard case .malformedSideFile(let location, let reason) = error else { throw error }
      issues.append(LedgerIssue(severity: .error, location: location, message: reason))
    }
    do {
      _ = try ExtractorLexicon.load(context: context)
    } catch {
      switch error {
      case .malformedLexicon(let location, let reason):
        issues.append(LedgerIssue(severity: .error, location: location, message: reason))
      default:
        issues.append(LedgerIssue(severity: .error, location: nil, message: error.description))
      }
    }
    return issues
  }
}

/// "1 entry", "3 entries".
func counted(_ count: Int, _ one: String, _ many: String) -> String {
  "\(count) \(count == 1 ? one : many)"
}

/// `claims help [command]`: the overview, or one command's help.
struct HelpCommand: Command {
  static let spec = CommandSpec(
    name: "help",
    abstract: "Show the commands, or one command's options.",
    parameters: [
      .positional("command", help: "The command to explain.", optional: true).completing(.commands)
    ], printsJSON: false)

  var command: String?

  init(_ input: ParsedInput) throws(UsageError) {
    command = input.positional("command")
    if let command, !CLI.commands.contains(where: { $0.spec.name == command }) {
      throw UsageError(
        "unknown command '\(command)'"
          + Suggestion.phrase(for: command, among: CLI.commands.map { $0.spec.name }),
        command: Self.spec.name)
    }
  }

  /// The help, which needs no ledger, date or setting: `CLI` prints it before reading the
  /// environment, so a bad `CLAIMS_TODAY` cannot hide the help that explains it.
  var text: String {
    if let command, let type = CLI.commands.first(where: { $0.spec.name == command }) {
      return HelpText.render(type.spec)
    }
    return HelpText.overview(CLI.commands.map { $0.spec }, version: CLI.version)
  }

  func run(in context: Context) throws -> CommandOutput {
    CommandOutput(text)
  }
}
