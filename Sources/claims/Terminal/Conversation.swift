/// The back-and-forth of `review` and `due --resolve`: text out, keys and lines in.
///
/// The real one talks to the terminal (`TerminalConversation`); tests feed a scripted one, so
/// the walks run in-process with no terminal at all. Input is a stream of characters: a key is
/// one character, a line ends with a newline, as a terminal sends them.
protocol Conversation: AnyObject, Sendable {
  /// Shows `text` at once (no newline is added).
  func write(_ text: String)
  /// The next key pressed, without waiting for Enter where the terminal allows it; nil at the
  /// end of input.
  func readKey() -> Character?
  /// A line typed and ended with Enter, without its newline; nil at the end of input.
  func readLine() -> String?
  /// `text` after the person edited it in their editor; nil when no editor is set or it failed.
  func edit(_ text: String) -> String?
}

extension Conversation {
  /// Shows `prompt` and reads a line.
  func ask(_ prompt: String) -> String? {
    write(prompt)
    return readLine()
  }
}
