/// A command line that cannot be run as typed; exits 2 with the command's usage line.
struct UsageError: Error, Equatable, CustomStringConvertible {
  var message: String
  /// The command whose usage line to show, when one was recognised.
  var command: String?

  init(_ message: String, command: String? = nil) {
    self.message = message
    self.command = command
  }

  var description: String { message }
}

/// Close spellings of a word, for "did you mean …".
enum Suggestion {
  /// The candidates within an edit distance of 2 (or a third of the word), closest first.
  static func closest(to word: String, among candidates: [String]) -> [String] {
    let limit = max(2, word.count / 3)
    return candidates.map { ($0, distance(word, $0)) }
      .filter { $0.1 <= limit }
      .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
      .prefix(3).map(\.0)
  }

  /// "; did you mean 'list'?" or nothing.
  static func phrase(for word: String, among candidates: [String]) -> String {
    let matches = closest(to: word, among: candidates)
    guard !matches.isEmpty else { return "" }
    return "; did you mean " + matches.map { "'\($0)'" }.joined(separator: " or ") + "?"
  }

  /// Levenshtein distance over characters.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
