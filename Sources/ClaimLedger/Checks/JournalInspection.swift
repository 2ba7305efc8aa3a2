/// A whole journal read for `check`: every malformed line collected, not just the first.
public struct JournalInspection: Sendable {
  /// Entries of the lines that parsed, with their line numbers.
  public let journal: Journal
  /// Malformed lines, a torn tail, blank lines: each with its `file:line[:column]`.
  public let issues: [LedgerIssue]
  /// The line a torn last write starts on, when there is one.
  public let tornLine: Int?

  init(bytes: UnsafeBufferPointer<UInt8>, path: String) {
    var issues: [LedgerIssue] = []
    var journal = Journal()
    // One table and one text arena for every line, as the parallel reader keeps per worker.
    var interning = LineInterning()
    var tornLine: Int?
    var lineStart = 0
    var line = 0
    while lineStart < bytes.count {
      line += 1
      var lineEnd = lineStart
      while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
      let location = SourceLocation(path: path, line: line)
      if lineEnd == bytes.count {
        tornLine = line
        issues.append(
          LedgerIssue(
            severity: .error, location: location,
            message: "the last line is incomplete (a write was cut short); "
              + "'claims check --repair' sets it aside"))
        break
      }
      if lineEnd == lineStart {
        issues.append(LedgerIssue(severity: .warning, location: location, message: "blank line"))
      } else {
        do throws(JSONScanner.Failure) {
          journal.entries.append(
            try EntryDecoder.decode(
              UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), interning: &interning))
          journal.lines.append(Int32(line))
        } catch {
          var located = location
          located.column = error.offset + 1
          issues.append(LedgerIssue(severity: .error, location: located, message: error.reason))
        }
      }
      lineStart = lineEnd + 1
    }
    self.journal = journal
    self.issues = issues
    self.tornLine = tornLine
  }
}
