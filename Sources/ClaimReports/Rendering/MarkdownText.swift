/// Markdown escaping for text from the ledger, and table layout.
enum MarkdownText {
  /// Text safe inside a table cell: no pipe or line break ends the cell, and no `<`, `&`,
  /// backtick or bracket starts HTML, code or a link.
  static func cell(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    var previousWasBreak = false
    for scalar in text.unicodeScalars {
      let isBreak = scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
      defer { previousWasBreak = isBreak }
      switch scalar {
      case _ where isBreak:
        if !previousWasBreak { out.append(" ") }
      case "|": out += "\\|"
      case "\\": out += "\\\\"
      case "`": out += "\\`"
      case "[": out += "\\["
      case "]": out += "\\]"
      case "*": out += "\\*"
      case "_": out += "\\_"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Escaped like a cell; used for our own sentences that quote ledger values.
  static func inline(_ text: String) -> String {
    cell(text)
  }

  /// A pipe table; cells must already be escaped.
  static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int>) -> [String] {
    var lines = ["| " + header.joined(separator: " | ") + " |"]
    lines.append(
      "|"
        + header.indices.map { rightAligned.contains($0) ? " ---: " : " --- " }.joined(
          separator: "|") + "|")
    for row in rows {
      lines.append("| " + row.joined(separator: " | ") + " |")
    }
    return lines
  }
}
