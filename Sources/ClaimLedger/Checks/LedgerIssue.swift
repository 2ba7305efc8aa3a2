/// One problem found in the ledger, with where it is; `check` lists them all, sorted by line.
public struct LedgerIssue: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable {
    /// The ledger says something impossible or contradictory; `check` exits 65.
    case error
    /// Harmless but worth a look (a blank line, an identical duplicate).
    case warning
  }

  public var severity: Severity
  /// Where, when the problem sits on one line.
  public var location: SourceLocation?
  /// The claim concerned, when there is one.
  public var id: ClaimID?
  public var message: String

  public init(severity: Severity, location: SourceLocation?, id: ClaimID? = nil, message: String) {
    self.severity = severity
    self.location = location
    self.id = id
    self.message = message
  }

  public var description: String {
    (location.map { "\($0): " } ?? "") + "\(severity.rawValue): " + message
  }
}
