import ClaimLedger
import Foundation
import SplitMix
import Testing

@testable import ClaimReports

/// A report counted from the snapshot kept for a ledger's digest must be the report of the
/// ledger read whole, byte for byte, and a snapshot that does not fit must never be used.
@Suite struct ScoringSnapshotTests {
  /// A ledger file in a folder of its own, with the caches beside it; the digest cache
  /// believes `stat` at once (`settleSeconds` below zero), as it would of a file left alone.
  struct Setup {
    let folder: String
    let ledgerPath: String
    let store: LedgerStore
    let textFacts: TextFactsCache

    init(lines: [String]) throws {
      folder = NSTemporaryDirectory() + "scoring-snapshot-\(UUID().uuidString)"
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      ledgerPath = folder + "/ledger.jsonl"
      try (lines.map { $0 + "\n" }.joined()).write(
        toFile: ledgerPath, atomically: false, encoding: .utf8)
      let cache = DigestCache(directory: folder + "/cache", settleSeconds: -10)
      store = LedgerStore(path: ledgerPath, digestCache: cache)
      textFacts = TextFactsCache(directory: cache.directory, ledgerPath: ledgerPath, lexicon: 7)
    }

    func scoring(buildStamp: String = "test build", snapshots: Bool = true) -> LedgerScoring {
      LedgerScoring(
        store: store, nameScan: testNameScan, textFacts: textFacts,
        snapshots: snapshots
          ? ScoringSnapshotCache(textFacts: textFacts, buildStamp: buildStamp) : nil)
    }

    func append(_ line: String) throws {
      let handle = try #require(FileHandle(forWritingAtPath: ledgerPath))
      handle.seekToEndOfFile()
      handle.write(Data((line + "\n").utf8))
      try handle.close()
    }

    func remove() {
      try? FileManager.default.removeItem(atPath: folder)
    }
  }

  /// The year's and the all-years scorecards in each grouping, echoes counted or not.
  static func builders(today: String = "2026-06-30") throws -> [ScorecardBuilder] {
    let day = try TestLedger.day(today)
    var builders: [ScorecardBuilder] = []
    for grouping in [Grouping.source, .via, .tag] {
      for year in [2025, nil] as [Int?] {
        var builder = ScorecardBuilder(
          year: year, by: year == nil ? .said : .due, today: day, minResolved: 2,
          grouping: grouping, ledgerSHA256: "", listLimit: 3, nameScan: testNameScan)
        builder.countsEchoes = grouping == .via
        builders.append(builder)
      }
    }
    return builders
  }

  /// Every scorecard in JSON and Markdown, which between them show every figure and list.
  static func rendered(_ scored: LedgerScoring.Scored) -> [String] {
    scored.cards.flatMap { card in
      let named = card.naming(ledgerSHA256: scored.sha256, sideFiles: [])
      return [JSONRenderer().render(named), MarkdownRenderer().render(named)]
    }
  }

  /// A random ledger as people and merges leave it: proposals accepted with corrections or
  /// rejected, amends, resolutions undone and made again, a claim line repeated, entries for a
  /// claim that does not exist, blank lines, and entries stamped out of file order.
  static func randomLines(seed: UInt64) throws -> [String] {
    var random = SplitMix64(seed: seed)
    let texts = [
      "OpenAI acquires Pinterest", "OpenAI won't acquire Pinterest", "特斯拉收购 Pinterest",
      "Nvidia 营收超过 100 亿", "Things get better, 雨后天晴", "Tesla ships robotaxi in 2026",
    ]
    let sources = ["Alice", "Bob", "36氪", "\"Carol\", <b>"]
    let outlets = [nil, "Nikkei", "财新"]
    let tagSets: [[String]] = [[], ["AI"], ["ai", "芯片"], ["Chips"]]
    var lines: [String] = []
    var stamp: Int64 = 1_750_000_000_000
    func nextStamp() -> Timestamp {
      // Now and then a stamp earlier than the line before: a clock behind on another clone.
      stamp += Int64.random(in: -50_000...500_000, using: &random)
      return Timestamp(millisecondsSinceEpoch: stamp)
    }
    func day(_ offset: Int) throws -> Day {
      try #require(Day(daysSinceEpoch: 20_000 + offset))
    }
    for index in 0..<Int.random(in: 1...45, using: &random) {
      let claim = Claim(
        text: texts[Int.random(in: 0..<texts.count, using: &random)] + " #\(index % 7)",
        quote: Bool.random(using: &random) ? "they said \(index)" : nil,
        source: sources[Int.random(in: 0..<sources.count, using: &random)],
        via: outlets[Int.random(in: 0..<outlets.count, using: &random)],
        said: try day(Int.random(in: 0...400, using: &random)),
        deadline: Bool.random(using: &random)
          ? try day(Int.random(in: 100...900, using: &random)) : nil,
        confidence: try #require(Confidence(Double(Int.random(in: 0...20, using: &random)) / 20)),
        hedge: Bool.random(using: &random) ? "likely" : nil,
        tags: tagSets[Int.random(in: 0..<tagSets.count, using: &random)])
      let id = claim.derivedID
      let isProposed = Int.random(in: 0...3, using: &random) == 0
      let claimLine = Entry(
        id: id, at: nextStamp(), body: .claim(claim, status: isProposed ? .proposed : .open)
      ).jsonLine
      lines.append(claimLine)
      if isProposed {
        let body: Entry.Body =
          Bool.random(using: &random)
          ? .accept(ClaimChanges(confidence: Confidence(0.9)))
          : .reject(reason: "not a forecast")
        lines.append(Entry(id: id, at: nextStamp(), body: body).jsonLine)
      }
      if Int.random(in: 0...4, using: &random) == 0 {
        let changes = ClaimChanges(
          source: sources[Int.random(in: 0..<sources.count, using: &random)],
          deadline: try day(Int.random(in: 200...700, using: &random)))
        lines.append(Entry(id: id, at: nextStamp(), body: .amend(changes, note: "fix")).jsonLine)
      }
      for _ in 0..<Int.random(in: 0...2, using: &random) {
        let outcome = Outcome.allCases[Int.random(in: 0..<4, using: &random)]
        let resolution = Resolution(
          outcome: outcome, on: try day(Int.random(in: 300...800, using: &random)),
          evidence: "https://example.com/\(index)", reason: outcome == .void ? .ambiguous : nil)
        lines.append(Entry(id: id, at: nextStamp(), body: .resolve(resolution)).jsonLine)
        if Int.random(in: 0...2, using: &random) == 0 {
          lines.append(Entry(id: id, at: nextStamp(), body: .reopen(note: nil)).jsonLine)
        }
      }
      if Int.random(in: 0...9, using: &random) == 0 { lines.append(claimLine) }
      if Int.random(in: 0...9, using: &random) == 0 { lines.append("") }
    }
    let stranger = try #require(ClaimID(bits: 0xabc_def0_12))
    lines.insert(
      Entry(id: stranger, at: nextStamp(), body: .reopen(note: "no such claim")).jsonLine,
      at: Int.random(in: 0...lines.count, using: &random))
    return lines
  }

  @Test(arguments: Array(UInt64(1)...30))
  func aReportFromTheSnapshotIsTheReportOfTheLedger(_ seed: UInt64) throws {
    let setup = try Setup(lines: Self.randomLines(seed: seed))
    defer { setup.remove() }
    let builders = try Self.builders()
    let whole = try setup.scoring(snapshots: false).scorecards(builders)
    let first = try setup.scoring().scorecards(builders)
    let second = try setup.scoring().scorecards(builders)
    #expect(!whole.isFromSnapshot)
    #expect(!first.isFromSnapshot)
    #expect(second.isFromSnapshot)
    #expect(second.sha256 == whole.sha256)
    #expect(second.problemCount == whole.problemCount)
    #expect(Self.rendered(first) == Self.rendered(whole))
    #expect(Self.rendered(second) == Self.rendered(whole))
  }

  @Test func anAppendedLedgerIsReadWholeAndGetsANewSnapshot() throws {
    let setup = try Setup(lines: Self.randomLines(seed: 77))
    defer { setup.remove() }
    let builders = try Self.builders()
    _ = try setup.scoring().scorecards(builders)
    let claim = Claim(
      text: "OpenAI acquires Pinterest #late", source: "Dora", said: Day(daysSinceEpoch: 20_100),
      confidence: try #require(Confidence(0.8)))
    try setup.append(
      Entry(
        id: claim.derivedID, at: Timestamp(millisecondsSinceEpoch: 1_800_000_000_000),
        body: .claim(claim, status: .open)
      ).jsonLine)
    let afterAppend = try setup.scoring().scorecards(builders)
    let again = try setup.scoring().scorecards(builders)
    let whole = try setup.scoring(snapshots: false).scorecards(builders)
    #expect(!afterAppend.isFromSnapshot)
    #expect(again.isFromSnapshot)
    #expect(Self.rendered(again) == Self.rendered(whole))
    #expect(Self.rendered(again).joined().contains("Dora"))
  }

  /// Tags are laid out only for a report that groups by them: a snapshot made without them
  /// serves every other grouping, and a report by tag reads the ledger and makes one with them.
  @Test func aReportByTagNeedsASnapshotWithTags() throws {
    let setup = try Setup(lines: Self.randomLines(seed: 21))
    defer { setup.remove() }
    let all = try Self.builders()
    let plain = all.filter { $0.grouping != .tag }
    let byTag = all.filter { $0.grouping == .tag }
    _ = try setup.scoring().scorecards(plain)
    #expect(try setup.scoring().scorecards(plain).isFromSnapshot)
    let tagged = try setup.scoring().scorecards(byTag)
    #expect(!tagged.isFromSnapshot)
    #expect(
      Self.rendered(tagged) == Self.rendered(try setup.scoring(snapshots: false).scorecards(byTag)))
    let again = try setup.scoring().scorecards(byTag)
    #expect(again.isFromSnapshot)
    #expect(Self.rendered(again) == Self.rendered(tagged))
    #expect(try setup.scoring().scorecards(plain).isFromSnapshot)
  }

  @Test func anotherBuildDoesNotReadTheSnapshot() throws {
    let setup = try Setup(lines: Self.randomLines(seed: 5))
    defer { setup.remove() }
    let builders = try Self.builders()
    _ = try setup.scoring(buildStamp: "one").scorecards(builders)
    #expect(try !setup.scoring(buildStamp: "two").scorecards(builders).isFromSnapshot)
    #expect(try setup.scoring(buildStamp: "two").scorecards(builders).isFromSnapshot)
  }

  @Test(arguments: [0, 30, 100, -20, -3])
  func aDamagedSnapshotIsNotUsed(_ place: Int) throws {
    let setup = try Setup(lines: Self.randomLines(seed: 9))
    defer { setup.remove() }
    let builders = try Self.builders()
    let whole = try setup.scoring().scorecards(builders)
    let path = ScoringSnapshotCache(textFacts: setup.textFacts, buildStamp: "test build").path
    var bytes = try #require(FileManager.default.contents(atPath: path))
    let index = place >= 0 ? place : bytes.count + place
    bytes[index] ^= 0x20
    try bytes.write(to: URL(fileURLWithPath: path))
    let damaged = try setup.scoring().scorecards(builders)
    #expect(!damaged.isFromSnapshot)
    #expect(Self.rendered(damaged) == Self.rendered(whole))
  }

  @Test func aTruncatedSnapshotIsNotUsed() throws {
    let setup = try Setup(lines: Self.randomLines(seed: 10))
    defer { setup.remove() }
    let builders = try Self.builders()
    _ = try setup.scoring().scorecards(builders)
    let path = ScoringSnapshotCache(textFacts: setup.textFacts, buildStamp: "test build").path
    let bytes = try #require(FileManager.default.contents(atPath: path))
    for length in [0, 10, bytes.count / 2, bytes.count - 1] {
      try bytes.prefix(length).write(to: URL(fileURLWithPath: path))
      #expect(try !setup.scoring().scorecards(builders).isFromSnapshot, "length \(length)")
    }
  }

  /// Makes the snapshot of a random ledger and writes it again through `change`, checksum and
  /// all, as a faulty build could; then reports. Returns that report, the report of the
  /// ledger read whole, and whether the changed snapshot still loads.
  func reportAfterRewriting(
    seed: UInt64, _ change: (ScoringSnapshot) throws -> ScoringSnapshot
  ) throws -> (scored: LedgerScoring.Scored, whole: LedgerScoring.Scored, loads: Bool) {
    let setup = try Setup(lines: Self.randomLines(seed: seed))
    defer { setup.remove() }
    let builders = try Self.builders()
    let whole = try setup.scoring(snapshots: false).scorecards(builders)
    let cache = ScoringSnapshotCache(textFacts: setup.textFacts, buildStamp: "test build")
    _ = try setup.scoring().scorecards(builders)
    let snapshot = try #require(cache.load(ledgerDigest: whole.sha256))
    cache.save(try change(snapshot), ledgerDigest: whole.sha256)
    let loads = cache.load(ledgerDigest: whole.sha256) != nil
    return (try setup.scoring().scorecards(builders), whole, loads)
  }

  /// A snapshot that passes every check but says a listed claim's entries are elsewhere: the
  /// claim read there is not the claim, so the ledger is read whole and the report is still
  /// right.
  @Test func aSnapshotPointingAtTheWrongLinesGivesWayToTheLedger() throws {
    let (scored, whole, loads) = try reportAfterRewriting(seed: 12) { snapshot in
      let offsets = snapshot.entryOffsets
      // Every claim's entries taken to be the first claim's.
      let first = Array(offsets.offsets(ofClaimAt: 0))
      let wrong = try #require(
        EntryOffsets(
          starts: (0...offsets.claimCount).map { Int32($0 * first.count) },
          offsets: Array(repeating: first, count: offsets.claimCount).flatMap { $0 }))
      return ScoringSnapshot(
        rows: snapshot.rows, facts: snapshot.facts, entryOffsets: wrong,
        problemCount: snapshot.problemCount)
    }
    #expect(loads)
    #expect(!scored.isFromSnapshot)
    #expect(Self.rendered(scored) == Self.rendered(whole))
  }

  /// A snapshot whose checksum holds but whose confidence is no probability is refused rather
  /// than trapping where the calibration bins it.
  @Test(arguments: [Double.nan, .infinity, -.infinity, 1.5, -0.25, -1e300])
  func aSnapshotWithAConfidenceOutOfRangeIsRefused(_ confidence: Double) throws {
    let (scored, whole, loads) = try reportAfterRewriting(seed: 14) { snapshot in
      let rows = snapshot.rows
      let bad = rows.rows.enumerated().map { index, row in
        ScoringRows.Row(
          id: row.id, confidence: index == 0 ? confidence : row.confidence, said: row.said,
          deadline: row.deadline, resolvedOn: row.resolvedOn, source: row.source, via: row.via,
          tags: row.tags, hedge: row.hedge, status: row.status, outcome: row.outcome)
      }
      return ScoringSnapshot(
        rows: try #require(
          ScoringRows(
            rows: bad, names: rows.names.texts, hedgeWords: rows.hedgeWords.texts,
            tagLists: rows.tagLists, readsTags: rows.readsTags)),
        facts: snapshot.facts, entryOffsets: snapshot.entryOffsets,
        problemCount: snapshot.problemCount)
    }
    #expect(!loads)
    #expect(!scored.isFromSnapshot)
    #expect(Self.rendered(scored) == Self.rendered(whole))
  }

  @Test func aSnapshotIsForOneDigestOnly() throws {
    let setup = try Setup(lines: Self.randomLines(seed: 13))
    defer { setup.remove() }
    let scored = try setup.scoring().scorecards(try Self.builders())
    let cache = ScoringSnapshotCache(textFacts: setup.textFacts, buildStamp: "test build")
    #expect(cache.load(ledgerDigest: scored.sha256) != nil)
    #expect(cache.load(ledgerDigest: String(repeating: "0", count: 64)) == nil)
  }

  @Test func offsetsThatDoNotAddUpAreRefused() {
    #expect(EntryOffsets(starts: [0, 2, 3], offsets: [0, 10, 20]) != nil)
    #expect(EntryOffsets(starts: [], offsets: []) == nil)
    #expect(EntryOffsets(starts: [1, 3], offsets: [0, 10, 20]) == nil)
    #expect(EntryOffsets(starts: [0, 2, 1, 3], offsets: [0, 10, 20]) == nil)
    #expect(EntryOffsets(starts: [0, 2], offsets: [0, 10, 20]) == nil)
    #expect(EntryOffsets(starts: [0, 1], offsets: [-1]) == nil)
  }
}
