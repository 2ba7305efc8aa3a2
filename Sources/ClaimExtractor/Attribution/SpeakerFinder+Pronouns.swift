/// Who "he", "she" or 他 is: the speaker, or else the person, named last before it.
extension SpeakerFinder {
  /// The speaker last named before byte `offset` of line `index`, looking back at most three
  /// lines: who "he" or "他" is.
  func lastNamed(in lines: [TextLine], before index: Int, offset: Int) -> String? {
    lastSpeaker(in: lines, before: index, offset: offset)
      ?? lastPerson(in: lines, before: index, offset: offset)
  }

  func lastSpeaker(in lines: [TextLine], before index: Int, offset: Int) -> String? {
    for lineIndex in stride(from: index, through: max(0, index - 3), by: -1) {
      var text = lines[lineIndex].text
      let named: String? = text.withUTF8 { buffer in
        let limit = lineIndex == index ? offset : buffer.count
        for range in SentenceSplitter.sentences(in: buffer).reversed()
        where range.upperBound <= limit {
          let sentence = String(
            decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
          if case .name(let name) = speaker(in: sentence) { return name }
        }
        return nil
      }
      if let named { return named }
    }
    return nil
  }

  /// The person the lexicon knows who was named last before the pronoun, speaking or not
  /// ("马化腾的姿态…。不过，他也表示…").
  func lastPerson(in lines: [TextLine], before index: Int, offset: Int) -> String? {
    for lineIndex in stride(from: index, through: max(0, index - 3), by: -1) {
      let line = lines[lineIndex].text
      let limit = lineIndex == index ? offset : line.utf8.count
      let person = lexicon.entities(in: line).last {
        $0.utf8Offset < limit && lexicon.people.contains($0.canonical)
      }
      if let person { return person.canonical }
    }
    return nil
  }
}
