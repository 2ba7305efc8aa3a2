import Dispatch
import Foundation

/// The entries of a journal with the line each came from.
public struct Journal: Sendable {
  public var entries: [Entry]
  /// `lines[i]` is the 1-based line number of `entries[i]`.
  public var lines: [Int32]
  /// Empty lines, tolerated on load and reported by `check`.
  public var blankLines: [Int]

  public init(entries: [Entry] = [], lines: [Int32] = [], blankLines: [Int] = []) {
    self.entries = entries
    self.lines = lines
    self.blankLines = blankLines
  }
}

/// Turns journal bytes into entries: a strict, line-oriented parser over UTF-8 bytes.
///
/// Large journals are cut at line boundaries into slices parsed on all cores; the slices are
/// joined in file order, so the result is the same as a single pass.
public enum JournalReader {
  /// Parses every line of `bytes`; the first malformed line (in file order) is the error.
  ///
  /// A last line without its newline is a torn write and is an error too, unless
  /// `allowingTornTail`, when it is left out (what `check` needs to go on reporting).
  public static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, path: String, allowingTornTail: Bool = false
  ) throws(LedgerError) -> Journal {
    var end = bytes.count
    if end > 0, bytes[end - 1] != UInt8(ascii: "\n") {
      let lastLine = lineCount(UnsafeBufferPointer(rebasing: bytes[0..<end])) + 1
      let tailStart = lastNewline(in: bytes).map { $0 + 1 } ?? 0
      guard allowingTornTail else {
        throw UnendedLine.error(
          UnsafeBufferPointer(rebasing: bytes[tailStart...]),
          at: SourceLocation(path: path, line: lastLine))
      }
      end = tailStart
    }
    return try parseLines(of: UnsafeBufferPointer(rebasing: bytes[0..<end]), path: path)
      .journal()
  }

  /// Parses complete lines (`body` ends in a newline), in slices on all cores when large.
  static func parseLines(of body: UnsafeBufferPointer<UInt8>, path: String) throws(LedgerError)
    -> ParsedJournal
  {
    let slices = cut(body, into: body.count < 1 << 20 ? 1 : 4 * ProcessInfoCores.count)
    let results = WorkerSlots<SliceResult>(count: slices.count)
    let shared = SharedBytes(pointer: body)
    DispatchQueue.concurrentPerform(iterations: slices.count) { index in
      results.store(parseSlice(shared.pointer, slices[index]), at: index)
    }
    return try join(results.values.compactMap { $0 }, path: path).parsed
  }

  /// Reads and parses a journal file on all cores: the file is cut into byte ranges, and each
  /// worker reads its own range in blocks with `pread` and parses the lines that start in it.
  /// Lines are numbered once every range is counted, and the first failure in file order wins,
  /// so the result is the same as one pass. The whole file is never in memory at once.
  ///
  /// With `locatingEntries`, each entry's claim id and the file offset of its line are noted
  /// too (`ParsedJournal.locations`).
  static func read(
    _ file: LockedFile, path: String, allowingTornTail: Bool, locatingEntries: Bool = false
  ) throws(LedgerError) -> ParsedJournal {
    let size = try file.size()
    // Eight ranges a core: cores take the next range as they finish, and with four a core
    // the last range left one core idle for a tenth of a second on a 1M-claim ledger.
    let partCount = size < 1 << 20 ? 1 : 8 * ProcessInfoCores.count
    let partSize = max(1, (size + partCount - 1) / partCount)
    let results = WorkerSlots<SliceResult>(count: partCount)
    let descriptor = file.descriptor
    DispatchQueue.concurrentPerform(iterations: partCount) { part in
      let range = min(size, part * partSize)..<min(size, (part + 1) * partSize)
      results.store(
        readPart(
          descriptor: descriptor, range: range, fileSize: size, locating: locatingEntries),
        at: part)
    }
    let joined = try join(results.values.compactMap { $0 }, path: path)
    if joined.hasTornTail, !allowingTornTail {
      let tail = try UnendedLine.tail(of: file)
      throw tail.withUnsafeBufferPointer { line in
        UnendedLine.error(line, at: SourceLocation(path: path, line: joined.lineCount + 1))
      }
    }
    return joined.parsed
  }

  /// Joins the workers' results in file order: throws the first failure, numbers the lines,
  /// and moves the entries into one buffer.
  private static func join(_ parts: [SliceResult], path: String) throws(LedgerError) -> (
    parsed: ParsedJournal, lineCount: Int, hasTornTail: Bool
  ) {
    var lineOffset = 0
    for result in parts {
      if let code = result.readError {
        throw .unreadable(path: path, reason: String(cString: strerror(code)))
      }
      if let failure = result.failure {
        let location = SourceLocation(
          path: path, line: lineOffset + failure.line, column: failure.offset + 1)
        throw .malformedEntry(at: location, reason: failure.reason)
      }
      lineOffset += Int(result.lineCount)
    }
    let total = parts.reduce(0) { $0 + $1.entries.count }
    let buffer = EntryBuffer.joining(parts.map(\.entries))
    let claims = ClaimCopies.joining(parts.map(\.claims))
    var lines: [Int32] = []
    lines.reserveCapacity(total)
    var claimFlags: [Bool] = []
    claimFlags.reserveCapacity(total)
    var blankLines: [Int] = []
    var first: Int32 = 0
    for result in parts {
      claimFlags.append(contentsOf: result.claimFlags)
      // Appended as they are, then renumbered in place: a lazily mapped append goes element
      // by element through the generic path, on one core.
      let start = lines.count
      lines.append(contentsOf: result.lines)
      lines.withUnsafeMutableBufferPointer { numbers in
        for index in start..<numbers.count { numbers[index] &+= first }
      }
      blankLines.append(contentsOf: result.blankLines.lazy.map { $0 + Int(first) })
      first += result.lineCount
    }
    let locations =
      parts.contains { $0.locations != nil } ? parts.flatMap { $0.locations ?? [] } : nil
    let parsed = ParsedJournal(
      buffer: buffer, lines: lines, claimFlags: claimFlags, claims: claims,
      blankLines: blankLines, locations: locations)
    return (parsed, lineOffset, parts.contains { $0.hasTornTail })
  }

  /// Reads and parses the lines that start in `range` of the file, the last one read on past
  /// the range to its newline. A line reaching the end of the file without one is the torn
  /// tail, left unparsed.
  private static func readPart(descriptor: Int32, range: Range<Int>, fileSize: Int, locating: Bool)
    -> SliceResult
  {
    var result = SliceResult(
      entries: EntryBuffer(capacity: range.count / 400),
      claims: ClaimCopies(capacity: range.count / 800))
    if locating { result.locations = [] }
    var interning = LineInterning()
    // Small enough to stay in the core's cache between the copy `pread` makes and the parse
    // that reads it; a line longer than the block doubles it.
    var capacity = 1 << 20
    var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 8)
    defer { buffer.deallocate() }
    // From the byte before the range: when that is a newline, the range starts with a line.
    var readOffset = max(0, range.lowerBound - 1)
    var isSkipping = range.lowerBound > 0
    var carried = 0
    while true {
      if carried == capacity {
        capacity *= 2
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 8)
        larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
        buffer.deallocate()
        buffer = larger
      }
      let got: Int
      switch LockedFile.fill(
        UnsafeMutableRawBufferPointer(rebasing: buffer[carried...]), descriptor: descriptor,
        at: readOffset)
      {
      case .success(let count): got = count
      case .failure(let error):
        result.readError = error.code
        return result
      }
      readOffset += got
      let valid = carried + got
      let isAtEnd = got == 0 || readOffset >= fileSize
      let bytes = UnsafeBufferPointer(
        start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: valid)
      var cursor = 0
      if isSkipping {
        guard let newline = nextNewline(in: bytes, from: 0) else {
          // Inside a line that an earlier range owns, up to the end of the file.
          if isAtEnd { return result }
          carried = 0
          continue
        }
        cursor = newline + 1
        isSkipping = false
      }
      let limit = range.upperBound - (readOffset - valid)
      let isDone = parseLines(
        bytes, from: &cursor, startingBefore: limit, into: &result, interning: &interning,
        fileOffset: readOffset - valid)
      if isDone || result.failure != nil { return result }
      carried = valid - cursor
      if carried > 0, let base = buffer.baseAddress {
        memmove(base, base + cursor, carried)
      }
      if isAtEnd {
        result.hasTornTail = carried > 0
        return result
      }
    }
  }

  /// Parses the complete lines of `bytes` from `cursor` that start before `limit`, moving
  /// `cursor` past each; true once a line would start at or after `limit`. `fileOffset` is
  /// where `bytes` starts in the file, for the entries' locations.
  private static func parseLines(
    _ bytes: UnsafeBufferPointer<UInt8>, from cursor: inout Int, startingBefore limit: Int,
    into result: inout SliceResult, interning: inout LineInterning, fileOffset: Int = 0
  ) -> Bool {
    while true {
      if cursor >= limit { return true }
      guard let lineEnd = nextNewline(in: bytes, from: cursor) else { return false }
      result.lineCount += 1
      if lineEnd == cursor {
        result.blankLines.append(Int(result.lineCount))
      } else {
        do throws(JSONScanner.Failure) {
          let entry = try EntryDecoder.decode(
            UnsafeBufferPointer(rebasing: bytes[cursor..<lineEnd]), interning: &interning)
          if case .claim(_, let status) = entry.body {
            result.claimFlags.append(true)
            result.claims.append(entry, status: status)
          } else {
            result.claimFlags.append(false)
          }
          if result.locations != nil {
            result.locations?.append(
              EntryLocation(id: entry.id, offset: Int64(fileOffset + cursor)))
          }
          result.entries.append(entry)
          result.lines.append(result.lineCount)
        } catch {
          result.failure = (Int(result.lineCount), error.offset, error.reason)
          return true
        }
      }
      cursor = lineEnd + 1
    }
  }

  /// The index of the first newline at or after `start`, found with `memchr`.
  static func nextNewline(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard start < bytes.count, let base = bytes.baseAddress,
      let found = memchr(base + start, 10, bytes.count - start)
    else { return nil }
    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
  }

  /// Parses one line on its own (tests, fuzzing, and re-reading an entry before appending it).
  public static func entry(fromLine line: String, at location: SourceLocation) throws(LedgerError)
    -> Entry
  {
    var bytes = Array(line.utf8)
    let result: Result<Entry, JSONScanner.Failure> = bytes.withUnsafeMutableBufferPointer {
      buffer in
      do throws(JSONScanner.Failure) {
        return .success(try EntryDecoder.decode(UnsafeBufferPointer(buffer)))
      } catch {
        return .failure(error)
      }
    }
    switch result {
    case .success(let entry): return entry
    case .failure(let failure):
      var located = location
      located.column = failure.offset + 1
      throw .malformedEntry(at: located, reason: failure.reason)
    }
  }

  static func lastNewline(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    bytes.lastIndex(of: UInt8(ascii: "\n"))
  }

  static func lineCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for byte in bytes where byte == UInt8(ascii: "\n") { count += 1 }
    return count
  }

  /// Byte ranges of about equal size, each ending just after a newline (the last one may end
  /// the bytes without one).
  static func cut(_ bytes: UnsafeBufferPointer<UInt8>, into parts: Int) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    let step = max(1, bytes.count / max(parts, 1))
    while start < bytes.count {
      var end = min(bytes.count, start + step)
      while end < bytes.count, bytes[end - 1] != UInt8(ascii: "\n") { end += 1 }
      ranges.append(start..<end)
      start = end
    }
    return ranges
  }

  private struct SliceResult {
    let entries: EntryBuffer
    var lines: [Int32] = []
    /// Which entries are `claim` entries, noted while each entry is at hand.
    var claimFlags: [Bool] = []
    /// The `claim` entries copied aside, for the fold.
    var claims: ClaimCopies
    var blankLines: [Int] = []
    /// Each entry's claim and the file offset of its line, when asked for.
    var locations: [EntryLocation]?
    var lineCount: Int32 = 0
    var failure: (line: Int, offset: Int, reason: String)?
    /// The range ends the file with a line that has no newline.
    var hasTornTail = false
    /// The `errno` of a failed read.
    var readError: Int32?
  }

  private static func parseSlice(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> SliceResult
  {
    var result = SliceResult(
      entries: EntryBuffer(capacity: range.count / 300),
      claims: ClaimCopies(capacity: range.count / 600))
    var interning = LineInterning()
    var cursor = range.lowerBound
    _ = parseLines(
      UnsafeBufferPointer(rebasing: bytes[..<range.upperBound]), from: &cursor,
      startingBefore: range.upperBound, into: &result, interning: &interning)
    return result
  }

  /// The journal bytes, read-only while the workers run.
  struct SharedBytes: @unchecked Sendable {
    let pointer: UnsafeBufferPointer<UInt8>
  }
}

/// The number of cores to parse on.
enum ProcessInfoCores {
  static let count = max(1, ProcessInfo.processInfo.activeProcessorCount)
}
