import ClaimLedger

/// Finds the English names a lexicon knows in UTF-8 text, in text order (the first is the
/// subject), reading the bytes where they are kept.
public typealias NameScan = @Sendable (UnsafeRawBufferPointer) -> [String]

extension Claim {
  /// The names `scan` finds in the claim's text, else in its quote, so "微软" and "Microsoft"
  /// are one name.
  public func names(_ scan: NameScan) -> [String] {
    withTextUTF8 { text, quote in Claim.names(inText: text, quote: quote, scan) }
  }

  /// The same from the bytes of the text and quote, for a reader that holds them already.
  static func names(
    inText text: UnsafeRawBufferPointer, quote: UnsafeRawBufferPointer?, _ scan: NameScan
  ) -> [String] {
    let inText = scan(text)
    guard inText.isEmpty, let quote else { return inText }
    return scan(quote)
  }
}
