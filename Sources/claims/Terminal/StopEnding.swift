import ClaimLedger
import Foundation

/// Ends the process by a stop signal (Ctrl-C, `kill`) that came while it ran, once what the
/// command did is said: a shell or a supervisor then sees why it ended (130, 143), and a
/// person sees whether the write stands.
enum StopEnding {
  /// A stop that undid the command's write (`result.stopSignal`, whose message is out), or one
  /// that came while the ledger was held and was kept (`takeDeferredStop`): after a write
  /// that succeeded the process says it stands before it ends; after a refusal, its error said
  /// all. Output is printed before with the signals let through, so a stuck reader of it
  /// cannot keep a stop waiting.
  static func endIfAsked(after result: CLI.Result) {
    guard let stop = result.stopSignal ?? StopSignalHold.takeDeferredStop() else { return }
    if result.stopSignal == nil, result.status == .success {
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
