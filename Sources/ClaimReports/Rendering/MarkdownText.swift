/// Markdown escaping for text from the ledger, and table layout.
enum MarkdownText {
  /// Text safe inside a table cell: no pipe or line break ends the cell, and no `<`, `&`,
  /// backtick or bracket starts HTML, code or a link, and no bidirectional control reorders
  /// the line (it shows as `[U+202E]`).
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
      case _ where BidiControl.contains(scalar):
        out += "\\[" + BidiControl.visible(scalar).dropFirst().dropLast() + "\\]"
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

/// The Unicode controls that override or embed a writing direction (U+202A–U+202E,
/// U+2066–U+2069): in a report they could make text read differently from what the ledger
/// holds, so the renderers show them as their code points.
public enum BidiControl {
  public static func contains(_ scalar: Unicode.Scalar) -> Bool {
    (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  }

  /// "[U+202E]".
  static func visible(_ scalar: Unicode.Scalar) -> String {
    "[U+" + String(scalar.value, radix: 16, uppercase: true) + "]"
  }
}
