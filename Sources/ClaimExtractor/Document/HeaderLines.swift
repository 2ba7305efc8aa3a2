/// The `Key: value` lines at the top of a plain-text article (`URL:`, `TITLE:`, `作者：`),
/// which scrapers write in place of front matter.
enum HeaderLines {
  /// The metadata field a header key sets.
  enum Field {
    case url, title, source, date, author
  }

  /// Keys in lower case; English keys match in any case, and either colon (`:` or `：`) may
  /// follow.
  private static let fields: [String: Field] = [
    "url": .url, "link": .url, "链接": .url, "鏈接": .url,
    "title": .title, "标题": .title, "標題": .title,
    "source": .source, "来源": .source, "來源": .source,
    "date": .date, "published": .date, "时间": .date, "時間": .date, "日期": .date,
    "author": .author, "by": .author, "作者": .author,
  ]

  /// The field and the value of a header line, or nil when `line` is not one.
  static func field(in line: Substring) -> (Field, Substring)? {
    guard let (key, value) = LabelLine.split(line), let field = fields[key] else { return nil }
    return (field, value)
  }

  /// Sets what the header lines at the top of `lines` say, and returns how many there are.
  static func read(_ lines: some Sequence<Substring>, into metadata: inout DocumentMetadata) -> Int
  {
    var count = 0
    for line in lines {
      guard let (field, rawValue) = field(in: line) else { break }
      count += 1
      let value = rawValue.trimmedText
      guard !value.isEmpty else { continue }
      switch field {
      case .url:
        metadata.url = value
      case .title:
        metadata.title = value
      case .source:
        let (name, url) = LabelLine.nameAndURL(of: Substring(value))
        metadata.source = name ?? metadata.source
        metadata.url = metadata.url ?? url
      case .date:
        metadata.published = DateText.matches(in: value).first?.day ?? metadata.published
      case .author:
        metadata.author = value
      }
    }
    return count
  }
}
