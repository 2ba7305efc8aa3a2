/// A place in a text file, 1-based, printed the way compilers and editors expect.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  public var path: String
  public var line: Int
  public var column: Int?

  // Spelled out: a memberwise init is internal, and tests build locations from outside.
  public init(path: String, line: Int, column: Int? = nil) {
    self.path = path
    self.line = line
    self.column = column
  }

  public var description: String {
    column.map { "\(path):\(line):\($0)" } ?? "\(path):\(line)"
  }
}
