/// A line that labels a digest item rather than telling anything: its source
/// (`> **来源：** [量子位](https://…)`, `Source: Name`, `Via: …`) or its category (`分类：…`).
enum LabelLine: Equatable {
  /// Where the item comes from: the outlet's name and its link, either possibly missing.
  case source(name: String?, url: String?)
  case category

  private static let labels: [(bytes: [UInt8], isSource: Bool)] = [
    ("来源", true), ("來源", true), ("source", true), ("via", true),
    ("分类", false), ("分類", false), ("category", false),
  ].map { (Array($0.0.utf8), $0.1) }

  /// The label `line` carries, or nil when it is ordinary text.
  ///
  /// Every body line is asked, so the label and its colon are matched on the bytes, and only
  /// a real label line is decoded.
  init?(_ line: UnsafeBufferPointer<UInt8>) {
    var index = Self.skipMarks(line, from: 0)
    guard index < line.count else { return nil }
    switch line[index] | 0x20 {  // the first byte of every label, in any case
    case 0xE4, 0xE5, 0xE6, UInt8(ascii: "s"), UInt8(ascii: "v"), UInt8(ascii: "c"): break
    default: return nil
    }
    let rest = UnsafeBufferPointer(rebasing: line[index...])
    guard
      let label = Self.labels.first(where: { label in
        label.bytes.count <= rest.count
          && zip(label.bytes, rest).allSatisfy { $0 == ($1 < 0x80 ? $1 | 0x20 : $1) }
      })
    else { return nil }
    index = Self.skipMarks(line, from: index + label.bytes.count)
    if index < line.count, line[index] == UInt8(ascii: ":") {
      index += 1
    } else if index + 2 < line.count, line[index] == 0xEF, line[index + 1] == 0xBC,
      line[index + 2] == 0x9A
    {
      index += 3  // a full-width colon
    } else {
      return nil
    }
    guard label.isSource else {
      self = .category
      return
    }
    let value = UnsafeBufferPointer(rebasing: line[Self.skipMarks(line, from: index)...])
    let (name, url) = Self.nameAndURL(of: value)
    self = .source(name: name, url: url)
  }

  /// Skips spaces, quote marks `>` and emphasis marks `*` and `_`.
  private static func skipMarks(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    while index < line.count {
      switch line[index] {
      case 32, 9, UInt8(ascii: ">"), UInt8(ascii: "*"), UInt8(ascii: "_"): index += 1
      default: return index
      }
    }
    return index
  }

  /// The lower-cased label before a `:` or `：` and the text after it, emphasis marks removed
  /// from both ends.
  static func split(_ text: Substring) -> (String, Substring)? {
    guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }),
      text.distance(from: text.startIndex, to: colon) <= 12
    else { return nil }
    let label = text[..<colon].filter { $0 != "*" && $0 != "_" }
    let value = text[text.index(after: colon)...].drop { $0 == "*" || $0 == " " || $0 == "\t" }
    return (label.trimmedText.lowercased(), value)
  }

  /// The outlet and link of a value: the first `[name](url)` in it, a bare address, or a name.
  static func nameAndURL(of value: Substring) -> (String?, String?) {
    Array(value.utf8).withUnsafeBufferPointer { nameAndURL(of: $0) }
  }

  /// The same on bytes: every digest item has a source line, so this is worth keeping cheap.
  static func nameAndURL(of value: UnsafeBufferPointer<UInt8>) -> (String?, String?) {
    if let open = value.firstIndex(of: UInt8(ascii: "[")),
      let close = value[open...].firstIndex(of: UInt8(ascii: "]")),
      close + 1 < value.count, value[close + 1] == UInt8(ascii: "("),
      let end = value[(close + 1)...].firstIndex(of: UInt8(ascii: ")"))
    {
      return (trimmedString(value, open + 1..<close), trimmedString(value, close + 2..<end))
    }
    let plain = value.filter {
      $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">")
    }
    guard let text = plain.withUnsafeBufferPointer({ trimmedString($0, 0..<$0.count) }) else {
      return (nil, nil)
    }
    return DocumentMetadata.isWebAddress(text) ? (nil, text) : (ownName(text), nil)
  }

  /// The outlet's name without a second label the line goes on to (`华信证券　分析师：周明远`,
  /// `Reuters | Analyst: Jane Doe`): it ends at an ideographic space, a bar, or the space
  /// before another label's colon.
  static func ownName(_ text: String) -> String {
    var name = Substring(text)
    if let end = name.firstIndex(where: { $0 == "\u{3000}" || $0 == "|" || $0 == "｜" }) {
      name = name[..<end]
    }
    // A label is a word of letters (Analyst, Author): "10:30 GMT" and "Outlook 2027: Rates" hold
    // no second label.
    if let colon = name.firstIndex(where: { $0 == ":" || $0 == "：" }),
      let space = name[..<colon].lastIndex(of: " "),
      name[name.index(after: space)..<colon].allSatisfy(\.isLetter),
      !name[..<colon].contains(where: { $0 == "\"" || $0 == "“" })
    {
      name = name[..<space]
    }
    let trimmed = name.trimmedText
    return trimmed.isEmpty ? text : trimmed
  }

  /// The text of `range` without spaces, tabs or ideographic spaces at either end; nil if empty.
  private static func trimmedString(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
    -> String?
  {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end {
      if MarkdownBytes.isSpace(bytes[start]) {
        start += 1
      } else if MarkdownBytes.ideographicSpaceLength(bytes, at: start) > 0 {
        start += 3
      } else {
        break
      }
    }
    while end > start {
      if MarkdownBytes.isSpace(bytes[end - 1]) {
        end -= 1
      } else if end - start >= 3, bytes[end - 1] == 0x80, bytes[end - 2] == 0x80,
        bytes[end - 3] == 0xE3
      {
        end -= 3
      } else {
        break
      }
    }
    guard start < end else { return nil }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }
}
