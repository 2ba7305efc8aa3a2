import ClaimLedger

/// HTML escaping for every string that reaches a page, ledger text above all.
enum HTMLText {
  /// Text safe in element content and in quoted attribute values; a bidirectional control
  /// shows as `[U+202E]` instead of reordering the page around it.
  static func escape(_ text: String) -> String {
    text.replacingScalars { scalar in
      switch scalar {
      case "&": "&amp;"
      case "<": "&lt;"
      case ">": "&gt;"
      case "\"": "&quot;"
      case "'": "&#39;"
      case _ where BidiControl.contains(scalar): BidiControl.visible(scalar)
      default: nil
      }
    }
  }

  /// A link to `url` when it is plain http(s), else the escaped text alone; other schemes
  /// (`javascript:`) never become links.
  static func link(_ text: String) -> String {
    let lowered = text.lowercased()
    guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"),
      !text.unicodeScalars.contains(where: { $0 == " " || $0 == "\n" || $0 == "\t" })
    else { return escape(text) }
    return "<a href=\"\(escape(text))\" rel=\"nofollow noopener\">\(escape(text))</a>"
  }

  /// A table cell of `text`, escaped, with `classes` ("num", "name", "wide"…); a cell of
  /// numbers is a `figure`, free to wrap between its words.
  static func cell(_ text: String, _ classes: String = "") -> String {
    let isSplit = classes.split(separator: " ").contains("num") && text.contains(" ")
    let style = isSplit ? classes + " split" : classes
    return (style.isEmpty ? "<td>" : "<td class=\"\(style)\">")
      + (isSplit ? figure(text) : escape(text)) + "</td>"
  }

  /// A figure of several words ("62% (48–75%)", "0.229 / 0.256 / 0.303"), escaped, that may
  /// wrap between its words on a narrow screen but never inside one, where the dash of a range
  /// would otherwise let it break.
  static func figure(_ text: String) -> String {
    guard text.contains(" ") else { return escape(text) }
    return text.split(separator: " ", omittingEmptySubsequences: false)
      .map { "<span class=\"nw\">\(escape(String($0)))</span>" }.joined(separator: " ")
  }

  /// A header cell of `title`, escaped, with `classes` as its column's cells have them.
  static func headerCell(_ title: String, _ classes: String = "") -> String {
    (classes.isEmpty ? "<th>" : "<th class=\"\(classes)\">") + escape(title) + "</th>"
  }

  /// A coordinate with at most one decimal, locale-free.
  static func coordinate(_ value: Double) -> String {
    DecimalFormat.trimmed(value, places: 1)
  }
}
