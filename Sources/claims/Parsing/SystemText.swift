import Foundation

/// The command line and the working folder as the system hands them over, in bytes.
///
/// Swift decodes both with U+FFFD put in for bytes that are not UTF-8. A folder named so would
/// then be another folder (`init` made a sibling `caf�/Claims`), and a word typed so would be
/// stored changed without a word; both are refused instead, naming the bytes.
enum SystemText {
  /// The arguments after the program's name.
  static func arguments() throws(UsageError) -> [String] {
    var words: [String] = []
    for index in 1..<Int(CommandLine.argc) {
      guard let pointer = CommandLine.unsafeArgv[index] else { break }
      guard let word = String(validatingCString: pointer) else {
        let bytes = UnsafeBufferPointer(start: pointer, count: strlen(pointer))
          .map { UInt8(bitPattern: $0) }
        throw UsageError(
          "argument \(index) is not UTF-8 text: '\(escaped(bytes))'; claims reads UTF-8 only")
      }
      words.append(word)
    }
    return words
  }

  /// The working folder's absolute path.
  static func workingDirectory() throws(UsageError) -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else {
      // Removed since the shell entered it, or too deep: Foundation's answer stands.
      return FileManager.default.currentDirectoryPath
    }
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    guard let path = String(validating: bytes, as: UTF8.self) else {
      throw UsageError(
        "the working folder's name is not UTF-8: '\(escaped(bytes))'; claims names files in "
          + "UTF-8, so rename it (convmv converts such names) or run claims from another folder")
    }
    return path
  }

  /// `bytes` as text, each byte that is not part of a UTF-8 character written `\xFF`.
  static func escaped(_ bytes: [UInt8]) -> String {
    var text = ""
    var index = 0
    while index < bytes.count {
      let character = (1...4).lazy.compactMap { length -> (String, Int)? in
        guard index + length <= bytes.count,
          let decoded = String(validating: bytes[index..<index + length], as: UTF8.self)
        else { return nil }
        return (decoded, length)
      }.first
      if let (decoded, length) = character {
        text += decoded
        index += length
      } else {
        text += "\\x" + String(bytes[index], radix: 16, uppercase: true)
        index += 1
      }
    }
    return text
  }
}
