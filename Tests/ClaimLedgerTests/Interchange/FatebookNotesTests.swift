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
      notes.via = Bool.random(using: &generator) ? text() : nil
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
