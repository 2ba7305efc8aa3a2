import ClaimExtractor
import ClaimLedger
import Testing

@Suite struct ExtractionErrorTests {
  @Test func notUTF8NamesTheLineAndTheLikelyEncoding() {
    let error = ExtractionError.notUTF8(
      at: SourceLocation(path: "a.txt", line: 3), likely: "GB18030")
    #expect(
      error.description
        == "a.txt:3: the text is not UTF-8 (it looks like GB18030); "
        + "convert it with 'iconv -f GB18030 -t UTF-8'")
  }

  @Test func unterminatedFrontMatterPointsAtItsOpening() {
    let error = ExtractionError.unterminatedFrontMatter(at: SourceLocation(path: "b.md", line: 1))
    #expect(error.description.hasPrefix("b.md:1: "))
  }
}
