import Foundation

/// Writes JSON pieces straight into memory reserved for them up front.
///
/// A claim's JSON is some sixty pieces (keys, punctuation, texts, days); appending each to an
/// array checked the array's uniqueness and capacity every time and cost more than the bytes.
/// A cursor is given room for a whole entry or claim at once
/// (`JSONBuffer.appendValue(maximum:_:)`), worked out from the lengths of its texts. Every write
/// still checks that it stays inside that room, so a bound worked out too small stops the
/// program rather than writing past it.
struct JSONCursor {
  private(set) var position: UnsafeMutablePointer<UInt8>
  private let end: UnsafeMutablePointer<UInt8>

  init(start: UnsafeMutablePointer<UInt8>, count: Int) {
    position = start
    end = start + count
  }

  /// The room a quoted string of `byteCount` UTF-8 bytes may take: six bytes for each byte
  /// escaped as `\u00XX`, and the quotes.
  @inline(__always)
  static func bound(utf8Count byteCount: Int) -> Int { byteCount &* 6 &+ 2 }

  @inline(__always)
  static func bound(_ value: String) -> Int { bound(utf8Count: value.utf8.count) }

  @inline(__always)
  static func bound(_ value: String?) -> Int { value.map(bound) ?? 4 }

  @inline(__always)
  static func bound(_ values: [String]) -> Int {
    var total = 2
    for value in values { total &+= bound(value) &+ 1 }
    return total
  }

  /// The room `string(_:)` needs for a stored text: its bytes and quotes when kept as
  /// checked bytes.
  @inline(__always)
  static func bound(_ text: StoredText) -> Int { text.jsonBound }

  @inline(__always)
  static func bound(_ text: StoredText?) -> Int { text?.jsonBound ?? 4 }

  /// Room for `count` more bytes, from the current position; the position moves past them.
  @inline(__always)
  private mutating func take(_ count: Int) -> UnsafeMutablePointer<UInt8> {
    precondition(count <= end - position, "a JSON value outgrew the room reserved for it")
    let start = position
    position += count
    return start
  }

  @inline(__always)
  mutating func byte(_ value: UInt8) {
    take(1)[0] = value
  }

  /// Copies a literal such as `,"quote":` in at most two overlapping words: a `memcpy` call
  /// costs more than the copy of a key.
  @inline(__always)
  mutating func literal(_ text: StaticString) {
    let count = text.utf8CodeUnitCount
    let source = UnsafeRawPointer(text.utf8Start)
    let target = UnsafeMutableRawPointer(take(count))
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
      target.copyMemory(from: source, byteCount: count)
    }
  }

  mutating func null() { literal("null") }

  mutating func bool(_ value: Bool) { value ? literal("true") : literal("false") }

  /// Bytes that need no escape, between quotes.
  @inline(__always)
  mutating func quotedPlain(_ text: UnsafeRawBufferPointer) {
    let start = take(text.count &+ 2)
    start[0] = UInt8(ascii: "\"")
    if let base = text.baseAddress {
      UnsafeMutableRawPointer(start + 1).copyMemory(from: base, byteCount: text.count)
    }
    start[text.count &+ 1] = UInt8(ascii: "\"")
  }

  /// A string with the escapes JSON requires and nothing else escaped.
  mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { quoted($0) }
  }

  mutating func string(_ value: String?) {
    guard let value else { return null() }
    string(value)
  }

  /// A text as the journal reader stored it: its bytes need no escape, so they are copied
  /// as they are.
  mutating func string(_ text: StoredText) {
    let copied: Void? = text.withPlainBytes { quotedPlain($0) }
    if copied == nil { text.withUTF8 { quoted($0.assumingMemoryBound(to: UInt8.self)) } }
  }

  mutating func string(_ text: StoredText?) {
    guard let text else { return null() }
    string(text)
  }

  mutating func strings(_ values: [String]) {
    byte(UInt8(ascii: "["))
    for (index, value) in values.enumerated() {
      if index > 0 { byte(UInt8(ascii: ",")) }
      string(value)
    }
    byte(UInt8(ascii: "]"))
  }

  /// `key` (a literal such as `,"via":`) and the value, `null` when absent.
  mutating func member(_ key: StaticString, _ value: String?) {
    literal(key)
    string(value)
  }

  mutating func member(_ key: StaticString, _ value: StoredText?) {
    literal(key)
    string(value)
  }

  mutating func member(_ key: StaticString, _ value: Day?) {
    literal(key)
    day(value)
  }

  /// `key` and the value when present; nothing when absent.
  mutating func optionalMember(_ key: StaticString, _ value: String?) {
    guard let value else { return }
    member(key, value)
  }

  mutating func optionalMember(_ key: StaticString, _ value: StoredText?) {
    guard let value else { return }
    member(key, value)
  }

  mutating func optionalMember(_ key: StaticString, _ value: Day?) {
    guard let value else { return }
    member(key, value)
  }

  /// `utf8` between quotes, runs that need no escape copied in one go.
  mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
    guard JSONScanner.needsEscape(utf8) else {
      return quotedPlain(UnsafeRawBufferPointer(utf8))
    }
    byte(UInt8(ascii: "\""))
    escaped(utf8)
    byte(UInt8(ascii: "\""))
  }

  /// `utf8` with the escapes JSON requires, without quotes around it: the one place the
  /// journal's escaping is spelled, for every writer of JSON text.
  mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
    var runStart = 0
    for (index, value) in utf8.enumerated()
    where value < 0x20 || value == UInt8(ascii: "\"") || value == UInt8(ascii: "\\") {
      copy(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
      escape(value)
      runStart = index + 1
    }
    copy(UnsafeBufferPointer(rebasing: utf8[runStart...]))
  }

  private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress else { return }
    take(bytes.count).update(from: base, count: bytes.count)
  }

  /// `\"`, `\\`, `\n`, `\r`, `\t`, and `\u00XX` for the other control characters.
  private mutating func escape(_ value: UInt8) {
    switch value {
    case UInt8(ascii: "\""): literal("\\\"")
    case UInt8(ascii: "\\"): literal("\\\\")
    case 10: literal("\\n")
    case 13: literal("\\r")
    case 9: literal("\\t")
    default:
      literal("\\u00")
      let digits = take(2)
      digits[0] = Self.hexDigit(value >> 4)
      digits[1] = Self.hexDigit(value & 15)
    }
  }

  @inline(__always)
  private static func hexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? 48 &+ nibble : 87 &+ nibble
  }

  /// The room `write` may fill, at most `maximum` bytes; it returns how many it wrote.
  @inline(__always)
  mutating func written(maximum: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
    precondition(maximum <= end - position, "a JSON value outgrew the room reserved for it")
    position += write(position)
  }

  /// A day as `"YYYY-MM-DD"`, or `null`.
  mutating func day(_ value: Day?) {
    guard let value else { return null() }
    quoted(maximum: Spelling.maximumCount) { value.writeSpelling(to: $0) }
  }

  /// A time as `"YYYY-MM-DDTHH:MM:SS.mmmZ"`, the bytes `Timestamp.description` spells.
  mutating func timestamp(_ value: Timestamp) {
    quoted(maximum: Spelling.maximumCount) { value.writeSpelling(to: $0) }
  }

  /// An id as its 10 quoted hex digits.
  mutating func id(_ value: ClaimID) {
    quoted(maximum: ClaimID.digitCount) { value.writeSpelling(to: $0) }
  }

  /// A finite number in its shortest form that reads back exactly (0.7, not 0.69999…).
  mutating func number(_ value: Double) {
    written(maximum: Spelling.maximumNumberCount) { Spelling.writeNumber(value, to: $0) }
  }

  mutating func integer(_ value: Int) {
    written(maximum: Spelling.maximumNumberCount) { Spelling.writeInteger(value, to: $0) }
  }

  /// The at most `maximum` bytes `write` spells, between quotes.
  @inline(__always)
  private mutating func quoted(
    maximum: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int
  ) {
    written(maximum: maximum &+ 2) { start in
      start[0] = UInt8(ascii: "\"")
      let count = write(start + 1)
      start[count &+ 1] = UInt8(ascii: "\"")
      return count &+ 2
    }
  }
}

extension StoredText {
  /// The room the text takes as a JSON string (`JSONCursor.bound`).
  var jsonBound: Int {
    withPlainBytes { $0.count &+ 2 } ?? JSONCursor.bound(utf8Count: withUTF8 { $0.count })
  }
}
