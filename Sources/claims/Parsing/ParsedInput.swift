import ClaimLedger

/// The words of a command line sorted into positionals, options and flags by a spec.
///
/// It knows no command: typed conversion happens in each command's `init` through
/// `ArgumentValue`, so every bad value is a `UsageError` before anything is read or written.
struct ParsedInput {
  let spec: CommandSpec
  private(set) var positionals: [String: [String]] = [:]
  private(set) var options: [String: [String]] = [:]
  private(set) var flags: Set<String> = []

  init(_ words: [String], spec: CommandSpec) throws(UsageError) {
    self.spec = spec
    let parameters = spec.allParameters
    let positionalSpecs = parameters.filter(\.isPositional)
    var loose: [String] = []
    // The flag each loose word came right after, so `--conditional yes` on a command where it
    // is a flag says so rather than only that `yes` is unexpected.
    var flagBefore: [Int: String] = [:]
    var lastFlag: String?
    var index = 0
    var onlyPositionals = false
    // Refused after the loop, so that `--help` anywhere on the line still shows the help.
    var refusesJSON = false
    while index < words.count {
      let word = words[index]
      let previousFlag = lastFlag
      lastFlag = nil
      index += 1
      if !onlyPositionals, word == "-h" {
        flags.insert("--help")
        continue
      }
      if onlyPositionals || !word.hasPrefix("--") || word == "-" {
        if !onlyPositionals, word.hasPrefix("-"), word.count > 1, Double(word) == nil {
          // Words no option is spelt like (`-5% growth …`) are most likely a text.
          let isText =
            word.contains(" ") || !(word.dropFirst().first?.isLetter ?? false)
          let hint =
            isText && !positionalSpecs.isEmpty
            ? "; a value that starts with '-' goes after '--' (claims \(spec.name) … -- TEXT)"
            : Suggestion.phrase(
              for: "-" + word, among: parameters.filter { !$0.isPositional }.map(\.name))
          throw UsageError("unknown option '\(word)'" + hint, command: spec.name)
        }
        if let previousFlag {
          // `--conditional yes`: a value given to a flag, never meant as the text or a file
          // (`true` and `false` may be an outcome: `resolve ID --json false`).
          if ["yes", "no"].contains(word.lowercased()) {
            throw UsageError(
              "\(previousFlag) takes no value here; '\(word)' is not for it", command: spec.name)
          }
          flagBefore[loose.count] = previousFlag
        }
        loose.append(word)
        continue
      }
      if word == "--" {
        onlyPositionals = true
        continue
      }
      var name = word
      var attached: String?
      if let equals = word.firstIndex(of: "=") {
        name = String(word[..<equals])
        attached = String(word[word.index(after: equals)...])
      }
      guard let parameter = parameters.first(where: { $0.name == name && !$0.isPositional }) else {
        if name == "--json", !spec.printsJSON, attached == nil {
          refusesJSON = true
          continue
        }
        let names = parameters.filter { !$0.isPositional }.map(\.name) + ["--help"]
        // An option of other commands, given to this one, says whose it is, unless one of this
        // command's is a letter off (`sources --hedge` is `--hedges` mistyped; `add --note` is
        // no `--quote`).
        let owners = CLI.commands.filter { type in
          type.spec.parameters.contains { $0.name == name && !$0.isPositional }
        }.map { "'\($0.spec.name)'" }
        let isTypo = Suggestion.closest(to: name, among: names).contains {
          Suggestion.distance(name, $0) <= 1
        }
        let phrase =
          owners.isEmpty || isTypo
          ? Suggestion.phrase(for: name, among: names)
          : "; \(name) belongs to " + owners.prefix(4).joined(separator: ", ")
            + (owners.count > 4 ? " and others" : "")
        throw UsageError("unknown option '\(name)'" + phrase, command: spec.name)
      }
      switch parameter.kind {
      case .flag:
        guard attached == nil else {
          throw UsageError("\(name) takes no value", command: spec.name)
        }
        flags.insert(name)
        lastFlag = name
      case .option(let value, let isRepeatable, _):
        let argument: String
        if let attached {
          argument = attached
        } else {
          guard index < words.count, !(words[index].hasPrefix("--") && words[index].count > 2)
          else {
            throw UsageError("\(name) needs a value (\(value))", command: spec.name)
          }
          argument = words[index]
          index += 1
        }
        // An empty value is a slip (an unset shell variable), never a filter or a field.
        if argument.trimmingSpaces().isEmpty {
          throw UsageError("\(name) is empty", command: spec.name)
        }
        // Only zero-width or direction marks: as empty, though it does not look it.
        if !FieldRules.saysSomething(argument) {
          throw UsageError(
            "\(name) holds nothing visible ("
              + argument.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
              .joined(separator: " ") + ")",
            command: spec.name)
        }
        if !isRepeatable, options[name] != nil {
          throw UsageError("\(name) is given twice", command: spec.name)
        }
        options[name, default: []].append(argument)
      case .positional:
        break
      }
    }
    if flags.contains("--help") { return }
    if refusesJSON {
      throw UsageError("--json does not apply to 'claims \(spec.name)'", command: spec.name)
    }
    for parameter in parameters {
      if case .option(let value, _, true) = parameter.kind, options[parameter.name] == nil {
        throw UsageError("\(parameter.name) \(value) is required", command: spec.name)
      }
    }
    var remaining = loose[...]
    for parameter in positionalSpecs {
      guard case .positional(let isOptional, let isVariadic) = parameter.kind else { continue }
      if isVariadic {
        positionals[parameter.name] = Array(remaining)
        remaining = []
      } else if let word = remaining.first {
        positionals[parameter.name] = [word]
        remaining = remaining.dropFirst()
      } else if !isOptional {
        throw UsageError("missing <\(parameter.name)>", command: spec.name)
      }
    }
    if let extra = remaining.first {
      let hint = flagBefore[remaining.startIndex].map { "; \($0) takes no value here" } ?? ""
      throw UsageError("unexpected argument '\(extra)'" + hint, command: spec.name)
    }
  }

  var wantsHelp: Bool { flags.contains("--help") }

  func flag(_ name: String) -> Bool { flags.contains(name) }

  func option(_ name: String) -> String? { options[name]?.last }

  func options(_ name: String) -> [String] { options[name] ?? [] }

  func positional(_ name: String) -> String? { positionals[name]?.first }

  func positionals(_ name: String) -> [String] { positionals[name] ?? [] }

  func required(_ name: String) throws(UsageError) -> String {
    guard let value = positional(name) else {
      throw UsageError("missing <\(name)>", command: spec.name)
    }
    return value
  }

  func required<Value: ArgumentValue>(_ name: String, as type: Value.Type) throws(UsageError)
    -> Value
  {
    try convert(try required(name), for: "<\(name)>")
  }

  func option<Value: ArgumentValue>(_ name: String, as type: Value.Type) throws(UsageError)
    -> Value?
  {
    guard let word = option(name) else { return nil }
    return try convert(word, for: name)
  }

  func positional<Value: ArgumentValue>(_ name: String, as type: Value.Type) throws(UsageError)
    -> Value?
  {
    guard let word = positional(name) else { return nil }
    return try convert(word, for: "<\(name)>")
  }

  /// Every word of a variadic positional, each converted.
  func positionals<Value: ArgumentValue>(_ name: String, as type: Value.Type) throws(UsageError)
    -> [Value]
  {
    var values: [Value] = []
    for word in positionals(name) { values.append(try convert(word, for: "<\(name)>")) }
    return values
  }

  private func convert<Value: ArgumentValue>(_ word: String, for name: String) throws(UsageError)
    -> Value
  {
    guard let value = Value(argument: word) else {
      throw UsageError("\(name): '\(word)' is not \(Value.expectation)", command: spec.name)
    }
    return value
  }
}
