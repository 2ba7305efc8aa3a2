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
  /// Shows `prompt`, then reads a line typed and ended with Enter, without its newline; nil
  /// at the end of input. One call, so the terminal is in line mode before the prompt shows.
  func ask(_ prompt: String) -> String?
  /// `text` after the person edited it in their editor; nil when no editor is set or it failed.
  func edit(_ text: String) -> String?
  /// Puts the terminal back as the walk found it; called once, when the walk is over.
  func end()
}

extension Character {
  /// How a message names the key: quoted when it can be seen, else "that key" (Enter, Esc,
  /// an arrow, a control key).
  var keyName: String {
    isVisibleKey ? "'\(self)'" : "that key"
  }

  /// A key that prints as itself, so the walk can echo it.
  var isVisibleKey: Bool { isLetter || isNumber || isPunctuation || isSymbol }
}
