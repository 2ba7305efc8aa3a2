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
    appendValue(maximum: 1) { $0.byte(UInt8(ascii: "{")) }
    outerNeedsComma.append(needsComma)
    needsComma = false
  }

  public mutating func endObject() {
    writePendingKey()
    bytes.append(UInt8(ascii: "}"))
    needsComma = outerNeedsComma.popLast() ?? true
  }

  public mutating func beginArray() {
    appendValue(maximum: 1) { $0.byte(UInt8(ascii: "[")) }
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
    bytes.appendWritten(maximum: JSONCursor.bound(name) + 1, afterComma: false) { start in
      var cursor = JSONCursor(start: start, count: JSONCursor.bound(name) + 1)
      cursor.string(name)
      cursor.byte(UInt8(ascii: ":"))
      return cursor.position - start
    }
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
    appendValue(maximum: JSONCursor.bound(value)) { $0.string(value) }
  }

  public mutating func optionalString(_ value: String?) {
    if let value { string(value) } else { null() }
  }

  /// Writes a finite number in its shortest form that reads back exactly (0.7, not 0.69999…).
  public mutating func number(_ value: Double) {
    appendValue(maximum: Spelling.maximumNumberCount) { $0.number(value) }
  }

  public mutating func integer(_ value: Int) {
    appendValue(maximum: Spelling.maximumNumberCount) { $0.integer(value) }
  }

  public mutating func bool(_ value: Bool) {
    appendValue(maximum: 5) { $0.bool(value) }
  }

  public mutating func null() {
    appendValue(maximum: 4) { $0.null() }
  }

  public mutating func strings(_ values: [String]) {
    appendValue(maximum: JSONCursor.bound(values)) { $0.strings(values) }
  }

  /// Writes a day as `"YYYY-MM-DD"` straight from its digits, or `null`.
  public mutating func day(_ value: Day?) {
    appendValue(maximum: Spelling.maximumCount + 2) { $0.day(value) }
  }

  /// Writes a time as `"YYYY-MM-DDTHH:MM:SS.mmmZ"`, the bytes `Timestamp.description` spells.
  public mutating func timestamp(_ value: Timestamp) {
    appendValue(maximum: Spelling.maximumCount + 2) { $0.timestamp(value) }
  }

  /// Writes an id as its 10 quoted hex digits.
  public mutating func id(_ value: ClaimID) {
    appendValue(maximum: ClaimID.digitCount + 2) { $0.id(value) }
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

  /// Writes a text as the journal reader stored it: its bytes need no escape, so they are
  /// copied as they are.
  mutating func string(_ text: StoredText) {
    appendValue(maximum: text.jsonBound) { $0.string(text) }
  }

  mutating func optionalString(_ text: StoredText?) {
    guard let text else { return null() }
    string(text)
  }

  /// Appends text that is already valid JSON (an entry written elsewhere).
  public mutating func raw(_ json: [UInt8]) {
    separate()
    bytes.append(contentsOf: json)
  }

  /// Appends one value that `write` puts through a cursor with room for `maximum` bytes, after
  /// the comma it needs, if any, and the key left for it, if any, all in one append.
  @inline(__always)
  mutating func appendValue(maximum: Int, _ write: (inout JSONCursor) -> Void) {
    let afterComma = needsComma
    let key = pendingKey
    pendingKey = nil
    needsComma = true
    let keyCount = key.map { $0.utf8CodeUnitCount + 3 } ?? 0
    bytes.appendWritten(maximum: maximum + keyCount, afterComma: afterComma) { start in
      var cursor = JSONCursor(start: start, count: maximum + keyCount)
      if let key {
        cursor.byte(UInt8(ascii: "\""))
        cursor.literal(key)
        cursor.byte(UInt8(ascii: "\""))
        cursor.byte(UInt8(ascii: ":"))
      }
      write(&cursor)
      return cursor.position - start
    }
  }

  private mutating func separate() {
    // The value follows its key, with no comma between.
    guard pendingKey == nil else { return writePendingKey() }
    if needsComma {
      bytes.append(UInt8(ascii: ","))
    }
    needsComma = true
  }

  /// Writes a key `key(ascii:)` left for its value, when something else comes first.
  private mutating func writePendingKey() {
    guard pendingKey != nil else { return }
    appendValue(maximum: 0) { _ in }
  }
}
