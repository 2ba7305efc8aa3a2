import ClaimLedger

/// HTML escaping for every string that reaches a page, ledger text above all.
enum HTMLText {
  /// Text safe in element content and in quoted attribute values; a bidirectional control
  /// shows as `[U+202E]` instead of reordering the page around it.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case _ where BidiControl.contains(scalar): out += BidiControl.visible(scalar)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
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

  /// A coordinate with at most one decimal, locale-free.
  static func coordinate(_ value: Double) -> String {
    DecimalFormat.trimmed(value, places: 1)
  }
}
