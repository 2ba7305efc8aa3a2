/// Shell completion scripts computed from the command specs, like `HelpText`.
///
/// The scripts complete command names, each command's options, the declared values of an
/// option or argument, file names, and claim ids, which they ask of `claims completions ids`.
enum CompletionScript {
  /// The shells a script can be written for.
  enum Shell: String, CaseIterable {
    case bash, zsh, fish
  }

  static func render(_ shell: Shell, for specs: [CommandSpec]) -> String {
    switch shell {
    case .bash: bash(specs)
    case .zsh: zsh(specs)
    case .fish: fish(specs)
    }
  }

  // MARK: - What each command declares

  private static func options(of spec: CommandSpec) -> [Parameter] {
    spec.allParameters.filter { !$0.isPositional }
  }

  /// The options that take a value, so a script can skip their values when counting arguments.
  private static func valueOptions(of spec: CommandSpec) -> [String] {
    options(of: spec).filter { if case .option = $0.kind { true } else { false } }.map(\.name)
  }

  /// The shell `case` that completes a command's positionals by their place, each with the
  /// shell's own words for its completion; empty when none completes to anything.
  private static func positionalCases(
    of spec: CommandSpec, _ words: (Parameter.Completion) -> String
  ) -> String {
    let arguments = positionals(of: spec)
    guard arguments.contains(where: { $0.0.completion != .nothing }) else { return "" }
    let skipped = valueOptions(of: spec).joined(separator: " ")
    var text = "      case $(_claims_position $at \"\(skipped)\") in\n"
    for (index, (parameter, isVariadic)) in arguments.enumerated() {
      text += "        \(isVariadic ? "*" : "\(index)")) \(words(parameter.completion)) ;;\n"
    }
    return text + "      esac\n"
  }

  /// The positionals in order, and whether the last one takes every remaining word.
  private static func positionals(of spec: CommandSpec) -> [(Parameter, isVariadic: Bool)] {
    spec.parameters.compactMap { parameter in
      guard case .positional(_, let isVariadic) = parameter.kind else { return nil }
      return (parameter, isVariadic)
    }
  }

  private static func commandNames(_ specs: [CommandSpec]) -> [String] {
    specs.map(\.name)
  }

  // MARK: - Before the command

  /// What may be typed before the command, as `claims --ledger L list`: the options every
  /// command takes, `--help` and `--version`.
  private static var leadingOptions: [(name: String, help: String)] {
    Parameter.globals.filter { $0.name != "--help" }.map { ($0.name, $0.help) } + [
      ("--help", "Show the commands."), ("--version", "Print the version."),
    ]
  }

  /// The global options that take a value, which take up two words before the command
  /// (`--ledger PATH`) or one (`--ledger=PATH`), and those that do not (`--json`).
  private static var globalNames: (valued: [String], flags: [String]) {
    (
      Parameter.globals.filter(isValued).map(\.name),
      Parameter.globals.filter { !isValued($0) && $0.name != "--help" }.map(\.name)
    )
  }

  /// The `case` patterns of bash and zsh for the words a global option takes up.
  private static var globalPatterns: (twoWords: String, oneWord: String) {
    let (valued, flags) = globalNames
    return (
      valued.joined(separator: " | "),
      (flags + valued.map { "\($0)=*" }).joined(separator: " | ")
    )
  }

  /// The `switch` patterns of fish, which quotes a wildcard.
  private static var fishGlobalPatterns: (twoWords: String, oneWord: String) {
    let (valued, flags) = globalNames
    return (
      valued.joined(separator: " "),
      (flags + valued.map { "'\($0)=*'" }).joined(separator: " ")
    )
  }

  // MARK: - bash

  private static func bash(_ specs: [CommandSpec]) -> String {
    func reply(_ completion: Parameter.Completion) -> String {
      switch completion {
      case .nothing: ":"
      case .words(let words):
        "COMPREPLY=($(compgen -W \"\(words.joined(separator: " "))\" -- \"$cur\"))"
      case .claimIDs: "COMPREPLY=($(compgen -W \"$(_claims_ids)\" -- \"$cur\"))"
      case .files:
        // One name a line, so a name with spaces is one reply.
        "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")"
      case .commands:
        "COMPREPLY=($(compgen -W \"\(commandNames(specs).joined(separator: " "))\" -- \"$cur\"))"
      }
    }
    var text = """
      # bash completion for claims, written by 'claims completions bash'.
      # Install: claims completions bash > ~/.local/share/bash-completion/completions/claims

      # The claim ids of the ledger this command line names (or the nearest one).
      # --ledger PATH, --ledger=PATH (which bash may split at the '='), and ~ for the home folder;
      # the path as typed, in quotes or with backslashes before spaces.
      _claims_ids() {
        local i file= ledger=()
        for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
          case ${COMP_WORDS[i]} in
          --ledger)
            file=${COMP_WORDS[i + 1]}
            [[ $file == = ]] && file=${COMP_WORDS[i + 2]}
            ;;
          --ledger=*) file=${COMP_WORDS[i]#--ledger=} ;;
          esac
        done
        case $file in
          \\"*\\" | \\'*\\') file=${file:1:${#file}-2} ;;
          *) file=${file//\\\\/} ;;
        esac
        [[ -n $file ]] && ledger=(--ledger "${file/#\\~/$HOME}")
        "${COMP_WORDS[0]}" completions ids "${ledger[@]}" 2>/dev/null
      }

      # Where the command is: global options (--ledger PATH, --json) may come before it.
      _claims_command_at() {
        local i=1
        while ((i < COMP_CWORD)); do
          case ${COMP_WORDS[i]} in
          \(globalPatterns.twoWords))
            # --ledger = PATH: bash splits --ledger=PATH at the '='.
            if [[ ${COMP_WORDS[i + 1]} == = ]]; then i=$((i + 3)); else i=$((i + 2)); fi
            ;;
          \(globalPatterns.oneWord)) i=$((i + 1)) ;;
          *) break ;;
          esac
        done
        echo "$i"
      }

      # How many arguments come before the cursor; $1 is where the command is, and $2 lists
      # the options that take a value.
      _claims_position() {
        local i n=0 skip=
        for ((i = $1 + 1; i < COMP_CWORD; i++)); do
          # bash splits --status=open at the '=': the word after it is the option's value.
          if [[ ${COMP_WORDS[i]} == = ]]; then
            skip=1
            continue
          fi
          if [[ -n $skip ]]; then
            skip=
            continue
          fi
          case ${COMP_WORDS[i]} in
            --*=*) ;;
            -*) if [[ " $2 " == *" ${COMP_WORDS[i]} "* ]]; then skip=1; fi ;;
            *) n=$((n + 1)) ;;
          esac
        done
        echo "$n"
      }

      _claims() {
        local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
        if [[ $prev == = ]] && ((COMP_CWORD > 2)); then prev=${COMP_WORDS[COMP_CWORD - 2]}; fi
        # Right after --status=, bash makes the '=' the word: the value is still to come.
        if [[ $cur == = ]]; then cur=; fi
        COMPREPLY=()
        local at
        at=$(_claims_command_at)
        if ((COMP_CWORD <= at)); then

      """
    text += valueCases(
      of: Parameter.globals, completing: reply, returning: "return 0", indent: 4)
    text += """
          if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "\(leadingOptions.map(\.name).joined(separator: " "))" -- "$cur"))
          else
            COMPREPLY=($(compgen -W "\(commandNames(specs).joined(separator: " "))" -- "$cur"))
          fi
          return 0
        fi
        case ${COMP_WORDS[at]} in

      """
    for spec in specs {
      text += "    \(spec.name))\n"
      text += valueCases(of: options(of: spec), completing: reply, returning: "return 0")
      text += "      if [[ $cur == -* ]]; then\n"
      text +=
        "        COMPREPLY=($(compgen -W \"\(options(of: spec).map(\.name).joined(separator: " "))\" -- \"$cur\"))\n"
      text += "        return 0\n      fi\n"
      text += positionalCases(of: spec) { reply($0) }
      text += "      ;;\n"
    }
    text += """
        esac
        return 0
      }

      complete -F _claims claims

      """
    return text
  }

  /// The `case $prev in … esac` of bash and zsh: after an option that takes a value, offer
  /// what `completing` lists for it, or nothing for a free value, then `returning`.
  private static func valueCases(
    of options: [Parameter], completing: (Parameter.Completion) -> String, returning: String,
    indent: Int = 6
  ) -> String {
    let valued = options.filter(isValued)
    guard !valued.isEmpty else { return "" }
    let margin = String(repeating: " ", count: indent)
    var text = margin + "case $prev in\n"
    for option in valued where option.completion != .nothing {
      text += margin + "  \(option.name)) \(completing(option.completion)); \(returning) ;;\n"
    }
    let free = valued.filter { $0.completion == .nothing }.map(\.name)
    if !free.isEmpty { text += margin + "  \(free.joined(separator: "|"))) \(returning) ;;\n" }
    return text + margin + "esac\n"
  }

  private static func isValued(_ parameter: Parameter) -> Bool {
    if case .option = parameter.kind { return true }
    return false
  }

  // MARK: - zsh

  /// A word inside single quotes in zsh or bash.
  private static func singleQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  private static func zsh(_ specs: [CommandSpec]) -> String {
    func add(_ completion: Parameter.Completion) -> String {
      switch completion {
      case .nothing: ":"
      case .words(let words): "compadd -- " + words.joined(separator: " ")
      case .claimIDs: "compadd -- $(_claims_ids)"
      case .files: "_files"
      case .commands: "compadd -- " + commandNames(specs).joined(separator: " ")
      }
    }
    func described(_ pairs: [(String, String)], indent: Int) -> String {
      let margin = String(repeating: " ", count: indent)
      return pairs.map { margin + singleQuoted($0.0 + ":" + $0.1) + "\n" }.joined()
    }
    var text = """
      #compdef claims
      # zsh completion for claims, written by 'claims completions zsh'.
      # Install: claims completions zsh > ~/.zfunc/_claims, with ~/.zfunc in fpath before compinit.

      # The claim ids of the ledger this command line names (or the nearest one).
      # --ledger PATH or --ledger=PATH, and ~ for the home folder.
      _claims_ids() {
        local -a ledger
        local i file=
        for ((i = 2; i < $#words; i++)); do
          case $words[i] in
          --ledger) file=${(Q)words[i+1]} ;;
          --ledger=*) file=${(Q)words[i]#--ledger=} ;;
          esac
        done
        [[ -n $file ]] && ledger=(--ledger "${file/#\\~/$HOME}")
        $words[1] completions ids $ledger 2>/dev/null
      }

      # Where the command is: global options (--ledger PATH, --json) may come before it.
      _claims_command_at() {
        local i=2
        while ((i < CURRENT)); do
          case $words[i] in
          \(globalPatterns.twoWords)) i=$((i + 2)) ;;
          \(globalPatterns.oneWord)) i=$((i + 1)) ;;
          *) break ;;
          esac
        done
        print -r -- $i
      }

      # How many arguments come before the cursor; $1 is where the command is, and $2 lists
      # the options that take a value.
      _claims_position() {
        local i n=0 skip=
        for ((i = $1 + 1; i < CURRENT; i++)); do
          if [[ -n $skip ]]; then
            skip=
            continue
          fi
          case $words[i] in
            --*=*) ;;
            -*) if [[ " $2 " == *" $words[i] "* ]]; then skip=1; fi ;;
            *) n=$((n + 1)) ;;
          esac
        done
        print -r -- $n
      }

      _claims() {
        local cur=$words[CURRENT] prev=$words[CURRENT-1]
        # --status=o: the option is before the '=', and the value after it is completed.
        if [[ $cur == --*=* ]]; then
          prev=${cur%%=*}
          compset -P '*='
          cur=${cur#*=}
        fi
        local at=$(_claims_command_at)
        if ((CURRENT <= at)); then

      """
    text += valueCases(of: Parameter.globals, completing: add, returning: "return", indent: 4)
    text += """
          if [[ $cur == -* ]]; then
            local -a options
            options=(

      """
    text += described(leadingOptions, indent: 8)
    text += """
            )
            _describe -t options 'option' options
          else
            local -a commands
            commands=(

      """
    text += described(specs.map { ($0.name, $0.abstract) }, indent: 8)
    text += """
            )
            _describe -t commands 'claims command' commands
          fi
          return
        fi
        case $words[at] in

      """
    for spec in specs {
      text += "    \(spec.name))\n"
      text += valueCases(of: options(of: spec), completing: add, returning: "return")
      text += "      if [[ $cur == -* ]]; then\n        local -a options\n        options=(\n"
      text += described(options(of: spec).map { ($0.name, $0.help) }, indent: 10)
      text += "        )\n        _describe -t options 'option' options\n        return\n      fi\n"
      text += positionalCases(of: spec) { add($0) }
      text += "      ;;\n"
    }
    text += """
        esac
      }

      if [[ $funcstack[1] == _claims ]]; then
        _claims "$@"
      else
        compdef _claims claims
      fi

      """
    return text
  }

  // MARK: - fish

  /// A word inside single quotes in fish, where a backslash escapes too.
  private static func fishQuoted(_ text: String) -> String {
    "'"
      + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
        of: "'", with: "\\'") + "'"
  }

  private static func fish(_ specs: [CommandSpec]) -> String {
    var text = """
      # fish completion for claims, written by 'claims completions fish'.
      # Install: claims completions fish > ~/.config/fish/completions/claims.fish

      # Where the command is: global options (--ledger PATH, --json) may come before it.
      function __claims_command_at
          set -l tokens (commandline -opc)
          set -l i 2
          while test $i -le (count $tokens)
              switch $tokens[$i]
                  case \(fishGlobalPatterns.twoWords)
                      set i (math $i + 2)
                  case \(fishGlobalPatterns.oneWord)
                      set i (math $i + 1)
                  case '*'
                      break
              end
          end
          echo $i
      end

      function __claims_needs_command
          test (__claims_command_at) -gt (count (commandline -opc))
      end

      function __claims_command_is
          set -l tokens (commandline -opc)
          set -l at (__claims_command_at)
          test $at -le (count $tokens); and test "$tokens[$at]" = "$argv[1]"
      end

      # The claim ids of the ledger this command line names (or the nearest one).
      # --ledger PATH or --ledger=PATH, and ~ for the home folder.
      function __claims_ids
          set -l tokens (commandline -opc)
          set -l ledger
          for i in (seq (count $tokens))
              if test "$tokens[$i]" = --ledger; and test $i -lt (count $tokens)
                  set ledger --ledger (string replace -r '^~' $HOME -- $tokens[(math $i + 1)])
              else if string match -q -- '--ledger=*' $tokens[$i]
                  set ledger --ledger (string replace -r '^--ledger=~?' '' -- $tokens[$i])
                  string match -q -- '--ledger=~*' $tokens[$i]; and set ledger[2] $HOME$ledger[2]
              end
          end
          $tokens[1] completions ids $ledger 2>/dev/null
      end

      # How many arguments come before the cursor; the arguments list the options that take a value.
      function __claims_position
          set -l tokens (commandline -opc)
          set -l first (math (__claims_command_at) + 1)
          set -l n 0
          set -l skip 0
          if test (count $tokens) -ge $first
              for token in $tokens[$first..-1]
                  if test $skip = 1
                      set skip 0
                      continue
                  end
                  switch $token
                      case '--*=*'
                      case '-*'
                          if contains -- $token $argv
                              set skip 1
                          end
                      case '*'
                          set n (math $n + 1)
                  end
              end
          end
          echo $n
      end

      complete -c claims -f

      """
    func values(_ completion: Parameter.Completion) -> String {
      switch completion {
      case .nothing: "-x"
      case .words(let words): "-x -a " + fishQuoted(words.joined(separator: " "))
      case .claimIDs: "-x -a '(__claims_ids)'"
      case .files: "-r -F"
      case .commands: "-x -a " + fishQuoted(commandNames(specs).joined(separator: " "))
      }
    }
    func arguments(_ completion: Parameter.Completion) -> String {
      switch completion {
      case .files: "-F"
      default: String(values(completion).dropFirst(3))
      }
    }
    for (name, help) in leadingOptions {
      var line = "complete -c claims -n __claims_needs_command -l \(name.dropFirst(2))"
      if let global = Parameter.globals.first(where: { $0.name == name }), isValued(global) {
        line += " " + values(global.completion)
      }
      text += line + " -d \(fishQuoted(help))\n"
    }
    for spec in specs {
      text +=
        "complete -c claims -n __claims_needs_command -a \(spec.name) -d \(fishQuoted(spec.abstract))\n"
    }
    for spec in specs {
      let condition = "'__claims_command_is \(spec.name)'"
      for option in options(of: spec) {
        let long = String(option.name.drop { $0 == "-" })
        var line = "complete -c claims -n \(condition) -l \(long)"
        if isValued(option) { line += " " + values(option.completion) }
        text += line + " -d \(fishQuoted(option.help))\n"
      }
      let skipped = valueOptions(of: spec).joined(separator: " ")
      for (index, (parameter, isVariadic)) in positionals(of: spec).enumerated()
      where parameter.completion != .nothing {
        let test = isVariadic ? "-ge" : "-eq"
        let position =
          "'__claims_command_is \(spec.name); and test (__claims_position \(skipped)) \(test) \(index)'"
        text += "complete -c claims -n \(position) \(arguments(parameter.completion))\n"
      }
    }
    return text
  }
}
