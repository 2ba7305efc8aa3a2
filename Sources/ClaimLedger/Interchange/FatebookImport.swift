/// Fatebook's CSV, as its export writes it or as its spreadsheet import takes it.
///
/// YES is true, NO false and AMBIGUOUS void unless the notes carry the `outcome: partial` line
/// `claims export --format fatebook` writes for partial claims; a void claim's reason is the
/// notes' `reason` line, else `ambiguous`. A question the notes call `proposed` or
/// `rejected`, and Fatebook has not resolved since, is that again. The
/// source comes from a `source: NAME` line of the notes, else from the forecaster column of
/// Fatebook's export, else it is "Fatebook"; a multiple-choice option is named after the title. A resolved
/// question without a resolved-at date is taken as resolved on its resolve-by date, else on
/// the day it was asked.
enum FatebookImport {
  /// Our field for each Fatebook column title, lower-cased; several titles mean one field.
  static let columns: [String: String] = [
    "question title": "text", "title": "text", "question": "text",
    "forecast": "forecast", "forecast (scale = 0-1)": "forecast01",
    "question created date": "said", "question created at": "said", "created at": "said",
    "forecast created date": "forecast_said", "forecast created at": "forecast_said",
    "resolution": "resolution", "resolved at": "resolved_on", "resolved-at": "resolved_on",
    "question resolution": "resolution", "question resolved at": "resolved_on",
    "resolve by": "deadline", "resolve-by": "deadline", "question resolve by": "deadline",
    "tags": "tags", "question tags": "tags", "notes": "notes", "question notes": "notes",
    "multiple choice option": "option", "forecast created by": "forecaster",
  ]

  /// Reads the rows under a header whose names are `written` as the file spells them.
  static func read(_ rows: ArraySlice<CSVRow>, written: [String], path: String, today: Day)
    throws(ImportError) -> ImportReading
  {
    var index: [String: Int] = [:]
    var unknown: [String] = []
    for (position, name) in written.enumerated() {
      if let field = columns[name.lowercased()] {
        if index[field] == nil { index[field] = position }
      } else if !name.isEmpty {
        unknown.append(name)
      }
    }
    guard index["text"] != nil else {
      throw .missingColumns(
        path: path, names: ["question title"], hint: ClaimImport.separatorHint(written))
    }
    var reading = ImportReading(format: .fatebook)
    // A Forecast column with no value over 1 holds probabilities, not Fatebook's percentages:
    // its 0.6 is refused rather than read as 0.6%.
    let forecastsLookLikeProbabilities =
      index["forecast"].map { position in
        !rows.contains { row in
          position < row.cells.count
            && (PercentColumn.bareNumber(CSVField.decodeText(row.cells[position])) ?? 0) > 1
        }
      } ?? false
    if !unknown.isEmpty {
      reading.notes.append(
        "\(path): ignored the unknown column\(unknown.count == 1 ? "" : "s") "
          + unknown.joined(separator: ", "))
    }
    let (dateOrder, dateNote) = ClaimImport.dateOrder(
      of: rows,
      columns: ["said", "forecast_said", "deadline", "resolved_on"].compactMap { index[$0] },
      path: path)
    if let dateNote { reading.notes.append(dateNote) }
    let ordered = forecastOrder(rows, index: index, dateOrder: dateOrder?.order)
    for row in ordered.rows {
      if ClaimImport.isEmptyRow(row) {
        reading.emptyRows += 1
        continue
      }
      func cell(_ field: String) -> String? { Self.cell(field, of: row, index: index) }
      func columnOf(_ field: String) -> Int {
        index[field].map { $0 < row.columns.count ? row.columns[$0] : 1 } ?? 1
      }
      var values: [String: String] = [:]
      var columnOfKey: [String: Int] = [:]
      func put(_ key: String, _ value: String?, from field: String) {
        values[key] = value
        columnOfKey[key] = columnOf(field)
      }
      // A multiple-choice question has a row per option, each resolved YES or NO on its own:
      // each is a claim of its own, named by the option.
      put(
        "text", cell("text").map { text in cell("option").map { text + ": " + $0 } ?? text },
        from: "text")
      let notes = FatebookNotes(reading: cell("notes") ?? "")
      if let firstDay = ordered.firstDay[row.line] {
        put("said", notes.hasNoSaidDate ? nil : firstDay.description, from: "forecast_said")
      } else if ordered.unreadTimes.contains(row.line) {
        // A forecast time no date: refused at its cell, as a said date would be.
        put("said", cell("forecast_said"), from: "forecast_said")
      } else {
        put(
          "said", notes.hasNoSaidDate ? nil : cell("said") ?? cell("forecast_said"),
          from: cell("said") == nil ? "forecast_said" : "said")
      }
      put("deadline", cell("deadline"), from: "deadline")
      put(
        "tags",
        notes.tags.map { $0.joined(separator: ";") }
          ?? cell("tags").map { $0.replacingOccurrences(of: ",", with: ";") },
        from: notes.tags == nil ? "tags" : "notes")
      // Fatebook's own words in the messages: a forecast in percent, a resolution in capitals.
      func refuse(_ field: String, _ reason: String) {
        reading.problems.append(
          .badValue(
            at: SourceLocation(path: path, line: row.line, column: columnOf(field)), reason: reason)
        )
      }
      if let percent = cell("forecast") {
        let number = (percent.hasSuffix("%") ? String(percent.dropLast()) : percent)
          .trimmingSpaces()
        // Digits and a point only: `Double` would also read `0x10`, `1e1` and `inf`. Shifted
        // as a decimal, not divided (0.7 / 100 would be 0.006999999999999999), and a hair off
        // 100 kept on its side of it.
        guard RowFields.isPlainDecimal(number), let value = Double(number),
          let probability = Double(number + "e-2").map({
            Confidence.onItsSideOfCertain($0, written: Substring(number), certain: "100")
          }),
          (0...1).contains(probability)
        else {
          refuse("forecast", "Forecast '\(percent)' is not a percentage from 0 to 100")
          continue
        }
        // This tool's own export (its notes give the id) writes percentages, tiny ones too.
        // 1 too: beside probabilities it is more likely certain than 1%.
        if forecastsLookLikeProbabilities, notes.id == nil, value > 0, value <= 1,
          !percent.hasSuffix("%")
        {
          let reading =
            value == 1
            ? "could be 1% or 100%" : "would be \(percent)%, as the column is in percent"
          refuse(
            "forecast",
            "Forecast '\(percent)' \(reading), but no forecast in the column is over 1: if it "
              + "holds probabilities, title it 'Forecast (scale = 0-1)', else write \(percent)%")
          continue
        }
        put("confidence", ClaimExport.number(probability), from: "forecast")
      } else {
        put("confidence", cell("forecast01"), from: "forecast01")
      }
      // A question several people forecast has a row per forecaster, each a claim by them.
      put(
        "source", notes.source ?? cell("forecaster") ?? "Fatebook",
        from: notes.source == nil && cell("forecaster") != nil ? "forecaster" : "notes")
      // Evidence belongs to a resolution: on a question not resolved, a typed "evidence:"
      // line is what it says, a note.
      let isResolved = cell("resolution") != nil
      var note = notes.note
      if !isResolved, let evidence = notes.evidence {
        note = [note, "evidence: " + evidence].compactMap { $0 }.joined(separator: "\n")
      }
      for (key, value) in [
        ("id", notes.id), ("via", notes.via), ("url", notes.url), ("quote", notes.quote),
        ("hedge", notes.hedge), ("lang", notes.lang), ("deadline_text", notes.deadlineText),
        ("note", note),
        ("evidence", isResolved ? notes.evidence : nil),
        ("conditional", notes.isConditional ? "true" : nil),
        ("document", notes.document),
      ] {
        put(key, value, from: "notes")
      }
      if let resolution = cell("resolution") {
        let outcome: String
        switch resolution.uppercased() {
        case "YES": outcome = "true"
        case "NO": outcome = "false"
        case "AMBIGUOUS": outcome = notes.isPartial ? "partial" : "void"
        default:
          // This tool's own outcome words are taken too, as they always were.
          guard let own = Outcome(rawValue: resolution.lowercased()) else {
            refuse("resolution", "Resolution '\(resolution)' is not YES, NO or AMBIGUOUS")
            continue
          }
          outcome = own.rawValue
        }
        put("outcome", outcome, from: "resolution")
        put("status", "resolved", from: "resolution")
        if outcome == "void" {
          if let reason = notes.reason, notes.status == nil {
            put("reason", reason, from: "notes")
          } else {
            put("reason", "ambiguous", from: "resolution")
          }
        }
        let resolvedOn = cell("resolved_on") ?? cell("deadline") ?? values["said"]
        if cell("resolved_on") == nil, let resolvedOn {
          reading.notes.append(
            "\(path):\(row.line): no Resolved at; taken as resolved on \(resolvedOn), its "
              + (cell("deadline") == nil ? "created date" : "resolve-by date"))
        }
        put("resolved_on", resolvedOn, from: "resolved_on")
      } else {
        if let resolvedOn = cell("resolved_on") {
          reading.notes.append(
            "\(path):\(row.line): Resolved at \(resolvedOn) with no Resolution; imported as "
              + (notes.status ?? "open"))
        }
        // A question resolved in Fatebook since the export is resolved, whatever the notes say.
        if let status = notes.status {
          put("status", status, from: "notes")
          put("reason", notes.reason, from: "notes")
        }
      }
      let fields = RowFields(
        path: path, line: row.line, today: today, value: { values[$0] },
        column: { columnOfKey[$0] ?? 1 }, tags: nil, dateOrder: dateOrder)
      do {
        reading.claims.append(try fields.claim(detectingLanguage: values["lang"] == nil))
      } catch {
        reading.problems.append(error)
      }
    }
    reading.problems += differingRepeats(reading.claims, path: path)
    reading.problems = ImportError.inLineOrder(reading.problems)
    return reading
  }

  /// The cell of `field` in `row`, trimmed; nil when the file has no such column or the cell
  /// is empty.
  private static func cell(_ field: String, of row: CSVRow, index: [String: Int]) -> String? {
    guard let position = index[field], position < row.cells.count else { return nil }
    let text = CSVField.decodeText(row.cells[position]).trimmingSpaces()
    return text.isEmpty ? nil : text
  }

  /// Fatebook's export has a row per forecast, in no set order. Each forecaster's claim on a
  /// question is what they said first, on the day they said it: the rows come back with each
  /// forecaster's forecasts of a question in time order (in the places their rows held, so
  /// the first read is the first made), and with the day of the first, by row line. A
  /// question is its title, option and creation time, so a question asked again under one
  /// title (a weekly one) stays apart. A question with a forecast time that reads as no date
  /// (one that could be either way round, in a file whose dates do not say which) has no first
  /// forecast: its rows are as written, those times in `unreadTimes`, by row line. Without
  /// forecaster and forecast-time columns the rows are as written.
  private static func forecastOrder(
    _ rows: ArraySlice<CSVRow>, index: [String: Int], dateOrder: SpreadsheetDate.Order?
  ) -> (rows: [CSVRow], firstDay: [Int: Day], unreadTimes: Set<Int>) {
    guard index["forecaster"] != nil, index["forecast_said"] != nil else {
      return (Array(rows), [:], [])
    }
    var places: [[String?]: [Int]] = [:]
    for (offset, row) in zip(rows.indices, rows) where !ClaimImport.isEmptyRow(row) {
      let question = ["text", "option", "said", "forecaster"].map {
        cell($0, of: row, index: index)
      }
      places[question, default: []].append(offset)
    }
    var ordered = Array(rows)
    var firstDay: [Int: Day] = [:]
    var unreadTimes: Set<Int> = []
    for offsets in places.values {
      let cells = offsets.map { cell("forecast_said", of: rows[$0], index: index) }
      let times = cells.map { $0.flatMap { RowFields.readInstant($0, order: dateOrder) } }
      let unread = zip(offsets, zip(cells, times)).filter { $1.0 != nil && $1.1 == nil }
      guard unread.isEmpty else {
        unreadTimes.formUnion(unread.map { rows[$0.0].line })
        continue
      }
      // Rows with no time keep their file order, after the others.
      let byTime = zip(offsets, times).enumerated().sorted { a, b in
        switch (a.element.1?.instant, b.element.1?.instant) {
        case (let x?, let y?) where x != y: x < y
        case (_?, nil): true
        case (nil, _?): false
        default: a.offset < b.offset
        }
      }
      let first = byTime.first?.element.1?.day
      for (place, sorted) in zip(offsets, byTime) {
        let row = rows[sorted.element.0]
        ordered[place - rows.startIndex] = row
        if let first { firstDay[row.line] = first }
      }
    }
    return (ordered, firstDay, unreadTimes)
  }

  /// Rows of one claim (a question by one forecaster) that say more than another forecast:
  /// Fatebook's export has a row per forecast, and the first is kept, but rows that differ in
  /// the question's resolution, dates or notes are two questions under one title, and one
  /// would be dropped unseen.
  static func differingRepeats(_ claims: [ImportedClaim], path: String) -> [ImportError] {
    var first: [ClaimID: ImportedClaim] = [:]
    var problems: [ImportError] = []
    for claim in claims {
      guard let earlier = first[claim.id] else {
        first[claim.id] = claim
        continue
      }
      var alike = claim
      alike.claim.confidence = earlier.claim.confidence
      alike.claim.hedge = earlier.claim.hedge
      alike.confidenceWord = earlier.confidenceWord
      alike.line = earlier.line
      guard alike != earlier else { continue }
      // The rows are read in forecast order, so the first may come later in the file.
      let first = earlier.line > claim.line ? " (its first forecast)" : ""
      problems.append(
        .badValue(
          at: SourceLocation(path: path, line: claim.line, column: 1),
          reason: "the question on line \(earlier.line)\(first) by the same forecaster is here "
            + "again, with more than its forecast changed; keep one of the two rows"))
    }
    return problems
  }
}
