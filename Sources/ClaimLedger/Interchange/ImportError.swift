/// Why a file given to `claims import` cannot be imported, or one of its rows.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No readable file at the path.
  case notFound(path: String)
  /// The bytes are not well-formed CSV or JSON at the location.
  case malformed(at: SourceLocation, reason: String)
  /// A row whose cell at the location holds a value that cannot be imported.
  case badValue(at: SourceLocation, reason: String)
  /// The header lacks columns the format needs; `hint` says what may be the cause.
  case missingColumns(path: String, names: [String], hint: String? = nil)
  /// The file is there but cannot be read: a folder, or a read that failed.
  case unreadable(path: String, reason: String)
  /// Rows that failed their checks; nothing was imported.
  case badRows(path: String, problems: [ImportError])
  /// Every row failed its checks, with `--skip-bad`: nothing could be imported, which is more
  /// likely a wrong file or format than a few bad rows.
  case noGoodRows(path: String, problems: [ImportError])

  public var description: String {
    switch self {
    case .notFound(let path): "no file to import at \(path)"
    case .malformed(let location, let reason): "\(location): \(reason)"
    case .badValue(let location, let reason): "\(location): \(reason)"
    case .missingColumns(let path, let names, let hint):
      "\(path): no \(names.joined(separator: ", ")) column"
        + (names.count == 1 ? "" : "s") + " in the header row" + (hint.map { "; " + $0 } ?? "")
    case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
    case .badRows(let path, let problems):
      problems.map(\.description).joined(separator: "\n")
        + "\n\(path): \(problems.count) bad row\(problems.count == 1 ? "" : "s"), nothing was "
        + "imported; fix them, or --skip-bad imports the good rows"
    case .noGoodRows(let path, let problems):
      problems.map(\.description).joined(separator: "\n")
        + "\n\(path): every row is bad (\(problems.count)), so nothing was imported, even "
        + "with --skip-bad; is it the file, or the format, meant?"
    }
  }
}

extension ImportError {
  /// `problems` ordered by the line each names, those naming none first; ties keep their order.
  static func inLineOrder(_ problems: [ImportError]) -> [ImportError] {
    func line(_ problem: ImportError) -> Int {
      switch problem {
      case .malformed(let location, _), .badValue(let location, _): location.line
      default: 0
      }
    }
    return problems.enumerated().sorted {
      (line($0.element), $0.offset) < (line($1.element), $1.offset)
    }
    .map(\.element)
  }
}
