import ClaimLedger

/// A value that can be read from one command-line word.
protocol ArgumentValue {
  /// Returns nil when `argument` is not a valid value; the parser then reports `expectation`.
  init?(argument: String)
  /// How help and errors describe a valid value, e.g. "a date such as 2026-12-31".
  static var expectation: String { get }
}

extension Day: ArgumentValue {
  init?(argument: String) {
    self.init(FullWidth.folded(argument).trimmingSpaces())
  }

  static var expectation: String { "a real date such as 2026-12-31" }
}

/// A claim id or a prefix of one: malformed, it is a bad value (exit 2), not an unknown claim.
extension IDPrefix: ArgumentValue {
  init?(argument: String) {
    self.init(argument.trimmingSpaces())
  }

  static var expectation: String {
    "a claim id: ids are 10 hex digits, and a prefix needs at least 4"
  }
}

extension Confidence: ArgumentValue {
  init?(argument: String) {
    self.init(text: argument)
  }

  static var expectation: String { "a probability such as 0.7, 70% or 七成, between 0 and 1" }
}

extension Outcome: ArgumentValue {
  init?(argument: String) {
    self.init(rawValue: argument.lowercased())
  }

  static var expectation: String { "true, false, partial or void" }
}

extension VoidReason: ArgumentValue {
  init?(argument: String) {
    self.init(rawValue: argument.lowercased())
  }

  static var expectation: String { "ambiguous, annulled, condition-failed, retracted or duplicate" }
}

extension Status: ArgumentValue {
  init?(argument: String) {
    self.init(rawValue: argument.lowercased())
  }

  static var expectation: String { "proposed, open, resolved or rejected" }
}

/// A number of claims, 0 or more.
struct ClaimCount: ArgumentValue {
  let value: Int

  init?(argument: String) {
    guard let value = Int(argument), value >= 0 else { return nil }
    self.value = value
  }

  static var expectation: String { "a whole number of claims, 0 or more" }
}

/// A whole number of days, from 0 to a hundred years.
struct DayCount: ArgumentValue {
  let value: Int

  init?(argument: String) {
    guard let value = Int(argument), value >= 0, value <= 36_500 else { return nil }
    self.value = value
  }

  static var expectation: String { "a whole number of days from 0 to 36500" }
}

extension Deadline: ArgumentValue {
  init?(argument: String) { self.init(argument) }

  static var expectation: String {
    "a date such as 2026-12-31, or a period such as 2027, 2026-06, 2026-Q3, 2026-H2 or 2026年下半年"
  }
}
