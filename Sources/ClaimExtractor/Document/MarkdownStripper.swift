import ClaimLedger
import Glibc

/// What a line of Markdown turned out to be.
enum MarkdownLineKind: Equatable {
  /// Body text, possibly empty once stripped.
  case text
  /// An ATX heading, `#` to `######`.
  case heading(level: Int)
  /// Not text: a fence, a line inside fenced code, a horizontal rule, a table's delimiter row.
  case dropped
}

/// Turns Markdown into plain text one line at a time, on UTF-8 bytes.
///
/// Block marks (headings, fences, rules, quotes, bullets, table pipes) are read here; inline
/// marks are left to `InlineMarkdown`. It keeps the state that spans lines: whether a fenced
/// code block is open, and whether a `<script>`, a `<style>` or an HTML comment is.
struct MarkdownStripper {
  private var inline = InlineMarkdown()
  /// The fence character and length of the open fenced code block, if any.
  private var fenceMark: UInt8 = 0
  private var fenceLength = 0
  /// What closes the raw HTML element left open by an earlier line (`</script`, `</style`,
  /// `-->`): its contents are code, styles or remarks, never the article's words.
  private var rawCloser: [UInt8]?

  /// The text of the line last stripped: valid UTF-8 without surrounding spaces.
  var text: [UInt8] { inline.output }

  /// Strips one line (without its `\n`); `text` holds the result.
  mutating func strip(_ line: UnsafeBufferPointer<UInt8>) -> MarkdownLineKind {
    guard fenceLength == 0, rawCloser != nil || Self.hasAngle(line) else {
      return stripMarks(line)
    }
    let kept = withoutRawElements(line)
    guard kept.count != line.count else { return stripMarks(line) }
    guard kept.contains(where: { !MarkdownBytes.isSpace($0) }) else {
      inline.begin(UnsafeBufferPointer(start: nil, count: 0))
      return .dropped
    }
    return kept.withUnsafeBufferPointer { stripMarks($0) }
  }

  /// The line without the parts inside `<script>…</script>`, `<style>…</style>` and
  /// `<!--…-->`, which may open and close on other lines.
  private mutating func withoutRawElements(_ line: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var kept: [UInt8] = []
    var index = 0
    // Backticks before the `<` at hand, and closers known to be missing from the rest of the
    // line: each byte is looked at a bounded number of times, however many `<` there are.
    var backticks = 0
    var missing: Set<[UInt8]> = []
    var hasText = false
    while index < line.count {
      if let closer = rawCloser {
        guard let found = Self.find(closer, in: line, from: index) else { return kept }
        index = found + closer.count
        if closer != Self.commentCloser {
          // `</script >`: the closing tag runs to its `>`.
          while index < line.count, line[index] != UInt8(ascii: ">") { index += 1 }
          index = min(line.count, index + 1)
        }
        rawCloser = nil
        // `a <script>…</script> b` reads `a b`.
        if kept.last.map(MarkdownBytes.isSpace) == true, index < line.count,
          MarkdownBytes.isSpace(line[index])
        {
          index += 1
        }
        continue
      }
      guard let open = line[index...].firstIndex(of: UInt8(ascii: "<")) else {
        kept.append(contentsOf: line[index...])
        break
      }
      kept.append(contentsOf: line[index..<open])
      for byte in line[index..<open] {
        if byte == UInt8(ascii: "`") { backticks += 1 }
        if !MarkdownBytes.isSpace(byte) { hasText = true }
      }
      let closer: [UInt8]?
      var contentStart = open + 1
      if Self.matches(Self.commentOpener, in: line, at: open) {
        closer = Self.commentCloser
        contentStart = open + Self.commentOpener.count
      } else if let element = Self.rawElements.first(where: {
        Self.opensTag($0, in: line, at: open)
      }) {
        closer = Array("</".utf8) + element
        // Past the opening tag's `>`; attributes that run on to the next line are inside too.
        while contentStart < line.count, line[contentStart] != UInt8(ascii: ">") {
          contentStart += 1
        }
        contentStart = min(line.count, contentStart + 1)
      } else {
        closer = nil
      }
      // An element opening a line may run on over the lines after it, as an HTML block does;
      // in the middle of a line it is one only when it closes there and is not code quoted in
      // the text ("add a `<style>` block" is words about one).
      let opensLine = !hasText
      var closesHere = false
      if let closer, !opensLine, backticks % 2 == 0, !missing.contains(closer) {
        closesHere = Self.find(closer, in: line, from: contentStart) != nil
        if !closesHere { missing.insert(closer) }
      }
      if let closer, opensLine || closesHere {
        rawCloser = closer
        index = contentStart
      } else {
        kept.append(UInt8(ascii: "<"))
        hasText = true
        index = open + 1
      }
    }
    return kept
  }

  /// Control characters (an escape sequence pasted from a terminal, a stray form feed) carry
  /// nothing a reader sees, and a claim's text may not hold them (`FieldRules.text`): each
  /// becomes a space, so a claim read from the article can be exported and imported again.
  private mutating func blankControlCharacters() {
    inline.output = FieldRules.blankingControlCharacters(inUTF8: inline.output)
  }

  /// Whether the line holds a `<`, found with `memchr`: most lines have none.
  private static func hasAngle(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = line.baseAddress else { return false }
    return memchr(base, Int32(UInt8(ascii: "<")), line.count) != nil
  }

  private static let rawElements = [Array("script".utf8), Array("style".utf8)]
  private static let commentOpener = Array("<!--".utf8)
  private static let commentCloser = Array("-->".utf8)

  /// `<name` at `offset`, any case, followed by a space, `>` or `/` or the line's end.
  private static func opensTag(_ name: [UInt8], in line: UnsafeBufferPointer<UInt8>, at offset: Int)
    -> Bool
  {
    guard matches(name, in: line, at: offset + 1) else { return false }
    let after = offset + 1 + name.count
    return after >= line.count || MarkdownBytes.isSpace(line[after])
      || line[after] == UInt8(ascii: ">") || line[after] == UInt8(ascii: "/")
  }

  /// Whether `word` (lower case) is at `offset`, its letters in any case.
  private static func matches(_ word: [UInt8], in line: UnsafeBufferPointer<UInt8>, at offset: Int)
    -> Bool
  {
    guard offset >= 0, offset + word.count <= line.count else { return false }
    for (position, byte) in word.enumerated() {
      var found = line[offset + position]
      if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(found) { found |= 0x20 }
      guard found == byte else { return false }
    }
    return true
  }

  /// The first offset from `start` where `word` is, in any case.
  private static func find(_ word: [UInt8], in line: UnsafeBufferPointer<UInt8>, from start: Int)
    -> Int?
  {
    guard word.count <= line.count else { return nil }
    var offset = start
    while offset + word.count <= line.count {
      if matches(word, in: line, at: offset) { return offset }
      offset += 1
    }
    return nil
  }

  /// Strips the Markdown marks of one line that holds no raw HTML element.
  private mutating func stripMarks(_ line: UnsafeBufferPointer<UInt8>) -> MarkdownLineKind {
    inline.begin(line)
    let end = line.count
    let start = skipIndent(line, from: 0)
    if fenceLength > 0 {
      if isClosingFence(line, from: start) { fenceLength = 0 }
      return .dropped
    }
    if opensFence(line, from: start) { return .dropped }
    if let (level, contentStart) = headingStart(line, from: start) {
      inline.append(contentStart..<headingContentEnd(line, from: contentStart))
      trimOutput()
      return .heading(level: level)
    }
    if isRule(line, from: start) { return .dropped }
    var index = start
    while index < end, line[index] == UInt8(ascii: ">") {
      index = skipIndent(line, from: index + 1)
    }
    if index < end, line[index] == UInt8(ascii: "|") {
      guard !isDelimiterRow(line, from: index) else { return .dropped }
      appendCells(line, from: index)
    } else {
      inline.append(skipBullet(line, from: index)..<end)
    }
    trimOutput()
    return .text
  }

  private func skipIndent(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    while index < line.count {
      if MarkdownBytes.isSpace(line[index]) {
        index += 1
      } else {
        let length = MarkdownBytes.ideographicSpaceLength(line, at: index)
        guard length > 0 else { break }
        index += length
      }
    }
    return index
  }

  /// Three or more backticks or tildes open a fence; backticks may not recur on the line,
  /// or it is inline code (```` ```x``` ````).
  private mutating func opensFence(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
    guard start < line.count, line[start] == UInt8(ascii: "`") || line[start] == UInt8(ascii: "~")
    else { return false }
    let mark = line[start]
    var index = start
    while index < line.count, line[index] == mark { index += 1 }
    guard index - start >= 3 else { return false }
    if mark == UInt8(ascii: "`"), line[index...].contains(mark) { return false }
    (fenceMark, fenceLength) = (mark, index - start)
    return true
  }

  private func isClosingFence(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
    var index = start
    while index < line.count, line[index] == fenceMark { index += 1 }
    return index - start >= fenceLength && line[index...].allSatisfy(MarkdownBytes.isSpace)
  }

  /// The level of an ATX heading and where its text starts.
  private func headingStart(
    _ line: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> (Int, Int)? {
    var index = start
    while index < line.count, line[index] == UInt8(ascii: "#") { index += 1 }
    let level = index - start
    guard (1...6).contains(level), index == line.count || MarkdownBytes.isSpace(line[index])
    else { return nil }
    return (level, skipIndent(line, from: index))
  }

  /// The end of a heading's text, before an optional closing run of `#`.
  private func headingContentEnd(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var end = line.count
    while end > start, MarkdownBytes.isSpace(line[end - 1]) { end -= 1 }
    var hashes = end
    while hashes > start, line[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
    guard hashes < end, hashes == start || MarkdownBytes.isSpace(line[hashes - 1]) else {
      return end
    }
    return hashes
  }

  /// `---`, `***`, `___` (spaces allowed between) and a setext underline of `===`.
  private func isRule(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
    guard start < line.count else { return false }
    let mark = line[start]
    guard
      mark == UInt8(ascii: "-") || mark == UInt8(ascii: "*") || mark == UInt8(ascii: "_")
        || mark == UInt8(ascii: "=")
    else { return false }
    var count = 0
    for byte in line[start...] {
      if byte == mark {
        count += 1
      } else if !MarkdownBytes.isSpace(byte) {
        return false
      }
    }
    return count >= 3
  }

  /// A bullet (`-`, `*`, `+`, `•`) or a number (`1.`, `12)`) with the space after it, and a
  /// task box `[ ]` or `[x]` after that.
  private func skipBullet(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    let end = line.count
    guard start < end else { return start }
    var index = start
    let byte = line[start]
    if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
      index += 1
    } else if byte == 0xE2, start + 2 < end, line[start + 1] == 0x80, line[start + 2] == 0xA2 {
      index += 3
    } else if DateText.isDigit(byte) {
      while index < end, index - start < 4, DateText.isDigit(line[index]) { index += 1 }
      guard index - start <= 3, index < end,
        line[index] == UInt8(ascii: ".") || line[index] == UInt8(ascii: ")")
      else { return start }
      index += 1
    } else {
      return start
    }
    guard index == end || MarkdownBytes.isSpace(line[index]) || byte == 0xE2 else { return start }
    index = skipIndent(line, from: index)
    if index + 3 <= end, line[index] == UInt8(ascii: "["), line[index + 2] == UInt8(ascii: "]"),
      [32, UInt8(ascii: "x"), UInt8(ascii: "X")].contains(line[index + 1])
    {
      index = skipIndent(line, from: index + 3)
    }
    return index
  }

  /// A row such as `|---|:---:|` under a table's header.
  private func isDelimiterRow(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
    let allowed: [UInt8] = [UInt8(ascii: "|"), UInt8(ascii: "-"), UInt8(ascii: ":"), 32, 9]
    return line[start...].contains(UInt8(ascii: "-")) && line[start...].allSatisfy(allowed.contains)
  }

  /// The cells of a table row, stripped and joined by single spaces.
  private mutating func appendCells(_ line: UnsafeBufferPointer<UInt8>, from start: Int) {
    var cellStart = start + 1
    var index = cellStart
    while index <= line.count {
      let isBoundary = index == line.count || line[index] == UInt8(ascii: "|")
      if isBoundary, index == line.count || line[index - 1] != UInt8(ascii: "\\") {
        let contentStart = skipIndent(line, from: cellStart)
        var contentEnd = index
        while contentEnd > contentStart, MarkdownBytes.isSpace(line[contentEnd - 1]) {
          contentEnd -= 1
        }
        if contentStart < contentEnd {
          if let last = inline.output.last, last != 32 { inline.output.append(32) }
          inline.append(contentStart..<contentEnd)
        }
        cellStart = index + 1
      }
      index += 1
    }
  }

  /// Removes spaces the inline pass left at either end (a tag or an image at the edge).
  private mutating func trimOutput() {
    blankControlCharacters()
    while let last = inline.output.last {
      if last == 32 || last == 9 {
        inline.output.removeLast()
      } else if inline.output.count >= 3, last == 0x80,
        inline.output[inline.output.count - 2] == 0x80,
        inline.output[inline.output.count - 3] == 0xE3
      {
        inline.output.removeLast(3)
      } else {
        break
      }
    }
    guard let first = inline.output.first, first == 32 || first == 9 || first == 0xE3 else {
      return
    }
    let leading = inline.output.withUnsafeBufferPointer { skipIndent($0, from: 0) }
    inline.output.removeFirst(leading)
  }
}
