/// What a command accepts, declared once: parsing, help, usage lines and suggestions come from it.
struct CommandSpec: Sendable {
  var name: String
  var abstract: String
  var discussion: String?
  var parameters: [Parameter]
  /// Whether `--json` applies; a command whose output is a file format of its own (`export`)
  /// or a script (`completions`) refuses it rather than ignore it.
  var printsJSON: Bool

  init(
    name: String, abstract: String, discussion: String? = nil, parameters: [Parameter] = [],
    printsJSON: Bool = true
  ) {
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.parameters = parameters
    self.printsJSON = printsJSON
  }

  /// The command's own parameters and the global ones it takes.
  var allParameters: [Parameter] {
    parameters + Parameter.globals.filter { printsJSON || $0.name != "--json" }
  }

  /// `claims resolve <id> <outcome> [--on DATE] …`, computed from the parameters.
  var usage: String {
    var words = ["claims", name]
    for parameter in parameters {
      switch parameter.kind {
      case .positional(let isOptional, let isVariadic):
        let word = "<\(parameter.name)>" + (isVariadic ? "…" : "")
        words.append(isOptional ? "[\(word)]" : word)
      case .option(let value, let isRepeatable, let isRequired):
        let word = "\(parameter.name) \(value)"
        words.append((isRequired ? word : "[\(word)]") + (isRepeatable ? "…" : ""))
      case .flag:
        words.append("[\(parameter.name)]")
      }
    }
    return words.joined(separator: " ")
  }
}

/// One positional argument, option or flag of a command.
struct Parameter: Sendable {
  enum Kind: Sendable {
    case positional(isOptional: Bool, isVariadic: Bool)
    /// `--name VALUE`; `value` names the value in help ("DATE").
    case option(value: String, isRepeatable: Bool, isRequired: Bool = false)
    case flag
  }

  /// What a shell may offer for the value, in the scripts `claims completions` prints.
  enum Completion: Sendable, Equatable {
    case nothing
    /// A fixed set of words.
    case words([String])
    /// The ids in the ledger.
    case claimIDs
    case files
    /// The names of the commands.
    case commands
  }

  var name: String
  var kind: Kind
  var help: String
  var completion: Completion = .nothing

  /// The same parameter, its value completed as `completion` says.
  func completing(_ completion: Completion) -> Parameter {
    var parameter = self
    parameter.completion = completion
    return parameter
  }

  /// The same parameter, completed with the raw values of `type`.
  func completing<Value: CaseIterable & RawRepresentable>(_ type: Value.Type) -> Parameter
  where Value.RawValue == String {
    completing(.words(type.allCases.map(\.rawValue)))
  }

  static func positional(
    _ name: String, help: String, optional: Bool = false, variadic: Bool = false
  ) -> Parameter {
    Parameter(name: name, kind: .positional(isOptional: optional, isVariadic: variadic), help: help)
  }

  static func option(
    _ name: String, value: String, help: String, repeatable: Bool = false, required: Bool = false
  ) -> Parameter {
    Parameter(
      name: name, kind: .option(value: value, isRepeatable: repeatable, isRequired: required),
      help: help)
  }

  static func flag(_ name: String, help: String) -> Parameter {
    Parameter(name: name, kind: .flag, help: help)
  }

  var isPositional: Bool {
    if case .positional = kind { return true }
    return false
  }

  /// Options every command takes, like an `@OptionGroup`.
  static let globals: [Parameter] = [
    .option(
      "--ledger", value: "PATH",
      help: "The ledger file (env CLAIMS_LEDGER; default: the nearest Claims/ledger.jsonl)."
    ).completing(.files),
    .option("--today", value: "DATE", help: "Take this day as today (env CLAIMS_TODAY)."),
    .flag("--json", help: "Print JSON instead of text."),
    .flag("--help", help: "Show this help."),
  ]
}
