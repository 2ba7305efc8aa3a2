import ClaimLedger
import ClaimReports

/// One claim laid out for the walks of `review` and `due --resolve`: a header with the
/// progress, the text, then labelled fields, every line wrapped to the terminal's width.
struct ClaimCard {
  /// Columns to fill; the walks use the terminal's width, 80 when it is unknown.
  var width: Int
  var terminal: Terminal

  /// Label column width: "deadline  " and its kin.
  private static let labelWidth = 10

  /// `[12/40] id` on the left, `status` on the right when it fits.
  func header(position: Int, count: Int, id: ClaimID, note: String) -> String {
    let left = "[\(position)/\(count)] \(id)"
    let gap = width - DisplayWidth.of(left) - DisplayWidth.of(note)
    let line = gap >= 2 ? left + String(repeating: " ", count: gap) + note : left
    return terminal.paint(line, .bold) + "\n"
  }

  /// A paragraph of text, indented by two columns; its control characters shown
  /// (`DisplayWidth.visible`).
  func paragraph(_ text: String, colour: Terminal.Colour? = nil) -> String {
    paragraph(painted: DisplayWidth.visible(text), colour: colour)
  }

  /// The same for text already made visible and painted: its own escape codes are kept.
  func paragraph(painted text: String, colour: Terminal.Colour? = nil) -> String {
    TextWrap.lines(text, width: max(width - 2, 20)).map { line in
      "  " + (colour.map { terminal.paint(line, $0) } ?? line) + "\n"
    }.joined()
  }

  /// `label     value`, the value wrapped under itself.
  func field(_ label: String, _ value: String) -> String {
    let indent = String(repeating: " ", count: Self.labelWidth + 2)
    let lines = TextWrap.lines(
      DisplayWidth.visible(value), width: max(width - Self.labelWidth - 2, 20))
    var text = ""
    for (index, line) in lines.enumerated() {
      if index == 0 {
        let label = "  " + label.padding(toLength: Self.labelWidth, withPad: " ", startingAt: 0)
        text += terminal.paint(label, .dim) + line + "\n"
      } else {
        text += indent + line + "\n"
      }
    }
    return text
  }

  /// The fields shared by both walks.
  func fields(of claim: Claim, document: Bool = true) -> String {
    var text = field("source", claim.source + (claim.via.map { " (via \($0))" } ?? ""))
    text += field("said", claim.said?.description ?? "unknown")
    text += field(
      "deadline",
      (claim.deadline?.description ?? "none") + (claim.deadlineText.map { " (\($0))" } ?? ""))
    text += field("conf", claim.confidence.percent + (claim.hedge.map { " (\($0))" } ?? ""))
    if document, let path = claim.document { text += field("document", path) }
    if let url = claim.url { text += field("url", url) }
    return text
  }
}

/// Breaks text into lines no wider than a width, measured by display width: a CJK character
/// takes two columns. Breaks at a space where a line has one, else between characters, which
/// is how Chinese text wraps.
enum TextWrap {
  static func lines(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line: [Character] = []
      var lineWidth = 0
      for character in paragraph {
        let characterWidth = DisplayWidth.of(String(character))
        if lineWidth + characterWidth > width, !line.isEmpty {
          if let space = line.lastIndex(of: " "), space > 0 {
            lines.append(String(line[..<space]))
            line = Array(line[(space + 1)...])
          } else {
            lines.append(String(line))
            line = []
          }
          lineWidth = DisplayWidth.of(String(line))
        }
        if line.isEmpty, character == " " { continue }
        line.append(character)
        lineWidth += characterWidth
      }
      lines.append(String(line))
    }
    return lines
  }
}
