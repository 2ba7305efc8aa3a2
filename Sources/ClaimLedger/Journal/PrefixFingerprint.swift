/// A quick fingerprint of a file's first bytes, kept beside the SHA-256 state there, so that a
/// ledger grown by appends is hashed from where it stood and not from its first byte.
///
/// It is not cryptographic. It tells a ledger's remembered start from an edited, rewritten or
/// checked-out one, as any accident would change it; it only steers a cache on the user's own
/// machine, and the digest it helps to make is still the SHA-256 of every byte. Two chains of
/// 64-bit multiply-and-fold steps each take 16 bytes at a time, so it reads at memory speed
/// (about 13 GB/s here, where the SHA-256 does 0.26).
struct PrefixFingerprint: Sendable, Equatable {
  private(set) var first: UInt64
  private(set) var second: UInt64
  /// How many bytes went in; a multiple of `stride`.
  private(set) var byteCount: UInt64

  /// Bytes taken per step; `update` takes whole steps only.
  static let stride = 32

  init() {
    self.init(first: 0x243f_6a88_85a3_08d3, second: 0x1319_8a2e_0370_7344, byteCount: 0)
  }

  init(first: UInt64, second: UInt64, byteCount: UInt64) {
    self.first = first
    self.second = second
    self.byteCount = byteCount
  }

  /// Takes in `buffer`, whose length is a whole number of `stride`s (callers go by SHA-256's
  /// 64-byte blocks).
  mutating func update(_ buffer: UnsafeRawBufferPointer) {
    precondition(buffer.count % Self.stride == 0, "a fingerprint takes whole 32-byte steps")
    guard let base = buffer.baseAddress else { return }
    var (first, second) = (self.first, self.second)
    var offset = 0
    while offset < buffer.count {
      let step = base + offset
      // Adding the chain's value back keeps what came before even when a product is zero.
      first &+= Self.fold(
        step.loadUnaligned(as: UInt64.self) ^ first ^ 0xa076_1d64_78bd_642f,
        step.loadUnaligned(fromByteOffset: 8, as: UInt64.self) ^ 0xe703_7ed1_a0b4_28db)
      second &+= Self.fold(
        step.loadUnaligned(fromByteOffset: 16, as: UInt64.self) ^ second ^ 0x8ebc_6af0_9c88_c6e3,
        step.loadUnaligned(fromByteOffset: 24, as: UInt64.self) ^ 0x5899_65cc_7537_4cc3)
      offset &+= Self.stride
    }
    (self.first, self.second) = (first, second)
    byteCount &+= UInt64(buffer.count)
  }

  /// The 128-bit product of `a` and `b` folded to 64 bits.
  @inline(__always)
  private static func fold(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let product = a.multipliedFullWidth(by: b)
    return product.high ^ product.low
  }
}
