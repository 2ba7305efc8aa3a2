import Testing

@testable import ClaimLedger

@Suite struct FatebookNotesTests {
  /// Every field written reads back as it was, whatever backslashes and line breaks it holds.
  @Test func notesReadBackWhatWasWritten() {
    var generator = SystemRandomNumberGenerator()
    let pieces = [
      "a", "\\", "\n", "\r", "\r\n", "\\n", "source: x", "：", "😀", " ", "n", ";", "\u{301}",
    ]
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
      notes.status = ["proposed", "rejected", nil].randomElement(using: &generator) ?? nil
      notes.quote = Bool.random(using: &generator) ? text() : nil
      notes.evidence = Bool.random(using: &generator) ? text() : nil
      notes.isPartial = Bool.random(using: &generator)
      notes.note = Bool.random(using: &generator) ? text() : nil
      #expect(FatebookNotes(reading: notes.text) == notes, "\(notes.text.debugDescription)")
    }
  }

  /// Fatebook's spreadsheet import ends the notes with " Imported from your spreadsheet on
  /// …" on their last line: the fields read back as written, and that sentence is a note.
  @Test func fatebooksImportSentenceIsANoteApart() {
    var notes = FatebookNotes()
    notes.source = "Kuo"
    notes.id = "0123456789"
    notes.isConditional = true
    notes.evidence = "https://example.com/x"
    let sentence = "Imported from your spreadsheet on 2026-12-03 13:17:5."
    let read = FatebookNotes(reading: notes.text + " " + sentence)
    #expect(read.id == "0123456789")
    #expect(read.evidence == "https://example.com/x")
    #expect(read.isConditional)
    #expect(read.note == sentence)
    notes.note = "checked twice"
    #expect(
      FatebookNotes(reading: notes.text + " " + sentence).note == "checked twice\n" + sentence)
    // Notes that were empty hold the sentence alone.
    #expect(FatebookNotes(reading: " " + sentence).note == sentence)
    // A value that only quotes the words, with no time or no full stop after them, stays whole.
    for quote in [
      "He wrote: Imported from your spreadsheet on Monday",
      "Imported from your spreadsheet on 2024-01-01 by hand",
    ] {
      var quoted = FatebookNotes()
      quoted.source = "Kuo"
      quoted.quote = quote
      #expect(FatebookNotes(reading: quoted.text) == quoted)
    }
  }

  /// A percentage moves the point in the value's shortest digits, so reading it back (moving
  /// the point the other way) gives the same `Double`, every digit kept.
  @Test func aPercentageKeepsEveryDigit() {
    #expect(DecimalFormat.percent(0.7) == "70")
    #expect(DecimalFormat.percent(0.00001) == "0.001")
    #expect(DecimalFormat.percent(0.99999) == "99.999")
    #expect(DecimalFormat.percent(0.123456789) == "12.3456789")
    #expect(DecimalFormat.percent(1) == "100")
    #expect(DecimalFormat.percent(0) == "0")
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      let value = Double.random(in: 0...1, using: &generator)
      #expect(Double(DecimalFormat.percent(value) + "e-2") == value, "\(value)")
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
    // Only the statuses an export writes: any other line is a note typed since.
    let typedStatus = FatebookNotes(
      reading: "source: Kuo\nstatus: waiting for data\nstatus: Rejected")
    #expect(typedStatus.status == "rejected")
    #expect(typedStatus.note == "status: waiting for data")
    let typedKeys = FatebookNotes(
      reading: "id: 42\nreason: rain\nconditional: true\nhedge: x\nstatus: rejected")
    #expect(typedKeys.id == nil && typedKeys.reason == nil && typedKeys.hedge == nil)
    #expect(!typedKeys.isConditional && typedKeys.status == nil)
    #expect(typedKeys.note == "id: 42\nreason: rain\nconditional: true\nhedge: x\nstatus: rejected")
  }
}
