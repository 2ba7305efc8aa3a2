/// The top-level members of one JSON object, read with the journal's strict scanner: strings,
/// numbers, booleans, null and lists of strings by key; nested objects, and lists that hold
/// anything else, are checked and skipped (the `history` an export carries).
///
/// Import reads a million lines of JSON Lines; Foundation's parser builds a dictionary of
/// boxed values per line and was most of the time an import took.
struct FlatJSONObject {
  enum Value: Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    /// A list, by the strings in it.
    case strings([String])
    /// A list holding something besides strings: a number, a list, an object.
    case mixedList
    /// A nested object.
    case other
  }

  /// Each member's value and the 1-based byte column where its key starts, in one table
  /// sized for an exported claim's members, so reading a line never grows it.
  private var members: [String: (value: Value, column: Int)] = Dictionary(minimumCapacity: 32)

  /// The value of the member `key`, nil when there is none.
  func value(_ key: String) -> Value? { members[key]?.value }

  /// The 1-based byte column where the member `key` starts.
  func column(_ key: String) -> Int? { members[key]?.column }

  /// Every key of the object.
  var keys: Dictionary<String, (value: Value, column: Int)>.Keys { members.keys }

  /// Deeper nesting than this is refused rather than followed.
  static let maximumDepth = 64

  /// Reads `line` (without its newline), which must hold one object and nothing else.
  static func read(_ line: UnsafeBufferPointer<UInt8>) throws(JSONScanner.Failure)
    -> FlatJSONObject
  {
    var scanner = JSONScanner(line)
    var object = FlatJSONObject()
    try scanner.expect(UInt8(ascii: "{"), "'{' at the start of the line")
    if try !scanner.consume(UInt8(ascii: "}")) {
      while true {
        try scanner.skipSpace()
        let column = scanner.position + 1
        let key = try scanner.readString()
        try scanner.expect(UInt8(ascii: ":"), "':' after the key")
        let member = (value: try readValue(&scanner), column: column)
        guard object.members.updateValue(member, forKey: key) == nil else {
          throw JSONScanner.Failure(offset: column - 1, reason: "duplicate key '\(key)'")
        }
        if try scanner.consume(UInt8(ascii: "}")) { break }
        try scanner.expect(UInt8(ascii: ","), "',' or '}'")
      }
    }
    try scanner.expectEnd()
    return object
  }

  /// A list of strings, or `mixedList` when it holds anything else, which is checked and
  /// passed over (an export's `history` is a list of objects).
  private static func readList(_ scanner: inout JSONScanner) throws(JSONScanner.Failure)
    -> Value
  {
    try scanner.expect(UInt8(ascii: "["), "a list")
    var strings: [String] = []
    var isAllStrings = true
    if try scanner.consume(UInt8(ascii: "]")) { return .strings(strings) }
    repeat {
      if try scanner.peek() == UInt8(ascii: "\"") {
        strings.append(try scanner.readString())
      } else {
        try scanner.skipValue(depthLimit: maximumDepth - 1)
        isAllStrings = false
      }
    } while try scanner.consume(UInt8(ascii: ","))
    try scanner.expect(UInt8(ascii: "]"), "',' or ']'")
    return isAllStrings ? .strings(strings) : .mixedList
  }

  private static func readValue(_ scanner: inout JSONScanner) throws(JSONScanner.Failure)
    -> Value
  {
    switch try scanner.peek() {
    case UInt8(ascii: "\""): return .string(try scanner.readString())
    case UInt8(ascii: "["):
      return try readList(&scanner)
    case UInt8(ascii: "{"):
      try scanner.skipValue(depthLimit: maximumDepth)
      return .other
    default:
      if try scanner.consumeLiteral("null") { return .null }
      if try scanner.consumeLiteral("true") { return .bool(true) }
      if try scanner.consumeLiteral("false") { return .bool(false) }
      return .number(try scanner.readNumber())
    }
  }
}
