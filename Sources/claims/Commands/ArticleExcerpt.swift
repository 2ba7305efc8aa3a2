import ClaimExtractor
import ClaimLedger
import ClaimReports
import Foundation

/// A quote with the sentence before and after it, read from the article it came from.
struct ArticleExcerpt: Equatable {
  var before: String
  var quote: String
  var after: String

  /// Characters kept of the neighbouring sentences; a long paragraph is cut with "…".
  static let limit = 240

  /// The excerpt around `quote` in the article `document` names ("PATH (extractor N)"), PATH
  /// taken relative to `folder`; nil when the file is not at hand or does not hold the quote.
  static func find(_ quote: String, document: String, in folder: String) -> ArticleExcerpt? {
    let path = documentPath(document)
    guard !path.isEmpty, !quote.isEmpty else { return nil }
    let resolved = path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
    guard let bytes = try? ArticleFile.read(path: resolved) else { return nil }
    return around(quote, in: String(decoding: bytes, as: UTF8.self))
  }

  /// The file part of a claim's `document` field, without the " (extractor N)" the extractor adds.
  static func documentPath(_ document: String) -> String {
    guard let marker = document.range(of: " (extractor", options: .backwards) else {
      return document
    }
    return String(document[..<marker.lowerBound])
  }

  /// The sentence before `quote` and the text after it up to the end of the next sentence.
  static func around(_ quote: String, in text: String) -> ArticleExcerpt? {
    guard let range = text.range(of: quote) else { return nil }
    let head = text[..<range.lowerBound]
    var start = head.endIndex
    // Skip the spaces and the end of the sentence just before the quote, then find the end
    // of the one before that.
    var index = head.endIndex
    while index > head.startIndex {
      let previous = head.index(before: index)
      // The quote opens its paragraph: there is no sentence before it to show.
      if head[previous] == "\n" { break }
      if !head[previous].isWhitespace, !isSentenceEnd(head[previous]) { break }
      index = previous
    }
    start = index
    while start > head.startIndex {
      let previous = head.index(before: start)
      if isSentenceEnd(head[previous]) || head[previous] == "\n" { break }
      start = previous
    }
    let tail = text[range.upperBound...]
    var end = tail.startIndex
    var seenText = false
    var newlines = 0
    while end < tail.endIndex {
      let character = tail[end]
      // A line's end closes the excerpt once text follows the quote; a blank line always.
      if character == "\n" {
        newlines += 1
        if seenText || newlines == 2 { break }
      }
      if !character.isWhitespace { seenText = true }
      end = tail.index(after: end)
      if seenText, isSentenceEnd(character) {
        // A lone end mark closes the quote's own sentence; the next sentence follows it.
        if tail[tail.startIndex..<end].trimmingCharacters(in: .whitespaces).count > 1 { break }
      }
    }
    return ArticleExcerpt(
      before: trimmed(text[start..<range.lowerBound], fromStart: true), quote: quote,
      after: trimmed(tail[tail.startIndex..<end], fromStart: false))
  }

  /// The three parts as one paragraph: a space between them, except where Chinese meets
  /// Chinese, which runs on without one.
  var joined: String { joined(quote: quote) }

  /// As `joined`, with the quote replaced by `shown` (the quote painted, say).
  func joined(quote shown: String) -> String {
    var text = ""
    for (part, display) in [(before, before), (quote, shown), (after, after)] where !part.isEmpty {
      if let last = text.last, let first = part.first,
        !(DisplayWidth.of(String(last)) == 2 && DisplayWidth.of(String(first)) == 2)
      {
        text += " "
      }
      text += display
    }
    return text
  }

  private static func isSentenceEnd(_ character: Character) -> Bool {
    "。！？!?.;；".contains(character)
  }

  private static func trimmed(_ text: Substring, fromStart: Bool) -> String {
    let clean = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard clean.count > limit else { return clean }
    return fromStart ? "…" + String(clean.suffix(limit)) : String(clean.prefix(limit)) + "…"
  }
}
