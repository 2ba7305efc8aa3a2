/// Close spellings of a word, for "did you mean …".
public enum Suggestion {
  /// The closest candidates within an edit distance of 2 (or a third of the word): those at
  /// the least distance found, so `lsit` gives `list` alone, not `init` beside it.
  public static func closest(to word: String, among candidates: [String]) -> [String] {
    let limit = max(2, word.count / 3)
    let near = Set(candidates).map { ($0, distance(word, $0)) }.filter { $0.1 <= limit }
    guard let best = near.map(\.1).min() else { return [] }
    return near.filter { $0.1 == best }.map(\.0).sorted().prefix(3).map { $0 }
  }

  /// "; did you mean 'list'?" or nothing.
  public static func phrase(for word: String, among candidates: [String]) -> String {
    let matches = closest(to: word, among: candidates)
    guard !matches.isEmpty else { return "" }
    return "; did you mean " + matches.map { "'\($0)'" }.joined(separator: " or ") + "?"
  }

  /// Edit distance over characters, case aside, where swapping two neighbours is one edit
  /// (`lsit` is one from `list`): the optimal string alignment distance.
  public static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased())
    let b = Array(b.lowercased())
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], before[j - 2] + 1)
        }
      }
      (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
  }
}
