/// A ledger's last line when it lacks its newline: a write cut short (torn), or a whole entry
/// whose newline an edit took away, as some editors save. The first is set aside by
/// `check --repair`; the second only needs its newline, which the repair adds.
enum UnendedLine {
  /// What an unended last line is.
  enum Kind {
    /// A write cut short: it reads well up to its end, where it stops.
    case torn
    /// A whole entry, only its newline missing.
    case whole
    /// A whole object that is no valid entry (an edit): the fault lies before its end.
    case invalid(JSONScanner.Failure)
  }

  /// What `line` (without a newline) is. A write cut short is a prefix of a valid line, so it
  /// fails only where it stops; one that closes its object and fails before that was written
  /// whole and is wrong in itself, and its fault is the one to name.
  static func kind(of line: UnsafeBufferPointer<UInt8>) -> Kind {
    var interning = LineInterning()
    do throws(JSONScanner.Failure) {
      _ = try EntryDecoder.decode(line, interning: &interning)
      return .whole
    } catch {
      return closesItsObject(line) ? .invalid(error) : .torn
    }
  }

  /// Whether the line's first object closes, outside any string, with only spaces or a
  /// carriage return after it: a write cut short stops inside it.
  static func closesItsObject(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    var depth = 0
    var isInString = false
    var isEscaped = false
    for (index, byte) in line.enumerated() {
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
      case UInt8(ascii: "\""): isInString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if depth == 0 {
          return line[(index + 1)...].allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
        }
      default: break
      }
    }
    return false
  }

  /// Whether `line` (without a newline) reads as a whole entry.
  static func isWholeEntry(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    if case .whole = kind(of: line) { true } else { false }
  }

  /// What is said of an unended line that is no valid entry, after its fault.
  static let invalidSuffix =
    "; it is the last line, without its newline: correct it in an editor, or "
    + "'claims check --repair' sets it aside"

  static let tornMessage =
    "the last line is incomplete (a write was cut short); 'claims check --repair' sets it aside"
  static let wholeMessage =
    "the last line is a whole entry without its newline (an edit?); "
    + "'claims check --repair' adds the newline"

  /// The error for an unended last line at `location`.
  static func error(_ line: UnsafeBufferPointer<UInt8>, at location: SourceLocation) -> LedgerError
  {
    switch kind(of: line) {
    case .whole: return .lastLineWithoutNewline(at: location)
    case .torn: return .tornLastLine(at: location)
    case .invalid(let failure):
      var located = location
      located.column = failure.offset + 1
      return .malformedEntry(at: located, reason: failure.reason + invalidSuffix)
    }
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
