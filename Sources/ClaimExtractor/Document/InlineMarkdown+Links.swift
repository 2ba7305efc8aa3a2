/// Links, images, autolinks, HTML tags and entities: the marks that wrap or replace text
/// rather than emphasise it.
extension InlineMarkdown {
  /// `[text](url)` keeps the text; `![alt](src)` goes entirely. `open` is the `[`.
  mutating func link(at open: Int, end: Int, isImage: Bool) -> Int? {
    guard open < end, bytes[open] == UInt8(ascii: "["), open < noBracketFrom else { return nil }
    guard let close = matching(UInt8(ascii: "]"), for: UInt8(ascii: "["), from: open + 1, end: end)
    else { return nil }
    guard close + 1 < end, bytes[close + 1] == UInt8(ascii: "("),
      let parenthesis = matching(
        UInt8(ascii: ")"), for: UInt8(ascii: "("), from: close + 2, end: end)
    else { return nil }
    flushBefore(isImage ? open - 1 : open)
    guard isImage else {
      append(open + 1..<close)
      return parenthesis + 1
    }
    return resume(after: parenthesis, end: end)
  }

  /// The position of the `closing` byte that balances an opening one before `from`.
  private mutating func matching(
    _ closing: UInt8, for opening: UInt8, from: Int, end: Int
  ) -> Int? {
    var depth = 0
    var index = from
    var sawClosing = false
    while index < end {
      switch bytes[index] {
      case UInt8(ascii: "\\"):
        index += 1
      case opening:
        depth += 1
      case closing:
        sawClosing = true
        if depth == 0 { return index }
        depth -= 1
      default:
        break
      }
      index += 1
    }
    if !sawClosing, closing == UInt8(ascii: "]"), end == bytes.count {
      noBracketFrom = min(noBracketFrom, from)
    }
    return nil
  }

  /// `<https://…>` keeps the address; an HTML tag or comment goes (`<br>` leaves a space).
  mutating func tag(at start: Int, end: Int) -> Int? {
    if MarkdownBytes.startsWithWebScheme(bytes, at: start + 1, end: end) {
      var close = start + 1
      while close < end, bytes[close] != UInt8(ascii: ">"), bytes[close] > 32 { close += 1 }
      guard close < end, bytes[close] == UInt8(ascii: ">") else { return nil }
      flushBefore(start)
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start + 1..<close]))
      return close + 1
    }
    var nameStart = start + 1
    if nameStart < end, bytes[nameStart] == UInt8(ascii: "/") { nameStart += 1 }
    guard nameStart < end else { return nil }
    let isComment = bytes[nameStart] == UInt8(ascii: "!")
    guard isComment || DateText.isLetter(bytes[nameStart]),
      let close = find(UInt8(ascii: ">"), from: nameStart, end: end)
    else { return nil }
    var nameEnd = nameStart
    while nameEnd < close, DateText.isLetter(bytes[nameEnd]) || DateText.isDigit(bytes[nameEnd]) {
      nameEnd += 1
    }
    guard
      isComment || nameEnd == close || MarkdownBytes.isSpace(bytes[nameEnd])
        || bytes[nameEnd] == UInt8(ascii: "/")
    else { return nil }
    flushBefore(start)
    let isBreak =
      nameEnd - nameStart == 2 && bytes[nameStart] | 0x20 == UInt8(ascii: "b")
      && bytes[nameStart + 1] | 0x20 == UInt8(ascii: "r")
    if isBreak, let last = output.last, last != 32 { output.append(32) }
    return resume(after: close, end: end)
  }

  mutating func entity(at start: Int, end: Int) -> Int? {
    guard let (decoded, next) = HTMLEntity.decode(bytes, at: start, end: end) else { return nil }
    flushBefore(start)
    output.append(contentsOf: decoded)
    return next
  }

  /// Where to go on after a removed mark ending at `last`: past one space too when the output
  /// already ends in one, so `a ![x](y) b` reads `a b`.
  private func resume(after last: Int, end: Int) -> Int {
    let next = last + 1
    guard next < end, bytes[next] == 32, output.last == 32 else { return next }
    return next + 1
  }

  private func find(_ byte: UInt8, from start: Int, end: Int) -> Int? {
    var index = start
    while index < end {
      if bytes[index] == byte { return index }
      index += 1
    }
    return nil
  }
}
