/// Reads CSV rows into `ImportCells` the way `CSVReader` reads them, cell for cell and line for
/// line, but without a `String` or a column count per cell: a cell is where its bytes are.
///
/// It only reads well-formed CSV. At anything out of place it stops, and the caller lets
/// `CSVReader` read the same bytes and say what is wrong and where.
struct CSVCellReader {
  /// The whole file; ranges and cells count from its first byte.
  let file: UnsafeBufferPointer<UInt8>
  /// The column of each header position; nil for names not read and for repeats.
  let columns: [ImportColumn?]

  /// One row's place in the file: where it starts and ends (after its line end), the line it
  /// starts on, and how many cells it has.
  struct Row {
    var bytes: Range<Int>
    var line: Int
    var cellCount: Int
  }

  /// Calls `body` with each row of `range` that is not blank, its cells in `cells`; returns
  /// false, having stopped, at the first thing `CSVReader` would refuse.
  func forEachRow(
    in range: Range<Int>, firstLine: Int, cells: inout ImportCells,
    _ body: (Row, inout ImportCells) -> Void
  ) -> Bool {
    let count = range.upperBound
    var index = range.lowerBound
    var line = firstLine
    var row = Row(bytes: index..<index, line: line, cellCount: 0)
    var isFirstCellEmpty = false
    cells.reset()
    while index <= count {
      if row.cellCount == 0 {
        row.line = line
        row.bytes = index..<index
      }
      var cell = ImportCells.Cell(kind: .text, start: index, count: 0)
      if index < count, file[index] == UInt8(ascii: "\"") {
        index += 1
        let contentStart = index
        var runStart = index
        var isDecoded = false
        var isClosed = false
        while index < count {
          index = min(count, firstFlagged(from: index, by: WordScan.quotesAndNewlines))
          guard index < count else { break }
          let byte = file[index]
          if byte == UInt8(ascii: "\"") {
            if index + 1 < count, file[index + 1] == UInt8(ascii: "\"") {
              // A doubled quote: the cell's text is copied out, a run at a time.
              if !isDecoded {
                cell = cells.stored(UnsafeBufferPointer(rebasing: file[contentStart..<index]))
                isDecoded = true
              } else {
                cells.scratch.append(
                  contentsOf: UnsafeBufferPointer(rebasing: file[runStart..<index]))
              }
              cells.scratch.append(byte)
              index += 2
              runStart = index
              continue
            }
            if isDecoded {
              cells.scratch.append(
                contentsOf: UnsafeBufferPointer(rebasing: file[runStart..<index]))
              cell.count = cells.scratch.count - cell.start
            } else {
              cell = ImportCells.Cell(kind: .text, start: contentStart, count: index - contentStart)
            }
            index += 1
            isClosed = true
            break
          }
          if byte == UInt8(ascii: "\n") { line += 1 }
          index += 1
        }
        guard isClosed, index >= count || isEnd(index) else { return false }
      } else {
        index = min(count, firstFlagged(from: index, by: WordScan.cellEnds))
        while index < count, !isEnd(index) {
          if file[index] == UInt8(ascii: "\"") { return false }
          index += 1
        }
        cell.count = index - cell.start
      }
      if row.cellCount == 0 { isFirstCellEmpty = cell.count == 0 }
      if row.cellCount < columns.count, let column = columns[row.cellCount] {
        cells[column] = unneutralised(cell, in: cells.scratch)
      }
      row.cellCount += 1
      if index < count, file[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if CSVReader.passRowEnd(in: file[..<count], at: &index) { line += 1 }
      row.bytes = row.bytes.lowerBound..<min(index, count)
      if !(row.cellCount == 1 && isFirstCellEmpty) { body(row, &cells) }
      row.cellCount = 0
      cells.reset()
      if index == count { break }
    }
    return true
  }

  /// The cell without the `'` that `CSVField.text` puts before formula-looking text, as
  /// `CSVField.decodeText` drops it.
  private func unneutralised(_ cell: ImportCells.Cell, in scratch: [UInt8]) -> ImportCells.Cell {
    guard cell.count > 1 else { return cell }
    let first = cell.isInScratch ? scratch[cell.start] : file[cell.start]
    guard first == UInt8(ascii: "'") else { return cell }
    var index = cell.start + 1
    let end = cell.start + cell.count
    while index < end, (cell.isInScratch ? scratch[index] : file[index]) == UInt8(ascii: "'") {
      index += 1
    }
    guard index < end else { return cell }
    switch cell.isInScratch ? scratch[index] : file[index] {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13:
      var decoded = cell
      decoded.start += 1
      decoded.count -= 1
      return decoded
    default:
      return cell
    }
  }

  private func isEnd(_ index: Int) -> Bool {
    let byte = file[index]
    return byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
  }

  /// `WordScan.firstFlagged` over the file's bytes.
  private func firstFlagged(from start: Int, by mask: (UInt64) -> UInt64) -> Int {
    var index = start
    guard let base = UnsafeRawPointer(file.baseAddress) else { return index }
    while index &+ 8 <= file.count {
      let flags = mask(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      if flags != 0 { return index &+ flags.trailingZeroBitCount >> 3 }
      index &+= 8
    }
    return index
  }
}
