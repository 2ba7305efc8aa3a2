import Foundation

/// What the commands know of the screen they print to.
struct Terminal: Sendable {
  /// Standard output is a terminal (not a pipe or a file).
  var isInteractive: Bool
  /// Colour is wanted: see `wantsColour(interactive:environment:)`.
  var usesColour: Bool
  /// Columns available, when known; tables are cut to it.
  var width: Int?
  /// Shows a passing progress line ("[3/40] file.md") on standard error when that is a
  /// terminal; nil where nobody watches.
  var progress: (@Sendable (String) -> Void)? = nil
  /// Where long output is written as it is made; nil collects it into the command's text.
  var output: StandardOutput? = nil
  /// The descriptor `import -` reads: the process's standard input, or in tests a pipe's end;
  /// nil where there is none to read.
  var input: Int32? = nil
  /// Starts the back-and-forth of `review` and `due --resolve`; nil when standard input or
  /// output is not a terminal, and the commands list instead. Made on demand, because the
  /// real one changes the terminal's mode and installs a Ctrl-C handler.
  var conversation: (@Sendable () -> any Conversation)? = nil

  /// A pipe or file: no colour, and no cutting unless a test asks for a width.
  static func plain(width: Int? = nil) -> Terminal {
    Terminal(isInteractive: false, usesColour: false, width: width)
  }

  /// The process's real standard output, as the environment describes it.
  static func standard(environment: [String: String]) -> Terminal {
    let interactive = isatty(STDOUT_FILENO) == 1
    // `COLUMNS` sizes a terminal only: piped output is never cut, even where a shell exports
    // the variable.
    var width = interactive ? environment["COLUMNS"].flatMap(Int.init) : nil
    if width == nil, interactive {
      var size = winsize()
      if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
        width = Int(size.ws_col)
      }
    }
    let colour = wantsColour(interactive: interactive, environment: environment)
    let progress: (@Sendable (String) -> Void)? =
      isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb"
      ? { @Sendable line in
        // \r and "erase to end of line" redraw the one line in place; an empty line clears it.
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
      } : nil
    let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }
      .first { $0.contains { !$0.isWhitespace } }
    let conversation: (@Sendable () -> any Conversation)? =
      interactive && isatty(STDIN_FILENO) == 1
      ? { @Sendable () -> any Conversation in TerminalConversation(editor: editor) } : nil
    return Terminal(
      isInteractive: interactive, usesColour: colour, width: width, progress: progress,
      output: .shared, input: STDIN_FILENO, conversation: conversation)
  }

  /// Colour only on a terminal that draws it: never with `NO_COLOR` set to anything but
  /// empty (no-color.org), nor on `TERM=dumb`, which prints escape codes as text.
  static func wantsColour(interactive: Bool, environment: [String: String]) -> Bool {
    let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    return interactive && !noColour && environment["TERM"] != "dumb"
  }

  enum Colour: String {
    case red = "31"
    case green = "32"
    case yellow = "33"
    case dim = "2"
    case bold = "1"
  }

  /// `text` in `colour` when colour is on, else as is.
  func paint(_ text: String, _ colour: Colour) -> String {
    usesColour ? "\u{1B}[\(colour.rawValue)m" + text + "\u{1B}[0m" : text
  }
}
