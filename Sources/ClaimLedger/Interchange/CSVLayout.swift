/// How a CSV file separates its cells, and where its header row starts.
///
/// A spreadsheet saved in a European locale separates cells with `;` (the comma is the decimal
/// mark there), and Excel may open the file with a `sep=;` line naming it; Excel's "Unicode
/// text", made UTF-8, separates them with tabs. The separator is the one a `sep=X` first line
/// names; else the one of comma, semicolon and tab whose cells in the header's line are most
/// often titles of columns an import reads (`Text;Source;Said;Notes, misc` is semicolons);
/// else, when no title is known, `;` when the line holds semicolons and no comma, a tab when
/// it holds tabs and neither, and the comma otherwise.
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
    self.init(separator: Self.likelySeparator(of: firstLine), start: start)
  }

  /// The separator the header's line most likely uses (see the type's notes).
  private static func likelySeparator(of line: ArraySlice<UInt8>) -> UInt8 {
    let semicolon = UInt8(ascii: ";")
    let candidates: [UInt8] = [CSVLayout.comma, semicolon, 9]
    let known = candidates.map { knownTitles(in: line, separatedBy: $0) }
    if let best = known.max(), best > 0, let index = known.firstIndex(of: best) {
      return candidates[index]
    }
    if !line.contains(CSVLayout.comma), line.contains(semicolon) { return semicolon }
    if !line.contains(CSVLayout.comma), !line.contains(semicolon), line.contains(9) { return 9 }
    return CSVLayout.comma
  }

  /// How many cells of `line`, cut at `separator` outside quotes, are titles an import reads.
  private static func knownTitles(in line: ArraySlice<UInt8>, separatedBy separator: UInt8)
    -> Int
  {
    var titles: [String] = []
    var cell: [UInt8] = []
    var isQuoted = false
    for byte in line {
      if byte == UInt8(ascii: "\"") {
        isQuoted.toggle()
      } else if byte == separator, !isQuoted {
        titles.append(String(decoding: cell, as: UTF8.self))
        cell.removeAll()
      } else {
        cell.append(byte)
      }
    }
    titles.append(String(decoding: cell, as: UTF8.self))
    guard titles.count > 1 else { return 0 }
    return titles.filter { title in
      ClaimImport.csvColumns.contains(ClaimImport.columnName(title))
        || FatebookImport.columns[title.trimmingSpaces().lowercased()] != nil
    }.count
  }

  /// The separator a `sep=X` line names (as Excel writes it, perhaps in quotes), if the line
  /// is one: `X` is one ASCII character that is not a quote or a letter or digit.
  private static func namedSeparator(in line: ArraySlice<UInt8>) -> UInt8? {
    var line = line
    if line.first == UInt8(ascii: "\""), line.last == UInt8(ascii: "\""), line.count >= 2 {
      line = line.dropFirst().dropLast()
    }
    // LibreOffice, saving such a file again, may add a separator per empty cell: `sep=;;;;`.
    guard line.count >= 5,
      line.prefix(4).map({ $0 | 0x20 }).elementsEqual("sep=".utf8),
      let separator = line.last, line.dropFirst(4).allSatisfy({ $0 == separator }),
      separator < 0x80, separator != UInt8(ascii: "\""),
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
