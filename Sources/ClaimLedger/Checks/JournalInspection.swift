import Dispatch

/// A whole journal read for `check`: every malformed line collected, not just the first.
public struct JournalInspection: Sendable {
  /// Entries of the lines that parsed, with their line numbers.
  public let journal: Journal
  /// Malformed lines, a torn tail, blank lines: each with its `file:line[:column]`.
  public let issues: [LedgerIssue]
  /// The line a torn last write starts on, when there is one.
  public let tornLine: Int?

  /// Inspects `bytes` cut at line boundaries into slices, on all cores when they are large, as
  /// the reader parses them; lines are numbered once every slice is counted, so the result is
  /// that of one pass over the lines in order.
  init(bytes: UnsafeBufferPointer<UInt8>, path: String, slices count: Int? = nil) {
    let slices = JournalReader.cut(
      bytes, into: count ?? (bytes.count < 1 << 20 ? 1 : 4 * ProcessInfoCores.count))
    let results = WorkerSlots<SliceInspection>(count: slices.count)
    let shared = JournalReader.SharedBytes(pointer: bytes)
    DispatchQueue.concurrentPerform(iterations: slices.count) { index in
      results.store(
        SliceInspection(UnsafeBufferPointer(rebasing: shared.pointer[slices[index]])), at: index)
    }
    var journal = Journal()
    var issues: [LedgerIssue] = []
    var tornLine: Int?
    var offset = 0
    let parts = results.values.compactMap { $0 }
    journal.entries.reserveCapacity(parts.reduce(0) { $0 + $1.entries.count })
    journal.lines.reserveCapacity(journal.entries.capacity)
    for part in parts {
      journal.entries.append(contentsOf: part.entries)
      journal.lines.append(contentsOf: part.lines.lazy.map { $0 + Int32(offset) })
      for found in part.issues {
        let location = SourceLocation(path: path, line: offset + found.line, column: found.column)
        issues.append(
          LedgerIssue(severity: found.severity, location: location, message: found.message))
      }
      if let torn = part.tornLine { tornLine = offset + torn }
      offset += part.lineCount
    }
    self.journal = journal
    self.issues = issues
    self.tornLine = tornLine
  }
}

/// One slice's lines inspected in order, their numbers counted from the slice's first line.
private struct SliceInspection {
  var entries: [Entry] = []
  var lines: [Int32] = []
  var issues: [(line: Int, column: Int?, severity: LedgerIssue.Severity, message: String)] = []
  var lineCount = 0
  var tornLine: Int?

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    // One table and one text arena for the slice, as the reader keeps per worker.
    var interning = LineInterning()
    var lineStart = 0
    while lineStart < bytes.count {
      lineCount += 1
      guard let lineEnd = JournalReader.nextNewline(in: bytes, from: lineStart) else {
        tornLine = lineCount
        switch UnendedLine.kind(of: UnsafeBufferPointer(rebasing: bytes[lineStart...])) {
        case .whole: issues.append((lineCount, nil, .error, UnendedLine.wholeMessage))
        case .torn: issues.append((lineCount, nil, .error, UnendedLine.tornMessage))
        case .invalid(let failure):
          issues.append(
            (lineCount, failure.offset + 1, .error, failure.reason + UnendedLine.invalidSuffix))
        }
        break
      }
      if lineEnd == lineStart {
        issues.append((lineCount, nil, .warning, "blank line"))
      } else {
        do throws(JSONScanner.Failure) {
          entries.append(
            try EntryDecoder.decode(
              UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), interning: &interning))
          lines.append(Int32(lineCount))
        } catch {
          issues.append((lineCount, error.offset + 1, .error, error.reason))
        }
      }
      lineStart = lineEnd + 1
    }
  }
}
