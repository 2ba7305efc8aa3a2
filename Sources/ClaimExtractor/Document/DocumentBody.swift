import ClaimLedger
import Foundation

/// Reads the body of an article line by line into sections, picking up the metadata that the
/// body itself carries: a byline, a dateline, the title heading, each digest item's source.
struct DocumentBody {
  /// A byline counts only among the first this many non-empty lines.
  static let bylineWindow = 5
  /// A dateline counts only among the first this many non-empty lines.
  static let datelineWindow = 10
  /// A line this short that holds a date dates the article even when it holds more.
  static let shortLine = 40

  private(set) var metadata: DocumentMetadata
  private var finished: [DocumentSection] = []
  private var current = DocumentSection()
  private var stripper = MarkdownStripper()
  private var nonEmptyLines = 0
  private var hasBodyText = false
  /// The day of an "Updated:" line: the article's day only when nothing gives the day it was
  /// published, which may come on a later line.
  private var updatedOn: Day?
  /// The day of a date that opens the first paragraph (`Dateline.leading`): weaker than a
  /// dateline of its own or a date in the address.
  private var leadingDay: Day?

  init(metadata: DocumentMetadata) {
    self.metadata = metadata
  }

  /// At least one section: the text before the first heading is a section only when it has
  /// lines, unless there is nothing else.
  var sections: [DocumentSection] {
    var all = finished + [current]
    if all.count > 1, all[0].heading == nil, all[0].lines.isEmpty { all.removeFirst() }
    return all
  }

  /// Reads the lines of `text` after the first `skipped`, which front matter or header lines
  /// took; line numbers count from the start of the file all the same.
  mutating func read(_ text: UnsafeBufferPointer<UInt8>, skippingLines skipped: Int) {
    guard let base = text.baseAddress else { return }
    var start = 0
    var number = 0
    while start < text.count {
      let newline = memchr(base + start, 10, text.count - start)
      let end =
        newline.map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) } ?? text.count
      number += 1
      if number > skipped {
        readLine(UnsafeBufferPointer(rebasing: text[start..<end]), number: number)
      }
      start = end + 1
    }
    if metadata.published == nil, let url = metadata.url {
      metadata.published = DateText.day(inURL: url)
    }
    if metadata.published == nil { metadata.published = leadingDay ?? updatedOn }
  }

  /// Takes the day of a dateline near the top as the article's, unless one was found already
  /// or it dates an update.
  private mutating func note(_ dateline: Dateline) {
    if dateline.isUpdate {
      updatedOn = updatedOn ?? dateline.day
    } else if metadata.published == nil {
      metadata.published = dateline.day
    }
  }

  private mutating func readLine(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
    let kind = stripper.strip(line)
    guard kind != .dropped, !stripper.text.isEmpty else { return }
    if case .heading(let level) = kind {
      let heading = String(decoding: stripper.text, as: UTF8.self)
      nonEmptyLines += 1
      if nonEmptyLines <= Self.datelineWindow, let dateline = Dateline(heading) {
        note(dateline)
      }
      if metadata.title == nil, level == 1 || !hasBodyText { metadata.title = heading }
      finished.append(current)
      current = DocumentSection(heading: heading)
      current.lines.append(TextLine(text: heading, line: number, isHeading: true))
      return
    }
    if let label = LabelLine(line) {
      if case .source(let name, let url) = label {
        current.source = name ?? current.source
        current.url = url ?? current.url
      }
      return
    }
    nonEmptyLines += 1
    // A page copied whole repeats its title as its first line. One that announces forecasts
    // ("Ten Predictions for 2026") is a heading, as the title is, and frames them instead of
    // being one; a title that makes a forecast stays text. Either way it is no body yet, so
    // a dateline may follow it.
    if !hasBodyText, let title = metadata.title, !title.isEmpty,
      stripper.text.elementsEqual(title.utf8)
    {
      // "Weekly Outlook, January 26, 2026": a title may date the article, as a short line does.
      if let dateline = Dateline(title), dateline.isWholeLine || title.count <= Self.shortLine {
        note(dateline)
      }
      current.lines.append(
        TextLine(
          utf8: stripper.text, line: number, isHeading: ArticleContext.announcesForecasts(title)))
      return
    }
    // Only the opening lines are read as text here; the rest stay bytes until a forecast word
    // is found in them.
    if nonEmptyLines <= max(Self.bylineWindow, Self.datelineWindow) {
      let text = String(decoding: stripper.text, as: UTF8.self)
      let author = nonEmptyLines <= Self.bylineWindow ? Byline.author(in: text) : nil
      if let author { metadata.author = metadata.author ?? author }
      // A byline may date the article too: "记者 苏晓岚　2026年04月16日", "Jane Doe | May 3, 2026".
      if nonEmptyLines <= Self.datelineWindow, let dateline = Dateline(text) {
        let isShort = text.count <= Self.shortLine
        if dateline.isWholeLine || isShort || author != nil { note(dateline) }
        if dateline.isWholeLine { return }
      }
      if author != nil { return }
      // Only the first line, before any heading or text: a date opening a later one is a
      // list's or a lede's.
      if !hasBodyText, finished.isEmpty, current.heading == nil, metadata.published == nil,
        let (day, length) = Dateline.leading(in: stripper.text)
      {
        // The day leaves the text, where it would read as a deadline, and dates the article
        // unless a date in its address does.
        leadingDay = day
        hasBodyText = true
        current.lines.append(TextLine(utf8: Array(stripper.text[length...]), line: number))
        return
      }
    }
    hasBodyText = true
    current.lines.append(TextLine(utf8: stripper.text, line: number))
  }
}
