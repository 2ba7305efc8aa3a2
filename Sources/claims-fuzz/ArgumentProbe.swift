/// The argument parser driven from outside its command line: the fuzzer and its corpus replay
/// feed it arbitrary words to show that no command line crashes it.
enum ArgumentProbe {
  /// Parses `words` as the command line of every command (the first word picks nothing;
  /// each command gets them all), converting values as each command's `init` would, and
  /// never runs anything. Returns how many commands accepted the words.
  static func parseForEveryCommand(_ words: [String]) -> Int {
    var accepted = 0
    for type in CLI.commands {
      do throws(UsageError) {
        let input = try ParsedInput(words, spec: type.spec)
        if input.wantsHelp { _ = HelpText.render(type.spec) }
        _ = try type.init(input)
        accepted += 1
      } catch {
        _ = type.spec.usage + error.message
      }
    }
    return accepted
  }
}
