/// The keys that appear twice in one object of a JSON text: parsers differ on which copy they
/// keep, so a contract with any is ambiguous.
enum DuplicateKeys {
  static func find(in json: String) -> [String] {
    var objects: [Set<String>?] = []
    var duplicates: [String] = []
    var bytes = Array(json.utf8)[...]
    while let byte = bytes.popFirst() {
      switch byte {
      case UInt8(ascii: "{"): objects.append([])
      case UInt8(ascii: "["): objects.append(nil)
      case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = objects.popLast()
      case UInt8(ascii: "\""):
        var text: [UInt8] = []
        while let next = bytes.popFirst(), next != UInt8(ascii: "\"") {
          text.append(next)
          if next == UInt8(ascii: "\\"), let escaped = bytes.popFirst() { text.append(escaped) }
        }
        let rest = bytes.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") }
        guard rest.first == UInt8(ascii: ":"), let last = objects.indices.last,
          objects[last] != nil
        else { continue }
        let key = String(decoding: text, as: UTF8.self)
        if objects[last]?.insert(key).inserted == false { duplicates.append(key) }
      default: continue
      }
    }
    return duplicates
  }
}
