import Foundation
import Glibc
import Testing

/// A pseudo-terminal opened by the test: the built `claims` runs on its far end (standard
/// input, output and error), and the test types on the near end and reads the screen.
///
/// Needs no package: `posix_openpt` and its kin come with the C library.
final class PseudoTerminal {
  /// The end the test holds: what is written here is typed, what is read here was shown.
  let primary: Int32
  /// The end the child process gets as its terminal.
  let secondary: Int32
  /// `TIOCSPTLCK` and `TIOCGPTN` from <asm-generic/ioctls.h> (`_IOW('T', 0x31, int)` and
  /// `_IOR('T', 0x30, unsigned int)`), which the Glibc module does not import; the same on
  /// x86-64 and arm64.
  static let unlockRequest: UInt = 0x4004_5431
  static let numberRequest: UInt = 0x8004_5430

  /// Everything shown so far.
  private(set) var transcript = ""
  private var bytes: [UInt8] = []

  init(columns: UInt16 = 80, rows: UInt16 = 24) throws {
    // What posix_openpt, unlockpt and ptsname do, spelled with the calls the Glibc module
    // exposes: open the multiplexer, unlock the new terminal, ask its number.
    primary = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    try #require(primary >= 0, "open /dev/ptmx: \(String(cString: strerror(errno)))")
    var unlock: Int32 = 0
    try #require(
      ioctl(primary, PseudoTerminal.unlockRequest, &unlock) == 0, "unlock the pseudo-terminal")
    var number: UInt32 = 0
    try #require(
      ioctl(primary, PseudoTerminal.numberRequest, &number) == 0, "number the pseudo-terminal")
    let name = "/dev/pts/\(number)"
    secondary = open(name, O_RDWR | O_NOCTTY)
    try #require(secondary >= 0, "open the pseudo-terminal's far end")
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(secondary, UInt(TIOCSWINSZ), &size)
  }

  deinit {
    close(primary)
    close(secondary)
  }

  /// Starts `claims arguments…` on the terminal, in `folder`; `ignoring` names signals (as
  /// `trap` does, `CHLD`) that bash ignores before it runs `claims`, which inherits that
  /// (dash does not ignore CHLD for its child).
  func start(
    _ arguments: [String], environment: [String: String], in folder: URL,
    ignoring: [String] = []
  ) throws -> Process {
    let process = Process()
    if ignoring.isEmpty {
      process.executableURL = try BuiltBinary.located()
      process.arguments = arguments
    } else {
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      let script = "trap '' \(ignoring.joined(separator: " ")); exec \"$0\" \"$@\""
      process.arguments = ["-c", script, try BuiltBinary.located().path] + arguments
    }
    var inherited = ProcessInfo.processInfo.environment.filter { $0.key == "PATH" }
    inherited.merge(environment) { $1 }
    process.environment = inherited
    process.currentDirectoryURL = folder
    let handle = FileHandle(fileDescriptor: secondary, closeOnDealloc: false)
    process.standardInput = handle
    process.standardOutput = handle
    process.standardError = handle
    // The child starts with no signal blocked, as a shell starts it: `Process` passes on the
    // mask of the thread that runs it, and the test's threads block them all.
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    var kept = sigset_t()
    pthread_sigmask(SIG_SETMASK, &unblocked, &kept)
    defer { pthread_sigmask(SIG_SETMASK, &kept, nil) }
    try process.run()
    return process
  }

  /// Types `text`.
  func type(_ text: String) {
    let data = Array(text.utf8)
    _ = data.withUnsafeBytes { write(primary, $0.baseAddress, $0.count) }
  }

  /// Reads what is shown until `text` appears (true) or `timeout` seconds pass (false).
  @discardableResult
  func wait(for text: String, timeout: Double = 20) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while !transcript.contains(text) {
      let left = deadline.timeIntervalSinceNow
      guard left > 0 else { return false }
      var poller = pollfd(fd: primary, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, Int32(min(left, 0.5) * 1000)) > 0 else { continue }
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = read(primary, &buffer, buffer.count)
      guard count > 0 else { return transcript.contains(text) }
      bytes += buffer[..<count]
      transcript = String(decoding: bytes, as: UTF8.self)
    }
    return true
  }

  /// Types `keys` once `prompt` has been shown since the last prompt answered.
  func answer(_ prompt: String, with keys: String) throws {
    try #require(wait(for: prompt), "never saw \(prompt.debugDescription) in:\n\(transcript)")
    consume(through: prompt)
    type(keys)
  }

  /// Forgets the transcript up to the end of the first `text`, so the next wait looks only at
  /// what came after it.
  func consume(through text: String) {
    guard let range = transcript.range(of: text) else { return }
    transcript = String(transcript[range.upperBound...])
    bytes = Array(transcript.utf8)
  }

  /// The terminal is back in its usual mode: lines, echo, and Ctrl-C as a signal.
  var isSane: Bool {
    var mode = termios()
    guard tcgetattr(secondary, &mode) == 0 else { return false }
    let wanted = tcflag_t(ICANON | ECHO | ISIG)
    return mode.c_lflag & wanted == wanted
  }
}

extension Process {
  /// Waits up to `timeout` seconds for the process to end; false if it is still running.
  func waitForExit(timeout: Double = 20) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while isRunning, Date() < deadline { usleep(20_000) }
    return !isRunning
  }
}
