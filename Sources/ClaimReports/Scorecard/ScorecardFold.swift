import ClaimLedger

/// The builder's running state: one tally per group, per group and year, and overall.
struct ScorecardFold {
  let builder: ScorecardBuilder
  private var groupIndex: [String: Int] = [:]
  private var groupNames: [String] = []
  private var groups: [GroupTally] = []
  private var years: [YearKey: GroupTally] = [:]
  private var totals = GroupTally()
  private var calibration = CalibrationTally()
  private var decomposition = DecompositionTally()
  private var canonicalNames: [String: String] = [:]
  private var best: [Candidate] = []
  private var worst: [Candidate] = []
  private var pending: [Candidate] = []
  private var overdue: [Candidate] = []
  /// Scored claims per group (nil: all groups) and hedge word (its place in `hedgeWords`).
  private var words: [WordKey: WordTally] = [:]
  private var knownHedges: [String: Hedge] = [:]
  /// Per hedge word as claims write it: the table's hedge, and whether it has been recorded
  /// in `knownHedges`; found through `hedgeSlots`, else `hedgeIndex`.
  private var hedgeEntries: [(hedge: Hedge?, isKnown: Bool, word: Int?)] = []
  private var hedgeIndex: [String: Int] = [:]
  private var hedgeSlots = TextSlots()
  /// The table's words that claims were scored under, and the place of each.
  private var hedgeWords: [String] = []
  private var hedgeWordIndex: [String: Int] = [:]

  private struct WordKey: Hashable {
    let group: Int?
    let word: Int
  }

  private struct YearKey: Hashable {
    let group: Int
    let year: Int
  }

  /// A claim that may be listed, with what it sorts by.
  private struct Candidate {
    let index: Int
    let id: ClaimID
    let confidence: Double
    let deadline: Day?
  }

  /// What each claim's words say, read once for every scorecard of the run.
  let facts: ClaimTextFacts
  /// The forecasts said more than once by `today`; echoes are skipped unless the builder
  /// counts them.
  let echoes: EchoClusters
  /// Originators in the selection that others echoed, in record order.
  private var echoed: [Int] = []
  /// When each counted claim came true (or that it has not yet), by kind of event: the
  /// `ForecastEvent` cases in order, then other.
  private var truth = [[TimeToTruth.Observation]](
    repeating: [], count: ForecastEvent.allCases.count + 1)
  /// The groups of each name as written (a source, or an outlet), looked up once per name
  /// rather than through the aliases and the group table for every claim.
  private var namedGroups: [String: Int] = [:]
  private var writtenGroups = TextSlots()

  init(builder: ScorecardBuilder, facts: ClaimTextFacts, records: [ClaimRecord]) {
    self.builder = builder
    self.facts = facts
    echoes = facts.echoes.asOf(builder.today, in: records)
  }

  /// Counts the record at `index`, its fields read in place (`withClaim`): a copy of the claim
  /// would retain and release each of its texts, for every claim of every scorecard.
  mutating func add(_ record: ClaimRecord, at index: Int) {
    record.withClaim { claim in add(record, claim, at: index) }
  }

  private mutating func add(_ record: ClaimRecord, _ claim: Claim, at index: Int) {
    let year = builder.year(of: claim)
    if let selected = builder.year, year != selected { return }
    guard
      let standing = ClaimStanding(
        status: record.status, resolution: record.resolution, said: claim.said,
        deadline: claim.deadline, today: builder.today)
    else { return }
    let isEcho = echoes.isEcho(index)
    let isOriginal = echoes.echoesOf[index] != nil
    if isOriginal { echoed.append(index) }
    if isEcho { totals.echoes += 1 }
    if isOriginal { totals.originals += 1 }
    if isEcho || isOriginal {
      forEachGroup(of: claim) { fold, group in
        if isEcho { fold.groups[group].echoes += 1 }
        if isOriginal { fold.groups[group].originals += 1 }
      }
    }
    if isEcho, !builder.countsEchoes { return }
    if builder.readsClaimTexts, let said = claim.said {
      let kind = facts.events[index].flatMap { ForecastEvent.allCases.firstIndex(of: $0) }
      let observation: TimeToTruth.Observation =
        switch (record.status, record.resolution.flatMap { $0.on <= builder.today ? $0 : nil }) {
        case (.resolved, let resolution?) where resolution.outcome == .true:
          .cameTrue(
            days: said.days(until: resolution.on),
            lead: claim.deadline.map { resolution.on.days(until: $0) })
        case (.resolved, _?): .never
        default: .open(days: said.days(until: builder.today))
        }
      truth[kind ?? ForecastEvent.allCases.count].append(observation)
    }
    let confidence = claim.confidence.value
    let (traits, hedgeWord) = traits(of: claim, at: index)
    totals.add(standing, traits)
    let wordScore: Double? =
      if case .settled(let outcome, _) = standing, let score = outcome.score, let use = traits.use {
        use.wordOutcome(score)
      } else {
        nil
      }
    let wordSlot = traits.use != nil ? hedgeWord : nil
    if let wordScore, let wordSlot {
      words[WordKey(group: nil, word: wordSlot), default: WordTally()].add(wordScore)
    }
    forEachGroup(of: claim) { fold, group in
      fold.groups[group].add(standing, traits)
      if let year {
        fold.years[YearKey(group: group, year: year), default: GroupTally()].add(standing, traits)
      }
      if let wordScore, let wordSlot {
        fold.words[WordKey(group: group, word: wordSlot), default: WordTally()].add(wordScore)
      }
    }
    let candidate = Candidate(
      index: index, id: record.id, confidence: confidence, deadline: claim.deadline)
    switch standing {
    case .pending: pending.append(candidate)
    case .overdue: overdue.append(candidate)
    case .waiting: break
    case .settled(let outcome, _):
      guard let score = outcome.score else { break }
      calibration.add(confidence: confidence, outcome: score)
      decomposition.add(confidence: confidence, outcome: score)
      if confidence > 0.5, outcome == .true { best.append(candidate) }
      if confidence > 0.5, outcome == .false { worst.append(candidate) }
    }
  }

  /// Calls `body` once for each group the claim counts in (once per distinct tag).
  private mutating func forEachGroup(of claim: Claim, _ body: (inout ScorecardFold, Int) -> Void) {
    switch builder.grouping {
    case .source:
      body(&self, group(written: claim.source))
    case .via:
      body(&self, group(written: claim.via ?? claim.source))
    case .tag:
      guard !claim.tags.isEmpty else {
        body(&self, group(named: Grouping.untagged))
        return
      }
      for (position, tag) in claim.tags.enumerated() where !claim.tags[..<position].contains(tag) {
        body(&self, group(named: tag))
      }
    }
  }

  /// The claim's hedge use, low-information word and specificity, and the place of its hedge's
  /// word in `hedgeWords`; words are looked up once.
  private mutating func traits(of claim: Claim, at index: Int) -> (ClaimTraits, Int?) {
    var hedge: Hedge?
    var entry: Int?
    if let word = claim.hedge {
      let index = hedgeEntry(for: word)
      hedge = hedgeEntries[index].hedge
      entry = index
    }
    let use = hedge.flatMap { HedgeUse(hedge: $0, confidence: claim.confidence.value) }
    if let use, let entry, !hedgeEntries[entry].isKnown {
      knownHedges[use.hedge.word] = use.hedge
      hedgeEntries[entry].isKnown = true
    }
    let traits = ClaimTraits(
      confidence: claim.confidence.value, use: use,
      isLowInformation: hedge?.isLowInformation ?? false,
      specificity: facts.specificity[index])
    return (traits, entry.flatMap { hedgeEntries[$0].word })
  }

  /// The entry of a hedge word as a claim writes it, made the first time it is seen.
  private mutating func hedgeEntry(for word: String) -> Int {
    if let index = hedgeSlots.value(for: word) { return index }
    let index: Int
    if let known = hedgeIndex[word] {
      index = known
    } else {
      index = hedgeEntries.count
      let hedge = builder.hedges.hedge(named: word)
      hedgeEntries.append((hedge, false, hedge.map { hedgeWordSlot($0.word) }))
      hedgeIndex[word] = index
    }
    hedgeSlots.remember(index, for: word)
    return index
  }

  /// The place of a table word in `hedgeWords`.
  private mutating func hedgeWordSlot(_ word: String) -> Int {
    if let slot = hedgeWordIndex[word] { return slot }
    hedgeWords.append(word)
    hedgeWordIndex[word] = hedgeWords.count - 1
    return hedgeWords.count - 1
  }

  private mutating func canonicalName(_ name: String) -> String {
    if let known = canonicalNames[name] { return known }
    let canonical = builder.canonical(name)
    canonicalNames[name] = canonical
    return canonical
  }

  /// The group of a source or outlet as written: of its canonical name.
  private mutating func group(written name: String) -> Int {
    if let index = writtenGroups.value(for: name) { return index }
    let index = namedGroups[name] ?? group(named: canonicalName(name))
    namedGroups[name] = index
    writtenGroups.remember(index, for: name)
    return index
  }

  private mutating func group(named name: String) -> Int {
    if let index = groupIndex[name] { return index }
    groupIndex[name] = groups.count
    groupNames.append(name)
    groups.append(GroupTally())
    return groups.count - 1
  }

  mutating func scorecard(of records: [ClaimRecord]) -> Scorecard {
    let minimum = builder.minResolved
    var ranked: [TrackRecord] = []
    var unranked: [TrackRecord] = []
    for (index, tally) in groups.enumerated() {
      let record = tally.record(
        named: groupNames[index], rank: nil,
        isMeasuringSpecificity: builder.readsClaimTexts)
      if record.figures.scored >= minimum, record.figures.scored > 0 {
        ranked.append(record)
      } else {
        unranked.append(record)
      }
    }
    ranked.sort(by: Self.ranksHigher)
    ranked = ranked.enumerated().map { position, record in record.ranked(position + 1) }
    unranked.sort { a, b in
      (b.figures.scored, b.counts.claims, a.name) < (a.figures.scored, a.counts.claims, b.name)
    }
    return Scorecard(
      year: builder.year, by: builder.by, grouping: builder.grouping, generated: builder.today,
      ledgerSHA256: builder.ledgerSHA256, hedgeTableVersion: builder.hedgeTableVersion,
      minResolved: minimum,
      totals: totals.record(
        named: "all", rank: nil, isMeasuringSpecificity: builder.readsClaimTexts),
      ranked: ranked,
      unranked: unranked, calibration: calibration.bins,
      decomposition: decomposition.decomposition,
      byYear: yearRecords(order: ranked + unranked),
      bestCalls: lines(
        best.first(ScorecardBuilder.highlightLimit, by: Self.isMoreConfident), records),
      worstMisses: lines(
        worst.first(ScorecardBuilder.highlightLimit, by: Self.isMoreConfident), records),
      pending: ClaimList(
        lines: lines(pending.first(builder.listLimit, by: Self.isSooner), records),
        total: pending.count),
      overdue: ClaimList(
        lines: lines(overdue.first(builder.listLimit, by: Self.isSooner), records),
        total: overdue.count),
      hedgeReadings: (ranked + unranked).flatMap { record in
        groupIndex[record.name].map { hedgeReadings(group: $0, name: record.name) } ?? []
      },
      hedgeTable: hedgeReadings(group: nil, name: nil),
      sensitivity: HedgeSensitivity.rows(
        ranked.compactMap { record in
          groupIndex[record.name].map { (name: record.name, tally: groups[$0]) }
        }),
      echoes: echoLines(records), echoedTotal: echoed.count, countsEchoes: builder.countsEchoes,
      timeToTruth: (ForecastEvent.allCases.map(\.rawValue) + [TimeToTruth.other]).enumerated()
        .compactMap { slot, kind in
          truth[slot].isEmpty ? nil : TimeToTruth(kind: kind, observations: truth[slot])
        })
  }

  /// The words of one group (nil: all) with enough scored claims, most used first.
  private func hedgeReadings(group: Int?, name: String?) -> [HedgeReading] {
    let minimum = max(builder.minResolved, 1)
    return words.compactMap { key, tally -> HedgeReading? in
      guard key.group == group, tally.count >= minimum,
        let hedge = knownHedges[hedgeWords[key.word]]
      else {
        return nil
      }
      return tally.reading(name: name, hedge: hedge)
    }.sorted { ($1.count, $0.word) < ($0.count, $1.word) }
  }

  private func yearRecords(order: [TrackRecord]) -> [YearRecord] {
    var position: [Int: Int] = [:]
    for (rank, record) in order.enumerated() {
      if let group = groupIndex[record.name] { position[group] = rank }
    }
    let keys = years.keys.sorted { a, b in
      (position[a.group] ?? 0, a.year) < (position[b.group] ?? 0, b.year)
    }
    return keys.compactMap { key in
      guard let tally = years[key] else { return nil }
      return YearRecord(
        name: groupNames[key.group], year: key.year, counts: tally.counts,
        figures: tally.scores.figures)
    }
  }

  /// Higher shrunk accuracy first; among equals, the better calibrated (lower Brier score),
  /// then the longer record, then the name: a source that always says 50 % does not outrank
  /// one as often right with sharper forecasts because of its name.
  static func ranksHigher(_ a: TrackRecord, _ b: TrackRecord) -> Bool {
    // Ranked groups have scored claims, so each has a shrunk accuracy and a Brier score.
    let shrunkA = a.figures.shrunkAccuracy ?? 0
    let shrunkB = b.figures.shrunkAccuracy ?? 0
    if shrunkA != shrunkB { return shrunkA > shrunkB }
    let brierA = a.figures.brier ?? 1
    let brierB = b.figures.brier ?? 1
    if brierA != brierB { return brierA < brierB }
    if a.figures.scored != b.figures.scored { return a.figures.scored > b.figures.scored }
    return a.name < b.name
  }

  /// Most confident first; ids break ties.
  private static func isMoreConfident(_ a: Candidate, _ b: Candidate) -> Bool {
    (b.confidence, a.id) < (a.confidence, b.id)
  }

  /// Soonest deadline first; claims with no deadline last; ids break ties.
  private static func isSooner(_ a: Candidate, _ b: Candidate) -> Bool {
    let dayA = a.deadline?.daysSinceEpoch ?? Int.max
    let dayB = b.deadline?.daysSinceEpoch ?? Int.max
    return (dayA, a.id) < (dayB, b.id)
  }

  private mutating func lines(_ candidates: [Candidate], _ records: [ClaimRecord]) -> [ClaimLine] {
    candidates.map { line(records[$0.index]) }
  }

  /// A claim as listed; a resolution dated after `today` is left out, as it was not known yet.
  private mutating func line(_ record: ClaimRecord) -> ClaimLine {
    let claim = record.claim
    let known = record.resolution.flatMap { $0.on <= builder.today ? $0 : nil }
    return ClaimLine(
      id: record.id.description, text: claim.text, quote: claim.quote,
      source: canonicalName(claim.source), confidence: claim.confidence.value,
      said: claim.said, deadline: claim.deadline, outcome: known == nil ? nil : record.outcome,
      resolvedOn: known?.on, evidence: known?.evidence, url: claim.url)
  }

  /// The first echoed forecasts of the selection, each with its echoes.
  private mutating func echoLines(_ records: [ClaimRecord]) -> [EchoLine] {
    echoed.prefix(builder.listLimit).map { index in
      EchoLine(
        original: line(records[index]),
        echoes: (echoes.echoesOf[index] ?? []).map { line(records[$0]) })
    }
  }
}
