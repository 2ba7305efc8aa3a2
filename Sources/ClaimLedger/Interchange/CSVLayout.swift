/// How a CSV file separates its cells, and where its header row starts.
///
/// A spreadsheet saved in a European locale separates cells with `;` (the comma is the decimal
/// mark there), and Excel may open the file with a `sep=;` line naming it. The separator is the
/// one a `sep=X` first line names; else `;` when the header's line holds semicolons and no
/// comma; else the comma.
public struct CSVLayout: Sendable, Equatable {
  /// The byte between cells.
  public var separator: UInt8
  /// Where the header row starts: after a UTF-8 BOM and a `sep=` line.
  public var start: Int
  /// The line the header row starts on.
  public var line: Int

  public static let comma = UInt8(ascii: ",")

  public init(separator: UInt8 = CSVLayout.comma, start: Int = 0, line: Int = 1) {
    self.separator = separator
    self.start = start
    self.line = line
  }

  /// The layout of a file that starts with `bytes` (its first few kilobytes are enough).
  public init(detecting bytes: some RandomAccessCollection<UInt8>) {
    let bytes = Array(bytes)
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let lineEnd = bytes[start...].firstIndex { $0 == 10 || $0 == 13 } ?? bytes.count
    let firstLine = bytes[start..<lineEnd]
    if let named = Self.namedSeparator(in: firstLine) {
      start = lineEnd
      if start < bytes.count, bytes[start] == 13 { start += 1 }
      if start < bytes.count, bytes[start] == 10 { start += 1 }
      self.init(separator: named, start: start, line: 2)
      return
    }
    let isSemicolons =
      !firstLine.contains(CSVLayout.comma) && firstLine.contains(UInt8(ascii: ";"))
    self.init(separator: isSemicolons ? UInt8(ascii: ";") : CSVLayout.comma, start: start)
  }

  /// The separator a `sep=X` line names (as Excel writes it, perhaps in quotes), if the line
  /// is one: `X` is one ASCII character that is not a quote or a letter or digit.
  private static func namedSeparator(in line: ArraySlice<UInt8>) -> UInt8? {
    var line = line
    if line.first == UInt8(ascii: "\""), line.last == UInt8(ascii: "\""), line.count >= 2 {
      line = line.dropFirst().dropLast()
    }
    guard line.count == 5,
      line.prefix(4).map({ $0 | 0x20 }).elementsEqual("sep=".utf8),
      let separator = line.last, separator < 0x80, separator != UInt8(ascii: "\""),
      separator == 9 || separator >= 0x20,
      !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(separator),
      !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains(separator | 0x20)
    else { return nil }
    return separator
  }

  /// The separator as people name it in messages.
  var separatorName: String {
    switch separator {
    case 9: "a tab"
    case CSVLayout.comma: "a comma"
    case UInt8(ascii: ";"): "a semicolon"
    default: "'\(Character(Unicode.Scalar(separator)))'"
    }
  }
}
