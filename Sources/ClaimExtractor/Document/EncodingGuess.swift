/// Names the legacy encoding that bytes which are not UTF-8 most likely use.
///
/// The guess only chooses the name offered in the error message ("convert it with iconv -f
/// …"), so it prefers a plain answer for the common cases to a complete detector: Chinese
/// double-byte text (GB18030 or Big5) and Western text with accented letters (ISO-8859-1 or
/// Windows-1252). The names are the ones iconv accepts.
enum EncodingGuess {
  /// The likely encoding, judged on the bytes from the start of the line holding the first
  /// bad byte at `offset`; nil when nothing fits, or when the text is mostly valid UTF-8 and
  /// only damaged here and there.
  static func likely(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> String? {
    var start = offset
    while start > 0, text[start - 1] != 10, text[start - 1] != 13 { start -= 1 }
    let window = UnsafeBufferPointer(rebasing: text[start..<min(text.count, start + 65_536)])
    let (valid, invalid) = utf8SequenceCounts(window)
    if valid > 2 * invalid { return nil }
    if let chinese = doubleByteChinese(window) { return chinese }
    return singleByteWestern(window)
  }

  /// How many multi-byte UTF-8 sequences are valid, and how many high bytes start none.
  private static func utf8SequenceCounts(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
    var valid = 0
    var invalid = 0
    var index = 0
    while index < bytes.count {
      if bytes[index] < 0x80 {
        index += 1
        continue
      }
      let rest = UnsafeBufferPointer(rebasing: bytes[index..<min(bytes.count, index + 4)])
      let length = sequenceLength(rest)
      if length > 0 {
        valid += 1
        index += length
      } else {
        invalid += 1
        index += 1
      }
    }
    return (valid, invalid)
  }

  /// The length of the valid UTF-8 sequence that `bytes` starts with, or 0.
  private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    for length in 2...4 where length <= bytes.count {
      let candidate = UnsafeBufferPointer(rebasing: bytes[0..<length])
      if TextDecoding.firstInvalidUTF8Offset(candidate) == nil { return length }
    }
    return 0
  }

  /// "GB18030" or "Big5" when every high byte pairs up as a double-byte character and most
  /// at most two pairs in three end in an ASCII byte, as in Chinese text.
  ///
  /// Big5's byte ranges lie inside GBK's, so fitting GBK says little on its own. Big5 is chosen
  /// when nothing rules it out (a lead byte below 0xA1 or a trail byte in 0x80...0xA0, which only
  /// GBK uses) and at least one pair in ten has an ASCII trail byte: GB2312, the core of GBK where
  /// common simplified characters live, has none, while common traditional characters in Big5
  /// often do.
  private static func doubleByteChinese(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var pairs = 0
    var asciiTrails = 0
    var onlyGBK = false
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      guard lead >= 0x80 else {
        index += 1
        continue
      }
      guard (0x81...0xFE).contains(lead), index + 1 < bytes.count else { return nil }
      let trail = bytes[index + 1]
      if (0x30...0x39).contains(trail), index + 3 < bytes.count,
        (0x81...0xFE).contains(bytes[index + 2]), (0x30...0x39).contains(bytes[index + 3])
      {
        onlyGBK = true  // a GB18030 four-byte sequence
        index += 4
        continue
      }
      guard (0x40...0xFE).contains(trail), trail != 0x7F else { return nil }
      pairs += 1
      if trail < 0x80 { asciiTrails += 1 }
      if lead < 0xA1 || (0x80...0xA0).contains(trail) { onlyGBK = true }
      index += 2
    }
    guard pairs > 0, asciiTrails * 3 <= pairs * 2 else { return nil }
    return !onlyGBK && asciiTrails * 10 >= pairs ? "Big5" : "GB18030"
  }

  /// "Windows-1252" or "ISO-8859-1" when most high bytes stand alone between ASCII bytes, as
  /// accented letters do in Western text; Windows-1252 when its curly quotes and dashes
  /// (0x80...0x9F) appear.
  private static func singleByteWestern(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var isolated = 0
    var high = 0
    var hasWindowsPunctuation = false
    for index in bytes.indices where bytes[index] >= 0x80 {
      high += 1
      if bytes[index] < 0xA0 { hasWindowsPunctuation = true }
      let before = index == 0 || bytes[index - 1] < 0x80
      let after = index + 1 == bytes.count || bytes[index + 1] < 0x80
      if before, after { isolated += 1 }
    }
    guard high > 0, isolated * 2 > high else { return nil }
    return hasWindowsPunctuation ? "Windows-1252" : "ISO-8859-1"
  }
}
