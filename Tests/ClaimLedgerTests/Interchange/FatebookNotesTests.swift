import Testing

@testable import ClaimLedger

@Suite struct FatebookNotesTests {
  /// Every field written reads back as it was, whatever backslashes and line breaks it holds.
  @Test func notesReadBackWhatWasWritten() {
    var generator = SystemRandomNumberGenerator()
    let pieces = ["a", "\\", "\n", "\r", "\r\n", "\\n", "source: x", "：", "😀", " ", "n", ";"]
    func text() -> String {
      (0..<Int.random(in: 1...8, using: &generator)).map { _ in
        pieces.randomElement(using: &generator) ?? ""
      }.joined()
    }
    for _ in 0..<500 {
      var notes = FatebookNotes()
      notes.source = text()
      notes.id = Bool.random(using: &generator) ? "0123456789" : nil
      notes.via = Bool.random(using: &generator) ? text() : nil
      notes.hedge = Bool.random(using: &generator) ? text() : nil
      notes.deadlineText = Bool.random(using: &generator) ? text() : nil
      notes.isConditional = Bool.random(using: &generator)
      notes.reason = Bool.random(using: &generator) ? text() : nil
      notes.quote = Bool.random(using: &generator) ? text() : nil
      notes.evidence = Bool.random(using: &generator) ? text() : nil
      notes.isPartial = Bool.random(using: &generator)
      notes.note = Bool.random(using: &generator) ? text() : nil
      #expect(FatebookNotes(reading: notes.text) == notes, "\(notes.text.debugDescription)")
    }
  }

  /// Notes typed in Fatebook keep every line that is not one of the known fields, in order,
  /// with backslashes as typed.
  @Test func linesOfNoKnownFieldAreTheNote() {
    let notes = FatebookNotes(
      reading: "Checked twice\nsource: Ming-Chi Kuo\nto do: look again\r\nC:\\temp\\n")
    #expect(notes.source == "Ming-Chi Kuo")
    #expect(notes.note == "Checked twice\nto do: look again\nC:\\temp\\n")
  }
}

extension FatebookNotesTests {
  /// Notes a person typed keep their `url:` or `quote:` lines as notes; only notes shaped as an
  /// export (opening with the source line) carry those fields.
  @Test func typedNotesKeepFieldLikeLinesAsNotes() {
    let typed = FatebookNotes(reading: "url: see the thread\nquote: a line I liked")
    #expect(typed.url == nil && typed.quote == nil)
    #expect(typed.note == "url: see the thread\nquote: a line I liked")
    let exported = FatebookNotes(reading: "source: Kuo\nsaid: unknown\nurl: https://x.com/a")
    #expect(exported.url == "https://x.com/a")
    #expect(exported.hasNoSaidDate)
    let typedKeys = FatebookNotes(reading: "id: 42\nreason: rain\nconditional: true\nhedge: x")
    #expect(typedKeys.id == nil && typedKeys.reason == nil && typedKeys.hedge == nil)
    #expect(!typedKeys.isConditional)
    #expect(typedKeys.note == "id: 42\nreason: rain\nconditional: true\nhedge: x")
  }
}
