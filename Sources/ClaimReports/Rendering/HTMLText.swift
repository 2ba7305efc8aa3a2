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

  /// A coordinate with at most one decimal, locale-free.
  static func coordinate(_ value: Double) -> String {
    DecimalFormat.trimmed(value, places: 1)
  }
}
