public enum DocumentReader {
  public static func read(_ bytes: [UInt8], path: String) throws(ExtractionError) -> Document {
    let text = String(decoding: bytes, as: UTF8.self)
    var lines: [TextLine] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where !line.isEmpty {
      lines.append(TextLine(text: String(line), line: index + 1))
    }
    return Document(
      path: path, metadata: DocumentMetadata(), sections: [DocumentSection(lines: lines)])
  }
}
