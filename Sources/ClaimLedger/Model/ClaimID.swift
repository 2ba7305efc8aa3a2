import Foundation

/// A claim's id: 10 lowercase hex digits cut from the SHA-256 of what identifies the claim.
///
/// Extracting one article twice, or adding the same claim on two machines, gives the same id,
/// so the ledger holds one claim (after a union merge, `check` notes the second `claim` line). Held as an integer so loading a million claims hashes
/// and compares words, not strings.
public struct ClaimID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The 40 bits of the id.
  public let bits: UInt64

  public static let digitCount = 10
  /// The shortest prefix the command line accepts.
  public static let minimumPrefixLength = 4

  public init?(bits: UInt64) {
    guard bits < 1 << 40 else { return nil }
    self.bits = bits
  }

  /// Reads exactly 10 lowercase hex digits.
  public init?(_ text: some StringProtocol) {
    var utf8 = Array(text.utf8)
    guard let id = utf8.withUnsafeMutableBufferPointer({ ClaimID(bytes: UnsafeBufferPointer($0)) })
    else { return nil }
    self = id
  }

  init?(bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count == ClaimID.digitCount, let bits = ClaimID.hexValue(bytes) else { return nil }
    self.bits = bits
  }

  /// The id of a claim made by `source` on `said` in these words (the quote when there is one).
  ///
  /// Source and words are normalised first (case, spacing, full-width forms), so trivial
  /// differences in how two people typed them do not split one claim in two.
  public init(source: String, said: Day?, words: String) {
    // normalised(source) + "\n" + said + "\n" + normalised(words), built in one buffer.
    var key: [UInt8] = []
    key.reserveCapacity(source.utf8.count + words.utf8.count + 12)
    ClaimID.appendNormalised(source, to: &key)
    key.append(0x0A)
    key.append(contentsOf: (said?.description ?? "").utf8)
    key.append(0x0A)
    ClaimID.appendNormalised(words, to: &key)
    let digest = {
      var hasher = SHA256()
      hasher.update(key)
      return hasher.finalize()
    }()
    var bits: UInt64 = 0
    for byte in digest.prefix(5) { bits = bits << 8 | UInt64(byte) }
    self.bits = bits
  }

  public var description: String {
    Spelling.string(capacity: ClaimID.digitCount) { appendSpelling(to: &$0) }
  }

  /// Whether `prefix` (lowercase hex, at most 10 digits) starts this id.
  public func hasPrefix(_ prefix: IDPrefix) -> Bool {
    bits >> UInt64(4 * (ClaimID.digitCount - prefix.length)) == prefix.bits
  }

  public static func < (lhs: ClaimID, rhs: ClaimID) -> Bool {
    lhs.bits < rhs.bits
  }

  static func hexValue(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
    var bits: UInt64 = 0
    var invalid: UInt8 = 0
    for byte in bytes {
      // Without a branch: ids mix digits and letters at random, and a branch on which one a
      // byte is mispredicts every other time. A digit's low four bits are its value; a
      // letter's (a…f, 1…6) plus 9 are its value, and only letters have bit 6 set.
      let isDigit: UInt8 = byte &- 48 < 10 ? 1 : 0
      let isLetter: UInt8 = byte &- 97 < 6 ? 1 : 0
      invalid |= 1 &- (isDigit | isLetter)
      bits = bits << 4 | UInt64((byte & 0x0F) &+ 9 &* (byte >> 6))
    }
    return invalid == 0 ? bits : nil
  }

  static func normalised(_ text: String) -> String {
    let folded = FullWidth.folded(text)
    return simplyNormalised(folded)
      ?? folded.precomposedStringWithCanonicalMapping.lowercased().split(
        whereSeparator: { $0.isWhitespace }
      )
      .joined(separator: " ")
  }

  /// Appends `normalised(text)` to `key`, without making strings where the simple path does.
  static func appendNormalised(_ text: String, to key: inout [UInt8]) {
    let start = key.count
    if !appendSimplyNormalised(text, foldingFullWidth: true, to: &key) {
      key.removeSubrange(start...)
      key.append(contentsOf: normalised(text).utf8)
    }
  }

  /// The same result as the general path for text made only of ASCII, CJK ideographs and
  /// punctuation (which NFC leaves alone and which has no case but ASCII's), computed
  /// in one pass; nil for any other text.
  static func simplyNormalised(_ text: String) -> String? {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    guard appendSimplyNormalised(text, foldingFullWidth: false, to: &out) else { return nil }
    return String(decoding: out, as: UTF8.self)
  }

  /// `simplyNormalised` appending to `out`; false (with part of the text appended) for text it
  /// does not handle. `foldingFullWidth` first folds full-width forms as `FullWidth.folded` does.
  private static func appendSimplyNormalised(
    _ text: String, foldingFullWidth: Bool, to out: inout [UInt8]
  ) -> Bool {
    let start = out.count
    var pendingSpace = false
    for original in text.unicodeScalars {
      var scalar = original
      if foldingFullWidth, original.value >= 0xFF01, original.value <= 0xFF5E,
        let ascii = Unicode.Scalar(original.value - 0xFEE0)
      {
        scalar = ascii
      }
      let value = scalar.value
      if value == 0x20 || (0x09...0x0D).contains(value) {
        pendingSpace = out.count > start
        continue
      }
      guard value < 0x80 || isStable(value) else { return false }
      if pendingSpace {
        out.append(0x20)
        pendingSpace = false
      }
      if value >= 0x41, value <= 0x5A {
        out.append(UInt8(value + 32))
      } else {
        UTF8.encode(scalar) { out.append($0) }
      }
    }
    return true
  }

  /// Scalars that NFC never changes or combines and that are neither cased nor whitespace:
  /// CJK ideographs, CJK and general punctuation, full-width forms.
  private static func isStable(_ value: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
      // U+302A–302F are combining tone marks, which NFC reorders: not stable.
      || (0x3001...0x3029).contains(value) || (0x3030...0x303F).contains(value)
      || (0xFF01...0xFF65).contains(value)
      || (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
  }
}

/// The start of a claim id as typed on the command line: 4 to 10 hex digits.
public struct IDPrefix: Hashable, Sendable, CustomStringConvertible {
  public let bits: UInt64
  public let length: Int
  public let description: String

  /// Nil unless `text` is 4 to 10 hex digits (upper case is accepted and folded).
  public init?(_ text: String) {
    let lowered = text.lowercased()
    var utf8 = Array(lowered.utf8)
    guard (ClaimID.minimumPrefixLength...ClaimID.digitCount).contains(utf8.count),
      let bits = utf8.withUnsafeMutableBufferPointer({
        ClaimID.hexValue(UnsafeBufferPointer($0))
      })
    else { return nil }
    self.bits = bits
    self.length = utf8.count
    self.description = lowered
  }
}
