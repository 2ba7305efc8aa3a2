import ClaimLedger
import Foundation

/// Who speaks for a part of an article by default, and the outlet that relayed it.
struct Speaker: Equatable {
  var name: String
  var via: String?
}

/// What the whole article settles for each of its forecasts: the publication day, the year it
/// frames, and whose predictions it relays.
struct ArticleContext {
  let document: Document
  let overrides: ExtractionOverrides
  let published: Day?
  /// The year of the article's framing ("Forecasts for 2026"), if it has one.
  let framingYear: Int?
  /// A year to give a bare "2月1日" when nothing better is known: the first year the text names.
  let yearHint: Int?
  /// The outlet whose predictions the article relays ("《The Information》…的预言").
  let attributedSource: String?
  /// Whether the sections name their own sources, as a digest's do.
  let isDigest: Bool

  /// The source of a forecast whose article names no one: review should fix it.
  static let unknownSpeaker = "unknown"

  init(document: Document, overrides: ExtractionOverrides) {
    self.document = document
    self.overrides = overrides
    let metadata = document.metadata
    published = overrides.said ?? metadata.published
    isDigest = document.sections.filter { $0.source != nil }.count >= 2
    // Titles, datelines and framing sentences are short; a long line is body text.
    let opening = document.sections.lazy.flatMap(\.lines).prefix(6).map(\.text)
      .filter { $0.utf8.count <= 600 }
    // A line that frames the article's forecasts is a heading or one short sentence ("Our
    // predictions for 2027:"); a paragraph that mentions a trend and a plant's 2028 opening
    // frames nothing.
    framingYear =
      metadata.title.flatMap(TimeFrameFinder.framingYear(in:))
      ?? opening.lazy.filter { $0.utf8.count <= 200 && Self.announcesForecasts($0) }
      .compactMap(TimeFrameFinder.framingYear(in:)).first
    yearHint = published?.year ?? framingYear ?? opening.lazy.compactMap(Self.firstYear).first
    attributedSource =
      metadata.title.flatMap(Self.possessiveSource)
      ?? opening.lazy.compactMap(Self.relayedSource).first
  }

  /// The year a section's forecasts are about: its own heading's in a digest, the article's
  /// otherwise.
  func framingYear(of section: DocumentSection) -> Int? {
    if isDigest { return section.heading.flatMap(TimeFrameFinder.framingYear(in:)) }
    return framingYear ?? section.heading.flatMap(TimeFrameFinder.framingYear(in:))
  }

  /// Who speaks for a section when its sentences name nobody.
  func speaker(for section: DocumentSection) -> Speaker {
    let metadata = document.metadata
    let outlet =
      nonEmpty(metadata.speaker) ?? nonEmpty(metadata.author) ?? nonEmpty(metadata.source)
    if let source = section.source { return Speaker(name: source, via: nil) }
    if let attributedSource { return Speaker(name: attributedSource, via: outlet) }
    if let outlet { return Speaker(name: outlet, via: nil) }
    if let host = (overrides.url ?? metadata.url).flatMap(Self.outletName) {
      return Speaker(name: host, via: nil)
    }
    return Speaker(name: Self.unknownSpeaker, via: nil)
  }

  private func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
    return text
  }

  /// Whether an opening line speaks of a set of forecasts ("our top forecasts for 2026",
  /// "2026年十大预测") rather than making one ("analysts forecast that … by 2026").
  static func announcesForecasts(_ line: String) -> Bool {
    let bytes = Array(line.lowercased().utf8)
    return announcingWords.contains { ByteText.contains(bytes, $0) }
  }

  private static let announcingWords = ByteText.encoded([
    "forecasts for", "predictions for", "outlook for", "forecasts of", "predictions of", "预测", "預測",
    "展望", "预言", "預言", "趋势", "趨勢", "trends for", "trends shaping", "trends to watch",
  ])

  /// "The Kiplinger Letter's 10 Forecasts for 2026" → "The Kiplinger Letter".
  static func possessiveSource(_ title: String) -> String? {
    let lowered = title.lowercased()
    guard ["forecast", "prediction", "outlook"].contains(where: lowered.contains) else {
      return nil
    }
    for mark in ["'s ", "’s "] {
      if let range = title.range(of: mark) {
        let name = title[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
        if !name.isEmpty, name.count <= 40 { return name }
      }
    }
    return nil
  }

  /// 《X》 in a sentence about predictions: the outlet whose predictions the article relays.
  static func relayedSource(_ line: String) -> String? {
    let bytes = Array(line.utf8)
    guard relayWords.contains(where: { ByteText.contains(bytes, $0) }),
      let open = line.range(of: "《"),
      let close = line.range(of: "》", range: open.upperBound..<line.endIndex)
    else { return nil }
    let name = String(line[open.upperBound..<close.lowerBound])
    return name.isEmpty ? nil : name
  }

  private static let relayWords = ByteText.encoded([
    "预言", "預言", "预测", "預測", "预判", "預判", "predictions", "forecasts",
  ])

  /// The first year from 1900 to 2199 written in Arabic digits and followed by 年.
  static func firstYear(_ line: String) -> Int? {
    let scalars = Array(line.unicodeScalars)
    var index = 0
    while index + 4 < scalars.count {
      let digits = scalars[index..<(index + 4)]
      if digits.allSatisfy({ ("0"..."9").contains($0) }), scalars[index + 4] == "年",
        index == 0 || !("0"..."9").contains(scalars[index - 1]),
        let year = Int(String(String.UnicodeScalarView(digits))), (1900...2199).contains(year)
      {
        return year
      }
      index += 1
    }
    return nil
  }

  /// "https://www.cnbc.com/…" → "cnbc.com".
  static func outletName(_ url: String) -> String? {
    guard let host = URL(string: url)?.host else { return nil }
    return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
  }
}
