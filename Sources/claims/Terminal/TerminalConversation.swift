import ClaimLedger
import Foundation

/// The saved terminal mode, for the stop signals' handler; a C signal handler can capture
/// nothing.
nonisolated(unsafe) private var savedMode = termios()
nonisolated(unsafe) private var hasSavedMode = false
/// What the handler writes, set aside beforehand: a handler may not allocate.
nonisolated(unsafe) private var newline = UInt8(ascii: "\n")
/// The thread the walk runs on, which holds the stop signals while it writes the ledger.
nonisolated(unsafe) private var walkThread = pthread_self()
/// The editor while it runs, and the file it edits, which a stop ends and removes with the
/// walk.
nonisolated(unsafe) private var runningEditor: pid_t = 0
nonisolated(unsafe) private var editedFile: UnsafeMutablePointer<CChar>?

/// Puts the terminal back as it was found, then ends the process by `stop` as if no handler
/// had taken it, so the caller (a shell, a script's loop) sees why it ended. Uses only calls
/// that are safe in a signal handler.
///
/// Taken on another thread, which blocks no signal, it passes the signal on to the walk's,
/// where a write under way holds it and takes its lines back before the process ends.
private func restoreTerminalAndEnd(by stop: Int32) {
  if pthread_equal(pthread_self(), walkThread) == 0 {
    pthread_kill(walkThread, stop)
    return
  }
  endEditor(by: stop)
  if hasSavedMode { tcsetattr(STDIN_FILENO, TCSANOW, &savedMode) }
  _ = Glibc.write(STDOUT_FILENO, &newline, 1)
  signal(stop, SIG_DFL)
  // Delivered once the handler returns, when the signal is no longer blocked.
  raise(stop)
}

/// Passes `stop` on to the editor, if one runs, and gives it a few seconds to put the terminal
/// back and end, so it is not left behind reading keys from the shell that gets the terminal
/// back; then removes the file it edited. Safe in a signal handler.
private func endEditor(by stop: Int32) {
  guard runningEditor > 0 else { return }
  kill(runningEditor, stop)
  var pause = timespec(tv_sec: 0, tv_nsec: 20_000_000)
  for _ in 0..<150 where waitpid(runningEditor, nil, WNOHANG) == 0 {
    nanosleep(&pause, nil)
  }
  runningEditor = 0
  if let editedFile { unlink(editedFile) }
}

/// Takes a Ctrl-C or Ctrl-\ meant for the editor and does nothing: a handler, unlike
/// `SIG_IGN`, is not passed on to the editor, which gets the keys with their usual meaning.
private func waitOut(_ signal: Int32) {}

/// A conversation on the process's terminal: keys read in cbreak mode, lines in the usual mode.
///
/// From the start of the walk to its end, canonical mode, echo and signals are off, so keys
/// arrive without Enter and Ctrl-C arrives as a byte (the walk quits cleanly), even when
/// typed while a card is still being drawn. While a line is read, or the editor runs, the
/// terminal is back in its usual mode (line editing, echo, Ctrl-C as a signal). A stop signal
/// (Ctrl-C or Ctrl-\ then, `kill`, a closed terminal) restores the saved mode before the
/// process ends by it, so the shell is not left without echo. Where the mode cannot be
/// changed, keys are read as lines: the first character of the line is the key.
final class TerminalConversation: Conversation, @unchecked Sendable {
  private let input: Int32 = STDIN_FILENO
  private let isRaw: Bool
  /// The editor command from `VISUAL` or `EDITOR`, run through the shell.
  private let editor: String?

  init(editor: String?) {
    self.editor = editor
    var mode = termios()
    if tcgetattr(STDIN_FILENO, &mode) == 0 {
      savedMode = mode
      hasSavedMode = true
      walkThread = pthread_self()
      isRaw = true
      // A parent may have blocked Ctrl-C; typed at a line prompt, it should still end the walk.
      var signals = sigset_t()
      sigemptyset(&signals)
      sigaddset(&signals, SIGINT)
      sigprocmask(SIG_UNBLOCK, &signals, nil)
      // One the caller ignores (`nohup`) stays ignored.
      for stop in StopSignalHold.signals where !StopSignalHold.isIgnored(stop) {
        signal(stop) { restoreTerminalAndEnd(by: $0) }
      }
      enterKeyMode()
    } else {
      isRaw = false
    }
  }

  deinit {
    restore()
  }

  func end() {
    restore()
  }

  /// Canonical mode, echo and signals off; a read waits for `minimum` bytes, or `tenths` of a
  /// second when `minimum` is 0.
  private func enterKeyMode(minimum: UInt8 = 1, tenths: UInt8 = 0) {
    guard isRaw else { return }
    var mode = savedMode
    mode.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
    mode.c_cc.6 = minimum  // VMIN
    mode.c_cc.5 = tenths  // VTIME
    tcsetattr(input, TCSANOW, &mode)
  }

  /// Puts the terminal back as it was found.
  func restore() {
    if hasSavedMode { tcsetattr(input, TCSANOW, &savedMode) }
  }

  func write(_ text: String) {
    var bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeMutableBufferPointer { buffer in
        Glibc.write(STDOUT_FILENO, buffer.baseAddress.map { $0 + written }, buffer.count - written)
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return }
      written += count
    }
    bytes.removeAll()
  }

  func readKey() -> Character? {
    guard isRaw else { return ask("").map { $0.first ?? "\n" } }
    guard let first = readByte() else { return nil }
    if first == 0x1B {
      // An arrow or function key sends ESC and a few more bytes at once: drop them, so one
      // key press is one key.
      enterKeyMode(minimum: 0, tenths: 1)
      while readByte() != nil {}
      enterKeyMode()
      return "\u{1B}"
    }
    // The rest of a UTF-8 character arrives with its first byte.
    let length =
      first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
    var bytes = [first]
    while bytes.count < length, let next = readByte() { bytes.append(next) }
    return String(decoding: bytes, as: UTF8.self).first
  }

  func ask(_ prompt: String) -> String? {
    restore()
    defer { enterKeyMode() }
    write(prompt)
    var bytes: [UInt8] = []
    while let byte = readByte() {
      if byte == 10 { return String(decoding: bytes, as: UTF8.self) }
      bytes.append(byte)
    }
    return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
  }

  func edit(_ text: String) -> Result<String, EditFailure> {
    guard let editor, editor.contains(where: { !$0.isWhitespace }) else {
      return .failure(.noEditor)
    }
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("claims-review-\(getpid()).txt").path
    // Known to the stop handler before the file exists, so a stop at any moment removes it.
    editedFile = strdup(path)
    defer {
      unlink(path)
      // Out of the handler's sight before it is freed.
      let file = editedFile
      editedFile = nil
      free(file)
    }
    if let code = Self.write(text, to: path) {
      return .failure(.formNotWritten(path: path, reason: String(cString: strerror(code))))
    }
    restore()
    defer { enterKeyMode() }
    // Ctrl-C and Ctrl-\ typed in the editor reach every process on the terminal: they are
    // the editor's, and this process waits them out, as git does.
    // And a parent's SIGCHLD ignored would reap the editor before `waitpid` sees it end.
    let kept =
      [SIGINT, SIGQUIT].map { ($0, signal($0, waitOut)) } + [(SIGCHLD, signal(SIGCHLD, SIG_DFL))]
    defer { for (number, handler) in kept { signal(number, handler) } }
    let script = EditorProcess.script(editor)
    switch EditorProcess.run(
      ["/bin/sh", "-c", script.words, "sh", path], started: { runningEditor = $0 })
    {
    case .exited(0): break
    case .exited(let status):
      return .failure(.exited(editor: editor, status: status, underShell: !script.replacesShell))
    case .signalled(let signal): return .failure(.signalled(editor: editor, signal: signal))
    case .notStarted(let code):
      return .failure(.notStarted(editor: editor, reason: String(cString: strerror(code))))
    }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      return .failure(.formNotReadBack(path: path, reason: String(cString: strerror(errno))))
    }
    defer { close(descriptor) }
    switch StreamBytes.readAll(descriptor, limit: 1 << 24) {
    case .success(let bytes): return .success(String(decoding: bytes, as: UTF8.self))
    case .failure(let failure):
      return .failure(.formNotReadBack(path: path, reason: failure.reason))
    }
  }

  /// Writes the form for the editor, readable by its owner only; the error number, or nil.
  private static func write(_ text: String, to path: String) -> Int32? {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return errno }
    defer { close(descriptor) }
    return StandardStreams.writeAll(Array(text.utf8), to: descriptor)
  }

  private func readByte() -> UInt8? {
    var byte: UInt8 = 0
    while true {
      let count = Glibc.read(input, &byte, 1)
      if count == 1 { return byte }
      if count < 0, errno == EINTR { continue }
      return nil
    }
  }
}

/// The editor, started with `posix_spawn` and waited for on this thread.
///
/// Foundation's `Process` would leave threads behind that block no signal, where a stop meant
/// for a later write could land; and it passes on the signals this process ignores.
enum EditorProcess {
  /// The shell's words that run `editor` on the file named by `$1` ("$1" keeps a path with
  /// spaces whole; the editor command may carry its own options and, first, variables to set),
  /// and whether they replace the shell with the editor, so the process started is the editor
  /// itself, which a stop then reaches. They do for a plain command: words the shell reads
  /// as written, naming a program on disk (not a builtin such as `:`). Any other command is
  /// run as written.
  static func script(_ editor: String, path: String? = getenv("PATH").map { String(cString: $0) })
    -> (words: String, replacesShell: Bool)
  {
    let asWritten = (editor + " \"$1\"", false)
    let shellSyntax = Set("|&;<>()$`\\\"'*?[]{}#!\n".unicodeScalars)
    guard !editor.unicodeScalars.contains(where: { shellSyntax.contains($0) }) else {
      return asWritten
    }
    let words = editor.split { $0 == " " || $0 == "\t" }
    let settings = words.prefix(while: isAssignment)
    guard let program = words.dropFirst(settings.count).first,
      !settings.contains(where: { $0.hasPrefix("PATH=") }),
      isProgram(String(program), path: path)
    else { return asWritten }
    let rest = words.dropFirst(settings.count).joined(separator: " ")
    return ((settings + ["exec", Substring(rest)]).joined(separator: " ") + " \"$1\"", true)
  }

  /// `NAME=value`, which the shell reads as a variable to set for the command.
  private static func isAssignment(_ word: Substring) -> Bool {
    guard let equals = word.firstIndex(of: "=") else { return false }
    let name = word[..<equals].unicodeScalars
    let isLetter = { (scalar: Unicode.Scalar) in
      scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }
    guard let first = name.first, isLetter(first) else { return false }
    return name.allSatisfy { isLetter($0) || ("0"..."9").contains($0) }
  }

  /// Whether the shell would run `word` as a program on disk: a path (`~/` expands), or a
  /// name found on `path`.
  private static func isProgram(_ word: String, path: String?) -> Bool {
    if word.contains("/") { return true }
    return (path ?? "").split(separator: ":").contains { folder in
      access(String(folder) + "/" + word, X_OK) == 0
    }
  }

  /// How a process ended.
  enum Ending: Equatable {
    case exited(Int32)
    case signalled(Int32)
    /// It could not be started, or waited for, for the error number given.
    case notStarted(Int32)
  }

  /// Runs `arguments` (the program's path first) to its end. `started` is told the process's
  /// id before the wait.
  static func run(_ arguments: [String], started: (pid_t) -> Void = { _ in }) -> Ending {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // No signal blocked, and each the editor should meet with its usual meaning set so.
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for number in StopSignalHold.signals + [SIGXFSZ, SIGPIPE, SIGCHLD] {
      sigaddset(&defaults, number)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let words = arguments.map { strdup($0) } + [nil]
    defer { for word in words { free(word) } }
    var pid: pid_t = 0
    guard let program = arguments.first else { return .notStarted(ENOENT) }
    // A stop between the start and `started` would find no editor to pass itself on to.
    var stops = sigset_t()
    sigemptyset(&stops)
    for number in StopSignalHold.signals { sigaddset(&stops, number) }
    var before = sigset_t()
    pthread_sigmask(SIG_BLOCK, &stops, &before)
    let spawned = posix_spawn(&pid, program, nil, &attributes, words, environ)
    if spawned == 0 { started(pid) }
    pthread_sigmask(SIG_SETMASK, &before, nil)
    guard spawned == 0 else { return .notStarted(spawned) }
    defer { started(0) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { return .notStarted(errno) }
    }
    // Ended by a signal: the low seven bits name it; else the status is the next byte.
    return status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
  }
}
