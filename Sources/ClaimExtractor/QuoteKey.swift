import Foundation

/// A forecast's speaker and words, as the article's ids are derived from them.
///
/// Equal as `String`s are, by canonical equivalence. Hashing a `String` that is not ASCII
/// normalizes it first, so keys whose text normalization leaves alone (nearly all Chinese and
/// English text) hash and compare their bytes instead; the others hash their normal form, so
/// equal keys still hash alike.
struct QuoteKey: Hashable {
  let source: String
  let quote: String
  /// Every scalar of both is one that normalization neither changes nor joins to another.
  private let isInert: Bool

  init(source: String, quote: String) {
    self.source = source
    self.quote = quote
    isInert = ByteText.isNormalizationInert(source) && ByteText.isNormalizationInert(quote)
  }

  static func == (left: QuoteKey, right: QuoteKey) -> Bool {
    guard left.isInert, right.isInert else {
      return left.source == right.source && left.quote == right.quote
    }
    return ByteText.same(left.source, right.source) && ByteText.same(left.quote, right.quote)
  }

  func hash(into hasher: inout Hasher) {
    let (source, quote) =
      isInert
      ? (source, quote)
      : (
        source.precomposedStringWithCanonicalMapping, quote.precomposedStringWithCanonicalMapping
      )
    var bytes = source
    bytes.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    // The length keeps ("ab", "c") apart from ("a", "bc").
    hasher.combine(source.utf8.count)
    var words = quote
    words.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
