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
      guard allowingTornTail else {
        throw .tornLastLine(at: SourceLocation(path: path, line: lastLine))
      }
      end = lastNewline(in: bytes).map { $0 + 1 } ?? 0
    }
    var journal = Journal()
    var lineOffset: Int32 = 0
    try appendLines(
      of: UnsafeBufferPointer(rebasing: bytes[0..<end]), path: path, to: &journal,
      lineOffset: &lineOffset)
    return journal
  }

  /// Parses complete lines (`body` ends in a newline) onto `journal`, numbering them after
  /// `lineOffset` and advancing it.
  static func appendLines(
    of body: UnsafeBufferPointer<UInt8>, path: String, to journal: inout Journal,
    lineOffset: inout Int32
  ) throws(LedgerError) {
    let slices = cut(body, into: body.count < 1 << 20 ? 1 : 4 * ProcessInfoCores.count)
    let results = WorkerSlots<SliceResult>(count: slices.count)
    let shared = SharedBytes(pointer: body)
    DispatchQueue.concurrentPerform(iterations: slices.count) { index in
      results.store(parseSlice(shared.pointer, slices[index]), at: index)
    }
    let added = results.values.reduce(0) { $0 + ($1?.entries.count ?? 0) }
    journal.entries.reserveCapacity(journal.entries.count + added)
    journal.lines.reserveCapacity(journal.lines.count + added)
    for result in results.values {
      guard let result else { continue }
      if let failure = result.failure {
        let location = SourceLocation(
          path: path, line: Int(lineOffset) + failure.line, column: failure.offset + 1)
        throw .malformedEntry(at: location, reason: failure.reason)
      }
      let first = lineOffset
      journal.entries.append(contentsOf: result.entries)
      journal.lines.append(contentsOf: result.lines.lazy.map { $0 + first })
      journal.blankLines.append(contentsOf: result.blankLines.map { $0 + Int(first) })
      lineOffset += result.lineCount
    }
  }

  /// Reads and parses a journal file in blocks of about 64 MiB cut at line ends, so the whole
  /// file is never in memory next to its parsed entries.
  static func read(
    _ file: LockedFile, path: String, allowingTornTail: Bool
  ) throws(LedgerError) -> Journal {
    let size = try file.size()
    let block = 64 << 20
    var journal = Journal()
    var lineOffset: Int32 = 0
    var offset = 0
    var pending: [UInt8] = []
    while offset < size {
      let chunk = try file.read(count: min(block, size - offset), at: offset)
      guard !chunk.isEmpty else { break }
      offset += chunk.count
      pending.append(contentsOf: chunk)
      guard let lastNewline = pending.lastIndex(of: UInt8(ascii: "\n")) else { continue }
      try pending.withUnsafeBufferPointer { buffer throws(LedgerError) in
        try appendLines(
          of: UnsafeBufferPointer(rebasing: buffer[0...lastNewline]), path: path, to: &journal,
          lineOffset: &lineOffset)
      }
      pending.removeSubrange(0...lastNewline)
    }
    if !pending.isEmpty, !allowingTornTail {
      throw .tornLastLine(at: SourceLocation(path: path, line: Int(lineOffset) + 1))
    }
    return journal
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

  /// Byte ranges of about equal size, each ending just after a newline.
  private static func cut(_ bytes: UnsafeBufferPointer<UInt8>, into parts: Int) -> [Range<Int>] {
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
    var entries: [Entry] = []
    var lines: [Int32] = []
    var blankLines: [Int] = []
    var lineCount: Int32 = 0
    var failure: (line: Int, offset: Int, reason: String)?
  }

  private static func parseSlice(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> SliceResult
  {
    var result = SliceResult()
    result.entries.reserveCapacity(range.count / 300)
    var lineStart = range.lowerBound
    var line: Int32 = 0
    while lineStart < range.upperBound {
      line += 1
      var lineEnd = lineStart
      while bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
      if lineEnd == lineStart {
        result.blankLines.append(Int(line))
      } else {
        do throws(JSONScanner.Failure) {
          result.entries.append(
            try EntryDecoder.decode(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])))
          result.lines.append(line)
        } catch {
          result.failure = (Int(line), error.offset, error.reason)
          result.lineCount = line
          return result
        }
      }
      lineStart = lineEnd + 1
    }
    result.lineCount = line
    return result
  }

  /// The journal bytes, read-only while the workers run.
  private struct SharedBytes: @unchecked Sendable {
    let pointer: UnsafeBufferPointer<UInt8>
  }
}

/// The number of cores to parse on.
enum ProcessInfoCores {
  static let count = max(1, ProcessInfo.processInfo.activeProcessorCount)
}
