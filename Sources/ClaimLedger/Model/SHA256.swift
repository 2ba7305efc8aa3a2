/// SHA-256 (FIPS 180-4), written here because Foundation on Linux has no CryptoKit.
///
/// Claim ids are cut from it, and scorecards name the ledger they were made from by it.
public struct SHA256: Sendable {
  private var h0: UInt32 = 0x6a09_e667
  private var h1: UInt32 = 0xbb67_ae85
  private var h2: UInt32 = 0x3c6e_f372
  private var h3: UInt32 = 0xa54f_f53a
  private var h4: UInt32 = 0x510e_527f
  private var h5: UInt32 = 0x9b05_688c
  private var h6: UInt32 = 0x1f83_d9ab
  private var h7: UInt32 = 0x5be0_cd19
  /// Bytes of an unfinished 64-byte block.
  private var pending: [UInt8] = []
  private var length: UInt64 = 0

  public init() {}

  /// The state after a whole number of blocks: enough to go on hashing from there without the
  /// bytes before, which is how an appended ledger is hashed again in a moment.
  struct Midstate: Sendable, Equatable {
    /// `h0` to `h7`.
    var words: [UInt32]
    /// How many bytes were hashed; a multiple of 64.
    var byteCount: UInt64
  }

  /// Where hashing stands, when no block is unfinished; otherwise nil.
  var midstate: Midstate? { pending.isEmpty ? state : nil }

  /// The state before any byte.
  static var initialState: Midstate { SHA256().state }

  private var state: Midstate {
    Midstate(words: [h0, h1, h2, h3, h4, h5, h6, h7], byteCount: length)
  }

  /// A hasher that goes on from `midstate`, as if it had hashed the bytes before.
  init?(resuming midstate: Midstate) {
    guard midstate.words.count == 8, midstate.byteCount % 64 == 0 else { return nil }
    let words = midstate.words
    (h0, h1, h2, h3) = (words[0], words[1], words[2], words[3])
    (h4, h5, h6, h7) = (words[4], words[5], words[6], words[7])
    length = midstate.byteCount
  }

  /// The digest of `bytes` as 64 lowercase hex digits.
  public static func hex(of bytes: some Sequence<UInt8>) -> String {
    var hasher = SHA256()
    hasher.update(bytes)
    return hex(hasher.finalize())
  }

  /// 32 digest bytes as 64 lowercase hex digits.
  public static func hex(_ digest: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(digest.count * 2)
    for byte in digest {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 15)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  public mutating func update(_ bytes: some Sequence<UInt8>) {
    let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      update(UnsafeRawBufferPointer(buffer))
    }
    if handled == nil {
      let copy = Array(bytes)
      copy.withUnsafeBytes { update($0) }
    }
  }

  /// Hashes whole blocks straight from `buffer`; only a block's unfinished tail is copied.
  public mutating func update(_ buffer: UnsafeRawBufferPointer) {
    guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
    length &+= UInt64(buffer.count)
    var offset = 0
    if !pending.isEmpty {
      let take = min(64 - pending.count, buffer.count)
      pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
      offset = take
      guard pending.count == 64 else { return }
      pending.withUnsafeBytes { compress($0.baseAddress.unsafelyUnwrapped, blocks: 1) }
      pending.removeAll(keepingCapacity: true)
    }
    let blocks = (buffer.count - offset) / 64
    if blocks > 0 {
      compress(base + offset, blocks: blocks)
      offset += blocks * 64
    }
    if offset < buffer.count {
      pending.append(
        contentsOf: UnsafeRawBufferPointer(start: base + offset, count: buffer.count - offset))
    }
  }

  /// The 32-byte digest; the hasher is spent afterwards.
  public mutating func finalize() -> [UInt8] {
    let bitLength = length &* 8
    // The pending bytes, 0x80, zeros up to 56 bytes into a block, and the length: one or two
    // blocks, laid out in place rather than appended byte by byte (ids hash short texts, where
    // this is most of the work).
    let blocks = pending.count < 56 ? 1 : 2
    var tail = [UInt8](repeating: 0, count: blocks * 64)
    tail.replaceSubrange(0..<pending.count, with: pending)
    tail[pending.count] = 0x80
    for index in 0..<8 {
      tail[tail.count - 1 - index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * index))
    }
    tail.withUnsafeBytes { bytes in
      compress(bytes.baseAddress.unsafelyUnwrapped, blocks: blocks)
    }
    pending.removeAll()
    var digest = [UInt8](repeating: 0, count: 32)
    for (index, word) in [h0, h1, h2, h3, h4, h5, h6, h7].enumerated() {
      for byte in 0..<4 {
        digest[index * 4 + byte] = UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * byte))
      }
    }
    return digest
  }

  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]

  /// `blocks` 64-byte blocks from `start`, with the state in locals for the whole run.
  ///
  /// A ledger of a million claims is 800 MB to hash, and this loop is all of that time. Each
  /// block's message schedule is worked out first, apart from the rounds' chain of
  /// dependencies; the rounds go eight at a time with the variables' roles rotated in the
  /// calls instead of moved; and the choice and majority functions take their forms with one
  /// operation fewer.
  private mutating func compress(_ start: UnsafeRawPointer, blocks: Int) {
    var (a0, b0, c0, d0, e0, f0, g0, h0) = (
      self.h0, self.h1, self.h2, self.h3, self.h4, self.h5, self.h6, self.h7
    )
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
      guard let w = schedule.baseAddress else { return }
      SHA256.roundConstants.withUnsafeBufferPointer { constants in
        guard let k = constants.baseAddress else { return }
        for block in 0..<blocks {
          let bytes = start + block &* 64
          for i in 0..<16 {
            w[i] = UInt32(
              bigEndian: bytes.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self))
          }
          for i in 16..<64 {
            let early = w[i &- 15]
            let late = w[i &- 2]
            let s0 = early.rotatedRight(7) ^ early.rotatedRight(18) ^ (early >> 3)
            let s1 = late.rotatedRight(17) ^ late.rotatedRight(19) ^ (late >> 10)
            w[i] = w[i &- 16] &+ s0 &+ w[i &- 7] &+ s1
          }
          var (a, b, c, d, e, f, g, h) = (a0, b0, c0, d0, e0, f0, g0, h0)
          var i = 0
          while i < 64 {
            SHA256.round(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
            SHA256.round(h, a, b, &c, d, e, f, &g, k[i &+ 1] &+ w[i &+ 1])
            SHA256.round(g, h, a, &b, c, d, e, &f, k[i &+ 2] &+ w[i &+ 2])
            SHA256.round(f, g, h, &a, b, c, d, &e, k[i &+ 3] &+ w[i &+ 3])
            SHA256.round(e, f, g, &h, a, b, c, &d, k[i &+ 4] &+ w[i &+ 4])
            SHA256.round(d, e, f, &g, h, a, b, &c, k[i &+ 5] &+ w[i &+ 5])
            SHA256.round(c, d, e, &f, g, h, a, &b, k[i &+ 6] &+ w[i &+ 6])
            SHA256.round(b, c, d, &e, f, g, h, &a, k[i &+ 7] &+ w[i &+ 7])
            i &+= 8
          }
          a0 &+= a
          b0 &+= b
          c0 &+= c
          d0 &+= d
          e0 &+= e
          f0 &+= f
          g0 &+= g
          h0 &+= h
        }
      }
    }
    (self.h0, self.h1, self.h2, self.h3, self.h4, self.h5, self.h6, self.h7) = (
      a0, b0, c0, d0, e0, f0, g0, h0
    )
  }

  /// One round, `word` being the round's constant plus its schedule word: `h` becomes the new
  /// `a` and `d` the new `e`; the other six only change names, which the caller does by
  /// passing them rotated.
  @inline(__always)
  private static func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32,
    _ g: UInt32, _ h: inout UInt32, _ word: UInt32
  ) {
    let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
    let choice = g ^ (e & (f ^ g))
    let t1 = h &+ s1 &+ choice &+ word
    let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
    let majority = (a & b) | (c & (a | b))
    d &+= t1
    h = t1 &+ s0 &+ majority
  }
}

extension UInt32 {
  fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
    (self >> count) | (self << (32 - count))
  }
}
