/// One line of the journal: something that happened to a claim, and when it was recorded.
public struct Entry: Hashable, Sendable {
  public var id: ClaimID
  /// When the entry was recorded (not when the claim was said).
  public var at: Timestamp
  public var body: Body

  public init(id: ClaimID, at: Timestamp, body: Body) {
    self.id = id
    self.at = at
    self.body = body
  }

  /// What the entry records; each case is one `entry` kind of the journal.
  public indirect enum Body: Hashable, Sendable {
    /// A new claim, `open` when a person added it, `proposed` when the extractor found it.
    case claim(Claim, status: Status)
    /// A proposed claim becomes open, with any corrections made while reviewing it.
    case accept(ClaimChanges)
    /// A proposed claim is not a forecast.
    case reject(reason: String?)
    /// A correction; earlier values stay in the history.
    case amend(ClaimChanges, note: String?)
    case resolve(Resolution)
    /// Undoes a resolution made in error.
    case reopen(note: String?)
  }

  /// The journal's name for the kind: `claim`, `accept`, `reject`, `amend`, `resolve`, `reopen`.
  public var kind: Kind {
    switch body {
    case .claim: .claim
    case .accept: .accept
    case .reject: .reject
    case .amend: .amend
    case .resolve: .resolve
    case .reopen: .reopen
    }
  }

  /// The entry kinds, by their name in the journal.
  public enum Kind: String, Sendable, CaseIterable {
    case claim, accept, reject, amend, resolve, reopen
  }
}
