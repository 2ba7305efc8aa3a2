import Foundation

/// What a claim's fields may hold: one set of rules for every way into the ledger (`add`,
/// `amend`, `import`), so nothing gets in that `check` would refuse or that an export could
/// not carry back. Values are checked, never changed here: the command line trims what is
/// typed, and an import keeps each cell as it was exported, except tags, which every way in
/// trims and keeps once (`ai; ml`, `ai, m&a`, `--tag ai --tag AI`).
public enum FieldRules {
  /// Why a value is refused, in words that follow the field's name.
  public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case controlCharacter(UInt32)
    /// A `;` in a tag, where CSV exports join tags.
    case semicolon
    case notAWebLink(String)

    public var description: String {
      switch self {
      case .empty: "is empty"
      case .controlCharacter(let value):
        "contains the control character U+\(String(value, radix: 16, uppercase: true))"
      case .semicolon: "cannot hold ';', which joins tags in CSV"
      case .notAWebLink(let text): "'\(text)' is not an http or https link"
      }
    }
  }

  /// The first control character but a line break or a tab in UTF-8 `bytes` (U+0000 to
  /// U+001F, U+007F to U+009F), by its bytes: what `text` refuses, found without reading
  /// scalars, for a check of every text of a ledger.
  public static func firstControlCharacter(inUTF8 bytes: some Collection<UInt8>) -> UInt32? {
    var previous: UInt8 = 0
    for byte in bytes {
      if isControl(byte) || isC1Control(previous, byte) { return UInt32(byte) }
      previous = byte
    }
    return nil
  }

  /// A byte that is a control character on its own: below U+0020 but a tab or a line end, or
  /// U+007F.
  private static func isControl(_ byte: UInt8) -> Bool {
    (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
  }

  /// Two bytes that spell U+0080 to U+009F.
  private static func isC1Control(_ lead: UInt8, _ next: UInt8) -> Bool {
    lead == 0xC2 && (0x80...0x9F).contains(next)
  }

  /// The same over a buffer, eight bytes at a time (`WordScan`): a text with no byte under
  /// 0x20, no 0x7F and no 0xC2 (the lead byte of U+0080 to U+00BF) holds none, and `check`
  /// reads every text of a ledger so.
  public static func firstControlCharacter(in bytes: UnsafeRawBufferPointer) -> UInt32? {
    let mayHoldOne = WordScan.contains(bytes) { word in
      WordScan.below(word, 0x20) | WordScan.matches(word, 0x7F) | WordScan.matches(word, 0xC2)
    }
    return mayHoldOne ? firstControlCharacter(inUTF8: bytes) : nil
  }

  /// `bytes` (UTF-8) with each control character `text` refuses turned into one space: what
  /// text read from elsewhere (an article, its byline) becomes before it is a claim's.
  public static func blankingControlCharacters(inUTF8 bytes: [UInt8]) -> [UInt8] {
    guard bytes.withUnsafeBytes({ firstControlCharacter(in: $0) }) != nil else { return bytes }
    var blanked: [UInt8] = []
    blanked.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if index + 1 < bytes.count, isC1Control(byte, bytes[index + 1]) {
        blanked.append(0x20)
        index += 2
        continue
      }
      blanked.append(isControl(byte) ? 0x20 : byte)
      index += 1
    }
    return blanked
  }

  /// The same for a string.
  public static func blankingControlCharacters(_ text: String) -> String {
    guard firstControlCharacter(inUTF8: text.utf8) != nil else { return text }
    return String(decoding: blankingControlCharacters(inUTF8: Array(text.utf8)), as: UTF8.self)
  }

  /// Any text of a claim (its text, quote, source, notes): it may run over lines and hold
  /// tabs, but no other control character.
  public static func text(_ text: String) throws(Refusal) -> String {
    if let bad = firstControlCharacter(inUTF8: text.utf8) { throw .controlCharacter(bad) }
    return text
  }

  /// A text that must say something: more than spaces, format characters or marks.
  public static func required(_ text: String) throws(Refusal) -> String {
    guard saysSomething(text) else { throw .empty }
    return try self.text(text)
  }

  /// Whether the text holds something a reader sees: a letter, digit, punctuation mark or
  /// symbol (or a private-use character, which a font may draw). Spaces of any kind, format
  /// characters (a zero-width space, a byte order mark, a direction mark) and combining marks
  /// with nothing to combine with say nothing.
  public static func saysSomething(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
      if scalar.value > 0x20, scalar.value < 0x7F { return true }
      switch scalar.properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation, .dashPunctuation,
        .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
        .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
        .privateUse:
        return true
      default:
        return false
      }
    }
  }

  /// A tag: a text without `;`, looked for among the scalars (a `;` before a combining mark is
  /// one `Character` with it, but CSV still splits there). Control characters are looked for
  /// first, so a message never echoes one.
  public static func tag(_ text: String) throws(Refusal) -> String {
    let checked = try required(text)
    guard !text.unicodeScalars.contains(";") else { throw .semicolon }
    return checked
  }

  /// The tags with repeats left out, the first spelling kept: tags match without regard to
  /// case (`list --tag AI` finds `ai`), so `ai` and `AI` are one tag.
  public static func distinctTags(_ tags: [String]) -> [String] {
    guard tags.count > 1 else { return tags }
    var seen: Set<String> = []
    return tags.filter { seen.insert($0.lowercased()).inserted }
  }

  /// A link a report can show safely: http or https, with a host, and no space, control
  /// character, double quote or angle bracket, which would cut the link short or break out of
  /// it in a scorecard or a ClaimReview (`|`, `{}` and the like, seen unescaped in the wild,
  /// are left alone).
  public static func link(_ text: String) throws(Refusal) -> String {
    let lowered = try required(text).lowercased()
    guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"),
      !text.unicodeScalars.contains(where: isNeverInLink), URL(string: text)?.host != nil
    else { throw .notAWebLink(text) }
    return text
  }

  private static func isNeverInLink(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value <= 0x20 || scalar.value == 0x7F || scalar.properties.isWhitespace
      || "\"<>".unicodeScalars.contains(scalar)
  }

  /// Dates that cannot stand together, with the words that say why.
  public enum DateRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    case saidAfterToday(said: Day, today: Day)
    case deadlineBeforeSaid(deadline: Day, said: Day)
    case resolvedBeforeSaid(on: Day, said: Day)
    case resolvedAfterToday(on: Day, today: Day)

    public var description: String {
      switch self {
      case .saidAfterToday(let said, let today): "said on \(said), after today (\(today))"
      case .deadlineBeforeSaid(let deadline, let said):
        "deadline \(deadline) is before it was said (\(said))"
      case .resolvedBeforeSaid(let on, let said): "resolved on \(on), before it was said (\(said))"
      case .resolvedAfterToday(let on, let today): "resolved on \(on), after today (\(today))"
      }
    }
  }

  /// The first way the dates of one claim contradict each other or today, if any.
  public static func datesRefusal(said: Day?, deadline: Day?, resolvedOn: Day?, today: Day)
    -> DateRefusal?
  {
    if let said, said > today { return .saidAfterToday(said: said, today: today) }
    if let said, let deadline, deadline < said {
      return .deadlineBeforeSaid(deadline: deadline, said: said)
    }
    if let resolvedOn, let said, resolvedOn < said {
      return .resolvedBeforeSaid(on: resolvedOn, said: said)
    }
    if let resolvedOn, resolvedOn > today {
      return .resolvedAfterToday(on: resolvedOn, today: today)
    }
    return nil
  }
}
