import ClaimLedger

/// The builder's running state: one tally per group, per group and year, and overall.
struct ScorecardFold {
  let builder: ScorecardBuilder
  private var groupIndex: [String: Int] = [:]
  /// Each tag folded to lower case, to its group.
  private var tagGroups: [String: Int] = [:]
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
  /// Scored claims per hedge word (its place in `hedgeWords`), over all groups.
  private var allWords: [WordTally] = []
  /// The same per group; a group's list is made when it first scores a claim with a hedge.
  private var groupWords: [[WordTally]] = []
  private var knownHedges: [String: Hedge] = [:]
  /// Per hedge word as claims write it (its number in the rows' `hedgeWords`), what it stands
  /// for in the table.
  private var hedgeEntries: [HedgeEntry] = []
  /// The table's words that claims were scored under, and the place of each.
  private var hedgeWords: [String] = []
  private var hedgeWordIndex: [String: Int] = [:]

  /// A hedge word as claims write it: the table's hedge, whether it has been recorded in
  /// `knownHedges`, and its place in `hedgeWords`.
  private struct HedgeEntry {
    let hedge: Hedge?
    let word: Int?
    var isKnown = false
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
  /// Whether each claim echoes another, was echoed, or neither; the clusters' own dictionaries
  /// would be asked twice for every claim of every scorecard.
  private var echoRoles: [EchoRole] = []

  private enum EchoRole: UInt8 {
    case none, echo, original
  }

  /// Originators in the selection that others echoed, in record order.
  private var echoed: [Int] = []
  /// When each counted claim came true (or that it has not yet), by kind of event: the
  /// `ForecastEvent` cases in order, then other.
  private var truth = [[TimeToTruth.Observation]](
    repeating: [], count: ForecastEvent.allCases.count + 1)
  /// The kinds of event in order; `allCases` would make a new array for every claim.
  private static let events = ForecastEvent.allCases
  /// The fields the claims are counted by.
  let rows: ScoringRows
  /// The group of each name as written (a source, or an outlet; its number in the rows'
  /// `names`), looked up once per name rather than through the aliases for every claim.
  private var writtenGroups: [Int?]

  init(builder: ScorecardBuilder, facts: ClaimTextFacts, rows: ScoringRows) {
    self.builder = builder
    self.facts = facts
    self.rows = rows
    echoes = facts.echoes.asOf(builder.today) { rows.rows[$0].saidDay }
    writtenGroups = Array(repeating: nil, count: rows.names.texts.count)
    for word in rows.hedgeWords.texts {
      let hedge = builder.hedges.hedge(named: word)
      var slot: Int?
      if let hedge { slot = hedgeWordSlot(hedge.word) }
      hedgeEntries.append(HedgeEntry(hedge: hedge, word: slot))
    }
    allWords = Array(repeating: WordTally(), count: hedgeWords.count)
    echoRoles = [EchoRole](repeating: .none, count: rows.rows.count)
    for echo in echoes.originOf.keys { echoRoles[echo] = .echo }
    for original in echoes.echoesOf.keys { echoRoles[original] = .original }
  }

  /// Counts the claim at `index`.
  mutating func add(at index: Int) {
    let row = rows.rows[index]
    let said = row.saidDay
    let deadline = row.deadlineDay
    let resolvedOn = row.resolvedDay
    // A resolution dated after `today` was not known then: no year for it yet.
    let year = builder.year(
      said: said, deadline: deadline,
      resolvedOn: resolvedOn.flatMap { $0 <= builder.today ? $0 : nil })
    if let selected = builder.year, year != selected { return }
    guard
      let standing = ClaimStanding(
        status: row.status, outcome: row.outcome, on: resolvedOn, said: said,
        deadline: deadline, today: builder.today)
    else { return }
    let isEcho = echoRoles[index] == .echo
    let isOriginal = echoRoles[index] == .original
    if isOriginal { echoed.append(index) }
    if isEcho { totals.echoes += 1 }
    if isOriginal { totals.originals += 1 }
    if isEcho || isOriginal {
      forEachGroup(of: row) { fold, group in
        if isEcho { fold.groups[group].echoes += 1 }
        if isOriginal { fold.groups[group].originals += 1 }
      }
    }
    if isEcho, !builder.countsEchoes { return }
    if builder.readsClaimTexts, let said {
      let kind = facts.events[index].flatMap { Self.events.firstIndex(of: $0) }
      let knownOn = resolvedOn.flatMap { $0 <= builder.today ? $0 : nil }
      let observation: TimeToTruth.Observation =
        switch (row.status, knownOn) {
        case (.resolved, let on?) where row.outcome == .true:
          .cameTrue(days: said.days(until: on), lead: deadline.map { on.days(until: $0) })
        case (.resolved, _?): .never
        default: .open(days: said.days(until: builder.today))
        }
      truth[kind ?? Self.events.count].append(observation)
    }
    let confidence = row.confidence
    let (traits, hedgeWord) = traits(of: row, at: index)
    totals.add(standing, traits)
    let wordScore: Double? =
      if case .settled(let outcome, _) = standing, let score = outcome.score, let use = traits.use {
        use.wordOutcome(score)
      } else {
        nil
      }
    let wordSlot = hedgeWord
    if let wordScore, let wordSlot {
      allWords[wordSlot].add(wordScore)
    }
    forEachGroup(of: row) { fold, group in
      fold.groups[group].add(standing, traits)
      if let year {
        fold.years[YearKey(group: group, year: year), default: GroupTally()].add(standing, traits)
      }
      if let wordScore, let wordSlot {
        if fold.groupWords[group].isEmpty {
          fold.groupWords[group] = Array(repeating: WordTally(), count: fold.hedgeWords.count)
        }
        fold.groupWords[group][wordSlot].add(wordScore)
      }
    }
    let candidate = Candidate(index: index, id: row.id, confidence: confidence, deadline: deadline)
    switch standing {
    case .pending: pending.append(candidate)
    case .overdue: overdue.append(candidate)
    case .waiting: break
    case .settled(let outcome, _):
      guard let score = outcome.score else { break }
      calibration.add(confidence: confidence, outcome: score)
      decomposition.add(confidence: confidence, outcome: score)
      // A claim under 50 % calls the opposite of its words: its call is right when they
      // turn out false. Candidates are ranked by how sure the call was (`isMoreConfident`).
      switch (confidence > 0.5, confidence < 0.5, outcome) {
      case (true, _, .true), (_, true, .false): best.append(candidate)
      case (true, _, .false), (_, true, .true): worst.append(candidate)
      default: break
      }
    }
  }

  /// Calls `body` once for each group the claim counts in (once per distinct tag).
  private mutating func forEachGroup(
    of row: ScoringRows.Row, _ body: (inout ScorecardFold, Int) -> Void
  ) {
    switch builder.grouping {
    case .source:
      body(&self, group(written: row.source))
    case .via:
      body(&self, group(written: row.via == ScoringRows.Row.none ? row.source : row.via))
    case .tag:
      guard row.tags != ScoringRows.Row.none else {
        body(&self, group(named: Grouping.untagged))
        return
      }
      var counted: [Int] = []
      for tag in rows.tagLists[Int(row.tags)] {
        let index = group(tag: tag)
        guard !counted.contains(index) else { continue }
        counted.append(index)
        body(&self, index)
      }
    }
  }

  /// The claim's hedge use, low-information word and specificity, and the place of its hedge's
  /// word in `hedgeWords`.
  private mutating func traits(of row: ScoringRows.Row, at index: Int) -> (ClaimTraits, Int?) {
    var use: WordUse?
    var isLowInformation = false
    var word: Int?
    if row.hedge != ScoringRows.Row.none {
      let number = Int(row.hedge)
      if let hedge = hedgeEntries[number].hedge {
        isLowInformation = hedge.isLowInformation
        if let found = HedgeUse(hedge: hedge, confidence: row.confidence) {
          use = WordUse(found)
          word = hedgeEntries[number].word
          if !hedgeEntries[number].isKnown {
            knownHedges[hedge.word] = hedge
            hedgeEntries[number].isKnown = true
          }
        }
      }
    }
    let traits = ClaimTraits(
      confidence: row.confidence, use: use, isLowInformation: isLowInformation,
      specificity: facts.specificity[index])
    return (traits, word)
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

  /// The group of a source or outlet as written (its number in the rows' `names`): of its
  /// canonical name.
  private mutating func group(written number: Int32) -> Int {
    if let index = writtenGroups[Int(number)] { return index }
    let index = group(named: canonicalName(rows.names[number]))
    writtenGroups[Int(number)] = index
    return index
  }

  /// A tag's group: tags that differ only in case are one topic, as `list --tag` matches
  /// them, named by the first spelling met.
  private mutating func group(tag: String) -> Int {
    let key = tag.lowercased()
    if let index = tagGroups[key] { return index }
    let index = group(named: tag)
    tagGroups[key] = index
    return index
  }

  private mutating func group(named name: String) -> Int {
    if let index = groupIndex[name] { return index }
    groupIndex[name] = groups.count
    groupNames.append(name)
    groups.append(GroupTally())
    groupWords.append([])
    return groups.count - 1
  }

  /// The scorecard, the claims it lists read in full from `claims`.
  mutating func scorecard<Claims: ClaimLookup>(of claims: Claims) throws(Claims.Failure)
    -> Scorecard
  {
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
      bestCalls: try lines(
        best.first(ScorecardBuilder.highlightLimit, by: Self.isMoreConfident), claims),
      worstMisses: try lines(
        worst.first(ScorecardBuilder.highlightLimit, by: Self.isMoreConfident), claims),
      pending: ClaimList(
        lines: try lines(pending.first(builder.listLimit, by: Self.isSooner), claims),
        total: pending.count),
      overdue: ClaimList(
        lines: try lines(overdue.first(builder.listLimit, by: Self.isSooner), claims),
        total: overdue.count),
      hedgeReadings: (ranked + unranked).flatMap { record in
        groupIndex[record.name].map { hedgeReadings(groupWords[$0], name: record.name) } ?? []
      },
      hedgeTable: hedgeReadings(allWords, name: nil),
      sensitivity: HedgeSensitivity.rows(
        ranked.compactMap { record in
          groupIndex[record.name].map { (name: record.name, tally: groups[$0]) }
        }),
      echoes: try echoLines(claims), echoedTotal: echoed.count, countsEchoes: builder.countsEchoes,
      timeToTruth: (ForecastEvent.allCases.map(\.rawValue) + [TimeToTruth.other]).enumerated()
        .compactMap { slot, kind in
          truth[slot].isEmpty ? nil : TimeToTruth(kind: kind, observations: truth[slot])
        })
  }

  /// The words of one group (its `tallies`, by word; `name` nil: all groups) with enough
  /// scored claims, most used first.
  private func hedgeReadings(_ tallies: [WordTally], name: String?) -> [HedgeReading] {
    let minimum = max(builder.minResolved, 1)
    return tallies.enumerated().compactMap { word, tally -> HedgeReading? in
      guard tally.count >= minimum,
        let hedge = knownHedges[hedgeWords[word]]
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
  /// The surer call first, however it leaned: 5 % is as sure as 95 %; ids break ties.
  private static func isMoreConfident(_ a: Candidate, _ b: Candidate) -> Bool {
    let sureA = max(a.confidence, 1 - a.confidence)
    let sureB = max(b.confidence, 1 - b.confidence)
    return (sureB, a.id) < (sureA, b.id)
  }

  /// Soonest deadline first; claims with no deadline last; ids break ties.
  private static func isSooner(_ a: Candidate, _ b: Candidate) -> Bool {
    let dayA = a.deadline?.daysSinceEpoch ?? Int.max
    let dayB = b.deadline?.daysSinceEpoch ?? Int.max
    return (dayA, a.id) < (dayB, b.id)
  }

  private mutating func lines<Claims: ClaimLookup>(_ candidates: [Candidate], _ claims: Claims)
    throws(Claims.Failure) -> [ClaimLine]
  {
    var lines: [ClaimLine] = []
    for candidate in candidates {
      lines.append(line(try claims.record(at: candidate.index)))
    }
    return lines
  }

  /// A claim as listed; a resolution dated after `today` is left out, as it was not known yet.
  private mutating func line(_ record: ClaimRecord) -> ClaimLine {
    let claim = record.claim
    let known = record.scoredResolution.flatMap { $0.on <= builder.today ? $0 : nil }
    return ClaimLine(
      id: record.id.description, text: claim.text, quote: claim.quote,
      source: canonicalName(claim.source), confidence: claim.confidence.value,
      said: claim.said, deadline: claim.deadline, outcome: known == nil ? nil : record.outcome,
      resolvedOn: known?.on, evidence: known?.evidence, url: claim.url)
  }

  /// The first echoed forecasts of the selection, each with its echoes.
  private mutating func echoLines<Claims: ClaimLookup>(_ claims: Claims) throws(Claims.Failure)
    -> [EchoLine]
  {
    var lines: [EchoLine] = []
    for index in echoed.prefix(builder.listLimit) {
      let original = line(try claims.record(at: index))
      var echoLines: [ClaimLine] = []
      for echo in echoes.echoesOf[index] ?? [] {
        echoLines.append(line(try claims.record(at: echo)))
      }
      lines.append(EchoLine(original: original, echoes: echoLines))
    }
    return lines
  }
}
