import Foundation
import Testing

/// Two people share a ledger through real git: `claims init`'s `merge=union` attribute lets
/// git merge their appends, and `claims check` reports what contradicts.
///
/// Runs `/usr/bin/git` with its own identity and `HOME`, so a fresh machine with no git
/// configuration (CI runs as root) gives the same result.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: GitTeam.git)))
struct GitTeamworkTests {
  /// A ledger in folders whose names hold spaces, glob characters or a leading `#` still gets
  /// the union merge: git reads the written pattern as that path and no other.
  @Test func theAttributesLineMatchesAnyLedgerPath() throws {
    let team = try GitTeam()
    let folder = team.directory.appendingPathComponent("repo")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    _ = try team.git(["-c", "init.defaultBranch=main", "init", "--quiet"], in: folder)
    for relative in [
      "my dir/Claims/ledger.jsonl", "br[a]ck*/Claims/ledger.jsonl", "#x/l.jsonl", "!in/l.jsonl",
    ] {
      _ = try team.claims(["init", "--ledger", folder.path + "/" + relative], in: folder)
      let attribute = try team.git(["check-attr", "merge", "--", relative], in: folder)
      #expect(attribute.stdout == "\(relative): merge: union\n", "\(attribute.report)")
      let other = try team.git(
        ["check-attr", "merge", "--", "bra*/Claims/ledger.jsonl"], in: folder)
      #expect(other.stdout.hasSuffix("merge: unspecified\n"), "\(other.report)")
    }
  }

  /// A line after the ledger's in `.gitattributes`, or `.git/info/attributes`, can take the
  /// union merge away; `init` asks git what it reads and warns, naming the value.
  @Test func initWarnsWhenAnotherLineOverridesTheUnionMerge() throws {
    let team = try GitTeam()
    for (name, attributes, expected) in [
      ("later line", "Claims/ledger.jsonl merge=union\n*.jsonl -merge\n", "unset"),
      ("binary", "* binary\n", nil), ("fine", "* text=auto\n", nil),
      ("info", "Claims/ledger.jsonl merge=union\n", "binary"),
    ] as [(String, String, String?)] {
      let folder = team.directory.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      _ = try team.git(["-c", "init.defaultBranch=main", "init", "--quiet"], in: folder)
      try Data(attributes.utf8).write(to: folder.appendingPathComponent(".gitattributes"))
      if name == "info" {
        try Data("*.jsonl merge=binary\n".utf8).write(
          to: folder.appendingPathComponent(".git/info/attributes"))
      }
      let run = try team.claims(["init"], in: folder)
      if let expected {
        #expect(
          run.stderr.hasPrefix(
            "claims: warning: git reads 'merge: \(expected)' for Claims/ledger.jsonl, not 'union'"),
          "\(name): \(run.report)")
      } else {
        // `* binary` comes before the line init appends, which wins.
        #expect(run.stderr.isEmpty, "\(name): \(run.report)")
        let attribute = try team.git(
          ["check-attr", "merge", "--", "Claims/ledger.jsonl"], in: folder)
        #expect(attribute.stdout == "Claims/ledger.jsonl: merge: union\n", "\(name)")
      }
    }
  }

  @Test func twoClonesMergeWithoutConflictAndKeepEverything() throws {
    let team = try GitTeam()
    let origin = try team.origin()
    let a = try team.add("OpenAI will acquire Pinterest", in: origin)
    let b = try team.add("Apple ships glasses", in: origin)
    let c = try team.add("Nvidia is worth $5T", in: origin)
    let d = try team.add("Tesla buys xAI", in: origin)
    try team.commit("four claims", in: origin)

    let one = try team.clone(origin, as: "one")
    let two = try team.clone(origin, as: "two")
    let e = try team.add("A first clone's own claim", in: one)
    try team.claims(["resolve", a, "true", "--evidence", "the deal closed"], in: one)
    try team.claims(["amend", b, "--by", "2027", "--note", "the date slipped"], in: one)
    try team.claims(["resolve", c, "false", "--evidence", "it fell short"], in: one)
    try team.commit("one: add, resolve and amend", in: one)
    let f = try team.add("A second clone's own claim", in: two)
    try team.claims(["resolve", d, "true", "--evidence", "announced"], in: two)
    try team.claims(
      ["amend", c, "--text", "Nvidia is worth $5T by year end", "--note", "exact"], in: two)
    try team.commit("two: add, resolve and amend", in: two)

    // Merged both ways: a copy of the second clone takes the first, the first takes the second.
    let twoCopy = try team.clone(two, as: "two-copy")
    try team.pull(one, into: twoCopy)
    try team.pull(two, into: one)

    let check = try team.claims(["check"], in: one)
    #expect(check.status == 0, check.report)
    let listed = try team.list(in: one)
    #expect(Set(listed.compactMap { $0["id"] as? String }) == [a, b, c, d, e, f])
    let byID = Dictionary(uniqueKeysWithValues: listed.map { ($0["id"] as? String ?? "", $0) })
    #expect(byID[a]?["outcome"] as? String == "true")
    #expect(byID[c]?["outcome"] as? String == "false")
    #expect(byID[c]?["text"] as? String == "Nvidia is worth $5T by year end")
    #expect(byID[d]?["outcome"] as? String == "true")
    #expect(byID[b]?["deadline"] as? String == "2027-12-31")
    #expect(byID[b]?["status"] as? String == "open")
    let shown = try team.claims(["show", c, "--json"], in: one)
    #expect(shown.status == 0, shown.report)
    #expect(shown.stdout.contains("\"entry\":\"amend\""))
    #expect(shown.stdout.contains("\"entry\":\"resolve\""))

    // The two merges lay the lines down in different orders and fold to the same claims.
    let otherWay = try team.claims(["list", "--json"], in: twoCopy)
    let thisWay = try team.claims(["list", "--json"], in: one)
    #expect(try team.ledger(in: one) != team.ledger(in: twoCopy))
    #expect(
      try team.ledger(in: one).split(separator: "\n").sorted()
        == team.ledger(in: twoCopy).split(separator: "\n").sorted())
    #expect(thisWay.stdout == otherWay.stdout)
    #expect(try team.claims(["check"], in: twoCopy).status == 0)
  }

  @Test func theSameClaimResolvedTwoWaysIsReportedAndSettledByANewEntry() throws {
    let team = try GitTeam()
    let origin = try team.origin()
    let id = try team.add("OpenAI will acquire Pinterest", in: origin)
    try team.commit("one claim", in: origin)
    let one = try team.clone(origin, as: "one")
    let two = try team.clone(origin, as: "two")
    try team.claims(["resolve", id, "true", "--evidence", "one: it closed"], in: one)
    try team.commit("one resolves it", in: one)
    try team.claims(["resolve", id, "false", "--evidence", "two: it fell through"], in: two)
    try team.commit("two resolves it", in: two)
    try team.pull(two, into: one)

    let lines = try team.ledger(in: one).split(separator: "\n").map(String.init)
    let trueLine = try #require(lines.firstIndex { $0.contains("one: it closed") }) + 1
    let falseLine = try #require(lines.firstIndex { $0.contains("two: it fell through") }) + 1
    let check = try team.claims(["check"], in: one)
    #expect(check.status == 65, check.report)
    #expect(
      check.stdout.contains(
        "Claims/ledger.jsonl:\(max(trueLine, falseLine)): error: claim \(id) is resolved twice: "
          + "true at line \(trueLine), then false at line \(falseLine)"),
      check.report)

    let settled = try team.claims(
      ["resolve", id, "false", "--evidence", "the deal fell through"], in: one)
    #expect(settled.status == 0, settled.report)
    let after = try team.claims(["check"], in: one)
    #expect(after.status == 0, after.report)
    let kept = try team.ledger(in: one).split(separator: "\n").map(String.init)
    #expect(kept.prefix(lines.count).elementsEqual(lines))
    #expect(kept.count == lines.count + 2)
    let shown = try team.claims(["show", id, "--json"], in: one)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
    #expect(object["outcome"] as? String == "false")
    #expect(object["evidence"] as? String == "the deal fell through")
  }
}

extension GitTeamworkTests {
  /// Two people who take the same decision on one claim (both accept a proposal, both reject
  /// one, both reopen a resolution) leave it twice after the merge: `check` warns, and stays
  /// clean, since no new entry could take either copy back.
  @Test func theSameDecisionTakenOnBothSidesLeavesCheckClean() throws {
    let team = try GitTeam()
    let origin = try team.origin()
    let article =
      "Analysts expect Apple will ship a foldable phone by 2027.\n\n"
      + "Analysts expect Nvidia will ship a new chip by 2028.\n"
    try article.write(
      to: origin.appendingPathComponent("note.md"), atomically: true, encoding: .utf8)
    let extracted = try team.claims(["extract", "note.md", "--said", "2026-07-01"], in: origin)
    try #require(extracted.status == 0, extracted.report)
    let resolvedID = try team.add("OpenAI will acquire Pinterest", in: origin)
    try #require(try team.claims(["resolve", resolvedID, "true"], in: origin).status == 0)
    try team.commit("two proposals and a resolution", in: origin)
    let proposals = try team.list(in: origin).filter { $0["status"] as? String == "proposed" }
      .compactMap { $0["id"] as? String }
    try #require(proposals.count == 2)
    let one = try team.clone(origin, as: "one")
    let two = try team.clone(origin, as: "two")
    for folder in [one, two] {
      try #require(try team.claims(["accept", proposals[0]], in: folder).status == 0)
      try #require(
        try team.claims(["reject", proposals[1], "--reason", "vague"], in: folder).status == 0)
      try #require(try team.claims(["reopen", resolvedID], in: folder).status == 0)
      try team.commit("decisions", in: folder)
    }
    try team.pull(two, into: one)
    let check = try team.claims(["check"], in: one)
    #expect(check.status == 0, check.report)
    #expect(check.stdout.contains("is accepted again"), check.report)
    #expect(check.stdout.contains("is rejected again"), check.report)
    #expect(check.stdout.contains("(two clones reopened it?)"), check.report)
    let statuses = try team.list(in: one).reduce(into: [String: String]()) { found, claim in
      found[claim["id"] as? String ?? ""] = claim["status"] as? String
    }
    #expect(statuses[proposals[0]] == "open")
    #expect(statuses[proposals[1]] == "rejected")
    #expect(statuses[resolvedID] == "open")
  }
}

extension GitTeamworkTests {
  /// One clone accepts a proposal, the other rejects it: after the merge `check` reports both
  /// lines (exit 65), `show` says so, and a new `reopen`, `accept` or `reject` settles it,
  /// whichever way the two were taken.
  @Test(arguments: [("reopen", "proposed"), ("accept", "open"), ("reject", "rejected")])
  func anAcceptanceAndARejectionAreReportedAndSettled(settle: String, status: String) throws {
    let team = try GitTeam()
    let origin = try team.origin()
    let id = try team.propose(in: origin)
    try team.commit("a proposal", in: origin)
    let one = try team.clone(origin, as: "one")
    let two = try team.clone(origin, as: "two")
    try #require(try team.claims(["accept", id, "--by", "2027-06-30"], in: one).status == 0)
    try team.commit("one accepts", in: one)
    try #require(
      try team.claims(["reject", id, "--reason", "not-a-forecast"], in: two).status == 0)
    try team.commit("two rejects", in: two)
    try team.pull(two, into: one)

    let lines = try team.ledger(in: one).split(separator: "\n").map(String.init)
    let accepted = try #require(lines.firstIndex { $0.contains("\"entry\":\"accept\"") }) + 1
    let rejected = try #require(lines.firstIndex { $0.contains("\"entry\":\"reject\"") }) + 1
    let check = try team.claims(["check"], in: one)
    #expect(check.status == 65, check.report)
    #expect(
      check.stdout.contains(
        "error: claim \(id) is accepted at line \(accepted), then rejected at line \(rejected)"),
      check.report)
    let shown = try team.claims(["show", id], in: one)
    #expect(shown.stdout.contains("accepted and rejected on two clones"), shown.report)

    var arguments = [settle, id]
    if settle == "reject" { arguments += ["--reason", "not-a-forecast"] }
    let settled = try team.claims(arguments, in: one)
    #expect(settled.status == 0, settled.report)
    let after = try team.claims(["check"], in: one)
    #expect(after.status == 0, after.report)
    let claim = try #require(try team.list(in: one).first { $0["id"] as? String == id })
    #expect(claim["status"] as? String == status)
    #expect(claim["conflicting_decisions"] == nil)
    // Reopened, the acceptance's correction goes with it; accepted again, it stays.
    if settle == "reopen" { #expect(claim["deadline"] as? String != "2027-06-30") }
    if settle == "accept" { #expect(claim["deadline"] as? String == "2027-06-30") }
    let kept = try team.ledger(in: one).split(separator: "\n").map(String.init)
    #expect(kept.prefix(lines.count).elementsEqual(lines) && kept.count == lines.count + 1)
  }
}

extension GitTeamworkTests {
  /// One clone takes back an acceptance while the other resolves the claim: after the merge
  /// the resolution finds the claim proposed. `check` reports it (exit 65) and keeps reporting
  /// it until a new decision settles it; the resolution is not applied behind the user's back.
  @Test func aResolutionOfAClaimReopenedOnTheOtherCloneStandsUntilDecided() throws {
    let team = try GitTeam()
    let origin = try team.origin()
    let id = try team.propose(in: origin)
    try #require(try team.claims(["accept", id], in: origin).status == 0)
    try team.commit("an accepted proposal", in: origin)
    let one = try team.clone(origin, as: "one")
    let two = try team.clone(origin, as: "two")
    try #require(try team.claims(["reopen", id], in: one).status == 0)
    try team.commit("one takes the acceptance back", in: one)
    try #require(try team.claims(["resolve", id, "true"], in: two).status == 0)
    try team.commit("two resolves", in: two)
    try team.pull(two, into: one)

    let lines = try team.ledger(in: one).split(separator: "\n").map(String.init)
    let resolved = try #require(lines.firstIndex { $0.contains("\"entry\":\"resolve\"") }) + 1
    let check = try team.claims(["check"], in: one)
    #expect(check.status == 65, check.report)
    #expect(
      check.stdout.contains(
        "ledger.jsonl:\(resolved): error: resolve of claim \(id), which is proposed"),
      check.report)
    let accepted = try team.claims(["accept", id], in: one)
    #expect(accepted.status == 0, accepted.report)
    let after = try team.claims(["check"], in: one)
    #expect(after.status == 0, after.report)
    let claim = try #require(try team.list(in: one).first { $0["id"] as? String == id })
    #expect(claim["status"] as? String == "open")
    // The history shows the resolution as written, and that it was not applied.
    let shown = try team.claims(["show", id], in: one)
    #expect(
      shown.stdout.contains(
        "resolved true on 2026-08-01 (not applied: the claim was proposed then)"),
      shown.report)
  }
}

/// A temporary folder holding an origin repository and its clones, and a clean git setup.
final class GitTeam {
  static let git = "/usr/bin/git"

  let directory: URL
  let environment: [String: String]

  init() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("claims-git-\(UUID().uuidString)")
    let home = directory.appendingPathComponent("home")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": home.path, "XDG_CONFIG_HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1",
      "GIT_AUTHOR_NAME": "Claims Test", "GIT_AUTHOR_EMAIL": "claims@example.invalid",
      "GIT_COMMITTER_NAME": "Claims Test", "GIT_COMMITTER_EMAIL": "claims@example.invalid",
      "GIT_TERMINAL_PROMPT": "0", "CLAIMS_TODAY": "2026-08-01",
    ]
  }

  deinit {
    try? FileManager.default.removeItem(at: directory)
  }

  /// A new repository with `claims init` run and committed.
  func origin() throws -> URL {
    let folder = directory.appendingPathComponent("origin")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try gitOK(["-c", "init.defaultBranch=main", "init", "--quiet"], in: folder)
    try claims(["init"], in: folder)
    try commit("claims init", in: folder)
    return folder
  }

  func clone(_ source: URL, as name: String) throws -> URL {
    let folder = directory.appendingPathComponent(name)
    try gitOK(["clone", "--quiet", source.path, folder.path], in: directory)
    return folder
  }

  func commit(_ message: String, in folder: URL) throws {
    try gitOK(["add", "-A"], in: folder)
    try gitOK(["commit", "--quiet", "-m", message], in: folder)
  }

  /// Merges `source`'s main into `folder`, as `git pull` does; fails on any conflict.
  func pull(_ source: URL, into folder: URL) throws {
    let run = try self.git(
      ["-c", "pull.rebase=false", "pull", "--no-edit", source.path, "main"], in: folder)
    try #require(run.status == 0, run.report)
    #expect(!run.stdout.contains("CONFLICT") && !run.stderr.contains("CONFLICT"), run.report)
    let status = try self.git(["status", "--porcelain"], in: folder)
    #expect(status.stdout.isEmpty, status.report)
  }

  /// Runs `claims add … --source Bloomberg` and returns the new id.
  /// Extracts one proposal from a note and returns its id.
  func propose(in folder: URL) throws -> String {
    try "Analysts expect Apple will ship a foldable phone by 2027.\n".write(
      to: folder.appendingPathComponent("note.md"), atomically: true, encoding: .utf8)
    try #require(
      try claims(["extract", "note.md", "--said", "2026-07-01"], in: folder).status == 0)
    return try #require(try list(in: folder).first?["id"] as? String)
  }

  func add(_ text: String, in folder: URL) throws -> String {
    let run = try claims(
      [
        "add", text, "--source", "Bloomberg", "--said", "2026-01-21", "--by", "2026-12-31",
        "--confidence", "0.7",
      ],
      in: folder)
    return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// `claims list --json`, parsed.
  func list(in folder: URL) throws -> [[String: Any]] {
    let run = try claims(["list", "--json"], in: folder)
    return try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
  }

  func ledger(in folder: URL) throws -> String {
    let data = try #require(
      FileManager.default.contents(
        atPath: folder.appendingPathComponent("Claims/ledger.jsonl").path))
    return String(decoding: data, as: UTF8.self)
  }

  /// Runs the built `claims` in `folder`; requires success, except from `check`.
  @discardableResult
  func claims(_ arguments: [String], in folder: URL) throws -> BuiltBinary.Run {
    let run = try GitTeam.run(
      try BuiltBinary.located(), arguments, in: folder, environment: environment)
    let mayFail = arguments.first == "check"
    try #require(mayFail || run.status == 0, "claims \(arguments): \(run.report)")
    return run
  }

  func git(_ arguments: [String], in folder: URL) throws -> BuiltBinary.Run {
    try GitTeam.run(
      URL(fileURLWithPath: GitTeam.git), arguments, in: folder, environment: environment)
  }

  private func gitOK(_ arguments: [String], in folder: URL) throws {
    let run = try git(arguments, in: folder)
    try #require(run.status == 0, "git \(arguments): \(run.report)")
  }

  static func run(
    _ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String]
  ) throws -> BuiltBinary.Run {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = folder
    process.standardInput = FileHandle.nullDevice
    let output = Pipe()
    let scratch = try makeScratchFile()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let errors = try FileHandle(forUpdating: scratch)
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let stdout = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errors.seek(toOffset: 0)
    let stderr = try errors.readToEnd() ?? Data()
    try errors.close()
    return BuiltBinary.Run(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// An empty file for a child's standard error, so a chatty child never blocks on a pipe.
  private static func makeScratchFile() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("claims-stderr-\(UUID().uuidString)")
    try Data().write(to: url)
    return url
  }
}
