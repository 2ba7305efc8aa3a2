/// A strict reader of the small JSON files a person edits beside the ledger (`sources.json`,
/// `lexicon.json`), which knows the line of every token, so each problem is named by it.
///
/// Foundation's parser takes a comma before a closing bracket, keeps the last of two equal
/// keys and names no line; this one refuses the first two and says where. A UTF-8 byte order
/// mark at the start, which JSON lets a reader ignore, is skipped. Each file's own reader
/// walks its shape with these steps.
public struct SideFileJSON {
  /// Why the file is not what its reader expects, and on which line.
  public struct Failure: Error, Equatable, Sendable {
    public var line: Int
    public var reason: String
  }

  /// The keys an object has had so far, to refuse one given twice (compared as `String`s,
  /// so an escape or another canonically equal spelling is the same key).
  public struct ObjectKeys {
    var seen: Set<String> = []
    var isFirst = true

    public init() {}
  }

  let bytes: [UInt8]
  var position = 0
  /// The line the next token is on.
  public private(set) var line = 1

  public init(bytes: [UInt8]) {
    self.bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
  }

  /// A failure on `line`, or on the current line; in a file git left with a conflict's
  /// markers in it, the first marker is the failure to name.
  public func failure(_ reason: String, line: Int? = nil) -> Failure {
    if let marker = firstConflictMarkerLine() {
      return Failure(
        line: marker,
        reason: "merge-conflict marker: git could not merge this file; resolve the conflict by "
          + "hand, keeping the entries of both sides")
    }
    return Failure(line: line ?? self.line, reason: reason)
  }

  /// The first line that opens with git's `<<<<<<<`.
  private func firstConflictMarkerLine() -> Int? {
    let marker = Array("<<<<<<<".utf8)
    var line = 1
    var start = 0
    while start < bytes.count {
      if bytes[start...].starts(with: marker) { return line }
      guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
      start = newline + 1
      line += 1
    }
    return nil
  }

  /// Reads the `{` of an object described as `what` in the message when it is missing.
  public mutating func expectObject(_ what: String) throws(Failure) {
    skipSpace()
    guard peek == UInt8(ascii: "{") else { throw failure("expected an object for \(what)") }
    position += 1
  }

  /// Reads the `[` of an array; `message` says what was expected instead.
  public mutating func expectArray(else message: String) throws(Failure) {
    skipSpace()
    guard peek == UInt8(ascii: "[") else { throw failure(message) }
    position += 1
  }

  /// The next key of an object and its line, having read the ':' after it; nil after the '}'.
  /// A key given twice is refused with `repeated`'s words for it.
  public mutating func nextKey(
    _ keys: inout ObjectKeys, repeated: (String) -> String = { "duplicate key '\($0)'" }
  ) throws(Failure) -> (key: String, line: Int)? {
    skipSpace()
    if peek == UInt8(ascii: "}") {
      position += 1
      return nil
    }
    if !keys.isFirst {
      guard peek == UInt8(ascii: ",") else { throw failure("expected ',' or '}'") }
      position += 1
      skipSpace()
      if peek == UInt8(ascii: "}") { throw failure("a comma before a closing bracket") }
    }
    keys.isFirst = false
    let keyLine = line
    guard peek == UInt8(ascii: "\"") else { throw failure("expected a key in quotes") }
    let key = try readString()
    guard keys.seen.insert(key).inserted else { throw failure(repeated(key), line: keyLine) }
    skipSpace()
    guard peek == UInt8(ascii: ":") else { throw failure("expected ':' after '\(key)'") }
    position += 1
    return (key, keyLine)
  }

  /// Whether an array has another element, having read the ',' before it or the closing ']'.
  public mutating func nextElement(_ isFirst: inout Bool) throws(Failure) -> Bool {
    skipSpace()
    if peek == UInt8(ascii: "]") {
      position += 1
      return false
    }
    if !isFirst {
      guard peek == UInt8(ascii: ",") else { throw failure("expected ',' or ']'") }
      position += 1
      skipSpace()
      if peek == UInt8(ascii: "]") { throw failure("a comma before a closing bracket") }
    }
    isFirst = false
    return true
  }

  /// Whether a string comes next (after any space).
  public mutating func isAtString() -> Bool {
    skipSpace()
    return peek == UInt8(ascii: "\"")
  }

  /// The string that starts at the next byte, a `"`.
  public mutating func readString() throws(Failure) -> String {
    position += 1  // the opening quote
    var text: [UInt8] = []
    while let byte = peek {
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        guard let string = String(validating: text, as: UTF8.self) else {
          throw failure("a string is not valid UTF-8")
        }
        return string
      case UInt8(ascii: "\\"):
        try readEscape(into: &text)
      case 0..<0x20:
        throw failure("a string is not closed on its line")
      default:
        text.append(byte)
      }
    }
    throw failure("a string is not closed")
  }

  /// A number, or nil (and nothing read past it) when none comes next.
  public mutating func readNumber() -> Double? {
    skipSpace()
    let start = position
    let numberBytes = Set("-+.eE0123456789".utf8)
    while let byte = peek, numberBytes.contains(byte) { position += 1 }
    guard position > start, bytes[start] != UInt8(ascii: "+"), bytes[start] != UInt8(ascii: ".")
    else { return nil }
    return Double(String(decoding: bytes[start..<position], as: UTF8.self))
  }

  /// Fails unless only space is left.
  public mutating func expectEnd(after what: String) throws(Failure) {
    skipSpace()
    guard position == bytes.count else { throw failure("unexpected text after \(what)") }
  }

  private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func readEscape(into text: inout [UInt8]) throws(Failure) {
    guard let byte = peek else { throw failure("a string is not closed") }
    position += 1
    let simple: [UInt8: UInt8] = [
      UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
      UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
      UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]
    if let replacement = simple[byte] {
      text.append(replacement)
      return
    }
    guard byte == UInt8(ascii: "u"), var code = readHex() else {
      throw failure("a string has an invalid escape")
    }
    if (0xD800..<0xDC00).contains(code) {
      guard peek == UInt8(ascii: "\\"), position + 1 < bytes.count,
        bytes[position + 1] == UInt8(ascii: "u")
      else { throw failure("a string has an unpaired surrogate") }
      position += 2
      guard let low = readHex(), (0xDC00..<0xE000).contains(low) else {
        throw failure("a string has an unpaired surrogate")
      }
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(code) else {
      throw failure("a string has an invalid escape")
    }
    text.append(contentsOf: String(Character(scalar)).utf8)
  }

  private mutating func readHex() -> UInt32? {
    guard position + 4 <= bytes.count,
      let code = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
    else { return nil }
    position += 4
    return code
  }

  private mutating func skipSpace() {
    while let byte = peek {
      switch byte {
      case UInt8(ascii: "\n"): line += 1
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
      default: return
      }
      position += 1
    }
  }
}
