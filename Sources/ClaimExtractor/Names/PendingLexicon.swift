import ClaimLedger

public struct Lexicon: Sendable {
  public static let builtIn = Lexicon()
  public var hedges: [String: Double] = [:]
  public func entities(in text: String) -> [EntityMatch] { [] }
  public func canonicalName(for written: String) -> String? { nil }
}
enum ClaimPhrasing {
  static func text(for clause: String, lexicon: Lexicon, deadline: Day?) -> String? { nil }
}
extension Lexicon {
  public func merging(_ other: Lexicon) -> Lexicon { other }
  public static func parse(json bytes: [UInt8], path: String) throws(ExtractionError) -> Lexicon {
    Lexicon()
  }
}
