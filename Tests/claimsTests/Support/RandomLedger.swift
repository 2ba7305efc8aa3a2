import ClaimLedger
import Foundation
import SplitMix

/// Ledgers of random claims whose text fields hold what breaks naive CSV and JSON writers:
/// Chinese, emoji, commas, quotes, line breaks and formula-looking starts.
enum RandomLedger {
  static let pieces = [
    "特斯拉收购xAI", "👩‍💻 ships 🚀", "a, b, and c", "\"quoted\" words", "line one\nline two",
    "crlf\r\nend", "=SUM(A1:A2)", "'=already", "+1 more", "-5%", "@here", "\tTabbed",
    "plain words", "可能性极大，", "it's", "'apostrophe", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  ]

  static func text(_ generator: inout SplitMix64) -> String {
    let count = Int.random(in: 1...3, using: &generator)
    return (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "x" }
      .joined(separator: " ")
  }

  static func maybe(_ generator: inout SplitMix64) -> String? {
    Bool.random(using: &generator) ? text(&generator) : nil
  }

  /// The journal entries of `count` claims with every status and outcome.
  static func entries(seed: UInt64, count: Int) -> [Entry] {
    var generator = SplitMix64(seed: seed)
    var entries: [Entry] = []
    var ids = Set<ClaimID>()
    let base = Timestamp(millisecondsSinceEpoch: 1_780_000_000_000)
    for index in 0..<count {
      let said =
        Bool.random(using: &generator)
        ? Day(daysSinceEpoch: 19_000 + Int.random(in: 0...1_000, using: &generator)) : nil
      let deadline = said.map { $0.adding(days: Int.random(in: 0...400, using: &generator)) }
      let confidences = [0, 0.5, 0.7, 0.85, 1, 0.123456789, 0.3333].compactMap(Confidence.init)
      let tagCount = Int.random(in: 0...3, using: &generator)
      // Distinct, as every way into the ledger keeps a tag once.
      let tags = Array(
        ["ai", "中文", "a,b", "\"q\"", "emoji🎉", "=x", "new\nline"].shuffled(using: &generator)
          .prefix(tagCount))
      let claim = Claim(
        text: text(&generator), quote: maybe(&generator), source: text(&generator),
        via: maybe(&generator),
        url: Bool.random(using: &generator)
          ? ["https://example.com/a,b?c=1&d='x'#top", "http://例子.cn/路径", "https://a.b/"]
            .randomElement(using: &generator) : nil,
        said: said, deadline: deadline,
        deadlineText: maybe(&generator),
        confidence: confidences[Int.random(in: 0..<confidences.count, using: &generator)],
        hedge: maybe(&generator),
        lang: ["en", "zh-Hans", nil].randomElement(using: &generator)
          ?? nil,
        tags: tags, isConditional: Bool.random(using: &generator), document: maybe(&generator))
      let id = claim.derivedID
      guard ids.insert(id).inserted else { continue }
      let at = Timestamp(millisecondsSinceEpoch: base.millisecondsSinceEpoch + Int64(index) * 10)
      func later(_ step: Int64) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: at.millisecondsSinceEpoch + step)
      }
      switch Int.random(in: 0..<6, using: &generator) {
      case 0:
        entries.append(Entry(id: id, at: at, body: .claim(claim, status: .proposed)))
      case 1:
        entries.append(Entry(id: id, at: at, body: .claim(claim, status: .proposed)))
        entries.append(Entry(id: id, at: later(1), body: .reject(reason: maybe(&generator))))
      case 2:
        entries.append(Entry(id: id, at: at, body: .claim(claim, status: .open)))
        entries.append(
          Entry(id: id, at: later(1), body: .amend(ClaimChanges(), note: text(&generator))))
      case 3:
        entries.append(Entry(id: id, at: at, body: .claim(claim, status: .open)))
      default:
        entries.append(Entry(id: id, at: at, body: .claim(claim, status: .open)))
        let outcome = Outcome.allCases.randomElement(using: &generator) ?? .true
        let on = (said ?? Day(daysSinceEpoch: 20_000)).adding(
          days: Int.random(in: 0...500, using: &generator))
        let resolution = Resolution(
          outcome: outcome, on: on, evidence: maybe(&generator),
          reason: outcome == .void ? VoidReason.allCases.randomElement(using: &generator) : nil,
          note: maybe(&generator))
        entries.append(Entry(id: id, at: later(1), body: .resolve(resolution)))
      }
    }
    return entries
  }
}
