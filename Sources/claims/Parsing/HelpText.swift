/// Help screens computed from specs, never written by hand.
enum HelpText {
  /// USAGE, ARGUMENTS and OPTIONS of one command, the left column aligned.
  static func render(_ spec: CommandSpec) -> String {
    var text = spec.abstract + "\n"
    if let discussion = spec.discussion { text += "\n" + discussion + "\n" }
    text += "\nUSAGE: " + spec.usage + "\n"
    let arguments = spec.parameters.filter(\.isPositional).map { ("<\($0.name)>", $0.help) }
    let options = spec.allParameters.filter { !$0.isPositional }.map { parameter in
      switch parameter.kind {
      case .option(let value, let isRepeatable, _):
        ("\(parameter.name) \(value)", parameter.help + (isRepeatable ? " Repeatable." : ""))
      default: (parameter.name, parameter.help)
      }
    }
    let width = (arguments + options).map { $0.0.count }.max() ?? 0
    if !arguments.isEmpty { text += "\nARGUMENTS:\n" + rows(arguments, width: width) }
    text += "\nOPTIONS:\n" + rows(options, width: width)
    return text
  }

  /// The overview of `claims help`: every command with its abstract.
  static func overview(_ specs: [CommandSpec], version: String) -> String {
    var text = "claims \(version): track forecasts, resolve them, and score who gets them right.\n"
    text += "\nUSAGE: claims <command> [options]\n\nCOMMANDS:\n"
    text += rows(specs.map { ($0.name, $0.abstract) }, width: specs.map(\.name.count).max() ?? 0)
    text += "\nGLOBAL OPTIONS:\n"
    let globals = Parameter.globals.map { parameter in
      if case .option(let value, _, _) = parameter.kind {
        return ("\(parameter.name) \(value)", parameter.help)
      }
      return (parameter.name, parameter.help)
    }
    let version = ("--version", "Print the version.")
    text += rows(globals + [version], width: (globals + [version]).map(\.0.count).max() ?? 0)
    text += "\nSee 'claims help <command>' for one command's options.\n"
    return text
  }

  private static func rows(_ rows: [(String, String)], width: Int) -> String {
    rows.map { left, right in
      "  " + left + String(repeating: " ", count: width - left.count + 2) + right + "\n"
    }.joined()
  }
}
