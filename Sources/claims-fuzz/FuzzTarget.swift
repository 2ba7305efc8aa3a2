import ClaimExtractor
import ClaimLedger

/// One parser the fuzzer feeds arbitrary bytes to. Every target must return for any input,
/// quickly and without crashing; a thrown error is a correct answer to bad input.
enum FuzzTarget: String, CaseIterable, Sendable {
  /// The strict journal reader, then the fold and the checks on whatever it accepted.
  case ledger
  /// The front-matter reader: the input follows an opening `---` fence.
  case frontmatter
  /// The command-line parser of every command; the words are separated by NUL bytes.
  case arguments
  /// The whole extraction pipeline on the input as an article.
  case extractor
  /// The journal reader with a planted bug: a valid journal holding the bytes `BOOM` crashes.
  /// `.ci/fuzz --control` requires the fuzzer to find it; one that cannot has lost its
  /// coverage feedback, and its clean runs would prove nothing.
  case control

  /// Runs the input through the target; the result only keeps the work from being optimised away.
  @discardableResult
  func run(_ bytes: [UInt8]) -> Int {
    switch self {
    case .ledger:
      guard let journal = FuzzTarget.journal(bytes) else { return 0 }
      let ledger = Ledger(journal: journal, path: "fuzz.jsonl")
      return ledger.records.count + LedgerCheck.issues(in: ledger, today: FuzzTarget.today).count
    case .frontmatter:
      let document = Result { () throws(ExtractionError) -> Document in
        try DocumentReader.read(Array("---\n".utf8) + bytes, path: "fuzz.md")
      }
      return (try? document.get())?.sections.count ?? 0
    case .arguments:
      let words = bytes.split(separator: 0, omittingEmptySubsequences: false).map {
        String(decoding: $0, as: UTF8.self)
      }
      return ArgumentProbe.parseForEveryCommand(words)
    case .control:
      guard let journal = FuzzTarget.journal(bytes), !journal.entries.isEmpty else { return 0 }
      let needle = Array("BOOM".utf8)
      for start in bytes.indices where bytes[start...].starts(with: needle) {
        fatalError("the planted bug of the control target")
      }
      return journal.entries.count
    case .extractor:
      let proposals = Result { () throws(ExtractionError) -> [Proposal] in
        try Extractor.shared.proposals(fromBytes: bytes, path: "fuzz.md")
      }
      return (try? proposals.get())?.count ?? 0
    }
  }

  /// The journal in `bytes`, or nil when the reader refuses it.
  private static func journal(_ bytes: [UInt8]) -> Journal? {
    let parsed = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(LedgerError) -> Journal in
        try JournalReader.parse(buffer, path: "fuzz.jsonl", allowingTornTail: true)
      }
    }
    return try? parsed.get()
  }

  private static let today = Day("2026-12-01") ?? Day(daysSinceEpoch: 0)
}

extension Extractor {
  /// Built once: the lexicon and cue tables are not what is being fuzzed.
  fileprivate static let shared = Extractor()
}
