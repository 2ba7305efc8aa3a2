import ClaimLedger
import Foundation

/// Ends the process by a stop signal (Ctrl-C, `kill`) that came while it ran, once what the
/// command did is said: a shell or a supervisor then sees why it ended (130, 143), and a
/// person sees whether the write stands.
enum StopEnding {
  /// A stop that undid the command's write (`result.stopSignal`, whose message is out), or one
  /// that came after the write was whole, which the process says before it ends.
  static func endIfAsked(after result: CLI.Result, hold: StopSignalHold) {
    guard let stop = result.stopSignal ?? StopSignalHold.takeDeferredStop() ?? hold.takeStop()
    else { return }
    if result.stopSignal == nil {
      let note =
        "claims: stopped by \(StopSignalHold.name(of: stop)) after the command was carried "
        + "out; what it did stands\n"
      _ = StandardStreams.writeAll(Array(note.utf8), to: STDERR_FILENO)
    }
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, stop)
    signal(stop, SIG_DFL)
    sigprocmask(SIG_UNBLOCK, &signals, nil)
    raise(stop)
  }
}
