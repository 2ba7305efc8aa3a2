/// Takes inline Markdown off the UTF-8 bytes of one line: emphasis, code spans, links,
/// images, autolinks, HTML tags, entities and backslash escapes.
///
/// It works on bytes, not `Character`s, because every line of every article passes through
/// here; all marks are ASCII, so cutting at them always leaves valid UTF-8. Unmatched marks
/// stay as they were. Searches for a closing mark remember when they failed, so a line full of
/// stray `*` or `[` is still read in linear time.
struct InlineMarkdown {
  /// The stripped text of the line so far.
  var output: [UInt8] = []
  private(set) var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
  /// Positions of emphasis runs already paired with an opener, to drop when reached.
  private var closers: [Int] = []
  /// Bit `length` set: no closing run of that many `*` (`_`, `` ` ``) is left on the line.
  private var missingStars: UInt64 = 0
  private var missingUnderscores: UInt64 = 0
  private var missingTicks: UInt64 = 0
  /// No `]` at or after this position.
  var noBracketFrom = Int.max
  /// Where the text not yet copied to `output` begins, in the `append` call now running.
  private var pendingStart = 0

  /// Starts on a new line; `output` is emptied.
  mutating func begin(_ line: UnsafeBufferPointer<UInt8>) {
    output.removeAll(keepingCapacity: true)
    bytes = line
    closers.removeAll(keepingCapacity: true)
    missingStars = 0
    missingUnderscores = 0
    missingTicks = 0
    noBracketFrom = Int.max
  }

  /// Appends the stripped text of `range` of the current line to `output`.
  mutating func append(_ range: Range<Int>) {
    var index = range.lowerBound
    var runStart = index
    let end = range.upperBound
    while index < end {
      // Eight bytes at a time up to the next byte that could be a mark.
      if index + 8 <= end, let base = bytes.baseAddress {
        let marks = InlineMarkdown.possibleMarks(
          UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        if marks == 0 {
          index += 8
          continue
        }
        index += marks.trailingZeroBitCount / 8
      }
      let byte = bytes[index]
      // Letters, spaces and all non-ASCII bytes are the common case and never marks.
      if byte > 0x60 || byte < 0x21 {
        index += 1
        continue
      }
      pendingStart = runStart
      let next: Int?
      switch byte {
      case UInt8(ascii: "\\"): next = escape(at: index, end: end)
      case UInt8(ascii: "*"), UInt8(ascii: "_"): next = emphasis(at: index, end: end)
      case UInt8(ascii: "`"): next = codeSpan(at: index, end: end)
      case UInt8(ascii: "["): next = link(at: index, end: end, isImage: false)
      case UInt8(ascii: "!"): next = link(at: index + 1, end: end, isImage: true)
      case UInt8(ascii: "<"): next = tag(at: index, end: end)
      case UInt8(ascii: "&"): next = entity(at: index, end: end)
      default: next = nil
      }
      guard let next else {
        index += 1
        continue
      }
      index = next
      runStart = next
    }
    flush(runStart..<end)
  }

  /// The high bit set in each byte of `word` (in memory order) that may be a mark: from `!` to
  /// `*`, `<`, or from `[` to `` ` ``. Letters, digits, spaces, `.` and `,`, and the UTF-8 bytes
  /// of other scripts have none, so a run of ordinary text is passed over eight bytes at a time.
  @inline(__always)
  static func possibleMarks(_ littleEndianWord: UInt64) -> UInt64 {
    let word = UInt64(littleEndian: littleEndianWord)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let low = word & (ones * 0x7F)
    // The high bit of each byte: at least the range's start, and at most its end.
    let bang = (low &+ ones * (0x80 - 0x21)) & (ones * (0x80 + 0x2A) &- low)
    let bracket = (low &+ ones * (0x80 - 0x5B)) & (ones * (0x80 + 0x60) &- low)
    // No carry crosses bytes here, so a byte of 0x3C and only that one becomes zero.
    let angle = ~((low ^ ones * 0x3C) &+ ones * 0x7F)
    return (bang | bracket | angle) & ~word & (ones * 0x80)
  }

  private mutating func flush(_ range: Range<Int>) {
    guard !range.isEmpty else { return }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
  }

  /// Each handler below returns where reading goes on after the mark it consumed, having
  /// flushed the text before `start` itself, or nil to leave the byte as text.
  private mutating func escape(at start: Int, end: Int) -> Int? {
    guard start + 1 < end, MarkdownBytes.isPunctuation(bytes[start + 1]) else { return nil }
    flushBefore(start)
    output.append(bytes[start + 1])
    return start + 2
  }

  private mutating func emphasis(at start: Int, end: Int) -> Int? {
    let mark = bytes[start]
    let runEnd = runEnd(of: mark, from: start, end: end)
    let length = runEnd - start
    if let pending = closers.firstIndex(of: start) {
      closers.remove(at: pending)
      flushBefore(start)
      return runEnd
    }
    let isStar = mark == UInt8(ascii: "*")
    let before = start > 0 ? bytes[start - 1] : 32
    let after = runEnd < bytes.count ? bytes[runEnd] : 32
    guard length <= 3, !MarkdownBytes.isSpace(after),
      isStar || !MarkdownBytes.isWordByte(before)
    else { return runEnd > start + 1 ? keep(start..<runEnd) : nil }
    let bit: UInt64 = 1 << length
    let missing = isStar ? missingStars : missingUnderscores
    guard missing & bit == 0,
      let closer = closingRun(of: mark, length: length, after: runEnd, end: end)
    else {
      if end == bytes.count {
        if isStar { missingStars |= bit } else { missingUnderscores |= bit }
      }
      return keep(start..<runEnd)
    }
    closers.append(closer)
    flushBefore(start)
    return runEnd
  }

  /// The start of the first run of exactly `length` marks after `from` that can close.
  private func closingRun(of mark: UInt8, length: Int, after from: Int, end: Int) -> Int? {
    var index = from
    while index < end {
      guard bytes[index] == mark else {
        index += 1
        continue
      }
      let runEnd = runEnd(of: mark, from: index, end: end)
      let before = bytes[index - 1]
      let after = runEnd < bytes.count ? bytes[runEnd] : 32
      if runEnd - index == length, !MarkdownBytes.isSpace(before),
        mark == UInt8(ascii: "*") || !MarkdownBytes.isWordByte(after)
      {
        return index
      }
      index = runEnd
    }
    return nil
  }

  /// `` `code` `` keeps the code; a run of backticks closes only a run of the same length.
  private mutating func codeSpan(at start: Int, end: Int) -> Int? {
    let contentStart = runEnd(of: UInt8(ascii: "`"), from: start, end: end)
    let length = contentStart - start
    let bit: UInt64 = length < 64 ? 1 << length : 0
    guard missingTicks & bit == 0,
      let closer = closingTicks(length: length, after: contentStart, end: end)
    else {
      if end == bytes.count { missingTicks |= bit }
      return keep(start..<contentStart)
    }
    flushBefore(start)
    var content = contentStart..<closer
    if content.count >= 2, bytes[content.lowerBound] == 32, bytes[content.upperBound - 1] == 32 {
      content = content.lowerBound + 1..<content.upperBound - 1
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[content]))
    return closer + length
  }

  private func closingTicks(length: Int, after from: Int, end: Int) -> Int? {
    var index = from
    while index < end {
      if bytes[index] == UInt8(ascii: "`") {
        let runEnd = runEnd(of: UInt8(ascii: "`"), from: index, end: end)
        if runEnd - index == length { return index }
        index = runEnd
      } else {
        index += 1
      }
    }
    return nil
  }

  /// Copies the text between the last handled mark and `position`, which `append` left
  /// unflushed: it flushes lazily so that plain runs are copied in one go.
  mutating func flushBefore(_ position: Int) {
    flush(pendingStart..<position)
  }

  /// Keeps `range` as literal text and resumes after it.
  private mutating func keep(_ range: Range<Int>) -> Int {
    flush(pendingStart..<range.upperBound)
    return range.upperBound
  }

  private func runEnd(of mark: UInt8, from start: Int, end: Int) -> Int {
    var index = start
    while index < end, bytes[index] == mark { index += 1 }
    return index
  }
}
