import Foundation

/// Holds back the signals that ask a process to stop (Ctrl-C's SIGINT, `kill`'s and
/// `timeout`'s SIGTERM, a closed terminal's SIGHUP, SIGQUIT) while a file is written, so a stop
/// asked for meanwhile undoes the write before the process stops instead of leaving part of it:
/// a torn ledger line, half an import, a temporary file.
///
/// Only the calling thread's mask changes, from `init` to `deinit`, which must run on the same
/// thread. Dispatch's worker threads keep every such signal blocked, so a signal sent to the
/// process waits for `takeStop()` or the end of the hold. A signal the process ignores
/// (`nohup`, `trap '' TERM`, a script's background job) or that a parent blocked (on the main
/// thread, when its first hold begins) is left as it is: it must not become a stop. Holds nest
/// on a thread: the inner ones hold what the outermost holds, and the innermost takes the
/// signal, so the write nearest to it is undone.
///
/// A stop that comes after the last look (the write is whole and synced by then) is taken when
/// the outermost hold ends and kept for `takeDeferredStop()`: the process then says what it did
/// and ends by the signal, rather than dying before it can say that its write was recorded.
public final class StopSignalHold {
  /// The signals whose default action ends the process and that a person or a supervisor sends
  /// to ask for it.
  public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

  /// The signals this thread's holds hold: those of `signals` neither ignored nor blocked
  /// when the outermost began.
  private let held: sigset_t
  private var previous = sigset_t()
  private let isOutermost: Bool

  public init() {
    if let outer = Self.threadHolds {
      outer.depth += 1
      held = outer.held
      isOutermost = false
    } else {
      // On the main thread a signal blocked already is a parent's doing, inherited through
      // exec; Dispatch's threads block every signal themselves, which says nothing of that.
      var current = sigset_t()
      pthread_sigmask(SIG_BLOCK, nil, &current)
      let isMain = Thread.isMainThread
      var chosen = sigset_t()
      sigemptyset(&chosen)
      for signal in Self.signals
      where !Self.isIgnored(signal) && !(isMain && sigismember(&current, signal) == 1) {
        sigaddset(&chosen, signal)
      }
      held = chosen
      isOutermost = true
      Self.threadHolds = ThreadHolds(held: chosen)
    }
    var blocking = held
    pthread_sigmask(SIG_BLOCK, &blocking, &previous)
  }

  /// Lets the signals through again. The outermost hold first takes a stop that came after the
  /// last look, for `takeDeferredStop()`.
  deinit {
    if isOutermost {
      if let signal = takeStop() { Self.deferred.keep(signal) }
      Self.threadHolds = nil
    } else {
      Self.threadHolds?.depth -= 1
    }
    pthread_sigmask(SIG_SETMASK, &previous, nil)
  }

  /// A stop signal sent since the hold began, taken so it is not delivered; nil when none was.
  public func takeStop() -> Int32? {
    var set = held
    var now = timespec(tv_sec: 0, tv_nsec: 0)
    while true {
      let signal = sigtimedwait(&set, nil, &now)
      if signal > 0 { return signal }
      guard errno == EINTR else { return nil }
    }
  }

  /// The first stop that came after a write was whole, taken when its hold ended; nil when
  /// none did. Taking it clears it.
  public static func takeDeferredStop() -> Int32? {
    deferred.take()
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

  /// Whether the process ignores `signal` (`SIG_IGN`).
  public static func isIgnored(_ signal: Int32) -> Bool {
    var action = sigaction()
    guard sigaction(signal, nil, &action) == 0 else { return false }
    return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == 1
  }

  /// The holds open on one thread: how deep they nest, and what the outermost holds.
  private final class ThreadHolds {
    var depth = 1
    let held: sigset_t

    init(held: sigset_t) {
      self.held = held
    }
  }

  private static let threadKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()

  /// This thread's holds, kept in thread-specific data: set by the outermost, cleared when it
  /// ends.
  private static var threadHolds: ThreadHolds? {
    get {
      pthread_getspecific(threadKey).map {
        Unmanaged<ThreadHolds>.fromOpaque($0).takeUnretainedValue()
      }
    }
    set {
      if let old = pthread_getspecific(threadKey) {
        Unmanaged<ThreadHolds>.fromOpaque(old).release()
      }
      pthread_setspecific(threadKey, newValue.map { Unmanaged.passRetained($0).toOpaque() })
    }
  }

  /// The stop kept for `takeDeferredStop()`, shared by every thread.
  private static let deferred = DeferredStop()

  private final class DeferredStop: @unchecked Sendable {
    private let lock = NSLock()
    private var signal: Int32?

    func keep(_ signal: Int32) {
      lock.withLock { self.signal = self.signal ?? signal }
    }

    func take() -> Int32? {
      lock.withLock {
        defer { signal = nil }
        return signal
      }
    }
  }
}
