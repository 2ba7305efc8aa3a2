extension SpeakerFinder {
  /// The speakers of a section's sentences, each found once however many later sentences look
  /// back at it.
  struct Memo {
    private var found: [Int: Found?] = [:]
    private var sentences: [Int: [Range<Int>]] = [:]
    private var mentions: [Int: [String]] = [:]

    /// Which names a sentence's mentions are asked for.
    enum Mentioned: Int {
      case people, bodies, knownPeople
    }

    init() {}

    /// The sentences of line `line`, `bytes`, split once.
    mutating func sentences(line: Int, _ bytes: [UInt8]) -> [Range<Int>] {
      if let known = sentences[line] { return known }
      let ranges = bytes.withUnsafeBufferPointer { SentenceSplitter.sentences(in: $0) }
      sentences[line] = ranges
      return ranges
    }

    /// The names of kind `kind` the sentence starting at byte `start` of line `line` mentions,
    /// from `find` the first time they are asked.
    mutating func mentions(line: Int, start: Int, kind: Mentioned, _ find: () -> [String])
      -> [String]
    {
      let key = (line << 32 | start) << 2 | kind.rawValue
      if let known = mentions[key] { return known }
      let names = find()
      mentions[key] = names
      return names
    }

    /// The speaker of the sentence starting at byte `start` of line `line`, from `find` the
    /// first time it is asked.
    mutating func speaker(line: Int, start: Int, _ find: () -> Found?) -> Found? {
      let key = line << 32 | start
      if let known = found[key] { return known }
      let speaker = find()
      found[key] = speaker
      return speaker
    }
  }
}
