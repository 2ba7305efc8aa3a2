import SplitMix
import Testing

@testable import ClaimLedger

@Suite struct PrefixFingerprintTests {
  static func fingerprint(_ bytes: [UInt8]) -> PrefixFingerprint {
    var fingerprint = PrefixFingerprint()
    bytes.withUnsafeBytes { fingerprint.update($0) }
    return fingerprint
  }

  static func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var random = SplitMix64(seed: seed)
    return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
  }

  /// Taken in pieces or at once, the same bytes give the same fingerprint.
  @Test func theSameBytesInAnyWholeStepsGiveTheSameFingerprint() {
    let bytes = Self.randomBytes(4096, seed: 7)
    let whole = Self.fingerprint(bytes)
    var pieces = PrefixFingerprint()
    for start in stride(from: 0, to: bytes.count, by: 320) {
      bytes[start..<min(bytes.count, start + 320)].withUnsafeBytes { pieces.update($0) }
    }
    #expect(pieces == whole)
    #expect(whole.byteCount == 4096)
  }

  /// Every byte counts: flipping any one bit of any byte, or swapping two steps, changes it.
  @Test func anyChangedByteChangesIt() {
    let bytes = Self.randomBytes(2048, seed: 11)
    let original = Self.fingerprint(bytes)
    var random = SplitMix64(seed: 12)
    for position in 0..<bytes.count {
      var changed = bytes
      changed[position] ^= UInt8(1) << UInt8(random.next() % 8)
      #expect(Self.fingerprint(changed) != original, "byte \(position)")
    }
    var swapped = bytes
    swapped.replaceSubrange(0..<64, with: bytes[32..<64] + bytes[0..<32])
    #expect(Self.fingerprint(swapped) != original)
  }

  /// A step whose product comes out zero (its second word undoes the constant it is mixed
  /// with) does not wipe out what came before it.
  @Test func aZeroProductForgetsNothing() {
    var bytes = Self.randomBytes(96, seed: 13)
    let undo: UInt64 = 0xe703_7ed1_a0b4_28db
    withUnsafeBytes(of: undo.littleEndian) { bytes.replaceSubrange(40..<48, with: $0) }
    var earlier = bytes
    earlier[0] ^= 1
    #expect(Self.fingerprint(earlier) != Self.fingerprint(bytes))
  }
}
