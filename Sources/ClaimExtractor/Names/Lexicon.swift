/// A name found in text and the English name it stands for.
public struct EntityMatch: Sendable, Equatable {
  /// The name as written ("微軟").
  public var written: String
  /// Its English name ("Microsoft").
  public var canonical: String
  /// Where it starts, as an offset into the text's UTF-8 bytes.
  public var utf8Offset: Int

  public init(written: String, canonical: String, utf8Offset: Int) {
    self.written = written
    self.canonical = canonical
    self.utf8Offset = utf8Offset
  }
}
