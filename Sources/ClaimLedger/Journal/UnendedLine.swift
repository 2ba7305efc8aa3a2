/// A ledger's last line when it lacks its newline: a write cut short (torn), or a whole entry
/// whose newline an edit took away, as some editors save. The first is set aside by
/// `check --repair`; the second only needs its newline, which the repair adds.
enum UnendedLine {
  /// Whether `line` (without a newline) reads as a whole entry.
  static func isWholeEntry(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    var interning = LineInterning()
    return (try? EntryDecoder.decode(line, interning: &interning)) != nil
  }

  static let tornMessage =
    "the last line is incomplete (a write was cut short); 'claims check --repair' sets it aside"
  static let wholeMessage =
    "the last line is a whole entry without its newline (an edit?); "
    + "'claims check --repair' adds the newline"

  /// The error for an unended last line at `location`.
  static func error(_ line: UnsafeBufferPointer<UInt8>, at location: SourceLocation) -> LedgerError
  {
    isWholeEntry(line) ? .lastLineWithoutNewline(at: location) : .tornLastLine(at: location)
  }

  /// The bytes after the file's last newline (all of it when it has none): the newline is
  /// looked for back from the end in blocks, then the line read once, so a long torn line
  /// costs one read of it.
  static func tail(of file: LockedFile) throws(LedgerError) -> [UInt8] {
    let size = try file.size()
    var start = size
    var lineStart = 0
    while start > 0 {
      let count = min(1 << 16, start)
      let block = try file.read(count: count, at: start - count)
      if let newline = block.lastIndex(of: 10) {
        lineStart = start - count + newline + 1
        break
      }
      start -= count
    }
    return try file.read(count: size - lineStart, at: lineStart)
  }
}
