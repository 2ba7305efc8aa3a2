import ClaimLedger
import ClaimReports

/// What `claims sources --hedges` prints: each hedge word with what it turned out to mean.
enum HedgeWordsTable {
  static func output(
    _ readings: [HedgeReading], minResolved: Int, context: Context, notes: [String]
  ) -> CommandOutput {
    if context.json { return CommandOutput(json(readings), notes: notes) }
    guard !readings.isEmpty else {
      return CommandOutput(
        "",
        notes: notes + [
          minResolved > 1
            ? "no hedge word was read in \(minResolved) scored claims yet; --min-resolved lowers "
              + "the bar"
            : "no hedge word was read in a scored claim yet"
        ])
    }
    var table = TextTable(columns: [
      .init("WORD", isFlexible: true), .init("SCORED", alignment: .right),
      .init("HAPPENED", alignment: .right), .init("95% INTERVAL", alignment: .right),
      .init("TABLE", alignment: .right), .init("RANGE", alignment: .right),
    ])
    for reading in readings {
      table.append([
        reading.word + (reading.isOffTable ? " *" : ""), String(reading.count),
        percent(reading.happened),
        reading.interval.map { percent($0.low) + "–" + percent($0.high) } ?? "—",
        percent(reading.assumed),
        percent(reading.range.lowerBound) + "–" + percent(reading.range.upperBound),
      ])
    }
    let terminal = context.terminal
    return CommandOutput(
      table.render(width: terminal.isInteractive ? terminal.width ?? 100 : terminal.width),
      notes: notes)
  }

  private static func percent(_ value: Double) -> String {
    DecimalFormat.fixed(value * 100, places: 0) + "%"
  }

  private static func json(_ readings: [HedgeReading]) -> String {
    var json = JSONBuffer()
    json.beginArray()
    for reading in readings {
      json.beginObject()
      json.key("source")
      json.optionalString(reading.name)
      json.field("word", reading.word)
      json.key("scored")
      json.integer(reading.count)
      for (name, value) in [
        ("happened", reading.happened), ("happened_low", reading.interval?.low),
        ("happened_high", reading.interval?.high), ("assumed", reading.assumed),
        ("range_low", reading.range.lowerBound), ("range_high", reading.range.upperBound),
      ] {
        json.figure(name, value)
      }
      json.key("off_table")
      json.bool(reading.isOffTable)
      json.endObject()
    }
    json.endArray()
    return json.text + "\n"
  }
}
