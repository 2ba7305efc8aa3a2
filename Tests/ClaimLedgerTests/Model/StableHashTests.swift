import Testing

@testable import ClaimLedger

@Suite struct StableHashTests {
  static func hash(_ pieces: [String], seed: UInt64? = nil) -> UInt64 {
    var hash = seed.map { StableHash(seed: $0) } ?? StableHash()
    for piece in pieces { hash.combine(piece) }
    return hash.finalized
  }

  /// Values written by an earlier run must be met again: the hash is pinned to values worked
  /// out by a separate implementation of its steps (in Python), so a change to it is a decision
  /// (every cache is read afresh once), not an accident.
  @Test func isTheSameInEveryRun() {
    #expect(Self.hash([]) == 0x7ACD_BB98_B134_4213)
    #expect(Self.hash(["OpenAI acquires Pinterest"]) == 0x51D3_D137_F55A_F63F)
  }

  @Test func tellsApartWhereTextsAreCutAndWhatTheyHold() {
    let variants: [[String]] = [
      ["abc"], ["ab", "c"], ["a", "bc"], ["abc", ""], ["", "abc"], ["abd"], ["abcdefgh"],
      ["abcdefgi"], ["abcdefghi"], ["特斯拉收购"], ["特斯拉收購"], [],
    ]
    let hashes = variants.map { Self.hash($0) }
    #expect(Set(hashes).count == variants.count)
    #expect(Self.hash(["abc"], seed: 1) != Self.hash(["abc"], seed: 2))
  }

  /// Every bit of one eight-byte word changes the hash, and about half its bits.
  @Test func aFlippedBitChangesAboutHalfTheBits() {
    let base = Self.hash(["abcdefgh"])
    var total = 0
    for bit in 0..<64 {
      var bytes = Array("abcdefgh".utf8)
      bytes[bit / 8] ^= 1 << (bit % 8)
      var hash = StableHash()
      bytes.withUnsafeBytes { hash.combine($0) }
      let changed = (hash.finalized ^ base).nonzeroBitCount
      #expect(changed > 10)
      total += changed
    }
    #expect((24 * 64...40 * 64).contains(total))
  }
}
