/// The ids of a journal's `claim` lines, read straight from the bytes without folding.
///
/// Entries are written with `entry` then `id` first, so a claim line starts with
/// `{"entry":"claim","id":"` and its id follows. Cheap enough to run on every press of Tab,
/// and it reads what it can of a ledger that has malformed lines.
public enum ClaimIDScan {
  private static let prefix = Array(#"{"entry":"claim","id":""#.utf8)

  /// Each claim id once, in the order the lines give them.
  public static func ids(in bytes: [UInt8]) -> [String] {
    var ids: [String] = []
    var seen: Set<String> = []
    var lineStart = 0
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
      let idStart = lineStart + prefix.count
      let idEnd = idStart + ClaimID.digitCount
      if idEnd < lineEnd, bytes[lineStart..<idStart].elementsEqual(prefix),
        bytes[idEnd] == UInt8(ascii: "\"")
      {
        let id = String(decoding: bytes[idStart..<idEnd], as: UTF8.self)
        if ClaimID(id) != nil, seen.insert(id).inserted { ids.append(id) }
      }
      lineStart = lineEnd + 1
    }
    return ids
  }
}
