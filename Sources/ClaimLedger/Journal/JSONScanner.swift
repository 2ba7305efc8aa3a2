import Foundation

/// A strict JSON tokenizer over the UTF-8 bytes of one line.
///
/// Strict where Foundation is lenient: no trailing commas, no byte-order mark, no carriage
/// returns, no raw control characters, no NUL, no lone surrogates, valid UTF-8 only. It reads
/// values straight from the bytes, so loading a large journal does not build a dictionary per
/// line. Columns in errors are 1-based byte offsets, as editors and compilers count them.
struct JSONScanner {
  /// What went wrong and at which byte (0-based here; reported 1-based).
  struct Failure: Error, Equatable {
    var offset: Int
    var reason: String
  }

  let bytes: UnsafeBufferPointer<UInt8>
  private(set) var position = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  var isAtEnd: Bool { position >= bytes.count }

  @inline(__always)
  mutating func skipSpace() throws(Failure) {
    // The journal's own lines have no spaces: one look settles it.
    if position < bytes.count, bytes[position] > 0x20 { return }
    try skipSpaceSlowly()
  }

  private mutating func skipSpaceSlowly() throws(Failure) {
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"): position += 1
      case UInt8(ascii: "\r"):
        throw Failure(offset: position, reason: "carriage return (CRLF line ends are not allowed)")
      default: return
      }
    }
  }

  /// The next non-space byte, without consuming it.
  ///
  /// Inlined with the usual case first, a byte that is no space: lines are read a member at a
  /// time and each member peeks several times, so a call here cost more than the look.
  @inline(__always)
  mutating func peek() throws(Failure) -> UInt8? {
    if position < bytes.count {
      let byte = bytes[position]
      if byte > 0x20 { return byte }
    }
    return try peekPastSpace()
  }

  private mutating func peekPastSpace() throws(Failure) -> UInt8? {
    try skipSpaceSlowly()
    return position < bytes.count ? bytes[position] : nil
  }

  mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
    guard try peek() == byte else { throw unexpected(expecting: what) }
    position += 1
  }

  /// Consumes `byte` if it comes next.
  mutating func consume(_ byte: UInt8) throws(Failure) -> Bool {
    guard try peek() == byte else { return false }
    position += 1
    return true
  }

  /// Consumes a comma when a key's opening quote follows it at once, as in every line the
  /// journal writes itself; anything else is left for the general path.
  @inline(__always)
  mutating func consumeCommaBeforeKey() -> Bool {
    guard position &+ 1 < bytes.count, bytes[position] == UInt8(ascii: ","),
      bytes[position &+ 1] == UInt8(ascii: "\"")
    else { return false }
    position &+= 1
    return true
  }

  func unexpected(expecting what: String) -> Failure {
    guard position < bytes.count else {
      return Failure(offset: position, reason: "unexpected end of line, expected \(what)")
    }
    let byte = bytes[position]
    if position == 0, byte == 0xEF {
      return Failure(offset: 0, reason: "byte-order mark at the start of the line")
    }
    if byte == 0 { return Failure(offset: position, reason: "NUL byte") }
    if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ">") {
      if position == 0 {
        return Failure(offset: 0, reason: "merge-conflict marker; resolve the conflict by hand")
      }
    }
    let shown =
      byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte \(byte)"
    return Failure(offset: position, reason: "unexpected \(shown), expected \(what)")
  }

  /// Reads a string and returns its raw bytes' range when it has no escapes (the fast path
  /// for keys), without building a `String`.
  mutating func readKey() throws(Failure) -> UnsafeBufferPointer<UInt8> {
    try expect(UInt8(ascii: "\""), "a quoted key")
    let start = position
    // Eight bytes at a time up to the first that is not plain ASCII; the loop below judges it.
    if let base = UnsafeRawPointer(bytes.baseAddress) {
      while position &+ 8 <= bytes.count {
        let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        let unusual = WordScan.jsonStringEnds(word) | word & WordScan.high
        if unusual != 0 {
          position &+= unusual.trailingZeroBitCount >> 3
          break
        }
        position &+= 8
      }
    }
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return UnsafeBufferPointer(rebasing: bytes[start..<position - 1])
      }
      guard byte >= 0x20, byte != UInt8(ascii: "\\"), byte < 0x80 else {
        throw Failure(offset: position, reason: "unknown key")
      }
      position += 1
    }
    throw Failure(offset: start - 1, reason: "unterminated key")
  }

  /// Reads a string value, or nil for `null`.
  mutating func readOptionalString() throws(Failure) -> String? {
    if try consumeLiteral("null") { return nil }
    return try readString()
  }

  /// The bytes of a string of exactly `count` bytes that starts right here, found by where its
  /// quotes are, without consuming it: the journal's ids, times and dates have fixed lengths,
  /// and a parser that accepts only digits and the like then checks every byte. When that
  /// parser refuses them, `readPlainBytes` reads the string again and says why.
  @inline(__always)
  func quoted(count: Int) -> UnsafeBufferPointer<UInt8>? {
    let end = position &+ 1 &+ count
    guard end < bytes.count, bytes[position] == UInt8(ascii: "\""),
      bytes[end] == UInt8(ascii: "\"")
    else { return nil }
    return UnsafeBufferPointer(rebasing: bytes[(position &+ 1)..<end])
  }

  /// Consumes the string `quoted(count:)` returned.
  mutating func skipQuoted(count: Int) {
    position &+= count &+ 2
  }

  /// Reads the raw bytes of a string known to need no decoding (ids, dates, times), or nil
  /// when it holds anything but printable ASCII.
  mutating func readPlainBytes() throws(Failure) -> UnsafeBufferPointer<UInt8>? {
    guard try peek() == UInt8(ascii: "\"") else { return nil }
    let start = position + 1
    var index = start
    let count = bytes.count
    if let base = UnsafeRawPointer(bytes.baseAddress) {
      while index &+ 8 <= count {
        let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        // Spaces and bytes from DEL up end the fast path too; the byte loop sorts them out.
        let unusual =
          (WordScan.jsonStringEnds(word) | ((word &- WordScan.low &* 0x21) & ~word)
            | (word &+ WordScan.low) | word) & WordScan.high
        if unusual != 0 {
          index &+= unusual.trailingZeroBitCount >> 3
          break
        }
        index &+= 8
      }
    }
    while index < count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        position = index + 1
        return UnsafeBufferPointer(rebasing: bytes[start..<index])
      }
      guard byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
      index += 1
    }
    return nil
  }

  /// Reads a string up to its closing quote when it holds no escape: its raw bytes, the offset
  /// they start at, and whether they are all ASCII. With an escape, nil, and the string is left
  /// to `readEscapedString` (from its first byte).
  mutating func readPlainString() throws(Failure) -> (
    raw: UnsafeBufferPointer<UInt8>, start: Int, isASCII: Bool
  )? {
    try expect(UInt8(ascii: "\""), "a string")
    let start = position
    let isASCII = try scanPlainRun()
    if bytes[position] == UInt8(ascii: "\\") {
      position = start
      return nil
    }
    let raw = UnsafeBufferPointer(rebasing: bytes[start..<position])
    position += 1
    return (raw, start, isASCII)
  }

  /// Reads a string that starts right here and holds no escape, checked for control
  /// characters and UTF-8 in the same pass (`JSONValuePass`): its raw bytes and the offset
  /// they start at. Nil, consuming nothing, for any other string, which `readPlainString`
  /// and the others then read and judge.
  mutating func readCheckedPlainString() -> (raw: UnsafeBufferPointer<UInt8>, start: Int)? {
    let start = position &+ 1
    guard position < bytes.count, bytes[position] == UInt8(ascii: "\""),
      let end = JSONValuePass.end(ofPlainStringIn: bytes, from: start)
    else { return nil }
    position = end
    return (UnsafeBufferPointer(rebasing: bytes[start..<(end &- 1)]), start)
  }

  /// Passes over a string, checked as `readString` checks it, without making a `String` of
  /// it (what an import skips: every entry of an exported claim's history).
  mutating func skipString() throws(Failure) {
    guard let plain = try readPlainString() else {
      _ = try readEscapedString()
      return
    }
    if !plain.isASCII, !JSONScanner.isValidUTF8(plain.raw) {
      throw Failure(
        offset: plain.start + JSONScanner.invalidUTF8Offset(plain.raw), reason: "invalid UTF-8")
    }
  }

  mutating func readString() throws(Failure) -> String {
    guard let plain = try readPlainString() else { return try readEscapedString() }
    return try decodedText(plain.raw, at: plain.start, isASCII: plain.isASCII)
  }

  /// Reads a long text into `arena` as checked bytes, decoded only when someone reads it; a text
  /// with escapes is decoded now.
  ///
  /// The journal's own texts are found and checked in one pass (`readCheckedPlainString`);
  /// anything else (a space before it, an escape, a fault) is left to the general path, which
  /// reads it or says what is wrong.
  mutating func readStoredText(into arena: inout TextArena) throws(Failure) -> StoredText {
    let raw: UnsafeBufferPointer<UInt8>
    if let checked = readCheckedPlainString() {
      raw = checked.raw
    } else {
      guard let (plain, start, isASCII) = try readPlainString() else {
        return StoredText(try readEscapedString())
      }
      if !isASCII, !JSONScanner.isValidUTF8(plain) {
        throw Failure(
          offset: start + JSONScanner.invalidUTF8Offset(plain), reason: "invalid UTF-8")
      }
      raw = plain
    }
    guard raw.count <= TextArena.chunkSize else {
      return StoredText(String(decoding: raw, as: UTF8.self))
    }
    return arena.store(raw)
  }

  /// Reads a long text as `readStoredText(into:)` does, or nil for `null`.
  mutating func readOptionalStoredText(into arena: inout TextArena) throws(Failure)
    -> StoredText?
  {
    if try consumeLiteral("null") { return nil }
    return try readStoredText(into: &arena)
  }

  /// Reads a string value, sharing the one copy `table` keeps of texts seen before.
  mutating func readString(interningIn table: inout TextInterner<String>) throws(Failure)
    -> String
  {
    guard let (raw, start, isASCII) = try readPlainString() else {
      return try readEscapedString()
    }
    // Bytes equal to a text read before are valid, so they need no second check.
    if let text = table.value(for: raw) { return text }
    let text = try decodedText(raw, at: start, isASCII: isASCII)
    table.insert(text, for: raw)
    return text
  }

  /// Reads a string value or `null`, interned as `readString(interningIn:)` does.
  mutating func readOptionalString(interningIn table: inout TextInterner<String>) throws(Failure)
    -> String?
  {
    if try consumeLiteral("null") { return nil }
    return try readString(interningIn: &table)
  }

  /// The text of a string's raw bytes that hold no escape; fails on invalid UTF-8.
  private func decodedText(_ raw: UnsafeBufferPointer<UInt8>, at start: Int, isASCII: Bool)
    throws(Failure) -> String
  {
    if isASCII { return String(decoding: raw, as: UTF8.self) }
    guard let text = JSONScanner.validatedText(raw) else {
      throw Failure(offset: start + JSONScanner.invalidUTF8Offset(raw), reason: "invalid UTF-8")
    }
    return text
  }

  /// Moves to the closing quote or the first backslash of a string, eight bytes at a time
  /// while none of them can end the run; returns whether every byte passed was ASCII.
  ///
  /// Throws on a raw control character and at the end of the line.
  private mutating func scanPlainRun() throws(Failure) -> Bool {
    let start = position
    var seenBits: UInt64 = 0
    let count = bytes.count
    guard let base = UnsafeRawPointer(bytes.baseAddress) else {
      throw Failure(offset: start - 1, reason: "unterminated string")
    }
    while position &+ 8 <= count {
      let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
      let special = WordScan.jsonStringEnds(word)
      if special != 0 {
        // The lowest flag is exact: the bytes below it are plain.
        let plainBits = UInt64(special.trailingZeroBitCount) & ~7
        seenBits |= plainBits == 0 ? 0 : word & (UInt64.max >> (64 &- plainBits))
        position &+= Int(plainBits >> 3)
        break
      }
      seenBits |= word
      position &+= 8
    }
    var isASCII = seenBits & WordScan.high == 0
    while position < count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return isASCII }
      if byte < 0x20 {
        throw Failure(offset: position, reason: JSONScanner.describeControl(byte))
      }
      if byte >= 0x80 { isASCII = false }
      position &+= 1
    }
    throw Failure(offset: start - 1, reason: "unterminated string")
  }

  /// Whether any byte of `text` must be escaped in a JSON string (a quote, a backslash or a
  /// control character), eight bytes at a time.
  static func needsEscape(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    WordScan.contains(UnsafeRawBufferPointer(text), by: WordScan.jsonStringEnds)
  }

  private mutating func readEscapedString() throws(Failure) -> String {
    let start = position
    var decoded: [UInt8] = []
    decoded.reserveCapacity(64)
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        guard let text = String(validating: decoded, as: UTF8.self) else {
          throw Failure(offset: start, reason: "invalid UTF-8")
        }
        return text
      case UInt8(ascii: "\\"):
        position += 1
        guard position < bytes.count else { break }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
        case UInt8(ascii: "b"): decoded.append(8)
        case UInt8(ascii: "f"): decoded.append(12)
        case UInt8(ascii: "n"): decoded.append(10)
        case UInt8(ascii: "r"): decoded.append(13)
        case UInt8(ascii: "t"): decoded.append(9)
        case UInt8(ascii: "u"):
          let scalar = try readUnicodeEscape()
          decoded.append(contentsOf: String(Character(scalar)).utf8)
        default:
          throw Failure(
            offset: position - 2, reason: "invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
        }
      default:
        if byte < 0x20 {
          throw Failure(offset: position, reason: JSONScanner.describeControl(byte))
        }
        decoded.append(byte)
        position += 1
      }
    }
    throw Failure(offset: start - 1, reason: "unterminated string")
  }

  private mutating func readUnicodeEscape() throws(Failure) -> Unicode.Scalar {
    let escapeStart = position - 2
    let high = try readHex4()
    var value = UInt32(high)
    if (0xD800...0xDBFF).contains(high) {
      guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
        bytes[position + 1] == UInt8(ascii: "u")
      else { throw Failure(offset: escapeStart, reason: "lone surrogate \\u\(Self.hex4(high))") }
      position += 2
      let low = try readHex4()
      guard (0xDC00...0xDFFF).contains(low) else {
        throw Failure(offset: escapeStart, reason: "lone surrogate \\u\(Self.hex4(high))")
      }
      value = 0x10000 + (UInt32(high) - 0xD800) << 10 + (UInt32(low) - 0xDC00)
    } else if (0xDC00...0xDFFF).contains(high) {
      throw Failure(offset: escapeStart, reason: "lone surrogate \\u\(Self.hex4(high))")
    }
    guard value != 0 else { throw Failure(offset: escapeStart, reason: "NUL character (\\u0000)") }
    guard let scalar = Unicode.Scalar(value) else {
      throw Failure(offset: escapeStart, reason: "invalid \\u escape")
    }
    return scalar
  }

  private mutating func readHex4() throws(Failure) -> UInt16 {
    guard position + 4 <= bytes.count,
      let value = ClaimID.hexValue(UnsafeBufferPointer(rebasing: bytes[position..<position + 4]))
        ?? JSONScanner.upperHex(UnsafeBufferPointer(rebasing: bytes[position..<position + 4]))
    else { throw Failure(offset: position - 2, reason: "invalid \\u escape") }
    position += 4
    return UInt16(value)
  }

  /// Reads a JSON number (strict grammar: no NaN, no leading zeros, no `+`).
  mutating func readNumber() throws(Failure) -> Double {
    try skipSpace()
    let start = position
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard position < bytes.count, JSONScanner.isDigit(bytes[position]) else {
      position = start
      throw unexpected(expecting: "a number")
    }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
    } else {
      while position < bytes.count, JSONScanner.isDigit(bytes[position]) { position += 1 }
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard position < bytes.count, JSONScanner.isDigit(bytes[position]) else {
        throw Failure(offset: position, reason: "a digit must follow the decimal point")
      }
      while position < bytes.count, JSONScanner.isDigit(bytes[position]) { position += 1 }
    }
    if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
      position += 1
      if position < bytes.count,
        bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      guard position < bytes.count, JSONScanner.isDigit(bytes[position]) else {
        throw Failure(offset: position, reason: "a digit must follow the exponent")
      }
      while position < bytes.count, JSONScanner.isDigit(bytes[position]) { position += 1 }
    }
    if let value = JSONScanner.shortDecimal(UnsafeBufferPointer(rebasing: bytes[start..<position]))
    {
      return value
    }
    let text = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    guard let value = Double(text), value.isFinite else {
      throw Failure(offset: start, reason: "number \(text) is out of range")
    }
    return value
  }

  mutating func readBool() throws(Failure) -> Bool {
    if try consumeLiteral("true") { return true }
    if try consumeLiteral("false") { return false }
    throw unexpected(expecting: "true or false")
  }

  /// Consumes `literal` (`null`, `true`, `false`) when it comes next as a whole word.
  mutating func consumeLiteral(_ literal: StaticString) throws(Failure) -> Bool {
    // Most optional values are strings: a quote here settles it before any space is skipped.
    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") { return false }
    try skipSpace()
    let count = literal.utf8CodeUnitCount
    guard position + count <= bytes.count else { return false }
    for index in 0..<count where bytes[position + index] != literal.utf8Start[index] {
      return false
    }
    let end = position + count
    if end < bytes.count, JSONScanner.isLetter(bytes[end]) { return false }
    position = end
    return true
  }

  /// Reads `[ "a", "b" ]`.
  mutating func readStringArray() throws(Failure) -> [String] {
    var interning = LineInterning()
    return try readStringArray(interning: &interning)
  }

  /// Reads `[ "a", "b" ]`, sharing one copy of each list and each text seen before.
  mutating func readStringArray(interning: inout LineInterning) throws(Failure) -> [String] {
    try expect(UInt8(ascii: "["), "an array of strings")
    let start = position - 1
    if let end = closingBracket(after: start),
      let values = interning.tagLists.value(for: UnsafeBufferPointer(rebasing: bytes[start...end]))
    {
      position = end + 1
      return values
    }
    var values: [String] = []
    if try !consume(UInt8(ascii: "]")) {
      while true {
        values.append(try readString(interningIn: &interning.texts))
        if try consume(UInt8(ascii: "]")) { break }
        try expect(UInt8(ascii: ","), "',' or ']'")
        if try peek() == UInt8(ascii: "]") {
          throw Failure(offset: position, reason: "trailing comma")
        }
      }
    }
    interning.tagLists.insert(values, for: UnsafeBufferPointer(rebasing: bytes[start..<position]))
    return values
  }

  /// The first `]` after `start` within the interning limit, a cheap candidate for the bytes of
  /// a list read before; a `]` inside a string only makes the lookup miss.
  private func closingBracket(after start: Int) -> Int? {
    let limit = min(bytes.count, start + TextInterner<[String]>.maximumLength)
    var index = start + 1
    while index < limit {
      if bytes[index] == UInt8(ascii: "]") { return index }
      index += 1
    }
    return nil
  }

  /// Checks and passes over one value as `skipValue` does, in one pass over its bytes
  /// (`JSONValuePass`); a value that pass refuses is read again by `skipValue`, which says what
  /// is wrong, so both give the same errors.
  mutating func passValue(depthLimit: Int) throws(Failure) {
    if let end = JSONValuePass.end(ofValueIn: bytes, from: position, depthLimit: depthLimit) {
      position = end
    } else {
      try skipValue(depthLimit: depthLimit)
    }
  }

  /// Checks and passes over any one value, nesting at most `depthLimit` deep.
  mutating func skipValue(depthLimit: Int) throws(Failure) {
    guard depthLimit > 0 else {
      throw Failure(offset: position, reason: "values nested too deeply")
    }
    switch try peek() {
    case UInt8(ascii: "\""):
      try skipString()
    case UInt8(ascii: "["):
      position += 1
      if try consume(UInt8(ascii: "]")) { return }
      repeat {
        try skipValue(depthLimit: depthLimit - 1)
      } while try consume(UInt8(ascii: ","))
      try expect(UInt8(ascii: "]"), "',' or ']'")
    case UInt8(ascii: "{"):
      position += 1
      if try consume(UInt8(ascii: "}")) { return }
      repeat {
        try skipSpace()
        try skipString()
        try expect(UInt8(ascii: ":"), "':' after the key")
        try skipValue(depthLimit: depthLimit - 1)
      } while try consume(UInt8(ascii: ","))
      try expect(UInt8(ascii: "}"), "',' or '}'")
    default:
      for literal: StaticString in ["null", "true", "false"] where try consumeLiteral(literal) {
        return
      }
      _ = try readNumber()
    }
  }

  /// After the last member: only `}` and then nothing but the end of the line.
  mutating func expectEnd() throws(Failure) {
    try skipSpace()
    guard position == bytes.count else {
      if bytes[position] == 0 { throw Failure(offset: position, reason: "NUL byte") }
      throw Failure(offset: position, reason: "text after the end of the entry")
    }
  }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

  /// The value of a plain decimal such as `0.75` (no sign, no exponent, at most 15 digits), or
  /// nil. Both the digits and the power of ten are exact doubles, so one division rounds
  /// exactly as `strtod` does.
  static func shortDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
    guard text.count <= 16 else { return nil }
    var digits: UInt64 = 0
    var digitCount = 0
    var fractionDigits = 0
    var seenPoint = false
    for byte in text {
      if byte == UInt8(ascii: ".") {
        guard !seenPoint else { return nil }
        seenPoint = true
        continue
      }
      guard isDigit(byte) else { return nil }
      digits = digits * 10 + UInt64(byte - 48)
      digitCount += 1
      if seenPoint { fractionDigits += 1 }
    }
    guard digitCount <= 15 else { return nil }
    var scale = 1.0
    for _ in 0..<fractionDigits { scale *= 10 }
    return Double(digits) / scale
  }

  /// The text of `raw` when it is valid UTF-8, else nil. Decoding repairs bad bytes into
  /// U+FFFD, so a result whose bytes differ from the input means the input was invalid; this
  /// is much faster here than the generic `String(validating:as:)`.
  static func validatedText(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
    var text = String(decoding: raw, as: UTF8.self)
    let isSame = text.withUTF8 { decoded in
      guard decoded.count == raw.count else { return false }
      guard let left = decoded.baseAddress, let right = raw.baseAddress else { return true }
      return memcmp(left, right, raw.count) == 0
    }
    return isSame ? text : nil
  }

  static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  private static func upperHex(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
    var value: UInt64 = 0
    for byte in bytes {
      switch byte {
      case 48...57: value = value << 4 | UInt64(byte - 48)
      case 65...70: value = value << 4 | UInt64(byte - 55)
      case 97...102: value = value << 4 | UInt64(byte - 87)
      default: return nil
      }
    }
    return value
  }

  private static func hex4(_ value: UInt16) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 4 - digits.count) + digits
  }

  private static func describeControl(_ byte: UInt8) -> String {
    switch byte {
    case 0: "NUL byte"
    case 10: "raw newline inside a string"
    case 13: "raw carriage return inside a string"
    default: "raw control character \(byte) inside a string"
    }
  }

  /// Whether `raw` is well-formed UTF-8 (Unicode Table 3-7: no overlong forms, no surrogates,
  /// nothing past U+10FFFF), checked in place: ASCII eight bytes at a time, every other word
  /// byte by byte through `UTF8Automaton`, which has no branch to mispredict when CJK and
  /// ASCII alternate every few bytes.
  static func isValidUTF8(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = raw.baseAddress else { return true }
    let count = raw.count
    return UTF8Automaton.rows.withUnsafeBufferPointer { rows in
      var state = UTF8Automaton.accept
      var index = 0
      while index &+ 8 <= count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        if word & WordScan.high != 0 || state & 63 != UTF8Automaton.accept {
          for offset in 0..<8 { state = rows[Int(base[index &+ offset])] &>> state }
        }
        index &+= 8
      }
      while index < count {
        state = rows[Int(base[index])] &>> state
        index &+= 1
      }
      return state & 63 == UTF8Automaton.accept
    }
  }

  /// The offset of the first byte that breaks UTF-8 in `raw`.
  static func invalidUTF8Offset(_ raw: UnsafeBufferPointer<UInt8>) -> Int {
    var index = 0
    while index < raw.count {
      let lead = raw[index]
      let length: Int
      switch lead {
      case 0..<0x80: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return index
      }
      guard index + length <= raw.count,
        String(
          validating: UnsafeBufferPointer(rebasing: raw[index..<index + length]), as: UTF8.self)
          != nil
      else { return index }
      index += length
    }
    return index
  }
}
