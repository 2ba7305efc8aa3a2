import ClaimLedger

extension DocumentMetadata {
  /// The list keys whose items name what an article is about, in the order they are merged.
  static let entityKeys = [
    "companies_orgs", "people", "products_models", "companies", "organizations", "entities",
  ]

  /// The list keys whose items are companies and other bodies.
  static let organisationKeys = ["companies_orgs", "companies", "organizations"]

  /// The metadata that front matter gives; keys it does not know are ignored.
  ///
  /// `source` is a link when it starts with http(s):// (a video's or a post's address),
  /// and otherwise the outlet's name; an explicit `url` or `link` wins over it.
  init(frontMatter: FrontMatter, path: String) throws(ExtractionError) {
    self.init()
    title = try frontMatter.text("title", path: path)
    author = try frontMatter.text("author", path: path)
    speaker = try frontMatter.text("speaker", path: path)
    for key in ["date", "published"] where published == nil {
      guard let text = try frontMatter.text(key, path: path) else { continue }
      guard let day = DateText.day(of: text) else {
        let line = frontMatter.line(of: key) ?? 1
        throw .malformedFrontMatter(
          at: SourceLocation(path: path, line: line),
          reason: "'\(key)' is not a date such as 2026-01-31")
      }
      published = day
    }
    if let source = try frontMatter.text("source", path: path) {
      if Self.isWebAddress(source) { url = source } else { self.source = source }
    }
    for key in ["link", "url"] {
      if let link = try frontMatter.text(key, path: path) { url = link }
    }
    var seen: Set<String> = []
    entities = Self.entityKeys.flatMap { frontMatter.list($0) }.filter { seen.insert($0).inserted }
    people = frontMatter.list("people")
    organisations = Self.organisationKeys.flatMap { frontMatter.list($0) }
    tags = frontMatter.list("tags")
    // A guest is one name or a list of them; either way the first answers.
    let guest =
      ((try? frontMatter.text("guest", path: path)) ?? nil) ?? frontMatter.list("guest").first
    interviewee =
      guest.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
      ?? frontMatter.list("people").first { $0 != author && $0 != speaker }
  }

  /// Whether `text` is an http or https address rather than a name.
  static func isWebAddress(_ text: some StringProtocol) -> Bool {
    let lower = text.lowercased()
    return lower.hasPrefix("http://") || lower.hasPrefix("https://")
  }
}
