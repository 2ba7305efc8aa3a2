import ClaimLedger
import Foundation

// A write past the file size limit then fails with EFBIG, which is reported like a full disk,
// instead of the signal killing the process in the middle of a ledger line.
signal(SIGXFSZ, SIG_IGN)
// Ctrl-\ quits, as it does `cat`: the Swift runtime takes SIGQUIT for a crash report, which
// on a terminal then waits for a key. A SIGQUIT the caller ignores stays ignored.
if !StopSignalHold.isIgnored(SIGQUIT) { signal(SIGQUIT, SIG_DFL) }
// A standard stream the caller closed (`>&-`) is taken by /dev/null, opened for reading: the
// ledger, opened later, can then never get its number and receive what was meant for the
// stream, and a write to the stream still fails (exit 74) as it would have.
for stream in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(stream, F_GETFD) == -1 {
  _ = open("/dev/null", O_RDONLY)
}
let environment = ProcessInfo.processInfo.environment
let result: CLI.Result
do throws(UsageError) {
  let arguments = try SystemText.arguments()
  // Help and the version open no file, so a working folder they cannot name is no matter.
  let folder =
    CLI.opensNoFile(arguments)
    ? (try? SystemText.workingDirectory()) ?? "/" : try SystemText.workingDirectory()
  result = CLI.run(
    arguments, environment: environment, workingDirectory: folder,
    terminal: .standard(environment: environment))
} catch {
  result = CLI.refusal(error)
}
let status = StandardStreams.write(result)
StopEnding.endIfAsked(after: result)
exit(status.rawValue)
