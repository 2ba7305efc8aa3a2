import Foundation

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
  /// `text` after the person edited it in their editor, or why there is none.
  func edit(_ text: String) -> Result<String, EditFailure>
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

/// Why the editor gave back no form; the walk says so and goes on with the claim unchanged.
enum EditFailure: Error, Equatable {
  /// Neither `VISUAL` nor `EDITOR` is set.
  case noEditor
  /// The form's file could not be written for the editor.
  case formNotWritten(path: String, reason: String)
  /// The form's file could not be read back once the editor ended.
  case formNotReadBack(path: String, reason: String)
  /// The shell that runs the editor could not be started.
  case notStarted(editor: String, reason: String)
  /// The editor ended with a failing status; the shell gives 127 for a command it did not
  /// find, 126 for one it could not run, and, when it ran the editor as its child, 128 and
  /// the number of a signal that ended it.
  case exited(editor: String, status: Int32, underShell: Bool)
  /// A signal ended the editor.
  case signalled(editor: String, signal: Int32)

  var message: String {
    switch self {
    case .noEditor:
      return "no editor: set VISUAL or EDITOR, or press e"
    case .formNotWritten(let path, let reason):
      return "the form could not be written to \(path) for the editor: \(reason); nothing changed"
    case .formNotReadBack(let path, let reason):
      return "the form could not be read back from \(path) after the editor: \(reason); "
        + "nothing changed"
    case .notStarted(let editor, let reason):
      return "the editor '\(editor)' could not be started: \(reason); nothing changed"
    case .exited(let editor, let status, _) where status == 126 || status == 127:
      return "the editor '\(editor)' could not be run (the shell's status \(status): "
        + (status == 127 ? "not found" : "not executable") + "); nothing changed"
    case .exited(let editor, let status, true) where (129...192).contains(status):
      return "the editor '\(editor)' ended with status \(status), which is how the shell "
        + "reports signal \(status - 128) (\(Self.name(of: status - 128))); nothing changed"
    case .exited(let editor, let status, _):
      return "the editor '\(editor)' exited with status \(status); nothing changed"
    case .signalled(let editor, let signal):
      return "the editor '\(editor)' was ended by signal \(signal) (\(Self.name(of: signal))); "
        + "nothing changed"
    }
  }

  private static func name(of signal: Int32) -> String {
    String(cString: strsignal(signal))
  }
}
