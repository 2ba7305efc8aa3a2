import ClaimLedger

/// What a scorecard reads from the words of every claim — the names the lexicon finds, the
/// kind of event, the specificity, and the echo clusters built on them — worked out once, on
/// all cores, for every scorecard of one run.
///
/// These are the only figures that read claim texts, and a million claims take seconds to
/// read; `report` writes the year's and the all-years scorecard from one set.
public struct ClaimTextFacts: Sendable {
  /// Per record, the kind of event its text names, for time to truth.
  public let events: [ForecastEvent?]
  /// Per record, its specificity score.
  public let specificity: [Double]
  public let echoes: EchoClusters

  /// Reads `records`; `nameScan` finds the names the lexicon knows in a claim's text or quote.
  /// With a `cache`, a claim whose reading it kept (and whose words have not changed since) is
  /// not read again, and the cache is brought up to date when any claim was. With the digest
  /// of the ledger `records` were folded from, a cache written for that same digest is taken
  /// as it is, without hashing each claim's words to match them; the digest is never waited
  /// for.
  public init(
    _ records: [ClaimRecord], nameScan: NameScan, cache: TextFactsCache? = nil,
    ledgerDigest: PendingDigest? = nil
  ) {
    let remembered = cache?.load()
    let knownDigest = ledgerDigest?.valueIfDone
    let isSameLedger =
      knownDigest != nil && remembered?.ledgerDigest == knownDigest
      && remembered?.count == records.count
    let read = ClaimTextFacts.readings(
      of: records, nameScan: nameScan, remembered: remembered, hashing: cache != nil,
      isSameLedger: isSameLedger)
    events = read.map(\.reading.event)
    specificity = read.map(\.reading.specificity.score)
    // A kept reading's key is decoded only when another claim's key has the same digest (or
    // the cache is written again); one the file cannot give is read from the claim afresh.
    func withKey(_ index: Int) -> Reading {
      let reading = read[index].reading
      guard reading.key == nil, reading.keyDigest != nil else { return reading }
      return remembered?.reading(at: index)
        ?? records[index].withClaim { claim in
          ClaimTextFacts.read(claim, status: records[index].status, nameScan: nameScan)
        }
    }
    echoes = EchoClusters(records, digests: read.map(\.reading.keyDigest)) { withKey($0).key }
    guard let cache else { return }
    let isChanged =
      remembered?.count != records.count || read.contains(where: { !$0.wasKept })
    // Written again, too, to name a digest learnt since, so the next report need not hash.
    let savedDigest = ledgerDigest?.valueIfDone ?? (isChanged ? nil : remembered?.ledgerDigest)
    if isChanged || savedDigest != remembered?.ledgerDigest {
      cache.save(
        read.indices.map { index in
          Keyed(hash: read[index].hash, reading: withKey(index), wasKept: read[index].wasKept)
        }, ledgerDigest: savedDigest)
    }
  }

  /// A claim's reading, the hash of what it was read from, and whether the cache had it.
  struct Keyed: Sendable {
    let hash: UInt64
    let reading: Reading
    let wasKept: Bool
  }

  /// Every record's reading, from `remembered` where it holds one for the same words; those
  /// come without their echo keys (`Reading.key`), only the keys' digests. Without `hashing`
  /// (no cache to keep them in), no claim's words are hashed; when `isSameLedger` (the file
  /// was written for this ledger's digest), a kept reading is taken without hashing them.
  static func readings(
    of records: [ClaimRecord], nameScan: NameScan, remembered: TextFactsCache.Remembered?,
    hashing: Bool, isSameLedger: Bool = false
  ) -> [Keyed] {
    // Read through a pointer: indexing the array inside the closure copied each record.
    records.withUnsafeBufferPointer { buffer in
      let records = SharedRecords(buffer: buffer)
      return ParallelMap.map(count: buffer.count) { index in
        if isSameLedger, let remembered,
          let reading = remembered.reading(at: index, withKey: false)
        {
          return Keyed(hash: remembered.hash(at: index), reading: reading, wasKept: true)
        }
        return ClaimTextFacts.keyed(records.buffer[index], remembered, index, hashing, nameScan)
      }
    }
  }

  /// Records read on every core, none written.
  private struct SharedRecords: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<ClaimRecord>
  }

  /// The reading of `record`, the `index`th, from `remembered` when it holds one for the same
  /// words.
  private static func keyed(
    _ record: ClaimRecord, _ remembered: TextFactsCache.Remembered?, _ index: Int,
    _ hashing: Bool, _ nameScan: NameScan
  ) -> Keyed {
    record.withClaim { claim in
      let status = record.status
      let hash = hashing ? ClaimTextFacts.hash(of: claim, status: status) : 0
      if let remembered, index < remembered.count, remembered.hash(at: index) == hash,
        let reading = remembered.reading(at: index, withKey: false)
      {
        return Keyed(hash: hash, reading: reading, wasKept: true)
      }
      let reading = ClaimTextFacts.read(claim, status: status, nameScan: nameScan)
      return Keyed(hash: hash, reading: reading, wasKept: false)
    }
  }

  /// A hash of all a claim's reading depends on besides the lexicon and the word lists.
  static func hash(of claim: Claim, status: Status) -> UInt64 {
    var hash = StableHash()
    claim.withTextUTF8 { text, quote in
      hash.combine(text)
      if let quote {
        hash.combine(1)
        hash.combine(quote)
      } else {
        hash.combine(0)
      }
    }
    let isClustered = status == .open || status == .resolved
    var flags: UInt64 = claim.isConditional ? 1 : 0
    if Specificity.hasExplicitDeadline(claim) { flags |= 2 }
    if isClustered { flags |= 4 }
    if let year = claim.deadline?.year {
      flags |= 8
      hash.combine(UInt64(bitPattern: Int64(year)))
    }
    hash.combine(flags)
    return hash.finalized
  }

  /// Facts worked out before and kept (`ScoringSnapshot`).
  init(events: [ForecastEvent?], specificity: [Double], echoes: EchoClusters) {
    self.events = events
    self.specificity = specificity
    self.echoes = echoes
  }

  /// Facts that read nothing: no names, no events, no echoes.
  init(count: Int) {
    events = Array(repeating: nil, count: count)
    specificity = Array(repeating: 0, count: count)
    echoes = EchoClusters()
  }

  /// What one claim's words say.
  struct Reading: Sendable, Equatable {
    let event: ForecastEvent?
    let specificity: Specificity
    /// Nil for claims that are neither open nor resolved, or that name nothing.
    let keyDigest: UInt64?
    /// The key itself; nil also for a reading the cache kept and was asked for without it.
    let key: EchoClusters.Key?

    init(event: ForecastEvent?, specificity: Specificity, key: EchoClusters.Key?) {
      self.init(event: event, specificity: specificity, keyDigest: key?.digest, key: key)
    }

    init(
      event: ForecastEvent?, specificity: Specificity, keyDigest: UInt64?, key: EchoClusters.Key?
    ) {
      self.event = event
      self.specificity = specificity
      self.keyDigest = keyDigest
      self.key = key
    }
  }

  /// Reads one claim: its names, then one scan of its text (and of its quote only when the
  /// text leaves a mark of specificity undecided).
  static func read(_ claim: Claim, status: Status, nameScan: NameScan) -> Reading {
    claim.withTextUTF8 { text, quote in
      let found = Claim.names(inText: text, quote: quote, nameScan)
      let words = ClaimWords(text)
      var isMeasurable = Specificity.hasDigit(in: text) || words.hasCountableEvent
      var hasCondition = claim.isConditional || words.hasCondition
      if let quote, !isMeasurable || !hasCondition {
        let quoteWords = ClaimWords(quote)
        isMeasurable =
          isMeasurable || Specificity.hasDigit(in: quote) || quoteWords.hasCountableEvent
        hasCondition = hasCondition || quoteWords.hasCondition
      }
      let specificity = Specificity(
        hasNamedSubject: found.first.map { !$0.isEmpty } ?? false,
        hasExplicitDeadline: Specificity.hasExplicitDeadline(claim), isMeasurable: isMeasurable,
        isUnconditional: !hasCondition)
      let isClustered = status == .open || status == .resolved
      return Reading(
        event: words.event, specificity: specificity,
        key: isClustered
          ? EchoClusters.Key(names: found, words: words, text: text, year: claim.deadline?.year)
          : nil)
    }
  }
}
