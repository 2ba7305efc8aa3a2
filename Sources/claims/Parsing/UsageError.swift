/// A command line that cannot be run as typed; exits 2 with the command's usage line.
struct UsageError: Error, Equatable, CustomStringConvertible {
  var message: String
  /// The command whose usage line to show, when one was recognised.
  var command: String?

  init(_ message: String, command: String? = nil) {
    self.message = message
    self.command = command
  }

  var description: String { message }
}
