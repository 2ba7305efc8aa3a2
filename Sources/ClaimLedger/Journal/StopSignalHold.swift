import Foundation

/// Holds back the signals that ask a process to stop (Ctrl-C's SIGINT, `kill`'s and
/// `timeout`'s SIGTERM, a closed terminal's SIGHUP, SIGQUIT) while a file is written, so a stop
/// asked for meanwhile undoes the write before the process stops instead of leaving part of it:
/// a torn ledger line, half an import, a temporary file.
///
/// Only the calling thread's mask changes, from `init` to `deinit`, which must run on the same
/// thread. Dispatch's worker threads keep every such signal blocked, so a signal sent to the
/// process waits for `takeStop()` or the end of the hold. A signal the process ignores
/// (`nohup`) is never held. Holds nest: the innermost one takes the signal, so the write
/// nearest to it is undone first.
public final class StopSignalHold {
  /// The signals whose default action ends the process and that a person or a supervisor sends
  /// to ask for it.
  public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

  private var held = sigset_t()
  private var previous = sigset_t()

  public init() {
    sigemptyset(&held)
    for signal in Self.signals { sigaddset(&held, signal) }
    pthread_sigmask(SIG_BLOCK, &held, &previous)
  }

  /// Lets the signals through again: one not taken is delivered now, unless an outer hold (or
  /// the parent) blocked it before.
  deinit {
    pthread_sigmask(SIG_SETMASK, &previous, nil)
  }

  /// A stop signal sent since the hold began, taken so it is not delivered; nil when none was.
  public func takeStop() -> Int32? {
    var now = timespec(tv_sec: 0, tv_nsec: 0)
    while true {
      let signal = sigtimedwait(&held, nil, &now)
      if signal > 0 { return signal }
      guard errno == EINTR else { return nil }
    }
  }

  /// The signal as a person knows it: "SIGINT (Ctrl-C)".
  public static func name(of signal: Int32) -> String {
    switch signal {
    case SIGINT: "SIGINT (Ctrl-C)"
    case SIGTERM: "SIGTERM"
    case SIGHUP: "SIGHUP (the terminal closed)"
    case SIGQUIT: "SIGQUIT"
    default: "signal \(signal)"
    }
  }
}
