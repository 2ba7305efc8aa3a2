import ClaimLedger

/// Reads an article's bytes into a `Document`: checks the encoding, takes the metadata from
/// front matter, header lines, a byline or a dateline, and cuts the body into sections of
/// plain-text lines.
public enum DocumentReader {
  /// The document in `bytes`, the contents of the file at `path`.
  ///
  /// - Parameter path: used only to locate errors and to fill `Document.path`; nothing is read
  ///   from it.
  /// - Throws: `.empty`, `.binary` or `.notUTF8` when the bytes are not usable text, and
  ///   `.unterminatedFrontMatter` or `.malformedFrontMatter` for front matter the strict
  ///   reader refuses.
  public static func read(_ bytes: [UInt8], path: String) throws(ExtractionError) -> Document {
    let text = try TextDecoding.utf8Text(bytes, path: path)
    var metadata = DocumentMetadata()
    let headerLineCount: Int
    if let first = TextLines(text).first(where: { _ in true }), FrontMatter.isFence(first) {
      let frontMatter = try FrontMatter(lines: TextLines(text), path: path)
      metadata = try DocumentMetadata(frontMatter: frontMatter, path: path)
      headerLineCount = frontMatter.lineCount
    } else {
      headerLineCount = HeaderLines.read(TextLines(text), into: &metadata)
    }
    var body = DocumentBody(metadata: metadata)
    text.withUnsafeBufferPointer { body.read($0, skippingLines: headerLineCount) }
    return Document(path: path, metadata: body.metadata, sections: body.sections)
  }
}

/// The lines of UTF-8 text without their `\n`, decoded one at a time as they are asked for,
/// so that reading the top of a large file costs only the top.
struct TextLines: Sequence {
  private let bytes: [UInt8]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  func makeIterator() -> Iterator {
    Iterator(bytes: bytes)
  }

  struct Iterator: IteratorProtocol {
    let bytes: [UInt8]
    var position = 0

    mutating func next() -> Substring? {
      guard position < bytes.count else { return nil }
      let end = bytes[position...].firstIndex(of: 10) ?? bytes.count
      defer { position = end + 1 }
      return Substring(decoding: bytes[position..<end], as: UTF8.self)
    }
  }
}
