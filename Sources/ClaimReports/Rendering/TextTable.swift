/// A plain-text table whose columns stay aligned with Chinese text (CJK counts two columns).
public struct TextTable: Sendable {
  public enum Alignment: Sendable {
    case left
    case right
  }

  public struct Column: Sendable {
    public var title: String
    public var alignment: Alignment
    /// The column absorbs the cut when the table is wider than the screen.
    public var isFlexible: Bool
    /// The column gives up width (down to `yieldingFloor`) when the flexible one would be left
    /// narrower than `comfortableFlexibleWidth`: one long source name must not leave a
    /// forecast ten columns.
    public var yieldsToFlexible: Bool

    public init(
      _ title: String, alignment: Alignment = .left, isFlexible: Bool = false,
      yieldsToFlexible: Bool = false
    ) {
      self.title = title
      self.alignment = alignment
      self.isFlexible = isFlexible
      self.yieldsToFlexible = yieldsToFlexible
    }
  }

  /// The flexible column's width below which yielding columns give up theirs.
  static let comfortableFlexibleWidth = 40
  /// The narrowest a yielding column becomes.
  static let yieldingFloor = 12
  /// The space between columns.
  public static let gap = 2

  /// Each column's width, fitted to `width` terminal columns (nil: never cut) from the widths
  /// its cells need: the flexible column takes what the others leave (at least 10), after the
  /// yielding ones gave what they could.
  public static func fitted(_ natural: [Int], columns: [Column], width: Int?) -> [Int] {
    guard let width, let flexible = columns.firstIndex(where: \.isFlexible) else { return natural }
    var widths = natural
    func room() -> Int {
      width - widths.enumerated().filter { $0.offset != flexible }.reduce(0) { $0 + $1.element }
        - gap * (columns.count - 1)
    }
    let wanted = min(natural[flexible], comfortableFlexibleWidth)
    for index in columns.indices where columns[index].yieldsToFlexible && room() < wanted {
      let floor = max(DisplayWidth.of(columns[index].title), yieldingFloor)
      // Never wider than it needs: a short source keeps its own width.
      widths[index] = min(widths[index], max(floor, widths[index] - (wanted - room())))
    }
    widths[flexible] = max(min(natural[flexible], room()), 10)
    return widths
  }

  public var columns: [Column]
  public var rows: [[String]] = []

  public init(columns: [Column]) {
    self.columns = columns
  }

  public mutating func append(_ row: [String]) {
    rows.append(row)
  }

  /// The table as lines, fitted to `width` columns by cutting the flexible column with `…`;
  /// nil width means never cut. `style` colours a cell after it is padded (padding is measured
  /// without escape codes).
  public func render(
    width: Int?, style: ((_ row: Int, _ column: Int, _ text: String) -> String)? = nil
  ) -> String {
    var widths = columns.map { DisplayWidth.of($0.title) }
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], DisplayWidth.of(cell))
      }
    }
    let gap = Self.gap
    widths = Self.fitted(widths, columns: columns, width: width)
    var lines: [String] = []
    let header = columns.map(\.title)
    for (rowIndex, row) in ([header] + rows).enumerated() {
      var cells: [String] = []
      for (index, column) in columns.enumerated() {
        let text = DisplayWidth.truncated(index < row.count ? row[index] : "", to: widths[index])
        let padding = String(repeating: " ", count: widths[index] - DisplayWidth.of(text))
        let isLast = index == columns.count - 1
        var cell = column.alignment == .right ? padding + text : text + (isLast ? "" : padding)
        if rowIndex > 0, let style { cell = style(rowIndex - 1, index, cell) }
        cells.append(cell)
      }
      lines.append(cells.joined(separator: String(repeating: " ", count: gap)))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// How many terminal columns text takes: East Asian wide and full-width characters and emoji
/// shown as pictures take two, combining marks none.
///
/// A cell is shown on one line: a tab or a line break is shown as one space (`flattened`),
/// and measured so, a `\r\n` as one.
public enum DisplayWidth {
  public static func of(_ text: String) -> Int {
    var width = 0
    var previous: Unicode.Scalar = " "
    for scalar in text.unicodeScalars {
      if scalar == "\u{FE0F}", previous.value > 0x7F, of(previous) == 1,
        previous.properties.isEmoji
      {
        // The emoji selector makes a symbol drawn as text (☀) a picture two columns wide; a
        // digit or # before it (a keycap without its frame) stays text.
        width += 1
      } else if !(previous == "\r" && scalar == "\n") {
        width += of(scalar)
      }
      previous = scalar
    }
    return width
  }

  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    // A control character takes one column too: a cell shows a tab or a line break as a
    // space and any other as U+FFFD (`flattened`).
    if value < 0x300 { return 1 }
    // Shown as its code point (`visible`), so it takes that text's columns.
    if BidiControl.contains(scalar) { return BidiControl.visible(scalar).utf8.count }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    // Emoji shown as pictures by default (🚀, ☕, 🀄) are wide (East Asian Width W); a flag's
    // two regional indicators are not, and terminals give each a column. Emoji shown as text
    // by default (🕊 U+1F54A, 🖥 U+1F5A5) are narrow until U+FE0F asks for the picture.
    if scalar.properties.isEmojiPresentation, !(0x1F1E6...0x1F1FF).contains(value) { return 2 }
    switch value {
    case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
      0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
      0x1F200...0x1F2FF, 0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }

  /// `text` with each line break and tab a space, as a cell shows it, and any other control
  /// character shown as U+FFFD (`visible`).
  public static func flattened(_ text: String) -> String {
    let isBreak: (Character) -> Bool = { $0.isNewline || $0 == "\t" }
    guard text.contains(where: { isBreak($0) || isHidden($0) }) else { return text }
    return text.reduce(into: "") { shown, character in
      if isBreak(character) { shown.append(" ") } else { shown += self.shown(character) }
    }
  }

  /// `text` with every line break a `\n` and every other control character but a tab shown as
  /// U+FFFD: a terminal acts on them (an escape can clear the screen or retitle the window, a
  /// carriage return writes the next words over the last), and a ledger merged from elsewhere
  /// may hold them written as JSON escapes. A direction override shows as `[U+202E]`, as in
  /// the reports: a terminal that lays text out both ways would reorder the row by it.
  public static func visible(_ text: String) -> String {
    let isOtherBreak: (Character) -> Bool = { $0.isNewline && $0 != "\n" }
    guard text.contains(where: { isHidden($0) || isOtherBreak($0) }) else { return text }
    return text.reduce(into: "") { shown, character in
      if isOtherBreak(character) { shown.append("\n") } else { shown += self.shown(character) }
    }
  }

  /// A control character that is neither a line break nor a tab, or a direction override.
  private static func isHidden(_ character: Character) -> Bool {
    !character.isNewline && character != "\t"
      && character.unicodeScalars.contains {
        $0.properties.generalCategory == .control || BidiControl.contains($0)
      }
  }

  /// A character as a terminal cell shows it: a control as U+FFFD, a direction override as its
  /// code point, any other as it is.
  private static func shown(_ character: Character) -> String {
    guard isHidden(character) else { return String(character) }
    if let bidi = character.unicodeScalars.first(where: BidiControl.contains) {
      return BidiControl.visible(bidi)
    }
    return "\u{FFFD}"
  }

  /// `text` cut to at most `width` columns on a character boundary, ending in `…` when cut;
  /// line breaks and tabs become spaces so a cell stays on one line and aligned.
  public static func truncated(_ text: String, to width: Int) -> String {
    let flat = flattened(text)
    guard of(flat) > width else { return flat }
    var result = ""
    var used = 0
    for character in flat {
      let characterWidth = of(String(character))
      if used + characterWidth > width - 1 { break }
      result.append(character)
      used += characterWidth
    }
    return result + "…"
  }
}
