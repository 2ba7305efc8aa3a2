import ClaimExtractor
import ClaimLedger
import Testing

/// Reads `text` as the file `path`, the way the extractor reads an article.
func readDocument(_ text: String, path: String = "a.md") throws(ExtractionError) -> Document {
  try DocumentReader.read(Array(text.utf8), path: path)
}

/// The body lines of every section, in order, as plain text.
func bodyTexts(_ text: String) throws -> [String] {
  try readDocument(text).sections.flatMap { $0.lines.map(\.text) }
}

/// The day written `year-month-day`, for expectations.
func day(_ year: Int, _ month: Int, _ day: Int) -> Day? {
  Day(year: year, month: month, day: day)
}
