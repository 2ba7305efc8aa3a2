import Testing

@testable import claims

@Suite struct TerminalTests {
  @Test func plainTerminalPaintsNothing() {
    #expect(Terminal.plain().paint("overdue", .red) == "overdue")
    #expect(Terminal.plain().width == nil)
  }

  @Test func colourTerminalWrapsInEscapeCodes() {
    let terminal = Terminal(isInteractive: true, usesColour: true, width: 80)
    #expect(terminal.paint("overdue", .red) == "\u{1B}[31moverdue\u{1B}[0m")
  }

  @Test(arguments: [
    ([:], true), (["NO_COLOR": ""], true), (["TERM": "xterm-256color"], true),
    (["NO_COLOR": "1"], false), (["TERM": "dumb"], false),
  ])
  func colourOnATerminalThatDrawsIt(environment: [String: String], wanted: Bool) {
    #expect(Terminal.wantsColour(interactive: true, environment: environment) == wanted)
    #expect(!Terminal.wantsColour(interactive: false, environment: environment))
  }

  @Test func standardTerminalReadsTheEnvironment() {
    // The test runner's standard output is not a terminal, so there is never colour here,
    // and `COLUMNS` does not cut piped output.
    let terminal = Terminal.standard(environment: ["COLUMNS": "77", "NO_COLOR": "1"])
    #expect(!terminal.usesColour)
    #expect(terminal.width == nil)
  }
}
