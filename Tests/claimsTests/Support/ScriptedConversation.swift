import Foundation

@testable import claims

/// A conversation fed a fixed stream of keys and lines, as a person would type them: a key is
/// one character, a line ends with "\n". Records everything the walk shows.
final class ScriptedConversation: Conversation, @unchecked Sendable {
  private let lock = NSLock()
  private var input: [Character]
  private var shown = ""
  /// What the "editor" makes of the form; nil means no editor is set.
  private let editor: (@Sendable (String) -> String?)?

  init(_ input: String, editor: (@Sendable (String) -> String?)? = nil) {
    self.input = Array(input)
    self.editor = editor
  }

  /// Everything written so far.
  var output: String {
    lock.withLock { shown }
  }

  /// What was left unread when the walk ended.
  var unread: String {
    lock.withLock { String(input) }
  }

  func write(_ text: String) {
    lock.withLock { shown += text }
  }

  func readKey() -> Character? {
    lock.withLock { input.isEmpty ? nil : input.removeFirst() }
  }

  func ask(_ prompt: String) -> String? {
    write(prompt)
    return lock.withLock {
      guard !input.isEmpty else { return nil }
      guard let end = input.firstIndex(of: "\n") else {
        defer { input.removeAll() }
        return String(input)
      }
      defer { input.removeSubrange(...end) }
      return String(input[..<end])
    }
  }

  func edit(_ text: String) -> Result<String, EditFailure> {
    guard let editor else { return .failure(.noEditor) }
    return editor(text).map { .success($0) }
      ?? .failure(.exited(editor: "scripted", status: 1, underShell: false))
  }

  func end() {}

  /// A terminal of `width` columns, without colour, that talks through this conversation.
  func terminal(width: Int = 80) -> Terminal {
    Terminal(
      isInteractive: true, usesColour: false, width: width, conversation: { self })
  }
}
