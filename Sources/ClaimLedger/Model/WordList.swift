/// A list of words to find in UTF-8 text in one pass, for the checks that read every claim.
///
/// Words are kept by their first byte, so each position of the text is compared only with the
/// words that can start there. ASCII is compared without case; a word that starts with an ASCII
/// letter must start a word ("ban" is not found in "urban"); Chinese words match anywhere.
public struct WordList: Sendable {
  /// Each word, lower-case UTF-8, one after another; word i is `bytes[ends[i-1]..<ends[i]]`.
  private let bytes: [UInt8]
  private let ends: [Int]
  /// By first byte, the one-byte words; by first two bytes, the longer ones (two because every
  /// Chinese character starts with one of a few lead bytes). Flat lists, bucket k being
  /// `items[starts[k]..<starts[k + 1]]`, so looking up a position retains nothing.
  private let singleStarts: [Int]
  private let singleItems: [Int]
  private let pairStarts: [Int]
  private let pairItems: [Int]
  /// Where a word of two bytes or more can start (lower-case), checked before the lists.
  private let starts: WordStarts

  public init(_ words: [String]) {
    let encoded = words.map { Array($0.lowercased().utf8) }
    bytes = encoded.flatMap { $0 }
    var ends: [Int] = []
    var end = 0
    for word in encoded {
      end += word.count
      ends.append(end)
    }
    self.ends = ends
    (singleStarts, singleItems) = WordList.buckets(count: 1 << 8, of: encoded.count) { index in
      encoded[index].count == 1 ? Int(encoded[index][0]) : nil
    }
    (pairStarts, pairItems) = WordList.buckets(count: 1 << 16, of: encoded.count) { index in
      encoded[index].count > 1 ? Int(encoded[index][0]) << 8 | Int(encoded[index][1]) : nil
    }
    var starts = WordStarts()
    for word in encoded { starts.insert(word) }
    self.starts = starts
  }

  /// The word indices grouped by `key`, as bucket starts and items.
  private static func buckets(count: Int, of words: Int, key: (Int) -> Int?) -> ([Int], [Int]) {
    var grouped = [[Int]](repeating: [], count: count)
    for index in 0..<words {
      if let key = key(index) { grouped[key].append(index) }
    }
    var starts = [0]
    starts.reserveCapacity(count + 1)
    for bucket in grouped { starts.append((starts.last ?? 0) + bucket.count) }
    return (starts, grouped.flatMap { $0 })
  }

  /// Whether any word occurs in `bytes`.
  public func contains(in bytes: [UInt8]) -> Bool {
    var found = false
    scan(bytes) { _ in
      found = true
      return false
    }
    return found
  }

  /// The smallest index of a word that occurs in `bytes`, wherever it occurs.
  public func firstInListOrder(in bytes: [UInt8]) -> Int? {
    var smallest: Int?
    scan(bytes) { index in
      smallest = min(smallest ?? index, index)
      return smallest != 0
    }
    return smallest
  }

  /// Calls `found` with the index of each word occurrence, in text order, until it returns
  /// false.
  public func scan(_ text: [UInt8], _ found: (Int) -> Bool) {
    text.withUnsafeBytes { scan($0, found) }
  }

  /// The same over UTF-8 read in place, such as a claim's stored text.
  public func scan(_ text: UnsafeRawBufferPointer, _ found: (Int) -> Bool) {
    let text = text.bindMemory(to: UInt8.self)
    let count = text.count
    starts.withFilter { filter in
      var previous: UInt8 = 0
      var start = 0
      while start < count {
        let raw = text[start]
        // A three-byte character whole, most of Chinese text, in one step: what the byte
        // steps below would do, since such a character is no letter and no one-byte word, and
        // the words that may start at it are those `mayStart` lets through.
        if raw & 0xF0 == 0xE0, start &+ 2 < count {
          let second = text[start &+ 1]
          let third = text[start &+ 2]
          if second & 0xC0 == 0x80, third & 0xC0 == 0x80 {
            if filter.mayStart(raw, second, third),
              !compare(text, at: start, key: Int(raw) << 8 | Int(second), found)
            {
              return
            }
            previous = third
            start &+= 3
            continue
          }
        }
        let isAfterLetter = WordList.isLetter(previous)
        previous = raw
        start &+= 1
        // A UTF-8 continuation byte starts no word: two in three bytes of Chinese text.
        if raw & 0xC0 == 0x80 { continue }
        let byte = WordList.lowered(raw)
        if isAfterLetter, WordList.isLetter(byte) { continue }
        let at = start &- 1
        if filter.isWord(byte), !report(singles: byte, found) { return }
        guard start < count else { continue }
        let second = WordList.lowered(text[start])
        let third = start &+ 1 < count ? WordList.lowered(text[start &+ 1]) : nil
        guard filter.mayStart(byte, second, third) else { continue }
        if !compare(text, at: at, key: Int(byte) << 8 | Int(second), found) { return }
      }
    }
  }

  /// Reports the one-byte words that are `byte`; false when `found` says to stop.
  private func report(singles byte: UInt8, _ found: (Int) -> Bool) -> Bool {
    for slot in singleStarts[Int(byte)]..<singleStarts[Int(byte) + 1]
    where !found(singleItems[slot]) {
      return false
    }
    return true
  }

  /// Reports the longer words of bucket `key` that start at `start`; false when `found` says
  /// to stop.
  private func compare(
    _ text: UnsafeBufferPointer<UInt8>, at start: Int, key: Int, _ found: (Int) -> Bool
  ) -> Bool {
    for slot in pairStarts[key]..<pairStarts[key + 1] {
      let index = pairItems[slot]
      let wordStart = index == 0 ? 0 : ends[index - 1]
      let length = ends[index] - wordStart
      guard start + length <= text.count else { continue }
      var offset = 2
      while offset < length, WordList.lowered(text[start + offset]) == bytes[wordStart + offset] {
        offset += 1
      }
      if offset >= length, !found(index) { return false }
    }
    return true
  }

  /// ASCII upper case to lower case; every other byte as it is.
  public static func lowered(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte | 0x20 : byte
  }

  public static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) &- 0x61 < 26
  }
}
