import ClaimLedger

/// The scorecard as JSON, the machine contract: fixed key order, four decimals, null for a
/// figure with no value, non-ASCII as is.
public struct JSONRenderer: Sendable {
  public init() {}

  public func render(_ card: Scorecard) -> String {
    var json = JSONBuffer()
    json.beginObject()
    json.key("year")
    if let year = card.year { json.integer(year) } else { json.null() }
    json.field("by", card.by.rawValue)
    json.field("generated", card.generated.description)
    json.field("ledger", card.ledgerSHA256)
    json.field("hedge_table", card.hedgeTableVersion)
    json.key("side_files")
    json.beginObject()
    for file in card.sideFiles { json.field(file.name, file.sha256) }
    json.endObject()
    json.field("group", card.grouping.rawValue)
    integer(&json, "min_resolved", card.minResolved)
    integer(&json, "waiting_for_deadline", card.waitingForDeadline)
    json.key("totals")
    json.beginObject()
    counts(&json, card.totals)
    figures(&json, card.totals)
    json.endObject()
    json.key("sources")
    json.beginArray()
    for record in card.ranked + card.unranked {
      json.beginObject()
      json.field("source", record.name)
      counts(&json, record)
      figures(&json, record)
      json.endObject()
    }
    json.endArray()
    calibration(&json, card.calibration)
    decomposition(&json, card.decomposition)
    byYear(&json, card.byYear)
    json.key("best_calls")
    claims(&json, card.bestCalls, resolved: true)
    json.key("worst_misses")
    claims(&json, card.worstMisses, resolved: true)
    json.key("pending")
    claims(&json, card.pending.lines, resolved: false)
    integer(&json, "pending_total", card.pending.total)
    json.key("overdue")
    claims(&json, card.overdue.lines, resolved: false)
    integer(&json, "overdue_total", card.overdue.total)
    hedgeReadings(&json, "hedge_readings", card.hedgeReadings)
    hedgeReadings(&json, "hedge_words", card.hedgeTable)
    sensitivity(&json, card.sensitivity)
    json.key("counts_echoes")
    json.bool(card.countsEchoes)
    objects(&json, "echoes", card.echoes) { json, line in
      json.field("id", line.original.id)
      json.field("text", line.original.text)
      json.field("source", line.original.source)
      json.key("said")
      json.optionalString(line.original.said?.description)
      objects(&json, "echoes", line.echoes) { json, echo in
        json.field("id", echo.id)
        json.field("source", echo.source)
        json.key("said")
        json.optionalString(echo.said?.description)
      }
    }
    integer(&json, "echoed_total", card.echoedTotal)
    timeToTruth(&json, card.timeToTruth)
    json.endObject()
    return json.text + "\n"
  }

  /// Each reading of a word; `source` only in the per-source list.
  private func hedgeReadings(_ json: inout JSONBuffer, _ name: String, _ readings: [HedgeReading]) {
    objects(&json, name, readings) { json, reading in
      if let source = reading.name { json.field("source", source) }
      json.field("word", reading.word)
      integer(&json, "scored", reading.count)
      number(&json, "happened", reading.happened)
      number(&json, "happened_low", reading.interval?.low)
      number(&json, "happened_high", reading.interval?.high)
      number(&json, "assumed", reading.assumed)
      number(&json, "range_low", reading.range.lowerBound)
      number(&json, "range_high", reading.range.upperBound)
      json.key("low_information")
      json.bool(reading.isLowInformation)
    }
  }

  private func timeToTruth(_ json: inout JSONBuffer, _ rows: [TimeToTruth]) {
    objects(&json, "time_to_truth", rows) { json, row in
      json.field("kind", row.kind)
      integer(&json, "claims", row.claims)
      integer(&json, "came_true", row.cameTrue)
      integer(&json, "open", row.open)
      number(&json, "median_days_before_deadline", row.medianDaysBeforeDeadline)
      number(&json, "within_90_days", row.share(within: 90))
      number(&json, "within_365_days", row.share(within: 365))
      objects(&json, "curve", row.curve) { json, step in
        integer(&json, "day", step.day)
        number(&json, "share", step.share)
      }
    }
  }

  /// `name`: an array with one object per item, whose fields `body` writes.
  private func objects<Item>(
    _ json: inout JSONBuffer, _ name: String, _ items: [Item],
    _ body: (inout JSONBuffer, Item) -> Void
  ) {
    json.key(name)
    json.beginArray()
    for item in items {
      json.beginObject()
      body(&json, item)
      json.endObject()
    }
    json.endArray()
  }

  private func sensitivity(_ json: inout JSONBuffer, _ rows: [HedgeSensitivity]) {
    objects(&json, "sensitivity", rows) { json, row in
      json.field("source", row.name)
      integer(&json, "hedged", row.hedged)
      for (suffix, score) in [("_low", row.low), ("", row.middle), ("_high", row.high)] {
        number(&json, "brier" + suffix, score.brier)
        number(&json, "brier_skill" + suffix, score.brierSkill)
        integer(&json, "brier_rank" + suffix, score.brierRank)
      }
      json.key("rank_flips")
      json.bool(row.rankFlips)
      json.key("skill_flips")
      json.bool(row.skillFlips)
    }
  }

  /// The counts in contract order; `waiting` and `scored` are extra keys after the contract's.
  private func counts(_ json: inout JSONBuffer, _ record: TrackRecord) {
    let counts = record.counts
    for (name, value) in [
      ("claims", counts.claims), ("resolved", counts.resolved), ("true", counts.true),
      ("partial", counts.partial), ("false", counts.false), ("void", counts.void),
      ("pending", counts.pending), ("overdue", counts.overdue),
    ] {
      integer(&json, name, value)
    }
  }

  private func figures(_ json: inout JSONBuffer, _ record: TrackRecord) {
    let figures = record.figures
    number(&json, "accuracy", figures.accuracy)
    number(&json, "accuracy_low", figures.accuracyInterval?.low)
    number(&json, "accuracy_high", figures.accuracyInterval?.high)
    number(&json, "brier", figures.brier)
    number(&json, "brier_skill", figures.brierSkill)
    number(&json, "shrunk_accuracy", figures.shrunkAccuracy)
    number(&json, "boldness", figures.boldness)
    json.key("rank")
    if let rank = record.rank { json.integer(rank) } else { json.null() }
    integer(&json, "waiting", record.counts.waiting)
    integer(&json, "scored", figures.scored)
    number(&json, "void_rate", record.voidRate)
    number(&json, "early_share", record.earlyShare)
    number(&json, "low_information_share", record.lowInformationShare)
    number(&json, "specificity", record.meanSpecificity)
    integer(&json, "echoes", record.echoes)
    integer(&json, "echoed_originals", record.echoedOriginals)
  }

  private func calibration(_ json: inout JSONBuffer, _ bins: [CalibrationBin]) {
    json.key("calibration")
    json.beginArray()
    for bin in bins {
      json.beginObject()
      number(&json, "low", bin.low)
      number(&json, "high", bin.high)
      integer(&json, "count", bin.count)
      number(&json, "mean_confidence", bin.meanConfidence)
      number(&json, "observed", bin.observed)
      number(&json, "observed_low", bin.observedInterval?.low)
      number(&json, "observed_high", bin.observedInterval?.high)
      json.endObject()
    }
    json.endArray()
  }

  private func decomposition(_ json: inout JSONBuffer, _ parts: BrierDecomposition?) {
    json.key("decomposition")
    guard let parts else {
      json.null()
      return
    }
    json.beginObject()
    number(&json, "brier", parts.brier)
    number(&json, "reliability", parts.reliability)
    number(&json, "resolution", parts.resolution)
    number(&json, "uncertainty", parts.uncertainty)
    integer(&json, "forecast_values", parts.forecastValues)
    json.endObject()
  }

  private func byYear(_ json: inout JSONBuffer, _ rows: [YearRecord]) {
    json.key("by_year")
    json.beginArray()
    for row in rows {
      json.beginObject()
      json.field("source", row.name)
      integer(&json, "year", row.year)
      integer(&json, "resolved", row.counts.resolved)
      number(&json, "accuracy", row.figures.accuracy)
      number(&json, "brier", row.figures.brier)
      integer(&json, "claims", row.counts.claims)
      integer(&json, "scored", row.figures.scored)
      json.endObject()
    }
    json.endArray()
  }

  private func claims(_ json: inout JSONBuffer, _ lines: [ClaimLine], resolved: Bool) {
    json.beginArray()
    for line in lines {
      json.beginObject()
      json.field("id", line.id)
      json.field("text", line.text)
      if resolved {
        json.key("quote")
        json.optionalString(line.quote)
      }
      json.field("source", line.source)
      number(&json, "confidence", line.confidence)
      json.key("deadline")
      json.optionalString(line.deadline?.description)
      if resolved {
        json.key("said")
        json.optionalString(line.said?.description)
        json.key("resolved_on")
        json.optionalString(line.resolvedOn?.description)
        json.key("evidence")
        json.optionalString(line.evidence)
        json.key("url")
        json.optionalString(line.url)
      }
      json.endObject()
    }
    json.endArray()
  }

  private func integer(_ json: inout JSONBuffer, _ name: String, _ value: Int) {
    json.key(name)
    json.integer(value)
  }

  /// Four fixed decimals, or null; a non-finite value is never written.
  private func number(_ json: inout JSONBuffer, _ name: String, _ value: Double?) {
    json.key(name)
    guard let value, value.isFinite else {
      json.null()
      return
    }
    json.raw(Array(Figure.fixed(value).utf8))
  }
}
