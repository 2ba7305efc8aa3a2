import ClaimReports
import Testing

@testable import claims

/// What the walks and `show` print of a claim's words: no control character the terminal
/// would act on, but the walks' own colours.
@Suite struct VisibleTextTests {
  @Test func lineBreaksBecomeNewlinesAndOtherControlsReplacementCharacters() {
    #expect(DisplayWidth.visible("a\rb\r\nc\u{0B}d\u{85}e") == "a\nb\nc\nd\ne")
    #expect(DisplayWidth.visible("clear\u{1B}[2J\u{07}\tok") == "clear\u{FFFD}[2J\u{FFFD}\tok")
    #expect(DisplayWidth.visible("plain 中文") == "plain 中文")
  }

  @Test func aCardShowsTheWordsVisibleAndKeepsItsOwnPaint() {
    let terminal = Terminal(isInteractive: true, usesColour: true, width: 80)
    let card = ClaimCard(width: 80, terminal: terminal)
    let words = card.paragraph("OpenAI will NOT launch\rOpenAI launches \u{1B}[2J")
    #expect(words == "  OpenAI will NOT launch\n  OpenAI launches \u{FFFD}[2J\n")
    let bold = terminal.paint("the quote", .bold)
    #expect(card.paragraph(painted: "said " + bold) == "  said \(bold)\n")
    #expect(bold.contains("\u{1B}["))
  }
}
