/// Builds JSON text with keys in the order they are written, non-ASCII kept as is, and only
/// the escapes JSON requires, so equal values always give equal bytes.
public struct JSONBuffer: Sendable {
  public private(set) var bytes: [UInt8] = []
  /// One flag per open container: whether the next member needs a comma before it.
  /// Whether the next member of the innermost open container needs a comma before it; the
  /// flags of the containers around it wait in `outerNeedsComma`.
  private var needsComma = false
  private var outerNeedsComma: [Bool] = []

  public init() {
    bytes.reserveCapacity(256)
  }

  public var text: String { String(decoding: bytes, as: UTF8.self) }

  public mutating func beginObject() {
    separate()
    bytes.append(UInt8(ascii: "{"))
    outerNeedsComma.append(needsComma)
    needsComma = false
  }

  public mutating func endObject() {
    bytes.append(UInt8(ascii: "}"))
    needsComma = outerNeedsComma.popLast() ?? true
  }

  public mutating func beginArray() {
    separate()
    bytes.append(UInt8(ascii: "["))
    outerNeedsComma.append(needsComma)
    needsComma = false
  }

  public mutating func endArray() {
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
    separate()
    appendQuoted(value)
  }

  public mutating func optionalString(_ value: String?) {
    if let value { string(value) } else { null() }
  }

  /// Writes a finite number in its shortest form that reads back exactly (0.7, not 0.69999…).
  public mutating func number(_ value: Double) {
    separate()
    if value == value.rounded(), abs(value) < 1e15 {
      bytes.append(contentsOf: String(Int(value)).utf8)
    } else {
      bytes.append(contentsOf: value.description.utf8)
    }
  }

  public mutating func integer(_ value: Int) {
    separate()
    bytes.append(contentsOf: String(value).utf8)
  }

  public mutating func bool(_ value: Bool) {
    separate()
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  public mutating func null() {
    separate()
    bytes.append(contentsOf: "null".utf8)
  }

  public mutating func strings(_ values: [String]) {
    beginArray()
    for value in values { string(value) }
    endArray()
  }

  /// Writes a day as `"YYYY-MM-DD"` straight from its digits, or `null`.
  public mutating func day(_ value: Day?) {
    separate()
    guard let value else {
      bytes.append(contentsOf: "null".utf8)
      return
    }
    bytes.append(UInt8(ascii: "\""))
    value.appendSpelling(to: &bytes)
    bytes.append(UInt8(ascii: "\""))
  }

  /// Writes a time as `"YYYY-MM-DDTHH:MM:SS.mmmZ"`, the bytes `Timestamp.description` spells.
  public mutating func timestamp(_ value: Timestamp) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    value.appendSpelling(to: &bytes)
    bytes.append(UInt8(ascii: "\""))
  }

  /// Writes an id as its 10 quoted hex digits.
  public mutating func id(_ value: ClaimID) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    value.appendSpelling(to: &bytes)
    bytes.append(UInt8(ascii: "\""))
  }

  /// Appends bytes outside the JSON structure (separators between documents), leaving the
  /// comma state alone.
  public mutating func appendVerbatim(_ text: StaticString) {
    bytes.append(
      contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Starts a new top-level value: the next one written gets no comma before it.
  public mutating func startNewValue() {
    needsComma = false
    outerNeedsComma.removeAll(keepingCapacity: true)
  }

  /// Empties the buffer and starts a new top-level value, keeping the capacity: long output
  /// is written in chunks through one buffer.
  public mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    needsComma = false
    outerNeedsComma.removeAll(keepingCapacity: true)
  }

  /// Appends text that is already valid JSON (an entry written elsewhere).
  /// Writes a text as the journal reader stored it: its bytes need no escape, so they are
  /// copied as they are.
  mutating func string(_ text: StoredText) {
    let copied: Void? = text.withPlainBytes { plain in
      separate()
      bytes.append(UInt8(ascii: "\""))
      bytes.append(contentsOf: plain.assumingMemoryBound(to: UInt8.self))
      bytes.append(UInt8(ascii: "\""))
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
    if needsComma {
      bytes.append(UInt8(ascii: ","))
    }
    needsComma = true
  }

  private mutating func appendQuoted(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { utf8 in
      // Most text needs no escape at all: copy it in one go.
      if !JSONScanner.needsEscape(utf8) {
        bytes.append(contentsOf: utf8)
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
    }
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
