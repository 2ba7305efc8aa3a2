import ClaimLedger

/// An article read and cut into sections of plain-text lines, with what it says about itself.
public struct Document: Sendable, Equatable {
  /// The path as given on the command line, or `-` for standard input.
  public var path: String
  public var metadata: DocumentMetadata
  /// At least one section; a digest has one per item, each with its own source.
  public var sections: [DocumentSection]

  public init(path: String, metadata: DocumentMetadata, sections: [DocumentSection]) {
    self.path = path
    self.metadata = metadata
    self.sections = sections
  }
}

/// What an article says about itself: from front matter, header lines, a byline or a dateline.
public struct DocumentMetadata: Sendable, Equatable {
  public var title: String?
  /// The day the article was published, as the text itself gives it; never guessed.
  public var published: Day?
  public var author: String?
  /// Who is speaking in the article (a talk, a channel), from front matter `speaker`.
  public var speaker: String?
  /// The outlet or channel, when it is a name rather than a link.
  public var source: String?
  /// The article's address.
  public var url: String?
  /// Names the article is about (front-matter lists such as `companies_orgs`), as hints.
  public var entities: [String]
  /// The people among them (front matter `people`), so "she" finds a person, not a company.
  public var people: [String]
  /// The companies and bodies among them, so "the company" finds one.
  public var organisations: [String]
  public var tags: [String]
  /// Who answers in an interview: front matter `guest`, else the first of its `people` who is
  /// not the author.
  public var interviewee: String?

  public init(
    title: String? = nil, published: Day? = nil, author: String? = nil, speaker: String? = nil,
    source: String? = nil, url: String? = nil, entities: [String] = [], people: [String] = [],
    organisations: [String] = [], tags: [String] = [], interviewee: String? = nil
  ) {
    self.title = title
    self.published = published
    self.author = author
    self.speaker = speaker
    self.source = source
    self.url = url
    self.entities = entities
    self.people = people
    self.organisations = organisations
    self.tags = tags
    self.interviewee = interviewee
  }
}

/// A run of lines under one heading; in a digest, one item with its own source and link.
public struct DocumentSection: Sendable, Equatable {
  /// The heading that opens the section, stripped of Markdown.
  public var heading: String?
  /// The section's own source (`> **来源：** [量子位](…)`), overriding the article's.
  public var source: String?
  public var url: String?
  public var lines: [TextLine]

  public init(
    heading: String? = nil, source: String? = nil, url: String? = nil, lines: [TextLine] = []
  ) {
    self.heading = heading
    self.source = source
    self.url = url
    self.lines = lines
  }
}

/// One line of body text with Markdown stripped, and where it was in the file.
///
/// The text is kept as its UTF-8, checked once when the article was decoded: most lines of an
/// article hold no forecast and are never needed as a `String`, and making one checks every
/// byte again.
public struct TextLine: Sendable, Equatable {
  /// The text's bytes: valid UTF-8.
  public private(set) var utf8: [UInt8]
  /// 1-based line number in the file.
  public var line: Int
  /// A heading line (`#`, or a short title line of a plain-text file).
  public var isHeading: Bool

  public var text: String {
    get { String(decoding: utf8, as: UTF8.self) }
    set { utf8 = Array(newValue.utf8) }
  }

  public init(text: String, line: Int, isHeading: Bool = false) {
    self.init(utf8: Array(text.utf8), line: line, isHeading: isHeading)
  }

  /// A line of bytes known to be valid UTF-8.
  init(utf8: [UInt8], line: Int, isHeading: Bool = false) {
    self.utf8 = utf8
    self.line = line
    self.isHeading = isHeading
  }

  /// Equal as their texts are, by canonical equivalence, as when the text was a `String`.
  public static func == (left: TextLine, right: TextLine) -> Bool {
    left.line == right.line && left.isHeading == right.isHeading
      && (left.utf8 == right.utf8 || left.text == right.text)
  }
}
