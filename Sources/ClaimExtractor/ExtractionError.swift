import ClaimLedger
import Foundation

/// Why an article could not be read, or a side file of the extractor could not be used.
public enum ExtractionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No file at the path.
  case notFound(path: String)
  /// The file exists but cannot be read (a directory, permissions, an I/O error).
  case unreadable(path: String, reason: String)
  /// The file holds no text at all.
  case empty(path: String)
  /// The bytes are not text (NUL bytes, an image, an archive).
  case binary(path: String)
  /// The bytes are text, but not UTF-8; `likely` names the encoding they look like, if any.
  case notUTF8(at: SourceLocation, likely: String?)
  /// Front matter opened with `---` and never closed.
  case unterminatedFrontMatter(at: SourceLocation)
  /// A front-matter line that the strict reader does not accept.
  case malformedFrontMatter(at: SourceLocation, reason: String)
  /// `lexicon.json` is not what it should be.
  case malformedLexicon(at: SourceLocation, reason: String)
  /// The article is dated after today: its claims could not be accepted as said then.
  case datedAfterToday(path: String, said: Day, today: Day)

  /// Whether the file could not be read at all (missing, a folder, not permitted, too large),
  /// as opposed to read and found wrong: `sysexits`' "no input" against "data error".
  public var isUnread: Bool {
    switch self {
    case .notFound, .unreadable: true
    default: false
    }
  }

  public var description: String {
    switch self {
    case .notFound(let path):
      if let link = path.range(of: "https://", options: .caseInsensitive)
        ?? path.range(of: "http://", options: .caseInsensitive)
      {
        // A link given where a file goes: say what to do instead, quoted for the shell.
        "\(path[link.lowerBound...]) is a link; extract reads saved articles, so save it first"
          + " (curl -o article.html '\(path[link.lowerBound...].replacing("'", with: "'\\''"))')"
      } else {
        "no file at \(path)"
      }
    case .unreadable(let path, let reason):
      "cannot read \(path): \(reason)"
    case .empty(let path):
      "\(path) is empty"
    case .binary(let path):
      "\(path) is not a text file"
    case .notUTF8(let location, let likely):
      "\(location): the text is not UTF-8"
        + (likely.map { " (it looks like \($0)); convert it with 'iconv -f \($0) -t UTF-8'" } ?? "")
    case .unterminatedFrontMatter(let location):
      "\(location): the front matter opened here has no closing '---'"
    case .malformedFrontMatter(let location, let reason):
      "\(location): \(reason)"
    case .malformedLexicon(let location, let reason):
      "\(location): \(reason)"
    case .datedAfterToday(let path, let said, let today):
      "\(path) is dated \(said), after today (\(today)); give the day its forecasts were made "
        + "with --said"
    }
  }
}
