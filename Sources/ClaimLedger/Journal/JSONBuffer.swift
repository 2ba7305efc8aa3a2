/// Builds JSON text with keys in the order they are written, non-ASCII kept as is, and only
/// the escapes JSON requires, so equal values always give equal bytes.
public struct JSONBuffer: Sendable {
  public private(set) var bytes: [UInt8] = []
  /// One flag per open container: whether the next member needs a comma before it.
  /// Whether the next member of the innermost open container needs a comma before it; the
  /// flags of the containers around it wait in `outerNeedsComma`.
  private var needsComma = false
  private var outerNeedsComma: [Bool] = []
  /// The name from `key(ascii:)` not written yet: it goes out in one append with the start of
  /// its value.
  private var pendingKey: StaticString?

  public init() {
    bytes.reserveCapacity(256)
  }

  /// A buffer with room for `capacity` bytes, so that long output is not copied as it grows.
  public init(capacity: Int) {
    bytes.reserveCapacity(capacity)
  }

  public var text: String { String(decoding: bytes, as: UTF8.self) }

  public mutating func beginObject() {
    appendValue { $0[0] = UInt8(ascii: "{") }
    outerNeedsComma.append(needsComma)
    needsComma = false
  }

  public mutating func endObject() {
    writePendingKey()
    bytes.append(UInt8(ascii: "}"))
    needsComma = outerNeedsComma.popLast() ?? true
  }

  public mutating func beginArray() {
    appendValue { $0[0] = UInt8(ascii: "[") }
    outerNeedsComma.append(needsComma)
    needsComma = false
  }

  public mutating func endArray() {
    writePendingKey()
    bytes.append(UInt8(ascii: "]"))
    needsComma = outerNeedsComma.popLast() ?? true
  }

  /// Writes `"name":`; the value written next belongs to it.
  public mutating func key(_ name: String) {
    separate()
    appendQuoted(name)
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  /// Writes `"name":` for a name of printable ASCII without quotes or backslashes, copied as
  /// it is, together with the value written next (so `bytes` lacks it until then): the escape
  /// check a `String` name gets and an append of its own were most of a key's cost, and an
  /// export writes tens of millions of keys.
  public mutating func key(ascii name: StaticString) {
    writePendingKey()
    pendingKey = name
  }

  /// Writes the member, its name copied as `key(ascii:)` does, when `value` is present.
  public mutating func field(ascii name: StaticString, _ value: String?) {
    guard let value else { return }
    key(ascii: name)
    string(value)
  }

  /// Writes the day member, its name copied as `key(ascii:)` does, when `value` is present.
  public mutating func field(ascii name: StaticString, _ value: Day?) {
    guard let value else { return }
    key(ascii: name)
    day(value)
  }

  /// Writes the member when `value` is present and leaves it out when nil.
  public mutating func field(_ name: String, _ value: String?) {
    guard let value else { return }
    key(name)
    string(value)
  }

  /// Writes the day member when `value` is present and leaves it out when nil.
  public mutating func field(_ name: String, _ value: Day?) {
    guard let value else { return }
    key(name)
    day(value)
  }

  public mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      // A text without escapes, as most are, goes out with its comma in one append.
      if !JSONScanner.needsEscape(utf8) {
        appendQuotedPlain(UnsafeRawBufferPointer(utf8))
      } else {
        separate()
        appendQuoted(utf8)
      }
    }
  }

  public mutating func optionalString(_ value: String?) {
    if let value { string(value) } else { null() }
  }

  /// Writes a finite number in its shortest form that reads back exactly (0.7, not 0.69999…).
  public mutating func number(_ value: Double) {
    appendValue(maximum: Spelling.maximumNumberCount) { Spelling.writeNumber(value, to: $0) }
  }

  public mutating func integer(_ value: Int) {
    appendValue(maximum: Spelling.maximumNumberCount) { Spelling.writeInteger(value, to: $0) }
  }

  public mutating func bool(_ value: Bool) {
    appendValue(value ? "true" : "false")
  }

  public mutating func null() {
    appendValue("null")
  }

  public mutating func strings(_ values: [String]) {
    beginArray()
    for value in values { string(value) }
    endArray()
  }

  /// Writes a day as `"YYYY-MM-DD"` straight from its digits, or `null`.
  public mutating func day(_ value: Day?) {
    guard let value else { return null() }
    appendValue(maximum: Spelling.maximumCount + 2) { start in
      start[0] = UInt8(ascii: "\"")
      let count = value.writeSpelling(to: start + 1)
      start[count + 1] = UInt8(ascii: "\"")
      return count + 2
    }
  }

  /// Writes a time as `"YYYY-MM-DDTHH:MM:SS.mmmZ"`, the bytes `Timestamp.description` spells.
  public mutating func timestamp(_ value: Timestamp) {
    appendValue(maximum: Spelling.maximumCount + 2) { start in
      start[0] = UInt8(ascii: "\"")
      let count = value.writeSpelling(to: start + 1)
      start[count + 1] = UInt8(ascii: "\"")
      return count + 2
    }
  }

  /// Writes an id as its 10 quoted hex digits.
  public mutating func id(_ value: ClaimID) {
    appendValue(maximum: ClaimID.digitCount + 2) { start in
      start[0] = UInt8(ascii: "\"")
      let count = value.writeSpelling(to: start + 1)
      start[count + 1] = UInt8(ascii: "\"")
      return count + 2
    }
  }

  /// Appends bytes outside the JSON structure (separators between documents), leaving the
  /// comma state alone.
  public mutating func appendVerbatim(_ text: StaticString) {
    writePendingKey()
    bytes.append(
      contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Starts a new top-level value: the next one written gets no comma before it.
  public mutating func startNewValue() {
    pendingKey = nil
    needsComma = false
    outerNeedsComma.removeAll(keepingCapacity: true)
  }

  /// Empties the buffer and starts a new top-level value, keeping the capacity: long output
  /// is written in chunks through one buffer.
  public mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    pendingKey = nil
    needsComma = false
    outerNeedsComma.removeAll(keepingCapacity: true)
  }

  /// Appends text that is already valid JSON (an entry written elsewhere).
  /// Writes a text as the journal reader stored it: its bytes need no escape, so they are
  /// copied as they are.
  mutating func string(_ text: StoredText) {
    let copied: Void? = text.withPlainBytes { plain in
      appendQuotedPlain(plain)
    }
    if copied == nil { string(text.string) }
  }

  mutating func optionalString(_ text: StoredText?) {
    guard let text else { return null() }
    string(text)
  }

  public mutating func raw(_ json: [UInt8]) {
    separate()
    bytes.append(contentsOf: json)
  }

  private mutating func separate() {
    // The value follows its key, with no comma between.
    guard pendingKey == nil else { return writePendingKey() }
    if needsComma {
      bytes.append(UInt8(ascii: ","))
    }
    needsComma = true
  }

  /// Appends the comma the value needs, if any, the key left for it, if any, and the at most
  /// `maximum` bytes `write` puts at the pointer it is given and counts (`appendWritten`).
  @inline(__always)
  private mutating func appendValue(
    maximum: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int
  ) {
    let afterComma = needsComma
    let key = pendingKey
    pendingKey = nil
    guard let key else {
      bytes.appendWritten(maximum: maximum, afterComma: afterComma, write)
      needsComma = true
      return
    }
    let keyCount = key.utf8CodeUnitCount
    bytes.appendWritten(maximum: maximum + keyCount + 3, afterComma: afterComma) { start in
      start[0] = UInt8(ascii: "\"")
      Self.copyName(key, to: start + 1)
      start[keyCount + 1] = UInt8(ascii: "\"")
      start[keyCount + 2] = UInt8(ascii: ":")
      return keyCount + 3 + write(start + keyCount + 3)
    }
    needsComma = true
  }

  /// Writes a key `key(ascii:)` left for its value, when something else comes first.
  private mutating func writePendingKey() {
    guard pendingKey != nil else { return }
    appendValue(maximum: 0) { _ in 0 }
  }

  /// Copies a name of a few bytes in at most two overlapping words: a `memcpy` call costs more
  /// than the copy of a key.
  @inline(__always)
  private static func copyName(_ name: StaticString, to start: UnsafeMutablePointer<UInt8>) {
    let count = name.utf8CodeUnitCount
    let source = UnsafeRawPointer(name.utf8Start)
    let target = UnsafeMutableRawPointer(start)
    switch count {
    case 8...16:
      target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
      target.storeBytes(
        of: source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self),
        toByteOffset: count - 8, as: UInt64.self)
    case 4..<8:
      target.storeBytes(of: source.loadUnaligned(as: UInt32.self), as: UInt32.self)
      target.storeBytes(
        of: source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self),
        toByteOffset: count - 4, as: UInt32.self)
    default:
      start.update(from: name.utf8Start, count: count)
    }
  }

  /// `appendValue` for one byte.
  @inline(__always)
  private mutating func appendValue(_ write: (UnsafeMutablePointer<UInt8>) -> Void) {
    appendValue(maximum: 1) { start in
      write(start)
      return 1
    }
  }

  /// `appendValue` for a fixed word such as `null`.
  @inline(__always)
  private mutating func appendValue(_ word: StaticString) {
    let count = word.utf8CodeUnitCount
    appendValue(maximum: count) { start in
      start.update(from: word.utf8Start, count: count)
      return count
    }
  }

  /// A text that needs no escape, quoted, in one append with its comma.
  private mutating func appendQuotedPlain(_ text: UnsafeRawBufferPointer) {
    appendValue(maximum: text.count + 2) { start in
      start[0] = UInt8(ascii: "\"")
      if let base = text.baseAddress {
        UnsafeMutableRawPointer(start + 1).copyMemory(from: base, byteCount: text.count)
      }
      start[text.count + 1] = UInt8(ascii: "\"")
      return text.count + 2
    }
  }

  private mutating func appendQuoted(_ value: String) {
    var value = value
    value.withUTF8 { appendQuoted($0) }
  }

  private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    // Most text needs no escape at all: copy it in one go.
    guard JSONScanner.needsEscape(utf8) else {
      bytes.append(contentsOf: utf8)
      bytes.append(UInt8(ascii: "\""))
      return
    }
    // Copy runs that need no escape in one go.
    var runStart = 0
    for (index, byte) in utf8.enumerated()
    where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
      appendEscape(byte)
      runStart = index + 1
    }
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func appendEscape(_ byte: UInt8) {
    switch byte {
    case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
    case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
    case 10: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
    case 13: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
    case 9: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
    default:
      let digits = Array("0123456789abcdef".utf8)
      bytes.append(contentsOf: Array("\\u00".utf8))
      bytes.append(digits[Int(byte >> 4)])
      bytes.append(digits[Int(byte & 15)])
    }
  }
}
