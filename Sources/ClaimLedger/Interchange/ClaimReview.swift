/// What a published ClaimReview needs that the ledger does not hold: the page that shows the
/// reviews and the organisation that wrote them.
public struct ClaimReviewOptions: Sendable, Equatable {
  /// The publishing page's address; each review's `url` is it with `#` and the claim's id.
  public var site: String?
  /// The fact-checking organisation, each review's `author`.
  public var publisher: String?

  public init() {}
}

extension ClaimExport {
  /// How each outcome is rated in ClaimReview, from 1 (false) to 5 (true). A void claim has no
  /// number: Google's fact-check guidelines want a `ratingValue` within `worstRating` and
  /// `bestRating`, and a claim that cannot be judged is on no such scale, so it has only its
  /// words, which say why (`Cannot be judged (retracted)`).
  public static func rating(for outcome: Outcome, reason: VoidReason? = nil) -> (
    value: Int?, name: String
  ) {
    switch outcome {
    case .true: return (5, "True")
    case .partial: return (3, "Partly true")
    case .false: return (1, "False")
    case .void:
      let why = reason.map { " (" + $0.rawValue.replacingOccurrences(of: "-", with: " ") + ")" }
      return (nil, "Cannot be judged" + (why ?? ""))
    }
  }

  /// schema.org `ClaimReview` JSON-LD for the resolved claims, as one array. Claims whose
  /// resolutions conflict (a merge left two) are not settled, and are left out.
  ///
  /// Each review's `url` is `options.site#ID` when a site is given; the evidence, when it is a
  /// link, is its `citation`, and otherwise its words are the `reviewBody` with the note.
  public static func claimReview(
    _ records: [ClaimRecord], options: ClaimReviewOptions = ClaimReviewOptions()
  ) -> String {
    var json = JSONBuffer()
    json.beginArray()
    for record in records where !record.hasConflictingResolutions {
      guard let resolution = record.resolution else { continue }
      let claim = record.claim
      json.appendVerbatim("\n")
      json.beginObject()
      json.key("@context")
      json.string("https://schema.org")
      json.key("@type")
      json.string("ClaimReview")
      json.key("identifier")
      json.id(record.id)
      if let site = options.site {
        json.key("url")
        json.string(site + "#" + record.id.description)
      }
      json.key("claimReviewed")
      json.string(claim.text)
      json.key("datePublished")
      json.day(resolution.on)
      if let publisher = options.publisher {
        json.key("author")
        json.beginObject()
        json.key("@type")
        json.string("Organization")
        json.key("name")
        json.string(publisher)
        json.endObject()
      }
      let body = [resolution.evidence.flatMap { isLink($0) ? nil : $0 }, resolution.note]
        .compactMap { $0 }
      if !body.isEmpty {
        json.key("reviewBody")
        json.string(body.joined(separator: "\n"))
      }
      if let evidence = resolution.evidence, isLink(evidence) {
        json.key("citation")
        json.beginObject()
        json.key("@type")
        json.string("CreativeWork")
        json.key("url")
        json.string(evidence)
        json.endObject()
      }
      json.key("itemReviewed")
      json.beginObject()
      json.key("@type")
      json.string("Claim")
      json.key("author")
      json.beginObject()
      json.key("@type")
      json.string(authorType(claim.source))
      json.key("name")
      json.string(claim.source)
      json.endObject()
      if let said = claim.said {
        json.key("datePublished")
        json.day(said)
      }
      if let url = claim.url, isLink(url) {
        for key in ["appearance", "firstAppearance"] {
          json.key(key)
          json.beginObject()
          json.key("@type")
          json.string("CreativeWork")
          json.key("url")
          json.string(url)
          json.endObject()
        }
      }
      json.endObject()
      let rating = rating(for: resolution.outcome, reason: resolution.reason)
      json.key("reviewRating")
      json.beginObject()
      json.key("@type")
      json.string("Rating")
      if let value = rating.value {
        json.key("ratingValue")
        json.integer(value)
        json.key("bestRating")
        json.integer(5)
        json.key("worstRating")
        json.integer(1)
      }
      json.key("alternateName")
      json.string(rating.name)
      json.endObject()
      json.endObject()
    }
    json.appendVerbatim("\n")
    json.endArray()
    json.appendVerbatim("\n")
    return htmlSafe(json.text)
  }

  /// JSON-LD is published inside a page's `<script>` element, which a `</script>` or `<!--` in
  /// a claim's text would end or bend: `<`, `>` and `&` are written as `\u` escapes, which
  /// read back as the same strings (only strings can hold them).
  static func htmlSafe(_ json: String) -> String {
    json.replacingScalars { scalar in
      switch scalar {
      case "<": "\\u003c"
      case ">": "\\u003e"
      case "&": "\\u0026"
      default: nil
      }
    }
  }

  /// A link as `add --url` takes one (`FieldRules.link`): a page may put it in an `href`, so a
  /// quote or an angle bracket, which would break out of it, makes it text for the body.
  private static func isLink(_ text: String) -> Bool {
    (try? FieldRules.link(text)) != nil
  }

  /// `Organization` when the name has a word outlets and companies use, else `Person`: a
  /// guess, since the ledger records a name and not what kind of author it is. English words
  /// count whole ("Jane Newsome" is a person); Chinese ones anywhere in the name.
  static func authorType(_ name: String) -> String {
    let lowered = name.lowercased()
    let words = Set(lowered.split { !$0.isLetter && !$0.isNumber }.map(String.init))
    let isOrganization =
      !words.isDisjoint(with: organizationWords)
      || organizationMarks.contains { lowered.contains($0) }
    return isOrganization ? "Organization" : "Person"
  }

  static let organizationWords: Set<String> = [
    "the", "inc", "corp", "corporation", "co", "company", "news", "times", "post", "journal",
    "tv", "bank", "group", "press", "media", "reuters", "bloomberg", "cnbc", "kiplinger",
    "information", "research", "institute", "agency", "ltd", "llc", "plc", "capital",
    "securities", "partners", "university", "foundation", "association", "ministry", "labs",
    "fund", "analytics", "consulting", "economics", "review", "daily", "weekly", "magazine",
  ]

  static let organizationMarks = [
    "公司", "报", "報", "社", "网", "網", "台", "研究", "银行", "銀行", "证券", "證券", "集团", "集團",
    "机构", "機構", "大学", "大學", "基金",
  ]
}
